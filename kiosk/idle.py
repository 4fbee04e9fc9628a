"""Idle timing as a small state machine with an injectable clock (tested without Qt).

active --(timeout)--> prompting ("需要更多时间吗？", countdown) --(countdown)--> expired (wipe, home).
Any touch while active restarts the timeout; while prompting only the prompt's own button extends it.
"""
from __future__ import annotations

import enum
import time
from collections.abc import Callable


class IdleState(enum.Enum):
    ACTIVE = "active"
    PROMPTING = "prompting"
    EXPIRED = "expired"


class IdleTracker:
    def __init__(self, timeout_s: float, prompt_s: float, clock: Callable[[], float] = time.monotonic) -> None:
        if prompt_s < 20:
            raise ValueError("the prompt must give at least 20 s (WCAG 2.2.1)")
        self.timeout_s, self.prompt_s, self._clock = timeout_s, prompt_s, clock
        self.state = IdleState.ACTIVE
        self._since = clock()

    def set_timeout(self, timeout_s: float) -> None:
        """Per-screen timeout: a long form may allow more than a menu."""
        self.timeout_s = timeout_s
        self.touch()

    def touch(self) -> None:
        """A touch anywhere: counts only while active (the prompt is answered by extend())."""
        if self.state is IdleState.ACTIVE:
            self._since = self._clock()

    def extend(self) -> None:
        """The citizen asked for more time."""
        self.state = IdleState.ACTIVE
        self._since = self._clock()

    def restart(self) -> None:
        self.extend()

    def seconds_left_in_prompt(self) -> int:
        if self.state is not IdleState.PROMPTING:
            return int(self.prompt_s)
        return max(0, round(self.prompt_s - (self._clock() - self._since)))

    def tick(self) -> IdleState:
        """Advance by the clock; returns the state (the caller acts on changes)."""
        elapsed = self._clock() - self._since
        if self.state is IdleState.ACTIVE and elapsed >= self.timeout_s:
            self.state, self._since = IdleState.PROMPTING, self._clock()
        elif self.state is IdleState.PROMPTING and elapsed >= self.prompt_s:
            self.state = IdleState.EXPIRED
        return self.state


class CornerTaps:
    """The hidden admin gesture: N taps within WINDOW seconds (the caller checks they are in the corner)."""

    def __init__(self, count: int = 5, window_s: float = 3.0, clock: Callable[[], float] = time.monotonic) -> None:
        self.count, self.window_s, self._clock = count, window_s, clock
        self._taps: list[float] = []

    def tap(self) -> bool:
        now = self._clock()
        self._taps = [t for t in self._taps if now - t <= self.window_s] + [now]
        if len(self._taps) >= self.count:
            self._taps.clear()
            return True
        return False

    def miss(self) -> None:
        """A tap elsewhere breaks the sequence."""
        self._taps.clear()
