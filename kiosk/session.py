"""Everything about the citizen in front of the kiosk, in one object that `wipe()` forgets.

Screens keep nothing of the citizen themselves: they read the session and register a wipe hook for what
they display (field texts, labels, pixmaps), so one call clears it all (privacy rule 5).
"""
from __future__ import annotations

import inspect
import logging
import weakref
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
        self._wipe_hooks: list[Callable[[], Callable[[], None] | None]] = []

    def on_wipe(self, hook: Callable[[], None]) -> None:
        """HOOK runs at every wipe: screens clear what they show of the citizen there.

        A bound method is held weakly: screens are rebuilt every session, and a strong reference here kept
        every dropped screen (and the Python side of all its widgets) alive for the life of the process
        (bench/soak.py: about 150 objects per evaluation session)."""
        if inspect.ismethod(hook):
            self._wipe_hooks.append(weakref.WeakMethod(hook))
        else:
            self._wipe_hooks.append(lambda: hook)

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
        for ref in list(self._wipe_hooks):
            hook = ref()
            if hook is None:   # its screen is gone
                continue
            try:
                hook()
            except Exception:  # a broken hook must not keep the next citizen seeing the last one's data
                log.exception("wipe hook failed")
        self._wipe_hooks = [ref for ref in self._wipe_hooks if ref() is not None]
        log.info("session wiped (#%d)", self.number)
