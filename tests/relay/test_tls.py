"""The relay serving HTTPS itself, with uvicorn's certificate options (README, "Run your
relay" §4): Meta's signed webhooks take the same fast way over TLS, the team API works,
and a desktop that checks the certificate talks to it."""

from __future__ import annotations

import datetime
import ipaddress
import ssl
from pathlib import Path

import httpx
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from tests.relay.conftest import all_events, make_relay_config, signed
from tests.relay.payloads import text_message
from wadesk.relay.server import RelayServer


def _self_signed(folder: Path) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(minutes=1))
            .not_valid_after(now + datetime.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                           critical=False)
            .sign(key, hashes.SHA256()))
    cert_file, key_file = folder / "relay.crt", folder / "relay.key"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    key_file.chmod(0o600)
    return cert_file, key_file


@pytest.fixture
def tls_relay(tmp_path, sim):
    cert_file, key_file = _self_signed(tmp_path)
    server = RelayServer(make_relay_config(tmp_path / "relay", sim, tls_certfile=str(cert_file),
                                           tls_keyfile=str(key_file)))
    base_url = server.start()
    try:
        yield server, base_url, cert_file
    finally:
        server.stop()


def test_webhooks_and_the_api_over_https(tls_relay):
    server, base_url, cert_file = tls_relay
    assert base_url.startswith("https://")
    trusting = ssl.create_default_context(cafile=str(cert_file))
    with httpx.Client(base_url=base_url, verify=trusting, timeout=10) as http:
        for n in range(3):  # keep-alive over one TLS connection
            body, headers = signed(text_message(f"wamid.TLS{n}"))
            answer = http.post("/webhook", content=body, headers=headers)
            assert answer.status_code == 200
        forged = http.post("/webhook", content=body, headers={**headers, "X-Hub-Signature-256": "sha256=" + "0" * 64})
        assert forged.status_code == 403
        assert http.get("/healthz").json()["status"] == "ok"
    stored = [e.payload["wamid"] for e in all_events(server) if e.kind == "message.in"]
    assert stored == ["wamid.TLS0", "wamid.TLS1", "wamid.TLS2"]


def test_a_client_that_checks_certificates_refuses_an_unknown_one(tls_relay):
    _server, base_url, _cert = tls_relay
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"{base_url}/healthz", timeout=10)  # the system's authorities do not know it
