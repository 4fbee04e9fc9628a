"""The look: QSS from assets/theme.qss with sizes and colours filled in for normal or elderly mode."""
from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase


def assets_dir() -> Path:
    """assets/ beside the package, or inside a PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    return Path(bundle) / "assets" if bundle else Path(__file__).resolve().parents[2] / "assets"


NORMAL = {
    "BG": "#eef2f7", "SURFACE": "#ffffff", "TEXT": "#1d2733", "MUTED": "#5b6878", "BORDER": "#c9d3df",
    "PRIMARY": "#1658c4", "PRIMARY_DARK": "#0f3f8f", "ON_PRIMARY": "#ffffff", "PRESSED": "#dbe6f7",
    "ACCENT": "#d9480f", "ACCENT_DARK": "#a8380b", "DANGER": "#c92a2a", "WARN_BG": "#fff3bf",
    "WARN_TEXT": "#7a5a00", "OK": "#2b8a3e",
}
# Elderly mode: higher contrast (text near black, strong borders, darker primary), WCAG AA at large sizes.
ELDERLY = NORMAL | {
    "BG": "#ffffff", "TEXT": "#000000", "MUTED": "#2d3640", "BORDER": "#5b6878", "PRIMARY": "#0b3d91",
    "PRIMARY_DARK": "#072a66", "PRESSED": "#ffe066", "WARN_TEXT": "#5c4300",
}
SIZES = {"XS": 20, "S": 26, "M": 30, "L": 38, "XL": 46, "XXL": 64, "HUGE": 120, "TOUCH": 80, "ICON": 96, "ICON_R": 48, "BAR": 80}
ELDERLY_SCALE = 1.4  # the issue asks for at least 1.4x type
CJK_FAMILIES = ("Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei",
                "Microsoft YaHei", "SimHei", "Noto Serif CJK SC")


class NoCjkFont(RuntimeError):
    """No font that can draw Chinese: the screen would show empty boxes."""


def choose_cjk_font(preferred: str = "") -> str:
    """The configured family if installed, else the first known CJK family, else any family with Chinese."""
    families = set(QFontDatabase.families())
    for family in ((preferred,) if preferred else ()) + CJK_FAMILIES:
        if family in families:
            return family
    for family in sorted(families):
        if QFontDatabase.WritingSystem.SimplifiedChinese in QFontDatabase.writingSystems(family):
            return family
    raise NoCjkFont("no Chinese font installed: install fonts-noto-cjk (Debian/UOS/Kylin) or set "
                    "[display] font_family to an installed CJK font")


@dataclass(frozen=True)
class Theme:
    font_family: str
    elderly: bool = False

    @property
    def scale(self) -> float:
        return ELDERLY_SCALE if self.elderly else 1.0

    def px(self, size: str) -> int:
        if size == "BAR":  # the bars' buttons stay one size: the bars must leave room for the content
            return 80
        return round(SIZES[size] * self.scale)

    def color(self, name: str) -> str:
        return (ELDERLY if self.elderly else NORMAL)[name]

    def stylesheet(self) -> str:
        qss = (assets_dir() / "theme.qss").read_text(encoding="utf-8")
        tokens = {**(ELDERLY if self.elderly else NORMAL), **{k: str(self.px(k)) for k in SIZES}}
        tokens["FONT"] = self.font_family
        for key in sorted(tokens, key=len, reverse=True):
            qss = qss.replace(f"@{key}@", tokens[key])
        return qss

    def font(self, size: str = "M") -> QFont:
        font = QFont(self.font_family)
        font.setPixelSize(self.px(size))
        return font
