"""One tap on a text field (the first, then another) docks the Pinyin keyboard in the kiosk window (loaded then, not at start-up)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def test_a_tap_on_a_text_field_docks_the_pinyin_keyboard() -> None:
    result = subprocess.run([sys.executable, str(Path(__file__).with_name("keyboard_probe.py"))],
                            check=False, capture_output=True, text=True, timeout=120)
    line = result.stdout.strip().splitlines()[-1] if result.stdout.strip() else result.stderr[-2000:]
    assert "loaded_at_start=False" in line, line          # not at start-up: it costs ~140 MB
    assert "loaded=True" in line and "docked=True" in line and "im=True" in line, line
    assert "hidden=True" in line, line  # then hidden, a single tap on another field opened it again (im=True)
    height = int(line.split("height=")[1].split()[0])
    assert height > 200 and "size=(1080, 1920)" in line, line   # docked inside, not past the screen
