"""TLS with client certificates (mTLS): the server's uvicorn --ssl-* pass-through, over real sockets."""
from __future__ import annotations

import datetime as dt
import ipaddress
from pathlib import Path

import pytest
import requests
from central_testkit import CentralServer, signed_headers
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID


def _write_key(key: ec.EllipticCurvePrivateKey, path: Path) -> None:
    path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                       serialization.NoEncryption()))


def _issue(ca_key: ec.EllipticCurvePrivateKey, ca_name: x509.Name, cn: str, usage: x509.ObjectIdentifier,
           san: x509.GeneralName | None, out: Path) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    now = dt.datetime.now(dt.UTC)
    builder = (x509.CertificateBuilder().subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)]))
               .issuer_name(ca_name).public_key(key.public_key()).serial_number(x509.random_serial_number())
               .not_valid_before(now - dt.timedelta(minutes=5)).not_valid_after(now + dt.timedelta(days=1))
               .add_extension(x509.ExtendedKeyUsage([usage]), critical=False))
    if san is not None:
        builder = builder.add_extension(x509.SubjectAlternativeName([san]), critical=False)
    cert = builder.sign(ca_key, hashes.SHA256())
    crt, pem = out / f"{cn}.crt", out / f"{cn}.key"
    crt.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    _write_key(key, pem)
    return crt, pem


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("pki")
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Liuyang Test CA")])
    now = dt.datetime.now(dt.UTC)
    ca = (x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name).public_key(ca_key.public_key())
          .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(minutes=5))
          .not_valid_after(now + dt.timedelta(days=1))
          .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
          .sign(ca_key, hashes.SHA256()))
    (out / "ca.crt").write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    server_crt, server_key = _issue(ca_key, ca_name, "central", ExtendedKeyUsageOID.SERVER_AUTH,
                                    x509.IPAddress(ipaddress.ip_address("127.0.0.1")), out)
    client_crt, client_key = _issue(ca_key, ca_name, "LY-DEMO-0001", ExtendedKeyUsageOID.CLIENT_AUTH, None, out)
    return {"ca": out / "ca.crt", "server_crt": server_crt, "server_key": server_key,
            "client_crt": client_crt, "client_key": client_key}


def test_mtls_accepts_a_client_certificate_and_refuses_none(pki: dict[str, Path], tmp_path: Path) -> None:
    client = {"verify": str(pki["ca"]), "cert": (str(pki["client_crt"]), str(pki["client_key"]))}
    args = ["--ssl-certfile", str(pki["server_crt"]), "--ssl-keyfile", str(pki["server_key"]),
            "--ssl-ca-certs", str(pki["ca"]), "--ssl-cert-reqs", "2"]
    with CentralServer(tmp_path, serve_args=args, scheme="https", requests_kwargs=client) as server:
        path = "/api/v1/regions"
        ok = requests.get(server.url + path, headers=signed_headers("GET", path), timeout=10, **client)
        assert ok.status_code == 200
        # Verified server but no client certificate: refused in the handshake (TLS 1.3 reports it on first read).
        with pytest.raises(requests.exceptions.ConnectionError):
            requests.get(server.url + "/api/v1/health", verify=str(pki["ca"]), timeout=10)
        with pytest.raises(requests.exceptions.SSLError):  # the server's certificate is checked too
            requests.get(server.url + "/api/v1/health", timeout=10, cert=client["cert"])
