"""Run by test_privacy_audit_journeys.py in its own process (the QML keyboard panel cannot load under pytest-qt's
log handler): citizen A types a name with the real Pinyin keyboard into the 帮代办 name field, composing it
syllable by syllable (the way a name the engine does not know comes out); the session ends; citizen B starts
typing the same Pinyin into the fresh screen. Prints one JSON line: what A typed, the candidates B is offered,
and the files the keyboard left under XDG_CONFIG_HOME (argv[1]).
"""
from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

CONFIG_HOME = Path(sys.argv[1])
os.environ["XDG_CONFIG_HOME"] = str(CONFIG_HOME)
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["QT_IM_MODULE"] = "qtvirtualkeyboard"
os.environ["QT_VIRTUALKEYBOARD_DESKTOP_DISABLE"] = "1"
os.environ.pop("KIOSK_KEYBOARD_PANEL", None)
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QTimer
from PySide6.QtQml import QQmlEngine, QQmlExpression
from PySide6.QtWidgets import QApplication

from kiosk.app import PORTRAIT, build_window, qt_app
from kiosk.config import EMBEDDED_DEMO_CONFIG, load_config

PINYIN, NAME = sys.argv[2], sys.argv[3]
MODEL = "InputContext.inputEngine.wordCandidateListModel"


def main() -> int:
    app = qt_app()
    built = build_window(load_config(EMBEDDED_DEMO_CONFIG), size=PORTRAIT, data_dir=Path(tempfile.mkdtemp()))
    window = built.window
    window.show()
    window.activateWindow()
    result: dict[str, object] = {}

    def js(code: str) -> object:
        root = window.keyboard.panel.rootObject()
        expr = QQmlExpression(QQmlEngine.contextForObject(root), root, code)
        value = expr.evaluate()[0]
        if expr.hasError():
            raise RuntimeError(f"{code}: {expr.error().toString()}")
        return value

    def name_field() -> object:
        built.ctx.router.go("help_request")
        window.current_screen.kind_tiles["代办"].click()   # the name field shows for 帮办 / 代办
        field = window.current_screen.person.edit
        window.activateWindow()
        field.setFocus()
        return field

    def keys(text: str) -> None:
        for ch in text:
            js(f"InputContext.inputEngine.virtualKeyClick(Qt.Key_{ch.upper()}, '{ch}', 0)")

    def citizen_a() -> None:
        field = name_field()
        if not window.keyboard.load():
            result["error"] = "keyboard panel did not load"
            app.exit(1)
            return
        field.setFocus()
        QTimer.singleShot(100, lambda: compose(field))

    def compose(field: object, tries: int = 100) -> None:
        if not js("InputContext.inputEngine.inputMethod ? true : false") and tries:   # Pinyin loads after the panel
            QTimer.singleShot(100, lambda: compose(field, tries - 1))
            return
        keys(PINYIN)
        chosen = ""
        for _ in range(8):        # pick the candidates that spell the name, piece by piece
            if not js("InputContext.preeditText"):
                break
            cands = [str(js(f"{MODEL}.dataAt({i})")) for i in range(int(js(f"{MODEL}.count") or 0))]
            pick = max((i for i, c in enumerate(cands) if NAME.startswith(chosen + c)),
                       key=lambda i: len(cands[i]), default=0)
            chosen += cands[pick]
            js(f"{MODEL}.selectItem({pick})")
        result["typed_by_a"] = field.text()
        result["hints_a"] = int(field.inputMethodHints().value)
        window.end_session()
        QTimer.singleShot(200, citizen_b)

    def citizen_b() -> None:
        name_field()
        QTimer.singleShot(300, offer)

    def offer() -> None:
        keys(PINYIN)
        result["offered_to_b"] = [str(js(f"{MODEL}.dataAt({i})")) for i in range(min(5, int(js(f"{MODEL}.count") or 0)))]
        window.end_session()
        app.exit(0)

    QTimer.singleShot(300, citizen_a)
    app.exec()
    built.ctx.admin_mode = True
    window._allow_close = True
    QApplication.closeAllWindows()
    window.keyboard.deleteLater()
    app.processEvents()
    result["files"] = {str(p.relative_to(CONFIG_HOME)): p.read_bytes().hex() for p in CONFIG_HOME.rglob("*")
                       if p.is_file()}
    print("RESULT " + json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
