"""A year of realistic monev data for one court, for the tests, `make bench` and trying the reports out.

Builds, with a fixed random seed: news and announcements published through the
year by several authors; their editorial steps (drafting, Redaktur check,
Kasubag approval, with send-backs) timed in working hours against the Mutu Baku
standards; one delivery per item and social account with realistic outcomes;
day 1 / 7 / 28 metric snapshots built from platform-shaped answers through
each channel's own reading of them (publishers.social.channels); daily follower counts; and page views that fade after
publication, ingested through monev.pageviews.add_many.

Everything it wrote is also returned as a plain-Python Ledger, so a test can
compute each figure of a report by hand and compare.
"""

import datetime
import random
import uuid
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from wagtail.models import PageLogEntry

from cms.models import AnnouncementPage, NewsCategory, NewsPage
from core import platform_rules
from editorial.models import MutuBaku, StepRecord
from editorial.models.standards import KOREKSI, MENYIAPKAN, PERSETUJUAN
from editorial.publishing import EMERGENCY_PUBLISH
from publishers.social.channels import CHANNELS
from publishers.social.models import DeliveryStatus, SocialAccount, SocialDelivery

from . import pageviews, social_metrics
from .models import FollowerCount

TZ = ZoneInfo("Asia/Jakarta")
AUTHORS = [("dewi", "Dewi", "Lestari"), ("budi", "Budi", "Santoso"), ("siti", "Siti", "Rahmawati")]
EDITORS = [("agus", "Agus", "Pratama"), ("maya", "Maya", "Sari")]
APPROVER = ("hendra", "Hendra", "Wijaya")
SUPERUSER = ("darurat", "Operator", "Darurat")  # publishes the odd item outside the review (emergency)
CATEGORIES = [("Kegiatan", 5), ("Layanan Publik", 3), ("Sidang Keliling", 2), ("Pengumuman Lelang", 1),
              ("Prestasi", 1)]
ACCOUNTS = [(platform_rules.FACEBOOK, "PN Contoh"), (platform_rules.INSTAGRAM, "@pn.contoh"),
            (platform_rules.X, "@PNContoh"), (platform_rules.TELEGRAM, "Kanal PN Contoh")]
REACH = {platform_rules.FACEBOOK: 900, platform_rules.INSTAGRAM: 700, platform_rules.X: 1500}


@dataclass
class Ledger:
    site_id: int
    items: list = field(default_factory=list)  # dicts: page_id, kind, category, author, publisher, route,
    #                                              published_at
    steps: list = field(default_factory=list)  # dicts: step, actor, seconds, standard, outcome, finished_at
    deliveries: list = field(default_factory=list)  # dicts: platform, account, status, created_at, sent_at
    snapshots: list = field(default_factory=list)  # dicts: delivery_id, platform, account, day, posted_at, metrics
    views: dict = field(default_factory=dict)  # (page_id, date) -> views
    followers: list = field(default_factory=list)  # (platform, account, date, followers)
    pages: dict = field(default_factory=dict)  # page_id -> (title, url_path)


def _user(username, first, last):
    user, _created = get_user_model().objects.get_or_create(
        username=f"monev-{username}", defaults={"first_name": first, "last_name": last,
                                                 "email": f"{username}@pn-contoh.go.id"})
    return user


def _working_moment(rng, day):
    while day.weekday() >= 5:
        day += datetime.timedelta(days=1)
    return datetime.datetime.combine(day, datetime.time(8, 0), tzinfo=TZ) + datetime.timedelta(
        minutes=rng.randrange(0, 8 * 60))


def _duration(rng, standard_minutes):
    # Most passes take a little under the standard; a long tail goes well over it.
    return max(60, int(standard_minutes * 60 * rng.lognormvariate(-0.2, 0.6)))


def build(site, news_index, announcement_index, *, year=2026, items=500, total_views=1_000_000, seed=2026):
    rng = random.Random(seed)
    ledger = Ledger(site_id=site.pk)
    authors = [_user(*a) for a in AUTHORS]
    editors = [_user(*e) for e in EDITORS]
    approver = _user(*APPROVER)
    superuser = _user(*SUPERUSER)
    if not superuser.is_superuser:
        superuser.is_superuser = True
        superuser.save(update_fields=["is_superuser"])
    names = {u.pk: f"{u.first_name} {u.last_name}" for u in authors + editors + [approver, superuser]}
    categories = [NewsCategory.objects.get_or_create(slug=name.lower().replace(" ", "-"), defaults={"name": name})[0]
                  for name, _weight in CATEGORIES]
    weights = [weight for _name, weight in CATEGORIES]
    # The accounts are connected once the year's items exist: the items are text-only samples, and a
    # connected Instagram account would (rightly) refuse a post without an image when a page is saved.
    accounts = [SocialAccount.objects.get_or_create(site=site, platform=platform, external_id=f"{platform}-1",
                                                    defaults={"name": name, "active": False})[0]
                for platform, name in ACCOUNTS]
    standards = {(step, social): MutuBaku.objects.minutes_for(step, ["B", "C"] if social else ["B"])
                 for step in (MENYIAPKAN, KOREKSI, PERSETUJUAN) for social in (False, True)}

    first_day = datetime.date(year, 1, 1)
    days_in_year = (datetime.date(year + 1, 1, 1) - first_day).days
    records, deliveries, log_entries = [], [], []
    for index in range(items):
        published_at = _working_moment(rng, first_day + datetime.timedelta(days=rng.randrange(days_in_year)))
        if published_at.year != year:
            published_at = _working_moment(rng, datetime.date(year, 12, 28))
        author = rng.choice(authors)
        social = rng.random() < 0.9
        common = {"owner": author, "live": True, "first_published_at": published_at,
                  "last_published_at": published_at, "date": published_at.date(), "social_enabled": social,
                  "social_caption": "Informasi terbaru dari pengadilan."}
        if rng.random() < 0.8:
            category = rng.choices(categories, weights)[0]
            page = news_index.add_child(instance=NewsPage(
                title=f"Berita {index + 1}: kegiatan pengadilan", slug=f"berita-{index + 1}", lead="Teras berita.",
                category=category, **common))
            kind, category_name = "news", category.name
        else:
            page = announcement_index.add_child(instance=AnnouncementPage(
                title=f"Pengumuman {index + 1}", slug=f"pengumuman-{index + 1}", **common))
            kind, category_name = "announcement", None
        emergency = rng.random() < 0.02
        publisher = superuser if emergency else approver
        log_entries += _publish_log(page, publisher, published_at, emergency)
        ledger.items.append({"page_id": page.pk, "kind": kind, "category": category_name,
                             "author": names[author.pk], "publisher": names[publisher.pk],
                             "route": "emergency" if emergency else "workflow", "published_at": published_at})
        ledger.pages[page.pk] = (page.title, page.url_path)
        records += _steps(rng, ledger, page, site, published_at, author, rng.choice(editors), approver, social,
                          standards, names)
        if social:
            deliveries += _deliveries(rng, ledger, page, site, accounts, published_at)

    SocialAccount.objects.filter(pk__in=[account.pk for account in accounts]).update(active=True)
    StepRecord.objects.bulk_create(records, batch_size=500)
    PageLogEntry.objects.bulk_create(log_entries, batch_size=500)
    SocialDelivery.objects.bulk_create(deliveries, batch_size=500)
    _snapshots(rng, ledger, site)
    _followers(rng, ledger, site, accounts, first_day, days_in_year)
    _views(rng, ledger, site, news_index, announcement_index, first_day, days_in_year, total_views)
    return ledger


def _publish_log(page, user, published_at, emergency):
    """Wagtail's audit entry of the publish, as the Kasubag's approval (or a superuser's emergency publish,
    which editorial logs a second time for the same revision) writes it."""
    # The revision without a user: a user's revision would open a drafting step in the editorial ledger,
    # and the ledger of this sample is built by hand (_steps).
    revision = page.save_revision(user=None, log_action=False, clean=False)
    common = {"content_type": ContentType.objects.get_for_model(page, for_concrete_model=False), "page": page,
              "label": page.title, "user": user, "timestamp": published_at, "uuid": uuid.uuid4(),
              "revision": revision}
    entries = [PageLogEntry(action="wagtail.publish", **common)]
    if emergency:
        entries.append(PageLogEntry(action=EMERGENCY_PUBLISH, data={"superuser": True, "scheduled": False},
                                    **common))
    return entries


def _steps(rng, ledger, page, site, published_at, author, editor, approver, social, standards, names):
    """The item's editorial passes, laid out backwards from publication (newest first, then reversed)."""
    plan = [(PERSETUJUAN, approver, StepRecord.APPROVED)]
    if rng.random() < 0.05:  # the Kasubag sends it back once
        plan += [(KOREKSI, editor, StepRecord.APPROVED), (MENYIAPKAN, author, StepRecord.SUBMITTED),
                 (PERSETUJUAN, approver, StepRecord.REJECTED)]
    plan += [(KOREKSI, editor, StepRecord.APPROVED)]
    if rng.random() < 0.15:  # the Redaktur sends it back once
        plan += [(MENYIAPKAN, author, StepRecord.SUBMITTED), (KOREKSI, editor, StepRecord.REJECTED)]
    plan += [(MENYIAPKAN, author, StepRecord.SUBMITTED)]
    end = published_at
    out = []
    for step, actor, outcome in plan:
        standard = standards[(step, social)]
        seconds = _duration(rng, standard)
        start = end - datetime.timedelta(seconds=seconds)
        out.append(StepRecord(page=page, site=site, step=step, actor=actor, started_at=start, finished_at=end,
                              standard_minutes=standard, working_seconds=seconds, outcome=outcome))
        ledger.steps.append({"step": step, "actor": names[actor.pk], "seconds": seconds, "standard": standard,
                             "outcome": outcome, "finished_at": end})
        end = start - datetime.timedelta(minutes=rng.randrange(5, 240))
    drafts = [record for record in out if record.step == MENYIAPKAN]
    for record in drafts[:-1]:  # every drafting pass but the first is a fix after a send-back
        record.returned = True
    return out


STATUSES = [(DeliveryStatus.SENT, 93), (DeliveryStatus.FAILED, 3), (DeliveryStatus.NEEDS_CHECK, 2),
            (DeliveryStatus.CANCELLED, 1), (DeliveryStatus.REMOVED, 1)]


def _deliveries(rng, ledger, page, site, accounts, published_at):
    out = []
    for account in accounts:
        status = rng.choices([s for s, _w in STATUSES], [w for _s, w in STATUSES])[0]
        created_at = published_at + datetime.timedelta(seconds=30)
        sent = status in (DeliveryStatus.SENT, DeliveryStatus.REMOVED)
        sent_at = created_at + datetime.timedelta(minutes=rng.randrange(1, 30)) if sent else None
        out.append(SocialDelivery(
            page=page, site=site, account=account, page_title=page.title, platform=account.platform,
            account_name=account.name, text="Informasi terbaru dari pengadilan.", status=status,
            created_at=created_at, sent_at=sent_at, platform_post_id=f"{account.platform}-{page.pk}" if sent else "",
        ))
        ledger.deliveries.append({"platform": account.platform, "account": account.name, "status": status,
                                  "created_at": created_at, "sent_at": sent_at})
    return out


def platform_answer(platform, reach, reactions, comments, shares, saves, clicks):
    """What the platform's API would answer for a post with these numbers (each channel's metrics_from reads it)."""
    if platform == platform_rules.FACEBOOK:
        return {"post_total_media_view_unique": reach, "post_reactions_by_type_total": {
            "like": reactions - reactions // 4, "love": reactions // 4}, "post_clicks": clicks,
            "comments": {"summary": {"total_count": comments}}, "shares": {"count": shares}}
    if platform == platform_rules.INSTAGRAM:
        return {"views": reach * 2, "reach": reach, "likes": reactions, "comments": comments, "shares": shares,
                "saved": saves, "total_interactions": reactions + comments + shares + saves}
    return {"impression_count": reach, "like_count": reactions, "reply_count": comments,
            "retweet_count": shares - shares // 3, "quote_count": shares // 3, "bookmark_count": saves}


def _snapshots(rng, ledger, site, batch=500):
    sent = (SocialDelivery.objects.filter(site=site, status__in=[DeliveryStatus.SENT, DeliveryStatus.REMOVED])
            .exclude(platform__in=social_metrics.NO_METRICS).order_by("pk"))
    pending = []
    for delivery in sent.iterator():
        base = REACH[delivery.platform] * rng.lognormvariate(0, 0.7)
        for day, share in ((1, 0.55), (7, 0.85), (28, 1.0)):
            reach = int(base * share)
            numbers = {"reach": reach, "reactions": int(reach * 0.06), "comments": int(reach * 0.008),
                       "shares": int(reach * 0.01), "saves": int(reach * 0.004), "clicks": int(reach * 0.02)}
            metrics = CHANNELS[delivery.platform].metrics_from(platform_answer(delivery.platform, **numbers))
            taken_at = delivery.sent_at + datetime.timedelta(
                hours=48 if (day == 1 and delivery.platform == platform_rules.INSTAGRAM) else 24 * day)
            snapshot = social_metrics.snapshot_for(delivery, day, metrics, taken_at)
            pending.append(snapshot)
            ledger.snapshots.append({"delivery_id": delivery.pk, "platform": delivery.platform,
                                     "account": delivery.account_name, "day": day,
                                     "posted_at": delivery.sent_at,
                                     **{name: getattr(snapshot, name) for name in snapshot.METRICS}})
        if len(pending) >= batch:
            social_metrics.store(pending)
            pending = []
    social_metrics.store(pending)


def _followers(rng, ledger, site, accounts, first_day, days):
    rows = []
    for account in accounts:
        count = rng.randrange(800, 5000)
        for offset in range(days):
            count += rng.randrange(0, 6)
            day = first_day + datetime.timedelta(days=offset)
            rows.append(FollowerCount(account=account, site=site, platform=account.platform,
                                      account_name=account.name, date=day, followers=count))
            ledger.followers.append((account.platform, account.name, day, count))
    FollowerCount.objects.bulk_create(rows, batch_size=1000)


def _views(rng, ledger, site, news_index, announcement_index, first_day, days, total):
    """Spread `total` views: a fading wave after each item's publication, plus the home and index pages daily."""
    weights = {}
    for item in ledger.items:
        popularity = rng.paretovariate(1.5)
        start = item["published_at"].date()
        for k in range(30):
            weights[(item["page_id"], start + datetime.timedelta(days=k))] = popularity * 0.85 ** k
    for page in (site.root_page, news_index, announcement_index):
        ledger.pages[page.pk] = (page.title, page.url_path)
        for offset in range(days):
            weights[(page.pk, first_day + datetime.timedelta(days=offset))] = 0.4 if page == site.root_page else 0.2
    scale = total / sum(weights.values())
    counts = {key: int(weight * scale) for key, weight in weights.items()}
    remainder = total - sum(counts.values())
    for key in sorted(weights, key=lambda k: -weights[k])[:remainder]:
        counts[key] += 1
    ledger.views = {key: n for key, n in counts.items() if n}
    by_month = {}
    for (page_id, day), n in ledger.views.items():
        by_month.setdefault((day.year, day.month), {})[(site.pk, page_id, day)] = n
    for month in sorted(by_month):  # batches, as an access-log import would bring them
        pageviews.add_many(by_month[month])
