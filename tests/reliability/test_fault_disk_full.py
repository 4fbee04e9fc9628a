"""Disk full under the outbox (privacy-and-security rule 14): a real size-limited file system (tmpfs size=).

Expected: enqueue raises StorageError("disk_full"), every enqueue that returned is intact and decryptable,
no half-written record, the database passes integrity_check, and after space is freed the same outbox takes
submissions again. In the app: the 暂停服务 screen and an operator event; the window still answers taps.
"""
from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from reliability_support import record_figures
from small_fs import small_tmpfs

from kiosk.api.errors_storage import StorageError
from kiosk.api.outbox import Outbox

PAYLOAD = {"service_code": "S1", "applicant": {"name": "欧阳菊花", "id_number": "430181195803120037",
                                               "phone": "13812341234", "address": "湖南省浏阳市集里街道神仙坳社区"},
           "form": {"note": "测" * 3000}}


def test_outbox_on_a_full_disk_raises_storage_error_and_keeps_every_committed_record(tmp_path: Path) -> None:
    with small_tmpfs(tmp_path / "data", "384k") as fs:
        db, key = fs.path / "outbox.sqlite3", tmp_path / "keys" / "outbox.key"
        handler_codes: list[str] = []
        committed: list[str] = []
        errors: list[StorageError] = []
        with Outbox(db, key, ref_prefix="DISK", on_storage_error=lambda e: handler_codes.append(e.code)) as ob:
            for _ in range(500):
                try:
                    committed.append(ob.enqueue("case", PAYLOAD).local_ref)
                except StorageError as exc:
                    errors.append(exc)
                    if len(errors) >= 3:  # it keeps refusing cleanly, not just once
                        break
            assert errors, "the file system never filled up"
            assert {e.code for e in errors} == {"disk_full"}, [e.code for e in errors]
            assert handler_codes[:1] == ["disk_full"]
            assert ob.depth() == len(committed)  # reads still work on a full disk
        fs.resize("16m")  # the technician freed space
        conn = sqlite3.connect(db)
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        rows = conn.execute("SELECT local_ref FROM outbox ORDER BY seq").fetchall()
        raw = b"".join(p.read_bytes() for p in fs.path.iterdir() if p.name.startswith("outbox.sqlite3"))
        conn.close()
        assert [r[0] for r in rows] == committed  # exactly the committed ones: none lost, none half-written
        with Outbox(db, key, ref_prefix="DISK") as ob:
            assert all(ob.next_pending(after_seq=r.seq - 1) is not None for r in ob.records())  # all decrypt
            after = ob.enqueue("case", PAYLOAD)
            assert after.local_ref not in committed and ob.depth() == len(committed) + 1
        assert b"430181195803120037" not in raw and "欧阳菊花".encode() not in raw
    record_figures("fault_matrix", "disk_full_outbox", {
        "made": len(committed) + len(errors), "stored": len(committed), "refused_with_storage_error": len(errors),
        "lost": 0, "duplicated": 0, "half_written": 0, "fs": "tmpfs size=384k"})


def test_disk_full_in_the_app_shows_out_of_service_and_keeps_answering_taps(qtbot: QtBot, tmp_path: Path,
                                                                         central: object) -> None:
    from helpers.kiosk_app import running_kiosk

    with small_tmpfs(tmp_path / "data", "48m") as fs, \
            running_kiosk(qtbot, central.url, tmp_path) as kiosk:  # type: ignore[attr-defined]
        assert kiosk.screen == "home"
        outbox = kiosk.ctx.service("outbox")
        before = outbox.depth()
        fs.fill()
        result: dict[str, object] = {}

        def submit() -> None:  # what a journey does through ctx.run: enqueue off the GUI thread
            try:
                result["record"] = outbox.enqueue("case", PAYLOAD)
            except StorageError as exc:
                result["error"] = exc.code

        t = threading.Thread(target=submit)
        t.start()
        t.join(30)
        assert result.get("error") == "disk_full", result
        qtbot.waitUntil(lambda: kiosk.window.out_of_service is not None
                        and kiosk.window.stack.currentWidget() is kiosk.window.out_of_service, timeout=10_000)
        assert "暂停服务" in kiosk.texts() and "DISK-" in kiosk.texts()
        assert "outbox.disk_full" in kiosk.services.health.last_errors
        # a citizen's tap on a tile place does nothing harmful; the technician's gesture still works
        for _ in range(5):  # through the native window, as the touchscreen delivers them
            QTest.mouseClick(kiosk.window.windowHandle(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                             QPoint(10, 10))
        qtbot.waitUntil(lambda: kiosk.screen == "admin_pin", timeout=5_000)
        assert kiosk.window.stack.currentWidget() is kiosk.window.current_screen
        assert outbox.depth() == before
        fs.free_up()
    record_figures("fault_matrix", "disk_full_app", {"made": 1, "stored": 0, "refused_with_storage_error": 1,
                                                    "lost": 0, "duplicated": 0, "screen": "out_of_service",
                                                    "taps_answered": True})
