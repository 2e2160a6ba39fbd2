"""manage.py load_demo_court: the demo court a developer sees after `make run`."""

import re
from io import StringIO

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.test import Client
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Collection, Page, PageLogEntry, Revision, Site
from wagtail.users.models import UserProfile

from cms.demo import ANCHOR_DATE, DEMO_PASSWORD, images, pdf
from cms.demo.court import USERS
from cms.models import (
    AnnouncementPage,
    CourtSettings,
    HomePage,
    NewsCategory,
    NewsPage,
    PublicInformationPage,
    StandardPage,
)
from tests.support.pdf import pdf_text

pytestmark = pytest.mark.django_db

MENU = ["Tentang Pengadilan", "Layanan Publik", "Layanan Hukum", "Informasi Publik", "Transparansi", "Berita",
        "Pengumuman"]


def load(**options):
    out = StringIO()
    options.setdefault("first_court_only", True)  # the second court has its own test below
    call_command("load_demo_court", "--small-images", stdout=out, **options)
    return out.getvalue()


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    return tmp_path


def counts():
    return {
        "pages": Page.objects.count(),
        "live pages": Page.objects.live().count(),
        "revisions": Revision.objects.count(),
        "log entries": PageLogEntry.objects.count(),
        "images": Image.objects.count(),
        "documents": Document.objects.count(),
        "collections": Collection.objects.count(),
        "users": get_user_model().objects.count(),
        "sites": Site.objects.count(),
        "settings": CourtSettings.objects.count(),
        "categories": NewsCategory.objects.count(),
    }


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def test_refuses_to_run_without_debug(media, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="--force"):
        load()
    assert not get_user_model().objects.filter(username__in=USERS).exists()
    assert not HomePage.objects.exists()


def test_second_run_creates_and_changes_nothing(media, settings):
    settings.DEBUG = False
    first = load(force=True)  # --force: a staging server with DEBUG off
    assert "Pengadilan Negeri Contoh dimuat" in first
    assert "http://testserver/" in first and DEMO_PASSWORD in first
    for username in [*USERS, "root"]:
        assert re.search(rf"^\s+{username}\s", first, re.MULTILINE)
    before = counts()
    assert before["images"] >= 27 and before["documents"] >= 20 and before["live pages"] >= 60
    files_before = sorted(path.name for path in media.rglob("*") if path.is_file())
    home = HomePage.objects.get()
    court = CourtSettings.objects.get()
    court.phone = "(0299) 000 111"  # an editor has since changed the settings
    court.save()

    settings.DEBUG = True
    second = load()

    assert counts() == before
    assert sorted(path.name for path in media.rglob("*") if path.is_file()) == files_before
    assert HomePage.objects.get().latest_revision_id == home.latest_revision_id
    assert CourtSettings.objects.get().phone == "(0299) 000 111"
    assert re.search(r"halaman: 0 dibuat, \d+ sudah ada", second)
    assert re.search(r"pengguna: 0 dibuat, 7 sudah ada", second)


def test_demo_court_as_loaded(media, settings, client):
    """One load, checked from every side (each load costs seconds, so the checks share it)."""
    settings.DEBUG = True
    load()
    check_site_and_settings()
    check_menu()
    check_public_information(client)
    check_news()
    check_announcements()
    check_users()
    check_public_pages_render(client)
    check_items_waiting_in_review(client)


def check_items_waiting_in_review(client):
    """The demo shows the SOP at work: one draft waits for the Redaktur, one for the Kasubag PTIP."""
    from django.contrib.auth import get_user_model

    User = get_user_model()
    for username, title, other in [
        ("redaktur", "Rapat Persiapan Akreditasi Penjaminan Mutu", "Penyuluhan Hukum di Sekolah Menengah"),
        ("kasubag", "Penyuluhan Hukum di Sekolah Menengah Kota Contoh", None),
    ]:
        client.force_login(User.objects.get(username=username))
        panel = soup(client.get("/admin/")).find(string="Tugas saya").find_parent("section")
        mine = panel.get_text(" ", strip=True).split("Semua tugas terbuka tim")[0]
        assert title in mine, username
        if other:
            assert other not in mine
    assert not NewsPage.objects.get(slug="penyuluhan-hukum-di-sekolah-menengah").live


def check_site_and_settings():
    site = Site.objects.get(is_default_site=True)
    home = HomePage.objects.get()
    assert site.root_page_id == home.pk
    assert (site.hostname, site.port, site.site_name) == ("testserver", 80, "PN Contoh")
    assert Site.objects.filter(is_default_site=True).count() == 1
    # Wagtail's welcome page is gone; the home page sits right under the tree root.
    assert not Page.objects.filter(title="Welcome to your new Wagtail site!").exists()
    assert home.get_parent().is_root() and home.title == "Beranda" and home.live
    assert home.revisions.count() == 2 and home.body  # service links added in a second revision

    court = CourtSettings.for_site(site)
    assert court.court_name == "Pengadilan Negeri Contoh" and court.short_name == "PN Contoh"
    assert court.office_hours == "Senin–Kamis 08.00–16.30 WIB, Jumat 08.00–17.00 WIB"
    assert court.logo is not None and court.logo.file.read(8) == b"\x89PNG\r\n\x1a\n"
    assert court.email.endswith("@pn-contoh.go.id") and court.whatsapp and court.fax and court.address
    assert len(court.social_links) == 6


def check_menu():
    home = HomePage.objects.get()
    assert [page.title for page in home.get_children().live().in_menu()] == MENU
    about = StandardPage.objects.get(slug="tentang-pengadilan")
    assert [page.title for page in about.get_children()] == [
        "Profil Pengadilan", "Visi dan Misi", "Tugas Pokok dan Fungsi", "Struktur Organisasi", "Sejarah",
        "Wilayah Yurisdiksi", "Profil Hakim"]
    services = StandardPage.objects.get(slug="layanan-publik")
    assert [page.title for page in services.get_children()] == [
        "PTSP", "Pos Bantuan Hukum", "Layanan Prodeo", "Pengaduan (SIWAS)", "Permohonan Informasi",
        "Layanan Disabilitas", "Maklumat Pelayanan"]
    legal = StandardPage.objects.get(slug="layanan-hukum")
    assert [page.title for page in legal.get_children()] == [
        "Prosedur Berperkara", "Biaya Perkara", "e-Court", "Jadwal Sidang", "Mediasi", "Eksekusi"]
    for page in StandardPage.objects.all():
        assert page.live and page.show_in_menus and page.live_revision_id, page
        assert page.body, page
        assert page.get_latest_revision().user is None  # the loader's own revision: no person drafted it
    kinds = {block.block_type for page in StandardPage.objects.all() for block in page.body}
    assert {"paragraph", "quote", "document"} <= kinds
    html = "".join(str(block.value) for page in StandardPage.objects.all() for block in page.body
                   if block.block_type == "paragraph")
    assert "<h2>" in html and "<ul>" in html and "<ol>" in html
    assert "lorem" not in html.lower()


def check_public_information(client):
    info = PublicInformationPage.objects.get(slug="informasi-publik")
    assert set(dict(info.documents_by_year())) == {2024, 2025, 2026}
    assert {"laporan", "dipa", "lkjip", "renstra"} <= {doc.category for doc in info.documents.all()}
    assert info.get_children().get().title == "Daftar Informasi Publik"
    finance = PublicInformationPage.objects.get(slug="laporan-keuangan")
    assert finance.get_parent().slug == "transparansi"
    assert {doc.category for doc in finance.documents.all()} == {"keuangan", "lhkpn"}
    assert "Pengadaan Barang/Jasa" in [page.title for page in finance.get_parent().get_children()]

    public_doc = info.documents.select_related("document").first()
    assert public_doc.document.collection.name == "Informasi Publik"
    response = client.get(public_doc.document.url)
    assert response.status_code == 200
    data = b"".join(response.streaming_content) if response.streaming else response.content
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")


def check_news():
    news = NewsPage.objects.live().order_by("date")
    assert news.count() >= 24
    assert news.last().date == ANCHOR_DATE
    assert (ANCHOR_DATE - news.first().date).days <= 125
    assert len({item.date.month for item in news}) >= 4
    assert NewsCategory.objects.filter(name__in=["Kegiatan", "Pelayanan", "Zona Integritas", "Sidang Keliling",
                                                 "Pengumuman Resmi"]).count() == 5
    assert len({item.category_id for item in news}) >= 5
    for item in news:
        assert item.tags.exists() and item.lead and item.social_caption and item.social_hashtags.startswith("#")
        assert item.hero_alt and item.hero_image.collection.name == "Berita"
        assert item.hero_image.has_focal_point()
        assert item.first_published_at.date() == item.date
        item.full_clean()  # social captions fit every platform's limit
    kinds = {block.block_type for item in news for block in item.body}
    assert {"paragraph", "quote", "image", "document"} <= kinds


def check_announcements():
    announcements = AnnouncementPage.objects.live()
    assert announcements.count() >= 6
    assert [item for item in announcements if item.valid_until and item.valid_until < ANCHOR_DATE]
    assert [item for item in announcements if item.valid_until and item.valid_until >= ANCHOR_DATE]
    assert [item for item in announcements if item.valid_until is None]


def check_users():
    User = get_user_model()
    for username, (group, first_name, last_name) in USERS.items():
        user = User.objects.get(username=username)
        assert list(user.groups.values_list("name", flat=True)) == [group]
        assert Group.objects.get(name=group).user_set.filter(pk=user.pk).exists()
        assert (user.first_name, user.last_name) == (first_name, last_name)
        assert user.email == f"{username}@pn-contoh.go.id"
        assert user.check_password(DEMO_PASSWORD) and not user.is_superuser
        assert UserProfile.get_for_user(user).preferred_language == "id"
    root = User.objects.get(username="root")
    assert root.is_superuser and root.check_password(DEMO_PASSWORD)

    editor = Client()
    assert editor.login(username="redaktur", password=DEMO_PASSWORD)
    assert editor.get("/admin/").status_code == 200


def check_public_pages_render(client):
    home = client.get("/")
    assert home.status_code == 200
    page = soup(home)
    latest = NewsPage.objects.live().order_by("-date").first()
    assert latest.title in page.get_text()
    for title in MENU:
        assert page.find("a", string=re.compile(re.escape(title))), title

    news = NewsPage.objects.get(slug="sidang-keliling-pesisir-indah")
    response = client.get(news.url)
    assert response.status_code == 200
    article = soup(response)
    assert article.find("h1").get_text(strip=True) == news.title
    assert article.find("img", alt=news.hero_alt) is not None

    announcement = AnnouncementPage.objects.get(slug="lelang-eksekusi-3-pdt-eks-2026")
    response = client.get(announcement.url)
    assert response.status_code == 200
    assert "Nilai limit: Rp1.245.000.000." in soup(response).get_text()

    for url in ("/berita/", "/pengumuman/", "/informasi-publik/", "/tentang-pengadilan/profil-pengadilan/"):
        assert client.get(url).status_code == 200, url


# --- the generators on their own ---------------------------------------------------------------

def test_news_pictures_are_deterministic_jpegs():
    first = images.news_picture("sidang", "keliling", "Sidang keliling", width=320)
    again = images.news_picture("sidang", "keliling", "Sidang keliling", width=320)
    other = images.news_picture("rapat", "keliling", "Sidang keliling", width=320)
    assert first.data == again.data != other.data
    assert first.data[:3] == b"\xff\xd8\xff" and (first.width, first.height) == (320, 180)
    focal = first.focal
    assert 0 <= focal.left < focal.right <= 320 and 0 <= focal.top < focal.bottom <= 180


def test_demo_documents_are_text_pdfs_a_reader_opens():
    sections = [pdf.Section("Bagian <b>satu</b>", ["Teks " * 1500], [("Uraian", "Jumlah"), ("Belanja", "1.000")])]
    data = pdf.render("Laporan (uji) – 2026", sections, header="PN CONTOH", footer="Dokumen contoh",
                      author="PN Contoh")
    text = pdf_text(data)
    assert text.startswith("PN CONTOH Laporan (uji) – 2026")
    assert "Bagian <b>satu</b>" in text  # text, never markup
    assert "Uraian Jumlah Belanja 1.000" in text
    # The long paragraph flowed onto more pages, each with the court's name, the footer and its number.
    pages = int(re.search(r"dari (\d+)", text).group(1))
    assert pages >= 2 and text.count("PN CONTOH") == pages and text.count("Dokumen contoh") == pages
    assert f"Halaman {pages} dari {pages}" in text


def test_the_demo_has_a_second_court_walled_off_from_the_first(media, settings):
    from core.courts import courts_for

    first = load(force=True, first_court_only=False)
    assert "Pengadilan kedua, Pengadilan Agama Contoh: http://pa-contoh.localhost/" in first
    assert re.search(r"^\s+kasubag-pa\s", first, re.MULTILINE)
    pn, pa = Site.objects.get(is_default_site=True), Site.objects.get(hostname="pa-contoh.localhost")
    users = get_user_model().objects
    assert list(courts_for(users.get(username="kasubag"))) == [pn]
    assert list(courts_for(users.get(username="kasubag-pa"))) == [pa]
    assert "Pengadilan Agama Contoh" in soup(Client(HTTP_HOST="pa-contoh.localhost").get("/")).get_text()
    assert "Pengadilan Agama Contoh" not in soup(Client().get("/")).get_text()

    before = counts()
    load(force=True, first_court_only=False)
    assert counts() == before
