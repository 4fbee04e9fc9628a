"""A number the citizen copies down stays on one line: FitLabel shrinks the big type (not below MIN_SCALE) instead of
breaking a local reference at a hyphen, and wraps like any label when even that is not enough."""
from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QColor, QFontMetricsF, QImage
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from kiosk.screens.fit_label import MIN_SCALE, FitLabel
from kiosk.screens.theme import Theme, choose_cjk_font

REFERENCE = "LY-DEMO-0001-KXPM-20261126-0007"   # the local reference of an offline submission


@pytest.fixture(params=[False, True], ids=["normal", "elderly"])
def theme(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[Theme]:
    """The kiosk's own style sheet, so that the role "big" has the size a citizen sees."""
    theme = Theme(choose_cjk_font(), elderly=request.param)
    qapp.setStyleSheet(theme.stylesheet())
    yield theme
    qapp.setStyleSheet("")


def pair(qtbot: QtBot, text: str) -> tuple[FitLabel, QLabel]:
    fit, plain = FitLabel(text, "big"), QLabel(text)
    plain.setProperty("role", "big")
    plain.setWordWrap(True)
    for widget in (fit, plain):
        qtbot.addWidget(widget)
        widget.ensurePolished()
    return fit, plain


def one_line(label: QLabel) -> float:
    return QFontMetricsF(label.font()).height()


def test_a_reference_that_would_wrap_gets_one_line_of_smaller_type(qtbot: QtBot, theme: Theme) -> None:
    fit, plain = pair(qtbot, REFERENCE)
    assert fit.font().pixelSize() == theme.px("XXL")
    width = round(QFontMetricsF(fit.font()).horizontalAdvance(REFERENCE) * 0.75)  # needs 3/4 of its size

    assert plain.heightForWidth(width) > 1.5 * one_line(plain)        # a plain label breaks it in two
    font = fit.fitted_font(width)
    assert font is not None
    assert MIN_SCALE * theme.px("XXL") <= font.pixelSize() < theme.px("XXL")
    assert QFontMetricsF(font).horizontalAdvance(REFERENCE) <= width
    assert fit.heightForWidth(width) < one_line(fit)                    # one line of the smaller type
    assert fit.text() == REFERENCE                                      # what tests and screen readers see


def test_it_paints_the_whole_reference_in_one_band(qtbot: QtBot, theme: Theme) -> None:
    fit, _ = pair(qtbot, REFERENCE)
    fit.setStyleSheet("background: white; color: black")
    width = round(QFontMetricsF(fit.font()).horizontalAdvance(REFERENCE) * 0.75)
    fit.resize(width, fit.heightForWidth(width))
    image = fit.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    inked_rows = [y for y in range(image.height())
                  if any(QColor(image.pixel(x, y)).lightness() < 128 for x in range(image.width()))]
    assert inked_rows, "nothing was painted"
    assert inked_rows[-1] - inked_rows[0] < one_line(fit)               # glyphs of one line only
    inked_columns = [x for x in range(image.width())
                     if any(QColor(image.pixel(x, y)).lightness() < 128 for y in inked_rows)]
    assert inked_columns[-1] - inked_columns[0] > width * 0.8           # and all of it, across the width


def test_text_that_fits_is_left_alone(qtbot: QtBot, theme: Theme) -> None:
    fit, plain = pair(qtbot, "A023")
    assert fit.fitted_font(800) == fit.font()
    assert fit.heightForWidth(800) == plain.heightForWidth(800)


def test_text_too_long_for_the_smallest_type_wraps(qtbot: QtBot, theme: Theme) -> None:
    fit, plain = pair(qtbot, "老年人优待证办理 城乡居民基本养老保险参保登记")
    width = round(QFontMetricsF(fit.font()).horizontalAdvance(fit.text()) * MIN_SCALE * 0.8)
    assert fit.fitted_font(width) is None
    assert fit.heightForWidth(width) == plain.heightForWidth(width) > 1.5 * one_line(plain)


def test_an_empty_label_is_a_plain_one(qtbot: QtBot, theme: Theme) -> None:
    fit, plain = pair(qtbot, "")
    assert fit.fitted_font(10) == fit.font()
    assert fit.heightForWidth(200) == plain.heightForWidth(200)
