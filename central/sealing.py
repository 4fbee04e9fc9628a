"""Field-level encryption of personal data at rest (AES-256-GCM), so the database, its WAL, backups and
replicas never hold an ID number, phone, name, address or form answers in clear.

Each sealed value is {"kid", "nonce", "data"}: a fresh 96-bit nonce per value and associated data naming
the record it belongs to (e.g. "case:<citizen_key>"), so a ciphertext cannot be moved to another record.
What terminals may see is stored beside it already masked ({"masked": {...}, "sealed": {...}}), so answering
a look-up never needs the key. The key: CENTRAL_DATA_KEY_FILE (32 random bytes, hex or raw; 0600/0400,
refused if group/world readable); without it a fixed demo key is used (demo and tests only).
One small module so that SM4-GCM can replace AES-GCM for a 国密 review.
"""
from __future__ import annotations

import base64
import hashlib
import json
import os
import stat
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

DEMO_KEY = hashlib.sha256(b"liuyang-kiosk-demo-data-key (not for production)").digest()


class KeyFileError(RuntimeError):
    """The data key file is missing, malformed or readable by others."""


def load_key(path: str) -> bytes:
    if not path:
        return DEMO_KEY
    p = Path(path)
    try:
        mode = p.stat().st_mode
    except OSError as exc:
        raise KeyFileError(f"CENTRAL_DATA_KEY_FILE {path}: cannot read ({exc.strerror})") from None
    if mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise KeyFileError(f"CENTRAL_DATA_KEY_FILE {path}: permissions {oct(mode & 0o777)} are too wide; "
                           "use chmod 600 (or 400)")
    raw = p.read_bytes().strip()
    try:
        key = bytes.fromhex(raw.decode("ascii")) if len(raw) == 64 else raw
    except (UnicodeDecodeError, ValueError):
        key = raw
    if len(key) != 32:
        raise KeyFileError(f"CENTRAL_DATA_KEY_FILE {path}: needs 32 random bytes (or 64 hex characters)")
    return key


class Sealer:
    def __init__(self, key: bytes) -> None:
        self._aead = AESGCM(key)
        self.kid = hashlib.sha256(key).hexdigest()[:8]

    @classmethod
    def from_env(cls) -> Sealer:
        return cls(load_key(os.environ.get("CENTRAL_DATA_KEY_FILE", "")))

    def seal(self, value: Any, aad: str) -> dict[str, str]:
        nonce = os.urandom(12)
        plain = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        data = self._aead.encrypt(nonce, plain, aad.encode("utf-8"))
        return {"kid": self.kid, "nonce": base64.b64encode(nonce).decode(), "data": base64.b64encode(data).decode()}

    def open(self, sealed: dict[str, str], aad: str) -> Any:
        if sealed.get("kid") != self.kid:
            raise KeyFileError(f"value sealed with key {sealed.get('kid')}, this service has key {self.kid}")
        plain = self._aead.decrypt(base64.b64decode(sealed["nonce"]), base64.b64decode(sealed["data"]),
                                   aad.encode("utf-8"))
        return json.loads(plain)
