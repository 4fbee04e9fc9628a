"""The sync worker: sends the outbox to the central service, in order, exactly once from the server's view.

One thread. Each pass takes the oldest pending record, sends it with its stored idempotency key and:
- acknowledged      -> outbox.mark_acked (personal payload dropped; WAL checkpointed when the queue drains
                       or every `checkpoint_every` records),
- transient failure -> the record stays pending, the pass ends, the worker sleeps an exponential backoff with
                       jitter and a cap (at least the server's Retry-After); 409 "idempotency_in_flight",
                       timeouts, 5xx, clock skew, replayed nonce and being offline are all transient,
- permanent 4xx     -> outbox.mark_failed + operator alert, and the next record goes.
Several queued cases in a row go in one POST /cases/batch (up to `batch_size`, when the sender is
CentralClient.send_outbox_record or a `batch_sender` is given): each record is settled by its own answer as
above (acknowledged ones in one local commit), one refused record does not hold up the others, and a server
without the endpoint (404/405) gets the records one by one. The batch stops at the first record of another
kind, so nothing overtakes it.
Head-of-line order is kept on purpose: an evaluation is never sent before the case it rates (an
evaluation queued with `case_local_ref` gets the real case number filled in when it is sent).
A SIGKILL at any point is harmless: an unacknowledged record is sent again with the same key and the
server answers with the original result.
"""
from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from kiosk.api.errors import ApiError, Offline, Rejected, ServerError, Timeout
from kiosk.api.errors_storage import StorageError
from kiosk.api.outbox import Outbox, OutboxRecord, PendingItem, UndecryptableRecord

log = logging.getLogger("kiosk.api.sync")

#: Only queued cases go in batches (POST /cases/batch); evaluations and help requests go one by one.
BATCH_KIND = "case"

#: sender(record, payload) -> the server's reference (case number / id). Raises ApiError.
Sender = Callable[[OutboxRecord, dict[str, Any]], str]
#: batch_sender([(record, payload), ...]) -> per record, in order, the server's reference or the ApiError of that
#: record. Raises ApiError when the whole request failed (then no record is settled).
BatchSender = Callable[[list[tuple[OutboxRecord, dict[str, Any]]]], list["str | ApiError"]]
#: alert(code, local_ref or None, message in English for the operator; never personal data)
AlertCallback = Callable[[str, str | None, str], None]


@dataclass(frozen=True)
class SyncStatus:
    """What health reports and the admin screen show."""

    depth: int
    oldest: datetime | None
    online: bool | None
    last_error: str | None
    next_attempt_in_s: float | None
    sent_total: int
    failed_total: int


def backoff_delay(failures: int, base: float, cap: float, rng: Callable[[], float],
                  retry_after: float | None = None, retry_after_cap: float = 3600.0) -> float:
    """Exponential backoff with "equal jitter" (half fixed, half random), capped; never below Retry-After."""
    exp = min(cap, base * 2.0 ** max(0, failures - 1))
    delay = exp / 2 + rng() * exp / 2
    if retry_after is not None:
        delay = max(delay, min(retry_after, retry_after_cap))
    return delay


class SyncWorker:
    """Owns the sending of the outbox. start()/stop(); flush_now() for the admin's 同步; status() for health."""

    def __init__(
        self,
        outbox: Outbox,
        sender: Sender,
        *,
        base_delay_s: float = 2.0,
        max_delay_s: float = 300.0,
        checkpoint_every: int = 50,
        rng: Callable[[], float] = random.random,
        on_alert: AlertCallback | None = None,
        on_progress: Callable[[int, int], None] | None = None,
        on_online: Callable[[bool], None] | None = None,
        on_depth: Callable[[int], None] | None = None,
        batch_sender: BatchSender | None | str = "auto",
        batch_size: int = 20,
    ) -> None:
        self.outbox = outbox
        self._send = sender
        if batch_sender == "auto":  # the client's own batch call when the sender is CentralClient.send_outbox_record
            owner = getattr(sender, "__self__", None)
            batch_sender = getattr(owner, "send_outbox_batch", None) if owner is not None else None
        self._send_batch: BatchSender | None = batch_sender if callable(batch_sender) else None
        self.batch_size = max(1, min(50, batch_size))
        self.base_delay_s = base_delay_s
        self.max_delay_s = max_delay_s
        self.checkpoint_every = max(1, checkpoint_every)
        self._rng = rng
        self._on_alert = on_alert
        self._on_progress = on_progress
        self._on_online = on_online
        self._on_depth = on_depth
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._cv = threading.Condition()
        self._flush_asked = False
        self._thread: threading.Thread | None = None
        self._failures = 0
        self._online: bool | None = None
        self._last_error: str | None = None
        self._next_attempt: float | None = None
        self._sent_total = 0
        self._failed_total = 0
        self._passes = 0
        self._alerted: set[str] = set()
        self._listener = self._on_enqueue

    # ---- control -----------------------------------------------------------------------------------
    def start(self) -> None:
        if self._thread is not None:
            return
        self._stop.clear()
        self.outbox.add_listener(self._listener)
        self._thread = threading.Thread(target=self._run, name="outbox-sync", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 30.0) -> None:
        """Stop after the request in progress (bounded by the client's timeouts)."""
        self.outbox.remove_listener(self._listener)
        with self._cv:  # under the lock: _run must not clear this wake-up (see there)
            self._stop.set()
            self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def _on_enqueue(self, _record: OutboxRecord) -> None:
        """A new record: send it at once, unless we are backing off from failures (then it waits its turn)."""
        with self._cv:
            if self._failures == 0:
                self._wake.set()

    def flush_now(self) -> None:
        """Admin "sync now": forget the current backoff and try at once. Returns immediately."""
        with self._cv:
            self._failures = 0
            self._flush_asked = True
            self._wake.set()

    def wait_idle(self, timeout: float) -> bool:
        """Block (never on the GUI thread) until the queue is empty; False if the deadline passed first."""
        deadline = time.monotonic() + timeout
        with self._cv:
            while True:
                if self.outbox.depth() == 0:
                    return True
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._cv.wait(min(left, 0.5))

    def depth(self) -> int:
        return self.outbox.depth()

    def oldest(self) -> datetime | None:
        return self.outbox.oldest()

    def status(self) -> SyncStatus:
        with self._cv:
            nxt = None if self._next_attempt is None else max(0.0, self._next_attempt - time.monotonic())
            online, err, sent, failed = self._online, self._last_error, self._sent_total, self._failed_total
        return SyncStatus(self.outbox.depth(), self.outbox.oldest(), online, err, nxt, sent, failed)

    # ---- the thread --------------------------------------------------------------------------------
    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                delay = self._pass()
            except Exception as exc:  # noqa: BLE001 - the worker must survive anything
                log.error("sync pass failed: %s", type(exc).__name__)
                self._alert("sync_internal", None, f"sync pass failed: {type(exc).__name__}")
                delay = self._backoff(None)
            with self._cv:
                self._passes += 1
                self._next_attempt = None if delay is None else time.monotonic() + delay
                if delay is not None and not self._flush_asked and not self._stop.is_set():
                    # a record queued while the failed request was in flight woke us: it waits its turn
                    # behind the failed one, after the backoff (it used to cut the backoff to nothing)
                    self._wake.clear()
                self._cv.notify_all()
            self._wake.wait(delay)
            with self._cv:
                self._wake.clear()
                self._flush_asked = False

    def _pass(self) -> float | None:
        """Send until the queue is empty (-> None: sleep until woken) or a transient error (-> delay)."""
        since_checkpoint = 0
        after = 0
        try:
            while not self._stop.is_set():
                if self._send_batch is not None and self.batch_size > 1:
                    try:
                        run = self.outbox.next_pending_run(BATCH_KIND, self.batch_size, after)
                    except UndecryptableRecord:
                        run = []  # the single path below marks it failed
                    if len(run) > 1:
                        sent, delay = self._batch(run)
                        since_checkpoint += sent
                        if delay is not None:
                            return delay
                        if since_checkpoint >= self.checkpoint_every:
                            self.outbox.checkpoint()
                            since_checkpoint = 0
                        continue
                try:
                    item = self.outbox.next_pending(after)
                except UndecryptableRecord as exc:
                    self.outbox.mark_failed(exc.record.seq, "undecryptable")
                    self._count_failed()
                    self._alert("undecryptable", exc.record.local_ref,
                                "queued record cannot be decrypted (outbox key replaced?)")
                    after = exc.record.seq
                    continue
                if item is None:
                    return None
                record = item.record
                try:
                    remote = self._send(record, self._resolve_links(record, item.payload))
                except Rejected as exc:
                    self._set_online(True)
                    if exc.retryable:
                        self.outbox.mark_attempt(record.seq, exc.code)
                        if exc.terminal_problem:
                            self._alert(exc.code, record.local_ref, f"central service refused this terminal: {exc.code}")
                        return self._backoff(exc)
                    self.outbox.mark_failed(record.seq, exc.code)
                    self._count_failed()
                    log.warning("outbox record %s refused permanently: %s", record.local_ref, exc.code)
                    self._alert(exc.code, record.local_ref, f"submission {record.local_ref} refused: {exc.code}")
                    after = record.seq
                    self._progress()
                    continue
                except ApiError as exc:
                    self.outbox.mark_attempt(record.seq, exc.code)
                    if isinstance(exc, (Offline, Timeout, ServerError)):
                        self._set_online(False)
                    return self._backoff(exc)
                self.outbox.mark_acked(record.seq, remote, checkpoint=False)
                since_checkpoint += 1
                self._alerted = {k for k in self._alerted if k.split(":")[0] not in Rejected.TERMINAL_CODES}
                with self._cv:
                    self._failures = 0
                    self._last_error = None
                    self._sent_total += 1
                    self._cv.notify_all()
                self._set_online(True)
                log.info("outbox record %s delivered as %s", record.local_ref, remote)
                if since_checkpoint >= self.checkpoint_every:
                    self.outbox.checkpoint()
                    since_checkpoint = 0
                self._progress()
            return None
        except StorageError as exc:
            self._alert(exc.code, None, f"outbox storage failed: {exc.code}")
            return self._backoff(None)
        finally:
            if since_checkpoint:
                try:
                    self.outbox.checkpoint()
                except StorageError:
                    pass

    def _batch(self, run: list[PendingItem]) -> tuple[int, float | None]:
        """Send a run of queued cases in one request; settle each record by its own answer.

        Returns (records acknowledged, backoff delay or None to go on). Acknowledged records are committed
        locally in one transaction; a permanent refusal fails only its record; a transient answer for any
        record (in flight, 5xx) keeps it pending and ends the pass after the others are settled. A server
        without the batch endpoint (404/405) or refusing the batch as a whole: batching is switched off and
        the records go one by one."""
        try:
            answers = self._send_batch([(item.record, item.payload) for item in run]) if self._send_batch else []
        except Rejected as exc:
            self._set_online(True)
            if not exc.retryable:
                log.warning("batch submission refused as a whole (%s); sending records one by one", exc.code)
                self._send_batch = None
                return 0, None
            self.outbox.mark_attempt_many([item.record.seq for item in run], exc.code)
            if exc.terminal_problem:
                self._alert(exc.code, None, f"central service refused this terminal: {exc.code}")
            return 0, self._backoff(exc)
        except ApiError as exc:
            self.outbox.mark_attempt_many([item.record.seq for item in run], exc.code)
            if isinstance(exc, (Offline, Timeout, ServerError)):
                self._set_online(False)
            return 0, self._backoff(exc)
        self._set_online(True)
        acks: list[tuple[int, str]] = []
        delivered: list[tuple[str, str]] = []
        transient: ApiError | None = None
        for item, answer in zip(run, answers, strict=True):
            record = item.record
            if isinstance(answer, str):
                acks.append((record.seq, answer))
                delivered.append((record.local_ref, answer))
            elif isinstance(answer, Rejected) and not answer.retryable:
                self.outbox.mark_failed(record.seq, answer.code)
                self._count_failed()
                log.warning("outbox record %s refused permanently: %s", record.local_ref, answer.code)
                self._alert(answer.code, record.local_ref, f"submission {record.local_ref} refused: {answer.code}")
            else:
                self.outbox.mark_attempt(record.seq, answer.code)
                transient = transient or answer
        self.outbox.mark_acked_many(acks)
        if acks:
            self._alerted = {k for k in self._alerted if k.split(":")[0] not in Rejected.TERMINAL_CODES}
            with self._cv:
                if transient is None:
                    self._failures = 0
                    self._last_error = None
                self._sent_total += len(acks)
                self._cv.notify_all()
            for local_ref, remote in delivered:
                log.info("outbox record %s delivered as %s", local_ref, remote)
        self._progress()
        if transient is not None:
            return len(acks), self._backoff(transient)
        return len(acks), None

    # ---- helpers -----------------------------------------------------------------------------------
    def _resolve_links(self, record: OutboxRecord, payload: dict[str, Any]) -> dict[str, Any]:
        """An evaluation of a case that was itself queued offline names it by `case_local_ref`; cases go
        first (order is kept), so by now the real case number is known. If that case was refused, the
        evaluation keeps only its `service_code`."""
        ref = payload.get("case_local_ref")
        if record.kind != "evaluation" or not isinstance(ref, str):
            return payload
        body = {k: v for k, v in payload.items() if k != "case_local_ref"}
        case = self.outbox.lookup(ref)
        if case is not None and case.remote_ref:
            body["case_number"] = case.remote_ref
        return body


    def _backoff(self, exc: ApiError | None) -> float:
        with self._cv:
            self._failures += 1
            self._last_error = exc.code if exc is not None else "internal"
            failures = self._failures
        retry_after = getattr(exc, "retry_after", None)
        delay = backoff_delay(failures, self.base_delay_s, self.max_delay_s, self._rng, retry_after)
        log.info("outbox sync waits %.1f s after %s (failure %d)", delay, self._last_error, failures)
        return delay

    def _count_failed(self) -> None:
        with self._cv:
            self._failed_total += 1

    def _set_online(self, online: bool) -> None:
        with self._cv:
            changed = online != self._online
            self._online = online
        if changed and self._on_online is not None:
            self._on_online(online)

    def _progress(self) -> None:
        depth = self.outbox.depth()
        if self._on_progress is not None:
            self._on_progress(self._sent_total, depth)
        if self._on_depth is not None:
            self._on_depth(depth)

    def _alert(self, code: str, local_ref: str | None, message: str) -> None:
        key = f"{code}:{local_ref}" if local_ref and code not in Rejected.TERMINAL_CODES else code
        if code in Rejected.TERMINAL_CODES and key in self._alerted:
            return  # one alert per terminal-level problem until it clears
        self._alerted.add(key)
        if self._on_alert is not None:
            self._on_alert(code, local_ref, message)
