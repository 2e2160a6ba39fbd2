"""Kapasitas: free disk where the media and the database live, the database's and the media's size, growth
per month from the kept history, and the days until the disk is full at that rate."""

import datetime
import os
import shutil
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import BAIK, DISARANKAN, KAPASITAS, KRITIS, Finding
from . import Result, register

GB = 1024 ** 3
CRITICAL_FREE_SHARE, WARNING_FREE_SHARE = 0.05, 0.15
CRITICAL_DAYS, WARNING_DAYS = 30, 90


def folder_size(path):
    total = 0
    for root, _dirs, names in os.walk(path):
        for name in names:
            try:
                total += os.lstat(os.path.join(root, name)).st_size
            except OSError:
                pass
    return total


def database_size():
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_database_size(current_database())")
            return cursor.fetchone()[0]
    name = settings.DATABASES["default"]["NAME"]
    try:
        return os.path.getsize(name)
    except (OSError, TypeError):
        return None


def disk(path):
    """(total, free) bytes of the disk holding `path`. WARTA_MONITORING_DISK_BYTES caps the total an operator
    counts on (a quota below the disk's size); the free space shrinks by what the cap takes away."""
    usage = shutil.disk_usage(path)
    cap = getattr(settings, "WARTA_MONITORING_DISK_BYTES", None)
    if cap:
        used = usage.total - usage.free
        return cap, max(cap - used, 0)
    return usage.total, usage.free


def _gb(value):
    return f"{value / GB:.1f} GB".replace(".", ",")


@register("ruang_disk", KAPASITAS, _("Ruang disk"))
def disk_space(ctx):
    media = Path(settings.MEDIA_ROOT)
    media_bytes = folder_size(media) if media.exists() else 0
    db_bytes = database_size()
    total, free = disk(media if media.exists() else settings.BASE_DIR)
    now = timezone.now()
    detail = {"media_bytes": media_bytes, "db_bytes": db_bytes, "disk_total": total, "disk_free": free}
    # Growth per month from the oldest measurement kept in the last ninety days.
    earlier = (Finding.objects.filter(run__site=ctx.site, check_key="ruang_disk", run__finished_at__isnull=False,
                                      run__started_at__gte=now - datetime.timedelta(days=90))
               .order_by("run__started_at").values_list("run__started_at", "detail").first())
    growth = None
    if earlier and isinstance(earlier[1], dict) and earlier[1].get("media_bytes") is not None:
        days = (now - earlier[0]).total_seconds() / 86400
        if days >= 1:
            grown = (media_bytes + (db_bytes or 0)) - (earlier[1]["media_bytes"] + (earlier[1].get("db_bytes") or 0))
            growth = grown / days * 30
    detail["growth_per_month"] = growth
    days_left = (free / (growth / 30)) if growth and growth > 0 else None
    detail["days_left"] = None if days_left is None else int(days_left)
    sizes = _("media %(media)s, basis data %(db)s") % {"media": _gb(media_bytes),
                                                       "db": _gb(db_bytes) if db_bytes is not None else "—"}
    why = _("Bila disk penuh, unggahan, basis data dan cadangan berhenti, dan situs pengadilan bisa mati.")
    fix = _("Hapus berkas yang tidak dipakai, pindahkan media ke penyimpanan objek (docs/operations.md) atau "
            "tambah kapasitas disk bersama penyedia hosting.")
    share = free / total if total else 0
    if share < CRITICAL_FREE_SHARE or (days_left is not None and days_left < CRITICAL_DAYS):
        severity = KRITIS
    elif share < WARNING_FREE_SHARE or (days_left is not None and days_left < WARNING_DAYS):
        severity = DISARANKAN
    else:
        severity = BAIK
    title = _("Sisa disk %(free)s dari %(total)s (%(share)d%%); %(sizes)s") % {
        "free": _gb(free), "total": _gb(total), "share": share * 100, "sizes": sizes}
    if days_left is not None:
        title += _("; penuh dalam ±%(days)d hari dengan pertumbuhan saat ini") % {"days": days_left}
    yield Result(severity, title, why if severity != BAIK else "", fix if severity != BAIK else "", detail=detail)
