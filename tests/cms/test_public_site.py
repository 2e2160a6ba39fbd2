"""The court's public website as a reader sees it: every page type, navigation, accessibility basics,
error pages, feeds, sitemap and search."""

import datetime
import json
import re
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup
from django.contrib.staticfiles import finders
from django.core.files.base import ContentFile
from django.template.loader import get_template
from django.test import RequestFactory
from django.utils import timezone
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page

from cms.models import CourtSettings, PublicDocument, PublicInformationPage, StandardPage
from cms.templatetags import navigation_tags
from tests.support.factories import AnnouncementPageFactory, NewsCategoryFactory, NewsPageFactory

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def body(*blocks):
    """A StreamField value as JSON: body(("paragraph", "<p>…</p>"), ...)."""
    return json.dumps([{"type": kind, "value": value} for kind, value in blocks])


def get_soup(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    return BeautifulSoup(response.content.decode(), "html.parser")


def text_of(node):
    return " ".join(node.get_text(" ").split())


def make_image(title="Foto", size=(800, 450)):
    return Image.objects.create(title=title, file=get_test_image_file(size=size))


def standard_page(parent, title, slug, show_in_menus=True, **kwargs):
    page = StandardPage(title=title, slug=slug, show_in_menus=show_in_menus, **kwargs)
    parent.add_child(instance=page)
    return page


def assert_accessible_skeleton(soup):
    """What every public page carries: lang, skip link, landmarks, one h1, ordered headings, alt text."""
    assert soup.html["lang"] == "id"
    skip = soup.find("a", class_="skip-link")
    assert skip is not None and text_of(skip) == "Langsung ke konten utama"
    assert soup.find(id=skip["href"].lstrip("#")).name == "main"
    assert len(soup.find_all("main")) == 1
    assert soup.find("header") is not None and soup.find("footer") is not None
    assert soup.find("nav", attrs={"aria-label": "Menu utama"}) is not None
    h1s = soup.find_all("h1")
    assert len(h1s) == 1, [text_of(h) for h in h1s]
    # Headings never skip a level on the way down (h1 → h3 without an h2).
    levels = [int(h.name[1]) for h in soup.find_all(re.compile(r"^h[1-6]$"))]
    assert levels[0] == 1 or soup.find("main").find(re.compile(r"^h[1-6]$")).name == "h1"
    for before, after in zip(levels, levels[1:]):
        assert after <= before + 1, levels
    for img in soup.find_all("img"):
        assert img.has_attr("alt"), img


# --- Every page type ---------------------------------------------------------------------------


def test_home_page_shows_intro_hero_news_announcements_and_services(court, client):
    settings = CourtSettings.for_site(court.site)
    settings.court_name = "Pengadilan Negeri Uji Kelas II"
    settings.save()
    court.home.intro = "Selamat datang di Pengadilan Negeri Uji."
    court.home.hero_image = make_image("Gedung Pengadilan Negeri Uji")
    court.home.save_revision().publish()
    NewsPageFactory(parent=court.news_index, title="Sidang keliling di Kecamatan Maju")
    AnnouncementPageFactory(parent=court.announcements, title="Libur cuti bersama",
                            valid_until=timezone.localdate() + datetime.timedelta(days=10))
    AnnouncementPageFactory(parent=court.announcements, title="Lelang lama", date=datetime.date(2020, 1, 1),
                            valid_until=datetime.date(2020, 2, 1))

    soup = get_soup(client, "/")
    assert_accessible_skeleton(soup)
    assert text_of(soup.h1) == "Pengadilan Negeri Uji Kelas II"
    assert "Selamat datang di Pengadilan Negeri Uji." in text_of(soup.main)
    hero = soup.find("img", class_="hero__image")
    assert hero["alt"] == "Gedung Pengadilan Negeri Uji" and "srcset" in hero.attrs

    news = soup.find("section", attrs={"aria-labelledby": "judul-berita"})
    assert "Sidang keliling di Kecamatan Maju" in text_of(news)
    assert news.find("a", string="Semua berita")["href"] == "/berita/"
    notices = soup.find("section", attrs={"aria-labelledby": "judul-pengumuman"})
    assert "Libur cuti bersama" in text_of(notices)
    assert "Lelang lama" not in text_of(notices)  # expired ones stay off the home page

    services = soup.find("section", attrs={"aria-labelledby": "judul-layanan"})
    names = [text_of(a.find(class_="service__name")) for a in services.find_all("a")]
    assert {"Direktori Putusan", "e-Court", "SIWAS"} <= set(names)


def test_news_page_shows_date_category_tags_lead_hero_and_body(court, client):
    image = make_image("foto-mentah-123")
    page = NewsPageFactory(
        parent=court.news_index, title="Sidang keliling di Kecamatan Maju", lead="Dua puluh perkara diperiksa.",
        hero_image=image, hero_alt="Hakim membuka sidang di balai desa", hero_caption="Sidang di balai desa Maju.",
        body=body(("paragraph", "<h2>Layanan terpadu</h2><p>Bekerja sama dengan Dukcapil.</p>"),
                  ("quote", {"text": "Keadilan harus dekat.", "attribution": "Ketua PN"})),
    )
    page.tags.add("sidang keliling")
    page.save()
    other = NewsPageFactory(parent=court.news_index, title="Penyerahan akta cerai")

    soup = get_soup(client, page.url)
    assert_accessible_skeleton(soup)
    article = soup.find("article", class_="article")
    assert text_of(soup.h1) == "Sidang keliling di Kecamatan Maju"
    time = article.find("time")
    assert time["datetime"] == "2026-11-02" and "2 November 2026" in text_of(time)
    kicker = article.find(class_="article__kicker").a
    assert text_of(kicker) == "Kegiatan" and kicker["href"] == "/berita/?kategori=kegiatan"
    assert text_of(article.find(class_="article__lead")) == "Dua puluh perkara diperiksa."

    hero = article.find("img", class_="article__image")
    assert hero["alt"] == "Hakim membuka sidang di balai desa"  # hero_alt, not the image's file title
    assert len(hero["srcset"].split(",")) == 3
    assert text_of(article.find("figcaption")) == "Sidang di balai desa Maju."

    prose = article.find(class_="prose")
    assert text_of(prose.h2) == "Layanan terpadu"
    assert "Bekerja sama dengan Dukcapil." in text_of(prose)
    assert "Keadilan harus dekat." in text_of(prose.blockquote)
    assert "Ketua PN" in text_of(prose.find(class_="quote__source"))

    tag = article.find("a", class_="tag")
    assert text_of(tag) == "#sidang keliling" and tag["href"] == "/berita/?tag=sidang-keliling"
    related = soup.find("aside", class_="related")
    assert related.find("a", string="Penyerahan akta cerai")["href"] == other.url


def test_figure_block_uses_the_editors_contextual_alt_text(court, client):
    image = make_image("IMG_0042")
    page = NewsPageFactory(parent=court.news_index, body=body(
        ("image", {"image": {"image": image.pk, "alt_text": "Ruang tunggu yang ramah difabel", "decorative": False},
                   "caption": "Ruang tunggu baru."}),
        ("image", {"image": {"image": image.pk, "alt_text": "", "decorative": True}, "caption": ""}),
    ))
    soup = get_soup(client, page.url)
    figures = soup.find_all("img", class_="figure__image")
    assert [img["alt"] for img in figures] == ["Ruang tunggu yang ramah difabel", ""]
    assert text_of(soup.find("figcaption", class_="figure__caption")) == "Ruang tunggu baru."


def test_video_and_document_blocks_render_with_fallback_and_file_details(court, client):
    document = Document.objects.create(title="Maklumat pelayanan", file=ContentFile(b"%PDF" + b"x" * 2048,
                                                                                    name="maklumat.pdf"))
    page = NewsPageFactory(parent=court.news_index, body=body(
        # An address no embed provider knows: the block falls back to a plain link.
        ("video", {"video": "https://video.invalid/tonton/1", "caption": "Sidang keliling",
                   "transcript": "Hakim membuka sidang."}),
        ("document", {"document": document.pk, "title": ""}),
    ))
    soup = get_soup(client, page.url)
    video = soup.find("figure", class_="video")
    assert video.find("a")["href"] == "https://video.invalid/tonton/1"
    assert text_of(video.find("details").summary) == "Transkrip video"
    assert "Hakim membuka sidang." in text_of(video.find("details"))
    attachment = soup.find(class_="attachment")
    assert attachment.a["href"] == document.url and text_of(attachment.a) == "Maklumat pelayanan"
    assert text_of(attachment.find(class_="attachment__meta")) == "(PDF, 2,0 KB)"


def card_titles(soup):
    return [text_of(h) for h in soup.main.find_all("h2", class_="card__title")]


def test_news_index_front_page_month_archives_and_filters(court, client):
    putusan = NewsCategoryFactory(name="Putusan", slug="putusan")
    for day in range(1, 13):
        NewsPageFactory(parent=court.news_index, title=f"Kegiatan hari {day}", date=datetime.date(2026, 10, day))
    tagged = NewsPageFactory(parent=court.news_index, title="Putusan perkara korupsi", category=putusan,
                             date=datetime.date(2026, 9, 1))
    tagged.tags.add("tipikor")
    tagged.save()

    soup = get_soup(client, "/berita/")
    assert_accessible_skeleton(soup)
    titles = card_titles(soup)
    assert len(titles) == 10 and titles[0] == "Kegiatan hari 12" and titles[-1] == "Kegiatan hari 3"
    archive_nav = soup.find("nav", attrs={"aria-label": "Arsip berita per bulan"})
    older = archive_nav.find("a", rel="next")
    assert older["href"] == "?bulan=2026-10" and text_of(older) == "Berita lebih lama: arsip Oktober 2026 ›"

    october = get_soup(client, "/berita/?bulan=2026-10")
    assert text_of(october.find("h2", id="judul-arsip")) == "Arsip berita Oktober 2026"
    assert card_titles(october) == [f"Kegiatan hari {day}" for day in range(12, 0, -1)]  # the whole month
    nav = october.find("nav", attrs={"aria-label": "Arsip berita per bulan"})
    older = nav.find("a", rel="next")
    assert older["href"] == "?bulan=2026-09" and text_of(older) == "September 2026 ›"
    assert nav.find("a", rel="prev") is None  # no newer month has items
    assert text_of(nav.find("a", href="?")) == "Berita terbaru"
    september = get_soup(client, "/berita/?bulan=2026-09")
    assert card_titles(september) == ["Putusan perkara korupsi"]
    newer = september.find("nav", attrs={"aria-label": "Arsip berita per bulan"}).find("a", rel="prev")
    assert newer["href"] == "?bulan=2026-10" and text_of(newer) == "‹ Oktober 2026"
    # A month without items, or no month at all, is not a page.
    assert client.get("/berita/?bulan=2026-08").status_code == 404
    for bad in ("2026-13", "26-10", "2026-1x", "<script>", "9" * 50):
        assert client.get("/berita/", {"bulan": bad}).status_code == 404

    filtered = get_soup(client, "/berita/?kategori=putusan")
    assert card_titles(filtered) == ["Putusan perkara korupsi"]
    filter_nav = filtered.find("nav", attrs={"aria-label": "Kategori berita"})
    assert text_of(filter_nav.find(attrs={"aria-current": "page"})) == "Putusan"
    assert "Putusan" in text_of(filtered.find(class_="filter__status"))
    by_tag = get_soup(client, "/berita/?tag=tipikor")
    assert card_titles(by_tag) == ["Putusan perkara korupsi"]

    # Filters carry into the archives: the category's own months.
    for day in range(1, 12):
        NewsPageFactory(parent=court.news_index, title=f"Putusan {day}", category=putusan,
                        date=datetime.date(2026, 11, day))
    nav = get_soup(client, "/berita/?kategori=putusan").find("nav", attrs={"aria-label": "Arsip berita per bulan"})
    assert nav.find("a", rel="next")["href"] == "?kategori=putusan&bulan=2026-11"
    archive = get_soup(client, "/berita/?kategori=putusan&bulan=2026-11")
    assert card_titles(archive) == [f"Putusan {day}" for day in range(11, 0, -1)]
    older = archive.find("nav", attrs={"aria-label": "Arsip berita per bulan"}).find("a", rel="next")
    assert older["href"] == "?kategori=putusan&bulan=2026-09"  # the category has nothing in October


def test_old_page_numbers_redirect_to_the_month_that_held_them(court, client):
    """Links to the numbered pages there were before (?halaman=N, ten items a page from the newest) lead to
    the month archive of that page's newest item, keeping the filter."""
    for number in range(25):
        NewsPageFactory(parent=court.news_index, title=f"Berita {number}",
                        date=datetime.date(2026, 8, 1) + datetime.timedelta(days=number * 3))
    # newest first: items 24..15 on page 1, 14..5 on page 2 (item 14: 2026-09-12), 4..0 on page 3 (2026-08-13)
    assert client.get("/berita/?halaman=2")["Location"] == "/berita/?bulan=2026-09"
    assert client.get("/berita/?halaman=3").status_code == 301
    assert client.get("/berita/?halaman=3")["Location"] == "/berita/?bulan=2026-08"
    assert client.get("/berita/?halaman=99")["Location"] == "/berita/?bulan=2026-08"  # past the end: the oldest
    assert client.get("/berita/?halaman=1")["Location"] == "/berita/"
    assert client.get("/berita/?halaman=x%3Cb")["Location"] == "/berita/"
    NewsCategoryFactory(name="Putusan", slug="putusan")
    assert client.get("/berita/?kategori=putusan&halaman=2")["Location"] == "/berita/?kategori=putusan"


def test_news_index_query_count_does_not_grow_with_items(court, client, django_assert_max_num_queries):
    """Listings stay O(1) in queries, also when the rendition cache is cold (a restart, a new worker)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from wagtail.images.models import Rendition

    def add_news(count):
        for _ in range(count):
            NewsPageFactory(parent=court.news_index, hero_image=make_image(), hero_alt="Foto kegiatan")

    def count_queries():
        client.get("/berita/")  # creates any missing renditions, so the counted view only reads
        Rendition.cache_backend.clear()
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/berita/")
        assert response.status_code == 200
        return queries, BeautifulSoup(response.content, "html.parser")

    add_news(2)
    few, _ = count_queries()
    add_news(8)
    many, soup = count_queries()
    assert len(soup.find_all("img", class_="card__image")) == 10
    assert len(many) == len(few), [q["sql"] for q in many.captured_queries]
    Rendition.cache_backend.clear()
    with django_assert_max_num_queries(25):
        client.get("/berita/?kategori=kegiatan")


def test_announcement_index_separates_current_and_expired(court, client):
    today = timezone.localdate()
    AnnouncementPageFactory(parent=court.announcements, title="Pendaftaran posbakum", date=today,
                            valid_until=today + datetime.timedelta(days=30))
    AnnouncementPageFactory(parent=court.announcements, title="Jadwal libur", date=today, valid_until=None)
    AnnouncementPageFactory(parent=court.announcements, title="Lelang 2024", date=datetime.date(2024, 1, 1),
                            valid_until=datetime.date(2024, 1, 31))

    soup = get_soup(client, "/pengumuman/")
    assert_accessible_skeleton(soup)
    current = soup.find("section", attrs={"aria-labelledby": "judul-berlaku"})
    archive = soup.find("section", attrs={"aria-labelledby": "judul-arsip"})
    assert {text_of(h) for h in current.find_all("h3")} == {"Pendaftaran posbakum", "Jadwal libur"}
    assert [text_of(h) for h in archive.find_all("h3")] == ["Lelang 2024"]
    assert "Sudah tidak berlaku" in text_of(archive)
    until = (today + datetime.timedelta(days=30))
    assert f"Berlaku sampai {until.day} " in text_of(current)


def test_announcement_page_shows_validity_and_marks_expired(court, client):
    today = timezone.localdate()
    live = AnnouncementPageFactory(parent=court.announcements, title="Seleksi PPNPN", date=today,
                                   valid_until=datetime.date(2099, 1, 31), body=body(("paragraph", "<p>Syarat.</p>")))
    soup = get_soup(client, live.url)
    assert_accessible_skeleton(soup)
    assert text_of(soup.find(class_="alert--info")) == "Berlaku sampai 31 Januari 2099"
    assert soup.find(class_="alert--expired") is None
    assert "Syarat." in text_of(soup.find(class_="prose"))

    old = AnnouncementPageFactory(parent=court.announcements, title="Lelang 2024", date=datetime.date(2024, 1, 1),
                                  valid_until=datetime.date(2024, 1, 31))
    soup = get_soup(client, old.url)
    expired = soup.find(class_="alert--expired")
    assert "Sudah tidak berlaku." in text_of(expired) and "31 Januari 2024" in text_of(expired)


def test_public_information_page_groups_documents_by_year_with_type_and_size(court, client):
    page = PublicInformationPage(title="Informasi Publik", slug="informasi-publik", intro="Dokumen berkala.")
    court.home.add_child(instance=page)
    documents = [(2025, "DIPA 2025", 1536), (2026, "LKjIP 2026", 3 * 1024 * 1024), (2026, "DIPA 2026", 10)]
    for year, title, size in documents:
        document = Document.objects.create(title=title, file=ContentFile(b"x" * size, name=f"{title}.pdf"))
        PublicDocument.objects.create(page=page, document=document, title=title, year=year,
                                      category="dipa" if "DIPA" in title else "lkjip")

    soup = get_soup(client, page.url)
    assert_accessible_skeleton(soup)
    years = [text_of(h) for h in soup.main.find_all("h2")]
    assert years == ["Tahun 2026", "Tahun 2025"]
    section_2026 = soup.find("section", attrs={"aria-labelledby": "tahun-2026"})
    rows = {text_of(li.a): text_of(li.find(class_="doc-list__meta")) for li in section_2026.find_all("li")}
    assert rows == {"LKjIP 2026": "LKjIP PDF, 3,0 MB", "DIPA 2026": "DIPA / RKA-K/L PDF, 10 bita"}
    link = section_2026.find("a", string="LKjIP 2026")
    assert link["href"].startswith("/dokumen/")


def test_standard_page_shows_body_and_live_children(court, client):
    profile = standard_page(court.home, "Profil", "profil", body=body(("paragraph", "<p>Sejarah singkat.</p>")))
    standard_page(profile, "Visi dan Misi", "visi-misi", summary="Visi dan misi pengadilan.")
    draft = StandardPage(title="Draf struktur", slug="struktur", live=False)
    profile.add_child(instance=draft)

    soup = get_soup(client, profile.url)
    assert_accessible_skeleton(soup)
    assert "Sejarah singkat." in text_of(soup.find(class_="prose"))
    children = soup.find("nav", class_="child-pages")
    assert [text_of(a) for a in children.find_all("a")] == ["Visi dan Misi"]
    assert "Visi dan misi pengadilan." in text_of(children)


def test_preview_of_an_unsaved_news_page_renders(court):
    """Editors preview a new item before it has an id (the admin gives it a provisional tree path)."""
    from cms.models import NewsPage

    NewsPageFactory(parent=court.news_index, title="Berita yang sudah terbit")
    page = NewsPage(title="Draf berita baru", slug="draf-berita-baru", lead="Teras draf.",
                    date=datetime.date(2026, 11, 3), body=body(("paragraph", "<p>Isi draf.</p>")))
    page.depth = court.news_index.depth + 1
    page.path = court.news_index.get_last_child()._inc_path()
    page.set_url_path(court.news_index)
    response = page.make_preview_request()
    assert response.status_code == 200
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    assert text_of(soup.h1) == "Draf berita baru"
    crumbs = soup.find("nav", attrs={"aria-label": "Jejak navigasi"})
    assert [text_of(li) for li in crumbs.find_all("li")] == ["Beranda", "Berita", "Draf berita baru"]
    assert "Berita yang sudah terbit" in text_of(soup.find("aside", class_="related"))


# --- Navigation ----------------------------------------------------------------------------------


def test_menu_and_breadcrumbs_come_from_the_page_tree(court, client):
    profile = standard_page(court.home, "Profil", "profil")
    vision = standard_page(profile, "Visi dan Misi", "visi-misi")
    standard_page(profile, "Catatan internal", "catatan", show_in_menus=False)
    standard_page(court.home, "Halaman tersembunyi", "tersembunyi", show_in_menus=False)
    court.news_index.show_in_menus = True
    court.news_index.save()

    soup = get_soup(client, vision.url)
    menu = soup.find("nav", attrs={"aria-label": "Menu utama"})
    top = [text_of(li.find(class_="site-nav__link")) for li in menu.find(class_="site-nav__list").find_all(
        "li", class_="site-nav__item", recursive=False)]
    assert top == ["Beranda", "Berita", "Profil"]  # tree order: the news index came first
    submenu = menu.find("details", class_="submenu")
    assert text_of(submenu.summary) == "Profil"
    links = {text_of(a): a["href"] for a in submenu.find_all("a")}
    assert links == {"Ikhtisar Profil": "/profil/", "Visi dan Misi": "/profil/visi-misi/"}
    assert text_of(menu.find(attrs={"aria-current": "page"})) == "Visi dan Misi"
    assert "is-active" in submenu.parent["class"]

    crumbs = soup.find("nav", attrs={"aria-label": "Jejak navigasi"})
    items = crumbs.find_all("li")
    assert [text_of(li) for li in items] == ["Beranda", "Profil", "Visi dan Misi"]
    assert [li.a["href"] for li in items[:2]] == ["/", "/profil/"]
    assert items[-1].find(attrs={"aria-current": "page"}) is not None and items[-1].a is None

    home = get_soup(client, "/")
    assert home.find("nav", attrs={"aria-label": "Jejak navigasi"}) is None
    home_menu = home.find("nav", attrs={"aria-label": "Menu utama"})
    assert text_of(home_menu.find(attrs={"aria-current": "page"})) == "Beranda"


def test_menu_tree_is_one_query_and_cached_on_the_request(court, django_assert_num_queries):
    profile = standard_page(court.home, "Profil", "profil")
    standard_page(profile, "Visi dan Misi", "visi-misi")
    request = RequestFactory().get("/")
    site = court.site
    site.root_page  # noqa: B018 - loaded outside the counted block
    with django_assert_num_queries(1):
        items = navigation_tags.menu_tree(request, site)
        again = navigation_tags.menu_tree(request, site)
    assert again is items
    assert [item.page.title for item in items] == ["Profil"]
    assert [child.page.title for child in items[0].children] == ["Visi dan Misi"]


def test_editors_get_the_wagtail_userbar_and_readers_do_not(court, client, client_as):
    news = NewsPageFactory(parent=court.news_index)
    assert get_soup(client, news.url).find("wagtail-userbar") is None
    soup = get_soup(client_as("redaktur"), news.url)
    assert soup.find("wagtail-userbar") is not None


# --- Header, footer and head --------------------------------------------------------------------


def test_header_and_footer_carry_court_settings_service_links_and_feeds(court, client):
    settings = CourtSettings.for_site(court.site)
    settings.court_name = "Pengadilan Negeri Uji Kelas IA"
    settings.tagline = "Melayani dengan integritas"
    settings.address = "Jl. Merdeka No. 1, Kota Uji"
    settings.phone = "(021) 555 0101"
    settings.email = "info@pn-uji.go.id"
    settings.office_hours = "Senin–Jumat 08.00–16.00"
    settings.instagram_url = "https://instagram.com/pnuji"
    settings.logo = make_image("Logo PN Uji", size=(200, 200))
    settings.save()

    soup = get_soup(client, "/")
    header = soup.find("header", class_="site-header")
    assert "Pengadilan Negeri Uji Kelas IA" in text_of(header.find(class_="brand"))
    assert header.find("img", class_="brand__logo")["alt"] == ""  # the name next to it says it all
    text_size = header.find(attrs={"data-text-size": True})
    assert text_size.has_attr("hidden")  # shown by site.js only
    assert [b.contents[0].strip() for b in text_size.find_all("button")] == ["A-", "A", "A+"]
    assert header.find("form", attrs={"role": "search"})["action"] == "/cari/"
    assert soup.title.string.strip().endswith("· Pengadilan Negeri Uji Kelas IA")

    footer = soup.find("footer", class_="site-footer")
    footer_text = text_of(footer)
    for expected in ["Jl. Merdeka No. 1, Kota Uji", "(021) 555 0101", "info@pn-uji.go.id", "Senin–Jumat 08.00–16.00"]:
        assert expected in footer_text
    hrefs = {text_of(a): a["href"] for a in footer.find_all("a")}
    assert hrefs["Instagram"] == "https://instagram.com/pnuji"
    for name in ["Direktori Putusan", "e-Court", "SIWAS", "JDIH", "LAPOR!"]:
        assert hrefs[name].startswith("https://")
    assert hrefs["Umpan berita RSS"] == "/feed/rss/"
    assert hrefs["Umpan berita Atom"] == "/feed/atom/"
    assert hrefs["Peta situs (XML)"] == "/sitemap.xml"

    alternates = {link["type"]: link["href"] for link in soup.head.find_all("link", rel="alternate")}
    assert alternates == {"application/rss+xml": "/feed/rss/", "application/atom+xml": "/feed/atom/"}
    assert soup.head.find("script", src=re.compile(r"cms/js/site\.js$"))
    assert soup.head.find("link", rel="stylesheet", href=re.compile(r"cms/css/site\.css$"))
    # No external assets: every script and stylesheet is served by the project.
    for tag in soup.find_all(["script", "link"]):
        assert not (tag.get("src") or tag.get("href") or "").startswith(("http://", "https://", "//")) \
            or tag.get("rel") in (["alternate"], ["canonical"])


def test_sipp_link_follows_the_court_domain(court, client):
    court.site.hostname = "pn-uji.go.id"
    court.site.save()
    soup = BeautifulSoup(client.get("/", HTTP_HOST="pn-uji.go.id").content.decode(), "html.parser")
    hrefs = {text_of(a): a["href"] for a in soup.find("footer").find_all("a")}
    assert hrefs["SIPP"] == "https://sipp.pn-uji.go.id/list_jadwal_sidang"


def test_static_assets_exist_and_text_size_script_remembers_the_choice():
    script = finders.find("cms/js/site.js")
    css = finders.find("cms/css/site.css")
    assert script and css
    source = open(script, encoding="utf-8").read()
    assert "localStorage" in source and "data-text-size-step" in source
    stylesheet = open(css, encoding="utf-8").read()
    assert "prefers-reduced-motion" in stylesheet and ":focus-visible" in stylesheet
    assert "@import" not in stylesheet and "url(http" not in stylesheet


# --- Error pages --------------------------------------------------------------------------------


def test_missing_page_renders_the_custom_404(court, client):
    soup = get_soup(client, "/tidak-ada-halaman-ini/", status=404)
    assert_accessible_skeleton(soup)
    assert text_of(soup.h1) == "Halaman tidak ditemukan"
    assert soup.main.find("form", attrs={"role": "search"})["action"] == "/cari/"


def test_500_template_renders_without_request_or_database(django_assert_num_queries):
    with django_assert_num_queries(0):
        html = get_template("500.html").render({})
    soup = BeautifulSoup(html, "html.parser")
    assert soup.html["lang"] == "id"
    assert text_of(soup.h1) == "Terjadi gangguan pada server"
    assert soup.find("main", id="konten") is not None


# --- Feeds, sitemap, search ---------------------------------------------------------------------


def test_feeds_and_sitemap_list_a_news_item(court, client):
    page = NewsPageFactory(parent=court.news_index, title="Sidang keliling di Kecamatan Maju",
                           lead="Dua puluh perkara diperiksa.")
    rss = client.get("/feed/rss/")
    assert rss.status_code == 200
    item = ElementTree.fromstring(rss.content).find("channel/item")
    assert item.findtext("title") == "Sidang keliling di Kecamatan Maju"
    assert item.findtext("link") == f"http://testserver{page.url}"
    assert item.findtext("description") == "Dua puluh perkara diperiksa."

    atom = client.get("/feed/atom/")
    assert atom.status_code == 200
    entry = ElementTree.fromstring(atom.content).find(f"{ATOM}entry")
    assert entry.findtext(f"{ATOM}title") == "Sidang keliling di Kecamatan Maju"
    assert entry.find(f"{ATOM}link").get("href") == f"http://testserver{page.url}"

    sitemap = client.get("/sitemap.xml")
    assert sitemap.status_code == 200
    locations = [loc.text for loc in ElementTree.fromstring(sitemap.content).iter(f"{SITEMAP}loc")]
    assert f"http://testserver{page.url}" in locations


def test_search_finds_news_by_a_word_of_its_body(court, client):
    page = NewsPageFactory(parent=court.news_index, title="Kunjungan kerja", lead="Ketua menerima tamu.",
                           body=body(("paragraph", "<p>Rombongan membahas layanan itsbat nikah terpadu.</p>")))
    NewsPageFactory(parent=court.news_index, title="Rapat evaluasi", lead="Evaluasi bulanan.")

    soup = get_soup(client, "/cari/?q=itsbat")
    assert_accessible_skeleton(soup)
    assert soup.find("input", id="cari-halaman")["value"] == "itsbat"
    results = soup.find("ol", class_="results")
    links = [(text_of(a), a["href"]) for a in results.select(".results__title a")]
    assert links == [("Kunjungan kerja", page.url)]
    assert "Ketua menerima tamu." in text_of(results)
    assert '1 hasil untuk "itsbat"' in text_of(soup.find("h2", id="judul-hasil"))
    crumbs = soup.find("nav", attrs={"aria-label": "Jejak navigasi"})
    assert [text_of(li) for li in crumbs.find_all("li")] == ["Beranda", "Pencarian"]

    empty = get_soup(client, "/cari/?q=zzzzkatayangtidakada")
    assert "Tidak ada halaman yang cocok" in text_of(empty.main)
    blank = get_soup(client, "/cari/")
    assert blank.find("ol", class_="results") is None and blank.find("h2", id="judul-hasil") is None


def test_search_results_paginate(court, client):
    for number in range(12):
        NewsPageFactory(parent=court.news_index, title=f"Mediasi {number}",
                        body=body(("paragraph", "<p>Mediasi berhasil.</p>")))
    soup = get_soup(client, "/cari/?q=mediasi")
    assert len(soup.select(".results__item")) == 10
    pager = soup.find("nav", attrs={"aria-label": "Navigasi halaman"})
    assert pager.find("a", rel="next")["href"] == "?q=mediasi&halaman=2"
    page2 = get_soup(client, "/cari/?q=mediasi&halaman=2")
    assert len(page2.select(".results__item")) == 2
    assert page2.find("ol", class_="results")["start"] == "11"


def test_every_page_type_has_a_template_named_after_the_model():
    from django.apps import apps

    for model in apps.get_app_config("cms").get_models():
        if issubclass(model, Page):
            assert get_template(model.template)  # raises TemplateDoesNotExist otherwise


def test_a_month_archive_reads_its_rows_by_id_in_the_listing_order(court, client):
    """Rows are read by id first, then with their joins: the same items, in the listing's order."""
    for number in range(23):
        NewsPageFactory(parent=court.news_index, title=f"Berita urut {number}", slug=f"berita-urut-{number}",
                        date=datetime.date(2026, 10, 1) + datetime.timedelta(days=number // 3))
    expected = [page.title for page in court.news_index.specific.news()]
    soup = BeautifulSoup(client.get("/berita/?bulan=2026-10").content.decode(), "html.parser")
    assert [a.get_text(strip=True) for a in soup.select("main h2 a")] == expected
    soup = BeautifulSoup(client.get("/berita/").content.decode(), "html.parser")
    assert [a.get_text(strip=True) for a in soup.select("main h2 a")] == expected[:10]


def test_sitemap_lists_what_wagtails_own_sitemap_lists(court, client, django_assert_max_num_queries):
    """The sitemap reads plain page rows (cms/sitemaps.py); its entries are Wagtail's, entry for entry: live
    public pages with their publication time, no draft, nothing under a view restriction."""
    from django.contrib.sitemaps.views import sitemap as django_sitemap
    from wagtail.contrib.sitemaps.sitemap_generator import Sitemap
    from wagtail.models import PageViewRestriction

    from cms.sitemaps import CourtSitemap

    shown = [NewsPageFactory(parent=court.news_index, title=f"Berita {n}") for n in range(6)]
    draft = NewsPageFactory(parent=court.news_index, title="Konsep")
    draft.unpublish()
    private = StandardPage(title="Internal", slug="internal")
    court.home.add_child(instance=private)
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    Page.objects.filter(pk=shown[0].pk).update(
        last_published_at=datetime.datetime(2026, 11, 2, 9, 0, tzinfo=datetime.UTC))
    Page.objects.filter(pk=shown[1].pk).update(  # already 3 November in the court's time zone
        last_published_at=datetime.datetime(2026, 11, 2, 20, 0, tzinfo=datetime.UTC))

    def entries(content):
        tree = ElementTree.fromstring(content)
        return [(url.findtext(f"{SITEMAP}loc"), url.findtext(f"{SITEMAP}lastmod"))
                for url in tree.iter(f"{SITEMAP}url")]

    with django_assert_max_num_queries(6):
        ours = client.get("/sitemap.xml")
    request = RequestFactory().get("/sitemap.xml")
    wagtails = django_sitemap(request, {"wagtail": Sitemap(request)})
    wagtails.render()
    assert ours.status_code == 200
    assert entries(ours.content) == entries(wagtails.content)
    locations = [loc for loc, _lastmod in entries(ours.content)]
    assert {f"http://testserver{page.url}" for page in shown} <= set(locations)
    assert not any("konsep" in loc or "internal" in loc for loc in locations)
    lastmods = dict(entries(ours.content))
    assert lastmods[f"http://testserver{shown[0].url}"] == "2026-11-02"
    assert lastmods[f"http://testserver{shown[1].url}"] == "2026-11-03"
    # Written without the template, byte for byte what Django's sitemap view writes for the same entries.
    djangos = django_sitemap(request, {"wagtail": CourtSitemap(request)})
    djangos.render()
    assert ours.content == djangos.content
    assert (ours["X-Robots-Tag"], ours["Content-Type"]) == (djangos["X-Robots-Tag"], djangos["Content-Type"])
    assert ours.get("Last-Modified") == djangos.get("Last-Modified")


def test_a_page_type_with_its_own_sitemap_entries_is_asked_for_them(court, client, monkeypatch):
    from cms import sitemaps

    def entries(self, request=None):
        return [{"location": self.get_full_url(request), "lastmod": None},
                {"location": self.get_full_url(request) + "lampiran/", "lastmod": None}]

    monkeypatch.setattr(StandardPage, "get_sitemap_urls", entries, raising=False)
    sitemaps._models_with_own_entries.cache_clear()
    try:
        page = StandardPage(title="Tata tertib", slug="tata-tertib")
        court.home.add_child(instance=page)
        locations = [loc.text for loc in ElementTree.fromstring(client.get("/sitemap.xml").content)
                     .iter(f"{SITEMAP}loc")]
    finally:
        sitemaps._models_with_own_entries.cache_clear()
    assert "http://testserver/tata-tertib/lampiran/" in locations
    assert "http://testserver/tata-tertib/" in locations
