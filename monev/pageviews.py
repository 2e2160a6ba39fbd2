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
from pathlib import Path

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


class _CacheCounters:
    """Counters in a shared cache with atomic increments (Redis; local memory in tests). Each counter is
    registered once per day in a numbered slot, so `flush` finds them without listing keys."""

    def __init__(self, store):
        self.store = store

    def _incr(self, key, delta, known=False):
        if not known:
            self.store.add(key, 0, timeout=_TIMEOUT)
        try:
            return self.store.incr(key, delta)
        except ValueError:  # not there (evicted, expired): counted again from 0
            self.store.add(key, 0, timeout=_TIMEOUT)
            return self.store.incr(key, delta)

    @staticmethod
    def _key(day, site_id, page_id):
        return f"pv:{day.isoformat()}:{site_id}:{page_id}"

    def add(self, day, site_id, page_id, count):
        key = self._key(day, site_id, page_id)
        first = self.store.add(f"{key}:seen", 1, timeout=_TIMEOUT)
        if first:
            slot = self._incr(f"pv:{day.isoformat()}:slots", 1)
            self.store.set(f"pv:{day.isoformat()}:slot:{slot}", (site_id, page_id), timeout=_TIMEOUT)
        self._incr(key, count, known=not first)  # a counter seen today exists: one increment

    def read(self, day):
        """{(site_id, page_id): views} buffered for `day`."""
        slots = self.store.get(f"pv:{day.isoformat()}:slots") or 0
        if not slots:
            return {}
        pages = set(self.store.get_many([f"pv:{day.isoformat()}:slot:{n}" for n in range(1, slots + 1)]).values())
        keys = {self._key(day, site_id, page_id): (site_id, page_id) for site_id, page_id in pages}
        return {keys[key]: value for key, value in self.store.get_many(list(keys)).items() if value}

    def subtract(self, day, site_id, page_id, count):
        self._incr(self._key(day, site_id, page_id), -count)


class _FileCounters:
    """Counters as small files beside the file-based page cache (one host, several processes): one file per
    page and day holding a number, changed under an exclusive lock, so increments from every process add up;
    `flush` lists the day's folder."""

    def __init__(self, store):
        self.root = Path(store._dir).parent / "pageviews"

    def _path(self, day, site_id, page_id):
        return self.root / day.isoformat() / f"{int(site_id)}-{int(page_id)}"

    def _change(self, path, delta):
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "a+") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            handle.seek(0)
            value = int(handle.read() or 0) + delta
            handle.seek(0)
            handle.truncate()
            handle.write(str(value))
            return value

    def add(self, day, site_id, page_id, count):
        self._change(self._path(day, site_id, page_id), count)

    def read(self, day):
        folder = self.root / day.isoformat()
        counts = {}
        for path in folder.iterdir() if folder.is_dir() else ():
            site_id, _sep, page_id = path.name.partition("-")
            if site_id.isdigit() and page_id.isdigit():
                with open(path) as handle:
                    fcntl.flock(handle, fcntl.LOCK_SH)
                    value = int(handle.read() or 0)
                if value:
                    counts[int(site_id), int(page_id)] = value
        return counts

    def subtract(self, day, site_id, page_id, count):
        self._change(self._path(day, site_id, page_id), -count)

    def prune(self, keep_from):
        """Remove the folders of days before `keep_from` (no view is counted into them any more) once all
        their counters were written."""
        for folder in self.root.iterdir() if self.root.is_dir() else ():
            if folder.name >= keep_from.isoformat():
                continue
            files = list(folder.iterdir())
            if all(int(path.read_text() or 0) == 0 for path in files):
                for path in files:
                    path.unlink()
                folder.rmdir()


def _counters():
    store = page_cache.cache()
    return _FileCounters(store) if isinstance(store, FileBasedCache) else _CacheCounters(store)


def buffer_view(site_id, page_id, day, count=1):
    """Count views in the buffer; `flush` writes them to the daily rows."""
    _counters().add(day, site_id, page_id, count)


def flush(today=None):
    """Move the buffered views of the last BUFFER_DAYS days into the daily rows; returns the views written.

    What was read is written first and then subtracted, so views counted meanwhile stay for the next run."""
    counters = _counters()
    today = today or timezone.localdate()
    written = 0
    for back in range(BUFFER_DAYS):
        day = today - datetime.timedelta(days=back)
        counts = counters.read(day)
        if not counts:
            continue
        written += add_many({(site_id, page_id, day): views for (site_id, page_id), views in counts.items()})
        for (site_id, page_id), views in counts.items():
            counters.subtract(day, site_id, page_id, views)
    if hasattr(counters, "prune"):
        counters.prune(today - datetime.timedelta(days=BUFFER_DAYS - 1))
    return written
