"""In-process cost of serving the dynamic site's pages as the archive grows: queries and milliseconds for a
news page, the home page and the news index, rendered (a page cache miss: the page's own entry is purged
before each request, the court-wide caches stay warm) and answered from the page cache (a hit)."""

import statistics
import time

from django.test import Client

from cms.models import NewsPage

from . import data
from .queries import QueryCount

NAME = "render"
SIZES = (100, 1_000, 10_000)
QUICK_SIZES = (100, 300)
REPEAT = 15
BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0"  # a reader: views are counted


def _measure(client, url, miss):
    from cms import page_cache

    times, counts = [], []
    client.get(url)  # warm: templates, the menu, court settings
    for _ in range(REPEAT):
        if miss:
            page_cache.purge_url(f"http://{data.HOSTNAME}{url.split('?')[0]}")
        with QueryCount() as queries:
            started = time.perf_counter()
            response = client.get(url)
            elapsed = time.perf_counter() - started
        assert response.status_code == 200, (url, response.status_code)
        times.append(elapsed * 1000)
        counts.append(queries.count)
    return statistics.median(times), max(counts)


def run(ctx):
    sizes = QUICK_SIZES if ctx.quick else SIZES
    court = data.create_court()
    client = Client(HTTP_HOST=data.HOSTNAME, HTTP_USER_AGENT=BROWSER)
    rows, have = [], 0
    for size in sizes:
        ctx.log(f"render: {size} news items")
        data.add_news(court, size - have, start=have)
        have = size
        # A category's month archive: the month of the middle item (a month holds ~90 items of the bench's
        # three a day, ~30 of a category; at the smallest size the month may not be full yet).
        month = NewsPage.objects.get(slug=f"berita-{size // 2}").date.strftime("%Y-%m")
        for label, url in (("news page", f"/berita/berita-{size // 2}/"), ("home page", "/"),
                           ("news index", "/berita/"),
                           ("news index, a category's month archive", f"/berita/?kategori=kegiatan&bulan={month}")):
            miss_ms, miss_q = _measure(client, url, miss=True)
            hit_ms, hit_q = _measure(client, url, miss=False)
            rows.append(f"| {size:,} | {label} | {miss_q} | {miss_ms:.1f} | {hit_q} | {hit_ms:.2f} |")
    return "\n".join([
        "## Dynamic site: render cost as the archive grows (in-process)",
        "",
        ctx.machine,
        "",
        "Django's test client through the full middleware stack (production settings, DEBUG off, SQLite, the page "
        "cache in files). *Rendered*: the page's cache entry is purged before each request, court-wide caches "
        "(menu, settings) stay warm; *cached*: answered by the page cache. Median of "
        f"{REPEAT} requests; queries: the most any of them ran.",
        "",
        "| news items | page | queries (rendered) | ms (rendered) | queries (cached) | ms (cached) |",
        "|---:|---|---:|---:|---:|---:|",
        *rows,
    ])
