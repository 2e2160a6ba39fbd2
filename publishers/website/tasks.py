"""Background work of static publishing (django_tasks: the db_worker runs it, tests run it inline).

A court's update that fails (an exception, or a URL the CMS could not render) is kept as a SyncFailure
row with the pages still to sync and is tried again with backoff: a deferred task when the backend can
run tasks later (django_tasks 0.12 has no retry of its own), and the minute job `static_site_retry_due`
in any case. After WARTA_STATIC_SYNC_MAX_ATTEMPTS failures it waits for the nightly rebuild (or any later
update of that court); the row stays on the Kasubag PTIP's dashboard until an update succeeds.
"""

import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import task, task_backends
from wagtail.models import Site

from core.outbox import backoff

from . import conf, frontend_cache
from .builder import SiteBuilder
from .models import SyncFailure

logger = logging.getLogger(__name__)


def _report(site, summary):
    return {
        "site": site.hostname,
        "written": len(summary.written),
        "unchanged": summary.unchanged,
        "removed": len(summary.removed),
        "errors": [f"{url}: {problem}" for url, problem in summary.errors],
        "seconds": round(summary.elapsed, 3),
    }


def max_attempts():
    return getattr(settings, "WARTA_STATIC_SYNC_MAX_ATTEMPTS", 8)


def update_site(site, page_ids=(), full=False, now=None, rng=None):
    """One court's update (with what an earlier failure left to do); a failure is kept for a retry, a
    success clears it. Returns the build summary, or None when the update failed with an exception."""
    failure = SyncFailure.objects.filter(site=site).first()
    if failure is not None:
        page_ids = sorted(set(page_ids) | set(failure.page_ids))
        full = full or failure.full
    try:
        builder = SiteBuilder(site)
        summary = builder.build_all() if full else builder.sync(list(page_ids))
    except Exception as exc:
        logger.exception("static site %s: the update failed; it is tried again", site.hostname)
        _record(site, page_ids, full, f"{type(exc).__name__}: {exc}", now, rng)
        return None
    frontend_cache.purge(summary.purge_urls)
    if summary.errors:
        _record(site, page_ids, full, "; ".join(f"{url}: {problem}" for url, problem in summary.errors), now, rng)
    elif failure is not None:
        # Only the row as read: a failure recorded meanwhile by another worker stays.
        SyncFailure.objects.filter(pk=failure.pk, updated_at=failure.updated_at).delete()
    return summary


def _record(site, page_ids, full, error, now=None, rng=None):
    now = now or timezone.now()
    with transaction.atomic():
        failure, _created = SyncFailure.objects.select_for_update().get_or_create(
            site=site, defaults={"failed_since": now})
        failure.page_ids = sorted(set(failure.page_ids) | set(page_ids))
        failure.full = failure.full or full
        failure.attempts += 1
        failure.error = error[:2000]
        failure.updated_at = now
        failure.next_attempt_at = (now + backoff(failure.attempts, rng=rng, base=60, cap=3600)
                                   if failure.attempts < max_attempts() else None)
        failure.save()
    if failure.next_attempt_at is None:
        logger.error("static site %s: gave up after %d attempts (%s); the nightly rebuild tries again",
                     site.hostname, failure.attempts, error)
    elif task_backends[retry_site.backend].supports_defer:
        transaction.on_commit(lambda: retry_site.using(run_after=failure.next_attempt_at).enqueue(site.pk))
    return failure


@task()
def sync_pages(page_ids, known_urls=()):
    """Re-render what the given pages' publication, unpublication, move or deletion changed."""
    reports = []
    for site in Site.objects.select_related("root_page"):
        if conf.enabled():
            summary = update_site(site, page_ids)
            if summary is not None and (summary.rendered or summary.removed):
                reports.append(_report(site, summary))
        elif frontend_cache.enabled():
            frontend_cache.purge(frontend_cache.dynamic_urls(site, page_ids, known_urls))
    for report in reports:
        logger.info("static site %(site)s: %(written)d written, %(unchanged)d unchanged, %(removed)d removed "
                    "in %(seconds)ss", report)
    return reports


@task()
def build_sites(site_ids=None):
    """Full rebuild (only changed files are written) of the given sites, or all of them."""
    if not conf.enabled():
        return []
    sites = Site.objects.select_related("root_page")
    if site_ids:
        sites = sites.filter(pk__in=site_ids)
    reports = []
    for site in sites:
        summary = update_site(site, full=True)
        if summary is not None:
            reports.append(_report(site, summary))
    return reports


@task()
def retry_site(site_id, now=None):
    """Try a court's failed update again when it is due (a task that runs late or twice does no harm)."""
    now = now or timezone.now()
    failure = SyncFailure.objects.filter(site_id=site_id, next_attempt_at__lte=now).select_related("site").first()
    if failure is None or not conf.enabled():
        return None
    summary = update_site(failure.site, now=now)
    return None if summary is None else _report(failure.site, summary)


def retry_due():
    """Minute job: hand every court whose failed update is due to the workers."""
    ids = list(SyncFailure.objects.filter(next_attempt_at__lte=timezone.now()).values_list("site_id", flat=True))
    for site_id in ids:
        retry_site.enqueue(site_id)
    return len(ids)
