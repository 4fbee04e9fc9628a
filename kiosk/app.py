"""Composition root: Qt -> config -> context -> window -> first frame -> logging, admin parts, watchdog,
services. Nothing else builds the app's objects.

`build_window()` is shared by the real run, the screenshot command and the tests; it never calls exec()
or sys.exit() (one QApplication per test session). The first frame of home needs only the config, the
session, the router and the window: everything else (the log file, the audit log, the PIN guard, voice, the
systemd watchdog, devices, the central-service client, the outbox, the catalogue) is imported and built
after it (`run()`, `_after_first_frame`), so start-up stays close to a bare window.
"""
from __future__ import annotations

import logging
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QRect, QSize, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from kiosk import paths
from kiosk.config import ConfigError, KioskConfig, load_config
from kiosk.flow import Router
from kiosk.i18n import install_language
from kiosk.journeys import SCREEN_GRAPH
from kiosk.screens.context import AppContext
from kiosk.screens.keyboard import enable_virtual_keyboard
from kiosk.screens.theme import NoCjkFont, Theme, choose_cjk_font
from kiosk.screens.window import KioskWindow
from kiosk.session import Session
from kiosk.tasks import install_gui_thread_guard

# Not imported here, on purpose (imported where used, after the first frame or on an error path):
# kiosk.audit, kiosk.pin, kiosk.voice (admin and voice parts), kiosk.logs, kiosk.watchdog, kiosk.services
# (devices, api, catalogue, health), kiosk.screens.out_of_service. tests/shell/test_startup_imports.py
# keeps it so.

log = logging.getLogger(__name__)
PORTRAIT, LANDSCAPE = QSize(1080, 1920), QSize(1920, 1080)


def qt_app() -> QApplication:
    enable_virtual_keyboard()
    existing = QApplication.instance()
    app = existing or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("kiosk")
    return app


def window_size(config: KioskConfig) -> QSize:
    """The configured resolution, else the screen's own, else the orientation's standard size."""
    display = config.display
    if display.resolution != "auto":
        width, height = (int(v) for v in display.resolution.split("x"))
        return QSize(width, height)
    screens = QGuiApplication.screens()
    if screens and QGuiApplication.platformName() not in ("offscreen", "minimal"):
        return screens[min(display.screen, len(screens) - 1)].geometry().size()
    return PORTRAIT if display.orientation == "portrait" else LANDSCAPE


@dataclass
class Built:
    window: KioskWindow
    ctx: AppContext


def build_window(config: KioskConfig, *, size: QSize | None = None, language: str | None = None,
                 elderly: bool | None = None, data_dir: Path | None = None,
                 registry: dict[str, str] | None = None, graph: dict[str, set[str]] | None = None,
                 parts_later: bool = False) -> Built:
    """The kiosk window for CONFIG at SIZE (default: the configured size). Needs a QApplication.

    PARTS_LATER (the real run): the audit log, PIN guard and voice are attached by `attach_parts()` after
    the first frame (nothing on the home screen uses them; ctx.audit / pin_guard / voice are None until then).
    """
    size = size or window_size(config)
    display = config.display
    session = Session(language=language or display.language,
                      elderly_mode=display.elderly_mode_default if elderly is None else elderly)
    install_language(session.language)
    data = data_dir or paths.data_dir(config)
    ctx = AppContext(
        config=config, session=session, router=Router(graph or SCREEN_GRAPH), font_family=choose_cjk_font(display.font_family),
        portrait=size.height() >= size.width(), data_dir=data,
    )
    window = KioskWindow(ctx, registry=registry, language_changer=install_language)
    window.resize(size)
    built = Built(window, ctx)
    if not parts_later:
        attach_parts(built)
    return built


def attach_parts(built: Built) -> None:
    """The parts screens reach through the context that the home screen does not need: the admin audit log,
    the admin PIN guard and voice."""
    from kiosk.audit import AuditLog
    from kiosk.pin import PinGuard
    from kiosk.voice import Voice

    ctx, config = built.ctx, built.ctx.config
    data = ctx.data_dir or paths.data_dir(config)
    ctx.audit = AuditLog(data / "audit.log", config.terminal.id)
    ctx.pin_guard = PinGuard(config.admin.pin_hash, config.admin.max_failures, config.admin.lockout_minutes * 60)
    ctx.voice = Voice(config.voice, built.window)  # deleted with the window on the GUI thread, not by a collector


def show_kiosk(window: QWidget, config: KioskConfig, *, windowed: bool) -> None:
    if windowed:
        window.show()
        return
    window.setWindowFlags(Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint)
    screens = QGuiApplication.screens()
    if screens:
        geometry = screens[min(config.display.screen, len(screens) - 1)].geometry()
        if config.display.resolution != "auto":
            geometry = QRect(geometry.topLeft(), window_size(config))
        window.setGeometry(geometry)
    if config.display.hide_cursor:
        QApplication.setOverrideCursor(Qt.CursorShape.BlankCursor)
    # Frameless + the screen's geometry: showFullScreen() without a window manager gives a small window.
    window.show()


def out_of_service(kind: str, lines: list[str]) -> QWidget:
    from kiosk.screens.out_of_service import OutOfServiceScreen, reference_for

    reference = reference_for(kind, "\n".join(lines))
    log.error("out of service, reference %s:\n  %s", reference, "\n  ".join(lines))
    screen = OutOfServiceScreen(reference, lines)
    try:
        font = choose_cjk_font()
    except NoCjkFont:
        font = "Sans"
    screen.setStyleSheet(Theme(font).stylesheet())
    return screen


def run(config_path: str | None, *, windowed: bool = False) -> int:
    """Run the kiosk until an admin exits it. A broken config shows 暂停服务 and waits for a fix."""
    app = qt_app()
    install_gui_thread_guard()
    try:
        config = load_config(config_path)
    except ConfigError as exc:
        from kiosk.logs import setup_logging

        setup_logging(Path(os.environ.get("KIOSK_LOG_DIR") or paths.default_log_dir()))
        screen = out_of_service("CFG", [str(p) for p in exc.problems])
        screen.resize(PORTRAIT)
        screen.show() if windowed else screen.showFullScreen()
        _restart_when_config_fixed(config_path)
        return app.exec()

    def start_logging() -> None:
        from kiosk.logs import setup_logging

        setup_logging(paths.log_dir(config), level=config.storage.log_level,
                      retention=config.storage.log_retention_files)
        log.info("kiosk starting: terminal %s, config %s", config.terminal.id, config.source)

    try:
        built = build_window(config, parts_later=True)
    except NoCjkFont as exc:
        start_logging()
        screen = out_of_service("FONT", [str(exc)])
        screen.resize(window_size(config))
        screen.show() if windowed else screen.showFullScreen()
        return app.exec()
    started = False

    def after_first_frame() -> None:
        nonlocal started
        if not started:
            started = True
            start_logging()
            _after_first_frame(app, built, config)

    built.window.firstFrame.connect(after_first_frame)
    show_kiosk(built.window, config, windowed=windowed)
    _exit_cleanly_on_sigterm(app)
    return app.exec()


def _after_first_frame(app: QApplication, built: Built, config: KioskConfig) -> None:
    """After the log file, in this order: the admin parts and voice, systemd READY (the watchdog pings from
    now on), then the services (devices, the central-service client and outbox, the catalogue), which start
    their slow work off the GUI thread."""
    from kiosk.services import Services
    from kiosk.watchdog import Watchdog

    attach_parts(built)
    Watchdog(app).ready()  # parented to the app: lives as long as it
    window = built.window
    services = Services(config, built.ctx.data_dir or paths.data_dir(config), built.ctx.services, app)
    app.aboutToQuit.connect(services.stop)
    services.onlineChanged.connect(lambda online: window.set_offline(not online))
    services.storageFailed.connect(window.show_out_of_service)
    services.start()


def _exit_cleanly_on_sigterm(app: QApplication) -> None:
    """systemd stops the kiosk with SIGTERM: leave the event loop so devices and child processes stop.

    Python runs signal handlers only between bytecodes; the idle timer lets it look while Qt waits.
    """
    import signal

    signal.signal(signal.SIGTERM, lambda *_: app.exit(0))
    timer = QTimer(app)
    timer.timeout.connect(lambda: None)
    timer.start(500)


def restart_process() -> None:
    """Replace this process with a fresh kiosk (same arguments): config fixed, or the admin's 重启."""
    frozen = getattr(sys, "frozen", False)
    os.execv(sys.executable, [sys.executable, *([] if frozen else ["-m", "kiosk"]), *sys.argv[1:]])


def _restart_when_config_fixed(config_path: str | None) -> None:
    """Check the config every 10 s; once it is valid, restart the process cleanly (no manual restart)."""
    timer = QTimer(QApplication.instance())

    def check() -> None:
        try:
            load_config(config_path)
        except ConfigError:
            return
        log.info("config fixed: restarting")
        restart_process()

    timer.timeout.connect(check)
    timer.start(10_000)
