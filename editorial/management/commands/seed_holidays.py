"""manage.py seed_holidays: national holidays and cuti bersama for every court (editorial.holidays_seed)."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from editorial.holidays_seed import default_years, seed_national_holidays


class Command(BaseCommand):
    # argparse needs a plain string: help is rendered in the default language (Indonesian)
    help = "Mengisi libur nasional dan cuti bersama tahun ini dan tahun depan dari paket holidays. " \
           "Aman dijalankan berulang kali; hari libur pengadilan tidak diubah."

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, action="append", dest="years", metavar="TAHUN",
                            help=_("Tahun yang diisi (boleh berulang). Bawaan: tahun ini dan tahun depan."))

    def handle(self, *args, years=None, **options):
        years = years or default_years()
        for year in years:
            if not 1950 <= year <= 2100:
                raise CommandError(_("Tahun %(year)s di luar jangkauan (1950–2100).") % {"year": year})
        for year, (created, updated, removed) in seed_national_holidays(years).items():
            self.stdout.write(_("Libur nasional dan cuti bersama %(year)s: %(created)d ditambahkan, %(updated)d "
                                "diperbarui, %(removed)d dihapus.") % {
                "year": year, "created": created, "updated": updated, "removed": removed})
