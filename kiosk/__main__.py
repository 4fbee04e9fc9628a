"""`python -m kiosk`: see kiosk/cli.py."""
from __future__ import annotations

import sys


def main() -> int:
    from kiosk.cli import main as cli_main

    return cli_main()


if __name__ == "__main__":
    sys.exit(main())
