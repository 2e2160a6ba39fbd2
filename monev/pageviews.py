"""Privacy-friendly page view counting, aggregated on write into daily counters.

Counted: a successful GET of a live public page by something that does not
look like a bot. Stored: page, day, count. Nothing about the reader.

A view costs the reader no database write: it is added to a counter in the page cache's store (Redis
with REDIS_URL, atomic increments), and the minute job `monev_pageviews_flush` moves the counters into
the daily rows (`flush`). Each counter is registered once per day in a numbered slot, so the job finds
every counter of the last days without listing keys; it writes what it read and then subtracts that
from the counter, so views added meanwhile stay for the next run. A job that dies between the write
and the subtraction counts those views again on its next run; views wait at most BUFFER_DAYS days for
a scheduler that is down.
"""

import datetime
import fcntl
import re
import threading

from django.core.cache.backends.filebased import FileBasedCache
from django.db import connection, transaction
from django.utils import timezone

from cms import page_cache

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
        from wagtail.models import Site

        site = Site.find_for_request(request)
        site = site if site is not None and page.path.startswith(site.root_page.path) else page.get_site()
        if site is not None:
            buffer_view(site.pk, page.pk, timezone.localdate())


def record_ids(site_id, page_id, request):
    """A view of a page answered without rendering it (the page cache: a GET answered with 200)."""
    if not is_bot(request.META.get("HTTP_USER_AGENT", "")):
        buffer_view(site_id, page_id, timezone.localdate())


# --- the buffer -----------------------------------------------------------------------------------------

BUFFER_DAYS = 3
_TIMEOUT = (BUFFER_DAYS + 1) * 24 * 60 * 60
_file_lock = threading.Lock()


def _store():
    return page_cache.cache()


def _incr(store, key, delta):
    """An atomic increment (creating the key at 0): Redis and local memory are; the file store is made so."""
    if isinstance(store, FileBasedCache):
        with _file_lock, open(f"{store._dir}/.pageviews.lock", "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            value = (store.get(key) or 0) + delta
            store.set(key, value, timeout=_TIMEOUT)
            return value
    store.add(key, 0, timeout=_TIMEOUT)
    try:
        return store.incr(key, delta)
    except ValueError:  # gone between the two calls: counted again from 0
        store.add(key, 0, timeout=_TIMEOUT)
        return store.incr(key, delta)


def _counter(day, site_id, page_id):
    return f"pv:{day.isoformat()}:{site_id}:{page_id}"


def buffer_view(site_id, page_id, day, count=1):
    """Count views in the store; `flush` writes them to the daily rows."""
    store = _store()
    key = _counter(day, site_id, page_id)
    if store.add(f"{key}:seen", 1, timeout=_TIMEOUT):
        slot = _incr(store, f"pv:{day.isoformat()}:slots", 1)
        store.set(f"pv:{day.isoformat()}:slot:{slot}", (site_id, page_id), timeout=_TIMEOUT)
    _incr(store, key, count)


def flush(today=None):
    """Move the buffered views of the last BUFFER_DAYS days into the daily rows; returns the views written."""
    store = _store()
    today = today or timezone.localdate()
    written = 0
    for back in range(BUFFER_DAYS):
        day = today - datetime.timedelta(days=back)
        slots = store.get(f"pv:{day.isoformat()}:slots") or 0
        if not slots:
            continue
        pages = set(store.get_many([f"pv:{day.isoformat()}:slot:{n}" for n in range(1, slots + 1)]).values())
        keys = {_counter(day, site_id, page_id): (site_id, page_id) for site_id, page_id in pages}
        counts = {key: value for key, value in store.get_many(list(keys)).items() if value}
        if not counts:
            continue
        written += add_many({(*keys[key], day): value for key, value in counts.items()})
        for key, value in counts.items():
            _incr(store, key, -value)
    return written

