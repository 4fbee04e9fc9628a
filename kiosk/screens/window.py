"""The kiosk window: frameless full screen, top and bottom bars, the current screen, idle and lockdown.

It follows the router (which screen), the session (language, elderly mode, wipe) and the idle tracker
(prompt, countdown, reset). Outside admin mode the window cannot be closed from the keyboard or the
window system (privacy rule 15).

Screens (issue 8, transitions): a screen shown in a session is cached until the session ends, then wiped
and destroyed, except the few that never hold anything of a citizen (`Screen.keeps_across_sessions`: home).
The home tiles' screens are built ahead, in idle time after a session ends (`IdleWork`: one screen per
event-loop turn, postponed by a press, dropped when the citizen leaves home), so a tap usually only shows
an already-built screen. A screen built ahead has never been shown to anyone; it stays ready until a
citizen opens it, and from then on belongs to that session.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPoint, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QImage, QKeyEvent, QKeySequence, QWindow
from PySide6.QtWidgets import QApplication, QLineEdit, QStackedWidget, QVBoxLayout, QWidget

from kiosk.flow import HOME, Route
from kiosk.heap import release_free_heap
from kiosk.idle import CornerTaps, IdleState, IdleTracker
from kiosk.journeys import JOURNEYS
from kiosk.screens.bars import BottomBar, TopBar
from kiosk.screens.base import Screen
from kiosk.screens.context import AppContext
from kiosk.screens.keyboard import KeyboardDock
from kiosk.screens.overlay import IdlePrompt, Message
from kiosk.screens.registry import SCREENS, screen_class
from kiosk.screens.widgets import label
from kiosk.tasks import call_later, run_in_background

if TYPE_CHECKING:
    from kiosk.screens.demo_panel import DemoPanel

log = logging.getLogger(__name__)

CORNER_PX = 140
# Strings, not Qt.Key members: touching Qt.Key builds a ~500-member Python enum at start-up (~30 ms).
_BLOCKED_KEYS = tuple(QKeySequence(keys) for keys in (
    "Esc", "Alt+F4", "Ctrl+Q", "Ctrl+W", "Alt+Tab", "Ctrl+Alt+Backspace", "Meta+D",
    # the reverse switcher (Shift turns Tab into Backtab), the Windows start menu and the window menu
    "Alt+Shift+Tab", "Alt+Shift+Backtab", "Alt+Backtab", "Meta+Tab", "Ctrl+Esc", "Alt+Esc", "Alt+Space"))
_TOUCH_EVENTS = {QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin, QEvent.Type.KeyPress, QEvent.Type.Wheel}


# Built ahead in idle time after a session ends: the screens the home tiles open.
PREBUILD: tuple[str, ...] = tuple(journey.key for journey in JOURNEYS if journey.built)
IDLE_START_MS = 60     # after a session ends: home is painted first, then the idle work starts
PRESS_PAUSE_MS = 400   # a press postpones idle work: its release (the tap) must not wait for a build
FIRST_IDLE_MS = 1000   # after start-up: the first frame and the services' start come first
DELETE_AFTER_MS = 40   # dropped screens are deleted after home is painted, not before (hidden and wiped at once)

_discarded: set[QWidget] = set()


def _discard(widget: QWidget, delay_ms: int = 0) -> None:
    """Detach now (nothing can find it any more), delete on the GUI thread when the event loop next runs
    (or DELAY_MS later: a dropped screen's deletion is kept off the tap that ended the session).

    Detached, the widget belongs to Python; it is kept referenced until Qt has deleted it, so Python's cycle
    collector (which may run on any thread) never frees it first, from a worker thread.
    """
    widget.hide()
    widget.setParent(None)
    _discarded.add(widget)
    widget.destroyed.connect(lambda *_: _discarded.discard(widget))
    if delay_ms > 0:
        call_later(delay_ms, widget.deleteLater, widget)
    else:
        widget.deleteLater()


def _typing() -> bool:
    """A text field has the focus or the keyboard is up: building screens now would disturb it."""
    return isinstance(QApplication.focusWidget(), QLineEdit) or QGuiApplication.inputMethod().isVisible()


def _rehearse(widget: QWidget, size: QSize) -> None:
    """Lay WIDGET out at SIZE and paint it once into an image nobody sees, so that its first show does not:
    polish, the resize events a hidden page never got, word-wrapped heights, first text shaping. Measured on
    the 2-vCPU machine under load 6: the tap's show step went from 10-20 ms to 4-9 ms for the guide, help,
    evaluation and intermediary screens."""
    widget.resize(size)
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    widget.render(image)


def _delete_now(widget: QWidget) -> None:
    """Delete at once, on the GUI thread: a few ms, where detaching a styled screen costs tens of ms (Qt
    re-polishes the whole tree for its new, unstyled parent). Only when no event of the widget or its children
    is being delivered (the caller knows: the bottom bar, the idle timer), else `_discard`."""
    widget.hide()
    shiboken6.delete(widget)


class IdleWork(QObject):
    """Small jobs run one per event-loop turn while the kiosk waits for a citizen, never inside a tap.

    `postpone()` (a press) moves the next job later; `clear()` (the citizen left home) drops the rest; while
    BUSY() is true (someone is typing) the jobs wait."""

    def __init__(self, parent: QObject, busy: Callable[[], bool] = lambda: False) -> None:
        super().__init__(parent)
        self._busy = busy
        self._jobs: list[Callable[[], object]] = []  # what a job returns is dropped
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._step)

    @property
    def pending(self) -> int:
        return len(self._jobs)

    def start(self, jobs: Iterable[Callable[[], object]], delay_ms: int = 0) -> None:
        """Run JOBS (replacing any pending ones), the first after DELAY_MS."""
        self._jobs = list(jobs)
        if self._jobs:
            self._timer.start(delay_ms)
        else:
            self._timer.stop()

    def postpone(self, delay_ms: int) -> None:
        if self._jobs:
            self._timer.start(delay_ms)

    def clear(self) -> None:
        self._jobs.clear()
        self._timer.stop()

    def _step(self) -> None:
        if not self._jobs:
            return
        if self._busy():
            self._timer.start(PRESS_PAUSE_MS)
            return
        job = self._jobs.pop(0)
        try:
            job()
        except Exception:  # idle work is an optimisation: a failure leaves the screen to be built on the tap
            log.exception("idle work failed")
        if self._jobs:
            self._timer.start(0)


class KioskWindow(QWidget):
    firstFrame = Signal()  # the first paint is done: start everything that can wait (services, watchdog READY)

    def __init__(self, ctx: AppContext, *, registry: dict[str, str] | None = None,
                 language_changer: Any = None) -> None:
        super().__init__()
        self.ctx = ctx
        self._registry = registry or SCREENS
        self._change_language = language_changer or (lambda language: None)
        self._screens: dict[str, Screen] = {}   # shown in this session (wiped and dropped when it ends)
        self._ready: dict[str, Screen] = {}     # built ahead in idle time, never shown yet
        self._prebuild = [name for name in PREBUILD if name in self._registry]
        self.idle_work = IdleWork(self, busy=_typing)
        self.setObjectName("Window")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setWindowTitle("政务服务自助一体机")
        self._column = layout = QVBoxLayout(self)  # = self.layout(), typed: its bars, banner, stack, keyboard
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
        self.idle_prompt.endRequested.connect(lambda: self.end_session(delete_now=True))  # an overlay
        self.message = Message(self)
        self.demo_panel: DemoPanel | None = None   # 演示工具, built on first use, only with demo_controls
        self.out_of_service: QWidget | None = None  # 暂停服务 after a storage failure (show_out_of_service)
        ctx.notify = self.message.show_text
        ctx.quit_app = self._quit
        ctx.set_admin_mode = lambda on: self.set_admin_mode(on, reason="pin" if on else "manual")
        ctx.end_session = self.end_session
        cfg = ctx.config.display
        self.idle = IdleTracker(cfg.idle_timeout_s, cfg.idle_prompt_s)
        self.corner = CornerTaps()
        self._watched_window: QWindow | None = None
        self._idle_timer = QTimer(self)
        self._idle_timer.timeout.connect(self._idle_tick)
        self._idle_timer.start(1000)
        ctx.router.subscribe(self._on_route)
        self._build_top_bar()
        self.apply_theme()
        self._show(ctx.router.current)

    # --- screens -----------------------------------------------------------------------------------
    def screen_named(self, name: str) -> Screen:
        """The screen NAME for this session: the one built ahead if there is one, else built now; cached
        until the session ends."""
        widget = self._screens.get(name)
        if widget is None:
            widget = self._ready.pop(name, None) or self._build(name)
            self._screens[name] = widget
        return widget

    def _build(self, name: str) -> Screen:
        widget = screen_class(name, self._registry)(self.ctx)
        self.stack.addWidget(widget)
        return widget

    def _build_ahead(self, name: str) -> None:
        """Idle work: build NAME (and let it prepare its lists) before a citizen asks for it."""
        if name in self._screens or name in self._ready or self.out_of_service is not None:
            return
        widget = self._build(name)
        widget.prepare()
        _rehearse(widget, self.stack.size())
        self._ready[name] = widget

    def _start_idle_work(self, delay_ms: int = IDLE_START_MS) -> None:
        """At home with no citizen: build the home tiles' screens that are not ready, one per turn."""
        missing = [name for name in self._prebuild if name not in self._screens and name not in self._ready]
        # last: give back to the OS what the session (and the builds) freed, or RSS creeps up week by week
        self.idle_work.start([*(lambda n=name: self._build_ahead(n) for name in missing), release_free_heap],
                             delay_ms)

    @property
    def current_screen(self) -> Screen:
        return self.screen_named(self.ctx.router.current.screen)

    def _on_route(self, route: Route, previous: Route | None) -> None:
        if route.screen != HOME:
            self.idle_work.clear()   # the citizen is in a journey: their taps come first
        if previous is not None and previous.screen in self._screens:
            self._screens[previous.screen].leave()
        self._show(route)

    def _show(self, route: Route) -> None:
        if self.out_of_service is not None and not route.screen.startswith("admin"):
            self.stack.setCurrentWidget(self.out_of_service)  # nothing for citizens until it is fixed
            self.bottom.update_for(at_home=True, can_go_back=False)  # calling staff still works
            return
        widget = self.screen_named(route.screen)
        self.stack.setCurrentWidget(widget)
        timeout = self.ctx.config.admin.idle_logout_s if self.ctx.admin_mode else widget.idle_timeout_s
        self.idle.set_timeout(timeout or self.ctx.config.display.idle_timeout_s)
        self.bottom.update_for(at_home=route.screen == HOME,
                               can_go_back=self.ctx.router.can_go_back() and widget.shows_back)
        widget.enter(route.params)

    def _drop_screens(self, *, all_of_them: bool = True, delete_now: bool = False) -> None:
        """Forget the screens of the session: what they displayed, their caches, their widgets.

        At a session end (ALL_OF_THEM False) the screens that never hold anything of a citizen are wiped
        and kept, and the ones built ahead (never shown) stay ready; a new look (language, elderly mode)
        drops everything. Dropped screens are deleted at once when DELETE_NOW (the caller is outside every
        screen), else hidden and detached at once and deleted once home is painted."""
        dispose = _delete_now if delete_now else (lambda widget: _discard(widget, DELETE_AFTER_MS))
        current = self._screens.get(self.ctx.router.current.screen)
        if current is not None:
            current.leave()   # its timers stop now, not when it is deleted
        home = self._screens.get(HOME)
        if not all_of_them and home is not None and home.keeps_across_sessions:
            # Home first: removing the current page would make the stack lay out and show the next one.
            self.stack.setCurrentWidget(home)
        kept: dict[str, Screen] = {}
        for name, widget in self._screens.items():
            widget.wipe()
            if widget.keeps_across_sessions and not all_of_them:
                kept[name] = widget
                continue
            self.stack.removeWidget(widget)
            dispose(widget)
        self._screens = kept
        if all_of_them:
            self.idle_work.clear()
            for widget in self._ready.values():
                self.stack.removeWidget(widget)
                dispose(widget)
            self._ready.clear()

    def _rebuild(self, *, delete_now: bool = False) -> None:
        """Language or elderly mode changed: rebuild the bars and the current screen in the new look."""
        self._drop_screens(delete_now=delete_now)
        if self.demo_panel is not None:
            _discard(self.demo_panel)
            self.demo_panel = None
        self._build_top_bar()
        _discard(self.bottom)
        self.bottom = BottomBar(self)
        self.bottom.homeClicked.connect(self._go_home)
        self.bottom.backClicked.connect(self.ctx.router.back)
        self.bottom.callClicked.connect(self._call_staff)
        self._column.addWidget(self.bottom)
        self.apply_theme()
        self._show(self.ctx.router.current)
        if self.ctx.router.current.screen == HOME:
            self._start_idle_work()

    def _build_top_bar(self) -> None:
        if self.top is not None:
            self._column.removeWidget(self.top)
            _discard(self.top)
        session, display = self.ctx.session, self.ctx.config.display
        self.top = TopBar(self.ctx.config.terminal.site_name, demo=display.demo_controls,
                          language=session.language, elderly=session.elderly_mode,
                          portrait=self.ctx.portrait, parent=self)
        self.top.languageClicked.connect(self.toggle_language)
        self.top.elderlyClicked.connect(self.toggle_elderly)
        self.top.demoClicked.connect(self.show_demo_panel)
        self._column.insertWidget(0, self.top)

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
        self._rebuild(delete_now=True)   # the top bar's button: outside every screen

    def toggle_elderly(self) -> None:
        self.ctx.session.elderly_mode = not self.ctx.session.elderly_mode
        self._rebuild(delete_now=True)

    def end_session(self, *, delete_now: bool = False) -> None:
        """Wipe the citizen's session and go home: on exit, completion and idle expiry (privacy rule 5).

        DELETE_NOW only from the window's own controls and timers (nothing of a screen on the call stack):
        screens call this through ctx.end_session, from their own buttons and timers."""
        language, elderly = self.ctx.session.language, self.ctx.session.elderly_mode
        self.idle_prompt.hide()
        self.message.hide()
        self._drop_screens(all_of_them=False, delete_now=delete_now)
        self.ctx.session.wipe()
        QGuiApplication.clipboard().clear()
        if self.ctx.admin_mode:
            self.set_admin_mode(False, reason="session_end")
        self.ctx.router.reset()
        if (language, elderly) != (self.ctx.session.language, self.ctx.session.elderly_mode):
            self._change_language(self.ctx.session.language)
            self._rebuild(delete_now=delete_now)
        self.idle.restart()
        self._start_idle_work()

    def _go_home(self) -> None:
        """Home from inside a journey ends the session: the next person must not find this one's data."""
        self.end_session(delete_now=True)   # the bottom bar: outside every screen

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
                    self.end_session(delete_now=True)   # the window's timer
                self.idle.restart()
                return
            if before is not IdleState.PROMPTING:
                self.idle_prompt.show_over()
                self.ctx.say("session_ending")
            self.idle_prompt.set_seconds(self.idle.seconds_left_in_prompt())
        elif state is IdleState.EXPIRED:
            log.info("idle expiry on %s", self.ctx.router.current.screen)
            self.end_session(delete_now=True)

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
        QApplication.quit()

    def paintEvent(self, event: QEvent) -> None:
        super().paintEvent(event)  # type: ignore[arg-type]
        if not getattr(self, "_painted", False):
            self._painted = True
            call_later(0, self.firstFrame.emit, self)  # after this paint reaches the screen
            self._start_idle_work(FIRST_IDLE_MS)  # after the services' start, before the first citizen

    def showEvent(self, event: QEvent) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        # Input is watched where the touchscreen delivers it, the native window: each press once, before any
        # widget. (An application-wide filter saw every event of every object, paints and timers too, each
        # crossing into Python: measured ~25% of a soak's GUI time.)
        handle = self.windowHandle()
        if handle is not None and handle is not self._watched_window:
            handle.installEventFilter(self)
            self._watched_window = handle

    def closeEvent(self, event: QEvent) -> None:
        if getattr(self, "_allow_close", False):
            event.accept()
        else:
            event.ignore()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Every press, touch, key and wheel on the kiosk's native window, before a widget sees it."""
        kind = event.type()
        if kind in _TOUCH_EVENTS:
            self.idle.touch()
            self.idle_work.postpone(PRESS_PAUSE_MS)
        if kind == QEvent.Type.KeyPress and not self.ctx.admin_mode and self._blocked(event):  # type: ignore[arg-type]
            return True
        if kind == QEvent.Type.MouseButtonPress:  # a touch the widgets did not take arrives as this too
            self._corner_tap(event.position().toPoint())  # type: ignore[attr-defined]
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
