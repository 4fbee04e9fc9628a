"""The printer's settings in one frozen object, built from KioskConfig (or given directly in tests/tools)."""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from kiosk.devices.printer.encoder import EncodeOptions
from kiosk.devices.printer.text import check_codec, columns_for


@dataclass(frozen=True)
class PrinterSettings:
    uri: str = "sim"
    encoding: str = "gb18030"
    paper_width_mm: int = 80
    columns: int = 0
    qr_mode: str = "native"
    status_timeout_ms: int = 500
    cut: bool = True
    preview_dir: str = ""
    terminal_id: str = "LY-DEMO-0001"
    site_name: str = "浏阳市集里街道便民服务中心"

    def __post_init__(self) -> None:
        check_codec(self.encoding)
        columns_for(self.paper_width_mm, self.columns)
        if not 50 <= self.status_timeout_ms <= 500:
            raise ValueError(f"status_timeout_ms must be 50-500, not {self.status_timeout_ms}")

    @classmethod
    def from_config(cls, config: Any, uri: str | None = None) -> PrinterSettings:
        """From a KioskConfig (devices.printer + terminal); URI overrides the configured one (--printer)."""
        p = config.devices.printer
        return cls(
            uri=uri or p.uri, encoding=p.encoding, paper_width_mm=p.paper_width_mm, columns=p.columns,
            qr_mode=p.qr_mode, status_timeout_ms=p.status_timeout_ms, cut=p.cut, preview_dir=p.preview_dir,
            terminal_id=config.terminal.id, site_name=config.terminal.site_name,
        )

    def with_uri(self, uri: str) -> PrinterSettings:
        return replace(self, uri=uri)

    @property
    def line_columns(self) -> int:
        return columns_for(self.paper_width_mm, self.columns)

    @property
    def encode_options(self) -> EncodeOptions:
        return EncodeOptions(codec=self.encoding, columns=self.line_columns, qr_mode=self.qr_mode, cut=self.cut)

    @property
    def status_timeout_s(self) -> float:
        return self.status_timeout_ms / 1000.0
