"""Rotating log files with the privacy filter on every handler (a last defence: never log personal data)."""
from __future__ import annotations

import logging
from pathlib import Path

from kiosk.privacy import ScrubbingFilter

FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"


def setup_logging(directory: Path, *, level: str = "INFO", retention: int = 14, console: bool = True) -> Path:
    """Log to DIRECTORY/kiosk.log, rotated at midnight, `retention` files kept. Returns the file's path."""
    import logging.handlers  # socket, pickle, queue ...: only when logging is set up

    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_kiosk", False):
            root.removeHandler(handler)
            handler.close()
    path = directory / "kiosk.log"
    handlers: list[logging.Handler] = [
        logging.handlers.TimedRotatingFileHandler(path, when="midnight", backupCount=retention, encoding="utf-8")
    ]
    if console:
        handlers.append(logging.StreamHandler())
    for handler in handlers:
        handler.setFormatter(logging.Formatter(FORMAT))
        handler.addFilter(ScrubbingFilter())
        handler._kiosk = True  # type: ignore[attr-defined]
        root.addHandler(handler)
    root.setLevel(level)
    return path
