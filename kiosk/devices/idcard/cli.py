"""Technician tools: `kiosk ports`, `kiosk read-card`, `kiosk sim-reader`.

They use the reader directly, without Qt. read-card prints masked data unless --full (a technician
testing with their own card). Exit codes of read-card: 0 card printed, 1 timeout (no card placed),
3 no reader / port does not speak the protocol / reader went offline, 4 card refused or unreadable.
"""
from __future__ import annotations

import argparse
import json
import queue
import signal
import sys
import threading
import time
from typing import Any

from kiosk.devices.idcard import codec

EXIT_OK, EXIT_TIMEOUT, EXIT_NO_READER, EXIT_CARD = 0, 1, 3, 4
_CONNECTION_CODES = {"no_reader", "not_a_reader", "port_error", "port_busy", "offline"}


def register(sub: Any) -> None:
    p = sub.add_parser("ports", help="list serial ports and say which answer like an ID-card reader")
    p.add_argument("--port", action="append", default=[], metavar="P",
                   help="also check this path or URL (pyserial does not list ptys); repeatable")
    p.add_argument("--probe-all", action="store_true",
                   help="probe every port, not only those with a known reader USB VID:PID")
    p.add_argument("--baud", type=int, default=None, help="probe speed (default: config, 115200)")
    p.set_defaults(func=cmd_ports)

    p = sub.add_parser("read-card", help="wait for one ID card and print it (masked unless --full)")
    p.add_argument("--port", default=None, help='"sim", "auto", a path or a pyserial URL (default: config)')
    p.add_argument("--baud", type=int, default=None, choices=codec.SUPPORTED_BAUDS, help="default: config")
    p.add_argument("--timeout", type=float, default=30.0, metavar="S", help="seconds to wait for a card (default 30)")
    p.add_argument("--json", action="store_true", help="print the card as JSON")
    p.add_argument("--full", action="store_true", help="show everything unmasked (only with your own card)")
    p.add_argument("--sim-card", default=None, metavar="N",
                   help='with --port sim: place sample card N (index or id) on the simulated reader')
    p.set_defaults(func=cmd_read_card)

    p = sub.add_parser("sim-reader", help="run the simulated ID-card reader on a pty and print its path")
    p.add_argument("--card", default=None, metavar="N", help="place sample card N (index or id) at start")
    p.add_argument("--link", default=None, metavar="PATH", help="stable symlink path for the pty (default: a temp dir)")
    p.add_argument("--cards", default=None, metavar="FILE", help="card data file (default: config sim_cards or built-in)")
    p.add_argument("--pace-baud", type=int, default=None, metavar="N", help="emulate wire time at this speed")
    p.add_argument("--list", action="store_true", help="list the sample cards and exit")
    p.set_defaults(func=cmd_sim_reader)


def _config(args: argparse.Namespace) -> Any:
    from kiosk.cli import load_config

    return load_config(args).devices.idcard


def cmd_ports(args: argparse.Namespace) -> int:
    from kiosk.devices.idcard.reader import PortInfo, list_serial_ports, probe_port

    cfg = _config(args)
    baud = args.baud or cfg.baud
    wanted = {u.lower() for u in cfg.usb_ids}
    ports = list_serial_ports() + [PortInfo(p, None, None, "given with --port") for p in args.port]
    if not ports:
        print("未发现串口 / no serial ports found")
        return EXIT_OK
    for port in ports:
        known = port.usb_id in wanted
        should_probe = known or args.probe_all or port.description == "given with --port"
        answer = ("是 ID-card reader" if probe_port(port.device, baud) else "否 no answer") if should_probe else "未探测 not probed"
        usb = port.usb_id or "-"
        tag = " (known reader bridge)" if known else ""
        print(f"{port.device}\t{usb}{tag}\t{port.description}\t{answer}")
    return EXIT_OK


_LABELS = [
    ("card_type", "证件类型 type"), ("name", "姓名 name"), ("english_name", "英文名 English name"),
    ("gender", "性别 gender"), ("nation", "民族 nation"), ("nationality", "国籍 nationality"),
    ("birth_date", "出生 birth"), ("address", "住址 address"), ("id_number", "号码 number"),
    ("permit_number", "通行证号码 pass number"), ("issue_count", "签发次数 issue count"),
    ("issuer", "签发机关 issuer"), ("valid_from", "有效期起 valid from"), ("valid_until", "有效期止 valid until"),
]


def _print_card(card: Any, *, as_json: bool, full: bool) -> None:
    from kiosk.privacy import mask_address

    data = card.to_json(full)
    if as_json:
        print(json.dumps(data, ensure_ascii=False, indent=1))
        return
    for key, label in _LABELS:
        if data.get(key) is not None:
            print(f"{label}: {data[key]}")
    if card.appended_address:
        shown = card.appended_address if full else mask_address(card.appended_address)
        print(f"新住址 appended address: {shown}")
    else:
        print("新住址 appended address: 无 none")
    if card.expired:
        print("注意：证件已过期 / the card has expired")
    if not card.layout_certain:
        print("注意：2023 版外国人永久居留身份证版式来源单一，请人工核对 / 2023 layout: less certain, check by eye")


def cmd_read_card(args: argparse.Namespace) -> int:
    from kiosk.devices.idcard.reader import IdCardReader, ReaderSettings

    if args.timeout <= 0:
        print(f"--timeout must be a positive number of seconds, got {args.timeout}", file=sys.stderr)
        return 2
    settings = ReaderSettings.from_config(_config(args), port=args.port, baud=args.baud)
    events: queue.Queue[tuple[str, Any]] = queue.Queue()
    reader = IdCardReader(
        settings,
        on_card=lambda card: events.put(("card", card)),
        on_error=lambda code, message: events.put(("error", (code, message))),
        on_online=lambda online: events.put(("online", online)),
    )
    if args.sim_card is not None:
        if reader.simulator is None:
            print("--sim-card only works with --port sim", file=sys.stderr)
            return 2
        try:
            reader.simulator.place_card(args.sim_card)
        except ValueError as exc:
            print(str(exc), file=sys.stderr)
            return 2
    deadline = time.monotonic() + args.timeout
    reader.start()
    try:
        online = False
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                if not online:
                    print(f"读卡器在 {args.timeout:g} 秒内没有应答 / the reader did not come online within {args.timeout:g} s",
                          file=sys.stderr)
                    return EXIT_NO_READER
                print(f"等待 {args.timeout:g} 秒未检测到身份证 / no card was placed within {args.timeout:g} s",
                      file=sys.stderr)
                return EXIT_TIMEOUT
            try:
                kind, value = events.get(timeout=left)
            except queue.Empty:
                continue
            if kind == "online" and value:
                online = True
                reader.arm(accept_placed_card=True)
                print("请将身份证放在感应区 / place the card on the reader", file=sys.stderr)
            elif kind == "card":
                _print_card(value, as_json=args.json, full=args.full)
                return EXIT_OK
            elif kind == "error":
                code, message = value
                print(f"{message} [{code}] (port {settings.port})" if code in _CONNECTION_CODES else f"{message} [{code}]",
                      file=sys.stderr)
                return EXIT_NO_READER if code in _CONNECTION_CODES else EXIT_CARD
    finally:
        reader.stop()


def cmd_sim_reader(args: argparse.Namespace) -> int:
    from kiosk.devices.idcard.samples import load_cards
    from kiosk.devices.idcard.simulator import SimulatedReader, main_loop

    source = args.cards
    if source is None:
        source = _config(args).sim_cards or None
    try:
        cards = load_cards(source)
    except ValueError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    if args.list:
        for i, card in enumerate(cards):
            print(f"{i}\t{card.id}\t{card.description}")
        return EXIT_OK
    sim = SimulatedReader(cards, link_path=args.link, pace_baud=args.pace_baud)
    if args.card is not None:
        try:
            sim.place_card(args.card)
        except ValueError as exc:
            print(str(exc), file=sys.stderr)
            return 2
    stop = threading.Event()
    previous = signal.signal(signal.SIGTERM, lambda *_: stop.set())
    sim.start()
    try:
        print(sim.path, flush=True)
        print("commands on stdin: place N|ID, remove, unplug, replug, quit", file=sys.stderr, flush=True)
        def control() -> None:
            main_loop(sim)
            stop.set()  # quit or end of input ends the simulator

        worker = threading.Thread(target=control, name="sim-stdin", daemon=True)
        worker.start()
        while not stop.wait(0.5):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        sim.stop()
    return EXIT_OK
