"""What every screen is: a widget built from the app context, told when it is entered and left.

Screens render and emit intents (ctx.router.go(...)); they keep nothing of the citizen beyond what they
display, and the window calls `wipe()` on every cached screen at the end of a session, then drops them
(all but those with `keeps_across_sessions`). The home tiles' screens are built ahead, in idle time, and
`prepare()`d there: their __init__ and prepare() must not read the session (it belongs to nobody yet).
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScroller, QVBoxLayout, QWidget

from kiosk.screens.widgets import label, scroll_area
from kiosk.tasks import call_later

if TYPE_CHECKING:
    from kiosk.screens.context import AppContext


def grab_touch_scrolling(viewport: QWidget) -> None:
    """Drag-to-scroll on VIEWPORT, without a per-grab leak.

    Qt registers a new custom gesture type for every grab (the ids only grow), and PySide6 caches an enum
    pseudo-member for every unknown value it converts (`Qt.GestureType._sbk_missing_`, about 2.5 KB each,
    never freed). Screens are rebuilt every session, so that cache grew for as long as the kiosk ran
    (bench/soak.py); nothing keeps the returned value, so this grab's entry is forgotten at once."""
    gesture = QScroller.grabGesture(viewport, QScroller.ScrollerGestureType.LeftMouseButtonGesture)
    cache = Qt.GestureType.__dict__.get("_sbk_missing_")
    if isinstance(cache, dict):
        cache.pop(str(int(gesture)), None)


# A screen whose lists were filled ahead checks them against the catalogue this long after it is shown:
# after the paint, not inside the tap (the check reads the whole catalogue; it rarely finds a change).
CHECK_AFTER_MS = 100


def check_after_shown(context: QWidget, job: Callable[[], None]) -> None:
    """JOB once CONTEXT has been painted, if it is still shown (the next enter checks again otherwise);
    dropped with CONTEXT if it is deleted first."""
    call_later(CHECK_AFTER_MS, lambda: job() if context.isVisible() else None, context)


class Screen(QWidget):
    name: ClassVar[str] = ""
    idle_timeout_s: ClassVar[int | None] = None   # None: [display] idle_timeout_s
    idle_prompt: ClassVar[bool] = True           # False: reset silently (nothing of the citizen on screen)
    shows_back: ClassVar[bool] = True
    # True only for a screen that never shows or keeps anything of a citizen (home): the window wipes it at
    # the end of a session and keeps it, instead of building it again for the next citizen.
    keeps_across_sessions: ClassVar[bool] = False

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        # Everything scrolls when it does not fit: content never pushes the window past the screen.
        self.scroll_area = scroll_area(self)
        grab_touch_scrolling(self.scroll_area.viewport())
        content = QWidget()
        self.scroll_area.setWidget(content)
        outer.addWidget(self.scroll_area)
        self.root = QVBoxLayout(content)
        self.root.setContentsMargins(48, 32, 48, 32)
        self.root.setSpacing(24)
        self.heading = label("", wrap=True)
        self.heading.setObjectName("ScreenTitle")
        self.root.addWidget(self.heading)

    def set_title(self, text: str) -> None:
        self.heading.setText(text)
        self.heading.setVisible(bool(text))

    def prepare(self) -> None:
        """Built ahead, in idle time: do the costly part of the first `enter` now (lists from the catalogue,
        tiles), so the tap only shows the screen. Nothing of a citizen here; `enter` still checks freshness."""

    def enter(self, params: Mapping[str, Any]) -> None:
        """The screen is shown with these parameters."""

    def leave(self) -> None:
        """The screen is hidden (it may be shown again with `enter`)."""

    def wipe(self) -> None:
        """Clear everything of the citizen this screen displays."""

    def reveal(self, widget: QWidget, y_margin: int = 50) -> None:
        """Scroll WIDGET into view once the layout has placed it. A widget shown just now keeps the geometry it had
        while hidden until Qt runs the layouts, later in the event loop: scrolling at once left the help request's
        list of problems half below the fold."""
        call_later(0, lambda: self.scroll_area.ensureWidgetVisible(widget, 0, y_margin), widget)

    @property
    def portrait(self) -> bool:
        return self.ctx.portrait

    @property
    def elderly(self) -> bool:
        return self.ctx.session.elderly_mode
