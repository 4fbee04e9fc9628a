"""What screens can reach: config, session, router, devices and services, and a few window actions.

Built once by kiosk/app.py (the composition root). Devices and services are None when not configured or
not started yet; screens check and say so plainly.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kiosk.config import KioskConfig
from kiosk.flow import Router
from kiosk.screens.theme import Theme
from kiosk.session import Session


@dataclass
class AppContext:
    config: KioskConfig
    session: Session
    router: Router
    font_family: str
    portrait: bool = True
    data_dir: Path | None = None
    audit: Any = None        # kiosk.audit.AuditLog
    services: dict[str, Any] = field(default_factory=dict)  # "reader", "printer", "central", "outbox", "catalogue"
    # Window actions, set by the window: show a short message overlay; request the app to quit (admin only).
    notify: Callable[[str], None] = lambda text: None
    quit_app: Callable[[], None] = lambda: None
    set_admin_mode: Callable[[bool], None] = lambda on: None
    end_session: Callable[[], None] = lambda: None
    admin_mode: bool = False
    pin_guard: Any = None    # kiosk.pin.PinGuard: lives as long as the app, not the screen

    @property
    def theme(self) -> Theme:
        return Theme(self.font_family, elderly=self.session.elderly_mode)

    def service(self, name: str) -> Any:
        return self.services.get(name)
