"""Publication figures: what the court published in the period, by category, by who published it, and what
reached each channel (delivered / failed / needing a check). A fixed number of queries, whatever the volume."""

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Exists, OuterRef
from django.db.models.functions import TruncDate
from django.utils.translation import gettext as _
from wagtail.models import Page, PageLogEntry

from publishers.social.models import PLATFORM_CHOICES, DeliveryStatus

PLATFORM_LABELS = dict(PLATFORM_CHOICES)
DELIVERY_COLUMNS = {
    DeliveryStatus.SENT: "sent",
    DeliveryStatus.REMOVED: "sent",  # it went out; taken down later
    DeliveryStatus.FAILED: "failed",
    DeliveryStatus.NEEDS_CHECK: "needs_check",
}


def counted_models(site):
    from monev.models import MonevSettings

    return MonevSettings.for_site(site).counted_models()


def published_pages(site, window, models):
    """Items of the counted page types first published in the window (re-publishing an edit is not a new item).

    Index pages, the home page and standard pages (profile, services) are the site's frame, not published
    content, so the SOP's figures count news and announcements unless the court chooses more types."""
    root = site.root_page
    content_types = ContentType.objects.get_for_models(*models).values() if models else []
    return Page.objects.filter(path__startswith=root.path, depth__gt=root.depth,
                               content_type__in=[ct.pk for ct in content_types],
                               first_published_at__gte=window.start, first_published_at__lt=window.end)


def person_name(first, last, username):
    return f"{first} {last}".strip() or username or _("(tanpa nama)")


# How an item went live, as the report names it.
WORKFLOW, EMERGENCY, SYSTEM, UNRECORDED = "workflow", "emergency", "system", "unrecorded"
ROUTE_LABELS = {
    WORKFLOW: lambda: _("Persetujuan alur redaksi"),
    EMERGENCY: lambda: _("Terbit darurat (superuser)"),
    SYSTEM: lambda: _("Sistem (pemuatan data)"),
    UNRECORDED: lambda: _("Tidak tercatat"),
}
PUBLISH_ACTIONS = ("wagtail.publish", "wagtail.publish.scheduled")
SCHEDULE_ACTION = "wagtail.publish.schedule"


def publishers(pages, total):
    """Who published each item the first time, counted per person and route, from Wagtail's audit log.

    The Kasubag PTIP's approval publishes as the Kasubag; a superuser's publish outside the review is
    logged by editorial as an emergency publish; a publish with no user is the
    system's (the demo loader, imports); a scheduled item is credited to whoever scheduled it. One query."""
    from editorial.publishing import EMERGENCY_PUBLISH

    username = "user__" + get_user_model().USERNAME_FIELD
    # editorial logs the emergency with the publish's page, revision and user (its uuid is empty outside a
    # request, so the uuid alone cannot pair them).
    emergency = PageLogEntry.objects.filter(page_id=OuterRef("page_id"), revision_id=OuterRef("revision_id"),
                                            user_id=OuterRef("user_id"), action=EMERGENCY_PUBLISH)
    entries = (PageLogEntry.objects.filter(page_id__in=pages.values("pk"),
                                           action__in=(*PUBLISH_ACTIONS, SCHEDULE_ACTION))
               .annotate(emergency=Exists(emergency))
               .values_list("page_id", "action", "user_id", "user__first_name", "user__last_name", username,
                            "emergency")
               .order_by("timestamp", "pk"))
    first, scheduled = {}, {}
    for page_id, action, user_id, first_name, last_name, login, is_emergency in entries:
        if page_id in first:
            continue
        person = (user_id, person_name(first_name, last_name, login), is_emergency) if user_id else None
        if action == SCHEDULE_ACTION:
            if person:
                scheduled[page_id] = person
            continue
        if person is None and action == "wagtail.publish.scheduled":
            person = scheduled.get(page_id)
        first[page_id] = person
    counts = {}
    if total > len(first):  # items with no publish in the log (imported data, or a log cleaned up)
        counts[(None, UNRECORDED, "")] = total - len(first)
    for person in first.values():
        if person is None:
            key = (None, SYSTEM, "")
        else:
            user_id, name, is_emergency = person
            key = (user_id, EMERGENCY if is_emergency else WORKFLOW, name)
        counts[key] = counts.get(key, 0) + 1
    rows = []
    for (_user_id, route, name), count in counts.items():
        label = str(ROUTE_LABELS[route]())
        rows.append({"name": name, "route": route, "route_label": label, "count": count})
    rows.sort(key=lambda r: (-r["count"], r["name"], r["route"]))
    return rows


def compute(site, window, previous_window, buckets):
    models = counted_models(site)
    pages = published_pages(site, window, models)
    news_model = apps.get_model("cms", "NewsPage")
    is_news = {"content_type__app_label": news_model._meta.app_label,
               "content_type__model": news_model._meta.model_name}

    by_category = []
    for row in pages.values("content_type__app_label", "content_type__model").annotate(n=Count("id")).order_by():
        if row["content_type__model"] == is_news["content_type__model"] and \
                row["content_type__app_label"] == is_news["content_type__app_label"]:
            continue  # news is split by its own category below
        try:
            model = apps.get_model(row["content_type__app_label"], row["content_type__model"])
            name = str(model._meta.verbose_name).capitalize()
        except LookupError:
            name = _("Halaman")
        by_category.append({"name": name, "count": row["n"]})
    news = news_model.objects.filter(pk__in=pages.filter(**is_news).values("pk"))
    for row in news.values("category__name").annotate(n=Count("id")).order_by():
        name = _("Berita — %(category)s") % {"category": row["category__name"] or _("tanpa kategori")}
        by_category.append({"name": name, "count": row["n"]})
    by_category.sort(key=lambda r: (-r["count"], r["name"]))

    per_day = {row["day"]: row["n"] for row in pages.annotate(day=TruncDate("first_published_at", tzinfo=window.tz))
               .values("day").annotate(n=Count("id")).order_by()}
    by_bucket = [sum(n for day, n in per_day.items() if first <= day <= last) for _label, first, last in buckets]

    total = sum(by_bucket)
    return {
        "total": total,
        "previous_total": published_pages(site, previous_window, models).count(),
        "counted_types": [str(model._meta.verbose_name).capitalize() for model in models],
        "by_category": by_category,
        "by_publisher": publishers(pages, total),
        "by_bucket": by_bucket,
        "deliveries": deliveries(site, window),
    }


def deliveries(site, window):
    """Per account: deliveries created for items published in the window, by outcome."""
    from publishers.social.models import SocialDelivery

    accounts = {}
    rows = (SocialDelivery.objects.filter(site=site, created_at__gte=window.start, created_at__lt=window.end)
            .values("platform", "account_name", "status").annotate(n=Count("id")).order_by())
    for row in rows:
        key = (row["platform"], row["account_name"])
        entry = accounts.setdefault(key, {
            "platform": row["platform"], "platform_label": str(PLATFORM_LABELS.get(row["platform"], row["platform"])),
            "account": row["account_name"], "sent": 0, "failed": 0, "needs_check": 0, "other": 0, "total": 0,
        })
        entry[DELIVERY_COLUMNS.get(row["status"], "other")] += row["n"]
        entry["total"] += row["n"]
    return sorted(accounts.values(), key=lambda r: (r["platform_label"], r["account"]))
