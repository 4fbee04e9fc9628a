"""The one command line: `kiosk` runs the kiosk; subcommands are the technicians' and ops' tools.

Each subsystem adds its own commands through a `register(sub)` function in its `cli.py`; the modules are
imported only when the command line is built, so the GUI's start-up does not pay for them.
"""
from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from kiosk import __version__
from kiosk.config import ConfigError, KioskConfig
from kiosk.config import load_config as _load

COMMAND_MODULES: list[str] = [
    "kiosk.shell_cli",
    "kiosk.devices.idcard.cli",
    "kiosk.catalogue.cli",
    "kiosk.devices.printer.cli",
    "kiosk.api.cli",
]


def load_config(args: argparse.Namespace) -> KioskConfig:
    """The validated config named by --config or KIOSK_CONFIG, else the embedded demo defaults."""
    return _load(getattr(args, "config", None))


def build_parser(modules: Sequence[str] = COMMAND_MODULES) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kiosk", description="政务服务自助一体机 / government self-service kiosk")
    parser.add_argument("--version", action="version", version=f"kiosk {__version__}")
    parser.add_argument("--config", metavar="PATH", help="config file (default: $KIOSK_CONFIG, else demo defaults)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in modules:
        importlib.import_module(name).register(sub)
    return parser


def _starts_the_kiosk(argv: list[str]) -> bool:
    """No command, `run` (what the terminal's service starts) or `demo`: the other commands' modules need not
    load (measured: ~40 ms of every start, and they import devices and the api before the first frame)."""
    if {"-h", "--help"} & set(argv):
        return False
    pre = argparse.ArgumentParser(add_help=False)
    pre.add_argument("--config")
    pre.add_argument("command", nargs="?")
    known, _ = pre.parse_known_args(argv)
    return known.command in (None, "run", "demo")


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(COMMAND_MODULES[:1] if _starts_the_kiosk(argv) else COMMAND_MODULES)
    args = parser.parse_args(argv)
    if args.command is None:
        args = parser.parse_args([*argv, "run"])
    try:
        return int(args.func(args))
    except ConfigError as exc:
        print("配置有误 / configuration problems:", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
