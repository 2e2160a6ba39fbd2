"""A webhook URL never makes the worker reach an internal address: refused when saved, refused again when
sent (after resolving the name), redirects not followed; only the operator's allow-list opens a way in."""

import http.server
import threading

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from core import outbound
from publishers.webhooks import outbox
from publishers.webhooks.models import WebhookDelivery, WebhookEndpoint, WebhookStatus

S = WebhookStatus
SECRET = "rahasia-uji-ssrf-0123456789"

# Every spelling of this machine (and of other internal places) someone could type.
LOOPBACK_SPELLINGS = ["127.0.0.1", "localhost", "[::1]", "0.0.0.0", "2130706433", "0x7f.1", "017700000001",
                      "0x7f000001", "127.1", "[::ffff:127.0.0.1]", "[::ffff:7f00:1]", "[0:0:0:0:0:0:0:1]"]
INTERNAL_ADDRESSES = ["10.0.0.5", "172.16.3.4", "192.168.1.10", "169.254.169.254", "100.64.0.1", "224.0.0.1",
                      "[fc00::1]", "[fd12:3456::1]", "[fe80::1]", "[ff02::1]", "[::]", "[64:ff9b::7f00:1]",
                      "[2002:7f00:1::]"]


class Listener:
    """A tiny HTTP server on 127.0.0.1 that counts every request it gets; `redirect_to` answers 302 there."""

    def __init__(self, host="127.0.0.1", redirect_to=None):
        self.hits = 0
        listener = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _any(self):
                listener.hits += 1
                self.rfile.read(int(self.headers.get("Content-Length", 0)))
                self.send_response(302 if redirect_to else 200)
                if redirect_to:
                    self.send_header("Location", redirect_to)
                self.send_header("Content-Length", "0")
                self.end_headers()

            do_GET = do_POST = do_PUT = _any

        self.server = http.server.ThreadingHTTPServer((host, 0), Handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def listener():
    started = Listener()
    yield started
    started.stop()


def site_pk():
    from wagtail.models import Site

    return Site.objects.get(is_default_site=True).pk


def deliver_to(url):
    """Store the endpoint as a stored row could be (no form), send one delivery, return it."""
    endpoint = WebhookEndpoint(name="Penerima", url=url, site_id=site_pk())
    endpoint.secret = SECRET
    endpoint.save()
    now = timezone.now()
    delivery = WebhookDelivery.objects.create(endpoint=endpoint, event="page.published", page_title="Uji",
                                              payload={"event": "page.published"}, next_attempt_at=now,
                                              created_at=now)
    outbox.process(delivery.pk, now=now)
    delivery.refresh_from_db()
    return delivery


@pytest.mark.parametrize("host", LOOPBACK_SPELLINGS)
def test_no_spelling_of_loopback_reaches_a_listener_on_this_machine(court, listener, host, caplog):
    delivery = deliver_to(f"http://{host}:{listener.port}/warta")
    assert listener.hits == 0
    assert delivery.status == S.FAILED
    assert "jaringan internal" in delivery.error_message
    assert "refused" in caplog.text


@pytest.mark.parametrize("host", INTERNAL_ADDRESSES)
def test_internal_addresses_are_refused_before_any_connection(court, host):
    assert not outbound.is_public(host.strip("[]"))
    delivery = deliver_to(f"http://{host}/warta")
    assert delivery.status == S.FAILED
    assert "jaringan internal" in delivery.error_message


def test_a_redirect_to_loopback_is_not_followed(court, settings, listener):
    """The receiver allowed by the operator answers 302 to 127.0.0.1: the worker does not go there."""
    allowed = Listener(host="127.0.0.2", redirect_to=f"http://127.0.0.1:{listener.port}/metadata")
    settings.WARTA_OUTBOUND_ALLOWED_HOSTS = ["127.0.0.2/32"]
    try:
        delivery = deliver_to(f"http://127.0.0.2:{allowed.port}/warta")
        assert allowed.hits == 1
        assert listener.hits == 0
        assert delivery.status == S.FAILED and delivery.response_code == 302
        # A caller that does follow redirects through the guarded session is stopped at the hop.
        from publishers.http import guarded_session

        with pytest.raises(outbound.BlockedAddress):
            guarded_session().get(f"http://127.0.0.2:{allowed.port}/", timeout=5)
        assert allowed.hits == 2 and listener.hits == 0
    finally:
        allowed.stop()


def test_the_allow_list_lets_the_courts_own_receiver_in(court, settings, listener):
    settings.WARTA_OUTBOUND_ALLOWED_HOSTS = ["127.0.0.1"]
    delivery = deliver_to(f"http://127.0.0.1:{listener.port}/warta")
    assert delivery.status == S.SENT and listener.hits == 1
    settings.WARTA_OUTBOUND_ALLOWED_HOSTS = ["localhost"]  # a host name: its addresses are the operator's call
    assert deliver_to(f"http://localhost:{listener.port}/warta").status == S.SENT
    assert listener.hits == 2


def test_a_public_name_keeps_its_name_for_host_and_tls_while_the_connection_is_pinned(court, settings):
    """The adapter connects to the checked address but sends the URL's name (Host header, SNI, certificate)."""
    import requests

    adapter = outbound.GuardedAdapter()
    request = requests.Request("POST", "https://93.184.215.14:8443/warta").prepare()
    host_params, pool_kwargs = adapter.build_connection_pool_key_attributes(request, True)
    assert host_params["host"] == "93.184.215.14"
    assert request.headers["Host"] == "93.184.215.14:8443"
    assert pool_kwargs["server_hostname"] == pool_kwargs["assert_hostname"] == "93.184.215.14"


@pytest.mark.parametrize("url", ["http://localhost:8000/", "http://127.0.0.1/", "http://[::1]/", "http://0.0.0.0/",
                                 "http://10.1.2.3/x", "http://169.254.169.254/latest/meta-data/",
                                 "http://[fe80::1]/", "http://[::ffff:127.0.0.1]/", "http://pn.localhost/",
                                 "http://2130706433/", "http://0x7f.1/", "http://017700000001/"])
def test_the_form_refuses_internal_addresses_with_a_clear_message(court, users, client_as, url):
    kasubag = client_as("kasubag")
    response = kasubag.post(reverse("webhooks:add"), {"site": site_pk(), "name": "Internal", "url": url,
                                                      "new_secret": SECRET, "on_published": "on", "active": "on"})
    assert response.status_code == 200
    assert not WebhookEndpoint.objects.filter(name="Internal").exists()
    errors = " ".join(response.context["form"].errors.get("url", []))
    # Numeric spellings are already no valid URL for Django; the rest get our message.
    assert "jaringan internal" in errors or "URL dengan format yang benar" in errors, errors


def test_model_validation_names_the_internal_address_and_the_allow_list(court, settings):
    endpoint = WebhookEndpoint(name="Metadata", url="http://169.254.169.254/latest", site_id=site_pk())
    endpoint.secret = SECRET
    with pytest.raises(ValidationError) as refused:
        endpoint.full_clean()
    assert "169.254.169.254" in str(refused.value) and "WARTA_OUTBOUND_ALLOWED_HOSTS" in str(refused.value)
    settings.WARTA_OUTBOUND_ALLOWED_HOSTS = ["169.254.0.0/16"]
    endpoint.full_clean()


def self_signed(tmp_path, name):
    """A certificate for `name` (its own CA), as files for an ssl server and for requests' verify."""
    import datetime

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = datetime.datetime.now(datetime.UTC)
    cert = (x509.CertificateBuilder().subject_name(subject).issuer_name(subject).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(days=1))
            .not_valid_after(now + datetime.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([x509.DNSName(name)]), critical=False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    cert_file, key_file = tmp_path / "cert.pem", tmp_path / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_file, key_file


def test_over_tls_the_pinned_connection_keeps_the_name_for_sni_host_and_certificate(settings, tmp_path):
    """An https receiver allowed by network (not by name): Warta connects to the checked address, yet the
    server sees the URL's name in SNI and Host, and the certificate is checked against that name."""
    import ssl

    if outbound.resolve("localhost", 443)[:1] != ["127.0.0.1"]:
        pytest.skip("localhost does not resolve to 127.0.0.1 first here")
    cert_file, key_file = self_signed(tmp_path, "localhost")
    seen = {}
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert_file, key_file)

    def record_sni(sock, server_name, ctx):
        seen["sni"] = server_name  # returning None lets the handshake go on

    context.sni_callback = record_sni
    target = Listener()
    target.server.socket = context.wrap_socket(target.server.socket, server_side=True)
    original = target.server.RequestHandlerClass.do_GET

    def record_host(handler):
        seen["host"] = handler.headers["Host"]
        original(handler)

    target.server.RequestHandlerClass.do_GET = record_host
    settings.WARTA_OUTBOUND_ALLOWED_HOSTS = ["127.0.0.0/8"]
    try:
        session = outbound.guarded_session()
        response = session.get(f"https://localhost:{target.port}/warta", verify=str(cert_file), timeout=5)
        assert response.status_code == 200
        assert seen == {"sni": "localhost", "host": f"localhost:{target.port}"}
        # A name the certificate does not carry fails verification, although the address is the same.
        import requests

        with pytest.raises(requests.exceptions.SSLError):
            session.get(f"https://127.0.0.1:{target.port}/warta", verify=str(cert_file), timeout=5)
    finally:
        target.stop()


def test_a_name_that_does_not_resolve_is_retried_later_not_refused(court):
    """Saved while resolvable elsewhere, unresolvable now: a network failure before sending (retried), as before."""
    delivery = deliver_to("https://penerima.tidak-ada.invalid/warta")
    assert delivery.status == S.PENDING and delivery.failures_in_row == 1
    assert "gangguan jaringan" in delivery.error_message and "Failed to resolve" in delivery.error_detail
    from publishers.http import _left_the_building

    with pytest.raises(Exception) as failure:
        outbound.checked_address("penerima.tidak-ada.invalid", 443)
    assert not _left_the_building(failure.value)  # nothing was sent: a social post would simply be retried
