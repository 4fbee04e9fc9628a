"""Admin PIN: a salted scrypt hash in the config, and a guard that locks after repeated failures."""
from __future__ import annotations

import base64
import os
import time
from collections.abc import Callable
from dataclasses import dataclass

_N, _R, _P = 2**14, 8, 1


def hash_pin(pin: str, *, salt: bytes | None = None) -> str:
    """The line a technician pastes into [admin] pin_hash."""
    if not (pin.isdigit() and 6 <= len(pin) <= 12):
        raise ValueError("the PIN must be 6 to 12 digits")
    import hashlib  # not at start-up: only admins and technicians need it

    salt = salt or os.urandom(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    b64 = base64.b64encode
    return f"scrypt${_N}${_R}${_P}${b64(salt).decode()}${b64(digest).decode()}"


def verify_pin(pin: str, stored: str) -> bool:
    import hashlib
    import hmac

    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = base64.b64decode(digest)
        actual = hashlib.scrypt(pin.encode(), salt=base64.b64decode(salt), n=int(n), r=int(r), p=int(p),
                                dklen=len(expected))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, expected)


@dataclass
class PinGuard:
    """Counts wrong PINs; after `max_failures` in a row admin mode is locked for `lockout_s`."""

    stored_hash: str
    max_failures: int = 5
    lockout_s: float = 15 * 60
    clock: Callable[[], float] = time.monotonic
    failures: int = 0
    locked_until: float = 0.0

    def locked_for(self) -> float:
        """Seconds of lockout left (0 when not locked)."""
        return max(0.0, self.locked_until - self.clock())

    def attempt(self, pin: str) -> bool:
        if not self.stored_hash or self.locked_for() > 0:
            return False
        if verify_pin(pin, self.stored_hash):
            self.failures = 0
            return True
        self.failures += 1
        if self.failures >= self.max_failures:
            self.failures = 0
            self.locked_until = self.clock() + self.lockout_s
        return False
