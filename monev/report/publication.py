"""Publication figures: what the court published in the period, by category, by author, and what reached each
channel (delivered / failed / needing a check). A fixed number of aggregate queries, whatever the volume."""

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db.models import Count
from django.db.models.functions import TruncDate
from django.utils.translation import gettext as _
from wagtail.models import Page

from publishers.models import PLATFORM_CHOICES, DeliveryStatus

PLATFORM_LABELS = dict(PLATFORM_CHOICES)
DELIVERY_COLUMNS = {
    DeliveryStatus.SENT: "sent",
    DeliveryStatus.REMOVED: "sent",  # it went out; taken down later
    DeliveryStatus.FAILED: "failed",
    DeliveryStatus.NEEDS_CHECK: "needs_check",
}


def published_pages(site, window):
    """Pages of the court first published in the window (re-publishing an edit is not a new item)."""
    root = site.root_page
    return Page.objects.filter(path__startswith=root.path, depth__gt=root.depth,
                               first_published_at__gte=window.start, first_published_at__lt=window.end)


def person_name(first, last, username):
    return f"{first} {last}".strip() or username or _("(tanpa nama)")


def compute(site, window, previous_window, buckets):
    pages = published_pages(site, window)
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

    username = "owner__" + get_user_model().USERNAME_FIELD
    by_author = [
        {"name": person_name(row["owner__first_name"], row["owner__last_name"], row[username]), "count": row["n"]}
        for row in pages.values("owner_id", "owner__first_name", "owner__last_name", username)
        .annotate(n=Count("id")).order_by()
    ]
    by_author.sort(key=lambda r: (-r["count"], r["name"]))

    per_day = {row["day"]: row["n"] for row in pages.annotate(day=TruncDate("first_published_at", tzinfo=window.tz))
               .values("day").annotate(n=Count("id")).order_by()}
    by_bucket = [sum(n for day, n in per_day.items() if first <= day <= last) for _label, first, last in buckets]

    return {
        "total": sum(by_bucket),
        "previous_total": published_pages(site, previous_window).count(),
        "by_category": by_category,
        "by_author": by_author,
        "by_bucket": by_bucket,
        "deliveries": deliveries(site, window),
    }


def deliveries(site, window):
    """Per account: deliveries created for items published in the window, by outcome."""
    from publishers.models import SocialDelivery

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
