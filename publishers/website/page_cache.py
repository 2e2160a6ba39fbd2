"""Purging the dynamic site's page cache (cms/page_cache.py) when a publication changes what it shows.

The purge runs in the publishing transaction's on_commit, in the process that published (the approval
request, the scheduler's publish_scheduled, a command), never in a queued task: the next request after
the approval already misses the cache. What is purged, for a page published, unpublished, moved or
deleted (docs/operations.md lists it too):

- precisely: the page's URL and the URLs of its ancestors below the home page (the news index), each
  with all its query variants (pagination, category and tag listings); the home page when what it lists
  changed (its lists are recomputed and compared); the feeds and the sitemap; for a news item whose
  card (title, date, category, image, lead, summary) or place changed, or that came or went, the news
  pages whose "Berita lainnya" box showed it or shows it now (affected.rank_dependents);
- the whole court: when the main menu changed (the menu is recomputed and compared), when the page has
  children (their breadcrumbs and URLs follow it), when the court settings or its site change, and when
  a view restriction is added or removed;
- every court: when a news category changes (its name shows on every court's listings).

`PageCacheBackend` is the same purge as a backend of Wagtail's frontend cache, for WAGTAILFRONTENDCACHE.
"""

import json
import threading
from urllib.parse import urlsplit

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_save
from django.urls import NoReverseMatch, reverse
from wagtail.contrib.frontend_cache.backends.base import BaseBackend
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from cms import page_cache, serving
from cms.templatetags import navigation_tags
from cms.templatetags.court_tags import related_tags

FEED_URL_NAMES = ("news_feed_rss", "news_feed_atom", "sitemap")
CARD_FIELDS = ("title", "slug", "date", "category_id", "hero_image_id", "hero_alt", "lead", "summary")

_pending = threading.local()


class PageCacheBackend(BaseBackend):
    """Wagtail frontend-cache backend: purging a URL drops every cached variant of its path."""

    def purge(self, url):
        page_cache.purge_url(url)

    def purge_batch(self, urls):
        by_host = {}
        for url in urls:
            parts = urlsplit(url)
            if parts.hostname:
                by_host.setdefault(parts.hostname, set()).add(page_cache.path_tag(parts.path or "/"))
        for hostname, tags in by_host.items():
            page_cache.purge(hostname, tags)


def _state():
    if getattr(_pending, "tags", None) is None:
        _pending.tags, _pending.menus, _pending.cards, _pending.homes = {}, set(), {}, set()
    return _pending


def _schedule():
    transaction.on_commit(_flush, robust=True)


def _flush():
    state = _state()
    tags, menus, cards, homes = state.tags, state.menus, state.cards, state.homes
    _pending.tags = None
    for (hostname, site_id), root_path in menus:
        if _menu_changed(site_id, root_path):
            tags.setdefault(hostname, set()).add(page_cache.SITE)
    for hostname, site_id in homes:
        if _home_changed(site_id):
            tags.setdefault(hostname, set()).add(page_cache.path_tag("/"))
    for page_id, (hostname, root_path, parent_path) in cards.items():
        tags.setdefault(hostname, set()).update(_card_tags(page_id, hostname, root_path, parent_path))
    for hostname, host_tags in tags.items():
        page_cache.purge(hostname, host_tags)


def _add(hostname, tags):
    _state().tags.setdefault(hostname, set()).update(tags)


def _sites_of(url_path):
    """(site_id, hostname, root_path) of every site whose tree holds this url_path."""
    for site_id, root_path, root_url, _language in Site.get_site_root_paths():
        if url_path and url_path.startswith(root_path):
            yield site_id, urlsplit(root_url).hostname, root_path


def _paths(relative):
    """The path and every ancestor path: /berita/a/ -> /berita/a/, /berita/, /."""
    segments = [s for s in relative.split("/") if s]
    return ["/" + "".join(f"{s}/" for s in segments[:n]) for n in range(len(segments), -1, -1)]


def _feed_tags():
    tags = []
    for name in FEED_URL_NAMES:
        try:
            tags.append(page_cache.path_tag(reverse(name)))
        except NoReverseMatch:
            pass
    return tags


def page_changed(page, url_paths):
    """Schedule the purge of what a change to `page` (seen at these url_paths) may change."""
    from cms.models import NewsPage

    state = _state()
    for url_path in url_paths:
        for site_id, hostname, root_path in _sites_of(url_path):
            relative = url_path[len(root_path) - 1:]
            paths = _paths(relative)  # the page, its parent ..., "/"
            tags = {page_cache.path_tag(p) for p in paths[:-1]}
            tags.update(_feed_tags())
            root_depth = root_path.count("/")  # "/pn-uji/" holds the home page at depth 2
            model = page.specific_class
            if page.depth <= root_depth or page.numchild or model is None or model.allowed_subpage_models():
                # the home page, or a page that has or may have children (an index, a section): their
                # breadcrumbs and URLs follow it, and the home page links the first index of each kind
                tags.add(page_cache.SITE)
            else:
                state.homes.add((hostname, site_id))  # the home page only when its lists changed
                if page.depth <= root_depth + 2:
                    state.menus.add(((hostname, site_id), root_path))
            if model is not None and issubclass(model, NewsPage):
                state.cards[page.pk] = (hostname, root_path, page.path[:-Page.steplen])
            _add(hostname, tags)
    _schedule()


def _menu_changed(site_id, root_path):
    site = Site.objects.filter(pk=site_id).select_related("root_page").first()
    if site is None:
        return True
    signature = navigation_tags.menu_signature(site)
    key = f"menusig:{site_id}"
    store = page_cache.cache()
    changed = store.get(key) != signature
    store.set(key, signature, timeout=None)
    return changed


def _home_changed(site_id):
    """Whether the court's home page lists other items, or shows its items otherwise, than last time."""
    site = Site.objects.filter(pk=site_id).select_related("root_page").first()
    home = site.root_page.specific if site is not None else None
    if not hasattr(home, "listing_signature"):
        return True
    signature = home.listing_signature()
    key = f"homesig:{site_id}"
    store = page_cache.cache()
    changed = store.get(key) != signature
    store.set(key, signature, timeout=None)
    return changed


def _card_tags(page_id, hostname, root_path, parent_path):
    """What to purge of the "Berita lainnya" boxes when a news item's card or rank changed, or it came or
    went: the pages whose box showed it or shows it now (publishers/website/affected.py follows the rule
    of cms.templatetags.court_tags.related_news), or every box of its index when its last state is not known.
    """
    from cms.models import NewsPage

    from .affected import RANK_FIELDS, rank_dependents
    from .affected import _fingerprint as fingerprint
    from .state import PageRecord

    page = NewsPage.objects.live().filter(pk=page_id).first()
    key = f"newscard:{page_id}"
    store = page_cache.cache()
    before = store.get(key)
    now = None
    if page is not None:
        card = json.dumps({f: getattr(page, f) for f in CARD_FIELDS}, default=str, sort_keys=True)
        parent_id = Page.objects.filter(path=parent_path).values_list("pk", flat=True).first()
        rank = json.dumps({"type": NewsPage._meta.label_lower, "parent": parent_id,
                           "fields": fingerprint(page, RANK_FIELDS)}, sort_keys=True)
        now = {"card": card, "rank": rank}
        store.set(key, now, timeout=None)
    else:
        store.delete(key)
    first_publication = page is not None and page.first_published_at == page.last_published_at
    if before is None and not first_publication:
        return related_tags(parent_path, None, everything=True)  # its last state is not known
    if before == now:
        return set()
    old, new = ((PageRecord(page_id, "", None, False, state["card"], state["rank"]) if state else None)
                for state in (before, now))
    dependents = rank_dependents(old, new)
    url_paths = Page.objects.filter(pk__in=dependents).values_list("url_path", flat=True)
    return {page_cache.path_tag(url_path[len(root_path) - 1:]) for url_path in url_paths
            if url_path.startswith(root_path)}


# --- signal receivers -------------------------------------------------------------------------------------


def _on_page(sender, instance, **kwargs):
    page_changed(instance, [instance.url_path])


def _on_move(sender, instance, url_path_before, url_path_after=None, **kwargs):
    page_changed(instance, [url_path_before, instance.url_path])
    _add(page_cache.EVERY_SITE, {serving.RESTRICTIONS})  # tree paths changed


def _on_page_delete(sender, instance, **kwargs):
    if isinstance(instance, Page):
        page_changed(instance, [instance.url_path])


def _on_court_settings(sender, instance, created=False, **kwargs):
    # Court settings are created with their defaults on first use, during rendering: that changes nothing.
    if created:
        return
    site = Site.objects.filter(pk=instance.site_id).first()
    if site is not None:
        _add(site.hostname, {page_cache.SITE})
        _schedule()


def _on_category(sender, instance, **kwargs):
    _add(page_cache.EVERY_SITE, {page_cache.SITE})
    _schedule()


def _before_site_save(sender, instance, **kwargs):
    if instance.pk:
        instance._warta_old_hostname = Site.objects.filter(pk=instance.pk).values_list("hostname", flat=True).first()


def _on_site(sender, instance, **kwargs):
    for hostname in {instance.hostname, getattr(instance, "_warta_old_hostname", None)} - {None}:
        _add(hostname, {page_cache.SITE})
    _schedule()


def _on_restriction(sender, instance, **kwargs):
    _add(page_cache.EVERY_SITE, {serving.RESTRICTIONS})
    page = Page.objects.filter(pk=instance.page_id).only("url_path").first()
    for _site_id, hostname, _root in _sites_of(page.url_path if page else ""):
        _add(hostname, {page_cache.SITE})
    _schedule()


def register_signal_handlers():
    from cms.models import CourtSettings, NewsCategory

    page_published.connect(_on_page, dispatch_uid="page_cache_published")
    page_unpublished.connect(_on_page, dispatch_uid="page_cache_unpublished")
    post_page_move.connect(_on_move, dispatch_uid="page_cache_moved")
    post_delete.connect(_on_page_delete, dispatch_uid="page_cache_page_deleted")
    for signal in (post_save, post_delete):
        signal.connect(_on_court_settings, sender=CourtSettings, dispatch_uid=f"page_cache_settings_{id(signal)}")
        signal.connect(_on_category, sender=NewsCategory, dispatch_uid=f"page_cache_category_{id(signal)}")
        signal.connect(_on_site, sender=Site, dispatch_uid=f"page_cache_site_{id(signal)}")
        signal.connect(_on_restriction, sender=PageViewRestriction, dispatch_uid=f"page_cache_restr_{id(signal)}")
    pre_save.connect(_before_site_save, sender=Site, dispatch_uid="page_cache_site_before")
