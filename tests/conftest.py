"""Test-wide setup: headless Qt, private data dirs, no network but loopback."""
from __future__ import annotations

import os

# Must be set before any Qt import: without a display pytest-qt aborts with a bare "Fatal Python error".
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# python-escpos leaves a temp folder per import unless this points somewhere persistent.
os.environ.setdefault("ESCPOS_CAPABILITIES_PICKLE_DIR", os.path.join(os.path.dirname(__file__), ".escpos-cache"))
# Blocking I/O on the GUI thread fails loudly in tests (see kiosk/tasks.py).
os.environ.setdefault("KIOSK_STRICT_THREADS", "1")

import sys
from pathlib import Path

# Shared test helpers (real servers, simulators, decoders) import as `helpers.<module>` from any suite.
sys.path.insert(0, str(Path(__file__).resolve().parent))
# Tests exercise the on-screen keyboard exactly as the kiosk runs it.
os.environ.setdefault("QT_IM_MODULE", "qtvirtualkeyboard")
os.environ.setdefault("QT_VIRTUALKEYBOARD_DESKTOP_DISABLE", "1")
# ... but its QML panel is loaded only by the test that asks for it (see kiosk/screens/keyboard.py).
os.environ.setdefault("KIOSK_KEYBOARD_PANEL", "0")
