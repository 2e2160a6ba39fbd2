from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site

from monev.access_log import import_log


class Command(BaseCommand):
    help = "Count the static site's page views from an nginx/Apache 'combined' access log (safe to re-run)."

    def add_arguments(self, parser):
        parser.add_argument("logfile", nargs="+")
        parser.add_argument("--site", help="Site hostname (default: the default site)")

    def handle(self, *args, logfile, site=None, **options):
        if site:
            found = Site.objects.filter(hostname=site).first()
            if not found:
                raise CommandError(f"No site with hostname {site!r}.")
        else:
            found = Site.objects.get(is_default_site=True)
        tz = ZoneInfo(settings.TIME_ZONE)
        for path in logfile:
            with open(path, "rb") as fileobj:
                lines, views = import_log(found, fileobj, tz)
            self.stdout.write(f"{path}: {lines} new lines, {views} page views counted")
