"""What the monev figures count and whom they credit: the SOP's items only, published by whoever published them;
and an archive report is submitted only for a period that has ended."""

import datetime
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Page

from cms.models import NewsIndexPage, NewsPage, StandardPage
from editorial.models import StepRecord
from monev import report
from monev.models import MonevReport, MonevSettings
from monev.periods import Period
from tests.support.factories import AnnouncementPageFactory, NewsCategoryFactory, NewsPageFactory

pytestmark = pytest.mark.django_db

TZ = ZoneInfo("Asia/Jakarta")
OCTOBER = Period.of("bulan", 2026, 10)
MOMENT = datetime.datetime(2026, 10, 14, 10, 0, tzinfo=TZ)


def categories(figures):
    return {row["name"]: row["count"] for row in figures["publication"]["by_category"]}


def publishers(figures):
    return {(row["name"], row["route"]): row["count"] for row in figures["publication"]["by_publisher"]}


def test_index_and_standard_pages_are_not_published_content_unless_the_court_counts_them(court, users, client_as):
    court.home.add_child(instance=StandardPage(title="Profil Pengadilan", slug="profil", first_published_at=MOMENT))
    court.home.add_child(instance=NewsIndexPage(title="Arsip Berita", slug="arsip-berita", first_published_at=MOMENT))
    NewsPageFactory(parent=court.news_index, title="Sidang keliling", first_published_at=MOMENT)
    AnnouncementPageFactory(parent=court.announcements, title="Jadwal libur", first_published_at=MOMENT)

    figures = report.compute(court.site, OCTOBER)
    assert figures["publication"]["total"] == 2
    assert "Halaman standar" not in categories(figures)
    assert sum(categories(figures).values()) == 2
    assert figures["publication"]["counted_types"] == ["Berita", "Pengumuman"]

    # The Kasubag PTIP adds standard pages for this court in Pengaturan → Pengaturan monev.
    kasubag = client_as("kasubag")
    url = reverse("wagtailsettings:edit", args=["monev", "monevsettings", court.site.pk])
    form = kasubag.get(url)
    assert form.status_code == 200 and "Halaman standar" in form.content.decode()
    response = kasubag.post(url, {"counted_page_types": ["cms.newspage", "cms.announcementpage",
                                                         "cms.standardpage"]})
    assert response.status_code == 302
    assert MonevSettings.for_site(court.site).counted_page_types == [
        "cms.newspage", "cms.announcementpage", "cms.standardpage"]
    figures = report.compute(court.site, OCTOBER)
    assert figures["publication"]["total"] == 3 and categories(figures)["Halaman standar"] == 1

    # Counting nothing is no setting: the form says so.
    response = kasubag.post(url, {})
    assert response.status_code == 200 and "wajib" in response.content.decode().lower()


def test_a_workflow_publish_counts_for_the_approving_kasubag_and_a_superuser_publish_as_emergency(
        court, users, time_machine):
    time_machine.move_to(MOMENT, tick=False)
    users["kasubag"].first_name, users["kasubag"].last_name = "Hendra", "Wijaya"
    users["kasubag"].save()
    users["root"].first_name, users["root"].last_name = "Operator", "Pusat"
    users["root"].save()

    category = NewsCategoryFactory()
    reviewed = NewsPage(title="Sidang keliling di Desa Maju", slug="sidang-keliling", live=False,
                        owner=users["admin"], category=category, lead="Teras.", date=MOMENT.date())
    court.news_index.add_child(instance=reviewed)
    reviewed.save_revision(user=users["admin"])
    reviewed.get_workflow().start(reviewed, users["admin"])
    for reviewer in ("redaktur", "kasubag"):
        reviewed.refresh_from_db()
        state = reviewed.current_workflow_task_state
        state.task.specific.on_action(state, users[reviewer], "approve")
    reviewed.refresh_from_db()
    assert reviewed.live

    urgent = NewsPage(title="Pengadilan tutup karena banjir", slug="tutup-banjir", live=False,
                      owner=users["admin"], category=category, lead="Teras.", date=MOMENT.date())
    court.news_index.add_child(instance=urgent)
    urgent.save_revision(user=users["admin"])
    urgent.get_latest_revision().publish(user=users["root"])

    figures = report.compute(court.site, OCTOBER)
    assert figures["publication"]["total"] == 2
    assert publishers(figures) == {("Hendra Wijaya", "workflow"): 1, ("Operator Pusat", "emergency"): 1}
    admin_name = users["admin"].get_full_name() or users["admin"].username
    assert all(row["name"] != admin_name for row in figures["publication"]["by_publisher"])

    # The admin page and the PDF say so in words.
    from monev.report import present

    sections = {section.key: section for section in present.sections(figures)}
    table = next(block.table for block in sections["publikasi"].blocks if "penerbit" in block.table.title)
    assert [[cell.text for cell in row] for row in table.rows] == [
        ["Hendra Wijaya", "Persetujuan alur redaksi", "1"], ["Operator Pusat", "Terbit darurat (superuser)", "1"]]


def test_demo_content_is_the_systems_not_the_admins(settings, tmp_path):
    settings.DEBUG = True
    settings.MEDIA_ROOT = str(tmp_path)
    call_command("load_demo_court", "--small-images", "--first-court-only", stdout=StringIO())

    # The Admin drafted only the two items that wait in review; nothing of theirs was "published directly".
    assert not StepRecord.objects.filter(outcome=StepRecord.PUBLISHED).exists()
    admin_steps = StepRecord.objects.filter(actor__username="admin")
    assert set(admin_steps.values_list("outcome", flat=True)) == {StepRecord.SUBMITTED}
    assert admin_steps.count() == 2

    site = Page.objects.get(slug="pn-contoh").get_site()
    year = report.compute(site, Period.of("tahun", 2026))
    assert year["publication"]["total"] > 0
    assert {row["route"] for row in year["publication"]["by_publisher"]} == {"system"}
    assert year["publication"]["by_publisher"][0]["route_label"] == "Sistem (pemuatan data)"
    assert year["publication"]["by_publisher"][0]["name"] == ""  # no person
    assert not [name for name in categories(year) if not name.startswith(("Berita", "Pengumuman"))]


def test_a_period_that_has_not_ended_cannot_be_submitted_for_the_archive(court, users, client_as, time_machine):
    time_machine.move_to(datetime.datetime(2026, 10, 20, 9, 0, tzinfo=TZ), tick=True)
    kasubag = client_as("kasubag")
    add_url = reverse("wagtailsnippets_monev_monevreport:add")
    data = {"site": court.site.pk, "period_kind": "bulan", "period_start": "2026-10-01", "period_end": "",
            "overview": "Situs berjalan baik sepanjang bulan.", "obstacles": "Listrik padam sekali.",
            "follow_up": "Menambah UPS.", "action-submit": "1"}
    response = kasubag.post(add_url, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Periode Oktober 2026 belum berakhir (sampai 31/10/2026)" in html
    assert "mulai 01/11/2026" in html
    # What the Kasubag wrote is still in the form.
    for text in ("Situs berjalan baik sepanjang bulan.", "Listrik padam sekali.", "Menambah UPS."):
        assert text in html
    assert not MonevReport.objects.exists()

    # A draft may be written while the month runs ...
    draft = {key: value for key, value in data.items() if key != "action-submit"}
    assert kasubag.post(add_url, draft).status_code == 302
    report_obj = MonevReport.objects.get()
    edit_url = reverse("wagtailsnippets_monev_monevreport:edit", args=[report_obj.pk])
    response = kasubag.post(edit_url, data)
    assert response.status_code == 200 and "belum berakhir" in response.content.decode()
    report_obj.refresh_from_db()
    assert not report_obj.workflow_in_progress

    # ... and submitted once it has ended (twelve days on, the idle session has ended: signed in again).
    time_machine.move_to(datetime.datetime(2026, 11, 1, 8, 0, tzinfo=TZ), tick=True)
    kasubag.force_login(users["kasubag"])
    assert kasubag.post(edit_url, data).status_code == 302
    report_obj.refresh_from_db()
    assert report_obj.workflow_in_progress


def test_the_report_page_says_when_an_open_period_can_be_submitted(court, users, client_as, time_machine):
    time_machine.move_to(datetime.datetime(2026, 10, 20, 9, 0, tzinfo=TZ), tick=True)
    kasubag = client_as("kasubag")
    html = kasubag.get("/admin/monev/laporan/", {"situs": court.site.pk, "jenis": "bulan", "tahun": 2026,
                                                 "ke": 10}).content.decode()
    assert "Periode ini belum berakhir" in html and "mulai 01/11/2026" in html
    html = kasubag.get("/admin/monev/laporan/", {"situs": court.site.pk, "jenis": "bulan", "tahun": 2026,
                                                 "ke": 9}).content.decode()
    assert "Periode ini belum berakhir" not in html
