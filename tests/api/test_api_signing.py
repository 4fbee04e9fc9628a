"""Signing: the canonical string byte for byte, and the requests auth hook signs what goes on the wire."""
from __future__ import annotations

import hashlib
import hmac

import requests

from kiosk.api import crypto, signing


def test_canonical_string_matches_the_contract() -> None:
    body = '{"a":"欧阳"}'.encode()
    got = signing.canonical_request("post", "/api/v1/cases?x=1&y=%E4%B8%AD", body, 1764130000, "ab" * 16)
    expected = "\n".join(
        ["POST", "/api/v1/cases?x=1&y=%E4%B8%AD", hashlib.sha256(body).hexdigest(), "1764130000", "ab" * 16]
    ).encode()
    assert got == expected


def test_empty_body_hashes_empty_bytes_and_signature_is_hmac_sha256_hex() -> None:
    headers = signing.sign_headers("LY-DEMO-0001", b"demo-terminal-secret", "GET", "/api/v1/catalogue/items", b"",
                                   1764130000, nonce="0" * 32)
    canonical = f"GET\n/api/v1/catalogue/items\n{hashlib.sha256(b'').hexdigest()}\n1764130000\n{'0' * 32}"
    assert headers["X-Signature"] == hmac.new(b"demo-terminal-secret", canonical.encode(), hashlib.sha256).hexdigest()
    assert headers["X-Terminal-Id"] == "LY-DEMO-0001" and headers["X-Timestamp"] == "1764130000"


def test_nonces_are_32_lowercase_hex_and_fresh() -> None:
    nonces = {crypto.random_hex(16) for _ in range(200)}
    assert len(nonces) == 200
    assert all(len(n) == 32 and n == n.lower() and int(n, 16) >= 0 for n in nonces)


def test_path_of_keeps_the_query_exactly_as_sent() -> None:
    assert signing.path_of("http://h:1/api/v1/x?b=2&a=%20") == "/api/v1/x?b=2&a=%20"
    assert signing.path_of("https://h/api/v1/x") == "/api/v1/x"


def test_signer_applies_the_clock_offset_only_when_asked() -> None:
    s = signing.Signer("T", b"k", clock=lambda: 1000.0)
    s.set_clock_offset(-400.0)
    assert s.now() == 600
    s.correct_clock = False
    assert s.now() == 1000


def test_auth_hook_signs_the_prepared_bytes_and_verifies() -> None:
    signer = signing.Signer("LY-DEMO-0001", b"demo-terminal-secret", clock=lambda: 1764130000.0)
    req = requests.Request("POST", "http://127.0.0.1:9/api/v1/cases", params={"q": "中 文"},
                           json={"name": "欧阳菊"}, auth=signing.HmacAuth(signer)).prepare()
    path = signing.path_of(req.url or "")
    assert "?q=" in path
    assert isinstance(req.body, bytes)
    err = signing.verify({"LY-DEMO-0001": b"demo-terminal-secret"}, "POST", path, req.body, req.headers, now=1764130010)
    assert err is None
    # altered body, other path, stale time, wrong key: all refused
    assert signing.verify({"LY-DEMO-0001": b"demo-terminal-secret"}, "POST", path, req.body + b" ", req.headers,
                          now=1764130010) == "signature_invalid"
    assert signing.verify({"LY-DEMO-0001": b"demo-terminal-secret"}, "POST", "/api/v1/cases", req.body, req.headers,
                          now=1764130010) == "signature_invalid"
    assert signing.verify({"LY-DEMO-0001": b"demo-terminal-secret"}, "POST", path, req.body, req.headers,
                          now=1764130000 + 301) == "clock_skew"
    assert signing.verify({"LY-DEMO-0001": b"other"}, "POST", path, req.body, req.headers,
                          now=1764130000) == "signature_invalid"


def test_time_and_health_stay_unsigned() -> None:
    signer = signing.Signer("T", b"k")
    req = requests.Request("GET", "http://127.0.0.1:9/api/v1/time", auth=signing.HmacAuth(signer)).prepare()
    assert "X-Signature" not in req.headers


def test_empty_identity_is_a_clear_config_error() -> None:
    import pytest

    with pytest.raises(ValueError, match="terminal_secret_file"):
        signing.Signer("T", b"")
    with pytest.raises(ValueError, match=r"\[terminal\] id"):
        signing.Signer("", b"k")


def test_record_cipher_binds_to_the_record_key() -> None:
    import pytest

    c = crypto.RecordCipher(crypto.generate_data_key())
    a = c.seal(b"430181199001010037", b"key-a")
    b = c.seal(b"430181199001010037", b"key-a")
    assert a != b and a[:12] != b[:12]  # fresh nonce each time
    assert c.open(a, b"key-a") == b"430181199001010037"
    with pytest.raises(ValueError):
        c.open(a, b"key-b")
    with pytest.raises(ValueError):
        c.open(a[:-1] + bytes([a[-1] ^ 1]), b"key-a")
    with pytest.raises(ValueError):
        crypto.RecordCipher(crypto.generate_data_key()).open(a, b"key-a")
