"""`python -m kiosk`: see kiosk/cli.py."""
from __future__ import annotations

import sys


def main() -> int:
    if getattr(sys, "frozen", False):
        import multiprocessing  # (7 ms of every start otherwise: only a frozen build needs it)

        # Frozen builds: child processes (the catalogue index build) re-enter here; this makes them run the child.
        multiprocessing.freeze_support()
    from kiosk.cli import main as cli_main

    return cli_main()


if __name__ == "__main__":
    sys.exit(main())
