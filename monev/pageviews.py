"""Privacy-friendly page view counting, aggregated on write into daily counters.

Counted: a successful GET of a live public page by something that does not
look like a bot. Stored: page, day, count. Nothing about the reader.
"""

import re

from django.db import connection, transaction
from django.utils import timezone

from .models import PageViewDaily

# Crawlers, link previewers, uptime checks and scripts identify themselves in
# the user agent; a request without one is not a reader either.
BOT_RE = re.compile(
    r"bot|crawl|spider|slurp|archiver|preview|facebookexternalhit|whatsapp|telegram|"
    r"curl|wget|python|java/|go-http|httpclient|okhttp|headless|lighthouse|pingdom|uptime|monitor|scan",
    re.IGNORECASE,
)


def is_bot(user_agent):
    return not user_agent or bool(BOT_RE.search(user_agent))


# Django's ORM cannot add to a counter on conflict (bulk_create's update_conflicts only overwrites),
# so the upsert is written out; the syntax is the same on PostgreSQL and SQLite >= 3.24.
UPSERT = (
    "INSERT INTO {table} (site_id, page_id, date, views) VALUES (%s, %s, %s, %s) "
    "ON CONFLICT (page_id, date) DO UPDATE SET views = {table}.views + excluded.views"
)
BATCH = 2000


def add_views(site_id, page_id, day, count=1):
    """Add `count` views to one page's counter for `day` (one statement, safe under concurrent requests)."""
    add_many({(site_id, page_id, day): count})


def add_many(counts):
    """counts: {(site_id, page_id, date): views}, e.g. from a log import; written in batches of upserts."""
    sql = UPSERT.format(table=connection.ops.quote_name(PageViewDaily._meta.db_table))
    rows = [(site_id, page_id, connection.ops.adapt_datefield_value(day), views)
            for (site_id, page_id, day), views in counts.items() if views]
    with transaction.atomic(), connection.cursor() as cursor:
        for start in range(0, len(rows), BATCH):
            cursor.executemany(sql, rows[start:start + BATCH])
    return sum(row[3] for row in rows)


def should_count(request, response):
    return (
        request.method == "GET"
        and response.status_code == 200
        and not getattr(request, "is_preview", False)
        and not getattr(request, "warta_static_render", False)
        and not is_bot(request.META.get("HTTP_USER_AGENT", ""))
    )


def record(page, request, response):
    if should_count(request, response):
        site = page.get_site()
        if site is not None:
            add_views(site.pk, page.pk, timezone.localdate())


def record_ids(site_id, page_id, request):
    """A view of a page answered without rendering it (the page cache: a GET answered with 200)."""
    if not is_bot(request.META.get("HTTP_USER_AGENT", "")):
        add_views(site_id, page_id, timezone.localdate())

