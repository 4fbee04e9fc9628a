"""The technician's config: every mistake named with file, line, key and what is allowed."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.config import ConfigError, EMBEDDED_DEMO_CONFIG, example_config_text, load_config, parse_config

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "config" / "kiosk.example.toml"
VALID = '[terminal]\nid = "T1"\nsite_name = "站点"\nregion_code = "430181"\n'


def problems(text: str) -> list[str]:
    with pytest.raises(ConfigError) as info:
        parse_config(text, "k.toml")
    return [str(p) for p in info.value.problems]


def test_example_and_demo_configs_are_valid() -> None:
    assert load_config(EXAMPLE).terminal.id == "LY-JL-0012"
    demo = load_config(EMBEDDED_DEMO_CONFIG)
    assert demo.is_demo and demo.devices.idcard.port == "sim" and demo.central.url == "embedded"


def test_example_file_is_generated_from_the_declarations() -> None:
    assert EXAMPLE.read_text(encoding="utf-8") == example_config_text()


def test_misspelled_key_is_named_with_its_line_and_the_allowed_keys() -> None:
    (problem,) = problems(VALID + "\n[display]\norientaton = \"portrait\"\n")
    assert problem.startswith("k.toml:7: display.orientaton: unknown key")
    assert "orientation" in problem


def test_region_code_must_have_6_9_or_12_digits() -> None:
    (problem,) = problems(VALID.replace('"430181"', '"12345"'))
    assert "k.toml:4: terminal.region_code" in problem and "6-, 9- or 12-digit" in problem
    for good in ("430181", "430181003", "430181003201"):
        assert parse_config(VALID.replace('"430181"', f'"{good}"'), "k").terminal.region_code == good


def test_wrong_type_and_out_of_range_and_bad_choice_are_all_reported_together() -> None:
    found = problems(VALID + "[display]\nidle_timeout_s = \"soon\"\nidle_prompt_s = 5\norientation = \"round\"\n")
    assert any("display.idle_timeout_s: expected a whole number" in p for p in found)
    assert any("display.idle_prompt_s: must be between 20 and 120" in p for p in found)
    assert any("display.orientation: allowed values: 'portrait', 'landscape'" in p for p in found)


def test_missing_required_key_and_not_toml_and_unreadable_file() -> None:
    assert any("terminal.id: missing required key" in p for p in problems(VALID.replace('id = "T1"\n', "")))
    (not_toml,) = problems("[terminal\nid=")
    assert "not valid TOML" in not_toml and "line 1" in not_toml
    with pytest.raises(ConfigError, match="cannot read"):
        load_config("/nonexistent/kiosk.toml")


def test_central_keepalive_idle_is_checked() -> None:
    assert parse_config(VALID, "k").central.keepalive_idle_s == 3.0
    assert parse_config(VALID + "[central]\nkeepalive_idle_s = 0\n", "k").central.keepalive_idle_s == 0.0
    (typo,) = problems(VALID + "[central]\nkeepalive_idel_s = 2.0\n")
    assert typo.startswith("k.toml:6: central.keepalive_idel_s: unknown key") and "keepalive_idle_s" in typo
    found = problems(VALID + '[central]\nkeepalive_idle_s = -1\n') + problems(VALID + '[central]\nkeepalive_idle_s = "3"\n')
    assert any("central.keepalive_idle_s: must be between 0 and 300" in p for p in found)
    assert any("central.keepalive_idle_s: expected a number" in p for p in found)


def test_devices_and_admin_values_are_checked() -> None:
    found = problems(VALID + '[devices.idcard]\nbaud = 4800\nusb_ids = ["zz"]\n[devices.printer]\nuri = "lpt1"\n'
                             '[admin]\npin_hash = "123456"\n')
    assert any("devices.idcard.baud: allowed values: 115200, 57600" in p for p in found)
    assert any("devices.idcard.usb_ids" in p for p in found)
    assert any("devices.printer.uri" in p and "tcp://HOST:9100" in p for p in found)
    assert any("admin.pin_hash" in p and "hash-pin" in p for p in found)


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kiosk", *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=60)


def test_check_config_command_exit_codes(tmp_path: Path) -> None:
    ok = run_cli("check-config", str(EXAMPLE))
    assert ok.returncode == 0 and ok.stdout.startswith("OK")
    cases = {
        "typo": ("site_type", "site_typ", "terminal.site_typ"),
        "region": ('region_code = "430181003"', 'region_code = "12345"', "terminal.region_code"),
        "type": ("idle_timeout_s = 90", 'idle_timeout_s = "90"', "display.idle_timeout_s"),
        "keepalive": ("keepalive_idle_s = 3.0", "keepalive_idel_s = 3.0", "central.keepalive_idel_s"),
    }
    for name, (old, new, key) in cases.items():
        broken = tmp_path / f"{name}.toml"
        broken.write_text(EXAMPLE.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
        result = run_cli("check-config", str(broken))
        assert result.returncode != 0, name
        assert key in result.stdout, result.stdout


def test_version_and_hash_pin_commands() -> None:
    assert run_cli("--version").stdout.strip() == "kiosk 0.1.0"
    line = run_cli("hash-pin", "--pin", "135790").stdout.strip()
    assert line.startswith('pin_hash = "scrypt$')
    assert parse_config(VALID + f"[admin]\n{line}\n", "k").admin.pin_hash.startswith("scrypt$")
