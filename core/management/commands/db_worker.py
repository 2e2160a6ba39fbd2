"""django_tasks_db's ``db_worker``, made to outlive a dropped database connection.

The package's worker calls close_old_connections() around each round, so with CONN_HEALTH_CHECKS a
connection that died while it slept is replaced. One that dies while a task runs is not: the task's next
query fails, recording the failure fails on the same connection, and the error (any but a locked SQLite
file) ends the loop. Under ``--reload`` (``make run``) the loop runs in a thread,
so the thread died and the process stayed up doing nothing. This worker closes the broken connections,
waits (1 s, doubling up to 30 s) and goes on. A task whose connection broke while it ran is recorded as
failed once the database answers again; the outboxes' rows, not the task results, say what still has to
be done, and their minute jobs pick it up.

It also runs several tasks at once (``--threads``, default ``WARTA_WORKER_THREADS``): most of Warta's tasks wait
on a platform's or a webhook receiver's answer, and one thread per task keeps a worker busy while they wait. The
main loop claims the next task only when a thread is free (the rest stay in the queue for other workers); each
thread closes its database connections after its task; a graceful stop (or ``--batch``/``--max-tasks``) lets the
running tasks finish. django_tasks_db's worker runs one task at a time and has no such option.

``core`` comes before ``django_tasks_db`` in INSTALLED_APPS, so ``manage.py db_worker`` is this command;
its options are the package's, plus ``--threads``.
"""

import logging
import os
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from django.conf import settings
from django.db import connections
from django.db.utils import InterfaceError, OperationalError
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader
from django_tasks_db.management.commands import db_worker

logger = logging.getLogger("django_tasks_db")

DATABASE_GONE = (OperationalError, InterfaceError)
PAUSE_MAX = 30


def drop_connections():
    """Close every connection of this thread, broken or not; the next query opens a new one."""
    for connection in connections.all(initialized_only=True):
        try:
            connection.close()
        except Exception:  # closing a connection the server already dropped may fail too
            connection.connection = None


class Worker(db_worker.Worker):
    def __init__(self, *, threads=1, **kwargs):
        super().__init__(**kwargs)
        self.threads = max(1, threads)
        self.pool = ThreadPoolExecutor(self.threads, thread_name_prefix="warta-task") if self.threads > 1 else None
        self.free = threading.BoundedSemaphore(self.threads)
        self.counted = threading.Lock()

    def run(self):
        try:
            return self._run()
        finally:
            if self.pool is not None:
                self.pool.shutdown(wait=True)  # the running tasks finish before the worker exits

    def _run(self):
        failures, last_failure = 0, 0.0
        while True:
            try:
                return super().run()
            except DATABASE_GONE as exc:
                if not self.running:
                    raise
                failures = 1 if time.monotonic() - last_failure > 2 * PAUSE_MAX else failures + 1
                last_failure = time.monotonic()
                pause = min(2 ** (failures - 1), PAUSE_MAX)
                logger.warning("Database connection lost (%s: %s); worker_id=%s retries in %ss",
                               type(exc).__name__, str(exc).strip()[:200], self.worker_id, pause)
                drop_connections()
                time.sleep(pause)

    def run_task(self, db_task_result):
        if self.pool is None:
            return self.run_task_here(db_task_result)
        self.free.acquire()  # a free thread, or wait for one (the next claim waits with it)
        self.pool.submit(self._run_in_thread, db_task_result)
        return None

    def _run_in_thread(self, db_task_result):
        try:
            self.run_task_here(db_task_result)
        except BaseException:
            logger.exception("Task id=%s: the worker thread failed", db_task_result.id)
        finally:
            drop_connections()
            self.free.release()

    def run_task_here(self, db_task_result):
        try:
            super().run_task(db_task_result)
        except DATABASE_GONE as exc:
            # The connection broke while the task ran, so its result could not be written either.
            logger.warning("Database connection lost during task id=%s (%s); recorded as failed on a new "
                           "connection", db_task_result.id, type(exc).__name__)
            drop_connections()
            try:
                db_task_result.set_failed(exc)
            except DATABASE_GONE:
                logger.warning("Task id=%s: the database is gone; its result stays RUNNING", db_task_result.id)
                raise


class Command(db_worker.Command):
    help = db_worker.Command.help + " (survives a dropped database connection; several tasks at once)"

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument("--threads", type=int, default=getattr(settings, "WARTA_WORKER_THREADS", 4),
                            help="Tasks run at once by this worker (default: WARTA_WORKER_THREADS, 4).")

    def handle(self, *, verbosity, queue_name, interval, batch, backend_name, startup_delay, reload, max_tasks,
               worker_id, exclude_queues, **options):
        # The package's handle(), with this module's Worker.
        self.configure_logging(verbosity)
        if reload and batch:
            logger.warning("Warning: --reload and --batch cannot be specified together. Disabling autoreload.")
            reload = False
        queue_names = queue_name.split(",")
        excluded_queue_names = exclude_queues.split(",") if exclude_queues else []
        if excluded_queue_names and "*" not in queue_names:
            raise db_worker.CommandError("--exclude-queues can only be used with --queue-name=*")
        worker = Worker(queue_names=queue_names, interval=interval, batch=batch, backend_name=backend_name,
                        startup_delay=startup_delay, max_tasks=max_tasks, worker_id=worker_id,
                        excluded_queue_names=excluded_queue_names,
                        threads=1 if max_tasks else options["threads"])  # --max-tasks counts exactly
        if reload:
            if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
                worker.configure_signals()  # only the child process
            run_with_reloader(worker.run)
        else:
            worker.configure_signals()
            worker.run()
