"""Building one site's static output: the whole site, or only what a page change touches.

Both runs share one engine: a priority queue of URLs (Targets) to render.
Each rendered HTML file is scanned for the pages and listings it links to and
the assets it uses; links that need the CMS are rewritten, listing links get
their static paths (urlscheme.py). A full build seeds the queue with every
live page and follows every listing link it finds; a sync seeds it with the
changed pages and what depends on them (see `sync`). Files are written only
when their bytes change and removed when their URL is gone.
"""

import fcntl
import heapq
import json
import logging
import re
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from urllib.parse import unquote, urljoin, urlsplit

from django.urls import NoReverseMatch, reverse
from wagtail.models import Page

from . import assets, conf, files, links, parallel, urlscheme
from .affected import describe, rank_dependents
from .render import SiteRenderer
from .state import BuildState
from .urlscheme import Target

logger = logging.getLogger(__name__)
_held_locks = threading.local()

# Site-wide URLs outside the page tree that the static site carries.
EXTRA_URL_NAMES = ("news_feed_rss", "news_feed_atom", "sitemap")
# Rendered through the normal 404 handling (a path no page has) and written to /404.html.
NOT_FOUND = Target(path="/404.html", request_path="/.warta-tidak-ada/")
SKIP_PREFIXES = ("#", "mailto:", "tel:", "javascript:", "data:")

# Queue priorities: the changed page first, so that its own file is out soonest.
FIRST, NEAR, LINKED, DEPENDENT, LATER = range(5)
RENDERED_KINDS = ("page", "listing", "extra", "error")
# A sync that has to redo more pages than this (a moved section) does a full build instead.
FULL_BUILD_AFTER = 300


@dataclass
class Summary:
    written: list = field(default_factory=list)  # rendered files whose bytes changed
    unchanged: int = 0
    removed: list = field(default_factory=list)
    assets_written: int = 0
    assets_unchanged: int = 0
    errors: list = field(default_factory=list)  # (url, problem)
    warnings: list = field(default_factory=list)
    dynamic_links: set = field(default_factory=set)  # paths only the CMS answers
    purge_urls: set = field(default_factory=set)  # public URLs whose content changed or went away
    full: bool = False
    started: float = field(default_factory=time.monotonic)
    elapsed: float = 0.0

    @property
    def rendered(self):
        return len(self.written) + self.unchanged


class SiteBuilder:
    def __init__(self, site, progress=None):
        self.site = site
        self.root = conf.site_dir(site)
        self.progress = progress
        self.renderer = SiteRenderer(site)
        self.dynamic_url = conf.dynamic_url()
        host = self.renderer.extra["HTTP_HOST"].lower()
        self.origin = ("https" if self.renderer.secure else "http") + "://" + host
        self.public_origin = site.root_url
        self.host_names = {host, site.hostname.lower(), urlsplit(site.root_url).netloc.lower()}
        self.extras = self._extra_urls()
        self.summary = Summary()
        self.state = None

    # entry points

    def build_all(self):
        """Render every public URL of the site; remove files whose URL is gone."""
        with self._session():
            self._build_all()
        return self.summary

    def sync(self, page_ids):
        """Bring the output up to date after the given pages changed (published, unpublished, moved, deleted).

        What is re-rendered, in order:
        1. each changed page still live, at its current URL (its old files go if the URL changed,
           and its descendants are synced too, since their URLs changed with it);
        2. the pages at every URL prefix (home, the news index ...); the listings the page links to
           (its category and tags) or linked to before, each with its month archive for the page's
           month (before and after); a month archive that appears or goes away, with the months
           beside it (their "newer"/"older" links);
        3. if what other pages show of it (its card) changed: every file linking to it (listing
           pages, breadcrumbs, menus, "Berita lainnya" boxes, rich-text links);
        4. if where listings rank it changed: pages whose boxes may now show it (affected.py);
        5. the feeds and the sitemap.
        A page joining the main menu rebuilds the whole site.
        """
        with self._session():
            self._sync(list(dict.fromkeys(page_ids)))
        return self.summary

    # session: lock, state, page tree

    @contextmanager
    def _session(self):
        state_dir = conf.state_dir()
        state_dir.mkdir(parents=True, exist_ok=True)
        key = conf.site_key(self.site)
        held = _held_locks.__dict__.setdefault("keys", set())
        if key in held:
            # flock would wait for ourselves forever (a task run inline from inside a render).
            raise RuntimeError(f"static site {key}: a build started inside a running build")
        held.add(key)
        try:
            with self._locked_session(state_dir, key):
                yield
        finally:
            held.discard(key)

    @contextmanager
    def _locked_session(self, state_dir, key):
        with open(state_dir / f"{key}.lock", "w") as lock:
            # One writer per site at a time (task workers and the command), or an older render
            # could land after a newer one.
            fcntl.flock(lock, fcntl.LOCK_EX)
            self.state = BuildState(state_dir / f"{key}.sqlite3")
            try:
                self._reset()
                self._load_tree()
                self.state.db.execute("BEGIN")
                yield
            finally:
                # Committed even after a failure: each file's record is stored right after the file
                # is written, so the state always describes what is on disk. Page records are stored
                # only at the end, so an interrupted sync leaves its pages "changed" for the next
                # sync of them and for the nightly full build, which repair the rest.
                if self.state.db.in_transaction:
                    self.state.db.execute("COMMIT")
                self.state.close()
                self.summary.elapsed = time.monotonic() - self.summary.started

    def _reset(self):
        self._queue = []
        self._seq = 0
        self._follow = {}
        self._done = set()
        self._produced = set()
        self._stale = set()
        self._unlinked = set()
        self._assets = {}
        self._classified = {}
        self._months = {}  # page id -> the months ("2026-11") it is or was listed under

    def _load_tree(self):
        self.site_root = Page.objects.get(pk=self.site.root_page_id)
        prefix = len(self.site_root.url_path) - 1
        tree = Page.objects.descendant_of(self.site_root, inclusive=True)
        self.id_at_path = dict(tree.values_list("path", "pk"))
        live = tree.live().public().values_list("pk", "url_path", "path")
        self.url_of = {pk: url_path[prefix:] for pk, url_path, _path in live}
        self.tree_path_of = {pk: path for pk, _url, path in live}
        self.page_at = {url: pk for pk, url in self.url_of.items()}

    def _extra_urls(self):
        urls = []
        for name in EXTRA_URL_NAMES:
            try:
                urls.append(reverse(name))
            except NoReverseMatch:
                pass
        return urls

    # queue

    def _enqueue(self, target, priority, follow=False):
        if target is None or target.path in self._done:
            return
        self._follow[target.path] = self._follow.get(target.path, False) or follow
        self._seq += 1
        heapq.heappush(self._queue, (priority, self._seq, target))

    def _run(self):
        if self.summary.full and parallel.usable(len(self._queue)):
            # A full build's rendering spread over several processes (parallel.py); the rest stays here.
            parallel.Pool(self.site, parallel.processes()).render_all(self._next_target, self._handle,
                                                                      NOT_FOUND.__eq__)
            return
        while (target := self._next_target()) is not None:
            self._handle(target, self._render(target))

    def _next_target(self):
        """The next queued target not yet done (marked done), or None when the queue is empty."""
        while self._queue:
            _priority, _seq, target = heapq.heappop(self._queue)
            if target.path not in self._done:
                self._done.add(target.path)
                return target
        return None

    def _handle(self, target, rendered):
        self._process(target, self._follow.pop(target.path, False), rendered)
        if self.progress:
            self.progress(len(self._done), len(self._done) + len(self._follow), target.path)

    def _render(self, target):
        if target == NOT_FOUND:
            return self.renderer.not_found_page(target.request_path)
        return self.renderer.get(target.request_path, target.query)

    def _page_target(self, page_id):
        url = self.url_of.get(page_id)
        return Target(path=url, request_path=url) if url else None

    def _target_for_file(self, path):
        record = self.state.file(path)
        if record is None or record.kind == "asset":
            return None
        if record.kind == "error":
            return NOT_FOUND
        if record.kind == "extra":
            return Target(path=record.url, request_path=record.url)
        request_path, _, query = (record.request or record.url).partition("?")
        if request_path not in self.page_at:
            return None
        return urlscheme.listing_target(request_path, query)

    # full build

    def _build_all(self):
        self.summary.full = True
        if self.root.exists():
            files.remove_stale_temp_files(self.root)
        pages = self._live_pages(self.url_of)
        for page in pages:
            self._enqueue(self._page_target(page.pk), NEAR, follow=True)
        for url in self.extras:
            self._enqueue(Target(path=url, request_path=url), NEAR)
        self._enqueue(NOT_FOUND, NEAR)
        self._run()
        files.flush_all()  # pages were written without a flush each: one for all, before the state is committed
        if self.summary.errors:
            # What a failed page would have linked to (its pagination, say) was not reached either.
            logger.error("static site: %d URL(s) failed; nothing is removed in this build", len(self.summary.errors))
        else:
            for path in self.state.paths(RENDERED_KINDS) - self._produced:
                self._remove(path)
        live_ids = set()
        for page in pages:
            self.state.put_page(self._describe(page))
            live_ids.add(page.pk)
        for page_id in self.state.page_ids() - live_ids:
            self.state.drop_page(page_id)
        self._collect_garbage()

    def _live_pages(self, ids):
        return list(
            Page.objects.filter(pk__in=list(ids)).live().public().specific().defer_streamfields().order_by("path")
        )

    def _describe(self, page):
        parent_id = self.id_at_path.get(page.path[: -Page.steplen]) if page.depth > 1 else None
        return describe(page, self.url_of[page.pk], parent_id, self.site_root)

    # incremental sync

    def _sync(self, page_ids):
        work = list(page_ids)
        handled = set()
        new_records, gone = [], []
        while work:
            page_id = work.pop(0)
            if page_id in handled:
                continue
            handled.add(page_id)
            if len(handled) > FULL_BUILD_AFTER:
                # A whole section moved or went offline: one pass over the site is cheaper.
                self._reset()
                self._build_all()
                return
            old = self.state.page(page_id)
            page = next(iter(self._live_pages([page_id])), None) if page_id in self.url_of else None
            new = self._describe(page) if page else None
            if old is None and new is None:
                continue  # not part of this site
            card_changed = old is None or new is None or old.card != new.card
            if new and new.in_menu and not (old and old.in_menu):
                # A page joins the main menu, which every page shows: rebuild everything. (Changes
                # to pages already in the menu reach every page through the links to them.)
                self._reset()
                self._build_all()
                return
            self._months[page_id] = {month for month in (_month(old), _month(new)) if month}
            if new:
                self._enqueue(self._page_target(page_id), FIRST, follow=True)
                new_records.append(new)
            else:
                gone.append(page_id)
            if old and (new is None or old.url != new.url):
                self._stale.update(record.path for record in self.state.files_of_page(page_id))
                work.extend(record.page_id for record in self.state.pages_under(old.url))
                if page is not None:
                    work.extend(pk for pk, path in self.tree_path_of.items() if path.startswith(page.path))
            for url in {record.url for record in (old, new) if record}:
                for prefix in urlscheme.url_prefixes(url):
                    self._enqueue(self._page_target(self.page_at.get(prefix)), NEAR)
            if old:
                # The listings it appeared in before (its old category and tags).
                for old_file in self.state.files_of_page(page_id):
                    if old_file.kind == "page":
                        for dst in self.state.links_from(old_file.path):
                            if dst not in self.page_at:
                                listing = urlscheme.split_static_path(dst, self.page_at.__contains__)
                                self._enqueue(listing, NEAR)
                                self._enqueue_months(listing, self._months[page_id])
            if card_changed:
                for url in {record.url for record in (old, new) if record}:
                    for src in self.state.linking_to(url):
                        self._enqueue(self._target_for_file(src), LINKED)
            if old is None or new is None or old.rank != new.rank:
                for dependent in sorted(rank_dependents(old, new)):
                    self._enqueue(self._page_target(dependent), DEPENDENT)
        if not handled:
            return
        for url in self.extras:
            self._enqueue(Target(path=url, request_path=url), NEAR)
        self._run()
        for path in self._stale - self._produced:
            self._remove(path)
        for listing in self._unlinked:
            if listing not in self.page_at and not self.state.is_linked_from_outside(listing):
                for record in self.state.listing_files(listing):
                    self._remove(record.path)
        for record in new_records:
            self.state.put_page(record)
        for page_id in gone:
            self.state.drop_page(page_id)
        self._collect_garbage()

    # rendering one URL

    def _process(self, target, follow, rendered):
        is_error_page = target == NOT_FOUND
        expected = 404 if is_error_page else 200
        if rendered.status != expected:
            self._not_rendered(target, rendered.status)
            return
        file_path = urlscheme.file_for(target.path, rendered.content_type)
        destination = self._output_path(file_path)
        if destination is None:
            self._refuse_path(target.path)
            return
        page_links, asset_urls, listing_links = set(), set(), []
        data = rendered.content
        if rendered.content_type.startswith("text/html"):
            data, page_links, asset_urls, listing_links = self._process_html(rendered, target)
        is_new = self.state.file(file_path) is None
        if _only_build_time_differs(destination, data, rendered.content_type):
            data = destination.read_bytes()
        if files.write_page(destination, data, durable=not self.summary.full):
            self.summary.written.append(file_path)
            if not is_error_page:
                self.summary.purge_urls.update(self._public_urls(target))
        else:
            self.summary.unchanged += 1
        kind = "error" if is_error_page else "extra" if target.path in self.extras else \
            "listing" if target.query else "page"
        # A listing's files (its front page and month archives) are found by its front page's path.
        self.state.put_file(file_path, kind, target.path, request=target.request_url,
                            page_id=self.page_at.get(target.request_path),
                            listing=target.front.path if target.query else None)
        old_links = self.state.links_from(file_path)
        self._unlinked.update(old_links - page_links)
        self.state.set_links(file_path, page_links)
        self.state.set_refs(file_path, {path for path in (self._asset(url) for url in asset_urls) if path})
        self._produced.add(file_path)
        if follow or self.summary.full or (is_new and target.month):
            # A new month archive also brings its neighbours (their "newer"/"older" links now reach it).
            for listing in listing_links:
                self._enqueue(listing, NEAR)
        if not target.query:
            # A changed page's listings (its category's, its tags') show it in their month archives too.
            months = self._months.get(self.page_at.get(target.request_path))
            for listing in listing_links if months else ():
                self._enqueue_months(listing, months)

    def _enqueue_months(self, listing, months):
        if listing is not None and not listing.month:
            for month in months:
                self._enqueue(listing.with_month(month), NEAR)

    def _not_rendered(self, target, status):
        """Keep the old file on a server error; drop it when the URL no longer exists."""
        candidates = [urlscheme.file_for(target.path, ct) for ct in ("text/html", "application/xml")]
        known = [path for path in candidates if self.state.file(path)]
        if status >= 500 or status == 400:
            # 400 is what Django answers for a host missing from ALLOWED_HOSTS.
            self.summary.errors.append((target.request_url, f"{status} (ALLOWED_HOSTS?)" if status == 400 else status))
            self._produced.update(known)  # a full build must not remove them either
            logger.error("static site: %s answered %s; the old file is kept", target.request_url, status)
            return
        if status not in (404, 410):
            self.summary.warnings.append((target.request_url, status))
        elif target.month:
            # A month archive whose last item went: the months beside it lose their link to it.
            for path in known:
                for dst in self.state.links_from(path):
                    neighbour = urlscheme.split_static_path(dst, self.page_at.__contains__)
                    if neighbour is not None and neighbour.month:
                        self._enqueue(neighbour, NEAR)
        self._stale.update(known)

    def _process_html(self, rendered, target):
        charset = _charset(rendered.content_type)
        text = rendered.content.decode(charset)
        base = self.origin + target.request_url
        page_links, asset_urls, listing_links = set(), set(), []
        for attr, value in links.html_urls(text):
            if attr == "content" and not value.startswith(("http://", "https://")):
                continue  # <meta content> is a URL only when absolute
            link = self._classify(value, base)
            if link is None:
                continue
            kind, found = link
            if kind in ("page", "listing"):
                page_links.add(found.path)
                if kind == "listing":
                    listing_links.append(found)
            elif kind == "asset":
                asset_urls.add(found)
            elif kind == "dynamic":
                self.summary.dynamic_links.add(found)
        text = links.rewrite_html(text, lambda value: self._rewrite(value, base), self._rewrite_media)
        return text.encode(charset), page_links, asset_urls, listing_links

    def _classify(self, value, base):
        """('page'|'listing', Target) | ('asset'|'extra'|'dynamic', path) | None for other sites."""
        if not value or value.startswith(SKIP_PREFIXES):
            return None
        absolute = urljoin(base, value)
        if absolute in self._classified:
            return self._classified[absolute]
        parts = urlsplit(absolute)
        result = None
        media = assets.media_path_for(absolute)
        if media is not None:
            result = ("asset", media)
        elif parts.scheme in ("http", "https") and parts.netloc.lower() in self.host_names:
            path, query = unquote(parts.path), parts.query
            if path in self.page_at:
                target = urlscheme.listing_target(path, query) if query else Target(path=path, request_path=path)
                if target is None:
                    result = ("dynamic", path)
                else:
                    result = ("listing" if target.query else "page", target)
            elif path in self.extras:
                result = ("extra", path)
            elif assets.is_asset_url(path):
                result = ("asset", path)
            else:
                result = ("dynamic", path)
        self._classified[absolute] = result
        return result

    def _rewrite(self, value, base):
        link = self._classify(value, base)
        if link is None:
            return None
        kind, found = link
        parts = urlsplit(urljoin(base, value))
        fragment = f"#{parts.fragment}" if parts.fragment else ""
        if kind in ("page", "listing") and parts.query:
            prefix = self.public_origin if value.startswith(("http://", "https://", "//")) else ""
            return prefix + found.path + fragment
        if kind == "dynamic" and self.dynamic_url:
            return self.dynamic_url + parts.path + (f"?{parts.query}" if parts.query else "") + fragment
        return None

    def _rewrite_media(self, value, attr):
        """An object-storage media URL becomes the copy's path in the output (absolute in <meta content>)."""
        media = assets.media_path_for(value)
        if media is None or self._asset(media) is None:
            return None  # not one, or not copied (missing, refused): the original URL stays
        return self.public_origin + media if attr == "content" else media

    # assets

    def _asset(self, url_path):
        """Copy the asset behind `url_path` into the output (once per run); its file path or None."""
        if url_path in self._assets:
            return self._assets[url_path]
        self._assets[url_path] = None
        try:
            source = assets.source_for(url_path)
        except assets.UnsafeAsset:
            self._refuse_path(url_path)
            return None
        if source is None:
            self.summary.warnings.append((url_path, "missing"))
            return None
        relative = url_path.lstrip("/")
        destination = self._output_path(relative)
        if destination is None:
            self._refuse_path(url_path)
            return None
        if files.copy_file(source, destination):
            self.summary.assets_written += 1
            self.summary.purge_urls.add(self.public_origin + url_path)
        else:
            self.summary.assets_unchanged += 1
        self._assets[url_path] = relative
        self.state.put_file(relative, "asset", url_path, request=str(source))
        self._produced.add(relative)
        if relative.endswith(".css"):
            base = self.origin + url_path
            used = set()
            for value in links.css_urls(source.read_text(encoding="utf-8", errors="replace")):
                link = self._classify(value, base)
                if link and link[0] == "asset":
                    used.add(self._asset(link[1]))
            self.state.set_refs(relative, used - {None})
        return relative

    def _collect_garbage(self):
        """Remove assets that no written file uses any more (following stylesheets' own references)."""
        asset_paths = self.state.paths(("asset",))
        graph = self.state.all_refs()
        reachable = set()
        stack = [asset for src, used in graph.items() if src not in asset_paths for asset in used]
        while stack:
            asset = stack.pop()
            if asset not in reachable:
                reachable.add(asset)
                stack.extend(graph.get(asset, ()))
        for path in asset_paths - reachable:
            self._remove(path)

    def _output_path(self, relative):
        """Where a file of the output goes: inside the site's folder, or None (the caller skips it)."""
        return files.path_inside(self.root, relative)

    def _refuse_path(self, url_path):
        """A URL whose file would come from or go to outside its folder: skipped, said, and the build goes on."""
        self.summary.warnings.append((url_path, "unsafe path"))
        logger.warning("static site: %r leads outside its folder; not copied", url_path)

    def _remove(self, path):
        record = self.state.file(path)
        self._unlinked.update(self.state.links_from(path))
        output = self._output_path(path)
        compressed = record is None or record.kind in RENDERED_KINDS
        if output is not None and files.remove_file(output, self.root, compressed=compressed):
            self.summary.removed.append(path)
        if record is not None and record.kind in ("page", "listing", "extra"):
            self.summary.purge_urls.update({self.public_origin + record.url, self.public_origin + record.request})
        self.state.drop_file(path)

    def _public_urls(self, target):
        """Public URLs showing this target: its static path and its dynamic URL (for frontend caches)."""
        return {self.public_origin + target.path, self.public_origin + target.request_url}


# A feed whose items carry no dates gets the time of rendering as its build time
# (Django's syndication falls back to now()); that alone is no reason to rewrite it.
FEED_BUILD_TIME_RE = re.compile(rb"<lastBuildDate>[^<]*</lastBuildDate>|<updated>[^<]*</updated>")


def _only_build_time_differs(path, data, content_type):
    if not content_type.startswith(("application/rss+xml", "application/atom+xml")):
        return False
    try:
        old = path.read_bytes()
    except (FileNotFoundError, NotADirectoryError):
        return False
    return old != data and FEED_BUILD_TIME_RE.sub(b"", old, count=1) == FEED_BUILD_TIME_RE.sub(b"", data, count=1)


def _month(record):
    """The month ("2026-11") a page is listed under in month archives: its date's, if it has one."""
    if record is None:
        return None
    date = json.loads(json.loads(record.rank)["fields"]).get("date")
    return date[:7] if isinstance(date, str) and len(date) >= 7 else None


def _charset(content_type):
    for part in content_type.split(";")[1:]:
        name, _, value = part.strip().partition("=")
        if name.lower() == "charset" and value:
            return value
    return "utf-8"
