"""A stand-in kiosk for tests/reliability/test_orphans.py: starts one child the way the kiosk does, prints one
JSON line, then waits until it is killed.

    orphan_parent.py central DATA_DIR PORT   the embedded central service, started from a thread that then ends
                                             (the kiosk starts it on a QThreadPool thread)
    orphan_parent.py build N                 the catalogue index build of N items in its spawned worker, from a
                                             thread (the kiosk builds on the catalogue sync's pool thread)
"""
from __future__ import annotations

import json
import os
import sys
import threading
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))  # this checkout's kiosk, not whichever one is installed
ITEMS = REPO / "tests" / "catalogue" / "data" / "service-items.tsv"


def main() -> int:
    mode = sys.argv[1]
    if mode == "central":
        from kiosk.embedded_central import EmbeddedCentral

        embedded = EmbeddedCentral(Path(sys.argv[2]), port=int(sys.argv[3]))
        starter = threading.Thread(target=embedded.start, name="pool-thread")
        starter.start()
        starter.join()
        assert embedded._process is not None
        print(json.dumps({"child": embedded._process.pid}), flush=True)
    elif mode == "build":
        os.environ.pop("KIOSK_CATALOGUE_BUILD_INPROCESS", None)
        from kiosk.catalogue.build import build

        names = [line.split("\t")[0] for line in ITEMS.read_text(encoding="utf-8").splitlines()[1:] if "\t" in line]
        need = [{"code": f"X{i}", "name": f"{names[i % len(names)]}{i}"} for i in range(int(sys.argv[2]))]
        threading.Thread(target=build, args=(need, []), name="sync-thread", daemon=True).start()
        print(json.dumps({"building": len(need)}), flush=True)
    else:
        raise SystemExit(f"unknown mode {mode!r}")
    sys.stdin.read()  # until killed
    return 0


if __name__ == "__main__":  # the build's worker is spawned: it imports this file as __mp_main__
    sys.exit(main())
