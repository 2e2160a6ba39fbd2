"""What the builder wrote for one site, kept on disk beside the output.

An incremental update needs to know what the last build produced: which
files exist and which page or listing each came from, which pages every file
links to (so that a renamed or unpublished page is re-rendered wherever it
is linked), which assets every file uses (so that unused ones are removed),
which items each listing page showed, and a fingerprint of every page as the
rest of the site shows it. SQLite (stdlib) keeps that queryable without
loading it whole; it lives in <WARTA_STATIC_SITE_DIR>/.warta/, outside the
served tree, and can be deleted at any time: the next full build recreates it.
"""

import json
import sqlite3

SCHEMA = """
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY,      -- file path relative to the site directory
    kind TEXT NOT NULL,         -- page | listing | extra | error | asset
    url TEXT NOT NULL,          -- static URL path the file answers
    request TEXT,               -- dynamic URL that rendered it (path?query)
    page_id INTEGER,            -- page rendered (page and listing files)
    listing TEXT,               -- static URL of the listing's front page (its files: front and month archives)
    number INTEGER,             -- unused since listings have month archives instead of numbered pages;
    items TEXT                  -- (both kept so that state files written before still open)
);
CREATE TABLE IF NOT EXISTS links (src TEXT NOT NULL, dst TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS links_dst ON links (dst);
CREATE INDEX IF NOT EXISTS links_src ON links (src);
CREATE TABLE IF NOT EXISTS refs (src TEXT NOT NULL, asset TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS refs_src ON refs (src);
CREATE TABLE IF NOT EXISTS pages (
    page_id INTEGER PRIMARY KEY,
    url TEXT NOT NULL,
    parent_id INTEGER,
    in_menu INTEGER NOT NULL DEFAULT 0,
    card TEXT NOT NULL,         -- fingerprint of what listings and links show of the page
    rank TEXT NOT NULL          -- fingerprint of where listings place it
);
"""


class BuildState:
    def __init__(self, path):
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(path, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.executescript(SCHEMA)

    def close(self):
        self.db.close()

    # files

    def file(self, path):
        row = self.db.execute(
            "SELECT path, kind, url, request, page_id, listing, number, items FROM files WHERE path = ?", (path,)
        ).fetchone()
        return _file_row(row) if row else None

    def files(self, kind=None):
        sql = "SELECT path, kind, url, request, page_id, listing, number, items FROM files"
        rows = self.db.execute(sql + (" WHERE kind = ?" if kind else ""), (kind,) if kind else ())
        return [_file_row(row) for row in rows]

    def paths(self, kinds=None):
        if kinds:
            marks = ",".join("?" * len(kinds))
            return {row[0] for row in self.db.execute(f"SELECT path FROM files WHERE kind IN ({marks})", kinds)}
        return {row[0] for row in self.db.execute("SELECT path FROM files")}

    def files_of_page(self, page_id):
        rows = self.db.execute(
            "SELECT path, kind, url, request, page_id, listing, number, items FROM files WHERE page_id = ?",
            (page_id,),
        )
        return [_file_row(row) for row in rows]

    def listing_files(self, listing):
        rows = self.db.execute(
            "SELECT path, kind, url, request, page_id, listing, number, items FROM files WHERE listing = ?",
            (listing,),
        )
        return [_file_row(row) for row in rows]

    def put_file(self, path, kind, url, request=None, page_id=None, listing=None):
        self.db.execute(
            "INSERT OR REPLACE INTO files (path, kind, url, request, page_id, listing, number, items) "
            "VALUES (?, ?, ?, ?, ?, ?, NULL, NULL)",
            (path, kind, url, request, page_id, listing),
        )

    def drop_file(self, path):
        self.db.execute("DELETE FROM files WHERE path = ?", (path,))
        self.db.execute("DELETE FROM links WHERE src = ?", (path,))
        self.db.execute("DELETE FROM refs WHERE src = ?", (path,))

    # links and asset references

    def set_links(self, src, urls):
        self.db.execute("DELETE FROM links WHERE src = ?", (src,))
        self.db.executemany("INSERT INTO links (src, dst) VALUES (?, ?)", [(src, url) for url in sorted(urls)])

    def linking_to(self, url):
        return {row[0] for row in self.db.execute("SELECT DISTINCT src FROM links WHERE dst = ?", (url,))}

    def is_linked_from_outside(self, listing):
        """True when some file other than the listing's own pages links to the listing."""
        row = self.db.execute(
            "SELECT 1 FROM links LEFT JOIN files ON files.path = links.src "
            "WHERE links.dst = ? AND (files.listing IS NULL OR files.listing != ?) LIMIT 1",
            (listing, listing),
        ).fetchone()
        return row is not None

    def links_from(self, src):
        return {row[0] for row in self.db.execute("SELECT dst FROM links WHERE src = ?", (src,))}

    def set_refs(self, src, assets):
        self.db.execute("DELETE FROM refs WHERE src = ?", (src,))
        self.db.executemany("INSERT INTO refs (src, asset) VALUES (?, ?)", [(src, a) for a in sorted(assets)])

    def all_refs(self):
        graph = {}
        for src, asset in self.db.execute("SELECT src, asset FROM refs"):
            graph.setdefault(src, set()).add(asset)
        return graph

    # pages

    def page(self, page_id):
        row = self.db.execute(
            "SELECT page_id, url, parent_id, in_menu, card, rank FROM pages WHERE page_id = ?", (page_id,)
        ).fetchone()
        return PageRecord(*row) if row else None

    def pages_under(self, url):
        rows = self.db.execute(
            "SELECT page_id, url, parent_id, in_menu, card, rank FROM pages WHERE substr(url, 1, ?) = ?",
            (len(url), url),
        )
        return [PageRecord(*row) for row in rows]

    def page_ids(self):
        return {row[0] for row in self.db.execute("SELECT page_id FROM pages")}

    def put_page(self, record):
        self.db.execute(
            "INSERT OR REPLACE INTO pages (page_id, url, parent_id, in_menu, card, rank) VALUES (?, ?, ?, ?, ?, ?)",
            (record.page_id, record.url, record.parent_id, int(record.in_menu), record.card, record.rank),
        )

    def drop_page(self, page_id):
        self.db.execute("DELETE FROM pages WHERE page_id = ?", (page_id,))


class FileRecord:
    __slots__ = ("path", "kind", "url", "request", "page_id", "listing", "number", "items")

    def __init__(self, path, kind, url, request, page_id, listing, number, items):
        self.path, self.kind, self.url, self.request = path, kind, url, request
        self.page_id, self.listing, self.number = page_id, listing, number
        self.items = json.loads(items) if items else None


def _file_row(row):
    return FileRecord(*row)


class PageRecord:
    __slots__ = ("page_id", "url", "parent_id", "in_menu", "card", "rank")

    def __init__(self, page_id, url, parent_id, in_menu, card, rank):
        self.page_id, self.url, self.parent_id = page_id, url, parent_id
        self.in_menu, self.card, self.rank = bool(in_menu), card, rank

    def __eq__(self, other):
        return isinstance(other, PageRecord) and all(getattr(self, a) == getattr(other, a) for a in self.__slots__)
