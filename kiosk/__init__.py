"""政务服务自助一体机: the kiosk application (see docs/ARCHITECTURE.md)."""
from __future__ import annotations

__version__ = "0.1.0"
