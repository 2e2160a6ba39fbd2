"""When an item's post goes out on one channel: at go-live, at a time the editors chose, or in the channel's
next free slot, always keeping the channel's minimum gap between posts and its daily limit.

The item's choice travels with the page (``social_schedule``: {"mode": TAYANG | SLOT | WAKTU, "at": ISO time,
"channels": {"<account id>": TAYANG | SLOT | WAKTU}}: one way for all its channels, and a channel that goes
its own way, the chosen time being the item's);
the channel's posting times are its own fields (SocialAccount.slot_times, slot_days, min_gap_minutes,
daily_limit), set by the Kasubag PTIP. Days and hours are the court's own (its time zone from the court
calendar). plan() answers (when, why): the outbox stores them on the delivery (planned_at, wait_reason), the
worker does not take it before then, and the screens say what waits and why.

Written here: no scheduling library knows posting slots, gaps and per-day caps for one channel (Postiz and
Buffer keep this logic in their own apps too); dateutil's rrule would only list the slot times.
"""

import datetime
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

TAYANG, SLOT, WAKTU = "tayang", "slot", "waktu"
MODES = (TAYANG, SLOT, WAKTU)
TIME_RE = re.compile(r"^([01]?\d|2[0-3])[:.]([0-5]\d)$")
HORIZON_DAYS = 120  # a channel so full that nothing fits in four months is a setting to fix, not to search


def parse_slots(text):
    """"08:00, 19.00" -> [time(8, 0), time(19, 0)], sorted and without repeats; ValueError names a bad entry."""
    slots = set()
    for part in re.split(r"[,;\s]+", text or ""):
        if not part:
            continue
        match = TIME_RE.match(part)
        if not match:
            raise ValueError(part)
        slots.add(datetime.time(int(match.group(1)), int(match.group(2))))
    return sorted(slots)


def item_choice(page, account=None):
    """The item's choice for one channel (or for all when `account` is None): (mode, chosen time or None).
    Anything unreadable is "at go-live"."""
    value = getattr(page, "social_schedule", None) or {}
    if not isinstance(value, dict):
        return TAYANG, None
    mode = value.get("mode")
    if account is not None:
        own = channel_modes(page).get(account.pk)
        mode = own or mode
    if mode not in MODES:
        return TAYANG, None
    at = parse_datetime(value.get("at") or "") if mode == WAKTU else None
    if mode == WAKTU and at is None:
        return TAYANG, None
    if at is not None and timezone.is_naive(at):
        at = timezone.make_aware(at)
    return mode, at


def channel_modes(page):
    """{account id: mode} of the channels the item sends its own way."""
    value = getattr(page, "social_schedule", None) or {}
    channels = value.get("channels") if isinstance(value, dict) else None
    if not isinstance(channels, dict):
        return {}
    return {int(key): mode for key, mode in channels.items() if str(key).isdigit() and mode in MODES}


@dataclass
class Plan:
    at: datetime.datetime
    reason: str = ""


def _zone(account):
    """The court's time zone (its working hours' setting; BaseSiteSetting makes the row when missing)."""
    from editorial.models import WorkingHours

    return ZoneInfo(WorkingHours.for_site(account.site).timezone)


def taken_times(account, exclude_page=None):
    """When this channel's other posts went or go out (sent, or planned and still open)."""
    from publishers.social.models import DeliveryStatus, SocialDelivery

    rows = (SocialDelivery.objects.filter(account=account)
            .exclude(status__in=[DeliveryStatus.CANCELLED, DeliveryStatus.FAILED, DeliveryStatus.REMOVED]))
    if exclude_page is not None:
        rows = rows.exclude(page=exclude_page)
    times = []
    for sent, planned, created in rows.values_list("sent_at", "planned_at", "created_at"):
        times.append(sent or planned or created)
    return sorted(times)


def plan(account, mode=TAYANG, chosen=None, now=None, taken=None, zone=None):
    """The time this channel takes the post, and why it waits until then ("" when it goes at once)."""
    now = now or timezone.now()
    zone = zone or _zone(account)
    taken = taken_times(account) if taken is None else sorted(taken)
    try:
        slots = parse_slots(account.slot_times)
    except ValueError:
        slots = []
    if mode == SLOT and not slots:
        mode = TAYANG  # a channel without slots posts at go-live
    start = max(now, chosen) if mode == WAKTU and chosen else now
    gap = datetime.timedelta(minutes=account.min_gap_minutes or 0)
    limit = account.daily_limit or None
    every_day = account.slot_days == account.EVERY_DAY

    def next_slot(after):
        local = timezone.localtime(after, zone)
        for offset in range(HORIZON_DAYS):
            day = local.date() + datetime.timedelta(days=offset)
            if not every_day and day.weekday() >= 5:
                continue
            for slot in slots:
                at = datetime.datetime.combine(day, slot, tzinfo=zone)
                if at >= after:
                    return at
        return None

    reason = {SLOT: _("slot kanal berikutnya"), WAKTU: _("waktu yang dipilih untuk konten ini")}.get(mode, "")
    at = start
    for _attempt in range(HORIZON_DAYS * max(len(slots), 1) * 4 + 50):
        if mode == SLOT:
            at = next_slot(at)
            if at is None:
                return Plan(start, _("tidak ada slot kanal dalam %(days)d hari") % {"days": HORIZON_DAYS})
        local_day = timezone.localtime(at, zone).date()
        if limit and sum(1 for t in taken if timezone.localtime(t, zone).date() == local_day) >= limit:
            at = datetime.datetime.combine(local_day + datetime.timedelta(days=1), datetime.time(0, 0), tzinfo=zone)
            if mode != SLOT:
                at = max(at, start)
            reason = _("batas %(limit)d kiriman per hari di kanal ini sudah tercapai") % {"limit": limit}
            continue
        clash = [t for t in taken if abs(t - at) < gap]
        if gap and clash:
            at = max(clash) + gap
            reason = _("jeda minimal %(minutes)d menit antarkiriman kanal ini") % {
                "minutes": account.min_gap_minutes}
            continue
        return Plan(at, reason if at > now else "")
    return Plan(at, reason)


def free_slots(account, after, days=14, exclude=None, zone=None):
    """The times this channel could take one more post in the next `days` (its slots, or for a channel
    without slots the same hour every day), keeping its gap and daily limit; `exclude` is the delivery being
    moved (its own time is free to leave)."""
    from publishers.social.models import DeliveryStatus, SocialDelivery

    zone = zone or _zone(account)
    others = (SocialDelivery.objects.filter(account=account)
              .exclude(status__in=[DeliveryStatus.CANCELLED, DeliveryStatus.FAILED, DeliveryStatus.REMOVED]))
    if exclude is not None:
        others = others.exclude(pk=exclude.pk)
    taken = sorted(sent or planned or created for sent, planned, created
                   in others.values_list("sent_at", "planned_at", "created_at"))
    try:
        slots = parse_slots(account.slot_times)
    except ValueError:
        slots = []
    local = timezone.localtime(after, zone)
    if not slots:
        slots = [local.time().replace(second=0, microsecond=0)]
    every_day = account.slot_days == account.EVERY_DAY or not account.slot_times
    found = []
    for offset in range(days + 1):
        day = local.date() + datetime.timedelta(days=offset)
        if not every_day and day.weekday() >= 5:
            continue
        for slot in slots:
            at = datetime.datetime.combine(day, slot, tzinfo=zone)
            if at <= after:
                continue
            if plan(account, TAYANG, None, now=at, taken=taken, zone=zone).at == at:
                found.append(at)
    return found
