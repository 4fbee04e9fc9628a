"""The reader against the simulator over a real pty: reads, faults, unplug/replug, no leaks."""
from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from typing import Any

import pytest

from kiosk.devices.idcard.card import IdCard
from kiosk.devices.idcard.reader import ABSENT_POLLS_FOR_REMOVAL, IdCardReader, PortInfo, ReaderSettings
from kiosk.devices.idcard.samples import fingerprint_bytes, photo_bytes
from kiosk.devices.idcard.simulator import SimulatedReader

MakeReader = Callable[..., tuple[IdCardReader, Any]]
READ_CMDS = ("2001", "2002", "3001", "3003", "3010")


def _online(reader: IdCardReader, events: Any) -> None:
    assert events.wait_for(lambda: reader.online, 5), f"reader never came online: {events.items}"


def _cards(events: Any) -> list[IdCard]:
    return events.of("card")


def _fds() -> int:
    return len(os.listdir("/proc/self/fd"))


def test_normal_read(sim: SimulatedReader, make_reader: MakeReader) -> None:
    reader, events = make_reader(sim.path)
    reader.start()
    _online(reader, events)
    reader.arm(accept_placed_card=True)
    sim.place_card("resident-long-term")
    assert events.wait_count("card", 1)
    card = _cards(events)[0]
    assert card.name == "欧阳秀菊" and card.valid_until is None
    assert card.appended_address == "湖南省浏阳市淮川街道白沙路88号"
    assert card.photo == photo_bytes(sim.find("resident-long-term")) and card.fingerprint is None
    assert events.of("online") == [True] and events.of("error") == []


def test_card_without_appended_address(sim: SimulatedReader, make_reader: MakeReader) -> None:
    reader, events = make_reader(sim.path)
    sim.place_card("resident-basic")
    reader.start()
    reader.arm(accept_placed_card=True)
    assert events.wait_count("card", 1)
    assert _cards(events)[0].appended_address is None and sim.requests["3003"] == 1


def test_read_with_fingerprint(sim: SimulatedReader, make_reader: MakeReader) -> None:
    reader, events = make_reader(sim.path, with_fingerprint=True)
    sim.place_card("resident-fingerprint")
    reader.start()
    reader.arm(accept_placed_card=True)
    assert events.wait_count("card", 1)
    card = _cards(events)[0]
    assert card.fingerprint == fingerprint_bytes(sim.find("resident-fingerprint"))
    assert sim.requests["3010"] == 1 and sim.requests["3001"] == 0


def test_not_polled_until_armed(sim: SimulatedReader, make_reader: MakeReader) -> None:
    reader, events = make_reader(sim.path)
    sim.place_card(0)
    reader.start()
    _online(reader, events)
    # Heartbeats (SAM status) keep going while disarmed, but no card command is ever sent.
    assert events.wait_for(lambda: sim.requests["11ff"] >= 3, 10)
    assert all(sim.requests[c] == 0 for c in READ_CMDS) and _cards(events) == []
    reader.arm(accept_placed_card=True)
    assert events.wait_count("card", 1)
    reader.disarm()
    polls = sim.requests["2001"]
    assert events.wait_for(lambda: sim.requests["11ff"] >= 5, 10)
    assert sim.requests["2001"] <= polls + 1  # at most the poll that was in flight


def test_reads_once_per_placement(sim: SimulatedReader, make_reader: MakeReader) -> None:
    reader, events = make_reader(sim.path)
    reader.start()
    reader.arm(accept_placed_card=True)
    sim.place_card(0)
    assert events.wait_count("card", 1)
    finds = sim.requests["2001"]
    assert events.wait_for(lambda: sim.requests["2001"] >= finds + 10, 10)  # card left on the reader
    assert len(_cards(events)) == 1 and sim.requests["3001"] == 1
    sim.remove_card()
    assert events.wait_for(lambda: sim.requests["2001"] >= finds + 15, 10)
    sim.place_card(1)
    assert events.wait_count("card", 2)
    assert [c.name for c in _cards(events)] == ["张伟", "阿依古丽买买提艾力克热木江阿卜"]


def test_slow_card_read(sim: SimulatedReader, make_reader: MakeReader) -> None:
    sim.slow_read_s = 1.0
    reader, events = make_reader(sim.path)
    reader.start()
    reader.arm(accept_placed_card=True)
    sim.place_card("permit-taiwan")
    assert events.wait_count("card", 1, timeout=10)
    assert _cards(events)[0].permit_number == "12345678" and events.of("error") == []


def test_read_slower_than_timeout_fails_cleanly_and_stays_online(sim: SimulatedReader, make_reader: MakeReader) -> None:
    sim.slow_read_s = 1.0
    reader, events = make_reader(sim.path, read_timeout_s=0.3)
    reader.start()
    reader.arm(accept_placed_card=True)
    sim.place_card(0)
    assert events.wait_count("error", 1, timeout=15)
    assert events.of("error")[0][0] == "read_failed" and _cards(events) == []
    assert reader.online and events.of("online") == [True]


def test_garbage_before_replies(sim: SimulatedReader, make_reader: MakeReader) -> None:
    sim.garbage = b"\x00\xffnoise\xaa\xaa\x96"
    reader, events = make_reader(sim.path)
    reader.start()
    reader.arm(accept_placed_card=True)
    sim.place_card("foreign-2017")
    assert events.wait_count("card", 1)
    assert _cards(events)[0].english_name == "SMITH JOHN WILLIAM"
    assert reader._rx.garbage_bytes > 0


def test_split_writes(sim: SimulatedReader, make_reader: MakeReader) -> None:
    sim.split_chunk = 5
    reader, events = make_reader(sim.path)
    reader.start()
    reader.arm(accept_placed_card=True)
    sim.place_card("foreign-2023")
    assert events.wait_count("card", 1, timeout=10)
    assert _cards(events)[0].nationality == "ESP"


def test_checksum_error_is_retried(sim: SimulatedReader, make_reader: MakeReader) -> None:
    sim.corrupt_reads = 1
    reader, events = make_reader(sim.path)
    reader.start()
    reader.arm(accept_placed_card=True)
    sim.place_card("permit-hk")
    assert events.wait_count("card", 1)
    assert reader.stats.bad_frames >= 1 and sim.requests["3001"] == 2
    assert events.of("error") == []


def test_checksum_error_on_short_reply_recovers(sim: SimulatedReader, make_reader: MakeReader) -> None:
    reader, events = make_reader(sim.path)
    reader.start()
    _online(reader, events)
    sim.corrupt_replies = 3  # spoils heartbeats / finds
    reader.arm(accept_placed_card=True)
    sim.place_card(0)
    assert events.wait_count("card", 1)
    assert reader.stats.bad_frames >= 3 and events.of("online") == [True]


def test_read_failures_give_one_error_then_next_placement_works(sim: SimulatedReader, make_reader: MakeReader) -> None:
    sim.fail_reads = 3
    reader, events = make_reader(sim.path)
    reader.start()
    reader.arm(accept_placed_card=True)
    sim.place_card(0)
    assert events.wait_count("error", 1)
    code, message = events.of("error")[0]
    assert code == "read_failed" and message == "读卡失败，请重新放卡"
    finds = sim.requests["2001"]
    assert events.wait_for(lambda: sim.requests["2001"] >= finds + 5, 10)
    assert len(events.of("error")) == 1  # not repeated while the card stays
    sim.remove_card()
    assert events.wait_for(lambda: sim.requests["2001"] >= finds + 10, 10)
    sim.place_card(0)
    assert events.wait_count("card", 1)


def test_bad_check_digit_card_is_refused_once(sim: SimulatedReader, make_reader: MakeReader) -> None:
    reader, events = make_reader(sim.path)
    reader.start()
    reader.arm(accept_placed_card=True)
    sim.place_card("resident-bad-check-digit")
    assert events.wait_count("error", 1)
    assert events.of("error")[0][0] == "check_digit" and _cards(events) == []


def test_unplug_then_replug_recovers_without_leaks(sim: SimulatedReader, make_reader: MakeReader) -> None:
    threads_before = threading.active_count()
    reader, events = make_reader(sim.path)
    reader.start()
    reader.arm(accept_placed_card=True)
    sim.place_card(0)
    assert events.wait_count("card", 1)
    fds_online = _fds()
    for cycle in range(3):
        sim.unplug()
        assert events.wait_for(lambda: not reader.online, 5), "unplug not noticed"
        sim.replug()
        assert events.wait_for(lambda: reader.online, 5), "replug not noticed"
        assert events.wait_count("card", cycle + 2)  # the card still lies there: read again after reconnect
        assert _fds() == fds_online
    assert events.of("online") == [True, False, True, False, True, False, True]
    assert [e[0] for e in events.of("error")] == ["offline"] * 3
    assert threading.active_count() == threads_before + 1
    reader.stop()
    assert threading.active_count() == threads_before
    assert not reader.running


def test_start_stop_cycles_leak_nothing(sim: SimulatedReader) -> None:
    threads_before, fds_before = threading.active_count(), _fds()
    for _ in range(5):
        reader = IdCardReader(ReaderSettings(port=sim.path, poll_interval_s=0.05))
        reader.start()
        reader.arm(accept_placed_card=True)
        sim.place_card(0)
        assert _wait(lambda r=reader: r.stats.reads == 1)
        reader.stop()
    assert threading.active_count() == threads_before and _fds() == fds_before


def _wait(predicate: Callable[[], bool], timeout: float = 5.0) -> bool:
    """Poll a condition until a deadline (the reader here has no event sink to wait on)."""
    deadline = time.monotonic() + timeout
    pause = threading.Event()
    while time.monotonic() < deadline:
        if predicate():
            return True
        pause.wait(0.01)
    return predicate()


def test_auto_finds_the_reader_by_usb_id(sim: SimulatedReader, make_reader: MakeReader) -> None:
    ports = [PortInfo("/dev/does-not-exist", 0x1234, 0x5678, "modem"), PortInfo(sim.path, 0x1A86, 0x7523, "CH340")]
    reader, events = make_reader("auto", port_lister=lambda: ports)
    reader.start()
    reader.arm(accept_placed_card=True)
    sim.place_card(0)
    assert events.wait_count("card", 1)


def test_auto_without_matching_port_reports_no_reader(make_reader: MakeReader) -> None:
    reader, events = make_reader("auto", port_lister=lambda: [PortInfo("/dev/ttyS0", None, None, "n/a")])
    reader.start()
    assert events.wait_count("error", 1)
    assert events.of("error")[0][0] == "no_reader" and not reader.online


def test_port_that_does_not_speak_the_protocol(sim: SimulatedReader, make_reader: MakeReader) -> None:
    sim.silent = True
    reader, events = make_reader(sim.path)
    reader.start()
    assert events.wait_count("error", 1)
    assert events.of("error")[0][0] == "not_a_reader" and events.of("online") == []
    sim.silent = False  # a reader that starts answering is picked up by the retry loop
    assert events.wait_for(lambda: reader.online, 5)


def test_probe_bauds_order() -> None:
    reader = IdCardReader(ReaderSettings(port="/dev/null", baud=19200, probe_bauds=True))
    assert reader._bauds() == [19200, 115200, 57600, 38400, 9600]
    assert IdCardReader(ReaderSettings(port="/dev/null", baud=9600))._bauds() == [9600]


def test_port_is_only_touched_by_the_owner_thread(sim: SimulatedReader, make_reader: MakeReader) -> None:
    reader, events = make_reader(sim.path)
    reader.start()
    _online(reader, events)
    with pytest.raises(RuntimeError, match="owner thread"):
        reader._request(b"", 0.1)


def test_sim_port_runs_the_simulator_in_process(make_reader: MakeReader) -> None:
    reader, events = make_reader("sim")
    assert reader.simulator is not None
    reader.start()
    reader.arm(accept_placed_card=True)
    reader.simulator.place_card("permit-hk")
    assert events.wait_count("card", 1)
    link_dir = os.path.dirname(reader.simulator.path)
    reader.stop()
    assert not os.path.exists(link_dir)


def test_sample_file_from_config(tmp_path: Any) -> None:
    path = tmp_path / "cards.json"
    path.write_text('{"cards": [{"id": "x", "variant": "Z", "fields": {}}]}', encoding="utf-8")
    with pytest.raises(ValueError, match="variant 'Z'.*resident, J, I, Y"):
        IdCardReader(ReaderSettings(port="sim", sim_cards=str(path)))


def test_configured_photo_decoder_is_used_and_leaves_nothing_on_disk(sim: SimulatedReader, make_reader: MakeReader,
                                                                     tmp_path: Any) -> None:
    import sys

    script = tmp_path / "wlt2bmp.py"
    log_file = tmp_path / "dirs.txt"
    script.write_text("import sys, pathlib\n"
                      "pathlib.Path(sys.argv[3]).write_text(str(pathlib.Path(sys.argv[1]).parent))\n"
                      "pathlib.Path(sys.argv[2]).write_bytes(b'BM' + pathlib.Path(sys.argv[1]).read_bytes()[:4])\n")
    reader, events = make_reader(sim.path, photo_decoder=f"{sys.executable} {script} {{in}} {{out}} {log_file}")
    reader.start()
    reader.arm(accept_placed_card=True)
    sim.place_card(0)
    assert events.wait_count("card", 1)
    card = _cards(events)[0]
    assert card.photo_image == b"BM" + photo_bytes(sim.find(0))[:4]
    assert not os.path.exists(log_file.read_text())


def test_no_photo_decoder_means_no_image(sim: SimulatedReader, make_reader: MakeReader) -> None:
    reader, events = make_reader(sim.path)
    reader.start()
    reader.arm(accept_placed_card=True)
    sim.place_card(0)
    assert events.wait_count("card", 1)
    assert _cards(events)[0].photo_image is None and len(_cards(events)[0].photo) == 1024


def test_a_second_opener_cannot_steal_the_port(sim: SimulatedReader, make_reader: MakeReader) -> None:
    first, first_events = make_reader(sim.path)
    first.start()
    _online(first, first_events)
    second, second_events = make_reader(sim.path)
    second.start()
    assert second_events.wait_count("error", 1)
    assert second_events.of("error")[0][0] == "port_busy" and not second.online
    _arm_on_empty_slot(first, sim, first_events)
    sim.place_card(0)
    assert first_events.wait_count("card", 1)


def test_simulator_leaves_no_temp_dir_or_fd_behind() -> None:
    import glob
    import tempfile

    pattern = os.path.join(tempfile.gettempdir(), "kiosk-idcard-sim-*")
    dirs_before, fds_before = set(glob.glob(pattern)), _fds()
    IdCardReader(ReaderSettings(port="sim")).stop()  # never started: nothing was created
    sim = SimulatedReader()
    sim.start()
    assert os.path.islink(sim.path) and set(glob.glob(pattern)) != dirs_before
    sim.stop()
    assert set(glob.glob(pattern)) == dirs_before and _fds() == fds_before


def test_a_card_left_on_the_reader_is_not_read_into_the_next_session(sim: SimulatedReader,
                                                                      make_reader: MakeReader) -> None:
    """Citizen A's card stays on the reader after A's session; B consents: A's card must not become B's."""
    reader, events = make_reader(sim.path)
    reader.start()
    _online(reader, events)
    _arm_on_empty_slot(reader, sim, events)
    sim.place_card("resident-basic")
    assert events.wait_count("card", 1)        # A's read
    reader.disarm()                              # A's session ends; the card stays where it is
    reader.arm()                                 # B consents
    assert events.wait_for(lambda: "card_left" in [e[0] for e in events.of("error")])
    assert len(_cards(events)) == 1              # A's card was not read again
    finds = sim.requests["2001"]
    sim.remove_card()                            # lifted ...
    assert events.wait_for(lambda: sim.requests["2001"] > finds + ABSENT_POLLS_FOR_REMOVAL, 10)
    sim.place_card("resident-basic")             # ... and placed again: now it is a new placement
    assert events.wait_count("card", 2)


def test_a_card_lying_there_at_start_is_not_read_until_placed_again(sim: SimulatedReader,
                                                                     make_reader: MakeReader) -> None:
    sim.place_card("resident-basic")             # left over from before a crash-restart
    reader, events = make_reader(sim.path)
    reader.start()
    _online(reader, events)
    reader.arm()
    assert events.wait_for(lambda: "card_left" in [e[0] for e in events.of("error")])
    assert _cards(events) == []


def _arm_on_empty_slot(reader: IdCardReader, sim: SimulatedReader, events: Any) -> None:
    """Arm, then wait for the reader's first look at the (empty) slot, as a citizen's hand takes longer."""
    finds = sim.requests["2001"]
    reader.arm()
    assert events.wait_for(lambda: sim.requests["2001"] > finds)
