"""The national table: each court's figures against a hand count, who reads which courts, sorting, filters and the
XLSX export, and a query count that does not grow with the number of courts."""

import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from core import roles
from monev.periods import Period
from nasional import figures
from tests.support.factories import UserFactory

from .conftest import READERS

pytestmark = pytest.mark.django_db

URL = "/admin/rekap-nasional/"
Q2 = {"periode": "triwulan", "tahun": 2026, "ke": 2}

# The second quarter of 2026, counted by hand from the fixture (tests/nasional/conftest.py::national):
# published, steps measured, met, median and p90 of time / standard, sent, failed, needs check, views.
EXPECTED = {
    "pn1": (3, 4, 3, (0.8333333 + 1.0) / 2, 1.0 + 0.7 * 0.5, 3, 1, 1, 15),
    "pn2": (1, 1, 1, 1.0, 1.0, 0, 2, 0, 0),
    "pa1": (2, 0, 0, None, None, 0, 0, 0, 7),
    "pa2": (0, 0, 0, None, None, 0, 0, 0, 3),
    "ptun1": (1, 0, 0, None, None, 0, 0, 0, 0),
    "ptun2": (0, 0, 0, None, None, 0, 0, 0, 0),
    "pt": (1, 0, 0, None, None, 0, 0, 0, 0),
    "pta": (0, 0, 0, None, None, 0, 0, 0, 0),
}
FIGURES = ("published", "measured", "met", "median_ratio", "p90_ratio", "sent", "failed", "needs_check", "views")


def figures_of(row):
    return tuple(getattr(row, name) for name in FIGURES)


def assert_figures(actual, expected):
    for name, got, want in zip(FIGURES, actual, expected):
        assert got == pytest.approx(want, abs=1e-6) if want is not None else got is None, (name, got, want)


def rows_by_name(response):
    return {row.name: row for row in response.context["object_list"]}


def reader(member, key):
    return member(f"pembaca-{key}", READERS[key])


def test_every_courts_figures_match_the_hand_count(national):
    from wagtail.models import Site

    rows = {row.site_id: row for row in figures.compute(Site.objects.all(), Period.of("triwulan", 2026, 2))}
    assert len(rows) == 8
    for key, expected in EXPECTED.items():
        row = rows[getattr(national, key).site.pk]
        assert_figures(figures_of(row), expected)
    pn1 = rows[national.pn1.site.pk]
    assert (pn1.type_label, pn1.directorate_label, pn1.appellate_name) == ("PN", "Badilum", "Pengadilan Tinggi Contoh")
    assert pn1.met_share == pytest.approx(0.75)
    assert rows[national.pa1.site.pk].met_share is None


def test_the_admin_table_shows_the_same_figures_in_indonesian(national, member, client_for):
    response = client_for(reader(member, "humas")).get(URL, Q2)
    assert response.status_code == 200
    rows = rows_by_name(response)
    assert set(rows) == {court.name for court in national.courts}
    assert_figures(figures_of(rows["Pengadilan Negeri Satu"]), EXPECTED["pn1"])
    html = response.content.decode()
    for heading in ("Rekap nasional", "Triwulan II 2026", "Pengadilan", "Jenis", "Direktorat", "Tingkat banding",
                    "Konten terbit", "Langkah SOP diukur", "Sesuai Mutu Baku", "Median waktu / standar",
                    "P90 waktu / standar", "Kiriman terkirim", "Kiriman gagal", "Kiriman perlu dicek",
                    "Kunjungan situs"):
        assert heading in html, heading
    # Indonesian numbers: 75,0% met, a median of 92% of the standard; the totals line above the table
    assert "75,0%" in html and "92%" in html and "135%" in html
    assert "8 pengadilan: 8 konten terbit, 80,0% langkah SOP sesuai Mutu Baku, 25 kunjungan situs." in " ".join(
        html.split())


def test_the_period_moves_every_figure(national, member, client_for):
    client = client_for(reader(member, "humas"))
    rows = rows_by_name(client.get(URL, {"periode": "triwulan", "tahun": 2026, "ke": 1}))
    # the evening before the quarter: one item, one step and one delivery of PN Satu, and its 100 views
    assert figures_of(rows["Pengadilan Negeri Satu"])[:1] == (1,)
    assert rows["Pengadilan Negeri Satu"].measured == 1 and rows["Pengadilan Negeri Satu"].sent == 1
    assert rows["Pengadilan Negeri Satu"].views == 100
    month = rows_by_name(client.get(URL, {"periode": "bulan", "tahun": 2026, "ke": 7}))
    assert month["Pengadilan Negeri Satu"].published == 1 and month["Pengadilan Negeri Dua"].published == 1


def test_a_directorate_reads_only_its_own_courts(national, member, client_for):
    seen = {}
    for key in ("badilum", "badilag", "badilmiltun", "humas"):
        response = client_for(reader(member, key)).get(URL, Q2)
        assert response.status_code == 200
        seen[key] = set(rows_by_name(response))
    assert seen["badilag"] == {"Pengadilan Tinggi Agama Contoh", "Pengadilan Agama Satu", "Pengadilan Agama Dua"}
    assert seen["badilum"] == {"Pengadilan Tinggi Contoh", "Pengadilan Negeri Satu", "Pengadilan Negeri Dua"}
    assert seen["badilmiltun"] == {"Pengadilan Tata Usaha Negara Satu", "Pengadilan Tata Usaha Negara Dua"}
    assert seen["humas"] == {court.name for court in national.courts}


def test_a_directorate_export_holds_only_its_courts(national, member, client_for):
    response = client_for(reader(member, "badilag")).get(URL, {**Q2, "export": "xlsx"})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0][:2] == ["Rekap nasional", "Semua pengadilan yang dapat Anda lihat"]
    assert values[1][:2] == ["Periode", "Triwulan II 2026"]
    header = values[4]
    assert header[:3] == ["Pengadilan", "Jenis", "Tingkat banding"] and "Kunjungan situs" in header
    body = {row[0]: dict(zip(header, row)) for row in values[5:]}
    assert set(body) == {"Pengadilan Tinggi Agama Contoh", "Pengadilan Agama Satu", "Pengadilan Agama Dua"}
    assert body["Pengadilan Agama Satu"]["Konten terbit"] == 2  # a number, not text
    assert body["Pengadilan Agama Satu"]["Kunjungan situs"] == 7
    assert body["Pengadilan Agama Satu"]["Tingkat banding"] == "Pengadilan Tinggi Agama Contoh"
    met = header.index("Sesuai Mutu Baku")
    assert sheet.cell(row=6, column=met + 1).number_format == "0.0%" or body["Pengadilan Agama Satu"][
        "Sesuai Mutu Baku"] is None


def test_the_export_keeps_percentages_as_numbers(national, member, client_for):
    response = client_for(reader(member, "badilum")).get(URL, {**Q2, "export": "xlsx", "jenis": "PN"})
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    header = [cell.value for cell in sheet[5]]
    rows = {row[0].value: row for row in sheet.iter_rows(min_row=6)}
    pn1 = rows["Pengadilan Negeri Satu"]
    share = pn1[header.index("Sesuai Mutu Baku")]
    assert share.value == pytest.approx(0.75) and share.number_format == "0.0%"
    assert pn1[header.index("Konten terbit")].number_format == "#,##0"
    assert set(rows) == {"Pengadilan Negeri Satu", "Pengadilan Negeri Dua"}


def test_an_appellate_court_reads_its_own_district(national, member, client_for):
    kasubag = member("kasubag-pt", roles.KASUBAG, national.pt)
    response = client_for(kasubag).get(URL, Q2)
    assert response.status_code == 200
    assert set(rows_by_name(response)) == {"Pengadilan Tinggi Contoh", "Pengadilan Negeri Satu",
                                           "Pengadilan Negeri Dua"}


def assert_refused(client, query):
    """Wagtail's admin refuses a page with its dashboard and a message, a script's request with 403."""
    response = client.get(URL, query, follow=True)
    assert response.redirect_chain == [(reverse("wagtailadmin_home"), 302)]
    assert "Pengadilan Agama Satu" not in response.content.decode()  # another court's figures
    assert client.get(URL + "hasil/", query, headers={"X-Requested-With": "XMLHttpRequest"}).status_code == 403
    export = client.get(URL, {**query, "export": "xlsx"})
    assert export.status_code == 302 and export["Content-Type"].startswith("text/html")


@pytest.mark.parametrize("role", [roles.KASUBAG, roles.SEKRETARIS, roles.ADMIN])
def test_a_first_instance_courts_staff_may_not_open_the_table(national, member, client_for, role):
    client = client_for(member("staf-pn", role, national.pn1))
    assert_refused(client, Q2)
    assert "Rekap nasional" not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_the_appellate_courts_admin_may_not_open_the_table(national, member, client_for):
    # the Admin drafts news and reads no monev, at an appellate court too
    assert_refused(client_for(member("admin-pt", roles.ADMIN, national.pt)), Q2)


def test_a_reader_has_the_menu_item_and_nothing_to_edit(national, member, client_for):
    from wagtail.models import GroupPagePermission

    user = reader(member, "badilag")
    client = client_for(user)
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Rekap nasional" in home
    assert not GroupPagePermission.objects.filter(group__user=user).exists()
    assert client.get(reverse("wagtailadmin_pages:edit", args=[national.pa1.home.pk])).status_code in (302, 403)
    assert client.get(reverse("monev_report")).status_code == 302  # Wagtail's refusal: back to the dashboard
    assert client.post(URL, Q2).status_code == 405  # read-only: the table answers GET alone
    assert user.get_all_permissions() == {"wagtailadmin.access_admin", "nasional.view_national"}


def test_sorting_by_any_figure(national, member, client_for):
    client = client_for(reader(member, "humas"))
    names = [row.name for row in client.get(URL, {**Q2, "ordering": "-published"}).context["object_list"]]
    assert names[:2] == ["Pengadilan Negeri Satu", "Pengadilan Agama Satu"]
    names = [row.name for row in client.get(URL, {**Q2, "ordering": "median_ratio"}).context["object_list"]]
    assert names[:2] == ["Pengadilan Negeri Satu", "Pengadilan Negeri Dua"]  # 0.92 before 1.0; courts without last
    names = [row.name for row in client.get(URL, {**Q2, "ordering": "-median_ratio"}).context["object_list"]]
    assert names[:2] == ["Pengadilan Negeri Dua", "Pengadilan Negeri Satu"]
    assert client.get(URL, {**Q2, "ordering": "pk; drop"}).status_code == 200  # unknown orderings are ignored


def test_filters_by_directorate_type_and_appellate_court(national, member, client_for):
    client = client_for(reader(member, "humas"))
    assert set(rows_by_name(client.get(URL, {**Q2, "direktorat": "badilag"}))) == {
        "Pengadilan Tinggi Agama Contoh", "Pengadilan Agama Satu", "Pengadilan Agama Dua"}
    assert set(rows_by_name(client.get(URL, {**Q2, "jenis": "PTUN"}))) == {
        "Pengadilan Tata Usaha Negara Satu", "Pengadilan Tata Usaha Negara Dua"}
    assert set(rows_by_name(client.get(URL, {**Q2, "banding": national.pta.site.pk}))) == {
        "Pengadilan Tinggi Agama Contoh", "Pengadilan Agama Satu", "Pengadilan Agama Dua"}
    results = client.get(URL + "hasil/", {**Q2, "jenis": "PA"})
    assert results.status_code == 200 and set(rows_by_name(results)) == {"Pengadilan Agama Satu",
                                                                          "Pengadilan Agama Dua"}


def test_a_reader_cannot_filter_into_courts_of_another_directorate(national, member, client_for):
    # Another directorate's type or appellate court is no choice of the filter: the reader's own courts stay.
    client = client_for(reader(member, "badilag"))
    own = {"Pengadilan Tinggi Agama Contoh", "Pengadilan Agama Satu", "Pengadilan Agama Dua"}
    for query in ({"jenis": "PN"}, {"banding": national.pt.site.pk}, {"direktorat": "badilum"}):
        response = client.get(URL, {**Q2, **query})
        assert response.status_code == 200
        assert set(rows_by_name(response)) == own


@pytest.mark.parametrize("query", [
    {"periode": "triwulan", "tahun": 2026, "ke": 7},
    {"periode": "abad", "tahun": "dua ribu"},
    {"tahun": "-1", "ke": "x", "banding": "999999", "jenis": "<script>"},
])
def test_bad_filters_answer_with_the_default_period_and_no_error(national, member, client_for, query):
    response = client_for(reader(member, "humas")).get(URL, query)
    assert response.status_code == 200
    assert "<script>" not in response.content.decode()
    assert len(response.context["object_list"]) == 8


def test_the_default_period_is_the_last_quarter_that_ended(national, member, client_for, time_machine):
    time_machine.move_to(datetime.datetime(2026, 7, 15, 9, tzinfo=datetime.UTC), tick=False)
    response = client_for(reader(member, "humas")).get(URL)
    assert response.context["period"] == Period.of("triwulan", 2026, 2)
    assert_figures(figures_of(rows_by_name(response)["Pengadilan Negeri Satu"]), EXPECTED["pn1"])


def test_the_query_count_does_not_grow_with_the_number_of_courts(db, client_for):
    from nasional import generate

    root = UserFactory(username="root", is_superuser=True, is_staff=True)
    client = client_for(root)
    query = {"periode": "tahun", "tahun": 2025}

    def measure():
        client.get(URL, query)  # warm caches (content types, settings) first
        with CaptureQueriesContext(connection) as queries:
            response = client.get(URL, query)
        assert response.status_code == 200
        return len(queries), len(response.context["object_list"])

    generate.generate(3, 4, 2025, log=lambda text: None)
    few, shown = measure()
    assert shown >= 3
    generate.generate(9, 4, 2025, log=lambda text: None)
    many, shown_many = measure()
    assert shown_many == shown + 9
    assert many == few


def test_a_readers_table_and_export_take_the_same_queries_for_3_and_9_courts(db, member, client_for):
    """What `make bench` measures for 10 to 900 courts (bench/nasional.py): the Biro Hukum dan Humas reader's
    table and XLSX export of a quarter, in a number of queries that does not depend on the number of courts."""
    from nasional import generate

    client = client_for(reader(member, "humas"))
    query = {"periode": "triwulan", "tahun": 2025, "ke": 2}

    def measure():
        counts = []
        for params in (query, {**query, "export": "xlsx"}):
            client.get(URL, params)  # warm caches (content types, settings) first
            with CaptureQueriesContext(connection) as queries:
                response = client.get(URL, params)
            assert response.status_code == 200
            counts.append(len(queries))
        body = b"".join(response.streaming_content)
        courts = sum(1 for _row in load_workbook(io.BytesIO(body)).active.iter_rows(min_row=6))
        return counts, courts

    generate.generate(3, 8, 2025, log=lambda text: None)
    few, courts = measure()
    generate.generate(6, 8, 2025, seed=7, log=lambda text: None)
    many, more_courts = measure()
    assert more_courts == courts + 6
    assert many == few
