"""The dynamic court site against stock Wagtail, side by side in one run.

Both sites are served by gunicorn (2 sync workers, production settings, DEBUG off) and loaded by wrk
(`wrk -t2 -c32`), one after the other, interleaved, three rounds (the median is reported with the
spread): a news page, the home page and the news index, on SQLite and on PostgreSQL. Stock Wagtail is
built by the bench itself (bench/stock.py) with the same pinned Wagtail and Django and the same number of
news pages. A last part serves every page type from one Warta worker and reads its resident memory after
100 and after 10,000 requests.

Run on its own with `python -m bench --only dynamic`. `BENCH_PG_URL` names the PostgreSQL server
(default postgres://postgres@127.0.0.1:5432/postgres); without a reachable server that half is skipped.
"""

import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import threading
import uuid
from contextlib import ExitStack, contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from . import stock
from .http_load import get, gunicorn

NAME = "dynamic"
OWN_DATABASE = True
ITEMS = 200
ROUNDS = 3
SECONDS = 10
CONNECTIONS = 32
RSS_REQUESTS = (100, 10_000)
REPO = Path(__file__).resolve().parent.parent
WARTA_HOST = "pn-contoh.test"
PAGES = (("news", "/berita/berita-100/", stock.NEWS_PATH), ("home", "/", stock.HOME_PATH),
         ("index", "/berita/", stock.INDEX_PATH))


# --- the Warta side: its own database, filled in a process of its own -----------------------------------------


def _prepare_warta():
    """In a child process with DATABASE_URL set: migrate and add one court with ITEMS news items."""
    import django

    django.setup()
    from django.core.management import call_command

    from . import data

    call_command("migrate", verbosity=0)
    court = data.create_court()
    data.add_news(court, int(os.environ.get("BENCH_DYNAMIC_ITEMS", ITEMS)))


def _warta_env(workdir, database_url, label):
    media = Path(workdir) / f"media-{label}"
    media.mkdir(exist_ok=True)
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings", "DATABASE_URL": database_url,
           "MEDIA_ROOT": str(media), "WARTA_VAR_DIR": str(Path(workdir) / f"var-{label}"),
           "BENCH_DYNAMIC_ITEMS": str(ITEMS)}
    env.pop("REDIS_URL", None)
    return env


def _build_warta(ctx, env):
    ctx.log(f"dynamic: Warta court with {ITEMS} news items in {env['DATABASE_URL'].split('/')[-1]}")
    subprocess.run([sys.executable, "-m", "bench.dynamic", "--prepare"], env=env, cwd=REPO, check=True)


# --- databases ------------------------------------------------------------------------------------------------


def _pg_server():
    url = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432/postgres")
    try:
        import psycopg

        parts = urlsplit(url)
        with psycopg.connect(urlunsplit(("postgresql",) + tuple(parts[1:])), connect_timeout=3):
            return url
    except Exception:  # noqa: BLE001 - any failure means "no server to measure on"
        return None


@contextmanager
def _pg_database(server, purpose):
    import psycopg

    parts = urlsplit(server)
    conninfo = urlunsplit(("postgresql",) + tuple(parts[1:]))
    name = f"warta_bench_{purpose}_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(conninfo, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urlunsplit((parts.scheme, parts.netloc, f"/{name}", parts.query, parts.fragment))
    finally:
        with psycopg.connect(conninfo, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


# --- load -----------------------------------------------------------------------------------------------------


def wrk(port, path, host, seconds, connections=CONNECTIONS):
    """One wrk run: requests/second, p99 latency in ms and the count of non-2xx answers and socket errors."""
    out = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "-H", f"Host: {host}",
         f"http://127.0.0.1:{port}{path}"],
        check=True, capture_output=True, text=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p99 = re.search(r"^\s+99%\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
    scale = {"us": 0.001, "ms": 1, "s": 1000}
    errors = sum(int(n) for n in re.findall(r"(?:Non-2xx or 3xx responses|connect|read|write|timeout)\s*:?\s*(\d+)",
                                             out))
    return {"rps": rps, "p99_ms": float(p99.group(1)) * scale[p99.group(2)] if p99 else None, "errors": errors}


def _side_by_side(ctx, warta_port, stock_port, rounds, seconds):
    """Interleaved: for each round, each page, Warta then stock. Returns {page: {"warta": [...], "stock": [...]}}."""
    runs = {page: {"warta": [], "stock": []} for page, _w, _s in PAGES}
    for round_number in range(rounds):
        for page, warta_path, stock_path in PAGES:
            for side, port, path, host in (("warta", warta_port, warta_path, WARTA_HOST),
                                           ("stock", stock_port, stock_path, stock.HOSTNAME)):
                for _ in range(20):  # warm-up: imports, templates, renditions, caches
                    get(port, path, host)
                result = wrk(port, path, host, seconds)
                runs[page][side].append(result)
                ctx.log(f"dynamic: round {round_number + 1} {page} {side}: {result['rps']:.0f} req/s, "
                        f"p99 {result['p99_ms']} ms")
    return runs


def _summary(runs):
    rows = {}
    for page, sides in runs.items():
        warta = [r["rps"] for r in sides["warta"]]
        base = [r["rps"] for r in sides["stock"]]
        rows[page] = {
            "warta": statistics.median(warta), "warta_spread": (min(warta), max(warta)),
            "stock": statistics.median(base), "stock_spread": (min(base), max(base)),
            "ratio": statistics.median(warta) / statistics.median(base),
            "warta_p99": statistics.median(r["p99_ms"] for r in sides["warta"]),
            "stock_p99": statistics.median(r["p99_ms"] for r in sides["stock"]),
            "errors": sum(r["errors"] for side in sides.values() for r in side),
        }
    return rows


# --- memory ---------------------------------------------------------------------------------------------------


def _worker_pids(master_port):
    out = subprocess.run(["pgrep", "-f", f"gunicorn.*127.0.0.1:{master_port}"], capture_output=True, text=True)
    pids = [int(pid) for pid in out.stdout.split()]
    # the master is the oldest: the one whose parent is not another of these
    parents = {pid: int(Path(f"/proc/{pid}/stat").read_text().split()[3]) for pid in pids}
    return [pid for pid in pids if parents[pid] in pids]


def _rss_kib(pid):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def _memory(ctx, env, quick):
    """RSS of one worker after 100 and after 10,000 requests over every page type."""
    paths = ["/", "/berita/", "/berita/?kategori=kegiatan", "/pengumuman/", "/profil/", "/feed/rss/", "/feed/atom/",
             "/sitemap.xml"] + [f"/berita/berita-{n}/" for n in range(ITEMS)]
    targets = (100, 1_000) if quick else RSS_REQUESTS
    readings = {}
    with gunicorn("cms.wsgi:application", env, "/", WARTA_HOST, workers=1) as port:
        (pid,) = _worker_pids(port)
        sent = 0
        lock = threading.Lock()
        for target in targets:
            def client(target=target):
                nonlocal sent
                while True:
                    with lock:
                        if sent >= target:
                            return
                        number = sent
                        sent += 1
                    get(port, paths[number % len(paths)], WARTA_HOST)

            threads = [threading.Thread(target=client) for _ in range(4)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            readings[target] = _rss_kib(pid)
            ctx.log(f"dynamic: worker RSS after {target:,} requests: {readings[target] / 1024:.1f} MiB")
    return readings


# --- the section ----------------------------------------------------------------------------------------------


def run(ctx):
    if not shutil.which("wrk"):
        return "## Dynamic site against stock Wagtail\n\nSkipped: `wrk` is not installed (Debian package `wrk`)."
    rounds, seconds = (1, 2) if ctx.quick else (ROUNDS, SECONDS)
    results = {}
    databases = [("SQLite", None)]
    server = _pg_server()
    if server:
        databases.append(("PostgreSQL", server))
    memory = {}
    for label, server_url in databases:
        with ExitStack() as stack:
            if server_url:
                warta_url = stack.enter_context(_pg_database(server_url, "dynamic"))
                stock_url = stack.enter_context(_pg_database(server_url, "stock"))
            else:
                warta_url = f"sqlite:///{Path(ctx.workdir) / 'dynamic.sqlite3'}"
                stock_url = f"sqlite:///{Path(ctx.workdir) / 'stock.sqlite3'}"
            env = _warta_env(ctx.workdir, warta_url, label.lower())
            _build_warta(ctx, env)
            _folder, stock_env = stock.build(ctx.workdir, stock_url, ITEMS, log=ctx.log)
            warta_port = stack.enter_context(gunicorn("cms.wsgi:application", env, "/", WARTA_HOST))
            stock_port = stack.enter_context(gunicorn("stock.wsgi:application", stock_env, "/", stock.HOSTNAME))
            results[label] = _summary(_side_by_side(ctx, warta_port, stock_port, rounds, seconds))
            if label == "SQLite":
                stack.close()
                memory = _memory(ctx, env, ctx.quick)
    print(json.dumps({"results": results, "memory": memory}, default=str))
    return _markdown(ctx, results, memory, rounds, seconds, server is not None)


def _markdown(ctx, results, memory, rounds, seconds, had_pg):
    lines = [
        "### Dynamic site against stock Wagtail",
        "",
        ctx.machine,
        "",
        f"gunicorn with 2 sync workers for each site (production settings, DEBUG off), loaded with `wrk -t2 "
        f"-c{CONNECTIONS} -d{seconds}s` on the same two CPUs; {ITEMS} news items in each. Interleaved: in each of "
        f"{rounds} rounds every page is loaded on Warta, then on stock Wagtail (`wagtail start` plus the tutorial's "
        "news index and news page, built by `bench/stock.py`). Medians, with the lowest and highest run. Warta "
        "answers from its page cache after the first request (what a reader meets between two publications); "
        "what a render costs when the cache has been purged is in the render section.",
        "",
        "| database | page | Warta req/s (spread) | stock req/s (spread) | **ratio** | p99 Warta / stock (ms) |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for database, rows in results.items():
        for page, row in rows.items():
            low, high = row["warta_spread"]
            lines.append(
                f"| {database} | {page} | {row['warta']:.0f} ({low:.0f}–{high:.0f})"
                f" | {row['stock']:.0f} ({row['stock_spread'][0]:.0f}–{row['stock_spread'][1]:.0f})"
                f" | **{row['ratio']:.1f}×** | {row['warta_p99']:.0f} / {row['stock_p99']:.0f} |")
    errors = sum(row["errors"] for rows in results.values() for row in rows.values())
    lines += ["", f"Non-2xx answers and socket errors in all runs: {errors}."]
    if not had_pg:
        lines += ["", "PostgreSQL was not reachable (BENCH_PG_URL): its rows are missing."]
    if memory:
        (first, first_kib), (last, last_kib) = list(memory.items())[0], list(memory.items())[-1]
        lines += [
            "",
            f"**Memory**: one Warta worker (SQLite) serving every page type in turn (home, indexes, {ITEMS} news "
            f"pages, feeds, sitemap): resident set {first_kib / 1024:.1f} MiB after {first:,} requests, "
            f"{last_kib / 1024:.1f} MiB after {last:,} (**{(last_kib / first_kib - 1) * 100:+.0f}%**).",
        ]
    return "\n".join(lines)


if __name__ == "__main__":
    if sys.argv[1:] == ["--prepare"]:
        sys.path.insert(0, str(REPO))
        _prepare_warta()
    else:
        raise SystemExit("usage: python -m bench.dynamic --prepare (run by python -m bench --only dynamic)")
