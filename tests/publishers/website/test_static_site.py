"""Static publishing of the public site, end to end.

The court's newsroom is published, the static site is built, then the people
of the SOP act through the admin (the Kasubag approves, unpublishes, moves,
deletes) and the output tree is compared before and after. The oracle for
"exactly the affected files" is a fresh full build of the new state: the
incrementally updated tree must equal it byte for byte, and the files that
were touched must be exactly those whose bytes differ from before.
"""

import datetime
import gzip
import http.server
import json
import threading
from pathlib import Path

import pytest
import wagtail_factories
from bs4 import BeautifulSoup
from django.core.management import CommandError, call_command
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, rich_text, streamfield

from publishers.website import files as static_files
from publishers.website.builder import SiteBuilder
from tests.support.factories import NewsCategoryFactory, NewsIndexPageFactory, NewsPageFactory

STATE_DIR = ".warta"


# helpers


def snapshot(root):
    """{relative path: (bytes, mtime_ns, inode)} of every served file under root (state excluded)."""
    tree = {}
    for path in Path(root).rglob("*"):
        if path.is_file() and STATE_DIR not in path.relative_to(root).parts:
            stat = path.stat()
            tree[str(path.relative_to(root))] = (path.read_bytes(), stat.st_mtime_ns, stat.st_ino)
    return tree


def touched(before, after):
    """Files created, removed or rewritten (a rewrite replaces the inode and the mtime)."""
    return {path for path in before.keys() | after.keys()
            if path not in before or path not in after or before[path][1:] != after[path][1:]}


def differing(before, after):
    return {path for path in before.keys() | after.keys()
            if path not in before or path not in after or before[path][0] != after[path][0]}


def full_build_into(settings, court, directory):
    """A from-scratch build of the current state: the oracle."""
    previous = settings.WARTA_STATIC_SITE_DIR
    settings.WARTA_STATIC_SITE_DIR = str(directory)
    try:
        SiteBuilder(court.site).build_all()
    finally:
        settings.WARTA_STATIC_SITE_DIR = previous
    return {path: content for path, (content, _m, _i) in snapshot(Path(directory) / "testserver").items()}


def assert_matches_full_build(settings, court, site_dir, tmp_path):
    fresh = full_build_into(settings, court, tmp_path / "oracle")
    current = {path: content for path, (content, _m, _i) in snapshot(site_dir).items()}
    assert sorted(current) == sorted(fresh)
    assert [p for p in current if current[p] != fresh[p]] == []


def assert_compressed_copies(root):
    """Every rendered file (HTML, feeds, sitemap) has a .gz beside it holding exactly its bytes; no stray .gz."""
    rendered = [path for path in Path(root).rglob("*") if path.suffix in (".html", ".xml")
                and STATE_DIR not in path.relative_to(root).parts]
    assert rendered
    for path in rendered:
        compressed = path.with_name(path.name + ".gz")
        assert compressed.is_file(), compressed
        assert gzip.decompress(compressed.read_bytes()) == path.read_bytes(), path
    for compressed in Path(root).rglob("*.gz"):
        assert compressed.with_suffix("").is_file(), compressed  # never left behind without its file


def html(site_dir, relative):
    return (site_dir / relative).read_text(encoding="utf-8")


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


# fixtures


@pytest.fixture
def newsroom(court):
    """Fourteen published news items in two categories (two index pages), with tags, an image and a document."""
    kegiatan = NewsCategoryFactory(name="Kegiatan", slug="kegiatan")
    layanan = NewsCategoryFactory(name="Layanan", slug="layanan")
    image = wagtail_factories.ImageFactory(title="Sidang keliling")
    document = wagtail_factories.DocumentFactory(title="Laporan tahunan")
    items = []
    for number in range(14):
        page = NewsPageFactory(
            parent=court.news_index, title=f"Berita nomor {number}", slug=f"berita-{number}",
            date=datetime.date(2026, 10, 1) + datetime.timedelta(days=number),
            category=kegiatan if number % 2 else layanan,
        )
        page.tags.add("layanan-publik" if number % 2 else "sidang", "pengadilan")
        if number == 0:
            page.hero_image = image
            page.hero_alt = "Hakim memimpin sidang keliling"
            page.body = json.dumps([{"type": "document", "value": {"document": document.pk, "title": "Unduh laporan"}}])
        items.append(publish(page))
    return type("Newsroom", (), {"items": items, "kegiatan": kegiatan, "layanan": layanan,
                                 "image": image, "document": document})


@pytest.fixture
def static_site(court, newsroom, settings, tmp_path):
    """The static output of the court's site, freshly built; returns the site's directory."""
    settings.WARTA_STATIC_SITE_DIR = str(tmp_path / "situs")
    settings.WARTA_STATIC_DYNAMIC_URL = "https://cms.pn-uji.go.id"
    summary = SiteBuilder(court.site).build_all()
    assert summary.errors == []
    return tmp_path / "situs" / "testserver"


def submit_news_as_admin(client, court, category, title, tags="sidang"):
    """The Admin fills in the add form in the admin and sends it to the Redaktur (the editorial workflow)."""
    url = reverse("wagtailadmin_pages:add", args=("cms", "newspage", court.news_index.pk))
    form = querydict_from_html(client.get(url).content.decode(), form_id="page-edit-form")
    form.update({
        "title": title, "slug": "sidang-keliling-kecamatan-maju", "date": "2026-11-20",
        "category": str(category.pk), "tags": tags, "lead": "Pengadilan menggelar sidang keliling.",
        "social_caption": "Sidang keliling hari ini.", "action-submit": "1",
    })
    body = streamfield([("paragraph", rich_text("<p>Sidang dimulai pukul 09.00.</p>"))])
    form.update(nested_form_data({"body": body}))
    response = client.post(url, form)
    assert response.status_code == 302, (response.context["form"].errors.as_json() if response.context else response)
    return Page.objects.get(slug="sidang-keliling-kecamatan-maju").specific


def approve(client, page):
    """Approve the page's current workflow step (Koreksi Redaktur, then Persetujuan Kasubag PTIP)."""
    task_state = Page.objects.get(pk=page.pk).current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk))
    response = client.post(url, {"comment": ""})
    assert response.status_code == 302


# full build and the command


def test_full_build_writes_a_complete_website(static_site, newsroom):
    root = static_site
    for page in ("index.html", "berita/index.html", "berita/bulan/2026-10/index.html", "berita/berita-3/index.html",
                 "pengumuman/index.html", "berita/kategori/kegiatan/index.html", "berita/tag/sidang/index.html",
                 "feed/rss/index.xml", "feed/atom/index.xml", "sitemap.xml", "404.html", "static/cms/css/site.css"):
        assert (root / page).is_file(), page
    # Listing links take their static paths; search goes to the CMS.
    index = html(root, "berita/index.html")
    assert 'href="/berita/kategori/kegiatan/"' in index
    assert 'href="/berita/bulan/2026-10/"' in index  # the month archive
    assert "?kategori=" not in index and "?bulan=" not in index
    assert 'action="https://cms.pn-uji.go.id/cari/"' in index
    assert "Berita nomor 1" in html(root, "berita/kategori/kegiatan/index.html")
    assert "Berita nomor 0" not in html(root, "berita/kategori/kegiatan/index.html")
    # The image renditions and the document the pages use are in the output, under the same URLs.
    first = html(root, "berita/berita-0/index.html")
    rendition = newsroom.image.get_rendition("width-800")
    assert rendition.url in first and (root / rendition.url.lstrip("/")).is_file()
    assert newsroom.document.url in first
    assert (root / newsroom.document.url.lstrip("/")).read_bytes() == newsroom.document.file.open("rb").read()
    assert "Halaman tidak ditemukan" in html(root, "404.html")
    # No temp file is left behind.
    assert not list(root.rglob(f"{static_files.TEMP_PREFIX}*"))
    # Each HTML/XML file has its pre-compressed copy for gzip_static; assets do not.
    assert_compressed_copies(root)
    assert not (root / "static/cms/css/site.css.gz").exists()


def test_command_reports_and_second_run_rewrites_nothing(court, newsroom, settings, tmp_path, capsys):
    settings.WARTA_STATIC_SITE_DIR = str(tmp_path / "situs")
    call_command("build_static_site", "--no-progress")
    first = capsys.readouterr().out
    assert "halaman ditulis" in first and "0 dihapus" in first
    before = snapshot(tmp_path / "situs" / "testserver")

    call_command("build_static_site", "--no-progress")
    second = capsys.readouterr().out
    assert "testserver" in second and ": 0 halaman ditulis" in second and "0 aset disalin" in second
    assert touched(before, snapshot(tmp_path / "situs" / "testserver")) == set()


def test_a_page_that_fails_to_render_keeps_its_old_file(static_site, court, newsroom, monkeypatch, capsys):
    from cms.models import NewsPage

    target = static_site / "berita/berita-2/index.html"
    old = target.read_bytes()
    original = NewsPage.get_context

    def broken(page, request, *args, **kwargs):
        if page.slug == "berita-2":
            raise RuntimeError("templat rusak")
        return original(page, request, *args, **kwargs)

    monkeypatch.setattr(NewsPage, "get_context", broken)
    with pytest.raises(CommandError, match="1 URL gagal"):
        call_command("build_static_site", "--no-progress")
    assert "Gagal: /berita/berita-2/ (status 500)" in capsys.readouterr().err
    assert target.read_bytes() == old


def test_command_needs_an_output_directory(court, settings):
    settings.WARTA_STATIC_SITE_DIR = ""
    with pytest.raises(CommandError, match="WARTA_STATIC_SITE_DIR"):
        call_command("build_static_site", "--no-progress")


def test_publishing_without_static_dir_keeps_the_dynamic_site_only(court, newsroom, settings, tmp_path,
                                                                   client_as, django_capture_on_commit_callbacks):
    settings.WARTA_STATIC_SITE_DIR = ""
    with django_capture_on_commit_callbacks(execute=True):
        page = submit_news_as_admin(client_as("admin"), court, newsroom.kegiatan, "Sidang keliling di Kecamatan Maju")
        approve(client_as("redaktur"), page)
        approve(client_as("kasubag"), page)
    assert Page.objects.get(pk=page.pk).live
    assert not any(tmp_path.iterdir())
    assert "Sidang keliling di Kecamatan Maju" in client_as("admin").get("/berita/").content.decode()


# publication through the admin


def test_kasubag_approval_updates_exactly_the_affected_files(static_site, court, newsroom, settings, tmp_path,
                                                             client_as, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        page = submit_news_as_admin(client_as("admin"), court, newsroom.kegiatan,
                                    "Sidang keliling di Kecamatan Maju", tags="sidang-keliling, pengadilan")
        approve(client_as("redaktur"), page)  # Koreksi Redaktur: nothing is public yet
    assert not Page.objects.get(pk=page.pk).live
    before = snapshot(static_site)
    assert "berita/sidang-keliling-kecamatan-maju/index.html" not in before

    with django_capture_on_commit_callbacks(execute=True):
        approve(client_as("kasubag"), page)  # Persetujuan Kasubag PTIP publishes
    page.refresh_from_db()
    assert page.live

    after = snapshot(static_site)
    changed = touched(before, after)
    # Exactly the files whose content changed were written, and nothing else was touched.
    assert changed == differing(before, after)
    # Each listing it is in changes its front page and its month archive (November: new), and the October
    # archives link to the new month; no other page of any archive changes.
    listings = ("berita/", "berita/kategori/kegiatan/", "berita/tag/sidang-keliling/", "berita/tag/pengadilan/")
    assert {path for path in changed if not path.endswith(".gz")} == {
        "berita/sidang-keliling-kecamatan-maju/index.html",  # the page itself
        "index.html",  # latest news on the home page
        *(f"{listing}index.html" for listing in listings),  # the fronts: the index, its category, its tags
        *(f"{listing}bulan/2026-11/index.html" for listing in listings),  # their archives of its month
        "berita/bulan/2026-10/index.html", "berita/kategori/kegiatan/bulan/2026-10/index.html",
        "berita/tag/pengadilan/bulan/2026-10/index.html",  # the month before, now with a "newer" link
        "feed/rss/index.xml", "feed/atom/index.xml", "sitemap.xml",
    }
    # Untouched: other listings and pages that do not show it.
    assert not changed & {"pengumuman/index.html", "berita/tag/sidang/index.html", "404.html",
                          "berita/kategori/layanan/index.html", "static/cms/css/site.css"}
    assert "Sidang keliling di Kecamatan Maju" in html(static_site, "berita/kategori/kegiatan/index.html")
    assert "berita/sidang-keliling-kecamatan-maju/index.html.gz" in changed
    # "Berita lainnya" shows the items published before each one: the newest item is in no existing box.
    assert {path for path in changed if path.startswith("berita/berita-")} == set()
    assert_compressed_copies(static_site)
    # And the result is what a full build of the new state gives.
    assert_matches_full_build(settings, court, static_site, tmp_path)


def test_unpublishing_removes_the_file_and_every_link_to_it(static_site, court, newsroom, settings, tmp_path,
                                                           client_as, django_capture_on_commit_callbacks):
    page = newsroom.items[13]  # the newest: on the home page, page 1 of the index, its category and tag
    newsroom.items[13].tags.set(["hanya-satu"])
    publish(page)
    SiteBuilder(court.site).build_all()
    assert (static_site / "berita/tag/hanya-satu/index.html").is_file()
    before = snapshot(static_site)

    with django_capture_on_commit_callbacks(execute=True):
        response = client_as("kasubag").post(reverse("wagtailadmin_pages:unpublish", args=(page.pk,)))
    assert response.status_code == 302

    after = snapshot(static_site)
    assert "berita/berita-13/index.html" not in after
    assert "berita/berita-13/index.html.gz" not in after  # the compressed copy goes with the page
    assert "berita/tag/hanya-satu/index.html" not in after  # its only tag's listing went with it
    linking = [path for path, (content, _m, _i) in after.items() if b"/berita/berita-13/" in content]
    assert linking == []
    assert "Berita nomor 13" not in html(static_site, "index.html")
    assert touched(before, after) == differing(before, after)
    assert_matches_full_build(settings, court, static_site, tmp_path)


def test_moving_and_deleting_pages(static_site, court, newsroom, settings, tmp_path, client_as,
                                   django_capture_on_commit_callbacks):
    kasubag = client_as("kasubag")
    page = newsroom.items[4]
    other_index = publish(NewsIndexPageFactory(parent=court.home, slug="arsip", title="Arsip berita"))
    SiteBuilder(court.site).build_all()
    with django_capture_on_commit_callbacks(execute=True):
        response = kasubag.post(reverse("wagtailadmin_pages:move_confirm", args=(page.pk, other_index.pk)))
    assert response.status_code == 302
    assert not (static_site / "berita/berita-4/index.html").exists()
    assert "Berita nomor 4" in html(static_site, "arsip/berita-4/index.html")
    assert "Berita nomor 4" in html(static_site, "arsip/index.html")
    assert_matches_full_build(settings, court, static_site, tmp_path)

    # Deleting needs the delete permission, which the SOP gives to no role: a superuser does it.
    with django_capture_on_commit_callbacks(execute=True):
        response = client_as("root").post(reverse("wagtailadmin_pages:delete", args=(other_index.pk,)))
    assert response.status_code == 302
    assert not (static_site / "arsip").exists()
    assert "Arsip berita" not in html(static_site, "index.html")
    assert_matches_full_build(settings, court, static_site, tmp_path / "again")


@pytest.mark.parametrize("full_build_after", [300, 3], ids=["incremental", "falls-back-to-full-build"])
def test_renaming_a_section_moves_all_its_pages(static_site, court, newsroom, settings, tmp_path, monkeypatch,
                                               full_build_after, django_capture_on_commit_callbacks):
    monkeypatch.setattr("publishers.website.builder.FULL_BUILD_AFTER", full_build_after)
    index = court.news_index.specific
    index.slug = "kabar"
    with django_capture_on_commit_callbacks(execute=True):
        publish(index)
    assert not (static_site / "berita").exists()
    assert "Berita nomor 7" in html(static_site, "kabar/berita-7/index.html")
    assert 'href="/kabar/kategori/kegiatan/"' in html(static_site, "kabar/index.html")
    assert_matches_full_build(settings, court, static_site, tmp_path)


def test_crash_between_render_and_rename_keeps_the_old_file(static_site, court, newsroom, client_as, settings,
                                                           tmp_path, monkeypatch,
                                                           django_capture_on_commit_callbacks):
    page = newsroom.items[5]
    target = static_site / "berita/berita-5/index.html"
    old_bytes = target.read_bytes()
    page.title = "Judul yang sudah diperbaiki"

    crashes = []

    def crash(src, dst):
        crashes.append(str(dst))
        raise OSError("disk penuh")

    monkeypatch.setattr(static_files.os, "replace", crash)
    with django_capture_on_commit_callbacks(execute=True):
        publish(page)  # the sync task fails at its first rename: the page's own .gz, written before the file
    assert crashes == [str(target) + ".gz"]
    assert target.read_bytes() == old_bytes
    assert not list(static_site.rglob(f"{static_files.TEMP_PREFIX}*"))

    monkeypatch.undo()
    with django_capture_on_commit_callbacks(execute=True):
        publish(page)
    assert "Judul yang sudah diperbaiki" in target.read_text(encoding="utf-8")
    assert_matches_full_build(settings, court, static_site, tmp_path)


def test_court_settings_change_rebuilds_every_page(static_site, court, client_as, settings, tmp_path,
                                                   django_capture_on_commit_callbacks):
    kasubag = client_as("kasubag")
    url = reverse("wagtailsettings:edit", args=("cms", "courtsettings", court.site.pk))
    form = querydict_from_html(kasubag.get(url).content.decode(), form_id="w-editor-form")
    form["court_name"] = "Pengadilan Negeri Uji Kelas IA"
    with django_capture_on_commit_callbacks(execute=True):
        assert kasubag.post(url, form).status_code == 302
    for page in ("index.html", "berita/berita-9/index.html", "berita/tag/sidang/index.html", "404.html"):
        assert "Pengadilan Negeri Uji Kelas IA" in html(static_site, page), page
    assert_matches_full_build(settings, court, static_site, tmp_path)


def test_nightly_rebuild_catches_changes_no_signal_reports(static_site, court, newsroom):
    from core.scheduling import run_job

    # An edit that bypasses Wagtail's publishing (as a data fix in the shell would).
    Page.objects.filter(pk=newsroom.items[3].pk).update(title="Judul yang diperbaiki langsung")
    assert "Judul yang diperbaiki langsung" not in html(static_site, "berita/berita-3/index.html")
    assert run_job("static_site_nightly_rebuild")
    assert "Judul yang diperbaiki langsung" in html(static_site, "berita/berita-3/index.html")


# frontend cache


class PurgeRecorder(http.server.BaseHTTPRequestHandler):
    """A stand-in for Varnish on 127.0.0.1: records PURGE requests."""

    received = []

    def do_PURGE(self):  # noqa: N802 (HTTP method name)
        self.received.append(f"http://{self.headers['Host']}{self.path}")
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def varnish():
    PurgeRecorder.received = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), PurgeRecorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server, PurgeRecorder.received
    server.shutdown()
    server.server_close()


def test_frontend_cache_purges_the_changed_urls(static_site, court, newsroom, settings, varnish,
                                                django_capture_on_commit_callbacks):
    server, received = varnish
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
                    "LOCATION": f"http://127.0.0.1:{server.server_port}"},
    }
    page = newsroom.items[13]
    page.title = "Judul baru berita terbaru"
    with django_capture_on_commit_callbacks(execute=True):
        publish(page)
    assert "http://testserver/berita/berita-13/" in received
    assert "http://testserver/" in received  # home lists it
    assert "http://testserver/berita/kategori/kegiatan/" in received  # static form of the listing
    assert "http://testserver/berita/?kategori=kegiatan" in received  # and its dynamic form
    assert "http://testserver/feed/rss/" in received
    assert "http://testserver/pengumuman/" not in received


def test_frontend_cache_without_static_output(court, newsroom, settings, varnish,
                                              django_capture_on_commit_callbacks):
    server, received = varnish
    settings.WARTA_STATIC_SITE_DIR = ""
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
                    "LOCATION": f"http://127.0.0.1:{server.server_port}"},
    }
    page = newsroom.items[13]
    with django_capture_on_commit_callbacks(execute=True):
        publish(page)
    assert {"http://testserver/berita/berita-13/", "http://testserver/", "http://testserver/berita/",
            "http://testserver/berita/?bulan=2026-10", "http://testserver/berita/?kategori=kegiatan",
            "http://testserver/berita/?kategori=kegiatan&bulan=2026-10", "http://testserver/berita/?tag=pengadilan",
            "http://testserver/berita/?tag=pengadilan&bulan=2026-10",
            "http://testserver/feed/rss/", "http://testserver/sitemap.xml"} <= set(received)


# several workers at once


@pytest.mark.django_db(transaction=True)
def test_two_workers_updating_one_court_at_once_leave_the_output_of_a_full_build(static_site, court, newsroom,
                                                                                 settings, tmp_path):
    """A nightly rebuild in one worker and an approval's sync in another, released together: the court's lock
    (one builder at a time per site) makes the output what a full build of the new state gives, with no
    temporary file left and no error."""
    from django.db import connections

    page = NewsPageFactory(parent=court.news_index, title="Berita saat dua pekerja berjalan", live=False,
                           category=newsroom.kegiatan)
    publish(page)
    barrier = threading.Barrier(2)
    summaries, errors = [], []

    def work(job):
        try:
            barrier.wait()
            builder = SiteBuilder(court.site)
            summaries.append(builder.build_all() if job == "full" else builder.sync([page.pk]))
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            connections.close_all()

    workers = [threading.Thread(target=work, args=(job,)) for job in ("full", "sync")]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert errors == []
    assert [summary.errors for summary in summaries] == [[], []]
    assert "Berita saat dua pekerja berjalan" in html(static_site, "berita/index.html")
    assert not list(static_site.rglob(f"{static_files.TEMP_PREFIX}*"))
    assert_matches_full_build(settings, court, static_site, tmp_path)


def test_a_back_dated_item_changes_only_the_boxes_of_the_items_right_after_it(static_site, court, newsroom, settings,
                                                                            tmp_path,
                                                                            django_capture_on_commit_callbacks):
    # Items 0..13 are dated 1..14 October; odd numbers are Kegiatan, even Layanan. A Kegiatan item of 6 October
    # (between items 4 and 5) enters the boxes of the next four Kegiatan items (5, 7, 9, 11) only.
    box = BeautifulSoup(html(static_site, "berita/berita-9/index.html"), "html.parser").find("aside", class_="related")
    assert [a.get_text(strip=True) for a in box.find_all("h3")] == [
        "Berita nomor 7", "Berita nomor 5", "Berita nomor 3", "Berita nomor 1"]
    before = snapshot(static_site)
    with django_capture_on_commit_callbacks(execute=True):
        publish(NewsPageFactory(parent=court.news_index, title="Berita susulan", slug="berita-susulan",
                                date=datetime.date(2026, 10, 5), category=newsroom.kegiatan))
    after = snapshot(static_site)
    changed = touched(before, after)
    assert changed == differing(before, after)
    news_pages = {path.split("/")[1] for path in changed if path.startswith("berita/berita-")}
    assert news_pages == {"berita-susulan", "berita-5", "berita-7", "berita-9", "berita-11"}
    box = BeautifulSoup(html(static_site, "berita/berita-9/index.html"), "html.parser").find("aside", class_="related")
    assert [a.get_text(strip=True) for a in box.find_all("h3")] == [
        "Berita nomor 7", "Berita nomor 5", "Berita susulan", "Berita nomor 3"]
    assert_matches_full_build(settings, court, static_site, tmp_path)


# month archives


def test_a_month_archive_appears_moves_and_goes_with_its_only_item(static_site, court, newsroom, settings, tmp_path,
                                                                    django_capture_on_commit_callbacks):
    """An item alone in its month: publishing it writes that month's archives, changing its date moves them,
    unpublishing it removes them; the months beside follow, and after each step the output is what a full
    build gives."""
    def step_matches_full_build(name):
        fresh = full_build_into(settings, court, tmp_path / name)
        current = {path: content for path, (content, _m, _i) in snapshot(static_site).items()}
        assert sorted(current) == sorted(fresh)
        assert [path for path in current if current[path] != fresh[path]] == []
        return current

    page = NewsPageFactory(parent=court.news_index, title="Satu-satunya berita November", slug="november",
                           date=datetime.date(2026, 11, 3), category=newsroom.kegiatan, live=False)
    with django_capture_on_commit_callbacks(execute=True):
        publish(page)
    files = step_matches_full_build("published")
    assert "berita/bulan/2026-11/index.html" in files and "berita/kategori/kegiatan/bulan/2026-11/index.html" in files
    assert b'href="/berita/bulan/2026-11/"' in files["berita/bulan/2026-10/index.html"]  # "newer" from October

    page.date = datetime.date(2026, 9, 20)
    with django_capture_on_commit_callbacks(execute=True):
        publish(page)
    files = step_matches_full_build("moved")
    assert "berita/bulan/2026-11/index.html" not in files
    assert "berita/kategori/kegiatan/bulan/2026-11/index.html" not in files
    assert "Satu-satunya berita November" in files["berita/bulan/2026-09/index.html"].decode()
    assert b'href="/berita/bulan/2026-11/"' not in files["berita/bulan/2026-10/index.html"]

    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    files = step_matches_full_build("unpublished")
    assert not any("2026-09" in path for path in files)


# a full build in several processes


@pytest.mark.django_db(transaction=True)
def test_a_build_in_several_processes_writes_what_one_process_writes(court, newsroom, settings, tmp_path,
                                                                     monkeypatch):
    """The full build renders in other processes (publishers/website/parallel.py), each with its own database
    connection and the settings of this one: the output is byte for byte the one-process build's, every file
    with its compressed copy."""
    from publishers.website import parallel

    settings.WARTA_STATIC_BUILD_PROCESSES = 1
    serial = full_build_into(settings, court, tmp_path / "satu")
    monkeypatch.setattr(parallel, "MIN_TARGETS", 1)
    settings.WARTA_STATIC_BUILD_PROCESSES = 2
    pooled, rendered_here = [], []
    monkeypatch.setattr(parallel.Pool, "render_all",
                        lambda self, *args, original=parallel.Pool.render_all: (pooled.append(True),
                                                                               original(self, *args)))
    monkeypatch.setattr(SiteBuilder, "_render",
                        lambda self, target, original=SiteBuilder._render: (rendered_here.append(target),
                                                                           original(self, target))[1])
    settings.WARTA_STATIC_SITE_DIR = str(tmp_path / "dua")
    summary = SiteBuilder(court.site).build_all()
    assert pooled == [True]
    assert rendered_here == []  # every URL was rendered by the other processes
    assert summary.errors == [] and summary.rendered > 30
    site_dir = tmp_path / "dua" / "testserver"
    parallel_tree = {path: content for path, (content, _m, _i) in snapshot(site_dir).items()}
    assert sorted(parallel_tree) == sorted(serial)
    assert [path for path in serial if parallel_tree[path] != serial[path]] == []
    assert_compressed_copies(site_dir)


def test_a_build_inside_a_transaction_renders_in_its_own_process(static_site, settings):
    """Other processes would not see what this one has not committed (a test's transaction): no pool."""
    from publishers.website import parallel

    settings.WARTA_STATIC_BUILD_PROCESSES = 4
    assert parallel.usable(10_000) is False
    settings.WARTA_STATIC_BUILD_PROCESSES = 1
    assert parallel.processes() == 1
