"""The audit log of admin actions (privacy rule 17): time, terminal, action, result; JSON lines, append-only."""
from __future__ import annotations

import json
import threading
from datetime import datetime
from pathlib import Path
from typing import Any


class AuditLog:
    def __init__(self, path: Path, terminal_id: str) -> None:
        self.path, self.terminal_id = path, terminal_id
        self._lock = threading.Lock()

    def record(self, action: str, result: str, **details: Any) -> None:
        entry = {"time": datetime.now().astimezone().isoformat(timespec="seconds"),
                 "terminal": self.terminal_id, "action": action, "result": result, **details}
        line = json.dumps(entry, ensure_ascii=False)
        with self._lock, self.path.open("a", encoding="utf-8") as handle:
            handle.write(line + "\n")

    def recent(self, count: int = 20) -> list[dict[str, Any]]:
        try:
            lines = self.path.read_text(encoding="utf-8").splitlines()
        except FileNotFoundError:
            return []
        entries = []
        for line in lines[-count:]:
            try:
                entries.append(json.loads(line))
            except json.JSONDecodeError:
                continue
        return entries[::-1]
