"""manage.py load_demo_court: the demo court "Pengadilan Negeri Contoh" for `make run`."""

import logging
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cms.demo import DEMO_PASSWORD, court, second_court
from cms.demo.loader import DemoCourtLoader, site_address

SMALL_IMAGE_WIDTH = 480

KIND_LABELS = {
    "users": gettext_lazy("pengguna"),
    "pages": gettext_lazy("halaman"),
    "images": gettext_lazy("gambar"),
    "documents": gettext_lazy("dokumen"),
    "news categories": gettext_lazy("kategori berita"),
}


class Command(BaseCommand):
    # argparse needs a plain string: help is rendered in the default language (Indonesian)
    help = "Memuat pengadilan contoh (PN Contoh) beserta halaman, berita, pengumuman, dokumen dan akun demo. " \
           "Aman dijalankan berulang kali."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force", action="store_true",
            help=_("Jalankan walaupun DEBUG mati. Akun demo memakai kata sandi yang diketahui umum."),
        )
        parser.add_argument(
            "--first-court-only", action="store_true",
            help=_("Muat PN Contoh saja, tanpa pengadilan kedua (PA Contoh)."),
        )
        parser.add_argument(
            "--small-images", action="store_true",
            help=_("Buat gambar kecil (%(width)d piksel) agar lebih cepat, misalnya untuk pengujian.")
            % {"width": SMALL_IMAGE_WIDTH},
        )

    def handle(self, *args, **options):
        if not settings.DEBUG and not options["force"]:
            raise CommandError(_(
                "DEBUG mati: ini tampaknya server produksi. Data demo membuat akun dengan kata sandi yang "
                "diketahui umum, jadi tidak dimuat. Tambahkan --force bila memang ingin memuatnya."
            ))
        started = time.monotonic()
        loader = DemoCourtLoader(image_width=SMALL_IMAGE_WIDTH if options["small_images"] else 1600)
        # Wagtail logs every page it creates and publishes; the summary below is enough here.
        wagtail_logger = logging.getLogger("wagtail")
        level = wagtail_logger.level
        wagtail_logger.setLevel(logging.WARNING)
        second = None
        try:
            loader.run()
            if not options["first_court_only"]:
                second = second_court.load(site_address()[1])
        finally:
            wagtail_logger.setLevel(level)
        elapsed = time.monotonic() - started

        self.stdout.write(self.style.SUCCESS(
            _("%(court)s dimuat dalam %(seconds).1f detik.") % {"court": court.COURT_NAME, "seconds": elapsed}
        ))
        for kind, label in KIND_LABELS.items():
            created, existing = loader.created[kind], loader.existing[kind]
            if created or existing:
                self.stdout.write(_("  %(label)s: %(created)d dibuat, %(existing)d sudah ada")
                                  % {"label": label, "created": created, "existing": existing})
        for note in loader.notes:
            self.stdout.write(f"  {note}")
        root_url = settings.WARTA_BASE_URL.rstrip("/")
        self.stdout.write("")
        self.stdout.write(_("Situs: %(url)s/") % {"url": root_url})
        self.stdout.write(_("Admin: %(url)s/admin/") % {"url": root_url})
        self.stdout.write(_("Akun demo (kata sandi: %(password)s):") % {"password": DEMO_PASSWORD})
        for username, (group, first_name, last_name) in court.USERS.items():
            self.stdout.write(f"  {username:<11} {first_name} {last_name} ({group})")
        root_name, first_name, last_name = court.SUPERUSER
        self.stdout.write(f"  {root_name:<11} {first_name} {last_name} ({_('superuser')})")
        if second is not None:
            port = site_address()[1]
            address = second_court.HOSTNAME + ("" if port == 80 else f":{port}")
            self.stdout.write("")
            self.stdout.write(_("Pengadilan kedua, %(court)s: http://%(address)s/ (admin yang sama; akun demo "
                                "dengan kata sandi yang sama):") % {"court": second_court.NAME, "address": address})
            for username, (group, first_name, last_name) in second_court.USERS.items():
                self.stdout.write(f"  {username:<13} {first_name} {last_name} ({group})")
