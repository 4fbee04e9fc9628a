"""Qt translations: Chinese is the source language; English comes from kiosk_en.qm (built from kiosk_en.ts
by the set-up with pyside6-lrelease, not committed). KIOSK_I18N_STRESS=1 lengthens every string by half,
to find clipped text in screenshots."""
from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import cast

from PySide6.QtCore import QT_TRANSLATE_NOOP as _QT_TRANSLATE_NOOP
from PySide6.QtCore import QCoreApplication, QTranslator

log = logging.getLogger(__name__)

# QtCore's QT_TRANSLATE_NOOP(context, text) returns `text` unchanged, but PySide6's stub says `object`.
# Typed here so the marked texts are str; lupdate finds the calls by name, wherever it is imported from.
QT_TRANSLATE_NOOP = cast(Callable[[str, str], str], _QT_TRANSLATE_NOOP)
_installed: list[QTranslator] = []


def qm_dir() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    return Path(bundle) / "kiosk" / "i18n" if bundle else Path(__file__).resolve().parent


class StressTranslator(QTranslator):
    """Wraps the real translator and lengthens whatever it returns (layout stress mode)."""

    def __init__(self, inner: QTranslator | None) -> None:
        super().__init__()
        self._inner = inner

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
        text = (self._inner.translate(context, source, disambiguation, n) if self._inner else "") or source
        return text + " " + text[: max(1, len(text) // 2)]

    def isEmpty(self) -> bool:  # Qt override
        return False


def install_language(language: str) -> bool:
    """Switch the app's translations; returns False when the English file is missing (Chinese shown)."""
    app = QCoreApplication.instance()
    assert app is not None, "install_language needs the application"
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    inner: QTranslator | None = None
    ok = True
    if language == "en":
        inner = QTranslator()
        if not inner.load(str(qm_dir() / "kiosk_en.qm")):
            log.error("English translations missing (%s): run the set-up to build them", qm_dir() / "kiosk_en.qm")
            inner, ok = None, False
    translator = StressTranslator(inner) if os.environ.get("KIOSK_I18N_STRESS") == "1" else inner
    if translator is not None:
        app.installTranslator(translator)
        _installed.append(translator)
        if translator is not inner and inner is not None:
            _installed.append(inner)  # keep the wrapped one alive
    return ok
