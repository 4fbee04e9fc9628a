"""Screen name -> class, imported only when the screen is first shown (screens are built lazily)."""
from __future__ import annotations

import importlib

from kiosk.screens.base import Screen

SCREENS: dict[str, str] = {
    "home": "kiosk.screens.home:HomeScreen",
    "coming_soon": "kiosk.screens.coming_soon:ComingSoonScreen",
    "admin_pin": "kiosk.screens.admin:AdminPinScreen",
    "admin": "kiosk.screens.admin:AdminScreen",
}


def screen_class(name: str, registry: dict[str, str] | None = None) -> type[Screen]:
    module_name, _, class_name = (registry or SCREENS)[name].partition(":")
    cls = getattr(importlib.import_module(module_name), class_name)
    assert issubclass(cls, Screen)
    return cls
