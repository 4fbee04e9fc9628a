"""The shell's commands: run (default), demo, check-config, hash-pin, screenshot."""
from __future__ import annotations

import argparse
import sys

from kiosk.config import EMBEDDED_DEMO_CONFIG, ConfigError, load_config


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    run = sub.add_parser("run", help="run the kiosk (the default)")
    run.add_argument("--windowed", action="store_true", help="a normal window, for development")
    run.set_defaults(func=_run)

    demo = sub.add_parser("demo", help="run on the embedded demo defaults (simulated devices, local service)")
    demo.add_argument("--windowed", action="store_true", help="a normal window, for development")
    demo.set_defaults(func=_demo)

    check = sub.add_parser("check-config", help='validate a config file: prints "OK" or every problem')
    check.add_argument("path", nargs="?", help="config file (default: --config, $KIOSK_CONFIG)")
    check.set_defaults(func=_check_config)

    pin = sub.add_parser("hash-pin", help="print the [admin] pin_hash line for a new admin PIN")
    pin.add_argument("--pin", help="the PIN (default: asked without echo)")
    pin.set_defaults(func=_hash_pin)

    selftest = sub.add_parser("self-test", help="check that this build works here (no devices, no network)")
    selftest.set_defaults(func=_self_test)

    doctor = sub.add_parser("doctor", help="check config, fonts, display, reader, printer, central service, disk, "
                                           "outbox and logs; says what to fix (exit 0 when nothing failed)")
    doctor.add_argument("--print-test", action="store_true", help="also print the printer's test page")
    doctor.set_defaults(func=_doctor)

    shot = sub.add_parser("screenshot", help="render every screen to PNG (both orientations, zh/en, elderly)")
    shot.add_argument("--out", required=True, help="output folder")
    shot.add_argument("--only", help="comma-separated screen names (default: all)")
    shot.add_argument("--scale", type=float, default=1.0, help="scale the images, e.g. 0.5 for docs")
    shot.set_defaults(func=_screenshot)


def _run(args: argparse.Namespace) -> int:
    from kiosk.app import run

    return run(args.config, windowed=args.windowed)


def _demo(args: argparse.Namespace) -> int:
    from kiosk.app import run

    return run(str(EMBEDDED_DEMO_CONFIG), windowed=args.windowed)


def _check_config(args: argparse.Namespace) -> int:
    path = args.path or args.config
    try:
        config = load_config(path)
    except ConfigError as exc:
        print(f"{len(exc.problems)} problem(s) / 发现 {len(exc.problems)} 处问题:")
        for problem in exc.problems:
            print(f"  {problem}")
        return 1
    print(f"OK  {config.source}")
    for key, written, absolute in config.resolved_paths:   # where each relative (or ~) path really points
        print(f"  {key} = {written!r} -> {absolute}")
    return 0


def _hash_pin(args: argparse.Namespace) -> int:
    import getpass  # only for this command (it imports termios): not on the kiosk's path to its first frame

    from kiosk.pin import hash_pin

    pin = args.pin or getpass.getpass("New admin PIN (6-12 digits): ")
    try:
        line = hash_pin(pin)
    except ValueError as exc:
        print(exc, file=sys.stderr)
        return 2
    print(f'pin_hash = "{line}"')
    return 0


def _screenshot(args: argparse.Namespace) -> int:
    from kiosk.screens.screenshots import render_all

    config = load_config(args.config)
    written = render_all(config, args.out, only=set(args.only.split(",")) if args.only else None,
                         scale=args.scale)
    print(f"{len(written)} screenshots in {args.out}")
    return 0


def _self_test(args: argparse.Namespace) -> int:
    from kiosk.selftest import run

    return run(args.config)


def _doctor(args: argparse.Namespace) -> int:
    from kiosk.doctor import run

    return run(args.config, print_test=args.print_test)
