"""The outbox on its own: durability, encryption at rest, key-file rules, storage errors."""
from __future__ import annotations

import os
import re
import signal
import sqlite3
import subprocess
import sys
import textwrap
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from kiosk.api.outbox import LOCAL_REF_RE, PAGE_CACHE_KIB, KeyFileError, Outbox, StorageError

ID_NUMBER = "430181199001010037"
PHONE = "13812341234"
NAME = "欧阳菊花"
PERSONAL = {"applicant": {"name": NAME, "id_number": ID_NUMBER, "phone": PHONE}, "item_code": "LY-0001"}
REPO = Path(__file__).resolve().parents[2]


def needles() -> list[bytes]:
    out = []
    for value in (ID_NUMBER, PHONE, NAME, "欧阳"):
        out += [value.encode("utf-8"), value.encode("utf-16-le"), value.encode("gb18030")]
    return out


def raw_bytes(db: Path) -> bytes:
    data = b""
    for suffix in ("", "-wal", "-shm", "-journal"):
        p = Path(str(db) + suffix)
        if p.exists():
            data += p.read_bytes()
    return data


@pytest.fixture()
def paths(tmp_path: Path) -> tuple[Path, Path]:
    return tmp_path / "data" / "outbox.sqlite3", tmp_path / "config" / "outbox.key"


def test_enqueue_returns_committed_record_with_key_and_local_ref(paths: tuple[Path, Path]) -> None:
    db, key = paths
    fixed = datetime(2026, 11, 26, 9, 30, tzinfo=timezone(timedelta(hours=8)))
    with Outbox(db, key, ref_prefix="LY", now=lambda: fixed) as ob:
        recs = [ob.enqueue("case", PERSONAL, owner_id=ID_NUMBER) for _ in range(3)]
        tag = ob.install_tag
        assert re.fullmatch(r"[ACDEFGHJKMNPQRTUVWXY]{4}", tag)
        assert [r.local_ref for r in recs] == [f"LY-{tag}-20261126-0001", f"LY-{tag}-20261126-0002",
                                               f"LY-{tag}-20261126-0003"]
        assert all(LOCAL_REF_RE.fullmatch(r.local_ref) for r in recs)
        assert len({r.idempotency_key for r in recs}) == 3
        assert ob.depth() == 3 and ob.oldest() == fixed
    # a second connection sees them: they were committed before enqueue returned
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT COUNT(*) FROM outbox WHERE state='pending'").fetchone()[0] == 3
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()
    with Outbox(db, key, now=lambda: fixed) as ob:
        assert ob.install_tag == tag  # the tag belongs to the database: kept across restarts
        item = ob.next_pending()
        assert item is not None and item.payload == PERSONAL
        assert item.record.idempotency_key == recs[0].idempotency_key  # same key after a restart
        assert NAME not in repr(item) and ID_NUMBER not in repr(item)
        assert [r.local_ref for r in ob.pending_for_owner(ID_NUMBER)] == [r.local_ref for r in recs]
        assert ob.pending_for_owner("110101199003070011") == []


def test_a_reinstalled_outbox_does_not_repeat_an_earlier_installations_references(tmp_path: Path) -> None:
    """Same terminal id, same day, a fresh database (reinstall, replaced disk, a second terminal configured with
    the same id): the daily number starts again at 0001 but the installation tag differs, so the receipt does not
    repeat a reference another citizen may hold."""
    fixed = datetime(2026, 11, 26, 9, 30, tzinfo=timezone(timedelta(hours=8)))
    refs: list[str] = []
    tags: set[str] = set()
    for install in range(30):
        with Outbox(tmp_path / f"i{install}" / "outbox.sqlite3", tmp_path / f"k{install}" / "outbox.key",
                    ref_prefix="LY-JL-0012", now=lambda: fixed) as ob:
            refs += [ob.enqueue("case", PERSONAL).local_ref for _ in range(2)]
            tags.add(ob.install_tag)
    assert all(LOCAL_REF_RE.fullmatch(r) and r.endswith(("-0001", "-0002")) for r in refs)
    # 30 draws of 160,000 tags: a repeat has a probability of ~0.3 %; two repeats would mean a broken draw.
    assert len(tags) >= 29 and len(set(refs)) >= 58
    assert all(len(r) == len("LY-JL-0012-KXPM-20261126-0007") for r in refs)


def test_an_outbox_from_before_installation_tags_gets_one_and_keeps_its_old_references(
        paths: tuple[Path, Path]) -> None:
    db, key = paths
    with Outbox(db, key) as ob:
        old = ob.enqueue("case", PERSONAL)
    conn = sqlite3.connect(db)  # as an outbox written by the previous version: old-style reference, no tag
    conn.execute("UPDATE outbox SET local_ref = 'LY-20261126-0001' WHERE seq = ?", (old.seq,))
    conn.execute("DROP TABLE meta")
    conn.commit()
    conn.close()
    with Outbox(db, key) as ob:
        assert re.fullmatch(r"[ACDEFGHJKMNPQRTUVWXY]{4}", ob.install_tag)
        assert ob.lookup("ly-20261126-0001") is not None
        assert ob.enqueue("case", PERSONAL).local_ref.startswith(f"LY-{ob.install_tag}-")


def test_acknowledged_rows_go_after_keep_acked_days_also_in_a_kiosk_that_never_restarts(
        paths: tuple[Path, Path]) -> None:
    db, key = paths
    clock = [datetime(2026, 11, 26, 9, 30, tzinfo=timezone(timedelta(hours=8)))]
    with Outbox(db, key, keep_acked_days=90, now=lambda: clock[0]) as ob:
        old = [ob.enqueue("case", PERSONAL) for _ in range(2)]
        ob.mark_acked_many([(r.seq, f"C-{r.seq}") for r in old])
        clock[0] += timedelta(days=90)  # kept for 90 days to the second
        newer = ob.enqueue("case", PERSONAL)
        ob.mark_acked(newer.seq, "C-newer")
        assert all(ob.lookup(r.local_ref) is not None for r in old)
        clock[0] += timedelta(days=1)
        last = ob.enqueue("case", PERSONAL)
        ob.mark_acked(last.seq, "C-last")  # the first acknowledgement of a new day purges, no restart needed
        assert [ob.lookup(r.local_ref) for r in old] == [None, None]
        assert ob.lookup(newer.local_ref) is not None and ob.lookup(last.local_ref) is not None
        assert ob._call(lambda c: c.execute("PRAGMA cache_size").fetchone()[0]) == -PAGE_CACHE_KIB
    clock[0] += timedelta(days=90)
    with Outbox(db, key, keep_acked_days=90, now=lambda: clock[0]) as ob:  # and when it opens, as before
        assert ob.lookup(newer.local_ref) is None and ob.lookup(last.local_ref) is not None


def test_bad_kind_and_payload_named_clearly(paths: tuple[Path, Path]) -> None:
    with Outbox(*paths) as ob:
        with pytest.raises(ValueError, match="case, evaluation, help_request"):
            ob.enqueue("parcel", {})
        with pytest.raises(TypeError, match="JSON object"):
            ob.enqueue("case", [1, 2])  # type: ignore[arg-type]
        assert ob.depth() == 0


def test_no_plaintext_personal_data_while_queued_nor_after_ack(paths: tuple[Path, Path]) -> None:
    db, key = paths
    with Outbox(db, key) as ob:
        recs = [ob.enqueue("case", PERSONAL, owner_id=ID_NUMBER) for _ in range(20)]
        queued = raw_bytes(db)
        assert len(queued) > 4096
        for n in needles():
            assert n not in queued, f"plaintext {n!r} in the queued database files"
        sealed = [bytes(r[0]) for r in sqlite3.connect(db).execute("SELECT payload FROM outbox")]
        for i, rec in enumerate(recs):
            ob.mark_acked(rec.seq, f"LYC-2026-{i:06d}")
        acked = raw_bytes(db)
        for n in needles():
            assert n not in acked
        for blob in sealed:  # not even the ciphertexts survive (secure_delete + WAL truncated)
            assert blob[:32] not in acked
        assert not Path(str(db) + "-wal").exists() or Path(str(db) + "-wal").stat().st_size == 0
        found = ob.lookup(recs[3].local_ref)
        assert found is not None and found.synced and found.remote_ref == "LYC-2026-000003"
        assert ob.depth() == 0 and ob.oldest() is None


def test_key_file_created_0600_outside_db_dir(paths: tuple[Path, Path]) -> None:
    db, key = paths
    Outbox(db, key).close()
    assert key.stat().st_mode & 0o777 == 0o600
    assert len(bytes.fromhex(key.read_text().strip())) == 32


@pytest.mark.parametrize("mode", [0o644, 0o640, 0o604, 0o660, 0o700])
def test_key_file_with_wider_permissions_is_refused(paths: tuple[Path, Path], mode: int) -> None:
    db, key = paths
    Outbox(db, key).close()
    os.chmod(key, mode)
    with pytest.raises(KeyFileError) as exc:
        Outbox(db, key)
    assert str(key) in str(exc.value) and f"chmod 600 {key}" in str(exc.value)


def test_key_file_0400_is_accepted(paths: tuple[Path, Path]) -> None:
    db, key = paths
    Outbox(db, key).close()
    os.chmod(key, 0o400)
    Outbox(db, key).close()


def test_key_file_inside_the_database_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(KeyFileError, match="inside the database directory"):
        Outbox(tmp_path / "outbox.sqlite3", tmp_path / "outbox.key")


def test_a_replaced_key_makes_records_undecryptable_not_wrong(paths: tuple[Path, Path]) -> None:
    from kiosk.api.outbox import UndecryptableRecord

    db, key = paths
    with Outbox(db, key) as ob:
        ob.enqueue("evaluation", {"score": 5})
    key.unlink()
    with Outbox(db, key) as ob, pytest.raises(UndecryptableRecord):
        ob.next_pending()


def test_disk_full_is_a_storage_error_and_leaves_no_half_record(paths: tuple[Path, Path]) -> None:
    errors: list[StorageError] = []
    with Outbox(*paths, on_storage_error=errors.append) as ob:
        ob.enqueue("case", PERSONAL)
        pages = ob._call(lambda c: c.execute("PRAGMA page_count").fetchone()[0])
        ob._call(lambda c: c.execute(f"PRAGMA max_page_count={pages}"))  # the "disk" is now full
        big = {"blob": "x" * 20000}
        with pytest.raises(StorageError) as exc:
            ob.enqueue("case", big)
        assert exc.value.code == "disk_full"
        assert errors and errors[0].code == "disk_full"
        assert ob.depth() == 1
        assert [r.local_ref[-4:] for r in ob.records()] == ["0001"]
        ob._call(lambda c: c.execute("PRAGMA max_page_count=1073741823"))
        rec = ob.enqueue("case", big)  # the space came back: works again, counter not burnt by the failure
        assert rec.local_ref.endswith("-0002") and ob.depth() == 2


def test_io_error_from_a_file_size_limit_is_a_storage_error(paths: tuple[Path, Path]) -> None:
    """A real write failure (EFBIG under RLIMIT_FSIZE) in a child process: StorageError, then a clean DB."""
    db, key = paths
    Outbox(db, key).close()
    child = textwrap.dedent(f"""
        import resource, signal, sys
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        from kiosk.api.outbox import Outbox, StorageError
        ob = Outbox({str(db)!r}, {str(key)!r})
        ob.enqueue("case", {{"n": 1}})
        resource.setrlimit(resource.RLIMIT_FSIZE, (200_000, 200_000))
        try:
            for i in range(1000):
                ob.enqueue("case", {{"blob": "y" * 5000, "i": i}})
        except StorageError as e:
            print("STORAGE", e.code, flush=True)
            sys.exit(0)
        print("NO ERROR", flush=True)
    """)
    out = subprocess.run([sys.executable, "-c", child], cwd=REPO, capture_output=True, text=True, timeout=120, check=False)
    assert "STORAGE" in out.stdout, out.stdout + out.stderr
    assert out.stdout.split()[1] in {"io_error", "disk_full"}
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    with Outbox(db, key) as ob:  # every row that exists decrypts: nothing half-written
        n = 0
        item = ob.next_pending()
        while item is not None:
            n += 1
            item = ob.next_pending(item.record.seq)
        assert n == ob.depth() >= 1


def test_sigkill_during_enqueue_loses_no_acknowledged_record(paths: tuple[Path, Path]) -> None:
    """Rule 9: every local_ref the child printed (enqueue returned) survives kill -9."""
    db, key = paths
    Outbox(db, key).close()
    child = textwrap.dedent(f"""
        from kiosk.api.outbox import Outbox
        ob = Outbox({str(db)!r}, {str(key)!r})
        i = 0
        while True:
            r = ob.enqueue("case", {{"i": i}})
            print(r.local_ref, flush=True)
            i += 1
    """)
    for _ in range(3):
        proc = subprocess.Popen([sys.executable, "-c", child], cwd=REPO, stdout=subprocess.PIPE, text=True)
        assert proc.stdout is not None
        seen = []
        for line in proc.stdout:
            seen.append(line.strip())
            if len(seen) >= 40:
                break
        proc.send_signal(signal.SIGKILL)
        rest, _ = proc.communicate()
        seen += [x for x in rest.split() if x]
        with Outbox(db, key) as ob:
            for ref in seen:
                assert ob.lookup(ref) is not None, ref
    with Outbox(db, key) as ob:
        refs = [r.local_ref for r in ob.records()]
        assert len(refs) == len(set(refs)) >= 120


def test_depth_and_oldest_never_wait_for_the_writer(paths: tuple[Path, Path]) -> None:
    """The GUI thread may read them (banner, health) even while the writer is stuck in a slow fsync."""
    import threading
    from concurrent.futures import Future

    with Outbox(*paths) as ob:
        rec = ob.enqueue("case", PERSONAL)
        release = threading.Event()
        busy: Future[None] = Future()
        ob._jobs.put((lambda conn: release.wait(30), busy))  # the writer is now blocked
        answers: list[object] = []
        reader = threading.Thread(target=lambda: answers.extend([ob.depth(), ob.oldest()]))
        reader.start()
        reader.join(timeout=5)
        stuck = reader.is_alive()
        release.set()
        busy.result(timeout=30)
        assert not stuck and answers == [1, rec.created_at]
        ob.mark_acked(rec.seq, "LY1")
        assert ob.depth() == 0 and ob.oldest() is None


def test_a_failing_listener_never_turns_a_committed_enqueue_into_an_error(paths: tuple[Path, Path]) -> None:
    with Outbox(*paths) as ob:
        def broken(_record: object) -> None:
            raise RuntimeError("GUI went away")

        ob.add_listener(broken)
        rec = ob.enqueue("case", PERSONAL)
        assert ob.lookup(rec.local_ref) is not None and ob.depth() == 1


@pytest.mark.gui
def test_storage_errors_reach_the_gui_as_a_signal(qtbot: object, paths: tuple[Path, Path]) -> None:
    from kiosk.api.qt_adapter import ApiSignals

    signals = ApiSignals()
    codes: list[str] = []
    signals.storage_failed.connect(codes.append)
    with Outbox(*paths) as ob:
        listener = signals.watch_outbox(ob)
        pages = ob._call(lambda c: c.execute("PRAGMA page_count").fetchone()[0])
        ob._call(lambda c: c.execute(f"PRAGMA max_page_count={pages}"))
        with pytest.raises(StorageError):
            ob.enqueue("case", {"blob": "z" * 50000})
        ob.remove_listener(listener)
    assert codes == ["disk_full"]
    signals.deleteLater()


def test_cryptography_loads_at_the_first_record_not_when_the_outbox_opens(tmp_path: Path) -> None:
    """`cryptography` is ~8 MB of the kiosk at home: the outbox opens without it and seals the first record
    with it (fresh interpreter: the modules loaded are per process)."""
    script = textwrap.dedent(f"""
        import sys
        from kiosk.api.outbox import Outbox
        ob = Outbox({str(tmp_path / 'data' / 'outbox.sqlite3')!r}, {str(tmp_path / 'keys' / 'outbox.key')!r})
        print("open", "cryptography" in sys.modules)
        record = ob.enqueue("case", {{"name": "张三"}})
        print("sealed", "cryptography" in sys.modules, ob.next_pending().payload["name"] == "张三")
        ob.close()
    """)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True,
                         cwd=Path(__file__).resolve().parents[2]).stdout.split("\n")
    assert out[:2] == ["open False", "sealed True True"], out
