"""The pieces of static publishing that need no database: atomic files, the URL scheme, link rewriting."""

import gzip
import os

import pytest

from publishers.website import files, links, urlscheme
from publishers.website.urlscheme import Target, listing_target, split_static_path

# atomic writes


def test_write_is_atomic_and_skips_identical_bytes(tmp_path):
    target = tmp_path / "berita" / "index.html"
    assert files.write_bytes(target, b"<p>lama</p>") is True
    assert oct(target.stat().st_mode & 0o777) == oct(files.FILE_MODE)
    stat = target.stat()
    assert files.write_bytes(target, b"<p>lama</p>") is False
    assert (target.stat().st_mtime_ns, target.stat().st_ino) == (stat.st_mtime_ns, stat.st_ino)
    assert files.write_bytes(target, b"<p>baru</p>") is True
    assert target.read_bytes() == b"<p>baru</p>"
    assert target.stat().st_ino != stat.st_ino  # a new file renamed into place, not rewritten in place


def test_rendered_files_get_a_compressed_copy_written_first_and_removed_with_them(tmp_path, monkeypatch):
    target = tmp_path / "berita" / "index.html"
    compressed = tmp_path / "berita" / "index.html.gz"
    assert files.write_page(target, b"<p>lama</p>" * 50) is True
    assert gzip.decompress(compressed.read_bytes()) == target.read_bytes()
    stat = compressed.stat()
    assert files.write_page(target, b"<p>lama</p>" * 50) is False
    assert compressed.stat().st_ino == stat.st_ino  # unchanged: neither is rewritten
    compressed.unlink()
    assert files.write_page(target, b"<p>lama</p>" * 50) is False  # an older output gets its .gz
    assert gzip.decompress(compressed.read_bytes()) == b"<p>lama</p>" * 50
    # The .gz is renamed into place before the file: a crash between leaves the old file, rewritten next time.
    real_replace, renamed = os.replace, []
    monkeypatch.setattr(files.os, "replace", lambda src, dst: (renamed.append(os.path.basename(dst)),
                                                               real_replace(src, dst)))
    assert files.write_page(target, b"<p>baru</p>") is True
    assert renamed == ["index.html.gz", "index.html"]
    assert files.compress(b"x") == files.compress(b"x")  # same bytes every time: no timestamp in the header
    assert files.remove_file(target, tmp_path, compressed=True) is True
    assert not compressed.exists() and not (tmp_path / "berita").exists()


def test_a_full_build_flushes_once_instead_of_per_file(tmp_path, monkeypatch):
    flushed = []
    monkeypatch.setattr(files.os, "fsync", flushed.append)
    files.write_page(tmp_path / "a.html", b"<p>a</p>", durable=False)
    assert flushed == [] and (tmp_path / "a.html").read_bytes() == b"<p>a</p>"
    files.write_page(tmp_path / "b.html", b"<p>b</p>")
    assert len(flushed) == 2  # the file and its .gz


def test_crash_before_rename_leaves_old_file_and_no_temp_file(tmp_path, monkeypatch):
    target = tmp_path / "index.html"
    target.write_bytes(b"<p>versi lama</p>")

    def crash(src, dst):
        assert os.path.exists(src) and os.path.dirname(src) == str(tmp_path)  # fully written beside it
        raise OSError("listrik padam")

    monkeypatch.setattr(files.os, "replace", crash)
    with pytest.raises(OSError, match="listrik padam"):
        files.write_bytes(target, b"<p>versi baru</p>")
    assert target.read_bytes() == b"<p>versi lama</p>"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["index.html"]


def test_temp_files_of_a_killed_process_are_cleaned(tmp_path):
    (tmp_path / "a").mkdir()
    leftover = tmp_path / "a" / f"{files.TEMP_PREFIX}x.tmp"
    leftover.write_bytes(b"setengah")
    assert files.remove_stale_temp_files(tmp_path) == 1
    assert not leftover.exists()


def test_copy_and_remove_prune_empty_directories(tmp_path):
    source = tmp_path / "asal.pdf"
    source.write_bytes(b"%PDF-1.4 laporan")
    root = tmp_path / "situs"
    dest = root / "dokumen" / "12" / "laporan.pdf"
    assert files.copy_file(source, dest) is True
    assert files.copy_file(source, dest) is False
    assert files.remove_file(dest, root) is True
    assert not (root / "dokumen").exists() and root.exists()


# URL scheme


@pytest.mark.parametrize("query, path", [
    ("", "/berita/"),
    ("kategori=kegiatan", "/berita/kategori/kegiatan/"),
    ("tag=sidang&kategori=kegiatan", "/berita/kategori/kegiatan/tag/sidang/"),
    ("kategori=kegiatan&bulan=2026-11", "/berita/kategori/kegiatan/bulan/2026-11/"),
    ("bulan=2026-01&tag=sidang", "/berita/tag/sidang/bulan/2026-01/"),
])
def test_listing_paths(query, path):
    target = listing_target("/berita/", query)
    assert target.path == path
    pages = {"/", "/berita/"}
    assert split_static_path(path, pages.__contains__) == target


@pytest.mark.parametrize("query", ["q=sidang", "halaman=2", "bulan=2026-13", "bulan=2026-1", "bulan=../..",
                                   "kategori=a/b", "kategori=&tag=x", "tag=a&tag=b"])
def test_queries_a_static_host_cannot_answer(query):
    assert listing_target("/berita/", query) is None


def test_a_real_page_wins_over_a_listing_reading():
    pages = {"/", "/berita/", "/berita/tag/", "/berita/tag/sidang/"}
    assert split_static_path("/berita/tag/sidang/", pages.__contains__) == Target("/berita/tag/sidang/",
                                                                                   "/berita/tag/sidang/")


def test_month_archive_targets():
    november = listing_target("/berita/", "kategori=kegiatan&bulan=2026-11")
    assert november.month == "2026-11"
    assert november.front.path == "/berita/kategori/kegiatan/" and november.front.month is None
    assert november.front.with_month("2025-02").request_url == "/berita/?kategori=kegiatan&bulan=2025-02"


def test_file_names():
    assert urlscheme.file_for("/berita/", "text/html; charset=utf-8") == "berita/index.html"
    assert urlscheme.file_for("/feed/rss/", "application/rss+xml; charset=utf-8") == "feed/rss/index.xml"
    assert urlscheme.file_for("/sitemap.xml", "application/xml") == "sitemap.xml"
    assert urlscheme.file_for("/", "text/html") == "index.html"


# links


def test_html_urls_and_rewrite():
    page = ('<a href="/berita/?kategori=kegiatan&amp;bulan=2026-11">Kegiatan</a>'
            '<img src="/media/images/a.width-480.jpg" srcset="/media/a.480.jpg 480w, /media/a.800.jpg 800w">'
            "<form action='/cari/'></form><meta property=\"og:image\" content=\"http://x/media/og.jpg\">")
    found = links.html_urls(page)
    assert ("href", "/berita/?kategori=kegiatan&bulan=2026-11") in found
    assert ("srcset", "/media/a.800.jpg") in found
    assert ("content", "http://x/media/og.jpg") in found

    rewritten = links.rewrite_html(page, lambda url: "/berita/kategori/kegiatan/bulan/2026-11/" if "kategori" in url
                                   else "https://cms.example/cari/" if url == "/cari/" else None)
    assert '<a href="/berita/kategori/kegiatan/bulan/2026-11/">' in rewritten
    assert "action='https://cms.example/cari/'" in rewritten
    assert 'src="/media/images/a.width-480.jpg"' in rewritten  # assets keep their URLs


def test_css_urls():
    css = "@import 'dasar.css'; .logo{background:url(\"../img/logo.svg\")} .x{background:url(data:image/png;base64,AA)}"
    assert links.css_urls(css) == ["dasar.css", "../img/logo.svg"]
