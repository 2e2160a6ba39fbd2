"""The public-information checklist (Penilaian Website): the national list, the score rules, the walls between
courts, bad input, and the demo court's score counted by hand."""

import datetime
from io import StringIO

import pytest
from django.apps import apps as django_apps
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Collection, Page, Site

from core import roles
from monitoring.penilaian.models import ChecklistItem, Pemenuhan
from monitoring.penilaian.scoring import court_score
from tests.support.factories import HomePageFactory, NewsPageFactory, UserFactory

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 12, 5)


def aware(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(9)))


def item(code):
    return ChecklistItem.objects.get(code=code)


def document(title, uploaded):
    doc = get_document_model().objects.create(title=title, collection=Collection.get_first_root_node(),
                                              file=ContentFile(b"%PDF-1.4", name="dok.pdf"))
    get_document_model().objects.filter(pk=doc.pk).update(created_at=aware(uploaded))
    return get_document_model().objects.get(pk=doc.pk)


def page(court, slug, published):
    news = NewsPageFactory(parent=court.news_index, title=slug.replace("-", " ").title(), slug=slug)
    Page.objects.filter(pk=news.pk).update(last_published_at=aware(published))
    return Page.objects.get(pk=news.pk)


@pytest.fixture
def other_court(court):
    """A second court with its own role groups and a Kasubag."""
    home = HomePageFactory(parent=Page.get_first_root_node(), slug="pn-lain", title="PN Lain")
    site = Site.objects.create(hostname="pn-lain.test", port=80, root_page=home, site_name="PN Lain")
    collection = Collection.get_first_root_node().add_child(name="PN Lain")
    groups = roles.setup_role_groups(django_apps, home.pk, collection.pk, name_prefix="PN Lain — ", site_id=site.pk)
    kasubag = UserFactory(username="kasubag-lain", groups=[groups[roles.KASUBAG]])
    return type("Other", (), {"site": site, "home": home, "kasubag": kasubag})


def test_the_national_list_is_seeded_grouped_with_frequencies():
    items = ChecklistItem.objects.all()
    assert items.count() == 43
    assert set(items.values_list("group", flat=True)) == {"berkala", "serta_merta", "setiap_saat"}
    assert item("jadwal-sidang").frequency == "setiap_saat"
    assert item("lra").frequency == "semesteran"
    assert item("statistik-perkara").group == "setiap_saat"
    assert items.filter(group="serta_merta").count() == 3


def test_scores_fresh_stale_missing_unpublished_incomplete_and_external(court):
    site = court.site
    Pemenuhan.objects.create(site=site, item=item("statistik-perkara"),  # monthly, published 10 days ago
                             page=page(court, "statistik", TODAY - datetime.timedelta(days=10)))
    Pemenuhan.objects.create(site=site, item=item("laporan-biaya-perkara"),  # monthly, 40 days ago: stale
                             page=page(court, "biaya-lama", TODAY - datetime.timedelta(days=40)))
    hidden = page(court, "ditarik", TODAY)
    hidden.unpublish()
    Pemenuhan.objects.create(site=site, item=item("visi-misi"), page=hidden)
    gone = page(court, "dihapus", TODAY)
    Pemenuhan.objects.create(site=site, item=item("struktur-organisasi"), page=gone)
    gone.delete()
    Pemenuhan.objects.create(site=site, item=item("lra"), document=document("LRA", TODAY - datetime.timedelta(days=30)))
    Pemenuhan.objects.create(site=site, item=item("neraca"), document=document("Neraca", datetime.date(2025, 1, 1)))
    Pemenuhan.objects.create(site=site, item=item("direktori-putusan"), url="https://putusan3.mahkamahagung.go.id/")
    Pemenuhan.objects.create(site=site, item=item("posbakum"), page=page(court, "posbakum", datetime.date(2020, 1, 1)),
                             incomplete=True, note="Jadwal piket belum ada.")
    Pemenuhan.objects.create(site=site, item=item("prodeo"), page=page(court, "prodeo", datetime.date(2020, 1, 1)))

    scores = court_score(site, on=TODAY).by_code()
    assert scores["statistik-perkara"] == 2
    assert scores["laporan-biaya-perkara"] == 1
    assert scores["visi-misi"] == 0  # unpublished
    assert scores["struktur-organisasi"] == 0  # deleted
    assert scores["lra"] == 2 and scores["neraca"] == 1  # half-yearly; yearly but uploaded 23 months ago
    assert scores["direktori-putusan"] == 2  # external, no window
    assert scores["posbakum"] == 1  # marked incomplete
    assert scores["prodeo"] == 2  # "bila berubah": old is not stale
    assert scores["kontak"] == 0
    result = court_score(site, on=TODAY)
    assert (result.total, result.maximum) == (2 + 1 + 2 + 1 + 2 + 1 + 2, 86)
    assert result.percent == round(100 * 11 / 86, 1)


def test_an_external_address_is_fresh_while_confirmed_within_the_window(court):
    fulfilment = Pemenuhan.objects.create(site=court.site, item=item("statistik-perkara"), url="https://example.org/")
    Pemenuhan.objects.filter(pk=fulfilment.pk).update(updated_at=aware(TODAY - datetime.timedelta(days=45)))
    assert court_score(court.site, on=TODAY).by_code()["statistik-perkara"] == 1
    assert court_score(court.site, on=TODAY - datetime.timedelta(days=30)).by_code()["statistik-perkara"] == 2


def test_admin_sees_the_checklist_and_links_a_page(court, users, client_as):
    target = page(court, "visi-dan-misi", TODAY)
    client = client_as("admin")
    response = client.get(reverse("penilaian:index"))
    assert response.status_code == 200
    assert "Nilai: 0 dari 86 (0,0%)" in response.content.decode()
    response = client.post(reverse("penilaian:edit", args=["visi-misi"]),
                           {"page": target.pk, "note": "Halaman profil", "url": ""})
    assert response.status_code == 302
    fulfilment = Pemenuhan.objects.get(site=court.site, item__code="visi-misi")
    assert fulfilment.page_id == target.pk and fulfilment.updated_by == users["admin"]
    text = client.get(reverse("penilaian:index")).content.decode()
    assert "Nilai: 2 dari 86" in text and "Lengkap" in text and "Visi Dan Misi" in text


def test_a_page_of_another_court_is_refused(court, users, client_as, other_court):
    foreign = NewsPageFactory(parent=other_court.home, title="Visi PN Lain", slug="visi-lain")
    response = client_as("admin").post(reverse("penilaian:edit", args=["visi-misi"]), {"page": foreign.pk})
    assert response.status_code == 200
    assert "Halaman ini milik pengadilan lain; pilih halaman situs PN Uji." in response.content.decode()
    assert not Pemenuhan.objects.exists()


def test_another_courts_kasubag_sees_nothing_of_this_court(court, users, client, other_court):
    Pemenuhan.objects.create(site=court.site, item=item("jdih"), url="https://jdih.rahasia.example/",
                             note="Catatan PN Uji")
    client.force_login(other_court.kasubag)
    response = client.get(reverse("penilaian:index") + f"?situs={court.site.pk}")
    text = response.content.decode()
    assert response.status_code == 200 and "jdih.rahasia.example" not in text and "Catatan PN Uji" not in text
    assert "Nilai: 0 dari 86" in text
    # nor change it: the form of the other court falls back to their own court
    client.post(reverse("penilaian:edit", args=["jdih"]) + f"?situs={court.site.pk}",
                {"url": "https://dirusak.example/", "situs": court.site.pk})
    assert Pemenuhan.objects.get(site=court.site, item__code="jdih").url == "https://jdih.rahasia.example/"
    assert Pemenuhan.objects.get(site=other_court.site, item__code="jdih").url == "https://dirusak.example/"


def test_roles_without_the_permission_are_refused(court, users, client_as):
    # Wagtail's admin answers a refusal with a redirect to the dashboard and a message
    assert client_as("redaktur").get(reverse("penilaian:index")).status_code == 302
    assert client_as("sekretaris").get(reverse("penilaian:index")).status_code == 200
    assert client_as("sekretaris").get(reverse("penilaian:edit", args=["jdih"])).status_code == 302
    assert not Pemenuhan.objects.exists()
    # courts never change the national list
    assert client_as("kasubag").get(reverse("butir_penilaian:index")).status_code in (302, 403)


@pytest.mark.parametrize("data", [
    {"url": "javascript:alert(1)"},
    {"url": "bukan alamat"},
    {"page": "99999"},
    {"page": "abc"},
    {"document": "-1"},
    {"url": "https://a.example/", "page": "", "document": "", "incomplete": "ya", "situs": "x"},
])
def test_bad_input_is_a_clear_error_never_a_500(court, users, client_as, data):
    response = client_as("admin").post(reverse("penilaian:edit", args=["jdih"]) + "?situs=abc", data)
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert "Butir belum disimpan karena ada kesalahan." in response.content.decode()
    assert client_as("admin").get(reverse("penilaian:edit", args=["tidak-ada"])).status_code == 404


def test_two_links_at_once_are_refused(court, users, client_as):
    target = page(court, "maklumat", TODAY)
    response = client_as("admin").post(reverse("penilaian:edit", args=["maklumat-pelayanan"]),
                                       {"page": target.pk, "url": "https://a.example/"})
    assert "Pilih satu saja: halaman, dokumen atau alamat luar." in response.content.decode()


# Counted by hand from monitoring/penilaian/demo.py against data/daftar_2144.json: 2 = linked and fresh,
# 1 = the information report marked incomplete and the 2024 budget report uploaded in January 2025 (half-yearly).
DEMO_EXPECTED = {
    "tugas-fungsi-yurisdiksi": 2, "struktur-organisasi": 2, "kontak": 2, "profil-pimpinan": 0, "profil-hakim": 2,
    "profil-kepaniteraan": 0, "profil-kesekretariatan": 0, "visi-misi": 2, "prosedur-berperkara": 2,
    "biaya-perkara": 2, "jadwal-sidang": 2, "hak-para-pihak": 0, "posbakum": 2, "prodeo": 2, "pengaduan-siwas": 2,
    "whistleblower": 0, "permohonan-informasi": 2, "biaya-salinan": 0, "lhkpn-lhkasn": 2, "lra": 2,
    "daftar-aset": 0, "pengadaan": 2, "dipa-rka": 2, "renstra": 2, "rkt": 2, "perjanjian-kinerja": 2, "iku": 0,
    "lkjip": 2, "neraca": 2, "laporan-layanan-informasi": 1, "peringatan-dini-evakuasi": 0,
    "gangguan-layanan": 0, "gangguan-keamanan": 0, "wabah-penyakit": 0,
    "daftar-informasi-publik": 2, "direktori-putusan": 2, "laporan-biaya-perkara": 0, "statistik-perkara": 2,
    "pengawasan-disiplin": 0, "jdih": 2, "pedoman-organisasi": 0, "maklumat-pelayanan": 2, "laporan-keuangan": 1,
}


def test_the_demo_court_scores_as_counted_by_hand(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    call_command("load_demo_court", "--small-images", "--first-court-only", "--force", stdout=StringIO())
    site = Site.objects.get(is_default_site=True)
    result = court_score(site)  # the demo's pages and documents are dated by the load itself, just now
    assert result.by_code() == DEMO_EXPECTED
    assert (result.total, result.maximum) == (54, 86)
