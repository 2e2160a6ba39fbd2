"""Generate a national data set in bulk: courts with a year of items, editorial steps, deliveries and page views.

    manage.py generate_national --courts 900 --items 300 --year 2025

For trying out and measuring the national roll-up on a throwaway database (see docs/nasional.md for how
long it takes); never on a deployment's own database.
"""

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from nasional import generate


class Command(BaseCommand):
    help = "Membuat data nasional uji secara massal (pengadilan, konten setahun, langkah SOP, kiriman, kunjungan)."

    def add_arguments(self, parser):
        parser.add_argument("--courts", type=int, default=900, help="jumlah pengadilan (bawaan 900)")
        parser.add_argument("--items", type=int, default=300, help="konten per pengadilan (bawaan 300)")
        parser.add_argument("--year", type=int, default=timezone.localdate().year - 1,
                            help="tahun data (bawaan tahun lalu)")
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument("--chunk", type=int, default=25, help="pengadilan per transaksi")
        parser.add_argument("--force", action="store_true",
                            help="tambahkan walaupun data nasional uji sudah ada, atau DEBUG mati")

    def handle(self, *args, **options):
        if options["courts"] < 1 or options["items"] < 0:
            raise CommandError("Jumlah pengadilan minimal 1 dan jumlah konten tidak boleh negatif.")
        existing = generate.generated_courts().count()
        if not options["force"]:
            if not settings.DEBUG:
                raise CommandError("Data uji tidak dibuat di basis data produksi (DEBUG mati); pakai --force bila "
                                   "basis data ini memang basis data uji.")
            if existing:
                raise CommandError(f"Sudah ada {existing} pengadilan uji (*.{generate.DOMAIN}); pakai --force untuk "
                                   "menambah.")
        started = time.monotonic()
        generator = generate.generate(options["courts"], options["items"], options["year"], seed=options["seed"],
                                      chunk=options["chunk"], log=lambda text: self.stdout.write(text))
        totals = generator.totals
        self.stdout.write(self.style.SUCCESS(
            f"{totals['courts']} pengadilan, {totals['pages']} halaman, {totals['revisions']} revisi, "
            f"{totals['steps']} langkah SOP, {totals['deliveries']} kiriman, {totals['views']} baris kunjungan "
            f"harian dalam {time.monotonic() - started:.0f} detik."))
