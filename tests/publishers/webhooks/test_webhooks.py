"""Publish webhooks: a receiver on 127.0.0.1 verifies each signed event and gets every one,
despite 500s and dropped connections, through the same outbox rules as the social channels."""

import base64
import hmac
import http.server
import json
import random
import threading
from datetime import UTC, datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from standardwebhooks import Webhook

from publishers.webhooks import outbox
from publishers.webhooks.models import WebhookDelivery, WebhookEndpoint, WebhookStatus
from tests.support.factories import NewsPageFactory

S = WebhookStatus
# A Standard Webhooks secret, as a receiver's library generates one: whsec_ + base64 of the key.
SECRET = "whsec_" + base64.b64encode(b"kunci-uji-webhook-0123456789").decode()


def library_secret(secret):
    """What the receiver gives its Standard Webhooks library, as docs/webhooks.md says: a whsec_ secret as it
    is, any other secret as whsec_ + base64 of its UTF-8 bytes."""
    return secret if secret.startswith("whsec_") else "whsec_" + base64.b64encode(secret.encode()).decode()


class Receiver:
    """A receiver as docs/webhooks.md tells one to write it, with failures to inject.

    fail_first / drop_first: the first N calls answer 500 / read the body then close the connection
    without answering (the sender cannot know whether it arrived); failure_rate: either, at random.
    """

    def __init__(self, secret, fail_first=0, drop_first=0, failure_rate=0.0, seed=5):
        self.secret = secret
        self.fail_first, self.drop_first, self.failure_rate = fail_first, drop_first, failure_rate
        self.rng = random.Random(seed)
        self.clock = timezone.now  # the test's clock: the worker signs with the `now` it is given
        self.calls = 0
        self.bad_signatures = 0
        self.dropped = self.errored = 0  # failures injected
        self.accepted = []  # delivery ids answered 200, in order (a confirmed id must never come again)
        self.events = {}  # delivery id -> body, de-duplicated as a receiver must
        self.lock = threading.Lock()
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/warta"

    def verify(self, headers, body):
        """The Standard Webhooks check, signature computed by the `standardwebhooks` library, on the test's clock
        (the worker signs with the `now` it is given, which the library's own verify() would call stale)."""
        timestamp, message_id = headers.get("webhook-timestamp", ""), headers.get("webhook-id", "")
        if not timestamp.isdigit() or not message_id or abs(self.clock().timestamp() - int(timestamp)) > 300:
            return False
        expected = Webhook(library_secret(self.secret)).sign(
            message_id, datetime.fromtimestamp(int(timestamp), tz=UTC), body)
        return any(hmac.compare_digest(expected, sent) for sent in headers.get("webhook-signature", "").split())

    def _handler(self):
        receiver = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                with receiver.lock:
                    receiver.calls += 1
                    call = receiver.calls
                    roll = receiver.rng.random() if receiver.failure_rate else 1
                    if not receiver.verify(self.headers, body):
                        receiver.bad_signatures += 1
                        return self._answer(401)
                    if call <= receiver.drop_first or roll < receiver.failure_rate / 2:
                        receiver.events.setdefault(self.headers["webhook-id"], json.loads(body))
                        receiver.dropped += 1
                        self.close_connection = True  # got it, but the sender never hears so
                        return None
                    if call <= receiver.drop_first + receiver.fail_first or roll < receiver.failure_rate:
                        receiver.errored += 1
                        return self._answer(500)
                    delivery = self.headers["webhook-id"]
                    receiver.events.setdefault(delivery, json.loads(body))
                    receiver.accepted.append(delivery)
                return self._answer(200)

            def _answer(self, status):
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

        return Handler

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receivers(settings):
    # The receivers listen on 127.0.0.1, which Warta refuses unless the operator allows it (core.outbound).
    settings.WARTA_OUTBOUND_ALLOWED_HOSTS = ["127.0.0.1"]
    started = []

    def start(*args, **kwargs):
        receiver = Receiver(*args, **kwargs)
        started.append(receiver)
        return receiver

    yield start
    for receiver in started:
        receiver.stop()


def default_site_pk():
    from wagtail.models import Site

    return Site.objects.get(is_default_site=True).pk


def endpoint_for(receiver, name, secret=SECRET, **kwargs):
    kwargs.setdefault("site_id", default_site_pk())
    endpoint = WebhookEndpoint(name=name, url=receiver.url, **kwargs)
    endpoint.secret = secret
    endpoint.save()
    return endpoint


def publish(page, user, capture):
    with capture(execute=True):
        page.save_revision(user=user).publish(user=user)
    page.refresh_from_db()
    return page


def drive(clock, rounds=40):
    """Run the worker with an advancing clock until nothing is open (bounded: no sleeps, no endless loop)."""
    now = timezone.now()
    for _round in range(rounds):
        if not WebhookDelivery.objects.filter(status__in=[S.PENDING, S.SENDING]).exists():
            return now
        now += timedelta(hours=1, minutes=1)  # past the longest backoff (WARTA_SOCIAL_BACKOFF_MAX_SECONDS)
        clock["now"] = now
        outbox.run_due(now=now, rng=random.Random(_round))
    raise AssertionError(f"deliveries still open after {rounds} rounds")


@pytest.mark.django_db
def test_each_event_arrives_once_despite_injected_failures(court, users, receivers,
                                                           django_capture_on_commit_callbacks):
    clock = {"now": None}
    flaky = receivers(SECRET, fail_first=3, drop_first=2)
    chaotic = receivers("rahasia-kedua-untuk-sistem-lain", failure_rate=0.3, seed=8)
    for receiver in (flaky, chaotic):
        receiver.clock = lambda: clock["now"] or timezone.now()
    first = endpoint_for(flaky, "Portal SIPP")
    second = endpoint_for(chaotic, "Papan informasi", secret="rahasia-kedua-untuk-sistem-lain")
    endpoint_for(flaky, "Nonaktif", active=False)

    pages = [publish(NewsPageFactory(parent=court.news_index, title=f"Berita webhook {n}", live=False),
                     users["kasubag"], django_capture_on_commit_callbacks) for n in range(3)]
    with django_capture_on_commit_callbacks(execute=True):
        pages[0].unpublish(user=users["kasubag"])
    drive(clock)

    expected = {("page.published", page.pk) for page in pages} | {("page.unpublished", pages[0].pk)}
    for endpoint, receiver in ((first, flaky), (second, chaotic)):
        rows = WebhookDelivery.objects.filter(endpoint=endpoint)
        assert rows.count() == 4
        assert set(rows.values_list("status", flat=True)) == {S.SENT}
        assert {str(pk) for pk in rows.values_list("delivery_id", flat=True)} == set(receiver.events)
        assert {(body["event"], body["page"]["id"]) for body in receiver.events.values()} == expected
        # A delivery the receiver confirmed is never sent again.
        assert len(receiver.accepted) == len(set(receiver.accepted))
        assert receiver.bad_signatures == 0
        assert receiver.dropped and receiver.errored  # the failures really happened
        assert receiver.calls == 4 + receiver.dropped + receiver.errored
    assert not WebhookDelivery.objects.filter(endpoint__active=False).exists()

    body = next(b for b in flaky.events.values() if b["event"] == "page.published" and b["page"]["id"] == pages[1].pk)
    assert body["page"]["type"] == "cms.NewsPage"
    assert body["page"]["url"] == pages[1].full_url
    assert body["page"]["api_url"].endswith(f"/api/v2/pages/{pages[1].pk}/")
    assert body["revision"] == pages[1].live_revision_id
    assert body["time"]


@pytest.mark.django_db
def test_wrong_secret_fails_verification_and_the_retry_button_sends_again(court, users, receivers, client_as,
                                                                         django_capture_on_commit_callbacks):
    receiver = receivers("rahasia-yang-dipasang-penerima")
    endpoint = endpoint_for(receiver, "Portal SIPP", secret="rahasia-lain-yang-salah-ketik")
    page = publish(NewsPageFactory(parent=court.news_index, live=False), users["kasubag"],
                   django_capture_on_commit_callbacks)

    delivery = WebhookDelivery.objects.get(endpoint=endpoint)
    assert delivery.status == S.FAILED and delivery.response_code == 401
    assert receiver.bad_signatures == 1 and not receiver.events

    kasubag = client_as("kasubag")
    listing = kasubag.get(reverse("webhooks:deliveries", args=[endpoint.pk]))
    assert "gagal" in listing.content.decode() and "Coba lagi" in listing.content.decode()
    assert "Penerima menolak tanda tangan (galat 401)" in listing.content.decode()

    # The Kasubag fixes the secret in the admin, then presses Coba lagi.
    response = kasubag.post(reverse("webhooks:edit", args=[endpoint.pk]), {
        "site": default_site_pk(), "name": endpoint.name, "url": endpoint.url,
        "new_secret": "rahasia-yang-dipasang-penerima",
        "on_published": "on", "on_unpublished": "on", "active": "on"})
    assert response.status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        response = kasubag.post(reverse("webhooks:retry", args=[endpoint.pk, delivery.pk]), follow=True)
    assert "Kiriman akan dicoba lagi." in response.content.decode()
    delivery.refresh_from_db()
    assert delivery.status == S.SENT
    assert list(receiver.events) == [str(delivery.delivery_id)]
    assert receiver.events[str(delivery.delivery_id)]["page"]["id"] == page.pk


@pytest.mark.django_db
def test_kasubag_registers_an_endpoint_and_the_secret_is_write_only(court, users, client_as):
    kasubag = client_as("kasubag")
    assert "Webhook" in kasubag.get(reverse("wagtailadmin_home")).content.decode()
    response = kasubag.post(reverse("webhooks:add"), {
        "site": default_site_pk(), "name": "Portal SIPP", "url": "https://sipp.pn-uji.go.id/warta",
        "new_secret": "rahasia-panjang-sekali-123",
        "on_published": "on"})
    assert response.status_code == 302
    endpoint = WebhookEndpoint.objects.get()
    assert endpoint.secret == "rahasia-panjang-sekali-123"
    assert endpoint.on_published and not endpoint.on_unpublished
    assert "rahasia-panjang-sekali-123" not in endpoint.secret_encrypted

    edit = kasubag.get(reverse("webhooks:edit", args=[endpoint.pk])).content.decode()
    assert "Portal SIPP" in edit and "rahasia-panjang-sekali-123" not in edit
    # Saving without a new secret keeps the old one.
    kasubag.post(reverse("webhooks:edit", args=[endpoint.pk]), {
        "site": default_site_pk(), "name": "Portal SIPP baru", "url": endpoint.url, "new_secret": "",
        "on_published": "on", "active": "on"})
    endpoint.refresh_from_db()
    assert endpoint.name == "Portal SIPP baru" and endpoint.secret == "rahasia-panjang-sekali-123"

    # A new endpoint needs a secret.
    response = kasubag.post(reverse("webhooks:add"), {"site": default_site_pk(), "name": "Tanpa rahasia", "url": "https://contoh.go.id/"})
    assert response.status_code == 200 and "Isi rahasia penandatanganan." in response.content.decode()

    admin = client_as("admin")
    for url in (reverse("webhooks:index"), reverse("webhooks:add"), reverse("webhooks:edit", args=[endpoint.pk]),
                reverse("webhooks:deliveries", args=[endpoint.pk])):
        response = admin.get(url)
        assert response.status_code in (302, 403), url
        assert "Portal SIPP" not in response.content.decode()
    admin.post(reverse("webhooks:add"), {"site": default_site_pk(), "name": "Dari Admin", "url": "https://contoh.go.id/",
                                         "new_secret": "rahasia-panjang-sekali-456", "on_published": "on"})
    assert not WebhookEndpoint.objects.filter(name="Dari Admin").exists()
    index = client_as("root").get(reverse("webhooks:index")).content.decode()
    assert "Portal SIPP baru" in index and reverse("webhooks:deliveries", args=[endpoint.pk]) in index


@pytest.mark.django_db
def test_the_documented_verification_accepts_warta_and_refuses_the_rest(court, users, receivers, time_machine,
                                                                         django_capture_on_commit_callbacks):
    """The Python snippet in docs/webhooks.md, run as written, against what Warta really sends."""
    import re
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[3] / "docs" / "webhooks.md").read_text()
    namespace = {}
    exec(re.search(r"```python\n(.*?)```", doc, re.S).group(1), namespace)
    verify = namespace["verify_warta_webhook"]

    receiver = receivers(SECRET)
    seen = []
    original = receiver.verify
    receiver.verify = lambda headers, body: seen.append((dict(headers), body)) or original(headers, body)
    endpoint_for(receiver, "Portal SIPP")
    publish(NewsPageFactory(parent=court.news_index, live=False), users["kasubag"],
            django_capture_on_commit_callbacks)

    headers, body = seen[0]
    assert verify(SECRET, headers, body)["event"] == "page.published"
    assert verify("whsec_" + base64.b64encode(b"kunci-yang-salah-sekali").decode(), headers, body) is None
    assert verify(SECRET, headers, body + b" ") is None
    forged = dict(headers, **{"webhook-id": "00000000-0000-0000-0000-000000000000"})
    assert verify(SECRET, forged, body) is None  # the delivery id is signed
    time_machine.move_to(datetime.fromtimestamp(int(headers["webhook-timestamp"]) + 301, tz=UTC))
    assert verify(SECRET, headers, body) is None  # older than 5 minutes


@pytest.mark.django_db
def test_a_worker_that_died_mid_send_is_taken_over_after_its_lease(court, users, receivers):
    receiver = receivers(SECRET)
    endpoint = endpoint_for(receiver, "Portal SIPP")
    page = NewsPageFactory(parent=court.news_index, live=True)
    now = timezone.now()
    receiver.clock = lambda: now
    [delivery] = outbox.create_for_event(page, "page.published", page.live_revision, now=now)
    assert outbox.claim(delivery.pk, now) is not None  # a worker takes it, then dies before the POST

    assert outbox.run_due(now=now + timedelta(minutes=5)) == 0  # still its lease: nobody else sends
    now += timedelta(minutes=11)
    assert outbox.run_due(now=now) == 1
    delivery.refresh_from_db()
    assert delivery.status == S.SENT and delivery.attempts == 2
    assert list(receiver.events) == [str(delivery.delivery_id)] and endpoint.deliveries.count() == 1


@pytest.mark.django_db
def test_each_court_gets_only_its_own_pages_events(court, users, receivers):
    """One deployment, many courts: an endpoint belongs to a court (Site) and hears only that court."""
    from wagtail.models import Page, Site

    from tests.support.factories import HomePageFactory, NewsIndexPageFactory

    other_home = HomePageFactory(parent=Page.get_first_root_node(), slug="pn-lain", title="PN Lain")
    other_site = Site.objects.create(hostname="pn-lain.test", port=80, root_page=other_home)
    other_news = NewsIndexPageFactory(parent=other_home)
    ours = endpoint_for(receivers(SECRET), "Portal PN Uji")
    theirs = endpoint_for(receivers(SECRET), "Portal PN Lain", site_id=other_site.pk)

    page = NewsPageFactory(parent=court.news_index, live=True)
    assert [d.endpoint for d in outbox.create_for_event(page, "page.published", page.live_revision)] == [ours]
    other_page = NewsPageFactory(parent=other_news, live=True)
    assert [d.endpoint for d in outbox.create_for_event(other_page, "page.published", other_page.live_revision)] \
        == [theirs]


@pytest.mark.django_db
def test_a_whsec_secret_must_carry_a_base64_key(court, users, client_as):
    response = client_as("kasubag").post(reverse("webhooks:add"), {
        "site": default_site_pk(), "name": "Portal SIPP", "url": "https://sipp.example.go.id/warta",
        "new_secret": "whsec_bukan-base64-yang-sah!!", "on_published": "on", "active": "on"})
    assert response.status_code == 200
    assert "Rahasia berawalan whsec_ harus diikuti base64" in response.content.decode()
    assert not WebhookEndpoint.objects.exists()


@pytest.mark.django_db
def test_webhooks_of_another_court_are_out_of_reach(court, users, client_as):
    """Webhooks are a court's publishing outlets like its channels (publishers.permissions): the Kasubag of a
    second court reaches, and may register for, only that court."""
    from bs4 import BeautifulSoup
    from django.apps import apps
    from django.test import Client
    from wagtail.models import Collection, Site

    from core import roles
    from tests.support.factories import HomePageFactory, UserFactory

    other_home = HomePageFactory(parent=court.home.get_parent(), slug="pa-uji")
    other_site = Site.objects.create(hostname="pa-uji.test", root_page=other_home, site_name="PA Uji")
    groups = roles.setup_role_groups(apps, other_home.pk, Collection.get_first_root_node().pk, "PA Uji ",
                                     site_id=other_site.pk)
    other_kasubag = Client()
    other_kasubag.force_login(UserFactory(username="kasubag_pa", groups=[groups[roles.KASUBAG]]))
    ours = WebhookEndpoint(name="Portal PN Uji", url="https://sipp.pn-uji.go.id/warta", site=court.site)
    ours.secret = SECRET
    ours.save()

    for name in ("edit", "delete", "history", "deliveries"):
        assert other_kasubag.get(reverse(f"webhooks:{name}", args=[ours.pk])).status_code == 404, name
    assert "Portal PN Uji" not in other_kasubag.get(reverse("webhooks:index")).content.decode()
    add = BeautifulSoup(other_kasubag.get(reverse("webhooks:add")).content, "html.parser")
    assert {option["value"] for option in add.select("select[name=site] option") if option["value"]} == {
        str(other_site.pk)}
    response = other_kasubag.post(reverse("webhooks:add"), {
        "site": court.site.pk, "name": "Bukan miliknya", "url": "https://contoh.go.id/",
        "new_secret": "rahasia-panjang-sekali-789", "on_published": "on"})
    assert response.status_code == 200 and not WebhookEndpoint.objects.filter(name="Bukan miliknya").exists()

    assert "Portal PN Uji" in client_as("kasubag").get(reverse("webhooks:index")).content.decode()


def test_channels_and_webhooks_share_one_outlet_policy():
    from wagtail.permissions import policy_registry

    from publishers.permissions import OutletPermissionPolicy
    from publishers.social.models import SocialAccount

    for model in (SocialAccount, WebhookEndpoint):
        assert type(policy_registry.get_by_type(model)) is OutletPermissionPolicy
