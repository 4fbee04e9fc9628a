"""What ops need to see about each terminal: healthy or not, and why, problems first (pure, no I/O)."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

STALE_AFTER = timedelta(minutes=5)      # 5 missed heartbeats at the default 60 s
DEVICE_NAMES = {"reader": "读卡器", "printer": "打印机", "central": "网络"}
PAPER = {"out": "打印机缺纸", "low": "打印纸将尽"}


@dataclass
class TerminalHealth:
    id: str
    site_name: str
    last_seen: datetime | None
    version: str = ""
    outbox_depth: int = 0
    problems: list[str] = field(default_factory=list)
    severity: int = 0                   # 2 = a citizen is affected, 1 = soon will be, 0 = healthy

    @property
    def healthy(self) -> bool:
        return not self.problems


def assess(terminal_id: str, site_name: str, last_seen: datetime | None, beat: dict[str, Any] | None,
           recent_errors: list[str], now: datetime) -> TerminalHealth:
    health = TerminalHealth(terminal_id, site_name, last_seen)

    def problem(text: str, severity: int) -> None:
        health.problems.append(text)
        health.severity = max(health.severity, severity)

    if last_seen is None or beat is None:
        problem("从未上报（未安装或未联网）", 2)
        return health
    health.version = str(beat.get("version", ""))
    health.outbox_depth = int(beat.get("outbox_depth") or 0)
    if now - last_seen > STALE_AFTER:
        minutes = int((now - last_seen).total_seconds() // 60)
        problem(f"{minutes} 分钟未上报（断网、断电或程序停止）", 2)
    for device, state in (beat.get("devices") or {}).items():
        if state == "error":
            problem(f"{DEVICE_NAMES.get(device, device)}故障", 2)
    paper = beat.get("paper")
    if paper in PAPER:
        problem(PAPER[paper], 2 if paper == "out" else 1)
    if health.outbox_depth:
        problem(f"{health.outbox_depth} 条申请待上传", 1)
    for code in recent_errors:
        problem(f"事件 {code}", 1)
    return health


def problems_first(rows: list[TerminalHealth]) -> list[TerminalHealth]:
    return sorted(rows, key=lambda h: (-h.severity, -len(h.problems), h.id))
