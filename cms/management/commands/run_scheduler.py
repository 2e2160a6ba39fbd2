import logging

from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.cron import CronTrigger
from django.conf import settings
from django.core.management.base import BaseCommand

from cms.scheduling import JOBS, run_job

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Run Warta's periodic jobs (publish_scheduled and the jobs apps register)."

    def add_arguments(self, parser):
        parser.add_argument("--once", metavar="JOB", help="Run one job now and exit.")
        parser.add_argument("--list", dest="list_jobs", action="store_true", help="List the registered jobs.")

    def handle(self, *args, once=None, list_jobs=False, **options):
        if list_jobs:
            for job in JOBS.values():
                self.stdout.write(f"{job.name}: {job.cron}")
            return
        if once:
            ran = run_job(once)
            self.stdout.write(f"{once}: {'ran' if ran else 'already ran for this minute'}")
            return
        scheduler = BlockingScheduler(timezone=settings.TIME_ZONE)
        for job in JOBS.values():
            scheduler.add_job(
                run_job, CronTrigger(timezone=settings.TIME_ZONE, **job.cron), args=[job.name],
                id=job.name, max_instances=1, coalesce=True, misfire_grace_time=300,
            )
        self.stdout.write(f"Scheduler: {', '.join(JOBS)}")
        try:
            scheduler.start()
        except (KeyboardInterrupt, SystemExit):
            pass
