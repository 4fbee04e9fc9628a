"""`python -m central terminal add|list|disable`: register the terminals that may sign requests.

    python -m central terminal add LY-JL-0007 --site "集里街道便民服务中心" --region 430181002 \
        --secret-file /secure/LY-JL-0007.key      # writes a fresh random secret there (0600) unless it exists
The secret file is what the kiosk's [central] terminal_secret_file points to.
"""
from __future__ import annotations

import argparse
import os
import re
import secrets
import sys
from pathlib import Path
from typing import Any

TERMINAL_ID_RE = re.compile(r"^[A-Z0-9][A-Z0-9-]{2,63}$")
SITE_TYPES = ("hall", "community", "mall", "factory", "village")


def _secret(path: Path) -> str:
    if path.exists():
        return path.read_text(encoding="utf-8").strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    value = secrets.token_hex(32)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(value + "\n")
    return value


def cmd_terminal(args: argparse.Namespace) -> int:
    from sqlalchemy import select, update

    from central.cli import _settings
    from central.db import schema as t
    from central.db.engine import create_schema, make_engine
    from central.timeutil import utcnow

    engine = make_engine(_settings(args).db_url)
    create_schema(engine)
    try:
        with engine.begin() as conn:
            if args.action == "list":
                for r in conn.execute(select(t.terminals).order_by(t.terminals.c.id)):
                    seen = r.last_heartbeat_at.isoformat() if r.last_heartbeat_at else "never"
                    print(f"{r.id:<16} {'active' if r.active else 'disabled':<8} {r.region_code:<12} {r.site_name}  "
                          f"(last heartbeat {seen})")
                return 0
            if not TERMINAL_ID_RE.match(args.id):
                print(f"terminal id {args.id!r}: use 3-64 of A-Z 0-9 and '-', e.g. LY-JL-0007", file=sys.stderr)
                return 2
            if args.action == "disable":
                done = conn.execute(update(t.terminals).where(t.terminals.c.id == args.id).values(active=False))
                if done.rowcount != 1:
                    print(f"no terminal {args.id}", file=sys.stderr)
                    return 1
                print(f"{args.id} disabled: its signatures are refused from now on")
                return 0
            if not re.fullmatch(r"430181([0-9]{3}([0-9]{3})?)?", args.region):
                print(f"--region {args.region!r}: a Liuyang region code (430181, 430181xxx or 430181xxxxxx)",
                      file=sys.stderr)
                return 2
            if conn.execute(select(t.terminals.c.id).where(t.terminals.c.id == args.id)).first():
                print(f"terminal {args.id} exists (disable it first to replace it)", file=sys.stderr)
                return 1
            secret = _secret(Path(args.secret_file))
            conn.execute(t.terminals.insert().values(id=args.id, secret=secret, site_name=args.site,
                                                     site_type=args.site_type, region_code=args.region, active=True,
                                                     created_at=utcnow()))
            print(f"{args.id} registered; secret in {args.secret_file}")
            return 0
    finally:
        engine.dispose()


def register(sub: Any) -> None:
    term = sub.add_parser("terminal", help="register, list or disable terminals")
    term.add_argument("--db", help="SQLite file or SQLAlchemy URL (default $CENTRAL_DB_URL, else ./var/central.sqlite3)")
    actions = term.add_subparsers(dest="action", required=True)
    actions.add_parser("list", help="all terminals with their last heartbeat")
    add = actions.add_parser("add", help="register a terminal and write its secret file")
    add.add_argument("id")
    add.add_argument("--site", required=True, help="site name shown to staff, e.g. 集里街道便民服务中心")
    add.add_argument("--region", required=True, help="region code of the site (decides village/township routing)")
    add.add_argument("--site-type", default="hall", choices=SITE_TYPES)
    add.add_argument("--secret-file", required=True, help="where the HMAC secret is (created 0600 if missing)")
    dis = actions.add_parser("disable", help="refuse this terminal's signatures")
    dis.add_argument("id")
    term.set_defaults(func=cmd_terminal)
