"""Background work comes back on the GUI thread; blocking I/O on it fails loudly; translations are complete;
every screen renders in every variant without pushing the window past the screen."""
from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from kiosk import tasks
from kiosk.config import EMBEDDED_DEMO_CONFIG, load_config

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.gui
def test_background_work_reports_success_and_failure_on_the_gui_thread(qtbot: QtBot) -> None:
    gui = threading.get_ident()
    seen: dict[str, object] = {}

    def work() -> int:
        seen["worker"] = threading.get_ident()
        return 42

    def fail() -> int:
        raise OSError("port gone")

    tasks.run_in_background(work, lambda v: seen.update(value=v, on=threading.get_ident()))
    tasks.run_in_background(fail, lambda v: None, lambda e: seen.update(error=e, err_on=threading.get_ident()))
    qtbot.waitUntil(lambda: "value" in seen and "error" in seen, timeout=5000)
    assert seen["value"] == 42 and seen["on"] == gui and seen["err_on"] == gui and seen["worker"] != gui
    assert isinstance(seen["error"], OSError)


def test_blocking_io_on_the_gui_thread_fails_loudly_in_strict_runs(tmp_path: Path) -> None:
    assert tasks.install_gui_thread_guard(force=True)
    try:
        with pytest.raises(tasks.BlockingOnGuiThread):
            sqlite3.connect(tmp_path / "x.db")
        with pytest.raises(tasks.BlockingOnGuiThread):
            open("/dev/ttyUSB0")  # noqa: SIM115 - the guard refuses before the OS is asked
        with tasks.allow_blocking():
            sqlite3.connect(tmp_path / "ok.db").close()
        opened: list[bool] = []

        def on_worker() -> None:
            sqlite3.connect(tmp_path / "w.db").close()
            opened.append(True)

        thread = threading.Thread(target=on_worker)
        thread.start()
        thread.join()
        assert opened == [True]
    finally:
        tasks.release_gui_thread_guard()


def test_every_text_in_the_code_has_an_english_translation(tmp_path: Path) -> None:
    copy = tmp_path / "kiosk_en.ts"
    shutil.copy(ROOT / "kiosk" / "i18n" / "kiosk_en.ts", copy)
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "translations.py"), "--ts", str(copy)],
                            check=False, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def check_screenshots(tmp_path: Path, variants: list[tuple[str, str, bool]]) -> None:
    from kiosk.screens.screenshots import collect_plan, render_all

    written = render_all(load_config(EMBEDDED_DEMO_CONFIG), tmp_path, variants=variants)
    out_of_service = sum(1 for _, language, elderly in variants if language == "zh_CN" and not elderly)
    assert len(written) == len(collect_plan()) * len(variants) + out_of_service
    for path in written:
        image = QImage(str(path))
        expected = (1080, 1920) if "portrait" in path.name else (1920, 1080)
        assert (image.width(), image.height()) == expected, path.name


@pytest.mark.gui
def test_every_screen_renders_at_the_exact_screen_size(qtbot: QtBot, tmp_path: Path) -> None:
    """Two contrasting variants in the quick run; all eight in the slow one."""
    check_screenshots(tmp_path, [("portrait", "zh_CN", False), ("landscape", "en", True)])


@pytest.mark.gui
@pytest.mark.slow
@pytest.mark.timeout(1200)
def test_screenshots_cover_every_variant_at_the_exact_screen_size(qtbot: QtBot, tmp_path: Path) -> None:
    from kiosk.screens.screenshots import VARIANTS

    check_screenshots(tmp_path, VARIANTS)
