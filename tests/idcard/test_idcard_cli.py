"""`kiosk read-card`, `kiosk ports`, `kiosk sim-reader` as subprocesses against a simulator pty."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from kiosk.devices.idcard.samples import SampleCard, load_cards
from kiosk.devices.idcard.simulator import SimulatedReader

ROOT = Path(__file__).resolve().parents[2]
CARDS = load_cards()
GENDER = {"0": "未知", "1": "男", "2": "女", "9": "未说明"}
NATION = {"01": "汉", "05": "维吾尔", "15": "土家", "97": "其他", "98": "外国血统中国籍人士", "11": "满", "60": "60"}


def _kiosk(*args: str, timeout: float = 30) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("KIOSK_CONFIG", None)
    return subprocess.run([sys.executable, "-m", "kiosk", *args], capture_output=True, text=True,
                          timeout=timeout, cwd=ROOT, env=env, check=False)


def _iso(raw: str) -> str:
    return f"{raw[:4]}-{raw[4:6]}-{raw[6:]}"


def _expected(sample: SampleCard) -> dict[str, Any]:
    """Built from the raw sample fields, independently of the decoder."""
    f = sample.fields
    foreign = sample.variant in ("I", "Y")
    english = f.get("english_name")
    return {
        "card_type": {"resident": "resident", "J": "hk_macao_taiwan", "I": "foreign_permanent",
                      "Y": "foreign_permanent"}[sample.variant],
        "name": f["name"],
        "gender": GENDER[f["gender"]],
        "nation": NATION[f["nation"]] if sample.variant == "resident" else None,
        "birth_date": _iso(f["birth"]),
        "address": None if foreign else f["address"],
        "id_number": f["id_number"],
        "issuer": f.get("authority") if foreign else f["issuer"],
        "valid_from": _iso(f["valid_from"]),
        "valid_until": "长期" if f["valid_until"] == "长期" else _iso(f["valid_until"]),
        "permit_number": f.get("permit_number"),
        "issue_count": int(f["issue_count"]) if "issue_count" in f else (int(f["renewals"]) if "renewals" in f else None),
        "english_name": english,
        "nationality": f.get("nationality"),
    }


@pytest.fixture(scope="module")
def module_sim() -> Any:
    with SimulatedReader() as simulator:
        yield simulator


@pytest.mark.parametrize("sample", [c for c in CARDS if c.expect_error is None], ids=lambda c: c.id)
def test_read_card_json_full_for_every_sample(module_sim: SimulatedReader, sample: SampleCard) -> None:
    module_sim.place_card(sample.id)
    done = _kiosk("read-card", "--port", module_sim.path, "--json", "--full", "--timeout", "15")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == _expected(sample)


@pytest.mark.parametrize("sample", [CARDS[0], CARDS[9], CARDS[11]], ids=lambda c: c.id)
def test_read_card_is_masked_without_full(module_sim: SimulatedReader, sample: SampleCard) -> None:
    module_sim.place_card(sample.id)
    done = _kiosk("read-card", "--port", module_sim.path, "--json", "--timeout", "15")
    assert done.returncode == 0, done.stderr
    shown = json.loads(done.stdout)
    number = sample.fields["id_number"]
    assert shown["id_number"] == number[:6] + "*" * (len(number) - 10) + number[-4:]
    everything = done.stdout + done.stderr
    assert number not in everything and sample.fields["name"] not in everything
    assert sample.fields["birth"] not in everything and _iso(sample.fields["birth"]) not in everything
    if sample.fields.get("address"):
        assert sample.fields["address"] not in everything


def test_read_card_text_output_shows_appended_address_and_expiry(module_sim: SimulatedReader) -> None:
    module_sim.place_card("resident-expired")
    done = _kiosk("read-card", "--port", module_sim.path, "--timeout", "15")
    assert done.returncode == 0 and "证件已过期" in done.stdout and "无 none" in done.stdout
    module_sim.place_card("resident-long-term")
    done = _kiosk("read-card", "--port", module_sim.path, "--full", "--timeout", "15")
    assert "新住址 appended address: 湖南省浏阳市淮川街道白沙路88号" in done.stdout and "长期" in done.stdout


def test_read_card_refuses_bad_check_digit(module_sim: SimulatedReader) -> None:
    module_sim.place_card("resident-bad-check-digit")
    done = _kiosk("read-card", "--port", module_sim.path, "--json", "--full", "--timeout", "15")
    assert done.returncode == 4 and done.stdout == ""
    assert "校验" in done.stderr and "check_digit" in done.stderr
    assert CARDS[4].fields["id_number"] not in done.stderr


def test_read_card_timeout_without_card(module_sim: SimulatedReader) -> None:
    module_sim.remove_card()
    done = _kiosk("read-card", "--port", module_sim.path, "--timeout", "1")
    assert done.returncode == 1 and "no card was placed within 1 s" in done.stderr


def test_read_card_without_reader(tmp_path: Path) -> None:
    done = _kiosk("read-card", "--port", str(tmp_path / "ttyUSB7"), "--timeout", "5")
    assert done.returncode == 3 and "无法打开读卡器端口" in done.stderr and "ttyUSB7" in done.stderr


def test_read_card_port_that_is_not_a_reader() -> None:
    with SimulatedReader() as silent:
        silent.silent = True
        done = _kiosk("read-card", "--port", silent.path, "--timeout", "5")
    assert done.returncode == 3 and "不是身份证读卡器" in done.stderr and "not_a_reader" in done.stderr


def test_read_card_in_process_simulator() -> None:
    done = _kiosk("read-card", "--port", "sim", "--sim-card", "permit-taiwan", "--json", "--timeout", "10")
    assert done.returncode == 0 and json.loads(done.stdout)["card_type"] == "hk_macao_taiwan"
    done = _kiosk("read-card", "--port", "sim", "--sim-card", "99", "--timeout", "10")
    assert done.returncode == 2 and "no sample card #99" in done.stderr


def test_ports_says_which_port_answers(module_sim: SimulatedReader) -> None:
    with SimulatedReader() as silent:
        silent.silent = True
        done = _kiosk("ports", "--port", module_sim.path, "--port", silent.path)
    assert done.returncode == 0
    lines = {line.split("\t")[0]: line for line in done.stdout.splitlines()}
    assert "ID-card reader" in lines[module_sim.path] and "no answer" in lines[silent.path]


def test_sim_reader_standalone_prints_its_pty_path(tmp_path: Path) -> None:
    link = tmp_path / "reader"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with subprocess.Popen([sys.executable, "-m", "kiosk", "sim-reader", "--card", "foreign-2017", "--link", str(link)],
                          stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                          cwd=ROOT, env=env) as proc:
        try:
            assert proc.stdout is not None and proc.stdin is not None
            assert proc.stdout.readline().strip() == str(link)
            done = _kiosk("read-card", "--port", str(link), "--json", "--full", "--timeout", "10")
            assert json.loads(done.stdout)["english_name"] == "SMITH JOHN WILLIAM"
            proc.stdin.write("place resident-basic\n")
            proc.stdin.flush()
            assert proc.stdout.readline().strip() == "placed resident-basic"
            done = _kiosk("read-card", "--port", str(link), "--json", "--full", "--timeout", "10")
            assert json.loads(done.stdout)["name"] == "张伟"
            proc.stdin.write("quit\n")
            proc.stdin.flush()
            assert proc.wait(10) == 0
            assert not link.exists()
        finally:
            if proc.poll() is None:
                proc.kill()
