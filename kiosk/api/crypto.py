"""The one module that picks cryptographic primitives for the central-service client and the outbox.

Decision (recorded here and in the report): everything cryptographic that kiosk/api/ does goes through the
five functions / one class below, never through hashlib, hmac or cryptography directly. A government
deployment may have to pass a commercial-cryptography review (GB/T 39786-2021) that requires 国密
algorithms: SM3 for the request digest and HMAC, SM4 (GCM mode) for data at rest. Dropping in such an
implementation means replacing this module (or selecting another implementation behind the same names);
signing.py, outbox.py and the server contract name the algorithm in one place each, so a `ALGORITHM`
switch here plus the matching server-side change is the whole migration. Sealed records carry the
algorithm id (`SEAL_ALGORITHM`) so rows written before a switch stay readable.

`cryptography` is imported lazily: it costs start-up time and the GUI does not need it before the first
submission (DESIGN rule 6).
"""
from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from typing import Any

#: Identifier of the request-signing MAC (the contract says HMAC-SHA256; 国密 would be "HMAC-SM3").
MAC_ALGORITHM = "HMAC-SHA256"
#: Identifier stored with every sealed outbox record.
SEAL_ALGORITHM = "AES-256-GCM"
#: Length of the data key in bytes (AES-256; SM4 would be 16).
DATA_KEY_BYTES = 32
#: 96-bit nonce, the size GCM is designed for.
NONCE_BYTES = 12


def digest_hex(data: bytes) -> str:
    """Lowercase hex digest of `data` (the body hash in the signed canonical string)."""
    return hashlib.sha256(data).hexdigest()


def mac_hex(key: bytes, message: bytes) -> str:
    """Lowercase hex MAC of `message` under `key` (the request signature)."""
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def equal(a: str, b: str) -> bool:
    """Constant-time comparison of two MACs."""
    return hmac.compare_digest(a.encode("ascii", "replace"), b.encode("ascii", "replace"))


def keyed_hash_hex(key: bytes, label: str, value: str) -> str:
    """A keyed, non-reversible tag of a personal value (e.g. an ID number) for local matching.

    Keyed so that the 1.4 billion possible ID numbers cannot simply be hashed and compared.
    """
    return hmac.new(key, f"{label}\x00{value}".encode(), hashlib.sha256).hexdigest()


def random_hex(nbytes: int = 16) -> str:
    """Lowercase hex of `nbytes` random bytes (16 bytes -> the 32-char request nonce)."""
    return secrets.token_hex(nbytes)


def generate_data_key() -> bytes:
    """A fresh random data key for the outbox."""
    return os.urandom(DATA_KEY_BYTES)


class RecordCipher:
    """Authenticated encryption of one record: seal(plaintext, aad) -> nonce || ciphertext+tag.

    A fresh random 96-bit nonce per call; the associated data binds the ciphertext to its record (the
    outbox passes the record's idempotency key), so a blob copied into another row does not decrypt.
    """

    def __init__(self, key: bytes) -> None:
        if len(key) != DATA_KEY_BYTES:
            raise ValueError(f"data key must be {DATA_KEY_BYTES} bytes, got {len(key)}")
        self._key = key
        self._aead: Any = None

    def _cipher(self) -> Any:
        """Built at the first record, not when the outbox opens: `cryptography` is ~8 MB of the kiosk's memory
        at home, and a kiosk may wait hours for its first submission."""
        if self._aead is None:
            from cryptography.hazmat.primitives.ciphers.aead import AESGCM

            self._aead = AESGCM(self._key)
        return self._aead

    def seal(self, plaintext: bytes, aad: bytes) -> bytes:
        nonce = os.urandom(NONCE_BYTES)
        return nonce + self._cipher().encrypt(nonce, plaintext, aad)

    def open(self, blob: bytes, aad: bytes) -> bytes:
        """Decrypt; raises ValueError if the blob was altered, moved to another record or the key is wrong."""
        from cryptography.exceptions import InvalidTag

        if len(blob) < NONCE_BYTES + 16:
            raise ValueError("sealed record is truncated")
        try:
            return self._cipher().decrypt(blob[:NONCE_BYTES], blob[NONCE_BYTES:], aad)
        except InvalidTag as exc:
            raise ValueError("sealed record does not authenticate (wrong key, altered or moved)") from exc
