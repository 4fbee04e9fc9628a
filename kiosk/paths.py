"""Where the kiosk keeps its files: configured paths, else the platform's usual places (platformdirs)."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from types import ModuleType

    from kiosk.config import KioskConfig

APP_NAME = "kiosk"


def data_dir(config: KioskConfig) -> Path:
    return _ensure(Path(config.storage.data_dir or _platformdirs().user_data_dir(APP_NAME)))


def log_dir(config: KioskConfig) -> Path:
    return _ensure(Path(config.storage.log_dir or _platformdirs().user_log_dir(APP_NAME)))


def default_log_dir() -> Path:
    return _ensure(Path(_platformdirs().user_log_dir(APP_NAME)))


def key_file(config: KioskConfig) -> Path:
    """The outbox data key lives outside the data dir, so one copied folder never holds both."""
    if config.storage.key_file:
        return Path(config.storage.key_file)
    return _ensure(Path(_platformdirs().user_config_dir(APP_NAME))) / "outbox.key"


def _platformdirs() -> ModuleType:
    import platformdirs  # imported when a configured path is empty, not at every start-up

    return platformdirs


def _ensure(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path
