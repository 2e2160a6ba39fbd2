"""Rendering a full build's URLs in several processes at once.

Rendering is CPU-bound Python (templates, query compilation), so threads would take turns on one core;
separate processes use every core. The builder keeps the queue, the link scanning, the files and the
build state (builder.py): the processes here only answer "the bytes of this URL", each through its own
SiteRenderer and its own database connection.

Processes are started with "spawn", not "fork": a build often runs inside a task worker with several
threads, and a forked child could inherit a lock another thread held. Each child is configured with the
parent's settings as they are at the start of the build (a test's or the bench's changes included), then
sets Django up.
"""

import multiprocessing
import os
import pickle
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

from django.conf import settings
from django.db import connection

# Nothing here imports models at module level: a child imports this module before it sets Django up.

# Below this many URLs a full build renders in its own process: starting the others costs seconds.
MIN_TARGETS = 200

_renderer = None


def processes():
    """How many processes a full build renders in: WARTA_STATIC_BUILD_PROCESSES, by default one per CPU (at
    most four)."""
    configured = getattr(settings, "WARTA_STATIC_BUILD_PROCESSES", None)
    if configured is None:
        configured = min(os.cpu_count() or 1, 4)
    return max(1, int(configured))


def usable(targets):
    """Whether `targets` URLs are worth other processes, and they would see what this one sees: they read the
    database through their own connections, so nothing may wait uncommitted in this one (a build inside a
    transaction, as in a test) and the database must not live in this process's memory."""
    if processes() < 2 or targets < MIN_TARGETS or connection.in_atomic_block:
        return False
    return not (connection.vendor == "sqlite" and connection.is_in_memory_db())


def _settings_snapshot():
    snapshot = {}
    for name in dir(settings):
        if not name.isupper():
            continue
        value = getattr(settings, name)
        try:
            pickle.dumps(value)
        except Exception:  # noqa: BLE001 - a setting that cannot travel stays as the settings module has it
            continue
        snapshot[name] = value
    return snapshot


def _start(snapshot, site_id):
    global _renderer
    from django.conf import settings as child_settings

    for name, value in snapshot.items():
        setattr(child_settings, name, value)
    import django

    django.setup()
    from wagtail.models import Site

    from .render import SiteRenderer

    _renderer = SiteRenderer(Site.objects.get(pk=site_id))


def _render(request_path, query, not_found):
    from .render import Rendered

    rendered = _renderer.not_found_page(request_path) if not_found else _renderer.get(request_path, query)
    return Rendered(rendered.status, rendered.content_type, rendered.content)


class Pool:
    """A pool of rendering processes for one site; `render_all` feeds it from the builder's queue."""

    def __init__(self, site, count):
        context = multiprocessing.get_context("spawn")
        self.count = count
        self.executor = ProcessPoolExecutor(count, mp_context=context, initializer=_start,
                                            initargs=(_settings_snapshot(), site.pk))

    def render_all(self, next_target, handle, is_not_found):
        """Render targets from `next_target()` (None when the queue is empty for now) in the processes, and
        call `handle(target, rendered)` here for each as it comes back, in the order they finish; `handle`
        may queue more targets."""
        pending = {}
        try:
            while True:
                while len(pending) < self.count * 4:
                    target = next_target()
                    if target is None:
                        break
                    future = self.executor.submit(_render, target.request_path, target.query, is_not_found(target))
                    pending[future] = target
                if not pending:
                    return
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    handle(pending.pop(future), future.result())
        finally:
            self.executor.shutdown(wait=True, cancel_futures=True)
