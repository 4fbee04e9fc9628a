"""The outbox data key: a file outside the database directory, 0600 or 0400, refused if wider.

On the target the key belongs in the OS credential store; a file with tight permissions is the portable
floor (privacy rule 7). The check is on POSIX permission bits; on Windows the ACL of the per-user config
directory does that job and the bit check is skipped.
"""
from __future__ import annotations

import os
import stat
from pathlib import Path

from kiosk.api import crypto
from kiosk.api.errors_storage import KeyFileError


def _is_inside(child: Path, parent: Path) -> bool:
    try:
        child.relative_to(parent)
    except ValueError:
        return False
    return True


def check_permissions(path: Path) -> None:
    """Raise KeyFileError unless only the owner may read (and at most write) the key file."""
    if os.name == "nt":
        return
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & 0o077:
        raise KeyFileError(
            f"outbox key file {path} has permissions {mode:04o}; other users could read it. "
            f"Only 0600 or 0400 is allowed. Fix: chmod 600 {path} (and check who else could have copied it)."
        )
    if mode & 0o100:
        raise KeyFileError(f"outbox key file {path} is executable ({mode:04o}); fix: chmod 600 {path}")


def load_or_create_key(key_file: Path, db_dir: Path) -> bytes:
    """Read the data key, creating it (0600, fsynced) on first start. Refuses a key inside `db_dir`."""
    key_file = Path(key_file).expanduser().absolute()
    db_dir = Path(db_dir).expanduser().absolute()
    if _is_inside(key_file.resolve(), db_dir.resolve()):
        raise KeyFileError(
            f"outbox key file {key_file} is inside the database directory {db_dir}; a copy of that directory "
            f"would carry the key with the data. Fix: set [storage] key_file to a path outside {db_dir}."
        )
    key_file.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    try:
        fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        pass
    else:
        try:
            os.write(fd, crypto.generate_data_key().hex().encode("ascii") + b"\n")
            os.fsync(fd)
        finally:
            os.close(fd)
        _fsync_dir(key_file.parent)
    check_permissions(key_file)
    try:
        text = key_file.read_text(encoding="ascii").strip()
        key = bytes.fromhex(text)
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise KeyFileError(f"outbox key file {key_file} cannot be read as a hex key: {type(exc).__name__}") from exc
    if len(key) != crypto.DATA_KEY_BYTES:
        raise KeyFileError(
            f"outbox key file {key_file} holds {len(key)} bytes; {crypto.DATA_KEY_BYTES} are required. "
            "Restore the original key (queued records cannot be read without it)."
        )
    return key


def _fsync_dir(path: Path) -> None:
    if os.name == "nt":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
