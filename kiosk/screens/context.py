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
from kiosk.tasks import call_later, run_in_background


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
    voice: Any = None        # kiosk.voice.Voice

    @property
    def theme(self) -> Theme:
        return Theme(self.font_family, elderly=self.session.elderly_mode)

    def say(self, prompt: str) -> None:
        """A spoken prompt (kiosk.voice.PROMPTS) in the session's language, if voice is on for this session."""
        if self.voice is not None:
            self.voice.say(prompt, language=self.session.language, elderly=self.session.elderly_mode)

    def service(self, name: str) -> Any:
        return self.services.get(name)

    def run(self, work: Callable[[], Any], on_success: Callable[[Any], None],
            on_failure: Callable[[BaseException], None] | None = None, *, deadline_s: float | None = None) -> None:
        """Run WORK off the GUI thread for the current citizen.

        The callbacks run on the GUI thread, and only if the session is still the same one: a late answer
        never lands on the next citizen's screen. With a deadline, on_failure(TimeoutError) comes at the
        deadline and a later answer is dropped (the citizen was already told).
        """
        session_number = self.session.number
        settled = False

        def settle(callback: Callable[[Any], None] | None, value: Any) -> None:
            nonlocal settled
            if settled or self.session.number != session_number:
                return
            settled = True
            if callback is not None:
                callback(value)

        run_in_background(work, lambda result: settle(on_success, result), lambda exc: settle(on_failure, exc))
        if deadline_s is not None:
            call_later(int(deadline_s * 1000), lambda: settle(on_failure, TimeoutError("deadline")))
