"""Real `manage.py db_worker` processes on PostgreSQL: a worker killed in the middle of a delivery and a
database connection dropped in the middle of a task lose no webhook event.

The receiver on 127.0.0.1 holds one request open until the test has done its damage (SIGKILL of the
worker, or pg_terminate_backend of its connection), so the damage lands mid-delivery every time.
What the outbox promises: every event arrives, under its one webhook-id; the event in flight at the
moment of the damage may arrive twice (same id, the receiver de-duplicates), nothing else does.
"""

import http.server
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import connection
from django.utils import timezone

from publishers.webhooks import outbox
from publishers.webhooks import tasks as webhook_tasks
from publishers.webhooks.models import WebhookDelivery, WebhookEndpoint, WebhookStatus

ROOT = Path(__file__).resolve().parents[3]
APP_NAME = "warta-test-worker"
WAIT = 90  # seconds any step may take on a slow, shared machine before the test gives up

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL (DATABASE_URL=postgres://...)"),
]


class Receiver:
    """Counts every POST by its webhook-id; the `hold`-th request waits until `release()`."""

    def __init__(self, hold=None, gather=None):
        self.ids = []
        self.hold = hold
        # gather=n: each request waits until n are open at once (a worker sending one at a time never gets there)
        self.barrier = threading.Barrier(gather, timeout=WAIT) if gather else None
        self.gathered = []
        self.held = threading.Event()
        self.released = threading.Event()
        self.lock = threading.Lock()
        receiver = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                self.rfile.read(int(self.headers.get("Content-Length", 0)))
                with receiver.lock:
                    receiver.ids.append(self.headers["webhook-id"])
                    number = len(receiver.ids)
                if number == receiver.hold:
                    receiver.held.set()
                    receiver.released.wait(WAIT)
                if receiver.barrier is not None:
                    try:
                        receiver.barrier.wait()
                        receiver.gathered.append(True)
                    except threading.BrokenBarrierError:
                        receiver.gathered.append(False)
                try:
                    self.send_response(200)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                except OSError:  # the worker is gone
                    pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/warta"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def release(self):
        self.released.set()

    def stop(self):
        self.released.set()
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver():
    made = []

    def make(**kwargs):
        made.append(Receiver(**kwargs))
        return made[-1]

    yield make
    for one in made:
        one.stop()


@pytest.fixture
def db_tasks(settings):
    """This process enqueues into the database, as the web process does in production."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend",
                                  "QUEUES": ["default", "notifications", "delivery"]}}
    settings.WARTA_OUTBOUND_ALLOWED_HOSTS = ["127.0.0.1"]
    settings.WARTA_SOCIAL_LEASE_SECONDS = 2


class DatabaseLink:
    """A TCP relay between the worker and PostgreSQL that the test can cut (as a restart or a network
    failure does: open connections drop, new ones are closed at once) and restore."""

    def __init__(self, host, port):
        self.upstream = (host, port)
        self.cut_off = threading.Event()
        self.sockets = []
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                client, _address = self.listener.accept()
            except OSError:
                return
            if self.cut_off.is_set():
                client.close()
                continue
            server = socket.create_connection(self.upstream)
            self.sockets += [client, server]
            for source, sink in ((client, server), (server, client)):
                threading.Thread(target=self._pump, args=(source, sink), daemon=True).start()

    @staticmethod
    def _pump(source, sink):
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        for end in (source, sink):
            try:
                end.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def cut(self):
        self.cut_off.set()
        for one in self.sockets:
            try:
                one.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        self.sockets = []

    def restore(self):
        self.cut_off.clear()

    def close(self):
        self.cut()
        self.listener.close()


@pytest.fixture
def workers(tmp_path):
    """start(*extra, via=None) -> a `manage.py db_worker` on this test database (through `via`, a
    DatabaseLink, when given), in its own process group."""
    started = []
    db = connection.settings_dict

    def start(*extra, via=None):
        host, port = ("127.0.0.1", via.port) if via else (db["HOST"] or "127.0.0.1", db["PORT"] or 5432)
        url = (f"postgres://{quote(db['USER'] or '')}:{quote(db['PASSWORD'] or '')}@{host}:{port}/{db['NAME']}"
               f"?application_name={APP_NAME}")
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.support.worker_settings", "DATABASE_URL": url}
        log = open(tmp_path / f"worker-{len(started)}.log", "wb")  # noqa: SIM115 (closed with the process)
        process = subprocess.Popen(
            [sys.executable, "manage.py", "db_worker", "--queue-name", "*", "--interval", "0.2",
             "--no-startup-delay", *extra],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        process.log = log
        started.append(process)
        return process

    yield start
    for process in started:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(WAIT)
        process.log.close()


def wait_for(condition, what, poll=0.2):
    """Poll until the condition holds, a bounded number of times (a hung worker fails the test, it does not hang it)."""
    for _ in range(int(WAIT / poll)):
        if condition():
            return
        time.sleep(poll)
    pytest.fail(f"gave up waiting: {what}")


def deliveries(court, receiver, count):
    endpoint = WebhookEndpoint(name="Penerima", url=receiver.url, site_id=court.site.pk)
    endpoint.secret = "rahasia-uji-pekerja-0123456789"
    endpoint.save()
    now = timezone.now()
    made = [WebhookDelivery.objects.create(endpoint=endpoint, event="page.published", page_title=f"Berita {n}",
                                           payload={"event": "page.published", "n": n}, next_attempt_at=now,
                                           created_at=now)
            for n in range(count)]
    outbox.enqueue([delivery.pk for delivery in made])
    return made


def all_sent(made):
    return WebhookDelivery.objects.filter(pk__in=[d.pk for d in made], status=WebhookStatus.SENT).count() == len(made)


def run_minute_job_until(condition, what):
    """What the scheduler does every minute (enqueue what is due, a run-out lease included), until done."""
    last = [0.0]

    def tick():
        if time.monotonic() - last[0] >= 1:
            webhook_tasks.enqueue_due()
            last[0] = time.monotonic()
        return condition()
    wait_for(tick, what)


def assert_at_least_once(receiver, made, in_flight=1):
    """Every event arrived, and nothing else; only those in flight at the damage (at most one per thread of the
    damaged worker) may come twice."""
    expected = {str(delivery.delivery_id) for delivery in made}
    assert set(receiver.ids) == expected
    assert len(receiver.ids) - len(expected) <= in_flight


def test_one_worker_sends_several_deliveries_at_once(court, db_tasks, receiver, workers):
    """--threads 3: the receiver holds each request until three are open together; all six arrive once."""
    target = receiver(gather=3)
    made = deliveries(court, target, 6)
    workers("--threads", "3")
    run_minute_job_until(lambda: all_sent(made), "every delivery is sent")
    assert sorted(target.ids) == sorted(str(delivery.delivery_id) for delivery in made)
    assert target.gathered == [True] * 6


def test_a_worker_killed_mid_delivery_loses_no_event(court, db_tasks, receiver, workers):
    target = receiver(hold=3)
    made = deliveries(court, target, 8)
    first = workers("--threads", "2")
    wait_for(target.held.is_set, "the third delivery reaches the receiver")
    os.killpg(first.pid, signal.SIGKILL)
    first.wait(WAIT)
    target.release()

    workers()
    run_minute_job_until(lambda: all_sent(made), "every delivery is sent by the second worker")
    assert_at_least_once(target, made, in_flight=2)


def test_a_dropped_database_connection_does_not_stop_the_worker(court, db_tasks, receiver, workers):
    """The development worker (--reload, the loop in a thread) outlives its connection being cut mid-task."""
    target = receiver(hold=1)
    made = deliveries(court, target, 1)
    worker = workers("--reload")
    wait_for(target.held.is_set, "the delivery reaches the receiver")
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                       "WHERE application_name = %s AND datname = current_database()", [APP_NAME])
        assert cursor.fetchall(), "the worker's connection was found"
    target.release()
    run_minute_job_until(lambda: all_sent(made), "the interrupted delivery is sent again")

    later = deliveries(court, target, 3)  # the same worker goes on with new work
    wait_for(lambda: all_sent(later), "new deliveries are sent by the same worker")
    assert worker.poll() is None
    assert_at_least_once(target, made + later)
    log = Path(worker.log.name).read_text(errors="replace")
    assert "Database connection lost" in log


def test_the_worker_waits_out_a_database_outage(court, db_tasks, receiver, workers):
    """PostgreSQL unreachable for a while (restart, network): the worker keeps retrying, then goes on."""
    db = connection.settings_dict
    link = DatabaseLink(db["HOST"] or "127.0.0.1", int(db["PORT"] or 5432))
    target = receiver()
    try:
        worker = workers(via=link)
        before = deliveries(court, target, 2)
        wait_for(lambda: all_sent(before), "the worker sends through the link")
        link.cut()
        log = Path(worker.log.name)
        wait_for(lambda: "Database connection lost" in log.read_text(errors="replace"),
                 "the worker meets the outage")
        link.restore()
        after = deliveries(court, target, 3)
        wait_for(lambda: all_sent(after), "the same worker sends again once the database is back")
        assert worker.poll() is None
        assert sorted(target.ids) == sorted(str(d.delivery_id) for d in before + after)
    finally:
        link.close()
