"""Technician commands for the central-service link and the outbox.

  kiosk central-check           time, clock skew, TLS and a signed request, in plain words
  kiosk outbox-status           queued / failed records and the oldest waiting (no personal data)
  kiosk outbox-flush            send the queue now (the admin screen's "立即同步"), until empty or --timeout
  kiosk outbox-requeue REF      send a failed record again (same idempotency key)
"""
from __future__ import annotations

import argparse
import sys
from typing import Any


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("central-check", help="check the link to the central service (time, skew, TLS, signing)")
    p.set_defaults(func=_check)
    p = sub.add_parser("outbox-status", help="how many submissions wait to be sent, and the failed ones")
    p.set_defaults(func=_status)
    p = sub.add_parser("outbox-flush", help="send the queued submissions now")
    p.add_argument("--timeout", type=float, default=120.0, help="give up after this many seconds (default 120)")
    p.set_defaults(func=_flush)
    p = sub.add_parser("outbox-requeue", help="send a failed submission again")
    p.add_argument("local_ref", help="the local reference printed on the receipt, e.g. LY-JL-0012-KXPM-20261126-0007")
    p.set_defaults(func=_requeue)


def _config(args: argparse.Namespace) -> Any:
    from kiosk.cli import load_config

    return load_config(args)


def _check(args: argparse.Namespace) -> int:
    from kiosk.api.client import CentralClient
    from kiosk.api.errors import ApiError

    cfg = _config(args)
    try:
        client = CentralClient.from_config(cfg)
    except ValueError as exc:
        print(f"配置错误 / config: {exc}", file=sys.stderr)
        return 2
    print(f"central service: {client.http.base_url} as terminal {client.terminal_id}")
    status = 0
    try:
        t = client.server_time()
        skew = client.clock_skew_s or 0.0
        print(f"  reachable, server time {t.server_time.isoformat()}, clock skew {skew:+.1f} s"
              + ("  <-- fix the terminal clock (NTP)" if abs(skew) > 60 else ""))
        tags = client.evaluation_tags()
        print(f"  signed request accepted ({len(tags.levels)} evaluation levels)")
    except ApiError as exc:
        print(f"  FAILED: {exc.code}: {exc.message_en} / {exc.message_zh}")
        status = 1
    finally:
        client.close()
    return status


def _status(args: argparse.Namespace) -> int:
    from kiosk.api.outbox import FAILED, Outbox, StorageError

    try:
        with Outbox.from_config(_config(args)) as ob:
            depth, oldest, failed = ob.depth(), ob.oldest(), ob.records(FAILED)
    except StorageError as exc:
        print(f"outbox unusable: {exc}", file=sys.stderr)
        return 2
    print(f"waiting: {depth}" + (f", oldest since {oldest.isoformat()}" if oldest else ""))
    print(f"failed: {len(failed)}")
    for r in failed:
        print(f"  {r.local_ref}  {r.kind}  {r.last_error}  created {r.created_at.isoformat()}")
    return 0


def _flush(args: argparse.Namespace) -> int:
    from kiosk.api.client import CentralClient
    from kiosk.api.outbox import Outbox, StorageError
    from kiosk.api.sync import SyncWorker

    cfg = _config(args)
    try:
        ob = Outbox.from_config(cfg)
    except StorageError as exc:
        print(f"outbox unusable: {exc}", file=sys.stderr)
        return 2
    client = CentralClient.from_config(cfg)
    alerts: list[str] = []
    worker = SyncWorker(ob, client.send_outbox_record,
                        on_alert=lambda code, ref, msg: alerts.append(f"{ref or '-'} {code}"))
    before = ob.depth()
    worker.start()
    ok = worker.wait_idle(args.timeout)
    worker.stop()
    st = worker.status()
    print(f"sent {st.sent_total} of {before}, still waiting {st.depth}, failed now {st.failed_total}"
          + (f", last error {st.last_error}" if st.last_error and not ok else ""))
    for a in alerts:
        print(f"  alert: {a}")
    ob.close()
    client.close()
    return 0 if ok else 1


def _requeue(args: argparse.Namespace) -> int:
    from kiosk.api.outbox import Outbox

    with Outbox.from_config(_config(args)) as ob:
        if ob.requeue(args.local_ref):
            print(f"{args.local_ref.upper()} queued again")
            return 0
    print(f"{args.local_ref}: no failed record with this reference", file=sys.stderr)
    return 1
