"""A citizen's submission through the outbox, and the watcher that tells them "已提交" or "已保存".

Apply (case), help requests and evaluations all submit the same way: the record goes into the local outbox off
the GUI thread, then the screen waits a few seconds for the sync worker to deliver it and the central service's
number to come back ("已提交"); if it does not (offline, slow), the citizen is told "已保存，联网后自动上传" with
the local reference. The Submission lives in the session, so a rebuilt screen shows the same state, and goes
with the session wipe.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

log = logging.getLogger(__name__)

SUBMIT_WAIT_S = 6.0                 # how long "正在提交" waits for the sync worker before saying "已保存"


@dataclass
class Submission:
    """One submission of this citizen (kept in the session, so a rebuilt screen shows the same state)."""

    kind: str
    payload: dict[str, Any] = field(repr=False)
    owner_id: str | None = field(default=None, repr=False)
    state: str = "new"              # new | saving | waiting | sent | saved | failed | refused
    local_ref: str = ""
    remote_ref: str = ""
    created_at: datetime = field(default_factory=datetime.now)
    deadline: datetime | None = None
    printed: bool = False
    extra: dict[str, Any] = field(default_factory=dict, repr=False)
    # Records queued right after this one, in the same job: (kind, payload); "{local_ref}" in a payload's
    # "note" becomes this record's local reference (e.g. the callback request of a poor evaluation).
    follow_on: list[tuple[str, dict[str, Any]]] = field(default_factory=list, repr=False)

    @property
    def settled(self) -> bool:
        return self.state in ("sent", "saved", "failed", "refused")


class SubmissionWatcher(QObject):
    """Puts a Submission into the outbox (off the GUI thread) and follows it until the sync worker delivers it
    or SUBMIT_WAIT_S pass (then: "已保存，联网后自动上传"). `changed` fires on the GUI thread."""

    changed = Signal()

    def __init__(self, ctx: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.sub: Submission | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(lambda: self._check(final=True))
        self._connected = False

    def follow(self, sub: Submission) -> None:
        """Start (enqueue) a new submission, or keep following one that is already in the outbox."""
        self.sub = sub
        if sub.state == "new":
            self._enqueue(sub)
        elif sub.state in ("waiting", "saved"):   # "saved" may still be delivered while they are here
            self._watch(sub)

    def stop(self) -> None:
        self._timer.stop()
        self.sub = None

    def _set(self, sub: Submission, **changes: Any) -> None:
        for key, value in changes.items():
            setattr(sub, key, value)
        if sub is self.sub:
            self.changed.emit()

    def _enqueue(self, sub: Submission) -> None:
        outbox = self.ctx.service("outbox")
        if outbox is None:
            self._set(sub, state="failed")
            return
        sub.state = "saving"
        payload, kind, owner, follow_on = dict(sub.payload), sub.kind, sub.owner_id, list(sub.follow_on)

        def work() -> Any:
            record = outbox.enqueue(kind, payload, owner_id=owner)
            for extra_kind, extra_payload in follow_on:
                body = dict(extra_payload)
                body["note"] = str(body.get("note", "")).replace("{local_ref}", record.local_ref)
                outbox.enqueue(extra_kind, body, owner_id=owner)
            return record

        def saved(record: Any) -> None:
            signals = self.ctx.service("api_signals")
            offline = signals is not None and signals.online is False
            log.info("%s %s saved to the outbox", kind, record.local_ref)
            self._set(sub, local_ref=record.local_ref, created_at=record.created_at.replace(tzinfo=None),
                      state="saved" if offline else "waiting",
                      deadline=datetime.now() + timedelta(seconds=SUBMIT_WAIT_S))
            # Offline too: "offline" may be one dropped connection a second ago; if the sync worker delivers it
            # while the citizen is still here, the screen says "已提交" with the real number.
            self._watch(sub)

        def failed(exc: BaseException) -> None:
            log.error("%s not saved: %s", kind, type(exc).__name__)
            self._set(sub, state="failed")

        self.ctx.run(work, saved, failed)

    def _watch(self, sub: Submission) -> None:
        signals = self.ctx.service("api_signals")
        if signals is not None and not self._connected:
            signals.sync_progress.connect(self._progress)
            signals.online_changed.connect(self._online)
            self._connected = True
        left = (sub.deadline - datetime.now()).total_seconds() if sub.deadline else SUBMIT_WAIT_S
        self._timer.start(max(0, int(left * 1000)))
        self._check(final=False)

    def _progress(self, _sent: int, _remaining: int) -> None:
        self._check(final=False)

    def _online(self, online: bool) -> None:
        self._check(final=not online)

    def _check(self, *, final: bool) -> None:
        sub, outbox = self.sub, self.ctx.service("outbox")
        if sub is None or outbox is None or not sub.local_ref or sub.state not in ("waiting", "saved"):
            return
        ref = sub.local_ref

        def looked(record: Any) -> None:
            if sub.state not in ("waiting", "saved"):
                return
            if record is not None and record.remote_ref:
                self._timer.stop()
                self._set(sub, state="sent", remote_ref=record.remote_ref)
            elif record is not None and record.state == "failed":
                self._set(sub, state="refused")
            elif final and sub.state == "waiting":
                self._set(sub, state="saved")

        def not_looked(_exc: BaseException) -> None:
            if final and sub.state == "waiting":
                self._set(sub, state="saved")

        self.ctx.run(lambda: outbox.lookup(ref), looked, not_looked)
