"""Purging a CDN or Varnish in front of the site after a publication (off unless configured).

Uses wagtail.contrib.frontend_cache's backends and its purge task, configured
through WAGTAILFRONTENDCACHE (set from WARTA_FRONTEND_CACHE_URL or the
Cloudflare variables in settings). Wagtail's own handlers purge only the page
itself; Warta purges every URL the publication changed: with static output,
exactly the files that changed or went away (in both their static and
dynamic forms); without it, the page, its ancestors, the listings it links
to with their month archives for the page's month, the feeds and the sitemap.
"""

from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit

from django.conf import settings
from django.urls import NoReverseMatch, reverse
from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache
from wagtail.models import Page

from . import links
from .render import SiteRenderer
from .urlscheme import MONTH_PARAM, url_prefixes


def enabled():
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def purge(urls):
    if enabled() and urls:
        purge_urls_from_cache(sorted(urls))


def dynamic_urls(site, page_ids, known_urls=()):
    """Public URLs of the dynamic site that a change to these pages may have changed."""
    from .builder import EXTRA_URL_NAMES

    origin = site.root_url
    renderer = SiteRenderer(site)
    urls = {url for url in known_urls if url.startswith(origin)}
    pages = Page.objects.filter(pk__in=page_ids).live().public().descendant_of(site.root_page, inclusive=True)
    for page in pages:
        url = page.relative_url(site)
        urls.add(origin + url)
        urls.update(_listing_urls(renderer, url, follow_links=True))
    for url in list(urls):
        path = urlsplit(url).path
        for ancestor in url_prefixes(path):
            urls.add(origin + ancestor)
            urls.update(_listing_urls(renderer, ancestor, follow_links=False))
    for name in EXTRA_URL_NAMES:
        try:
            urls.add(origin + reverse(name))
        except NoReverseMatch:
            pass
    return urls


def _listing_urls(renderer, path, follow_links):
    """The listings (?kategori=, ?tag=, ?bulan=) the URL links to, if asked; a listing without a month also
    with the months the page links to (a news page links its date to its month's archive)."""
    if not follow_links:
        return set()
    origin = renderer.site.root_url
    rendered = renderer.get(path)
    if rendered.status != 200 or not rendered.content_type.startswith("text/html"):
        return set()
    base = origin + path
    listings = set()
    for attr, value in links.html_urls(rendered.content.decode("utf-8", "replace")):
        absolute = urljoin(base, value).split("#")[0]
        if attr == "href" and absolute.startswith(origin) and urlsplit(absolute).query:
            listings.add(absolute)
    months = {dict(parse_qsl(urlsplit(url).query)).get(MONTH_PARAM) for url in listings} - {None}
    urls = set(listings)
    for url in listings:
        query = parse_qsl(urlsplit(url).query)
        if MONTH_PARAM not in dict(query):
            urls.update(url.split("?")[0] + "?" + urlencode(query + [(MONTH_PARAM, month)]) for month in months)
    return urls
