"""Monev: ingesting page views, and building the year report as HTML and PDF.

1. Page view ingestion into the daily counters: batched upserts (monev.pageviews.add_many, the path
   of the access-log import and of the test data), the nginx access-log import of the static site
   (monev.access_log.import_log), and one counted page view on the dynamic site (the on_serve_page
   hook's single upsert).
2. The year report of a court with a small and a large year of data (monev.sample_year: items,
   editorial steps, deliveries, metric snapshots, followers and page views): queries and time of
   the figures, of the admin page (HTML) and of the PDF export. The query count must not grow
   with the number of items.
"""

import datetime
import io
import shutil
import statistics
import subprocess
import time
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.models import Page, Site

from bench.queries import QueryCount
from cms.models import AnnouncementIndexPage, HomePage, NewsIndexPage
from monev import pageviews, report, sample_year
from monev.access_log import import_log
from monev.models import PageViewDaily
from monev.periods import Period

NAME = "monev"
BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130 Safari/537.36"
YEAR = 2026


def run(ctx):
    sizes = ((40, 50_000), (150, 200_000)) if ctx.quick else ((100, 100_000), (1000, 1_000_000))
    log_lines = 20_000 if ctx.quick else 200_000
    courts = []
    for number, (items, views) in enumerate(sizes):
        site, news, announcements = _court(number)
        started = time.monotonic()
        ledger = sample_year.build(site, news, announcements, year=YEAR, items=items, total_views=views,
                                   seed=number + 1)
        built = time.monotonic() - started
        ctx.log(f"court {number}: {items} items, {len(ledger.deliveries)} deliveries, {len(ledger.snapshots)} "
                f"snapshots, {views:,} page views in {len(ledger.views):,} daily rows, built in {built:.0f} s")
        courts.append({"site": site, "ledger": ledger, "items": items, "views": views, "built": built})
    ingest = _measure_ingest(ctx, courts[-1]["site"], log_lines)
    reports = [_measure_report(ctx, court) for court in courts]
    return _markdown(ctx, courts, ingest, reports)


def _court(number):
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title=f"Pengadilan Negeri Monev {number}", slug=f"pn-monev-{number}"))
    site = Site.objects.create(hostname=f"pn-monev-{number}.test", port=80, root_page=home,
                               site_name=f"PN Monev {number}")
    news = home.add_child(instance=NewsIndexPage(title="Berita", slug="berita"))
    announcements = home.add_child(instance=AnnouncementIndexPage(title="Pengumuman", slug="pengumuman"))
    return site, news, announcements


def _measure_ingest(ctx, site, log_lines):
    pages = list(Page.objects.live().descendant_of(site.root_page).values_list("pk", "url_path")[:200])
    first_day = datetime.date(YEAR + 1, 1, 1)  # days of their own, after the sample year's rows

    # Batched upserts: one month of 200 pages, all new rows, then the same keys again (increments).
    counts = {(site.pk, pk, first_day + datetime.timedelta(days=d)): 7 for pk, _path in pages for d in range(30)}
    results = {}
    for label in ("insert", "increment"):
        started = time.monotonic()
        pageviews.add_many(counts)
        results[label] = len(counts) / (time.monotonic() - started)

    # One counted view (what a reader's request adds on the dynamic site), repeated.
    samples = []
    page_id = pages[0][0]
    for _ in range(2000):
        started = time.perf_counter()
        pageviews.add_views(site.pk, page_id, first_day, 1)
        samples.append(time.perf_counter() - started)
    results["single_ms"] = statistics.median(samples) * 1000

    # The static site's access log, nginx "combined" format, 10 % bots and assets.
    tz = ZoneInfo("Asia/Jakarta")
    root = site.root_page.url_path
    lines = []
    for number in range(log_lines):
        _pk, url_path = pages[number % len(pages)]
        path = "/" + url_path[len(root):]
        agent = "Googlebot/2.1" if number % 10 == 0 else BROWSER
        if number % 10 == 5:
            path = "/static/cms/css/site.css"
        when = datetime.datetime(YEAR + 1, 2, 1, tzinfo=tz) + datetime.timedelta(seconds=number * 3)
        lines.append(f'203.0.113.{number % 250} - - [{when:%d/%b/%Y:%H:%M:%S %z}] "GET {path} HTTP/1.1" 200 5120 '
                     f'"-" "{agent}"\n')
    log = io.BytesIO("".join(lines).encode())
    february = PageViewDaily.objects.filter(site=site, date__gte=datetime.date(YEAR + 1, 2, 1))
    before = february.count()
    started = time.monotonic()
    read, counted = import_log(site, log, tz)
    results["log_lines_per_s"] = read / (time.monotonic() - started)
    results["log_lines"], results["log_counted"] = read, counted
    results["log_rows"] = february.count() - before
    ctx.log(f"ingest: {results}")
    return results


def _pages(pdf):
    if not shutil.which("pdfinfo"):
        return "?"
    info = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True, text=False).stdout.decode()
    return next((line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")), "?")


def _timed(func, repeat=3):
    best = None
    for _ in range(repeat):
        started = time.monotonic()
        value = func()
        elapsed = time.monotonic() - started
        best = elapsed if best is None else min(best, elapsed)
    return best, value


def _measure_report(ctx, court):
    site, period = court["site"], Period.of("tahun", YEAR)
    report.compute(site, period)  # creates the court's settings rows once
    with QueryCount() as queries:
        report.compute(site, period)
    figures_time, _figures = _timed(lambda: report.compute(site, period))

    user, _created = get_user_model().objects.get_or_create(username="bench-monev", defaults={
        "is_superuser": True, "is_staff": True, "email": "monev@pn-contoh.test"})
    client = Client()
    client.force_login(user)
    query = {"situs": site.pk, "jenis": "tahun", "tahun": YEAR}
    client.get("/admin/monev/laporan/", query)
    with QueryCount() as page_queries:
        response = client.get("/admin/monev/laporan/", query)
    assert response.status_code == 200, response.status_code
    html_time, html = _timed(lambda: client.get("/admin/monev/laporan/", query).content)
    pdf_time, pdf = _timed(lambda: client.get("/admin/monev/laporan/unduh/pdf/", query).content, repeat=2)
    xlsx_time, _xlsx = _timed(lambda: client.get("/admin/monev/laporan/unduh/xlsx/", query).content, repeat=2)
    result = {"queries": queries.count, "page_queries": page_queries.count, "figures_s": figures_time,
              "html_s": html_time, "html_kb": len(html) / 1024, "pdf_s": pdf_time, "pdf_kb": len(pdf) / 1024,
              "pdf_pages": _pages(pdf), "xlsx_s": xlsx_time}
    ctx.log(f"report of {court['items']} items: {result}")
    return result


def _markdown(ctx, courts, ingest, reports):
    lines = [
        "## Monev: page view ingestion and the year report",
        "",
        ctx.machine,
        "",
        "### Page view ingestion (daily counters, aggregated on write)",
        "",
        "| path | rate |",
        "|---|---|",
        f"| batched upsert `pageviews.add_many`, new (page, day) rows | {ingest['insert']:,.0f} rows/s |",
        f"| batched upsert, existing rows (increment) | {ingest['increment']:,.0f} rows/s |",
        f"| one counted view on the dynamic site (`add_views`, median) | {ingest['single_ms']:.2f} ms |",
        f"| static site: nginx access-log import (`import_access_log`) | {ingest['log_lines_per_s']:,.0f} lines/s "
        f"({ingest['log_lines']:,} lines → {ingest['log_counted']:,} views in {ingest['log_rows']:,} daily rows) |",
        "",
        "Each row holds one page's views of one day, so the table grows with pages × days, not with "
        "traffic: a million views of the sample year are "
        f"{len(courts[-1]['ledger'].views):,} rows.",
        "",
        "### Year report (figures, admin page, PDF)",
        "",
        "| items | deliveries | metric snapshots | page views (daily rows) | queries (figures) | queries (admin page) "
        "| figures | admin page (HTML) | PDF export | XLSX export |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for court, result in zip(courts, reports):
        ledger = court["ledger"]
        lines.append(
            f"| {court['items']:,} | {len(ledger.deliveries):,} | {len(ledger.snapshots):,} | "
            f"{court['views']:,} ({len(ledger.views):,}) | {result['queries']} | {result['page_queries']} | "
            f"{result['figures_s'] * 1000:.0f} ms | {result['html_s'] * 1000:.0f} ms ({result['html_kb']:.0f} KB) | "
            f"{result['pdf_s']:.1f} s ({result['pdf_kb']:.0f} KB, {result['pdf_pages']} pages) | "
            f"{result['xlsx_s'] * 1000:.0f} ms |"
        )
    same = len({r["queries"] for r in reports}) == 1 and len({r["page_queries"] for r in reports}) == 1
    lines += [
        "",
        ("The number of queries is the same for both sizes: the figures come from aggregate queries "
         "(percentiles from one sorted list per report)." if same else
         "**The number of queries differs between the sizes: a query runs per item somewhere.**"),
        "Times are the best of 3 runs (PDF and XLSX: of 2) on SQLite; the PDF is rendered by WeasyPrint "
        "with server-side SVG charts.",
    ]
    return "\n".join(lines)
