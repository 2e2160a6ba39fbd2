"""manage.py build_static_site: (re)build the static public site, writing only what changed."""

import sys
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from wagtail.models import Site

from publishers.website import conf, frontend_cache
from publishers.website.builder import SiteBuilder

BAR_WIDTH = 30


class Progress:
    """A one-line progress bar on a terminal; a line every few seconds otherwise (logs, CI)."""

    def __init__(self, stream, label):
        self.stream = stream
        self.label = label
        self.tty = hasattr(stream, "isatty") and stream.isatty()
        self.last = 0.0

    def __call__(self, done, total, path):
        now = time.monotonic()
        if not self.tty and now - self.last < 5:
            return
        if self.tty and now - self.last < 0.1 and done < total:
            return
        self.last = now
        filled = int(BAR_WIDTH * done / max(total, 1))
        bar = "#" * filled + "." * (BAR_WIDTH - filled)
        line = f"{self.label} [{bar}] {done}/{total} {path[:50]}"
        if self.tty:
            self.stream.write("\r\033[K" + line)
        else:
            self.stream.write(line + "\n")
        self.stream.flush()

    def finish(self):
        if self.tty:
            self.stream.write("\r\033[K")
            self.stream.flush()


class Command(BaseCommand):
    @property
    def help(self):  # translated when asked for (argparse needs a real str, not a lazy one)
        return _("Membangun ulang situs publik statis. Hanya berkas yang berubah yang ditulis ulang.")

    def add_arguments(self, parser):
        parser.add_argument("--site", action="append", dest="hostnames", metavar="HOSTNAME",
                            help=_("Hanya situs dengan nama host ini (boleh diulang)."))
        parser.add_argument("--output", metavar="DIR",
                            help=_("Direktori keluaran; bawaan WARTA_STATIC_SITE_DIR."))
        parser.add_argument("--no-progress", action="store_true", help=_("Tanpa bilah kemajuan."))

    def handle(self, *args, hostnames=None, output=None, no_progress=False, **options):
        if output:
            settings.WARTA_STATIC_SITE_DIR = output
        if not conf.enabled():
            raise CommandError(_("WARTA_STATIC_SITE_DIR belum diatur. Atur variabel lingkungan itu "
                                 "atau beri --output DIR."))
        sites = Site.objects.select_related("root_page").order_by("hostname", "port")
        if hostnames:
            sites = sites.filter(hostname__in=hostnames)
        if not sites:
            raise CommandError(_("Tidak ada situs yang cocok."))
        failures = 0
        for site in sites:
            progress = None if no_progress else Progress(sys.stdout, conf.site_key(site))
            summary = SiteBuilder(site, progress=progress).build_all()
            if progress:
                progress.finish()
            frontend_cache.purge(summary.purge_urls)
            self._report(site, summary)
            failures += len(summary.errors)
        if failures:
            raise CommandError(_("%(count)d URL gagal dibuat; berkas lamanya dibiarkan.") % {"count": failures})

    def _report(self, site, summary):
        self.stdout.write(self.style.SUCCESS(
            _("%(site)s → %(dir)s: %(written)d halaman ditulis, %(unchanged)d tidak berubah, "
              "%(removed)d dihapus, %(assets)d aset disalin, dalam %(seconds).1f detik.") % {
                "site": site.hostname, "dir": conf.site_dir(site), "written": len(summary.written),
                "unchanged": summary.unchanged, "removed": len(summary.removed),
                "assets": summary.assets_written, "seconds": summary.elapsed,
            }
        ))
        for url, problem in summary.errors:
            self.stderr.write(_("Gagal: %(url)s (status %(status)s)") % {"url": url, "status": problem})
        for url, problem in summary.warnings:
            self.stderr.write(_("Peringatan: %(url)s (%(problem)s)") % {"url": url, "problem": problem})
        if summary.dynamic_links:
            shown = ", ".join(sorted(summary.dynamic_links)[:8])
            self.stdout.write(_("Tautan yang tetap dilayani CMS: %(paths)s") % {"paths": shown})
