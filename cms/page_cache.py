"""Full-page cache of the public site for anonymous visitors (docs/operations.md, "Page cache").

`PageCacheMiddleware` (first in MIDDLEWARE) answers an anonymous GET of a public page from Django's
cache (the `pages` alias: Redis with REDIS_URL, otherwise files under var/cache/pages, shared by every
process of the host) before any other middleware runs. What it stores is opted in by the view that
served it (`mark_cacheable`: Wagtail's page serving for pages without view restrictions, the feeds
and the sitemap) and only when the response is a plain 200 with no cookie, no CSRF token, no
message and no private Cache-Control.

Invalidation is by generations, never by timeout: every entry records the generation tokens of the
*tags* it depends on, read before it was rendered, and is served only while they are all unchanged.
Each entry depends on the tags `*` (every court), `site` (its court) and `path:<its path>` (all query
variants of one URL); a template may add more (`depends_on`, e.g. the "Berita lainnya" box). A purge
writes a new token for a tag (`purge`, `purge_url`), so a render that started before the publication
committed can never store something that survives it. Entries also end at local midnight, because
a few things follow the date (announcements expiring, the year in the footer), and belong to the
deployed release (`release`), so new templates or code are never answered with old pages.
"""

import hashlib
import os
import secrets
from datetime import datetime, time, timedelta
from functools import cache as once
from urllib.parse import parse_qsl, urlsplit

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.http.request import split_domain_port
from django.utils import timezone
from wagtail import hooks

CACHE_ALIAS = "pages"
# Query parameters of the public listings (category, tag, month archive; old page numbers, which redirect);
# any other parameter is not cached.
QUERY_PARAMS = frozenset({"halaman", "kategori", "tag", "bulan"})
MAX_QUERY_VALUE = 100
EVERY_SITE = "*"
SITE = "site"
STATE_ATTR = "_warta_page_cache"
MENU_TIMEOUT = 24 * 60 * 60  # only to let unused entries go; a change renews the generation
# Set by renders that must never be answered from the cache (the static site builder), in request.META.
BYPASS_META = "warta.static_render"
# Hooks a cache hit calls with (request, site_id, page_id), e.g. to count a page view.
HIT_HOOK = "warta_page_cache_hit"


def enabled():
    return getattr(settings, "WARTA_PAGE_CACHE", True)


def cache():
    return caches[CACHE_ALIAS] if CACHE_ALIAS in settings.CACHES else caches["default"]


def _digest(*parts):
    return hashlib.blake2b("\x1f".join(parts).encode(), digest_size=16).hexdigest()


def gen_key(hostname, tag):
    return "g:" + _digest(hostname.lower(), tag)


def path_tag(path):
    return "path:" + path


@once
def release():
    """What is deployed: WARTA_RELEASE, or else the newest modification time of the project's code,
    templates and translations. Entries and court-wide values are kept per release, so a deployment that
    changes a template or the code never serves what the old one rendered."""
    explicit = getattr(settings, "WARTA_RELEASE", "")
    if explicit:
        return str(explicit)
    newest, count = 0, 0
    skip = {"var", "node_modules", "tests", "bench", "docs", "media", "static", "__pycache__"}
    for folder, dirs, files in os.walk(settings.BASE_DIR):
        dirs[:] = [d for d in dirs if not d.startswith(".") and d not in skip]
        for name in files:
            if name.endswith((".py", ".html", ".txt", ".mo")):
                count += 1
                newest = max(newest, os.stat(os.path.join(folder, name)).st_mtime_ns)
    return f"{newest:x}{count:x}"


def entry_key(scheme, host, path, query):
    return "e:" + _digest(release(), scheme, host.lower(), path, "&".join(f"{k}={v}" for k, v in query))


def _new_token():
    return secrets.token_hex(8)


def purge(hostname, tags):
    """Give these tags of a hostname (EVERY_SITE for all) new generations: entries that depend on them go."""
    if tags:
        cache().set_many({gen_key(hostname, tag): _new_token() for tag in set(tags)}, timeout=None)


def purge_url(url):
    """Every cached variant (query strings) of the URL's path on its host."""
    parts = urlsplit(url)
    if parts.hostname:
        purge(parts.hostname, [path_tag(parts.path or "/")])


def purge_site(hostname):
    purge(hostname, [SITE])


def purge_everything():
    purge(EVERY_SITE, [SITE])


def _gens(keys):
    """Current tokens for gen keys; a missing one (never set, or evicted) gets a fresh token first."""
    store = cache()
    found = store.get_many(keys)
    missing = {key: _new_token() for key in keys if key not in found}
    if missing:
        store.set_many(missing, timeout=None)
        found.update(missing)
    return found


class _State:
    __slots__ = ("hostname", "key", "gens", "cacheable", "site_id", "page_id")

    def __init__(self, hostname, key, gens):
        self.hostname, self.key, self.gens = hostname, key, gens
        self.cacheable, self.site_id, self.page_id = False, None, None


def _request_key(request):
    """(hostname, entry key, path) for a request the cache may answer, or None."""
    if request.method != "GET" or BYPASS_META in request.META or getattr(request, "is_dummy", False):
        return None  # is_dummy: Wagtail's preview and other simulated requests
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or getattr(settings, "MESSAGE_COOKIE_NAME", "messages") in cookies:
        return None
    if "HTTP_AUTHORIZATION" in request.META:
        return None
    query = []
    for name, value in parse_qsl(request.META.get("QUERY_STRING", ""), keep_blank_values=True):
        if name not in QUERY_PARAMS or len(value) > MAX_QUERY_VALUE or "\x00" in value:
            return None
        query.append((name, value))
    try:
        host = request.get_host()
    except Exception:  # DisallowedHost: Django's own handling answers it
        return None
    hostname, _port = split_domain_port(host)
    path = request.path
    return hostname, entry_key(request.scheme, host, path, sorted(query)), path


def _base_gen_keys(hostname, path):
    return [gen_key(EVERY_SITE, SITE), gen_key(hostname, SITE), gen_key(hostname, path_tag(path))]


def _until_midnight():
    now = timezone.localtime()
    midnight = timezone.make_aware(datetime.combine(now.date() + timedelta(days=1), time.min), now.tzinfo)
    return max(60, int((midnight - now).total_seconds()) + 1)


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if BYPASS_META in request.META:
            request.warta_static_render = True
        found = _request_key(request) if enabled() else None
        if found is None:
            return self.get_response(request)
        hostname, key, path = found
        base = _base_gen_keys(hostname, path)
        values = cache().get_many([key, *base])
        entry = values.get(key)
        if entry is not None and all(entry["gens"].get(k) == values.get(k) for k in base):
            extra = [k for k in entry["gens"] if k not in base]
            if not extra or cache().get_many(extra) == {k: entry["gens"][k] for k in extra}:
                return self._hit(request, entry)
        gens = {k: values[k] for k in base if k in values}
        if len(gens) < len(base):
            gens = _gens(base)
        state = _State(hostname, key, gens)
        setattr(request, STATE_ATTR, state)
        _known_site(request, hostname, gens)
        response = self.get_response(request)
        if state.cacheable and _storable(request, response):
            headers = [(name, value) for name, value in response.items()]
            cache().set(key, {"gens": state.gens, "content": response.content, "headers": headers,
                              "site_id": state.site_id, "page_id": state.page_id}, timeout=_until_midnight())
        return response

    def _hit(self, request, entry):
        response = HttpResponse(entry["content"])
        for name, value in entry["headers"]:
            response[name] = value
        for fn in hooks.get_hooks(HIT_HOOK):
            fn(request, entry["site_id"], entry["page_id"])
        return response


def _known_site(request, hostname, gens):
    """Set Wagtail's site for the request (request._wagtail_site) from the store: no query per request.

    Kept per host name and port under the generations of every court and of that host name, which a change
    of any site renews for its old and new names."""
    from wagtail.models import Site

    port = request.get_port()
    key = f"site:{release()}:{hostname}:{port}:{gens[gen_key(EVERY_SITE, SITE)]}:{gens[gen_key(hostname, SITE)]}"
    site = cache().get(key)
    if site is None:
        site = Site._find_for_request(request)
        # Only a site's own host name: the default site answering other names is renewed with its own.
        if site is None or site.hostname.lower() != hostname:
            request._wagtail_site = site
            return
        site.root_page = site.root_page.specific
        cache().set(key, site, timeout=MENU_TIMEOUT)
    request._wagtail_site = site


def _storable(request, response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or getattr(request, "is_preview", False):
        return False
    control = response.get("Cache-Control", "").lower()
    if any(word in control for word in ("private", "no-store", "no-cache")):
        return False
    messages = getattr(request, "_messages", None)
    if messages is not None and (getattr(messages, "used", False) or getattr(messages, "_queued_messages", None)):
        return False
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated)


def mark_cacheable(request, site, page=None):
    """Called by the view that serves a public URL of `site`: its response may be cached (see _storable).

    Only when the request's host is the site's own hostname: purges address a site by its hostname, so
    a page served for another name (the default site answering an unknown host) is not kept.
    """
    state = getattr(request, STATE_ATTR, None)
    if state is None or site is None or state.hostname != site.hostname.lower():
        return
    state.cacheable = True
    state.site_id = site.pk
    state.page_id = page.pk if page is not None else None


def snapshot(request, *tags):
    """The current generations of these tags of the request's hostname, for `keep` once the response is
    known to depend on them (read before the data they protect)."""
    state = getattr(request, STATE_ATTR, None) if request is not None else None
    if state is None:
        return {}
    keys = [gen_key(state.hostname, tag) for tag in tags]
    known = {k: state.gens[k] for k in keys if k in state.gens}
    return {**_gens([k for k in keys if k not in known]), **known} if len(known) < len(keys) else known


def gen_key_for(request, tag):
    state = getattr(request, STATE_ATTR, None) if request is not None else None
    return gen_key(state.hostname, tag) if state is not None else None


def keep(request, tokens):
    """The response being rendered for `request` depends on these tags (from `snapshot`)."""
    state = getattr(request, STATE_ATTR, None) if request is not None else None
    if state is not None:
        for key, token in tokens.items():
            state.gens.setdefault(key, token)


def depends_on(request, *tags):
    """The response being rendered for `request` also depends on these tags of its hostname."""
    keep(request, snapshot(request, *tags))


def site_generation(request, site):
    """Tokens of the generations that everything court-wide of `site` follows (every court's, its own)."""
    keys = [gen_key(EVERY_SITE, SITE), gen_key(site.hostname, SITE)]
    state = getattr(request, STATE_ATTR, None) if request is not None else None
    known = state.gens if state is not None else {}
    if all(k in known for k in keys):
        return [known[k] for k in keys]
    found = _gens(keys)
    return [found[k] for k in keys]


def snapshot_global(tag):
    """The current generation of a tag that concerns every court (e.g. the view restrictions)."""
    key = gen_key(EVERY_SITE, tag)
    return _gens([key])[key]


def cached(request, site, name, compute, timeout=MENU_TIMEOUT):
    """compute(), kept in the store under the court's generation (renewed by any court-wide change)."""
    if not enabled() or site is None:
        return compute()
    key = f"{name}:{release()}:{site.pk}:{':'.join(site_generation(request, site))}"
    value = cache().get(key)
    if value is None:
        value = compute()
        cache().set(key, value, timeout=timeout)
    return value


def cacheable_view(view):
    """Wrap a view of the public site that is the same for every visitor (feeds, sitemap)."""
    from functools import wraps

    from wagtail.models import Site

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        mark_cacheable(request, Site.find_for_request(request))
        return response

    return wrapped
