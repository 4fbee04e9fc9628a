"""Command line of the reference service.

    python -m central                    serve on 127.0.0.1:8600 (seeds the database on first start)
    python -m central serve --db PATH|URL --port N [--fd N] [--workers N] [--timeout-keep-alive S]
                            [--ssl-keyfile ... --ssl-certfile ...
                            --ssl-ca-certs ... --ssl-cert-reqs 2]   (TLS / client certificates, passed to uvicorn)
    python -m central export-openapi [--out docs/api/openapi.json]
    python -m central office list|show|advance|return|decide|mail ...   (see central.office_cli)
    python -m central seed [--reset]     create tables and seed now
    python -m central purge              drop idempotency keys older than 30 days and old nonces
    python -m central terminal add|list|disable ...               (see central.terminal_cli)
"""
from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from central.settings import Settings, default_db_url, normalize_db_arg

DEFAULT_OPENAPI = Path(__file__).resolve().parent.parent / "docs" / "api" / "openapi.json"


def _settings(args: argparse.Namespace) -> Settings:
    url = normalize_db_arg(args.db) if getattr(args, "db", None) else default_db_url()
    return Settings(db_url=url)


def _exit_with_parent() -> None:
    """CENTRAL_PARENT_PID=<pid>: stop (SIGTERM, graceful) when that process is gone, so a test run or a
    demo that dies abruptly leaves no orphan server holding its port and database."""
    import signal
    import threading
    import time

    wanted = os.environ.get("CENTRAL_PARENT_PID", "")
    if not wanted.isdigit():
        return

    def watch() -> None:
        while os.getppid() == int(wanted):
            time.sleep(1.0)
        os.kill(os.getpid(), signal.SIGTERM)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from central.db.engine import create_schema, make_engine
    from central.sealing import KeyFileError, Sealer
    from central.seed import ensure_seeded

    settings = _settings(args)
    os.environ["CENTRAL_DB_URL"] = settings.db_url  # workers / the factory read it
    try:
        Sealer.from_env()
    except KeyFileError as exc:
        print(f"central: {exc}", file=sys.stderr)
        return 2
    try:
        engine = make_engine(settings.db_url, sqlite_synchronous=settings.sqlite_synchronous)
        create_schema(engine)
        if ensure_seeded(engine):
            print("central: database seeded", flush=True)
        engine.dispose()
    except Exception as exc:  # noqa: BLE001 - a clear one-line message instead of a traceback
        print(f"central: cannot open the database ({type(exc).__name__}: {exc})", file=sys.stderr)
        return 2
    ssl = {k: v for k, v in {"ssl_keyfile": args.ssl_keyfile, "ssl_certfile": args.ssl_certfile,
                             "ssl_ca_certs": args.ssl_ca_certs}.items() if v}
    if args.ssl_cert_reqs is not None:
        ssl["ssl_cert_reqs"] = args.ssl_cert_reqs
    bind = {"fd": args.fd} if args.fd is not None else {"host": args.host, "port": args.port}
    _exit_with_parent()
    uvicorn.run("central.app:create_app_from_env", factory=True, workers=args.workers,
                log_level=args.log_level, proxy_headers=args.proxy_headers,
                forwarded_allow_ips=args.forwarded_allow_ips,
                timeout_graceful_shutdown=args.timeout_graceful_shutdown,
                timeout_keep_alive=args.timeout_keep_alive, **bind, **ssl)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from central.openapi_doc import export
    out = Path(args.out)
    export(out)
    print(f"wrote {out}")
    return 0


def cmd_seed(args: argparse.Namespace) -> int:
    import time

    from central.db.engine import create_schema, make_engine, reset_schema
    from central.seed import ensure_seeded

    settings = _settings(args)
    engine = make_engine(settings.db_url, sqlite_synchronous=settings.sqlite_synchronous)
    start = time.perf_counter()
    if args.reset:
        reset_schema(engine)
    else:
        create_schema(engine)
    seeded = ensure_seeded(engine)
    print(f"{'seeded' if seeded else 'already seeded'} in {time.perf_counter() - start:.2f} s")
    return 0


def cmd_purge(args: argparse.Namespace) -> int:
    from central.context import AppContext
    from central.db.engine import make_engine
    from central.maintenance import purge_all

    settings = _settings(args)
    result = purge_all(AppContext(settings, make_engine(settings.db_url)))
    print(f"purged {result['idempotency_keys']} idempotency keys, {result['nonces']} nonces")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m central", description="reference central service")
    sub = parser.add_subparsers(dest="command")

    def db_arg(p: argparse.ArgumentParser) -> None:
        p.add_argument("--db", help="SQLite file or SQLAlchemy URL (default $CENTRAL_DB_URL, else ./var/central.sqlite3)")

    serve = sub.add_parser("serve", help="run the HTTP service (default)")
    db_arg(serve)
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8600)
    serve.add_argument("--fd", type=int, default=None, help="serve on an already-bound listening socket (tests)")
    serve.add_argument("--workers", type=int, default=None)
    serve.add_argument("--log-level", default="info", choices=["critical", "error", "warning", "info", "debug"])
    serve.add_argument("--ssl-keyfile")
    serve.add_argument("--ssl-certfile")
    serve.add_argument("--ssl-ca-certs", help="CA bundle that client certificates must chain to (mTLS)")
    serve.add_argument("--ssl-cert-reqs", type=int, choices=[0, 1, 2], default=None,
                       help="0 none, 1 optional, 2 required client certificate")
    serve.add_argument("--proxy-headers", action="store_true", help="trust X-Forwarded-* from a TLS terminator")
    serve.add_argument("--forwarded-allow-ips", default="127.0.0.1")
    serve.add_argument("--timeout-graceful-shutdown", type=int, default=10, metavar="S",
                       help="on SIGTERM, wait at most S seconds for open connections")
    serve.add_argument("--timeout-keep-alive", type=float, default=5.0, metavar="S",
                       help="close a kept-alive connection idle for S seconds (uvicorn's default: 5)")
    serve.set_defaults(func=cmd_serve)

    export = sub.add_parser("export-openapi", help="write the OpenAPI document")
    export.add_argument("--out", default=str(DEFAULT_OPENAPI))
    export.set_defaults(func=cmd_export)

    seed = sub.add_parser("seed", help="create tables and seed an empty database")
    db_arg(seed)
    seed.add_argument("--reset", action="store_true", help="drop every table first (destroys data)")
    seed.set_defaults(func=cmd_seed)

    purge = sub.add_parser("purge", help="drop expired idempotency keys and nonces")
    db_arg(purge)
    purge.set_defaults(func=cmd_purge)

    from central import office_cli, terminal_cli
    office_cli.register(sub)
    terminal_cli.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    if not argv or argv[0].startswith("-") and argv[0] not in ("-h", "--help"):
        argv = ["serve", *argv]
    args = parser.parse_args(argv)
    return int(args.func(args))
