"""`python -m central office ...`: move a case through the workflow from a terminal (demo and back office).

    office list [--state 审核中]            office show CASE [--full]
    office advance CASE [--note TEXT]       office return CASE --missing "材料A,材料B" [--note TEXT]
    office decide CASE --approve|--refuse [--reason TEXT]
    office mail CASE --tracking SF123 [--carrier 顺丰]
    office follow-ups                       office follow-up HF...   (open -> called_back -> fixed)
Works on the database directly (same --db / CENTRAL_DB_URL as the server), so no token is needed locally.
"""
from __future__ import annotations

import argparse
import sys
from typing import Any


def _print_case(view: dict[str, Any]) -> None:
    print(f"{view['case_number']}  {view['service_name']}  [{view['state']}]  route={view['route']}")
    for e in view["history"]:
        print(f"  {e['time']}  {e['state']:<4}  {e['office']}  {e['note']}")
    if view["missing_materials"]:
        print("  待补正: " + "、".join(view["missing_materials"]))
    if view["delivery"].get("tracking_number"):
        print(f"  寄递: {view['delivery']['carrier']} {view['delivery']['tracking_number']}")


def cmd_office(args: argparse.Namespace) -> int:
    from central import office
    from central.cli import _settings
    from central.db.engine import make_engine
    from central.errors import ProblemError

    settings = _settings(args)
    engine = make_engine(settings.db_url, sqlite_synchronous=settings.sqlite_synchronous)
    try:
        with engine.begin() as conn:
            if args.action == "follow-ups":
                for f in office.follow_ups(conn):
                    print(f"{f['follow_up_number']}  {f['state']:<11}  {f['level']}  {'、'.join(f['tags'])}  "
                          f"case={f['case_number'] or '-'}  回访期限 {f['callback_due'][:16]}  整改期限 {f['fix_due'][:10]}")
                return 0
            if args.action == "follow-up":
                f = office.advance_follow_up(conn, args.number)
                print(f"{f['follow_up_number']} -> {f['state']}")
                return 0
            if args.action == "list":
                for c in office.list_cases(conn, args.state, args.limit):
                    print(f"{c['case_number']}  {c['state']:<4}  {c['route']:<8}  {c['service_name']}  ({c['office']})")
                return 0
            if args.action == "show":
                _print_case(office.view(conn, args.case))
                if args.full:  # personal data on the office's own screen, never in a log
                    from central.sealing import Sealer
                    details = office.private_details(conn, Sealer.from_env(), args.case)
                    print("  申请人: " + " ".join(f"{k}={v}" for k, v in details["applicant"].items() if v))
                    print("  表单: " + " ".join(f"{k}={v}" for k, v in details["form"].items()))
                    if details["delivery_address"]:
                        print(f"  寄递地址: {details['delivery_address']}")
                return 0
            kw: dict[str, Any] = {}
            if args.action == "advance":
                kw = {"note": args.note}
            elif args.action == "return":
                missing = [m.strip() for m in args.missing.replace("，", ",").split(",") if m.strip()]
                if not missing:
                    print("--missing needs at least one material name", file=sys.stderr)
                    return 2
                kw = {"missing": missing, "note": args.note}
            elif args.action == "decide":
                kw = {"approve": args.approve, "reason": args.reason}
            elif args.action == "mail":
                kw = {"tracking_number": args.tracking, "carrier": args.carrier, "note": args.note}
            _print_case(office.apply(conn, args.action, args.case, **kw))
            return 0
    except ProblemError as exc:
        print(f"{exc.code}: {exc.detail}", file=sys.stderr)
        return 1
    finally:
        engine.dispose()


def register(sub: Any) -> None:
    office = sub.add_parser("office", help="back office: move cases through the workflow")
    office.add_argument("--db", help="SQLite file or SQLAlchemy URL (default $CENTRAL_DB_URL, else ./var/central.sqlite3)")
    actions = office.add_subparsers(dest="action", required=True)
    lst = actions.add_parser("list", help="latest cases")
    lst.add_argument("--state")
    lst.add_argument("--limit", type=int, default=30)
    show = actions.add_parser("show", help="one case with its history")
    show.add_argument("case")
    show.add_argument("--full", action="store_true",
                      help="also decrypt the applicant, form and address (needs CENTRAL_DATA_KEY_FILE)")
    adv = actions.add_parser("advance", help="next ordinary step")
    adv.add_argument("case")
    adv.add_argument("--note", default="")
    ret = actions.add_parser("return", help="return for correction (一次性告知)")
    ret.add_argument("case")
    ret.add_argument("--missing", required=True, help='comma-separated, e.g. "户口簿,近期照片"')
    ret.add_argument("--note", default="")
    dec = actions.add_parser("decide", help="approve or refuse (in 审核中)")
    dec.add_argument("case")
    group = dec.add_mutually_exclusive_group(required=True)
    group.add_argument("--approve", dest="approve", action="store_true")
    group.add_argument("--refuse", dest="approve", action="store_false")
    dec.add_argument("--reason", default="")
    mail = actions.add_parser("mail", help="mail the result (已寄出)")
    mail.add_argument("case")
    mail.add_argument("--tracking", required=True)
    mail.add_argument("--carrier", default="EMS")
    mail.add_argument("--note", default="")
    actions.add_parser("follow-ups", help="follow-ups opened by poor evaluations (差评回访整改)")
    fup = actions.add_parser("follow-up", help="record the callback, then the fix, of a follow-up")
    fup.add_argument("number")
    for p in (lst, show, adv, ret, dec, mail):
        p.add_argument("--db", help=argparse.SUPPRESS, default=argparse.SUPPRESS)
    office.set_defaults(func=cmd_office)
