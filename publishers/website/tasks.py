"""Background work of static publishing (django_tasks: the db_worker runs it, tests run it inline)."""

import logging

from django_tasks import task
from wagtail.models import Site

from . import conf, frontend_cache
from .builder import SiteBuilder

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


@task()
def sync_pages(page_ids, known_urls=()):
    """Re-render what the given pages' publication, unpublication, move or deletion changed."""
    reports = []
    for site in Site.objects.select_related("root_page"):
        if conf.enabled():
            summary = SiteBuilder(site).sync(page_ids)
            frontend_cache.purge(summary.purge_urls)
            if summary.rendered or summary.removed:
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
        summary = SiteBuilder(site).build_all()
        frontend_cache.purge(summary.purge_urls)
        reports.append(_report(site, summary))
    return reports
