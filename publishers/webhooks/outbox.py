"""The webhook outbox: every event reaches every endpoint, at least once, with the same delivery id.

A webhook has no way to ask the receiver "did you get it?", so unlike the
social channels an unclear failure (connection dropped after the request
left) is simply sent again with the same webhook-id; the receiver
de-duplicates on it. A delivery the receiver confirmed (2xx) is never sent again.

    PENDING --claim--> SENDING --2xx--> SENT
       ^                  |  timeout, 5xx, 429, dropped connection
       +---- backoff -----+
    4xx / too many failures -> FAILED (retry button)

The claim, the lease, the owned update, the backoff and the tasks are the outbox
core's (core.outbox), with the social outbox's settings (WARTA_SOCIAL_LEASE_SECONDS,
_BACKOFF_SECONDS, _BACKOFF_MAX_SECONDS, _MAX_FAILURES); HTTP failure classification
is the publishers' own (publishers.http, publishers.errors), as for the social channels. Every time comes
from ``now`` so tests advance a clock instead of sleeping.
"""

import json
import logging

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from core import crypto
from core import outbox as core_outbox
from publishers.errors import DeliveryError, ErrorKind
from publishers.http import ApiClient
from publishers.webhooks import signing
from publishers.webhooks.models import (
    WebhookDelivery,
    WebhookEndpoint,
    WebhookStatus,
)

logger = logging.getLogger(__name__)

S = WebhookStatus

# The same settings as the social outbox: one lease, backoff and failure limit for every delivery.
POLICY = core_outbox.OutboxPolicy("WARTA_SOCIAL")


# Creating deliveries ----------------------------------------------------------------------------

def payload_for(page, event, revision, now):
    from django.urls import reverse

    api_path = reverse("wagtailapi:pages:detail", args=[page.pk])
    site = page.get_site()
    api_url = (site.root_url + api_path) if site else api_path
    return {
        "event": event,
        "page": {
            "id": page.pk,
            "type": f"{page.specific_class._meta.app_label}.{page.specific_class.__name__}"
            if page.specific_class else "",
            "title": page.title,
            "url": page.full_url or "",
            "api_url": api_url,
        },
        "revision": revision.pk if revision else None,
        "time": now.isoformat(),
    }


def create_for_event(page, event, revision=None, now=None):
    """One delivery per active endpoint that wants this event; workers start when the transaction commits."""
    now = now or timezone.now()
    site = page.get_site()
    if site is None:
        return []
    endpoints = [endpoint for endpoint in WebhookEndpoint.objects.filter(active=True, site=site)
                 if endpoint.wants(event)]
    if not endpoints:
        return []
    payload = payload_for(page, event, revision, now)
    with transaction.atomic():
        created = [
            WebhookDelivery.objects.create(
                endpoint=endpoint, event=event, page=page, page_title=page.title[:255], payload=payload,
                status=S.PENDING, next_attempt_at=now, created_at=now,
            )
            for endpoint in endpoints
        ]
        ids = [delivery.pk for delivery in created]
        transaction.on_commit(lambda: enqueue(ids))
    return created


def enqueue(ids, run_after=None):
    from publishers.webhooks import tasks

    core_outbox.enqueue(tasks.deliver, ids, run_after)  # a lost enqueue only delays: the minute job picks it up


# The worker --------------------------------------------------------------------------------------

def due_ids(now=None, limit=500):
    return list(WebhookDelivery.objects.due(now).values_list("pk", flat=True)[:limit])


def run_due(now=None, limit=500, rng=None):
    """Process every delivery that is due (retries and crashed workers). Returns how many were tried."""
    now = now or timezone.now()
    return sum(1 for pk in due_ids(now, limit) if process(pk, now=now, rng=rng) is not None)


def process(delivery_id, now=None, rng=None):
    """Send one delivery if it is due and nobody else holds it; returns the new status or None."""
    now = now or timezone.now()
    delivery = claim(delivery_id, now)
    if delivery is None:
        return None
    endpoint = delivery.endpoint
    try:
        secret = endpoint.secret
    except crypto.TokenDecryptionError:
        return _fail(delivery, _("Rahasia webhook tidak dapat dibuka dengan kunci yang sekarang "
                                 "(WARTA_TOKEN_KEYS berubah?). Simpan ulang rahasianya."), "")
    body = json.dumps(delivery.payload, separators=(",", ":"), ensure_ascii=False).encode()
    headers = {
        "Content-Type": "application/json",
        **signing.signed_headers(secret, delivery.delivery_id, now, body),
        signing.EVENT_HEADER: delivery.event,
    }
    client = ApiClient(_Receiver(endpoint), endpoint.url, secrets=[secret], interpret=_interpret, guarded=True)
    try:
        # Redirects are not followed: requests would turn the POST into a GET, and a hop could point inside.
        response = client.call("POST", endpoint.url, irreversible=True, expect_json=False, data=body,
                               headers=headers, allow_redirects=False)
        if response.status_code >= 300:
            raise DeliveryError(ErrorKind.PERMANENT, _("Penerima mengalihkan kiriman (galat %(status)d); "
                                                       "perbaiki alamat URL webhook.")
                                % {"status": response.status_code}, response.headers.get("Location", ""),
                                code=response.status_code)
    except DeliveryError as error:
        return _failed(delivery, error, now, rng)
    _owned_update(delivery, status=S.SENT, sent_at=now, next_attempt_at=None, response_code=response.status_code,
                  error_message="", error_detail="", failures_in_row=0)
    return S.SENT


def _interpret(response, irreversible):
    """Webhook wording for a receiver's 4xx; 429 and 5xx keep the shared classification (retry later)."""
    status = response.status_code
    if status == 408:
        return DeliveryError(ErrorKind.AMBIGUOUS, _("Penerima kehabisan waktu (galat 408). Warta akan mencoba lagi."),
                             code=status)
    if status in (401, 403):
        return DeliveryError(ErrorKind.PERMANENT, _(
            "Penerima menolak tanda tangan (galat %(status)d). Samakan rahasia di Warta dan di penerima, "
            "lalu klik Coba lagi.") % {"status": status}, code=status)
    if 400 <= status < 500 and status != 429:
        return DeliveryError(ErrorKind.PERMANENT, _(
            "Penerima menolak kiriman (galat %(status)d). Periksa alamat URL dan penerimanya, lalu klik Coba lagi.")
            % {"status": status}, code=status)
    return None


class _Receiver:
    """What ApiClient needs to word its messages."""

    def __init__(self, endpoint):
        self.label = _("Penerima webhook %(name)s") % {"name": endpoint.name}


def claim(delivery_id, now):
    """Lock the row, check it is due, and take it with a fresh claim token for one lease."""
    return WebhookDelivery.objects.claim(delivery_id, now, POLICY.lease(), admit=_admit)


def _admit(delivery):
    """The webhook rules of a claim, with the row locked."""
    if not delivery.endpoint.active:
        WebhookDelivery.objects.filter(pk=delivery.pk).update(
            status=S.FAILED, next_attempt_at=None, error_message=_("Webhook dinonaktifkan."))
        return None
    # A SENDING row found here belongs to a worker that died: its lease ran out, so send again
    # (same delivery id, the receiver de-duplicates).
    return {"status": S.SENDING, "attempts": F("attempts") + 1}


def _failed(delivery, error, now, rng):
    code = int(error.code) if str(error.code).isdigit() else None
    if error.kind == ErrorKind.PERMANENT:
        return _fail(delivery, error.message, error.detail, response_code=code)
    # TRANSIENT or AMBIGUOUS: both are sent again, with the same delivery id.
    failures = delivery.failures_in_row + 1
    if failures > POLICY.max_failures():
        message = _("Gagal setelah %(count)d percobaan berturut-turut: %(reason)s") % {
            "count": failures, "reason": error.message}
        return _fail(delivery, message, error.detail, response_code=code, failures_in_row=failures)
    _owned_update(delivery, status=S.PENDING, failures_in_row=failures, response_code=code,
                  error_message=error.message, error_detail=error.detail,
                  next_attempt_at=now + POLICY.backoff(failures, error.retry_after, rng))
    return S.PENDING


def _fail(delivery, message, detail, **extra):
    _owned_update(delivery, status=S.FAILED, next_attempt_at=None, error_message=message, error_detail=detail,
                  **extra)
    logger.warning("webhook delivery %s failed: %s", delivery.pk, detail or message)
    return S.FAILED


def _owned_update(delivery, **changes):
    """Update the row only while this worker still holds the claim (a stale worker must not overwrite)."""
    return WebhookDelivery.objects.owned_update(delivery, **changes)


# What people can do -----------------------------------------------------------------------------

def retry(delivery, now=None):
    """The retry button: a failed delivery goes out again with the same id and body."""
    now = now or timezone.now()
    updated = WebhookDelivery.objects.filter(pk=delivery.pk, status=S.FAILED).update(
        status=S.PENDING, next_attempt_at=now, failures_in_row=0, claim_token=None)
    if updated:
        transaction.on_commit(lambda: enqueue([delivery.pk]))
    return bool(updated)
