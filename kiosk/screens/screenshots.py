"""`kiosk screenshot`: every screen in both orientations, zh and en, normal and elderly mode, to PNG.

Each plan entry drives the real window to a state (through the router, as a tap would) and grabs it.
Works offscreen, so it runs in CI and on a technician's laptop alike.
"""
from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk.config import KioskConfig

if TYPE_CHECKING:
    from kiosk.app import Built

Step = Callable[["Built"], None]


def _go(screen: str, **params: Any) -> Step:  # route params, as Router.go takes them
    def step(built: Built) -> None:
        built.ctx.router.go(screen, **params)
    return step


def settled(built: Built) -> Any:
    """The current screen once its layout has settled (a few event-loop passes), as it is when a citizen taps:
    a step that taps at once acts on a layout still being built."""
    from PySide6.QtWidgets import QApplication

    for _ in range(3):
        QApplication.processEvents()
    return built.window.current_screen


def _admin(built: Built) -> None:
    built.ctx.router.go("admin_pin")
    built.window.set_admin_mode(True, reason="screenshot")
    built.ctx.router.go("admin", replace=True)


def _idle_prompt(built: Built) -> None:
    built.ctx.router.go("coming_soon", journey="apply")
    built.window.idle_prompt.show_over()
    built.window.idle_prompt.set_seconds(built.ctx.config.display.idle_prompt_s)


SHELL_PLAN: dict[str, Step] = {
    "home": lambda built: None,
    "coming_soon": _go("coming_soon", journey="intermediary"),
    "idle_prompt": _idle_prompt,
    "admin_pin": _go("admin_pin"),
    "admin": _admin,
}


def collect_plan() -> dict[str, Step]:
    """The shell's steps plus every screen module's `screenshot_plan()` (name -> step that reaches it)."""
    import importlib

    from kiosk.screens.registry import SCREENS

    plan = dict(SHELL_PLAN)
    for module_name in sorted({target.partition(":")[0] for target in SCREENS.values()}):
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name != module_name:
                raise
            continue  # a journey whose screens are not written yet
        plan.update(getattr(module, "screenshot_plan", dict)())
    return plan

VARIANTS = [(orientation, language, elderly)
            for orientation in ("portrait", "landscape") for language in ("zh_CN", "en") for elderly in (False, True)]


def render_all(config: KioskConfig, out: str | os.PathLike[str], *, only: set[str] | None = None,
               scale: float = 1.0, variants: list[tuple[str, str, bool]] | None = None) -> list[Path]:
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt, QTimer

    from kiosk.app import LANDSCAPE, PORTRAIT, build_window, out_of_service, qt_app

    app = qt_app()
    target = Path(out)
    target.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []

    def save(widget, name: str) -> None:
        for _ in range(3):
            app.processEvents()
        image = widget.grab()
        if scale != 1.0:
            image = image.scaledToWidth(round(image.width() * scale), Qt.TransformationMode.SmoothTransformation)
        path = target / f"{name}.png"
        image.save(str(path))
        written.append(path)

    with tempfile.TemporaryDirectory(prefix="kiosk-shots-") as data:
        for orientation, language, elderly in variants or VARIANTS:
            size = PORTRAIT if orientation == "portrait" else LANDSCAPE
            suffix = f"{orientation}_{language}_{'elderly' if elderly else 'normal'}"
            for name, step in collect_plan().items():
                if only and name not in only:
                    continue
                built = build_window(config, size=size, language=language, elderly=elderly, data_dir=Path(data))
                built.ctx.voice = None  # screenshots are silent
                built.window._idle_timer.stop()  # a frozen picture, not a running session
                built.window.show()
                step(built)
                save(built.window, f"{name}_{suffix}")
                for timer in built.window.findChildren(QTimer):  # a picture: no countdown may fire later
                    timer.stop()
                built.ctx.admin_mode = True  # let the window close
                built.window._allow_close = True
                built.window.close()
                built.window.deleteLater()
            if (not only or "out_of_service" in only) and language == "zh_CN" and not elderly:
                screen = out_of_service("CFG", [("config/kiosk.toml:7: terminal.region_code: must be a 6-, 9- or "
                                                 "12-digit administrative division code; got '12345'")])
                screen.resize(size)
                screen.show()
                save(screen, f"out_of_service_{orientation}")
                screen.close()
                screen.deleteLater()
    return written
