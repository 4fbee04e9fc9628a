"""`python -m central`: see central.cli."""
from __future__ import annotations

import sys

from central.cli import main

sys.exit(main())
