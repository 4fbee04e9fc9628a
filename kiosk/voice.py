"""Spoken prompts at the key moments: place your card, take your receipt, the session is ending.

The recorded prompts in assets/voice/ play by default; with [voice] use_tts Qt's text-to-speech speaks when
the platform has a voice for the session's language (speech-dispatcher with espeak-ng on Linux, SAPI on
Windows), else the recordings play. Switchable in config ([voice] enabled, only_in_elderly_mode). Nothing is
loaded until the first prompt.
"""
from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QUrl

from kiosk.config import VoiceConfig
from kiosk.i18n import QT_TRANSLATE_NOOP
from kiosk.screens.theme import assets_dir

log = logging.getLogger(__name__)

PROMPTS = {
    "place_card": QT_TRANSLATE_NOOP("Voice", "请将身份证放在感应区"),
    "take_receipt": QT_TRANSLATE_NOOP("Voice", "请取走您的回执"),
    "session_ending": QT_TRANSLATE_NOOP("Voice", "本次办理即将结束，如需更多时间，请点击继续办理"),
    "submitted": QT_TRANSLATE_NOOP("Voice", "您的申请已提交"),
}


class Voice(QObject):
    def __init__(self, config: VoiceConfig, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.config = config
        self._engine: Any = None
        self._engine_locale = ""
        self._effect: Any = None
        self.last_spoken: tuple[str, str] | None = None   # (prompt, "tts" | "recording"), for tests and admin

    def wanted(self, elderly: bool) -> bool:
        return self.config.enabled and (elderly or not self.config.only_in_elderly_mode)

    def say(self, prompt: str, *, language: str, elderly: bool) -> None:
        if prompt not in PROMPTS or not self.wanted(elderly):
            return
        text = QCoreApplication.translate("Voice", PROMPTS[prompt])
        if self.config.use_tts and self._tts(language) is not None:
            self._engine.say(text)
            self.last_spoken = (prompt, "tts")
        elif self._play(prompt, language):
            self.last_spoken = (prompt, "recording")

    def _tts(self, language: str) -> Any:
        if self._engine_locale == language:
            return self._engine
        from PySide6.QtCore import QLocale
        from PySide6.QtTextToSpeech import QTextToSpeech

        self._engine, self._engine_locale = None, language
        for name in QTextToSpeech.availableEngines():
            if name == "mock":
                continue
            engine = QTextToSpeech(name, self)
            wanted = QLocale(language).language()
            match = [loc for loc in engine.availableLocales() if loc.language() == wanted]
            if match:
                engine.setLocale(match[0])
                self._engine = engine
                log.info("voice: %s text-to-speech for %s", name, language)
                break
            engine.deleteLater()
        return self._engine

    def _play(self, prompt: str, language: str) -> bool:
        path = assets_dir() / "voice" / f"{prompt}.{language}.wav"
        if not path.exists():
            log.warning("voice: no recording %s", path.name)
            return False
        from PySide6.QtMultimedia import QSoundEffect

        if self._effect is None:
            self._effect = QSoundEffect(self)
        self._effect.setSource(QUrl.fromLocalFile(str(path)))
        self._effect.play()
        return True

    def stop(self) -> None:
        if self._engine is not None:
            self._engine.stop()
        if self._effect is not None:
            self._effect.stop()
