"""Idle timing, the admin gesture and the PIN lockout, with a fake clock."""
from __future__ import annotations

import pytest

from kiosk.idle import CornerTaps, IdleState, IdleTracker
from kiosk.pin import PinGuard, hash_pin, verify_pin


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_idle_prompts_then_expires_and_touch_or_extend_restart_it() -> None:
    clock = Clock()
    idle = IdleTracker(timeout_s=60, prompt_s=30, clock=clock)
    clock.now += 59
    assert idle.tick() is IdleState.ACTIVE
    idle.touch()
    clock.now += 59
    assert idle.tick() is IdleState.ACTIVE
    clock.now += 2
    assert idle.tick() is IdleState.PROMPTING
    clock.now += 10
    assert idle.seconds_left_in_prompt() == 20
    idle.touch()  # a touch outside the prompt's button does not dismiss the countdown
    assert idle.tick() is IdleState.PROMPTING
    idle.extend()
    assert idle.tick() is IdleState.ACTIVE
    clock.now += 60
    assert idle.tick() is IdleState.PROMPTING
    clock.now += 30
    assert idle.tick() is IdleState.EXPIRED


def test_prompt_gives_at_least_20_seconds() -> None:
    with pytest.raises(ValueError):
        IdleTracker(60, 10)


def test_corner_gesture_needs_five_taps_within_three_seconds() -> None:
    clock = Clock()
    taps = CornerTaps(clock=clock)
    assert not any(taps.tap() for _ in range(4))
    clock.now += 3.5
    assert not taps.tap()  # the first four are too old now
    taps.miss()
    results = []
    for _ in range(5):
        clock.now += 0.4
        results.append(taps.tap())
    assert results == [False, False, False, False, True]


def test_pin_hash_is_salted_scrypt() -> None:
    one, two = hash_pin("246810"), hash_pin("246810")
    assert one != two and one.startswith("scrypt$") and "246810" not in one
    assert verify_pin("246810", one) and not verify_pin("246811", one)
    assert not verify_pin("246810", "garbage")
    with pytest.raises(ValueError):
        hash_pin("12a4")


def test_five_wrong_pins_lock_for_fifteen_minutes() -> None:
    clock = Clock()
    guard = PinGuard(hash_pin("246810"), max_failures=5, lockout_s=900, clock=clock)
    assert [guard.attempt("000000") for _ in range(5)] == [False] * 5
    assert guard.locked_for() == 900
    assert not guard.attempt("246810")  # the right PIN is refused while locked
    clock.now += 899
    assert not guard.attempt("246810")
    clock.now += 2
    assert guard.attempt("246810")
    assert guard.failures == 0
