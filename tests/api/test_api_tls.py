"""TLS: the client verifies the server against a configured CA bundle and presents its client certificate
(mTLS), against the real reference service behind uvicorn's TLS."""
from __future__ import annotations

import datetime as dt
import ipaddress
from collections.abc import Iterator
from pathlib import Path

import pytest
from api_support import DEMO_ID, DEMO_SECRET, case_payload
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from helpers.central_server import CentralServer

from kiosk.api.client import CentralClient
from kiosk.api.errors import Offline
from kiosk.api.outbox import Outbox
from kiosk.api.sync import SyncWorker


def _pem_key(key: ec.EllipticCurvePrivateKey, path: Path) -> Path:
    path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                       serialization.NoEncryption()))
    return path


def _cert(subject: str, issuer: x509.Name, issuer_key: ec.EllipticCurvePrivateKey, key: ec.EllipticCurvePrivateKey,
          *, ca: bool = False, usage: x509.ObjectIdentifier | None = None, ip: str | None = None) -> x509.Certificate:
    now = dt.datetime.now(dt.UTC)
    b = (x509.CertificateBuilder().subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, subject)]))
         .issuer_name(issuer).public_key(key.public_key()).serial_number(x509.random_serial_number())
         .not_valid_before(now - dt.timedelta(minutes=5)).not_valid_after(now + dt.timedelta(days=1)))
    if ca:
        b = b.add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
    if usage is not None:
        b = b.add_extension(x509.ExtendedKeyUsage([usage]), critical=False)
    if ip is not None:
        b = b.add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address(ip))]), critical=False)
    return b.sign(issuer_key, hashes.SHA256())


@pytest.fixture(scope="module")
def tls_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[CentralServer, dict[str, str]]]:
    out = tmp_path_factory.mktemp("pki")
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "浏阳 Test CA")])
    files: dict[str, str] = {}
    (out / "ca.crt").write_bytes(_cert("浏阳 Test CA", ca_name, ca_key, ca_key, ca=True)
                                 .public_bytes(serialization.Encoding.PEM))
    files["ca"] = str(out / "ca.crt")
    for name, usage, ip in (("server", ExtendedKeyUsageOID.SERVER_AUTH, "127.0.0.1"),
                            ("client", ExtendedKeyUsageOID.CLIENT_AUTH, None)):
        key = ec.generate_private_key(ec.SECP256R1())
        (out / f"{name}.crt").write_bytes(_cert(name, ca_name, ca_key, key, usage=usage, ip=ip)
                                          .public_bytes(serialization.Encoding.PEM))
        files[f"{name}_crt"] = str(out / f"{name}.crt")
        files[f"{name}_key"] = str(_pem_key(key, out / f"{name}.key"))
    args = ["--ssl-certfile", files["server_crt"], "--ssl-keyfile", files["server_key"],
            "--ssl-ca-certs", files["ca"], "--ssl-cert-reqs", "2"]
    probe = {"verify": files["ca"], "cert": (files["client_crt"], files["client_key"])}
    with CentralServer(out / "central", serve_args=args, scheme="https", requests_kwargs=probe) as server:
        yield server, files


def test_mtls_with_a_private_ca_works_end_to_end(tls_server: tuple[CentralServer, dict[str, str]],
                                                 tmp_path: Path) -> None:
    server, f = tls_server
    client = CentralClient(server.url, DEMO_ID, DEMO_SECRET, ca_bundle=f["ca"], client_cert=f["client_crt"],
                           client_key=f["client_key"])
    assert client.http.session.verify == f["ca"]
    assert client.evaluation_tags().levels
    with Outbox(tmp_path / "d" / "o.sqlite3", tmp_path / "k" / "o.key", ref_prefix="TLS") as ob:
        rec = ob.enqueue("case", case_payload(client))
        worker = SyncWorker(ob, client.send_outbox_record, base_delay_s=0.05)
        worker.start()
        assert worker.wait_idle(30)
        worker.stop()
        assert len(server.query("SELECT 1 FROM cases WHERE local_reference = ?", rec.local_ref)) == 1
    client.close()


def test_unknown_server_certificate_is_refused(tls_server: tuple[CentralServer, dict[str, str]]) -> None:
    server, f = tls_server
    client = CentralClient(server.url, DEMO_ID, DEMO_SECRET, client_cert=f["client_crt"], client_key=f["client_key"],
                           get_retries=0)  # no ca_bundle: the system store does not know the private CA
    with pytest.raises(Offline) as exc:
        client.evaluation_tags()
    assert exc.value.code == "tls_error" and "安全" in exc.value.message_zh
    client.close()


def test_missing_client_certificate_is_refused(tls_server: tuple[CentralServer, dict[str, str]]) -> None:
    server, f = tls_server
    client = CentralClient(server.url, DEMO_ID, DEMO_SECRET, ca_bundle=f["ca"], get_retries=0)
    with pytest.raises(Offline) as exc:
        client.evaluation_tags()
    assert exc.value.code in {"tls_error", "connection_lost"}
    client.close()
