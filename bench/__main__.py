"""`make bench` (= python -m bench): run every benchmark section and write the figures to bench/README.md.

Each run builds its own SQLite database and media in a temporary directory,
so it never touches var/ or a developer's data. Sections live in
bench/<topic>.py and expose NAME and run(ctx) -> markdown; add new ones to
SECTIONS. `--quick` runs small sizes for a smoke test and leaves the README alone.
"""

import argparse
import os
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

SECTION_MODULES = ["dynamic", "static_site", "monev", "nasional", "render", "social"]


@dataclass
class Context:
    workdir: str
    quick: bool
    machine: str = ""

    def log(self, message):
        print(f"[bench] {message}", flush=True)


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes and short loads; README unchanged")
    parser.add_argument("--only", action="append", choices=SECTION_MODULES, help="run only this section")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory")
    args = parser.parse_args(argv)

    workdir = tempfile.mkdtemp(prefix="warta-bench-")
    os.chmod(workdir, 0o755)  # nginx's workers run as another user; everything in here is throwaway
    os.environ.update({
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "WARTA_VAR_DIR": workdir,
        "DATABASE_URL": f"sqlite:///{workdir}/bench.sqlite3",
        "MEDIA_ROOT": str(Path(workdir) / "media"),
        "STATIC_ROOT": str(Path(workdir) / "static"),
        "WARTA_TASK_BACKEND": "django_tasks_db.DatabaseBackend",
        "WARTA_STATIC_SITE_DIR": "",
    })
    for name in ("WAGTAILFRONTENDCACHE", "WARTA_FRONTEND_CACHE_URL", "WARTA_CLOUDFLARE_ZONEID"):
        os.environ.pop(name, None)
    Path(os.environ["STATIC_ROOT"]).mkdir()
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

    import django

    django.setup()
    from django.core.management import call_command

    from . import machine, readme

    ctx = Context(workdir=workdir, quick=args.quick)
    ctx.machine = machine.markdown(machine.describe())
    started = time.monotonic()
    try:
        ctx.log(f"database in {workdir}")
        modules = [__import__(f"bench.{name}", fromlist=["run"]) for name in args.only or SECTION_MODULES]
        if not all(getattr(module, "OWN_DATABASE", False) for module in modules):
            call_command("migrate", verbosity=0)
        for module in modules:
            ctx.log(f"section {module.NAME}")
            text = module.run(ctx)
            print(text)
            if not args.quick:
                # a section may keep figures of other configurations apart (nasional: per database and volume)
                section = module.section_name() if hasattr(module, "section_name") else module.NAME
                readme.update(section, text)
                ctx.log(f"figures written to {readme.README}")
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    ctx.log(f"done in {time.monotonic() - started:.0f} s")


if __name__ == "__main__":
    main()
