"""Links an editor writes never take a file from outside its folder into the static site, nor write outside it.

The court's database sits beside the static and media folders, as it does under `make run`; a news item
links to it in every spelling a URL allows (encoded dots in both cases, an encoded slash or backslash,
double encoding, absolute paths, symlinks in the media and static folders, a document whose stored name
leads out). The build must copy none of it, write nothing outside the site's folder, and finish; a later
approval's sync must finish too.
"""

import json
import os
from pathlib import Path

import pytest
import wagtail_factories
from django.core.cache import caches
from wagtail.models import Page

from publishers.website import files
from publishers.website.builder import SiteBuilder
from tests.support.factories import NewsPageFactory

pytestmark = pytest.mark.django_db

DATABASE_BYTES = b"SQLite format 3\x00 password hashes, encrypted tokens, drafts"
SECRET_BYTES = b"kunci rahasia server"


def every_file(root):
    return {str(path.relative_to(root)) for path in Path(root).rglob("*") if path.is_file() or path.is_symlink()}


@pytest.fixture
def server(settings, tmp_path):
    """var/ as `make run` lays it out (database beside static/ and media/), a secret above it, an empty output."""
    var = tmp_path / "var"
    (var / "static").mkdir(parents=True)
    (var / "media" / "images").mkdir(parents=True)
    (var / "media" / "documents").mkdir(parents=True)
    database = var / "warta.sqlite3"
    database.write_bytes(DATABASE_BYTES)
    secret = tmp_path / "secret.txt"
    secret.write_bytes(SECRET_BYTES)
    os.symlink(database, var / "media" / "images" / "foto.jpg")
    os.symlink(secret, var / "static" / "gaya.css")
    (var / "media" / "documents" / "rahasia.pdf").write_bytes(b"%PDF-1.4 dokumen internal")
    settings.STATIC_ROOT = str(var / "static")
    settings.MEDIA_ROOT = str(var / "media")
    settings.WARTA_STATIC_SITE_DIR = str(tmp_path / "out")
    settings.WARTA_STATIC_DYNAMIC_URL = ""
    yield type("Server", (), {"root": tmp_path, "var": var, "database": database, "secret": secret,
                              "out": tmp_path / "out", "site_dir": tmp_path / "out" / "testserver"})
    # Wagtail caches renditions by image id: later tests must not find ones stored in this media folder.
    for cache in caches.all():
        cache.clear()


def hostile_links(server, document):
    db, secret = str(server.database), str(server.secret)
    return [
        "/static/%2e%2e/warta.sqlite3",
        "/static/%2E%2E/warta.sqlite3",
        "/static/..%2fwarta.sqlite3",
        "/static/..%2Fwarta.sqlite3",
        "/static/%252e%252e/warta.sqlite3",
        "/static/%252e%252e%252fwarta.sqlite3",
        "/static/%25252e%25252e/warta.sqlite3",
        "/static/..%5cwarta.sqlite3",
        "/static/..\\warta.sqlite3",
        "/static/%2e%2e%00/warta.sqlite3",
        "/static/%2e%2e/%2e%2e/secret.txt",
        "/static/%2e%2e/%2e%2e/%2e%2e/x.txt",
        "/static/" + db,
        "/static/%2f" + db.lstrip("/"),
        "/static/gaya.css",  # a symlink to the secret
        "/media/%2e%2e/warta.sqlite3",
        "/media/%2E%2E/%2e%2e/secret.txt",
        "/media/..%2f..%2fsecret.txt",
        "/media/%252e%252e/warta.sqlite3",
        "/media/images/..%5c..%5cwarta.sqlite3",
        "/media/images/%2e%2e%2f%2e%2e%2f%2e%2e%2fsecret.txt",
        "/%73tatic/%2e%2e/warta.sqlite3",
        "/media/%2f" + secret.lstrip("/"),
        "/media/images/foto.jpg",  # a symlink to the database
        "/media/documents/rahasia.pdf",  # documents only through their serve view
        document.url,  # its stored file name leads out of the media folder
    ]


@pytest.fixture
def trap(court, server):
    """A live news item whose body links every hostile spelling, beside a normal image."""
    document = wagtail_factories.DocumentFactory(title="Salinan")
    type(document).objects.filter(pk=document.pk).update(file="../warta.sqlite3")
    document.refresh_from_db()
    image = wagtail_factories.ImageFactory(title="Gedung")
    hrefs = hostile_links(server, document)
    paragraph = "".join(f'<p><a href="{href}">tautan {number}</a></p>' for number, href in enumerate(hrefs))
    page = NewsPageFactory(parent=court.news_index, title="Berita jebakan", slug="jebakan", hero_image=image,
                           hero_alt="Gedung pengadilan")
    page.body = json.dumps([{"type": "paragraph", "value": paragraph}])
    page.save_revision().publish()
    return type("Trap", (), {"page": page, "hrefs": hrefs, "image": image})


def assert_nothing_leaked(server, before):
    after = every_file(server.root)
    # New files: the site's output, its build state, and the renditions rendering the page made.
    outside = {path for path in after - before
               if not path.startswith(("out/testserver/", "out/.warta/", "var/media/images/example."))}
    assert outside == set()
    for path in Path(server.out).rglob("*"):
        if path.is_file():
            assert path.read_bytes() not in (DATABASE_BYTES, SECRET_BYTES), path
    assert not any(path.is_symlink() for path in Path(server.out).rglob("*"))


def test_hostile_links_copy_nothing_from_outside_and_the_build_completes(trap, server, court, caplog):
    before = every_file(server.root)
    summary = SiteBuilder(court.site).build_all()

    assert summary.errors == []
    page_html = (server.site_dir / "berita" / "jebakan" / "index.html").read_text()
    assert "Berita jebakan" in page_html and "tautan 0" in page_html
    # The site's own assets are still there.
    assert (server.site_dir / "static" / "cms" / "css" / "site.css").is_file()
    rendition = trap.image.get_rendition("width-800")
    assert (server.site_dir / rendition.url.lstrip("/")).is_file()
    assert_nothing_leaked(server, before)
    refused = {url for url, problem in summary.warnings if problem == "unsafe path"}
    assert len(refused) >= 15, summary.warnings
    assert "leads outside its folder" in caplog.text
    assert not (server.site_dir / "media" / "documents").exists()

    # The approval of the next version syncs without an error, and the build after it too.
    trap.page.title = "Berita jebakan (perbaikan)"
    trap.page.save_revision().publish()
    summary = SiteBuilder(court.site).sync([trap.page.pk])
    assert summary.errors == [] and "berita/jebakan/index.html" in summary.written
    assert SiteBuilder(court.site).build_all().errors == []
    assert_nothing_leaked(server, before)


def test_a_new_hostile_item_approved_after_the_build_syncs_through_the_task(trap, server, court, caplog):
    """The incremental path the worker takes on approval (tasks.sync_pages) refuses the same links and finishes."""
    from publishers.website import tasks

    SiteBuilder(court.site).build_all()
    document = wagtail_factories.DocumentFactory(title="Lain")
    before = every_file(server.root)
    hrefs = hostile_links(server, document)
    paragraph = "".join(f'<p><a href="{href}">tautan {number}</a></p>' for number, href in enumerate(hrefs))
    page = NewsPageFactory(parent=court.news_index, title="Berita jebakan kedua", slug="jebakan-kedua")
    page.body = json.dumps([{"type": "paragraph", "value": paragraph}])
    page.save_revision().publish()
    caplog.clear()
    reports = tasks.sync_pages.call([page.pk])
    assert reports and all(report["errors"] == [] for report in reports)
    assert (server.site_dir / "berita" / "jebakan-kedua" / "index.html").is_file()
    assert "leads outside its folder" in caplog.text
    assert_nothing_leaked(server, before)


def test_a_symlink_in_the_output_folder_is_not_written_through(trap, server, court):
    elsewhere = server.root / "elsewhere"
    elsewhere.mkdir()
    server.site_dir.mkdir(parents=True)
    os.symlink(elsewhere, server.site_dir / "media")
    summary = SiteBuilder(court.site).build_all()
    assert summary.errors == []
    assert list(elsewhere.iterdir()) == []
    assert any(url.startswith("/media/images/") and problem == "unsafe path" for url, problem in summary.warnings)


def test_removal_of_a_recorded_path_stays_inside_the_site(trap, server, court):
    """A path recorded by an older build that leads out is forgotten, never deleted outside the site."""
    SiteBuilder(court.site).build_all()
    victim = server.out / "korban.txt"
    victim.write_bytes(b"tetap ada")
    builder = SiteBuilder(court.site)
    with builder._session():
        builder.state.put_file("static/../../korban.txt", "asset", "/static/../../korban.txt")
    Page.objects.get(pk=trap.page.pk).specific.unpublish()
    SiteBuilder(court.site).build_all()
    assert victim.read_bytes() == b"tetap ada"


@pytest.mark.parametrize("value, expected", [
    ("cms/css/site.css", "cms/css/site.css"),
    ("images/foto%20baru.jpg", "images/foto%20baru.jpg"),
    ("../warta.sqlite3", None),
    ("./x", None),
    ("%2e%2e/x", None),
    ("%2E%2E/x", None),
    ("..%2fx", None),
    ("%252e%252e/x", None),
    ("%25252e%25252e%25252fx", None),
    ("a/%2e/b", None),
    ("..\\x", None),
    ("a%5c..%5cx", None),
    ("/etc/passwd", None),
    ("%2fetc/passwd", None),
    ("a//b", None),
    ("x%00.css", None),
    ("%252525252e", None),
])
def test_plain_relative_path(value, expected):
    assert files.plain_relative_path(value) == expected


def test_path_inside(tmp_path):
    root = tmp_path / "situs"
    (root / "a").mkdir(parents=True)
    os.symlink(tmp_path, root / "keluar")
    assert files.path_inside(root, "a/b.html") == root / "a" / "b.html"
    assert files.path_inside(root, "baru/b.html") == root / "baru" / "b.html"
    assert files.path_inside(root, "../x") is None
    assert files.path_inside(root, "a/../../x") is None
    assert files.path_inside(root, "/etc/passwd") is None
    assert files.path_inside(root, "keluar/x") is None
    assert files.path_inside(root, "") is None
