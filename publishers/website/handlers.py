"""Signal handlers for website publishing (connected in WebsiteConfig.ready).

Every publish, unpublish (also the one Wagtail does before deleting a live
page), move or delete enqueues one background sync of the pages involved,
once the database transaction commits: the worker must see the committed
state, and a rolled-back change must not be published. Changes to what every
page shows (court settings, news categories, sites) enqueue a full rebuild,
which writes only the files that changed.
"""

import threading

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from core import scheduling

from . import conf, frontend_cache

_pending = threading.local()


def _active():
    return conf.enabled() or frontend_cache.enabled()


def _schedule(page_ids, known_urls=()):
    """Collect the pages of this transaction; one task per commit carries them all."""
    ids = getattr(_pending, "ids", None)
    if ids is None:
        ids = _pending.ids = set()
        _pending.urls = set()
    ids.update(page_ids)
    _pending.urls.update(url for url in known_urls if url)
    transaction.on_commit(_flush)


def _flush():
    ids, urls = getattr(_pending, "ids", None), getattr(_pending, "urls", set())
    _pending.ids, _pending.urls = None, set()
    if ids:
        from .tasks import sync_pages

        sync_pages.enqueue(sorted(ids), sorted(urls))


def page_changed(sender, instance, **kwargs):
    if _active():
        _schedule([instance.pk], [_full_url(instance)] if frontend_cache.enabled() else [])


def page_moved(sender, instance, url_path_before, **kwargs):
    if _active():
        urls = [_full_url_for_path(url_path_before)] if frontend_cache.enabled() else []
        _schedule([instance.pk], urls)


def _full_url(page):
    try:
        return page.get_full_url()
    except Exception:  # a page outside every site has no URL
        return None


def _full_url_for_path(url_path):
    for _site_id, root_path, root_url, _language in Site.get_site_root_paths():
        if url_path.startswith(root_path):
            return root_url + url_path[len(root_path) - 1:]
    return None


def site_wide_change(sender, created=False, **kwargs):
    # Court settings are created with their defaults on first use, during rendering: that changes nothing.
    if created and sender.__name__ == "CourtSettings":
        return
    if conf.enabled():
        from .tasks import build_sites

        transaction.on_commit(lambda: build_sites.enqueue())


def nightly_rebuild():
    """Catch what no signal reports: announcements expiring, a new year in the footer, edited images."""
    if conf.enabled():
        from .tasks import build_sites

        build_sites.enqueue()


def register_signal_handlers():
    from cms.models import CourtSettings, NewsCategory

    page_published.connect(page_changed, dispatch_uid="website_page_published")
    page_unpublished.connect(page_changed, dispatch_uid="website_page_unpublished")
    post_page_move.connect(page_moved, dispatch_uid="website_page_moved")
    for model in (CourtSettings, NewsCategory, Site):
        post_save.connect(site_wide_change, sender=model, dispatch_uid=f"website_site_wide_save_{model.__name__}")
        post_delete.connect(site_wide_change, sender=model, dispatch_uid=f"website_site_wide_del_{model.__name__}")


def register_jobs():
    scheduling.register_job("static_site_nightly_rebuild", nightly_rebuild, hour=0, minute=15)
    scheduling.register_job("static_site_retry_due", _retry_due, minute="*")


def _retry_due():
    from .tasks import retry_due

    return retry_due()
