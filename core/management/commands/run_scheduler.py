import logging

from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.cron import CronTrigger
from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from core.scheduling import JOBS, run_job

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Menjalankan tugas berkala Warta (publish_scheduled dan tugas yang didaftarkan aplikasi)."

    def add_arguments(self, parser):
        parser.add_argument("--once", metavar="JOB", help="Jalankan satu tugas sekarang lalu keluar.")
        parser.add_argument("--list", dest="list_jobs", action="store_true", help="Tampilkan tugas yang terdaftar.")

    def handle(self, *args, once=None, list_jobs=False, **options):
        if list_jobs:
            for job in JOBS.values():
                self.stdout.write(f"{job.name}: {job.cron}")
            return
        if once:
            ran = run_job(once)
            self.stdout.write(_("%(job)s: dijalankan") % {"job": once} if ran
                              else _("%(job)s: sudah dijalankan pada menit ini") % {"job": once})
            return
        scheduler = BlockingScheduler(timezone=settings.TIME_ZONE)
        for job in JOBS.values():
            scheduler.add_job(
                run_job, CronTrigger(timezone=settings.TIME_ZONE, **job.cron), args=[job.name],
                id=job.name, max_instances=1, coalesce=True, misfire_grace_time=300,
            )
        self.stdout.write(_("Penjadwal berjalan: %(jobs)s") % {"jobs": ", ".join(JOBS)})
        try:
            scheduler.start()
        except (KeyboardInterrupt, SystemExit):
            pass
