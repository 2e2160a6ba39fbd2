"""Static publishing: build speed, serving speed, and approval-to-file latency.

1. Full build pages/second for a court with 1,000 and with 5,000 news items (every page, listing
   page, feed and the sitemap rendered through Django; files written only when changed), and the
   no-change rebuild of the larger site.
2. Requests/second for one news page served by gunicorn (2 sync workers): from the static output
   (WhiteNoise as the WSGI app) and from the dynamic Wagtail site (Django's WSGI app).
3. The Kasubag's approval of a new news item through the admin's workflow view, until its static
   file is on disk, with a real task worker (django_tasks_db `db_worker`) doing the re-render; and
   the same for the correction of a published item's body.
"""

import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings
from django.test import Client
from django.urls import reverse
from django_tasks_db.models import DBTaskResult
from wagtail.models import Page

from publishers.website import conf, parallel
from publishers.website.builder import SiteBuilder
from publishers.website.render import SiteRenderer

from . import data
from .http_load import NGINX_CONF, free_port, get, gunicorn, nginx, nginx_available, requests_per_second

NAME = "static-site"
WORKER_INTERVAL = 0.1  # seconds between the worker's polls of the task table (its default is 1)
SYNC_TASK = "publishers.website.tasks.sync_pages"


def run(ctx):
    sizes = (100, 300) if ctx.quick else (1000, 5000)
    seconds = 2 if ctx.quick else 10
    court = data.create_court()
    people = data.sop_users()
    builds = []
    loaded = 0
    for size in sizes:
        started = time.monotonic()
        data.add_news(court, size - loaded, start=loaded)
        ctx.log(f"{size} news items loaded in {time.monotonic() - started:.0f} s")
        loaded = size
        builds.append(_measure_build(ctx, court, size, 1 if ctx.quick else BUILD_RUNS))
        if len(builds) == 1:
            # The rebuild and serving runs on the smaller site, so that the whole bench stays within minutes.
            rebuild = _measure_rebuild(ctx, court, size)
            serving = _measure_serving(ctx, court, builds[0]["dir"], seconds)
    # An approval on the largest site: what one publication costs must not grow with the archive.
    approval = _measure_approval(ctx, court, people, builds[-1]["dir"], sizes[-1])
    return _markdown(ctx, builds, rebuild, serving, approval)


BUILD_RUNS = 3  # full builds per size, each into an empty directory: the median and the spread
APPROVAL_RUNS = 3  # approvals of each kind


def _spread(values):
    return {"median": statistics.median(values), "min": min(values), "max": max(values)}


def _measure_build(ctx, court, size, runs):
    _warm_renditions(court)
    seconds, rates = [], []
    for run in range(runs):
        output = Path(ctx.workdir) / f"static-{size}-{run}"
        settings.WARTA_STATIC_SITE_DIR = str(output)
        started = time.monotonic()
        summary = SiteBuilder(court.site).build_all()
        elapsed = time.monotonic() - started
        assert not summary.errors, summary.errors
        files = summary.rendered
        seconds.append(elapsed)
        rates.append(files / elapsed)
        ctx.log(f"build {size} ({run + 1}/{runs}): {files} files in {elapsed:.1f} s ({files / elapsed:.1f}/s)")
        if run < runs - 1:
            shutil.rmtree(output)
    return {"size": size, "files": files, "seconds": _spread(seconds), "rate": _spread(rates), "dir": output,
            "runs": runs,
            "assets": summary.assets_written, "load": os.getloadavg()[0]}


def _warm_renditions(court):
    """Create the image renditions first, so that build rates measure rendering, not image resizing."""
    renderer = SiteRenderer(court.site)
    for page in court.news_index.get_children().live().order_by("-path")[: len(court.images)]:
        renderer.get(page.url_path[len(court.home.url_path) - 1:])
    renderer.get("/")
    renderer.get("/berita/")


def _measure_rebuild(ctx, court, size):
    started = time.monotonic()
    summary = SiteBuilder(court.site).build_all()
    elapsed = time.monotonic() - started
    ctx.log(f"rebuild, nothing changed: {len(summary.written)} written in {elapsed:.1f} s")
    return {"size": size, "files": summary.rendered, "written": len(summary.written), "seconds": elapsed}


def _measure_serving(ctx, court, output, seconds):
    settings.WARTA_STATIC_SITE_DIR = str(output)
    page = court.news_index.get_children().live().order_by("path")[len(court.news_index.get_children()) // 2]
    path = page.url_path[len(court.home.url_path) - 1:]
    title = page.title.encode()
    host = data.HOSTNAME
    env = {"DJANGO_SETTINGS_MODULE": "bench.settings",
           "WARTA_BENCH_STATIC_ROOT": str(output / conf.site_key(court.site))}
    results = {}
    concurrency = 4
    for label, app in (("static", "bench.static_wsgi:application"), ("dynamic", "cms.wsgi:application")):
        with gunicorn(app, env, path, host) as port:
            results[label] = requests_per_second(port, path, host, seconds, concurrency, expect=title)
        ctx.log(f"{label}: {results[label]['rps']:.0f} requests/s ({results[label]['errors']} errors)")
    if nginx_available():
        with nginx(env["WARTA_BENCH_STATIC_ROOT"], ctx.workdir, path, host) as port:
            results["nginx"] = requests_per_second(port, path, host, seconds, concurrency, expect=title)
        ctx.log(f"nginx: {results['nginx']['rps']:.0f} requests/s ({results['nginx']['errors']} errors)")
    if nginx_available() and shutil.which("wrk"):
        results["gzip"] = _measure_gzip(ctx, env["WARTA_BENCH_STATIC_ROOT"], path, host, seconds)
    results["path"] = path
    results["concurrency"] = concurrency
    results["bytes"] = len((output / conf.site_key(court.site) / path.lstrip("/") / "index.html").read_bytes())
    return results


GZIP_ROUNDS = 3
DOCS_CONF = Path(__file__).resolve().parent.parent / "docs" / "nginx-static.conf"


def _gzip_directives():
    """The gzip lines of docs/nginx-static.conf (gzip_static, gzip_vary, gzip, gzip_types ...)."""
    text = DOCS_CONF.read_text(encoding="utf-8")
    return " ".join(m.group(0).replace("\n", " ") for m in re.finditer(r"^\s*gzip[^;]*;", text, re.M))


def _wrk(port, path, host, seconds):
    out = subprocess.run(
        ["wrk", "-t2", "-c8", f"-d{seconds}s", "-H", f"Host: {host}", "-H", "Accept-Encoding: gzip",
         f"http://127.0.0.1:{port}{path}"], capture_output=True, text=True, check=True).stdout
    return float(re.search(r"Requests/sec:\s*([\d.]+)", out).group(1))


def _measure_gzip(ctx, root, path, host, seconds):
    """nginx with docs/nginx-static.conf's gzip settings against nginx serving the saved file as it is, both
    asked for gzip (wrk, 8 connections), in interleaved rounds; median and range of each."""
    configs = {"saved file, no compression": "gzip off;", "docs/nginx-static.conf": _gzip_directives()}
    processes, ports, rates = [], {}, {label: [] for label in configs}
    try:
        for label, directives in configs.items():
            prefix = Path(ctx.workdir) / f"nginx-gzip-{len(ports)}"
            (prefix / "tmp").mkdir(parents=True, exist_ok=True)
            port = free_port()
            conf_text = NGINX_CONF.format(workers=2, prefix=prefix, port=port, root=root).replace(
                "index index.html index.xml;", "index index.html index.xml; charset utf-8; " + directives)
            (prefix / "nginx.conf").write_text(conf_text)
            processes.append(subprocess.Popen(["nginx", "-p", str(prefix), "-c", str(prefix / "nginx.conf"),
                                               "-g", "daemon off;"], stdout=subprocess.DEVNULL,
                                              stderr=subprocess.DEVNULL))
            for _ in range(100):
                try:
                    if get(port, path, host)[0] == 200:
                        break
                except OSError:
                    time.sleep(0.1)
            ports[label] = port
        for _round in range(GZIP_ROUNDS):
            for label, port in ports.items():
                rates[label].append(_wrk(port, path, host, seconds))
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=30)
    summary = {label: {"median": statistics.median(v), "min": min(v), "max": max(v)} for label, v in rates.items()}
    ctx.log(f"gzip requested: {summary}")
    return {"rates": summary, "load": os.getloadavg()[0], "seconds": seconds}


def _measure_approval(ctx, court, people, output, size):
    # The role users sign in with force_login, without the second step (as the test suite's do).
    settings.WARTA_REQUIRE_2FA = False
    # Only the worker started here may run tasks; the queue holds what loading enqueued (search index ...).
    DBTaskResult.objects.all().delete()
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings", "WARTA_STATIC_SITE_DIR": str(output)}
    log = open(Path(ctx.workdir) / "worker.log", "w")
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--queue-name", "default", "--interval", str(WORKER_INTERVAL),
         "--no-startup-delay", "--no-reload"],
        cwd=settings.BASE_DIR, env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    try:
        _warm_up_worker(court)
        site_dir = output / conf.site_key(court.site)
        runs = 1 if ctx.quick else APPROVAL_RUNS
        new_results, correction_results = [], []
        for run in range(runs):
            new = _new_item(court, people, run)
            new_results.append(_approve_and_wait(ctx, people, new, site_dir, "new item"))
        for run in range(runs):
            published = court.news_index.get_children().live().order_by("-path")[runs + run].specific
            published.body = [{"type": "paragraph", "value": f"<p>Isi yang sudah dikoreksi Redaktur ({run}).</p>"}]
            revision = published.save_revision(user=people["admin"])
            published.get_workflow().start(published, people["admin"])
            correction_results.append(_approve_and_wait(ctx, people, published, site_dir, "correction",
                                                        revision=revision))
    finally:
        worker.terminate()
        worker.wait(timeout=30)
        log.close()
    return {"new": _approval_spread(new_results), "correction": _approval_spread(correction_results),
            "interval": WORKER_INTERVAL, "size": size, "runs": runs}


def _approval_spread(results):
    """Medians and spreads of several approvals of one kind; the files changed are the last one's."""
    combined = {key: _spread([result[key] for result in results]) for key in ("request", "file", "done", "written")}
    combined["changed"] = results[-1]["changed"]
    return combined


def _warm_up_worker(court):
    """A long-running worker has its URLconf and templates loaded; a fresh one loads them on its first task."""
    from publishers.website.tasks import sync_pages

    profile = court.home.get_children().get(slug="profil")
    sync_pages.enqueue([profile.pk])
    _wait_for(lambda: DBTaskResult.objects.filter(task_path=SYNC_TASK, status__in=("SUCCESSFUL", "FAILED")).exists())
    DBTaskResult.objects.all().delete()


def _new_item(court, people, number):
    from cms.models import NewsPage

    suffix = f"-{number + 1}" if number else ""
    page = NewsPage(title=f"Sidang keliling di Kecamatan Maju{suffix.replace('-', ' ')}",
                    slug=f"sidang-keliling-kecamatan-maju{suffix}",
                    category=court.categories[0], lead="Pengadilan menggelar sidang keliling.",
                    hero_image=court.images[0], hero_alt="Sidang keliling",
                    body=[{"type": "paragraph", "value": "<p>Sidang dimulai pukul 09.00.</p>"}],
                    social_caption="Sidang keliling hari ini.", live=False)
    court.news_index.add_child(instance=page)
    page.tags.add("tag-1")
    page.save_revision(user=people["admin"])
    page.get_workflow().start(page, people["admin"])
    return page


def _approve_and_wait(ctx, people, page, site_dir, label, revision=None):
    """Approve every step as its role; time the Kasubag's approval until the page's file changes."""
    target = site_dir / page.url_path[len(Page.objects.get(pk=page.pk).get_site().root_page.url_path):] / "index.html"
    before = target.stat().st_mtime_ns if target.exists() else None
    clients = {name: Client() for name in people}
    for name, client in clients.items():
        client.force_login(people[name])
    while True:
        task_state = Page.objects.get(pk=page.pk).current_workflow_task_state
        if task_state is None:
            raise RuntimeError("the workflow ended before the Kasubag's approval")
        groups = {group.name for group in task_state.task.specific.groups.all()}
        approver = "kasubag" if any("Kasubag" in name for name in groups) else "redaktur"
        url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk))
        if approver == "kasubag":
            break
        assert clients[approver].post(url, {"comment": ""}).status_code == 302
    started = time.monotonic()
    response = clients["kasubag"].post(url, {"comment": ""})
    approved = time.monotonic()
    assert response.status_code == 302
    assert Page.objects.get(pk=page.pk).live
    file_at = _wait_for(lambda: target.exists() and target.stat().st_mtime_ns != before)
    done_at = _wait_for(lambda: DBTaskResult.objects.filter(task_path=SYNC_TASK, status__in=("SUCCESSFUL", "FAILED"))
                        .exists())
    result = DBTaskResult.objects.filter(task_path=SYNC_TASK).order_by("-enqueued_at").first()
    DBTaskResult.objects.all().delete()
    reports = result.return_value if result and result.status == "SUCCESSFUL" else []
    written = sum(report["written"] for report in reports or [])
    wall_start = time.time() - (time.monotonic() - started)
    changed = sorted(str(p.relative_to(site_dir)) for p in site_dir.rglob("*")
                     if p.is_file() and p.stat().st_mtime >= wall_start)
    outcome = {"request": approved - started, "file": file_at - started, "done": done_at - started,
               "written": written, "status": result.status if result else "?", "changed": changed}
    ctx.log(f"approval ({label}): file after {outcome['file']:.2f} s, "
            f"all {written} files after {outcome['done']:.2f} s: {', '.join(changed[:6])}"
            f"{' ...' if len(changed) > 6 else ''}")
    return outcome


def _wait_for(condition, timeout=600, step=0.005):
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the static file was not updated in time")
        time.sleep(step)
    return time.monotonic()


def _range(figure, digits=2, unit=" s"):
    return (f"{figure['median']:.{digits}f}{unit} ({figure['min']:.{digits}f}–{figure['max']:.{digits}f})")


def _latency_row(label, outcome):
    return (f"| {label} | {_range(outcome['request'])} | **{_range(outcome['file'])}** | {_range(outcome['done'])} "
            f"| {_range(outcome['written'], 0, '')} |")


def _gzip_rows(serving):
    if "gzip" not in serving:
        return ""
    gz = serving["gzip"]
    rows = [f"| {label} | {r['median']:.0f} ({r['min']:.0f}–{r['max']:.0f}) |" for label, r in gz["rates"].items()]
    base, ours = (r["median"] for r in gz["rates"].values())
    return ("\n**With gzip requested** (`Accept-Encoding: gzip`, wrk with 8 connections, "
            f"{GZIP_ROUNDS} interleaved rounds of {gz['seconds']} s; load average {gz['load']:.2f}):\n\n"
            "| nginx serving the page | requests/second, median (min–max) |\n|---|---:|\n" + "\n".join(rows)
            + f"\n\nRatio of the documented configuration to the saved file: **{ours / base:.2f}×** (its "
            "pre-compressed `index.html.gz`, sent by `gzip_static`).\n")


def _markdown(ctx, builds, rebuild, serving, approval):
    static, dynamic = serving["static"], serving["dynamic"]
    rows = "\n".join(
        f"| {b['size']:,} | {b['files']:,} | {_range(b['seconds'], 1)} | **{b['rate']['median']:.0f}** "
        f"({b['rate']['min']:.0f}–{b['rate']['max']:.0f}) | {b['load']:.2f} |" for b in builds
    )
    new, correction = approval["new"], approval["correction"]
    nginx_row = ""
    if "nginx" in serving:
        rps = serving["nginx"]["rps"]
        nginx_row = (f"| static output, nginx with 2 workers (docs/nginx-static.conf without TLS) | {rps:.0f} | "
                     f"{rps / dynamic['rps']:.1f}× |\n")
    return f"""
### Static publishing

{ctx.machine}{" (quick run: small sizes, short loads)" if ctx.quick else ""}

**Full build** (`SiteBuilder.build_all`, into an empty directory; files = news pages, other pages,
listing front pages and month archives, category and tag listings with theirs, feeds, sitemap, 404),
rendered in {parallel.processes()} processes (`WARTA_STATIC_BUILD_PROCESSES`); median of
{builds[0]['runs']} builds with the lowest and highest, and the load average after them:

| news items | files rendered | seconds | files/second | load |
|---:|---:|---:|---:|---:|
{rows}

Each news page's "Berita lainnya" box reads the four items before it along a date index, and a
full build flushes its files to disk once at the end; every rendered file also gets its `.gz` copy.

A second full build with nothing changed ({rebuild['size']:,} news items) rendered {rebuild['files']:,}
files and wrote {rebuild['written']} of them, in {rebuild['seconds']:.1f} s.

**Serving one news page** (`{serving['path']}`, {serving['bytes']:,} bytes), gunicorn with
2 sync workers on 127.0.0.1, {serving['concurrency']} concurrent clients, {static['seconds']:.0f} s each:

| served from | requests/second | ratio to dynamic |
|---|---:|---:|
| dynamic Wagtail site (Django WSGI app) | {dynamic['rps']:.0f} | 1.0× |
| static output (WhiteNoise WSGI app) | {static['rps']:.0f} | **{static['rps'] / dynamic['rps']:.1f}×** |
{nginx_row}
{_gzip_rows(serving)}
Errors: static {static['errors']}, dynamic {dynamic['errors']}. The first two rows use the same
server (gunicorn) and differ only in the WSGI app. The client is a Python loop on the same two
CPUs, so the fastest server is limited by the client as much as by itself.

**From the Kasubag's approval to the static file** ({approval['size']:,} news items; admin workflow
view, task queued on commit, `db_worker` polling every {approval['interval']} s; median of
{approval['runs']} approvals of each kind, with the lowest and highest):

| change | approval request | page's file updated | all affected files done | files written |
|---|---:|---:|---:|---:|
{_latency_row("new news item", new)}
{_latency_row("correction of a published item's body", correction)}

The page itself is rendered first. A new item changes the front page and the month archive of each
listing it is in (the news index, its category, its tags), the home page, the feeds and the sitemap;
no other month archive changes (a month's archive lists that month whole), and it enters no other
item's "Berita lainnya" box (each box shows the items published before its page).
A correction of the body alone re-renders the page, the feeds and the sitemap, and
rewrites only those whose bytes changed: {", ".join(f"`{path}`" for path in correction["changed"])}.
"""
