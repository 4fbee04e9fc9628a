"""Terminal request signing (pure): the canonical string and the HMAC.

Kept in one small module so that a 国密 (SM3-HMAC) implementation can replace HMAC-SHA256 in one place.
canonical = "\n".join([METHOD, path?query as sent, sha256_hex(body), timestamp, nonce])
"""
from __future__ import annotations

import hashlib
import hmac
import re

NONCE_RE = re.compile(r"^[0-9a-f]{32}$")
SIGNATURE_RE = re.compile(r"^[0-9a-f]{64}$")


def body_hash(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


def canonical_string(method: str, path_with_query: str, body: bytes, timestamp: str, nonce: str) -> bytes:
    return "\n".join([method.upper(), path_with_query, body_hash(body), timestamp, nonce]).encode("utf-8")


def sign(secret: str, method: str, path_with_query: str, body: bytes, timestamp: str, nonce: str) -> str:
    return hmac.new(secret.encode("utf-8"), canonical_string(method, path_with_query, body, timestamp, nonce),
                    hashlib.sha256).hexdigest()


def signature_matches(secret: str, signature: str, method: str, path_with_query: str, body: bytes,
                      timestamp: str, nonce: str) -> bool:
    expected = sign(secret, method, path_with_query, body, timestamp, nonce)
    return hmac.compare_digest(expected, signature)


def keyed_hash(pepper: str, value: str) -> str:
    """HMAC-SHA256 hex of a personal identifier under a server-side pepper (citizen look-up key)."""
    return hmac.new(pepper.encode("utf-8"), value.encode("utf-8"), hashlib.sha256).hexdigest()
