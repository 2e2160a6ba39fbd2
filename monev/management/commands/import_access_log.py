from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from wagtail.models import Site

from monev.access_log import import_log


class Command(BaseCommand):
    help = "Menghitung kunjungan situs statis dari log akses nginx/Apache format 'combined' (aman diulang)."

    def add_arguments(self, parser):
        parser.add_argument("logfile", nargs="+")
        parser.add_argument("--site", help="Nama host situs (bawaan: situs utama)")

    def handle(self, *args, logfile, site=None, **options):
        if site:
            found = Site.objects.filter(hostname=site).first()
            if not found:
                raise CommandError(_("Tidak ada situs dengan nama host %(host)s.") % {"host": site})
        else:
            found = Site.objects.get(is_default_site=True)
        tz = ZoneInfo(settings.TIME_ZONE)
        for path in logfile:
            with open(path, "rb") as fileobj:
                lines, views = import_log(found, fileobj, tz)
            self.stdout.write(_("%(path)s: %(lines)d baris baru, %(views)d kunjungan dihitung")
                              % {"path": path, "lines": lines, "views": views})
