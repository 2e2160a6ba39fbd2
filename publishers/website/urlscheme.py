"""How the dynamic site's listing URLs map to paths in the static output.

The dynamic site filters and paginates listings with query strings
(`/berita/?kategori=kegiatan&halaman=2`). A static host serves files by path
and ignores query strings, so each such listing is written as its own file:

    /berita/?kategori=kegiatan            -> /berita/kategori/kegiatan/
    /berita/?tag=sidang-keliling           -> /berita/tag/sidang-keliling/
    /berita/?kategori=kegiatan&bulan=2026-11 -> /berita/kategori/kegiatan/bulan/2026-11/

Templates keep writing the dynamic form; the builder rewrites links in the
HTML it writes (publishers/website/links.py), so both modes share one set of
templates. Segments always come in the order of LISTING_PARAMS.
"""

from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode

from cms.models.news import ARCHIVE_PARAM as MONTH_PARAM
from cms.models.news import parse_month

# Query parameters the static output can represent, in path order. A link
# carrying any other parameter stays dynamic.
LISTING_PARAMS = ("kategori", "tag", "bulan")

HTML_TYPES = ("text/html",)
XML_TYPES = ("application/rss+xml", "application/atom+xml", "application/xml", "text/xml")


@dataclass(frozen=True, order=True)
class Target:
    """One URL of the static site: the dynamic request that renders it and where its file goes."""

    path: str  # static URL path, e.g. "/berita/kategori/kegiatan/bulan/2026-11/"
    request_path: str  # dynamic path, e.g. "/berita/"
    query: tuple = ()  # dynamic query as ((name, value), ...) in LISTING_PARAMS order

    @property
    def month(self):
        return dict(self.query).get(MONTH_PARAM)

    @property
    def front(self):
        """The listing's front page (this target without its month)."""
        return listing_target(self.request_path, tuple((k, v) for k, v in self.query if k != MONTH_PARAM))

    def with_month(self, month):
        query = [(k, v) for k, v in self.query if k != MONTH_PARAM]
        query.append((MONTH_PARAM, month))
        return listing_target(self.request_path, query)

    @property
    def request_url(self):
        return self.request_path + ("?" + urlencode(self.query) if self.query else "")


def _valid_value(name, value):
    if not value or "/" in value or value in (".", ".."):
        return False
    if name == MONTH_PARAM:
        return parse_month(value) is not None
    return True


def listing_target(page_path, query):
    """Target for a page URL plus listing parameters, or None when the query cannot be static.

    `query` is a query string or (name, value) pairs.
    """
    pairs = parse_qsl(query, keep_blank_values=True) if isinstance(query, str) else list(query)
    values = {}
    for name, value in pairs:
        if name not in LISTING_PARAMS or name in values:
            return None
        if not _valid_value(name, value):
            return None
        values[name] = value
    ordered = tuple((name, values[name]) for name in LISTING_PARAMS if name in values)
    path = page_path + "".join(f"{name}/{value}/" for name, value in ordered)
    return Target(path=path, request_path=page_path, query=ordered)


def split_static_path(path, is_page_url):
    """The Target a static listing path stands for, or None.

    Walks back from the end over `name/value/` pairs until what is left is a page
    URL (`is_page_url(path) -> bool`). A real page always wins over a listing reading.
    """
    if not path.endswith("/"):
        return None
    if is_page_url(path):
        return Target(path=path, request_path=path)
    segments = path.strip("/").split("/")
    pairs = []
    while len(segments) >= 2 and segments[-2] in LISTING_PARAMS:
        pairs.insert(0, (segments[-2], segments[-1]))
        segments = segments[:-2]
        base = "/" + "/".join(segments) + "/" if segments else "/"
        if is_page_url(base):
            target = listing_target(base, pairs)
            return target if target and target.path == path else None
    return None


def file_for(path, content_type=""):
    """Relative file path for a static URL path: directory URLs get index.html or index.xml."""
    relative = path.lstrip("/")
    if path.endswith("/"):
        mime = content_type.split(";")[0].strip().lower()
        name = "index.xml" if mime in XML_TYPES else "index.html"
        return relative + name
    return relative


def url_prefixes(url):
    """'/berita/x/' -> ['/', '/berita/']: the URLs of its ancestors within the site."""
    if url == "/":
        return []
    parts = url.strip("/").split("/")
    return ["/" + "/".join(parts[:i]) + ("/" if i else "") for i in range(len(parts))]
