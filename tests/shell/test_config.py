"""The technician's config: every mistake named with file, line, key and what is allowed."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.config import EMBEDDED_DEMO_CONFIG, ConfigError, example_config_text, load_config, parse_config

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
    return subprocess.run([sys.executable, "-m", "kiosk", *args], check=False, capture_output=True, text=True, cwd=ROOT,
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


# ---- paths: relative to the config file's directory, never to the current directory -------------------------
PATH_KEYS = {"central.terminal_secret_file", "central.ca_bundle", "central.client_cert", "central.client_key",
             "storage.data_dir", "storage.log_dir", "storage.key_file", "devices.idcard.sim_cards",
             "devices.printer.preview_dir"}


def _value(config: object, dotted: str) -> object:
    for part in dotted.split("."):
        config = getattr(config, part)
    return config


def _with_paths(values: dict[str, str]) -> str:
    tables: dict[str, list[str]] = {}
    for dotted, value in values.items():
        table, name = dotted.rsplit(".", 1)
        tables.setdefault(table, []).append(f"{name} = {json.dumps(value)}")
    return VALID + "".join(f"[{table}]\n" + "\n".join(lines) + "\n" for table, lines in tables.items())


def test_every_file_or_directory_key_is_declared_a_path() -> None:
    from kiosk.config import describe_keys

    assert {k.key for k in describe_keys() if k.path} == PATH_KEYS


def test_relative_paths_are_taken_from_the_config_files_directory_not_the_cwd(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tmp_path = tmp_path.resolve()   # the base directory is taken at its real place
    folder, elsewhere = tmp_path / "a", tmp_path / "b"
    folder.mkdir()
    elsewhere.mkdir()
    (folder / "kiosk.toml").write_text(_with_paths({k: f"sub/{k.rsplit('.', 1)[1]}" for k in PATH_KEYS}),
                                       encoding="utf-8")
    monkeypatch.chdir(elsewhere)
    for spelt in (folder / "kiosk.toml", "../a/kiosk.toml"):  # an absolute or a relative --config
        config = load_config(spelt)
        for key in PATH_KEYS:
            assert _value(config, key) == str(folder / "sub" / key.rsplit(".", 1)[1]), (spelt, key)
        assert {k for k, _, _ in config.resolved_paths} == PATH_KEYS
    monkeypatch.setenv("KIOSK_CONFIG", "../a/kiosk.toml")
    assert load_config().devices.printer.preview_dir == str(folder / "sub" / "preview_dir")
    # once loaded, a later change of directory changes nothing: every consumer gets the absolute path
    monkeypatch.chdir(tmp_path)
    from kiosk import paths
    from kiosk.devices.printer.settings import PrinterSettings

    assert PrinterSettings.from_config(config).preview_dir == str(folder / "sub" / "preview_dir")
    assert paths.data_dir(config) == folder / "sub" / "data_dir" and (folder / "sub" / "data_dir").is_dir()
    assert paths.log_dir(config) == folder / "sub" / "log_dir"
    assert paths.key_file(config) == folder / "sub" / "key_file"
    assert not (tmp_path / "sub").exists() and not (elsewhere / "sub").exists()


def test_parent_dirs_and_home_and_absolute_and_empty_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tmp_path = tmp_path.resolve()
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.chdir(tmp_path)
    absolute = str(tmp_path / "elsewhere" / "receipts")
    text = _with_paths({"devices.printer.preview_dir": absolute, "storage.data_dir": "",
                        "storage.log_dir": "../logs", "central.ca_bundle": "~/ca.pem", "storage.key_file": "./k/key"})
    config = parse_config(text, "/etc/kiosk/kiosk.toml")
    assert config.devices.printer.preview_dir == absolute                        # untouched
    assert config.storage.data_dir == "" and config.central.client_cert == ""    # empty = none / platform default
    assert Path(config.storage.log_dir) == Path("/etc/kiosk/../logs")
    assert config.central.ca_bundle == str(tmp_path / "home" / "ca.pem")
    assert config.storage.key_file == "/etc/kiosk/k/key"
    assert {k for k, _, _ in config.resolved_paths} == {"storage.log_dir", "central.ca_bundle", "storage.key_file"}
    # parse_config on text alone: the directory of SOURCE, or base_dir when given
    assert parse_config(text, "kiosk.toml").storage.key_file == str(tmp_path / "k" / "key")
    assert parse_config(text, "x", base_dir=tmp_path / "c").storage.key_file == str(tmp_path / "c" / "k" / "key")


def test_a_path_that_cannot_be_made_absolute_is_named_with_its_key() -> None:
    found = problems(_with_paths({"storage.log_dir": "~no-such-user-here/logs", "devices.idcard.sim_cards": "a\0b"}))
    assert any("k.toml:6: storage.log_dir: cannot expand '~no-such-user-here'" in p for p in found), found
    assert any("devices.idcard.sim_cards: a path cannot contain the NUL character" in p for p in found), found
    (uri,) = problems(VALID + '[devices.printer]\nuri = "file://receipt.bin"\n')   # a URI holds no relative path
    assert "devices.printer.uri" in uri and "absolute path" in uri
    assert parse_config(VALID + '[devices.printer]\nuri = "file:///tmp/r.bin"\n', "k").devices.printer.uri


def test_the_embedded_demo_takes_relative_paths_from_the_current_directory(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """It lives inside the package (read-only when frozen): scripts/demo.sh runs it from the repository root, whose
    var/receipts/ the README names."""
    tmp_path = tmp_path.resolve()
    monkeypatch.chdir(tmp_path)
    demo = load_config(EMBEDDED_DEMO_CONFIG)
    assert demo.is_demo and demo.devices.printer.preview_dir == str(tmp_path / "var" / "receipts")
    assert load_config().devices.printer.preview_dir == str(tmp_path / "var" / "receipts")   # no --config either
    spelt_otherwise = EMBEDDED_DEMO_CONFIG.parent / ".." / "defaults" / "demo.toml"
    assert load_config(spelt_otherwise).devices.printer.preview_dir == str(tmp_path / "var" / "receipts")
    # a copy of it elsewhere is an ordinary config file: its own directory
    copy = tmp_path / "etc" / "kiosk.toml"
    copy.parent.mkdir()
    copy.write_text(EMBEDDED_DEMO_CONFIG.read_text(encoding="utf-8"), encoding="utf-8")
    assert load_config(copy).devices.printer.preview_dir == str(tmp_path / "etc" / "var" / "receipts")


def test_check_config_shows_where_relative_paths_point_and_names_bad_ones(tmp_path: Path) -> None:
    tmp_path = tmp_path.resolve()
    folder = tmp_path / "a"
    folder.mkdir()
    good = folder / "kiosk.toml"
    good.write_text(_with_paths({"devices.printer.preview_dir": "receipts", "storage.log_dir": "/var/log/kiosk"}),
                    encoding="utf-8")
    bad = folder / "bad.toml"
    bad.write_text(_with_paths({"devices.printer.preview_dir": "~no-such-user-here/r"}), encoding="utf-8")

    def check(path: Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "kiosk", "check-config", str(path)], check=False,
                              capture_output=True, text=True, cwd=tmp_path, timeout=60,
                              env={**os.environ, "PYTHONPATH": str(ROOT)})

    ok = check(good)
    assert ok.returncode == 0 and ok.stdout.startswith("OK")
    assert f"devices.printer.preview_dir = 'receipts' -> {folder / 'receipts'}" in ok.stdout
    assert "log_dir" not in ok.stdout                      # absolute: nothing to explain
    broken = check(bad)
    assert broken.returncode == 1 and "devices.printer.preview_dir: cannot expand" in broken.stdout
