"""A court's type and appellate court: one table decides its directorate; only a superuser sets them, and the
appellate court must be of the type that hears the court's appeals."""

import pytest
from django.urls import reverse
from wagtail.models import Page, Site

from cms import court_types
from cms.models import CourtSettings
from tests.support.admin_forms import browser_form_data
from tests.support.factories import HomePageFactory

pytestmark = pytest.mark.django_db


def test_the_directorate_follows_from_the_type():
    assert {code: court_types.directorate_of(code) for code in ("PN", "PT", "PA", "MS", "PTA", "PTUN", "DILMIL")} == {
        "PN": "badilum", "PT": "badilum", "PA": "badilag", "MS": "badilag", "PTA": "badilag",
        "PTUN": "badilmiltun", "DILMIL": "badilmiltun"}
    assert court_types.lookup("pm").code == "DILMIL"  # Pengadilan Militer is also written PM
    assert court_types.directorate_of("") == "" and court_types.lookup("XYZ") is None
    assert set(court_types.APPELLATE_TYPES) == {"PT", "PTA", "MSA", "PTTUN", "DILMILTI", "DILMILTAMA"}
    assert court_types.types_of("badilag") == ["PA", "MS", "PTA", "MSA"]
    assert CourtSettings(court_type="PTTUN").directorate == "badilmiltun"
    for court_type in court_types.COURT_TYPES:  # every chain ends at a court of the same directorate
        if court_type.appeal_type:
            assert court_types.BY_CODE[court_type.appeal_type].directorate == court_type.directorate


@pytest.fixture
def appellate(court):
    home = HomePageFactory(parent=Page.get_first_root_node(), slug="pt-uji", title="Pengadilan Tinggi Uji")
    site = Site.objects.create(hostname="pt-uji.test", port=80, root_page=home, site_name="PT Uji")
    CourtSettings.objects.create(site=site, court_name="Pengadilan Tinggi Uji", court_type="PT")
    home = HomePageFactory(parent=Page.get_first_root_node(), slug="pta-uji", title="Pengadilan Tinggi Agama Uji")
    other = Site.objects.create(hostname="pta-uji.test", port=80, root_page=home, site_name="PTA Uji")
    CourtSettings.objects.create(site=other, court_name="Pengadilan Tinggi Agama Uji", court_type="PTA")
    return site, other


def settings_url(site):
    return reverse("wagtailsettings:edit", args=["cms", "courtsettings", site.pk])


def test_a_superuser_sets_the_type_and_the_appellate_court(court, appellate, client_as):
    pt, pta = appellate
    client = client_as("root")
    response = client.get(settings_url(court.site))
    assert "Kedudukan" in response.content.decode()
    data = browser_form_data(response, "w-editor-form")
    data.update(court_name="Pengadilan Negeri Uji", court_type="PN", appellate_court=str(pta.pk))
    response = client.post(settings_url(court.site), data)
    assert response.status_code == 200
    assert "Banding PN diperiksa oleh PT; pilih pengadilan berjenis itu." in response.content.decode()
    data.update(appellate_court=str(court.site.pk))  # not an appellate court: no choice of the field
    assert client.post(settings_url(court.site), data).status_code == 200
    assert not CourtSettings.objects.filter(site=court.site, appellate_court=court.site).exists()
    data.update(appellate_court=str(pt.pk))
    assert client.post(settings_url(court.site), data).status_code == 302
    saved = CourtSettings.objects.get(site=court.site)
    assert (saved.court_type, saved.appellate_court, saved.directorate) == ("PN", pt, "badilum")


def test_an_appellate_court_has_none_above_it(appellate, client_as):
    pt, pta = appellate
    client = client_as("root")
    data = browser_form_data(client.get(settings_url(pt)), "w-editor-form")
    data.update(court_type="PT", appellate_court=str(pta.pk))
    response = client.post(settings_url(pt), data)
    assert "Jenis pengadilan ini tidak memiliki pengadilan tingkat banding; kosongkan." in response.content.decode()


def test_the_kasubag_neither_sees_nor_changes_where_the_court_stands(court, appellate, client_as):
    pt, _pta = appellate
    CourtSettings.objects.create(site=court.site, court_name="Pengadilan Negeri Uji", court_type="PN",
                                 appellate_court=pt)
    client = client_as("kasubag")
    response = client.get(settings_url(court.site))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Kedudukan" not in html and 'name="court_type"' not in html
    data = browser_form_data(response, "w-editor-form")
    data.update(court_type="PA", appellate_court="")
    assert client.post(settings_url(court.site), data).status_code == 302
    saved = CourtSettings.objects.get(site=court.site)
    assert (saved.court_type, saved.appellate_court) == ("PN", pt)
