"""The kiosk window: frameless full screen, top and bottom bars, the current screen, idle and lockdown.

It follows the router (which screen), the session (language, elderly mode, wipe) and the idle tracker
(prompt, countdown, reset). Outside admin mode the window cannot be closed from the keyboard or the
window system (privacy rule 15).
"""
from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QStackedWidget, QVBoxLayout, QWidget

from kiosk.flow import HOME, Route
from kiosk.idle import CornerTaps, IdleState, IdleTracker
from kiosk.screens.bars import BottomBar, TopBar
from kiosk.screens.base import Screen
from kiosk.screens.context import AppContext
from kiosk.screens.keyboard import KeyboardDock
from kiosk.screens.overlay import IdlePrompt, Message
from kiosk.screens.registry import SCREENS, screen_class
from kiosk.screens.widgets import label
from kiosk.tasks import run_in_background

log = logging.getLogger(__name__)

CORNER_PX = 140
# Strings, not Qt.Key members: touching Qt.Key builds a ~500-member Python enum at start-up (~30 ms).
_BLOCKED_KEYS = tuple(QKeySequence(keys) for keys in (
    "Esc", "Alt+F4", "Ctrl+Q", "Ctrl+W", "Alt+Tab", "Ctrl+Alt+Backspace", "Meta+D",
    # the reverse switcher (Shift turns Tab into Backtab), the Windows start menu and the window menu
    "Alt+Shift+Tab", "Alt+Shift+Backtab", "Alt+Backtab", "Meta+Tab", "Ctrl+Esc", "Alt+Esc", "Alt+Space"))
_TOUCH_EVENTS = {QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin, QEvent.Type.KeyPress, QEvent.Type.Wheel}


_discarded: set[QWidget] = set()


def _discard(widget: QWidget) -> None:
    """Detach now (nothing can find it any more), delete when the event loop next runs, on the GUI thread.

    Detached, the widget belongs to Python; it is kept referenced until Qt has deleted it, so Python's cycle
    collector (which may run on any thread) never frees it first, from a worker thread.
    """
    widget.hide()
    widget.setParent(None)
    _discarded.add(widget)
    widget.destroyed.connect(lambda *_: _discarded.discard(widget))
    widget.deleteLater()


class KioskWindow(QWidget):
    firstFrame = Signal()  # the first paint is done: start everything that can wait (services, watchdog READY)

    def __init__(self, ctx: AppContext, *, registry: dict[str, str] | None = None,
                 language_changer: Any = None) -> None:
        super().__init__()
        self.ctx = ctx
        self._registry = registry or SCREENS
        self._change_language = language_changer or (lambda language: None)
        self._screens: dict[str, Screen] = {}
        self.setObjectName("Window")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setWindowTitle("政务服务自助一体机")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.stack = QStackedWidget(self)
        self.top: TopBar | None = None
        self.bottom = BottomBar(self)
        self.bottom.homeClicked.connect(self._go_home)
        self.bottom.backClicked.connect(ctx.router.back)
        self.bottom.callClicked.connect(self._call_staff)
        self.banner = label("", wrap=True)
        self.banner.setObjectName("Banner")
        self.banner.hide()
        layout.addWidget(self.banner)
        layout.addWidget(self.stack, 1)
        self.keyboard = KeyboardDock(self)
        layout.addWidget(self.keyboard)
        layout.addWidget(self.bottom)
        self.idle_prompt = IdlePrompt(self)
        self.idle_prompt.extendRequested.connect(self._extend)
        self.idle_prompt.endRequested.connect(self.end_session)
        self.message = Message(self)
        self.demo_panel: QWidget | None = None   # 演示工具, built on first use, only with demo_controls
        self.out_of_service: QWidget | None = None  # 暂停服务 after a storage failure (show_out_of_service)
        ctx.notify = self.message.show_text
        ctx.quit_app = self._quit
        ctx.set_admin_mode = lambda on: self.set_admin_mode(on, reason="pin" if on else "manual")
        ctx.end_session = self.end_session
        cfg = ctx.config.display
        self.idle = IdleTracker(cfg.idle_timeout_s, cfg.idle_prompt_s)
        self.corner = CornerTaps()
        self._last_press = -1
        self._idle_timer = QTimer(self)
        self._idle_timer.timeout.connect(self._idle_tick)
        self._idle_timer.start(1000)
        ctx.router.subscribe(self._on_route)
        self._build_top_bar()
        self.apply_theme()
        self._show(ctx.router.current)
        QApplication.instance().installEventFilter(self)

    # --- screens -----------------------------------------------------------------------------------
    def screen(self, name: str) -> Screen:
        """The screen NAME, built on first use and cached until the session ends."""
        if name not in self._screens:
            widget = screen_class(name, self._registry)(self.ctx)
            self._screens[name] = widget
            self.stack.addWidget(widget)
        return self._screens[name]

    @property
    def current_screen(self) -> Screen:
        return self.screen(self.ctx.router.current.screen)

    def _on_route(self, route: Route, previous: Route | None) -> None:
        if previous is not None and previous.screen in self._screens:
            self._screens[previous.screen].leave()
        self._show(route)

    def _show(self, route: Route) -> None:
        if self.out_of_service is not None and not route.screen.startswith("admin"):
            self.stack.setCurrentWidget(self.out_of_service)  # nothing for citizens until it is fixed
            self.bottom.update_for(at_home=True, can_go_back=False)  # calling staff still works
            return
        widget = self.screen(route.screen)
        self.stack.setCurrentWidget(widget)
        timeout = self.ctx.config.admin.idle_logout_s if self.ctx.admin_mode else widget.idle_timeout_s
        self.idle.set_timeout(timeout or self.ctx.config.display.idle_timeout_s)
        self.bottom.update_for(at_home=route.screen == HOME,
                               can_go_back=self.ctx.router.can_go_back() and widget.shows_back)
        widget.enter(route.params)

    def _drop_screens(self) -> None:
        """Forget every built screen: what they displayed, their caches, their widgets."""
        for widget in self._screens.values():
            widget.wipe()
            self.stack.removeWidget(widget)
            _discard(widget)
        self._screens.clear()

    def _rebuild(self) -> None:
        """Language or elderly mode changed: rebuild the bars and the current screen in the new look."""
        self._drop_screens()
        if self.demo_panel is not None:
            _discard(self.demo_panel)
            self.demo_panel = None
        self._build_top_bar()
        _discard(self.bottom)
        self.bottom = BottomBar(self)
        self.bottom.homeClicked.connect(self._go_home)
        self.bottom.backClicked.connect(self.ctx.router.back)
        self.bottom.callClicked.connect(self._call_staff)
        self.layout().addWidget(self.bottom)
        self.apply_theme()
        self._show(self.ctx.router.current)

    def _build_top_bar(self) -> None:
        if self.top is not None:
            self.layout().removeWidget(self.top)
            _discard(self.top)
        session, display = self.ctx.session, self.ctx.config.display
        self.top = TopBar(self.ctx.config.terminal.site_name, demo=display.demo_controls,
                          language=session.language, elderly=session.elderly_mode,
                          portrait=self.ctx.portrait, parent=self)
        self.top.languageClicked.connect(self.toggle_language)
        self.top.elderlyClicked.connect(self.toggle_elderly)
        self.top.demoClicked.connect(self.show_demo_panel)
        self.layout().insertWidget(0, self.top)

    def show_demo_panel(self) -> None:
        """The simulator controls; they do not exist unless [display] demo_controls is true."""
        if not self.ctx.config.display.demo_controls:
            return
        if self.demo_panel is None:
            from kiosk.screens.demo_panel import DemoPanel

            self.demo_panel = DemoPanel(self.ctx, self)
        self.demo_panel.show_over()

    def apply_theme(self) -> None:
        self.setStyleSheet(self.ctx.theme.stylesheet())

    # --- session -----------------------------------------------------------------------------------
    def toggle_language(self) -> None:
        session = self.ctx.session
        session.language = "en" if session.language == "zh_CN" else "zh_CN"
        self._change_language(session.language)
        self._rebuild()

    def toggle_elderly(self) -> None:
        self.ctx.session.elderly_mode = not self.ctx.session.elderly_mode
        self._rebuild()

    def end_session(self) -> None:
        """Wipe the citizen's session and go home: on exit, completion and idle expiry (privacy rule 5)."""
        language, elderly = self.ctx.session.language, self.ctx.session.elderly_mode
        self.idle_prompt.hide()
        self.message.hide()
        self._drop_screens()
        self.ctx.session.wipe()
        QGuiApplication.clipboard().clear()
        if self.ctx.admin_mode:
            self.set_admin_mode(False, reason="session_end")
        self.ctx.router.reset()
        if (language, elderly) != (self.ctx.session.language, self.ctx.session.elderly_mode):
            self._change_language(self.ctx.session.language)
            self._rebuild()
        self.idle.restart()

    def _go_home(self) -> None:
        """Home from inside a journey ends the session: the next person must not find this one's data."""
        self.end_session()

    def _extend(self) -> None:
        if self.ctx.voice is not None:
            self.ctx.voice.stop()
        self.idle_prompt.hide()
        self.idle.extend()

    def _idle_tick(self) -> None:
        before = self.idle.state
        state = self.idle.tick()
        if state is IdleState.PROMPTING:
            at_rest = self.ctx.router.current.screen == HOME and not self.ctx.session.identified
            if not self.current_screen.idle_prompt or at_rest:
                if self._needs_reset():
                    self.end_session()
                self.idle.restart()
                return
            if before is not IdleState.PROMPTING:
                self.idle_prompt.show_over()
                self.ctx.say("session_ending")
            self.idle_prompt.set_seconds(self.idle.seconds_left_in_prompt())
        elif state is IdleState.EXPIRED:
            log.info("idle expiry on %s", self.ctx.router.current.screen)
            self.end_session()

    def _needs_reset(self) -> bool:
        session, display = self.ctx.session, self.ctx.config.display
        return (session.identified or bool(session.draft) or bool(session.data) or self.ctx.admin_mode
                or session.language != display.language or session.elderly_mode != display.elderly_mode_default)

    def _call_staff(self) -> None:
        """An event to the central service, which alerts the site's staff; the citizen sees it was sent."""
        client = self.ctx.service("central")
        if client is None:
            self.message.show_text(self.tr("暂时无法呼叫，请到服务台找工作人员。"))
            return
        screen = self.ctx.router.current.screen
        self.message.show_text(self.tr("正在呼叫工作人员…"))
        run_in_background(lambda: client.call_staff("help", screen),
                          lambda _: self.message.show_text(self.tr("已通知工作人员，请在原地稍候。")),
                          lambda _: self.message.show_text(self.tr("呼叫没有送达，请到服务台找工作人员。")))

    def set_offline(self, offline: bool) -> None:
        """The degraded-mode banner: what still works when the central service cannot be reached."""
        self.banner.setText(self.tr("网络中断：可以浏览办事指南；提交的申请会保存在本机，联网后自动上传。")
                            if offline else "")
        self.banner.setVisible(offline)

    def show_out_of_service(self, code: str) -> None:
        """The outbox's disk is full or failing (rule 14): no submission can be kept safely, so the kiosk
        says 暂停服务 instead of taking one it could lose. The citizen's session is wiped; the technician's
        corner gesture still opens the PIN pad (admin screens show over it)."""
        from kiosk.screens.out_of_service import OutOfServiceScreen, reference_for

        if self.out_of_service is not None:
            return
        lines = [f"outbox storage: {code}", "free space under [storage] data_dir, then restart the kiosk"]
        reference = reference_for("DISK", "\n".join(lines))
        log.error("out of service, reference %s: outbox storage %s", reference, code)
        self.end_session()
        self.out_of_service = OutOfServiceScreen(reference, lines)
        self.stack.addWidget(self.out_of_service)
        self.stack.setCurrentWidget(self.out_of_service)
        self.bottom.update_for(at_home=True, can_go_back=False)

    # --- admin and lockdown ------------------------------------------------------------------------
    def set_admin_mode(self, on: bool, *, reason: str = "") -> None:
        self.ctx.admin_mode = on
        if self.ctx.audit is not None:
            self.ctx.audit.record("admin_logout" if not on else "admin_mode_on", "ok", reason=reason)
        self.idle.set_timeout(self.ctx.config.admin.idle_logout_s if on else self.ctx.config.display.idle_timeout_s)

    def _quit(self) -> None:
        if not self.ctx.admin_mode:
            return
        self._allow_close = True
        self.close()
        QApplication.instance().quit()

    def paintEvent(self, event: QEvent) -> None:
        super().paintEvent(event)  # type: ignore[arg-type]
        if not getattr(self, "_painted", False):
            self._painted = True
            QTimer.singleShot(0, self.firstFrame.emit)  # after this paint reaches the screen

    def closeEvent(self, event: QEvent) -> None:
        if getattr(self, "_allow_close", False):
            QApplication.instance().removeEventFilter(self)
            event.accept()
        else:
            event.ignore()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in _TOUCH_EVENTS:
            self.idle.touch()
        if kind == QEvent.Type.KeyPress and not self.ctx.admin_mode and self._blocked(event):  # type: ignore[arg-type]
            return True
        if kind == QEvent.Type.MouseButtonPress and watched.isWidgetType() and watched.window() is self:
            # A press reaches the filter once per widget it propagates through: count it once.
            if event.timestamp() != self._last_press:  # type: ignore[attr-defined]
                self._last_press = event.timestamp()  # type: ignore[attr-defined]
                self._corner_tap(self.mapFromGlobal(event.globalPosition().toPoint()))  # type: ignore[attr-defined]
        return False

    def _blocked(self, event: QKeyEvent) -> bool:
        pressed = QKeySequence(event.keyCombination())
        return any(pressed.matches(seq) == QKeySequence.SequenceMatch.ExactMatch for seq in _BLOCKED_KEYS)

    def _corner_tap(self, pos: QPoint) -> None:
        if pos.x() > CORNER_PX or pos.y() > CORNER_PX:
            self.corner.miss()
            return
        if self.corner.tap() and self.ctx.router.current.screen == HOME and self.ctx.config.admin.pin_hash:
            self.ctx.router.go("admin_pin")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.ctx.admin_mode or not self._blocked(event):
            super().keyPressEvent(event)
