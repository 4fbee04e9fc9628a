"""Voice prompts: spoken where the platform has a voice, recorded prompts otherwise, and only when wanted."""
from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from kiosk.config import VoiceConfig
from kiosk.screens.theme import assets_dir
from kiosk.voice import PROMPTS, Voice

pytestmark = pytest.mark.gui


def test_every_prompt_has_a_recording_in_both_languages() -> None:
    for prompt in PROMPTS:
        for language in ("zh_CN", "en"):
            assert (assets_dir() / "voice" / f"{prompt}.{language}.wav").stat().st_size > 10_000


def test_prompts_follow_the_config(qtbot: QtBot) -> None:
    assert not Voice(VoiceConfig(enabled=False)).wanted(elderly=True)
    elderly_only = Voice(VoiceConfig(enabled=True, only_in_elderly_mode=True))
    assert elderly_only.wanted(elderly=True) and not elderly_only.wanted(elderly=False)
    quiet = Voice(VoiceConfig(enabled=False))
    quiet.say("place_card", language="zh_CN", elderly=True)
    assert quiet.last_spoken is None


def test_a_prompt_is_spoken_or_played(qtbot: QtBot) -> None:
    voice = Voice(VoiceConfig())
    voice.say("take_receipt", language="zh_CN", elderly=False)
    assert voice.last_spoken is not None and voice.last_spoken[0] == "take_receipt"
    voice.stop()
