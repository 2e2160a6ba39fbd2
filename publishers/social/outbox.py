"""The delivery outbox: every approved item reaches every account once, never twice.

States of a SocialDelivery (see models.DeliveryStatus):

    PENDING --claim--> SENDING --prepare ok--> IN_FLIGHT --publish ok--> SENT
       ^                  |                       |
       |   safe failure   |        unclear answer | or worker died
       +------------------+                       v
       +---- not posted <------------------- confirm with the platform
                                                  | posted -> SENT
                                                  | cannot tell -> NEEDS_CHECK (a person decides)
    any step, permanent error -> FAILED (with what the user should do)

Rules that keep a post from being lost or doubled:
- rows are created with the publish and the worker is triggered on commit;
  a periodic job also picks up whatever is due, so nothing waits on a lost task;
- a worker claims a row under a row lock (``select_for_update(skip_locked=True)``
  on PostgreSQL) plus a compare-and-set on the claim token, so one worker owns it
  (core.outbox: the claim, the lease, the owned update and the backoff are shared with the webhooks);
- the row is committed as IN_FLIGHT *before* the irreversible call; a row
  found IN_FLIGHT later (crash, timeout, dropped connection) is only ever
  confirmed with the platform, never sent blindly;
- every time comes from ``now`` passed in, so tests advance a clock instead of sleeping.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F, Max, Min
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page

from core import crypto, platform_rules
from core import outbox as core_outbox
from publishers.social import media, schedule
from publishers.social.channels import Confirmation, DeliveryError, ErrorKind, channel_for
from publishers.social.models import DeliveryAttempt, DeliveryStatus, SocialAccount, SocialDelivery

logger = logging.getLogger(__name__)

S = DeliveryStatus


# Lease, failure limit and backoff: WARTA_SOCIAL_LEASE_SECONDS, _MAX_FAILURES, _BACKOFF_SECONDS, _BACKOFF_MAX_SECONDS.
POLICY = core_outbox.OutboxPolicy("WARTA_SOCIAL")
lease = POLICY.lease
max_failures = POLICY.max_failures
backoff = POLICY.backoff


def confirm_delay():
    """Wait before asking the platform about an unclear post (it may take a moment to appear)."""
    return timedelta(seconds=getattr(settings, "WARTA_SOCIAL_CONFIRM_DELAY_SECONDS", 60))


# Creating deliveries ----------------------------------------------------------------------------

def is_first_publish(page):
    """True on the publish that made the page live for the first time (not a republish of a correction)."""
    return (
        page.first_published_at is not None
        and page.first_published_at == page.last_published_at
        and not SocialDelivery.objects.filter(page=page).exists()
    )


def create_for_publish(page, revision, user=None):
    """Called on every publish; posts only on the first one and only if the social draft is enabled."""
    if not getattr(page, "social_enabled", False) or not is_first_publish(page):
        return []
    site = page.get_site()
    if site is None:
        return []
    # The channels the editors left out for this item (saved with the approved revision) get nothing.
    accounts = SocialAccount.objects.for_site(site).usable().exclude(pk__in=media.excluded_ids(page))
    return create_round(page, revision, accounts, round_no=1, user=user, scheduled=True)


def create_round(page, revision, accounts, round_no=None, user=None, now=None, scheduled=False):
    """One delivery per account for this page; enqueued when the surrounding transaction commits.

    `scheduled` (the first round, at go-live): each channel takes it when the item's posting-time choice and
    the channel's slots, gap and daily limit allow (publishers.social.schedule); a later round (a resend the
    Kasubag asked for) goes at once."""
    now = now or timezone.now()
    site = page.get_site()
    image = page.social_image_or_hero()
    created = []
    with transaction.atomic():
        if round_no is None:
            round_no = (SocialDelivery.objects.filter(page=page).aggregate(n=Max("round"))["n"] or 0) + 1
        for account in accounts:
            if scheduled:
                mode, chosen = schedule.item_choice(page, account)
                planned = schedule.plan(account, mode, chosen, now=now)
            else:
                planned = schedule.Plan(now)
            delivery, is_new = SocialDelivery.objects.get_or_create(
                page=page, account=account, round=round_no,
                defaults=dict(
                    revision=revision, site=site, page_title=page.title[:255], page_url=page.full_url or "",
                    platform=account.platform, account_name=account.name[:200],
                    text=page.social_text(account.platform), image=image, crop=page.social_crop,
                    status=S.PENDING, next_attempt_at=planned.at, planned_at=planned.at,
                    wait_reason=planned.reason[:300], created_by=user,
                ),
            )
            if is_new:
                created.append(delivery)
        now_ids = [delivery.pk for delivery in created if delivery.next_attempt_at <= now]
        later = [(delivery.pk, delivery.next_attempt_at) for delivery in created if delivery.next_attempt_at > now]

        def hand_over():
            enqueue(now_ids)
            for pk, at in later:  # a worker that can defer takes it on time; else the minute job does
                enqueue([pk], run_after=at)

        transaction.on_commit(hand_over)
    return created


def enqueue(ids, run_after=None):
    from publishers.social import tasks

    core_outbox.enqueue(tasks.deliver, ids, run_after)  # a lost enqueue only delays: the minute job picks it up


# The worker --------------------------------------------------------------------------------------

def due_ids(now=None, limit=500):
    """Open deliveries whose time has come, leaving out accounts a platform asked us to leave alone."""
    return [pk for pk, _account in _due(now, limit)]


def _due(now=None, limit=500):
    now = now or timezone.now()
    return list(
        SocialDelivery.objects.due(now).exclude(account__paused_until__gt=now).values_list("pk", "account_id")[:limit]
    )


def next_due():
    """When the next open delivery may run (its own time or its account's pause, whichever is later)."""
    rows = SocialDelivery.objects.open().filter(next_attempt_at__isnull=False).annotate(
        runs_at=Greatest("next_attempt_at", Coalesce("account__paused_until", "next_attempt_at")))
    return rows.aggregate(at=Min("runs_at"))["at"]


def run_due(now=None, limit=500, rng=None):
    """Process every delivery that is due (retries, crashed workers, unclear posts). Returns how many."""
    now = now or timezone.now()
    paused = set()
    done = 0
    for pk, account_id in _due(now, limit):
        if account_id in paused:
            continue  # the platform asked for a pause during this run
        process(pk, now=now, rng=rng)
        done += 1
        if SocialAccount.objects.filter(pk=account_id, paused_until__gt=now).exists():
            paused.add(account_id)
    return done


def process(delivery_id, now=None, rng=None):
    """Take one delivery one step further, if it is due and nobody else holds it."""
    now = now or timezone.now()
    claimed = claim(delivery_id, now)
    if claimed is None:
        return None
    delivery, mode = claimed
    try:
        channel = channel_for(delivery.account, now)
    except crypto.TokenDecryptionError:
        return _fail(delivery, now, DeliveryError(ErrorKind.PERMANENT, _(
            "Token kanal ini tidak dapat dibuka dengan kunci yang sekarang (WARTA_TOKEN_KEYS berubah?). "
            "Sambungkan ulang kanal ini."), reconnect=True))
    if mode == "confirm":
        return _confirm(delivery, channel, now, rng)
    return _send(delivery, channel, now, rng)


def claim(delivery_id, now):
    """Lock the row, check it is due, and take it with a fresh claim token. Returns (delivery, mode) or None.

    mode is "send" (a PENDING row, or a SENDING one whose worker died before the call: nothing left yet)
    or "confirm" (an IN_FLIGHT row: ask the platform, never send blindly).
    """
    delivery = SocialDelivery.objects.claim(delivery_id, now, lease(), admit=lambda row: _admit(row, now))
    if delivery is None:
        return None
    return delivery, "confirm" if delivery.status == S.IN_FLIGHT else "send"


def _admit(delivery, now):
    """The social rules of a claim, with the row locked: the further changes, or None after settling the row."""
    account = delivery.account
    if account is None or not account.active:
        if delivery.status == S.IN_FLIGHT:
            # It may have gone out: a person must look, the row cannot just be dropped.
            _set(delivery, now, status=S.NEEDS_CHECK, next_attempt_at=None,
                 error_message=_("Kanal dihapus atau dinonaktifkan saat kiriman belum pasti. Periksa "
                                 "platformnya, lalu tandai hasilnya."))
            _log(delivery, "needs_check", delivery.error_message, now)
        else:
            _set(delivery, now, status=S.CANCELLED, next_attempt_at=None,
                 error_message=_("Kanal dihapus atau dinonaktifkan."))
            _log(delivery, "failed", delivery.error_message, now)
        return None
    if account.paused_until and account.paused_until > now:
        SocialDelivery.objects.filter(pk=delivery.pk).update(next_attempt_at=account.paused_until)
        # Its next step is due when the pause ends: handed to the workers for then, not left to the minute job.
        paused_until = account.paused_until
        transaction.on_commit(lambda: enqueue([delivery.pk], run_after=paused_until))
        return None
    if delivery.status == S.IN_FLIGHT:
        return {}  # confirm: the attempt was counted when it was sent
    if not Page.objects.filter(pk=delivery.page_id, live=True).exists():
        # Unpublished or deleted before it went out: a post would link to nothing.
        _set(delivery, now, status=S.CANCELLED, next_attempt_at=None,
             error_message=_("Konten tidak tayang lagi, jadi tidak dikirim."))
        _log(delivery, "failed", delivery.error_message, now)
        return None
    return {"status": S.SENDING, "attempts": F("attempts") + 1}


def _send(delivery, channel, now, rng):
    before = dict(delivery.prepared)
    try:
        channel.prepare(delivery)
    except DeliveryError as error:
        return _step_failed(delivery, channel, error, now, rng, irreversible=False,
                            progressed=delivery.prepared != before)
    except Exception as exc:  # a bug or a broken image file: nothing went out, so retrying is safe
        logger.exception("preparing social delivery %s failed", delivery.pk)
        error = DeliveryError(ErrorKind.TRANSIENT, _("Persiapan kiriman gagal: %(error)s") % {
            "error": type(exc).__name__})
        return _step_failed(delivery, channel, error, now, rng, irreversible=False)

    # Commit IN_FLIGHT before the irreversible call: if we die after it, the row says "confirm first".
    if not _owned_update(delivery, status=S.IN_FLIGHT, in_flight_at=now, prepared=delivery.prepared,
                         failures_in_row=0, next_attempt_at=now + lease()):
        return None
    try:
        posted = channel.publish(delivery)
    except DeliveryError as error:
        return _step_failed(delivery, channel, error, now, rng, irreversible=True)
    except Exception:  # after the call left, anything unexpected means "not sure"
        logger.exception("publishing social delivery %s ended unexpectedly", delivery.pk)
        error = DeliveryError(ErrorKind.AMBIGUOUS, _("Jawaban platform tidak dapat dibaca."))
        return _step_failed(delivery, channel, error, now, rng, irreversible=True)
    _apply_pause(channel, now)
    return _mark_sent(delivery, posted, now, "sent")


def _confirm(delivery, channel, now, rng):
    try:
        try:
            result = channel.confirm(delivery)
            if result.outcome == Confirmation.POSTED and not (result.posted and result.posted.post_id):
                # Sent, but without the platform's id there is no link, no metrics, no removal: ask again.
                raise DeliveryError(ErrorKind.TRANSIENT, _("Platform belum memberi ID kiriman yang sudah terbit."))
        except DeliveryError:
            raise
        except Exception as exc:  # an answer we cannot read: ask again later, never guess
            logger.exception("confirming social delivery %s failed", delivery.pk)
            raise DeliveryError(ErrorKind.TRANSIENT, _("Jawaban platform tidak dapat dibaca.")) from exc
    except DeliveryError as error:
        _apply_pause(channel, now)
        failures = delivery.failures_in_row + 1
        if error.kind == ErrorKind.PERMANENT or failures > max_failures():
            return _needs_check(delivery, now, _(
                "Warta tidak dapat memastikan apakah kiriman sudah masuk (%(reason)s). Periksa akun di platform, "
                "lalu klik Sudah terkirim atau Kirim lagi.") % {"reason": error.message}, error)
        _owned_update(delivery, failures_in_row=failures, error_message=error.message, error_detail=error.detail,
                      next_attempt_at=now + backoff(failures, error.retry_after, rng))
        _log(delivery, "retry", _("Pemeriksaan ke platform gagal: %(reason)s") % {"reason": error.message}, now)
        return delivery.status
    _apply_pause(channel, now)
    if result.outcome == Confirmation.POSTED:
        return _mark_sent(delivery, result.posted, now, "confirmed")
    if result.outcome == Confirmation.UNKNOWN:
        return _needs_check(delivery, now, result.message)
    # NOT_POSTED: safe to send again.
    prepared = delivery.prepared if result.keep_prepared else {}
    if delivery.failures_in_row >= max_failures():
        if _owned_update(delivery, status=S.FAILED, next_attempt_at=None, prepared=prepared):
            _tell_kasubag(delivery)
        _log(delivery, "failed", delivery.error_message, now)
        return S.FAILED
    _owned_update(delivery, status=S.PENDING, next_attempt_at=now, prepared=prepared, in_flight_at=None)
    _log(delivery, "not_posted", _("Platform memastikan kiriman belum masuk; akan dikirim lagi."), now)
    return S.PENDING


def _step_failed(delivery, channel, error, now, rng, irreversible, progressed=False):
    _apply_pause(channel, now)
    if error.reconnect:
        SocialAccount.objects.filter(pk=delivery.account_id).update(needs_reconnect=True, last_error=error.message)
    common = {"prepared": delivery.prepared, "error_message": error.message, "error_detail": error.detail}
    if error.kind == ErrorKind.PERMANENT:
        return _fail(delivery, now, error, **common)
    # Count failures in a row without progress: a step that got further (an upload kept) starts again at one.
    failures = 1 if progressed else delivery.failures_in_row + 1
    if error.kind == ErrorKind.AMBIGUOUS and irreversible and not channel.can_confirm:
        # The platform cannot be asked (Telegram): a person looks at the channel and decides, at once.
        _log(delivery, "unsure", error.message, now)
        return _needs_check(delivery, now, channel.unsure_message(delivery, error), error)
    if error.kind == ErrorKind.AMBIGUOUS and irreversible:
        _owned_update(delivery, status=S.IN_FLIGHT, failures_in_row=failures,
                      next_attempt_at=now + max(confirm_delay(), backoff(failures, error.retry_after, rng)), **common)
        _log(delivery, "unsure", _("%(reason)s Warta akan memeriksa ke platform sebelum mengirim lagi.")
             % {"reason": error.message}, now)
        return S.IN_FLIGHT
    if failures > max_failures():
        error.message = _("Gagal setelah %(count)d percobaan berturut-turut: %(reason)s") % {
            "count": failures, "reason": error.message}
        common["error_message"] = error.message
        return _fail(delivery, now, error, **common)
    _owned_update(delivery, status=S.PENDING, failures_in_row=failures, in_flight_at=None,
                  next_attempt_at=now + backoff(failures, error.retry_after, rng), **common)
    _log(delivery, "retry", error.message, now)
    return S.PENDING


def _fail(delivery, now, error, **extra):
    extra.setdefault("error_message", error.message)
    extra.setdefault("error_detail", error.detail)
    if error.reconnect and delivery.account_id:
        SocialAccount.objects.filter(pk=delivery.account_id).update(needs_reconnect=True, last_error=error.message)
    if _owned_update(delivery, status=S.FAILED, next_attempt_at=None, **extra):
        _tell_kasubag(delivery)
    _log(delivery, "failed", extra["error_message"], now)
    logger.warning("social delivery %s failed: %s", delivery.pk, error.detail or error.message)
    return S.FAILED


def _tell_kasubag(delivery):
    """A failure for good after approval, or a send only a person can settle: the court's channel managers hear
    of it at once (e-mail, dashboard)."""
    from publishers.social import failures

    failures.on_failed(delivery)


def _needs_check(delivery, now, message, error=None):
    if _owned_update(delivery, status=S.NEEDS_CHECK, next_attempt_at=None, error_message=message,
                     error_detail=error.detail if error else delivery.error_detail):
        _tell_kasubag(delivery)
    _log(delivery, "needs_check", message, now)
    return S.NEEDS_CHECK


def _mark_sent(delivery, posted, now, outcome):
    changed = _owned_update(
        delivery, status=S.SENT, platform_post_id=posted.post_id if posted else "",
        permalink=(posted.permalink if posted else "")[:500], sent_at=now, next_attempt_at=None,
        error_message="", error_detail="", failures_in_row=0,
    )
    if changed:
        SocialAccount.objects.filter(pk=delivery.account_id, needs_reconnect=True).update(
            needs_reconnect=False, last_error="")
        message = _("Terkirim.") if outcome == "sent" else _("Platform memastikan kiriman sudah masuk.")
        _log(delivery, outcome, message, now)
    return S.SENT


def _apply_pause(channel, now):
    """The platform asked to leave the channel alone for a while: every open row of the channel due by then is
    handed to the workers for the pause's end (the rows taken during the pause are postponed by _admit)."""
    if not channel.pause_for:
        return
    until = now + channel.pause_for
    SocialAccount.objects.filter(pk=channel.account.pk).update(paused_until=until)
    waiting = list(SocialDelivery.objects.open().filter(account_id=channel.account.pk, next_attempt_at__lte=until)
                   .values_list("pk", flat=True)[:500])
    if waiting:
        transaction.on_commit(lambda: enqueue(waiting, run_after=until))


def _owned_update(delivery, **changes):
    """Update the row only while this worker still holds the claim (a stale worker must not overwrite)."""
    return SocialDelivery.objects.owned_update(delivery, **changes)


def _set(delivery, now, **changes):
    SocialDelivery.objects.filter(pk=delivery.pk).update(**changes)
    for name, value in changes.items():
        setattr(delivery, name, value)


def _log(delivery, outcome, message, now, user=None):
    DeliveryAttempt.objects.create(delivery_id=delivery.pk, at=now, outcome=outcome, message=str(message)[:2000],
                                   user=user)


# What people can do (status page) --------------------------------------------------------------

class ActionNotAllowed(Exception):
    pass


def _manual(delivery, allowed, user, message, now=None, **changes):
    now = now or timezone.now()
    with transaction.atomic():
        updated = SocialDelivery.objects.filter(pk=delivery.pk, status__in=allowed).update(**changes)
        if updated != 1:
            raise ActionNotAllowed(_("Status kiriman sudah berubah; muat ulang halaman."))
        delivery.refresh_from_db()
        _log(delivery, "manual", message, now, user=user)
    return delivery


def retry(delivery, user, now=None):
    """Send again: after a failure, a cancellation, or when a person checked that it did not go out.

    The text and image are taken again from the live version, so "fix it, republish, then Coba lagi" works.
    """
    now = now or timezone.now()
    content = _current_content(delivery)
    delivery = _manual(
        delivery, [S.FAILED, S.CANCELLED, S.NEEDS_CHECK], user,
        _("%(user)s meminta kiriman diulang.") % {"user": _user_name(user)}, now,
        status=S.PENDING, next_attempt_at=now, failures_in_row=0, error_message="", error_detail="",
        in_flight_at=None, claim_token=None, prepared={}, **content,
    )
    if delivery.account_id:
        SocialAccount.objects.filter(pk=delivery.account_id).update(paused_until=None)
    transaction.on_commit(lambda: enqueue([delivery.pk]))
    return delivery


def reschedule(delivery, when, user, now=None):
    """Move a post that has not been tried yet to another time (the calendar): recorded in the delivery's log
    and in the item's history."""
    from wagtail.log_actions import log

    now = now or timezone.now()
    if when <= now:
        raise ActionNotAllowed(_("Waktu baru harus di masa depan."))
    if SocialDelivery.objects.filter(pk=delivery.pk, attempts__gt=0).exists():
        raise ActionNotAllowed(_("Kiriman ini sudah dicoba; gunakan tindakan di status kiriman."))
    local = timezone.localtime(when).strftime("%d/%m/%Y %H:%M")
    delivery = _manual(
        delivery, [S.PENDING], user,
        _("%(user)s memindahkan kiriman ke %(when)s.") % {"user": _user_name(user), "when": local}, now,
        next_attempt_at=when, planned_at=when,
        wait_reason=(_("dipindahkan oleh %(user)s") % {"user": _user_name(user)})[:300],
    )
    page = Page.objects.filter(pk=delivery.page_id).first()
    if page is not None:
        log(instance=page.specific, action=RESCHEDULE_ACTION, user=user,
            data={"channel": delivery.account_name, "platform": delivery.platform, "at": when.isoformat()})
    transaction.on_commit(lambda: enqueue([delivery.pk], run_after=when))
    return delivery


RESCHEDULE_ACTION = "warta.social.reschedule"


def resend_with_text(delivery, text, user, now=None):
    """Send a failed delivery again with a corrected text (this delivery only; the live page is unchanged)."""
    now = now or timezone.now()
    problems = platform_rules.caption_errors(delivery.platform, text)
    if problems:
        raise ActionNotAllowed(" ".join(str(problem) for problem in problems))
    if not Page.objects.filter(pk=delivery.page_id, live=True).exists():
        raise ActionNotAllowed(_("Konten ini tidak tayang; terbitkan dulu sebelum dikirim lagi."))
    delivery = _manual(
        delivery, [S.FAILED], user,
        _("%(user)s mengubah teks kiriman dan meminta kiriman diulang.") % {"user": _user_name(user)}, now,
        status=S.PENDING, text=text, next_attempt_at=now, failures_in_row=0, error_message="", error_detail="",
        in_flight_at=None, claim_token=None, prepared={},
    )
    if delivery.account_id:
        SocialAccount.objects.filter(pk=delivery.account_id).update(paused_until=None)
    transaction.on_commit(lambda: enqueue([delivery.pk]))
    return delivery


def _current_content(delivery):
    page = Page.objects.filter(pk=delivery.page_id, live=True).first()
    if page is None:
        raise ActionNotAllowed(_("Konten ini tidak tayang; terbitkan dulu sebelum dikirim lagi."))
    page = page.specific
    return {"text": page.social_text(delivery.platform), "image": page.social_image_or_hero(),
            "crop": page.social_crop, "revision": page.live_revision}


def cancel(delivery, user, now=None):
    return _manual(delivery, [S.PENDING, S.FAILED, S.NEEDS_CHECK], user,
                   _("%(user)s membatalkan kiriman.") % {"user": _user_name(user)}, now,
                   status=S.CANCELLED, next_attempt_at=None, claim_token=None)


def mark_sent(delivery, user, permalink="", now=None):
    """A person checked the platform and found the post there; the link they paste gives the post's id."""
    from publishers.social.channels import CHANNELS

    now = now or timezone.now()
    permalink = permalink.strip()
    channel_class = CHANNELS.get(delivery.platform)
    post_id = ""
    if permalink and channel_class is not None and delivery.account is not None:
        post_id = channel_class.post_id_from_link(delivery.account, permalink)
        if post_id is None:
            raise ActionNotAllowed(_("Tautan itu bukan tautan kiriman di kanal %(name)s. Salin tautan kiriman dari "
                                     "platformnya.") % {"name": delivery.account_name})
    message = _("%(user)s memastikan kiriman sudah ada di platform.") % {"user": _user_name(user)}
    if not permalink and delivery.account is not None and channel_class is not None:
        # What is known: the post is in this channel; its own link was not given.
        permalink = channel_class.channel_url(delivery.account)
        message += " " + _("Tautan kiriman tidak diisi; yang dicatat tautan kanalnya.")
    return _manual(delivery, [S.NEEDS_CHECK], user, message, now,
                   status=S.SENT, permalink=permalink[:500], platform_post_id=post_id or "", sent_at=now,
                   next_attempt_at=None, error_message="", claim_token=None)


def mark_removed(delivery, user, now=None):
    """The post was taken down by hand (Instagram has no API for it)."""
    return _manual(delivery, [S.SENT], user,
                   _("%(user)s menandai kiriman sudah dihapus dari platform.") % {"user": _user_name(user)}, now,
                   status=S.REMOVED)


def remove(delivery, user, now=None):
    """Take a post down from its platform (the page has been unpublished)."""
    now = now or timezone.now()
    if delivery.status != S.SENT or not delivery.platform_post_id or delivery.account is None:
        raise ActionNotAllowed(_("Hanya kiriman yang sudah terkirim yang dapat dihapus."))
    channel = channel_for(delivery.account, now)
    try:
        channel.remove(delivery)
    except DeliveryError as error:
        raise ActionNotAllowed(error.message) from None
    return _manual(delivery, [S.SENT], user,
                   _("%(user)s menghapus kiriman dari platform.") % {"user": _user_name(user)}, now,
                   status=S.REMOVED)


def _user_name(user):
    if user is None:
        return _("Sistem")
    return user.get_full_name() or user.get_username()


# Periodic upkeep ---------------------------------------------------------------------------------

def fill_missing_links(now=None, days=7):
    """Ask again for the link of recent posts whose platform did not give it when they were sent."""
    now = now or timezone.now()
    rows = SocialDelivery.objects.filter(status=S.SENT, permalink="", sent_at__gte=now - timedelta(days=days),
                                         account__active=True).exclude(platform_post_id="").select_related("account")
    filled = 0
    for delivery in rows:
        try:
            link = channel_for(delivery.account, now).permalink(delivery.platform_post_id)
        except (DeliveryError, crypto.TokenDecryptionError):
            continue
        if link:
            filled += SocialDelivery.objects.filter(pk=delivery.pk, permalink="").update(permalink=link[:500])
    return filled


def reconcile_missed(now=None):
    """Create deliveries for pages first published in the last day that have none.

    Wagtail's publish is not one transaction with our signal handler: if the
    process died right after the page went live, this puts the posts back.
    """
    from cms.models.social import SocialDraftMixin

    now = now or timezone.now()
    recent = Page.objects.live().filter(first_published_at__gte=now - timedelta(days=1)).exclude(
        social_deliveries__isnull=False).specific()
    created = []
    for page in recent:
        if not isinstance(page, SocialDraftMixin) or not page.social_enabled:
            continue
        if page.first_published_at != page.last_published_at:
            continue  # republished since: this is not its first publish any more
        site = page.get_site()
        if site is None:
            continue
        accounts = SocialAccount.objects.for_site(site).usable().filter(connected_at__lte=page.first_published_at) \
            .exclude(pk__in=media.excluded_ids(page))
        created += create_round(page, page.live_revision, accounts, round_no=1, now=now)
    return created
