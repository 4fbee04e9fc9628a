"""What a citizen must read is on screen without scrolling: the number and QR of a receipt that could not be
printed, and the list of what is wrong with a form they just sent. Real window, real screens, driven to the state
by the same steps as the documented screenshots."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from kiosk.app import LANDSCAPE, PORTRAIT, Built, build_window
from kiosk.config import EMBEDDED_DEMO_CONFIG, load_config
from kiosk.screens.screenshots import collect_plan, settled

pytestmark = pytest.mark.gui


@pytest.fixture
def open_window(qtbot: QtBot, tmp_path: Path) -> Iterator[list[Built]]:
    opened: list[Built] = []
    yield opened
    for built in opened:
        built.ctx.admin_mode = True
        built.window._allow_close = True


def reach(qtbot: QtBot, opened: list[Built], tmp_path: Path, state: str, size: QSize, *, elderly: bool) -> QWidget:
    built = build_window(load_config(EMBEDDED_DEMO_CONFIG), size=size, data_dir=tmp_path, elderly=elderly)
    opened.append(built)
    qtbot.addWidget(built.window)
    built.window.show()
    collect_plan()[state](built)
    return settled(built)   # as the screen is when a citizen looks


def in_view(screen: QWidget, widget: QWidget) -> bool:
    viewport = screen.scroll_area.viewport()
    return viewport.rect().contains(QRect(widget.mapTo(viewport, QPoint(0, 0)), widget.size()))


@pytest.mark.parametrize("state", ["apply_done", "help_done_offline"])
def test_the_offline_receipt_fits_a_landscape_screen_in_elderly_mode(
        qtbot: QtBot, open_window: list[Built], tmp_path: Path, state: str) -> None:
    """No printer, no network: the local reference, on one line, and its QR. (The reference with the installation
    tag broke in two at a hyphen and pushed the QR below the fold; help_done had one column.)"""
    screen = reach(qtbot, open_window, tmp_path, state, LANDSCAPE, elderly=True)
    headline, qr = screen.receipt.headline, screen.receipt.qr
    assert headline.text().startswith("LY-DEMO-0001-") and not qr.pixmap().isNull()
    assert headline.height() < 1.5 * QFontMetricsF(headline.font()).height()
    assert in_view(screen, headline) and in_view(screen, qr)


@pytest.mark.parametrize("size", [PORTRAIT, LANDSCAPE], ids=["portrait", "landscape"])
@pytest.mark.parametrize("elderly", [False, True], ids=["normal", "elderly"])
def test_the_problems_of_a_sent_form_are_seen_whole(
        qtbot: QtBot, open_window: list[Built], tmp_path: Path, size: QSize, elderly: bool) -> None:
    """The citizen taps 提交求助 at the foot of the help request with two things wrong. The list of problems
    appears just above the button; the view scrolled before its layout ran, and half of it stayed below."""
    screen = reach(qtbot, open_window, tmp_path, "help_request_errors", size, elderly=elderly)
    assert screen.problem.isVisible() and screen.problem.text().count("\n") == 1
    assert in_view(screen, screen.problem)


@pytest.mark.parametrize("size", [PORTRAIT, LANDSCAPE], ids=["portrait", "landscape"])
def test_the_first_field_to_mend_is_in_view(qtbot: QtBot, open_window: list[Built], tmp_path: Path,
                                           size: QSize) -> None:
    """The application form sent with a wrong phone number and fields left empty: the first field in error, with
    its reason, is on screen."""
    screen = reach(qtbot, open_window, tmp_path, "apply_form_errors", size, elderly=True)
    first = next(field for field in screen.fields.values() if field.error.isVisible())
    assert first.error.text() and in_view(screen, first.error)


@pytest.mark.parametrize("size", [PORTRAIT, LANDSCAPE], ids=["portrait", "landscape"])
def test_why_a_case_look_up_was_refused_is_in_view(qtbot: QtBot, open_window: list[Built], tmp_path: Path,
                                                  size: QSize) -> None:
    screen = reach(qtbot, open_window, tmp_path, "case_lookup_refused", size, elderly=True)
    assert "没有查到这个办件" in screen.error.text() and in_view(screen, screen.error)


@pytest.mark.parametrize("size", [PORTRAIT, LANDSCAPE], ids=["portrait", "landscape"])
def test_why_a_typed_id_number_was_refused_is_in_view(qtbot: QtBot, open_window: list[Built], tmp_path: Path,
                                                     size: QSize) -> None:
    screen = reach(qtbot, open_window, tmp_path, "identify_manual", size, elderly=True)
    assert "校验位" in screen.manual_error.text() and in_view(screen, screen.manual_error)
