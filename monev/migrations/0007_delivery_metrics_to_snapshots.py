"""Post metrics have one store, MetricSnapshot: the platform answers the daily read left in
SocialDelivery.metrics become snapshots (the day their age had reached: 1, 7 or 28), unless that
day was already taken. The normalisation is the channels' one as it stood (frozen here)."""

import datetime

from django.db import migrations

METRICS = ("views", "reach", "reactions", "comments", "shares", "saves", "clicks")


def _count(value):
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, dict):
        return sum(_count(v) or 0 for v in value.values())
    try:
        return max(0, int(value))
    except (TypeError, ValueError):
        return None


def _total(*values):
    present = [v for v in values if v is not None]
    return sum(present) if present else None


def _field_count(raw, name):
    value = raw.get(name)
    if isinstance(value, dict):
        return _count(value.get("count", (value.get("summary") or {}).get("total_count")))
    return _count(value)


def normalise(platform, raw):
    if platform == "facebook":
        return {"reach": _count(raw.get("post_total_media_view_unique")),
                "reactions": _count(raw.get("post_reactions_by_type_total")), "clicks": _count(raw.get("post_clicks")),
                "comments": _field_count(raw, "comments"), "shares": _field_count(raw, "shares")}
    if platform == "instagram":
        return {"views": _count(raw.get("views")), "reach": _count(raw.get("reach")),
                "reactions": _count(raw.get("likes")), "comments": _count(raw.get("comments")),
                "shares": _count(raw.get("shares")), "saves": _count(raw.get("saved"))}
    if platform == "x":
        return {"views": _count(raw.get("impression_count")), "reactions": _count(raw.get("like_count")),
                "comments": _count(raw.get("reply_count")),
                "shares": _total(_count(raw.get("retweet_count")), _count(raw.get("quote_count"))),
                "saves": _count(raw.get("bookmark_count"))}
    return {}


def day_of(age):
    for day in (28, 7, 1):
        if age >= datetime.timedelta(days=day):
            return day
    return 1  # read within the first day: the closest there is to a day 1 figure


def copy_metrics(apps, schema_editor):
    SocialDelivery = apps.get_model("social", "SocialDelivery")
    MetricSnapshot = apps.get_model("monev", "MetricSnapshot")
    rows = (SocialDelivery.objects.exclude(metrics={}).filter(metrics_at__isnull=False, sent_at__isnull=False)
            .only("pk", "site_id", "platform", "account_name", "sent_at", "metrics", "metrics_at").iterator())
    taken = set(MetricSnapshot.objects.values_list("delivery_id", "day"))
    new = []
    for delivery in rows:
        numbers = normalise(delivery.platform, delivery.metrics or {})
        if not any(value is not None for value in numbers.values()):
            continue
        day = day_of(delivery.metrics_at - delivery.sent_at)
        if (delivery.pk, day) in taken:
            continue
        new.append(MetricSnapshot(
            delivery_id=delivery.pk, site_id=delivery.site_id, platform=delivery.platform,
            account_name=delivery.account_name, posted_at=delivery.sent_at, day=day, taken_at=delivery.metrics_at,
            raw=delivery.metrics, latest=False, **{name: numbers.get(name) for name in METRICS}))
    MetricSnapshot.objects.bulk_create(new, batch_size=500)
    # `latest` marks each post's newest snapshot.
    touched = {snapshot.delivery_id for snapshot in new}
    newest = {}
    for delivery_id, day, pk in MetricSnapshot.objects.filter(delivery_id__in=touched).values_list(
            "delivery_id", "day", "pk"):
        if day > newest.get(delivery_id, (0, None))[0]:
            newest[delivery_id] = (day, pk)
    keep = [pk for _day, pk in newest.values()]
    MetricSnapshot.objects.filter(delivery_id__in=touched).exclude(pk__in=keep).update(latest=False)
    MetricSnapshot.objects.filter(pk__in=keep).update(latest=True)


class Migration(migrations.Migration):

    dependencies = [
        ("monev", "0006_court_archive"),
        ("publishers", "0005_models_to_own_apps"),  # the tables have their social_ names from here on
        ("social", "0002_platform_choices"),
    ]
    # The social app drops SocialDelivery.metrics once they are copied.
    run_before = [("social", "0003_delivery_metrics_moved")]

    operations = [migrations.RunPython(copy_metrics, migrations.RunPython.noop)]
