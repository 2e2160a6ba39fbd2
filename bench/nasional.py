"""Nasional: the directorate's national table of every court's figures for a quarter, as the number of courts grows.

The section runs in a process of its own on a database of its own: a fresh SQLite file in the bench's
temporary directory, or, when BENCH_DATABASE_URL names a PostgreSQL server, a throwaway database created
on that server and dropped afterwards (the URL's own database is only used to connect). The national data
set is generated with nasional.generate in steps (10 courts, then 90 more to 100, then 800 more to 900;
chunks of 25 courts per transaction), and after each step the table of one quarter is asked for:

- the figures alone (nasional.figures.compute),
- the admin table (/admin/rekap-nasional/) through a test client logged in as a member of the Biro Hukum
  dan Humas MA group (it reads every court),
- its XLSX export (?export=xlsx).

Each is timed (best of 3, after one warm-up request) and its queries counted: the count must be the same
for every size.

    BENCH_NASIONAL_SIZES=10,100,900   numbers of courts, growing (default 10,100,900; --quick: 5,20)
    BENCH_NASIONAL_ITEMS=12           published items per court over the generated year (default 12)
    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres   PostgreSQL instead of SQLite

Run alone: `.venv/bin/python -m bench --only nasional`.
"""

import io
import json
import os
import sqlite3
import subprocess
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

NAME = "nasional"
OWN_DATABASE = True  # the bench's shared database is left alone (bench/__main__.py)
YEAR = 2025
QUARTER = 2
DEFAULT_SIZES = (10, 100, 900)
QUICK_SIZES = (5, 20)
DEFAULT_ITEMS = 12  # per court and year: about 3 in the quarter measured
URL = "/admin/rekap-nasional/"
RESULT = "NASIONAL-RESULT "


def settings_from_env(quick):
    sizes = os.environ.get("BENCH_NASIONAL_SIZES")
    sizes = tuple(int(n) for n in sizes.split(",")) if sizes else (QUICK_SIZES if quick else DEFAULT_SIZES)
    if any(b <= a for a, b in zip(sizes, sizes[1:])) or sizes[0] < 1:
        raise SystemExit("BENCH_NASIONAL_SIZES must be growing numbers of courts, e.g. 10,100,900")
    items = int(os.environ.get("BENCH_NASIONAL_ITEMS", DEFAULT_ITEMS))
    return sizes, items


def section_name():
    """The README block these figures go to: the default run's, or one per other database / volume, so a full-size
    PostgreSQL run is kept beside the default one."""
    _sizes, items = settings_from_env(False)
    if not os.environ.get("BENCH_DATABASE_URL") and items == DEFAULT_ITEMS:
        return NAME
    vendor = "postgresql" if os.environ.get("BENCH_DATABASE_URL") else "sqlite"
    return f"{NAME}-{vendor}-{items}"


# --- in the bench's process: a database of its own, the worker process, the figures as markdown --------------


def run(ctx):
    sizes, items = settings_from_env(ctx.quick)
    server = os.environ.get("BENCH_DATABASE_URL")
    if server:
        url, drop = _postgres_database(ctx, server)
    else:
        url, drop = f"sqlite:///{Path(ctx.workdir) / 'nasional.sqlite3'}", None
    env = dict(os.environ, DATABASE_URL=url)
    command = [sys.executable, "-m", "bench.nasional", "--items", str(items),
               "--sizes", ",".join(str(n) for n in sizes)]
    results, info = [], {}
    try:
        with subprocess.Popen(command, env=env, stdout=subprocess.PIPE, text=True,
                              cwd=Path(__file__).resolve().parent.parent) as worker:
            for line in worker.stdout:
                if line.startswith(RESULT):
                    entry = json.loads(line[len(RESULT):])
                    if "database" in entry:
                        info = entry
                    else:
                        results.append(entry)
                else:
                    print(line, end="", flush=True)
        if worker.returncode:
            raise RuntimeError(f"the nasional worker failed ({worker.returncode})")
    finally:
        if drop:
            drop()
    return _markdown(ctx, info, items, results)


def _postgres_database(ctx, server):
    """A throwaway database on the server BENCH_DATABASE_URL names: (its URL, a function that drops it)."""
    import psycopg

    parts = urlsplit(server)
    if parts.scheme not in ("postgres", "postgresql", "pgsql"):
        raise SystemExit("BENCH_DATABASE_URL must be a PostgreSQL URL (postgres://user@host:port/database)")
    name = f"warta_bench_nasional_{uuid.uuid4().hex[:8]}"
    conninfo = urlunsplit(("postgresql",) + tuple(parts[1:]))
    with psycopg.connect(conninfo, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    ctx.log(f"nasional: PostgreSQL database {name} on {parts.hostname}:{parts.port or 5432}")

    def drop():
        with psycopg.connect(conninfo, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    return urlunsplit((parts.scheme, parts.netloc, f"/{name}", parts.query, parts.fragment)), drop


def _markdown(ctx, info, items, results):
    lines = [
        f"## Nasional: the national table as the number of courts grows ({info.get('database', '?').split()[0]}, "
        f"{items} items per court)",
        "",
        ctx.machine,
        f"Database: {info.get('database', '?')}.",
        "",
        f"Generated with `nasional.generate` in steps, one year ({YEAR}) of **{items} published items per court** "
        "(their editorial steps, social deliveries and daily page views; every court's home page also has a page "
        f"view row per day). Measured: the table of Triwulan {'I' * QUARTER} {YEAR} for a member of the Biro Hukum "
        "dan Humas MA group, who reads every court. Times are the best of 3 after a warm-up request; the admin "
        "table shows 100 courts per page but computes and totals all of them.",
        "",
        "| courts | items (all courts) | this step generated in | queries: figures / table / XLSX | figures "
        "| admin table (HTML) | XLSX export |",
        "|---:|---:|---:|---|---:|---:|---:|",
    ]
    for r in results:
        lines.append(
            f"| {r['courts']:,} | {r['pages']:,} | {r['generated_s']:.0f} s | {r['figures_queries']} / "
            f"{r['html_queries']} / {r['xlsx_queries']} | {r['figures_s'] * 1000:,.0f} ms | "
            f"{r['html_s'] * 1000:,.0f} ms ({r['html_kb']:.0f} KB) | {r['xlsx_s'] * 1000:,.0f} ms "
            f"({r['xlsx_rows']:,} rows) |")
    counts = {(r["figures_queries"], r["html_queries"], r["xlsx_queries"]) for r in results}
    lines += [
        "",
        ("The number of queries is the same for every size: each family of figures is one aggregate query over "
         "all the courts." if len(counts) == 1 else
         "**The number of queries differs between the sizes: a query runs per court somewhere.**"),
    ]
    return "\n".join(lines)


# --- the worker process (python -m bench.nasional): generate, measure, print one result line per size ---------


def _measured(func, repeat=3):
    """(queries of one call, best time of `repeat` calls, the last value), after a warm-up call."""
    from bench.queries import QueryCount

    func()
    with QueryCount() as queries:
        value = func()
    best = None
    for _ in range(repeat):
        started = time.perf_counter()
        value = func()
        elapsed = time.perf_counter() - started
        best = elapsed if best is None else min(best, elapsed)
    return queries.count, best, value


def _reader():
    """A member of the Biro Hukum dan Humas MA group (reads every court), logged in on a test client."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.test import Client

    from nasional import roles

    user, _created = get_user_model().objects.get_or_create(username="bench-humas", defaults={
        "email": "humas@mahkamahagung.test"})
    user.groups.add(Group.objects.get(name=roles.BIRO_HUKUM_HUMAS))
    client = Client()
    client.force_login(user)
    return client


def measure(client, size, generated_s):
    from wagtail.models import Page

    from monev.periods import Period
    from nasional import figures, generate

    period = Period.of("triwulan", YEAR, QUARTER)
    query = {"periode": "triwulan", "tahun": YEAR, "ke": QUARTER}
    sites = generate.generated_courts()
    figures_queries, figures_s, rows = _measured(lambda: figures.compute(sites, period))
    assert len(rows) == size, (len(rows), size)

    def page():
        response = client.get(URL, query)
        assert response.status_code == 200, response.status_code
        return response.content

    def export():
        response = client.get(URL, {**query, "export": "xlsx"})
        assert response.status_code == 200, response.status_code
        return b"".join(response.streaming_content)

    html_queries, html_s, html = _measured(page)
    assert "Rekap nasional" in html.decode()
    xlsx_queries, xlsx_s, xlsx = _measured(export)
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(xlsx), read_only=True).active
    xlsx_rows = sum(1 for _row in sheet.iter_rows(min_row=6))
    return {"courts": size, "pages": Page.objects.filter(depth=4).count(), "generated_s": generated_s,
            "figures_queries": figures_queries, "figures_s": figures_s, "html_queries": html_queries,
            "html_s": html_s, "html_kb": len(html) / 1024, "xlsx_queries": xlsx_queries, "xlsx_s": xlsx_s,
            "xlsx_rows": xlsx_rows, "published": sum(row.published for row in rows)}


def worker(argv=None):
    import argparse

    parser = argparse.ArgumentParser(prog="python -m bench.nasional")
    parser.add_argument("--sizes", required=True)
    parser.add_argument("--items", type=int, required=True)
    args = parser.parse_args(argv)
    sizes = [int(n) for n in args.sizes.split(",")]

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from nasional import generate

    def log(text):
        print(f"[bench] nasional: {text}", flush=True)

    if connection.vendor == "postgresql":
        database = f"PostgreSQL {connection.pg_version // 10000}.{connection.pg_version % 100}"
    else:
        database = f"SQLite {sqlite3.sqlite_version}"
    print(RESULT + json.dumps({"database": database}), flush=True)
    started = time.monotonic()
    call_command("migrate", verbosity=0)
    log(f"{database}, migrated in {time.monotonic() - started:.0f} s")
    client = _reader()
    existing = 0
    for number, size in enumerate(sizes):
        started = time.monotonic()
        generate.generate(size - existing, args.items, YEAR, seed=2026 + number, chunk=25,
                          log=lambda text: log(text) if text.endswith("courts created") else None)
        generated_s = time.monotonic() - started
        existing = size
        log(f"{size} courts, generated in {generated_s:.0f} s")
        result = measure(client, size, generated_s)
        log(str(result))
        print(RESULT + json.dumps(result), flush=True)


if __name__ == "__main__":
    worker()
