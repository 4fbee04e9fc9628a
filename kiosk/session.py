"""Everything about the citizen in front of the kiosk, in one object that `wipe()` forgets.

Screens keep nothing of the citizen themselves: they read the session and register a wipe hook for what
they display (field texts, labels, pixmaps), so one call clears it all (privacy rule 5).
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

log = logging.getLogger(__name__)


@dataclass
class Session:
    language: str = "zh_CN"
    elderly_mode: bool = False
    identity: Any = None          # the ID card read for this session (kiosk.devices.idcard.card.IdCard)
    draft: dict[str, Any] = field(default_factory=dict)   # the application being filled in
    data: dict[str, Any] = field(default_factory=dict)    # journey state: chosen service, case, slot ...
    number: int = 0               # increases at every wipe: late results of an old session are dropped

    def __post_init__(self) -> None:
        self._defaults = (self.language, self.elderly_mode)
        self._wipe_hooks: list[Callable[[], None]] = []

    def on_wipe(self, hook: Callable[[], None]) -> None:
        """HOOK runs at every wipe: screens clear what they show of the citizen there."""
        self._wipe_hooks.append(hook)

    @property
    def identified(self) -> bool:
        return self.identity is not None

    def wipe(self) -> None:
        """Forget the citizen: identity, draft, journey state, then every screen's display."""
        self.identity = None
        self.draft.clear()
        self.data.clear()
        self.language, self.elderly_mode = self._defaults
        self.number += 1
        for hook in list(self._wipe_hooks):
            try:
                hook()
            except Exception:  # a broken hook must not keep the next citizen seeing the last one's data
                log.exception("wipe hook failed")
        log.info("session wiped (#%d)", self.number)
