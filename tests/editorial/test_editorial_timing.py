"""Mutu Baku: step durations in the court's working hours, the "Tugas saya" dashboard, the report and reminders."""

import csv
import datetime
import io

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import Site

from core.scheduling import run_job
from editorial import durations
from editorial.models import Holiday, MutuBaku, StepRecord, WorkingHours
from editorial.notifications import send_overdue_reminders
from tests.support.admin_forms import browser_form_data, current_task_state, wib
from tests.support.factories import AnnouncementPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db


def submit(page, user):
    page.save_revision(user=user)
    page.get_workflow().start(page, user)
    return current_task_state(page)


# --- working hours ------------------------------------------------------------------------------

def test_working_time_skips_nights_weekends_and_holidays(court):
    schedule = durations.schedule_for_site(court.site)
    # Friday 16:00 to Monday 08:30: an hour on Friday (open until 17:00), half an hour on Monday.
    assert durations.working_seconds(wib(6, 16, 0), wib(9, 8, 30), schedule) == 90 * 60
    # Before opening, the midday break and after closing count nothing.
    assert durations.working_seconds(wib(2, 6, 0), wib(2, 8, 0), schedule) == 0
    assert durations.working_seconds(wib(2, 12, 0), wib(2, 13, 0), schedule) == 0
    assert durations.working_seconds(wib(2, 16, 30), wib(3, 8, 0), schedule) == 0
    Holiday.objects.create(date=datetime.date(2026, 11, 9), name="Cuti bersama", source=Holiday.CUTI_BERSAMA)
    schedule = durations.schedule_for_site(court.site)
    assert durations.working_seconds(wib(6, 16, 0), wib(9, 8, 30), schedule) == 60 * 60


def test_working_hours_and_holidays_are_per_court(court):
    other_root = NewsPageFactory(parent=court.home, slug="lain")
    other = Site.objects.create(hostname="pn-lain.test", root_page=other_root, site_name="PN Lain")
    hours = WorkingHours.for_site(other)
    for day in ("mon", "tue", "wed", "thu", "fri"):
        setattr(hours, f"{day}_start", datetime.time(7, 30))
        setattr(hours, f"{day}_end", datetime.time(16, 0))
    hours.save()
    Holiday.objects.create(date=datetime.date(2026, 11, 3), name="Hari jadi kota", site=other)

    mine, theirs = durations.schedule_for_site(court.site), durations.schedule_for_site(other)
    assert durations.working_seconds(wib(2, 7, 0), wib(2, 9, 0), mine) == 60 * 60
    assert durations.working_seconds(wib(2, 7, 0), wib(2, 9, 0), theirs) == 90 * 60
    assert durations.working_seconds(wib(3, 8, 0), wib(3, 9, 0), mine) == 60 * 60
    assert durations.working_seconds(wib(3, 8, 0), wib(3, 9, 0), theirs) == 0


def test_standards_come_from_mutu_baku(court):
    news = NewsPageFactory.build(social_enabled=True)
    assert durations.standard_minutes("koreksi", news) == 60  # B2 30 + C2 30
    news.social_enabled = False
    assert durations.standard_minutes("koreksi", news) == 30
    MutuBaku.objects.filter(procedure="B", step=2).update(minutes=45)
    assert durations.standard_minutes("koreksi", news) == 45
    assert MutuBaku.objects.count() == 26


def test_mutu_baku_is_editable_in_the_admin_by_the_kasubag(court, client_as):
    row = MutuBaku.objects.get(procedure="B", step=2)
    client = client_as("kasubag")
    listing = client.get("/admin/mutu_baku/")
    assert listing.status_code == 200
    assert "Memeriksa / mengoreksi konsep konten" in listing.content.decode()
    response = client.post(f"/admin/mutu_baku/edit/{row.pk}/", {
        "procedure": "B", "step": "2", "activity": row.activity, "actor": row.actor,
        "requirements": row.requirements, "minutes": "40", "output": row.output, "workflow_step": "koreksi",
    })
    assert response.status_code == 302
    row.refresh_from_db()
    assert row.minutes == 40
    assert client_as("admin").get("/admin/mutu_baku/").status_code in (302, 403)


# --- dashboard ------------------------------------------------------------------------------------

def test_my_tasks_shows_what_waits_for_me_oldest_first_with_overdue_in_red(court, users, client_as, clock):
    clock(wib(2, 9, 0))
    older = submit(NewsPageFactory(parent=court.news_index, title="Berita lama", live=False), users["admin"])
    clock(wib(2, 9, 45))
    submit(AnnouncementPageFactory(parent=court.announcements, title="Pengumuman baru", live=False,
                                   social_enabled=False), users["admin"])
    clock(wib(2, 10, 15))

    html = client_as("redaktur").get("/admin/").content.decode()
    panel = html[html.index('id="warta-my-tasks-heading"'):]
    assert panel.index("Berita lama") < panel.index("Pengumuman baru")
    old_row = panel[panel.index(f'data-step-record="{older.step_record.pk}"') - 60:]
    old_row = old_row[:old_row.index("</tr>")]
    assert "warta-overdue" in old_row and "1 jam 15 menit / 1 jam" in old_row and "Terlambat" in old_row
    new_row = panel[panel.index("Pengumuman baru"):]
    new_row = new_row[:new_row.index("</tr>")]
    assert "30 menit / 30 menit" in new_row and "Terlambat" not in new_row
    assert "Semua tugas terbuka tim" not in html

    admin_html = client_as("admin").get("/admin/").content.decode()
    assert "Tidak ada yang menunggu Anda." in admin_html

    kasubag_html = client_as("kasubag").get("/admin/").content.decode()
    team = kasubag_html[kasubag_html.index("Semua tugas terbuka tim"):]
    assert "Berita lama" in team and "Pengumuman baru" in team and "Redaktur" in team


def test_returned_item_waits_for_the_admin(court, users, client_as, clock):
    clock(wib(2, 9, 0))
    page = NewsPageFactory(parent=court.news_index, title="Perlu diperbaiki", live=False)
    state = submit(page, users["admin"])
    clock(wib(2, 9, 30))
    state.task.specific.on_action(state, users["redaktur"], "reject", comment="Perbaiki judul.")
    clock(wib(2, 10, 0))
    html = client_as("admin").get("/admin/").content.decode()
    panel = html[html.index('id="warta-my-tasks-heading"'):]
    assert "Perlu diperbaiki" in panel and "dikembalikan" in panel and "30 menit / 1 jam" in panel


# --- report -----------------------------------------------------------------------------------------

@pytest.fixture
def reviewed(court, users, clock):
    """One news item: submitted Monday 09:00, Redaktur approves 09:50, Kasubag approves Tuesday 08:40."""
    clock(wib(2, 8, 30))
    page = NewsPageFactory(parent=court.news_index, title="Rapat kerja", live=False)
    page.save_revision(user=users["admin"])
    clock(wib(2, 9, 0))
    state = submit(page, users["admin"])
    clock(wib(2, 9, 50))
    state.task.specific.on_action(state, users["redaktur"], "approve")
    clock(wib(3, 8, 40))
    state = current_task_state(page)
    state.task.specific.on_action(state, users["kasubag"], "approve")
    page.refresh_from_db()
    assert page.live
    return page


def test_report_lists_each_step_against_its_standard(reviewed, client_as):
    client = client_as("sekretaris")
    response = client.get(reverse("editorial_step_report"))
    assert response.status_code == 200
    rows = {(row.step, row.duration, row.standard, row.met_label) for row in response.context["object_list"]}
    assert rows == {
        ("Menyiapkan konsep (Admin)", "30 menit", "1 jam", "Ya"),
        ("Koreksi Redaktur", "50 menit", "1 jam", "Ya"),
        # Monday 09:50 to Tuesday 08:40: 5 h 40 min on Monday (less the 12:00-13:00 break), 40 min on Tuesday.
        ("Persetujuan Kasubag PTIP", "6 jam 20 menit", "45 menit", "Tidak"),
    }
    html = response.content.decode()
    assert "Rapat kerja" in html and "6 jam 20 menit" in html


def test_report_filters_by_step_person_period_and_standard(reviewed, users, client_as):
    client = client_as("kasubag")
    url = reverse("editorial_step_report")
    by_step = client.get(url, {"step": "koreksi"}).context["object_list"]
    assert [row.step for row in by_step] == ["Koreksi Redaktur"]
    by_person = client.get(url, {"actor": users["kasubag"].pk}).context["object_list"]
    assert [row.step for row in by_person] == ["Persetujuan Kasubag PTIP"]
    missed = client.get(url, {"standard": "missed"}).context["object_list"]
    assert [row.step for row in missed] == ["Persetujuan Kasubag PTIP"]
    later = client.get(url, {"started_at_from": "2026-11-03", "started_at_to": "2026-11-30"})
    assert list(later.context["object_list"]) == []


def test_report_exports_a_spreadsheet(reviewed, client_as):
    response = client_as("kasubag").get(reverse("editorial_step_report"), {"export": "csv"})
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0][:3] == ["Konten", "Jenis", "Langkah"]
    persetujuan = next(row for row in rows if row[2] == "Persetujuan Kasubag PTIP")
    assert persetujuan[4] == "2026-11-02 09:50:00"  # Jakarta wall-clock time
    assert persetujuan[6:9] == ["380", "45", "Tidak"]

    xlsx = client_as("kasubag").get(reverse("editorial_step_report"), {"export": "xlsx"})
    assert xlsx.status_code == 200 and xlsx["Content-Type"].startswith("application/vnd.openxmlformats")


@pytest.mark.parametrize("role,allowed", [("admin", False), ("redaktur", False), ("kasubag", True),
                                          ("sekretaris", True), ("ketua", True)])
def test_report_is_for_monev_roles(role, allowed, court, client_as):
    response = client_as(role).get(reverse("editorial_step_report"))
    assert (response.status_code == 200) is allowed
    reports_menu = "Waktu alur redaksi" in client_as(role).get("/admin/").content.decode()
    assert reports_menu is allowed


# --- reminders ----------------------------------------------------------------------------------------

def test_one_reminder_per_overdue_step(court, users, clock, django_capture_on_commit_callbacks):
    clock(wib(2, 9, 0))
    page = NewsPageFactory(parent=court.news_index, title="Lama menunggu", live=False)
    submit(page, users["admin"])
    mail.outbox.clear()

    clock(wib(2, 9, 59))
    assert send_overdue_reminders() == 0
    clock(wib(2, 10, 1))
    with django_capture_on_commit_callbacks(execute=True):
        assert run_job("editorial_overdue_reminders") is True
    assert [m.to for m in mail.outbox] == [[users["redaktur"].email]]
    assert "melewati standar waktu" in mail.outbox[0].subject
    assert f"/admin/pages/{page.pk}/edit/" in mail.outbox[0].body
    assert StepRecord.objects.get(page=page, step="koreksi").reminder_sent_at is not None

    clock(wib(2, 11, 0))
    with django_capture_on_commit_callbacks(execute=True):
        assert send_overdue_reminders() == 0
    assert len(mail.outbox) == 1


def test_kasubag_sets_the_courts_working_hours_and_holidays(court, client_as):
    client = client_as("kasubag")
    url = f"/admin/settings/editorial/workinghours/{court.site.pk}/"
    form = client.get(url)
    assert form.status_code == 200
    data = browser_form_data(form, "w-editor-form")
    # The standard week of a new court: Friday 08:00-17:00 with a break 11:30-13:00, Saturday closed.
    assert (data["fri_start"], data["fri_end"], data["fri_break_start"], data["fri_break_end"]) == (
        "08:00", "17:00", "11:30", "13:00")
    assert data["sat_start"] == "" and data["sun_end"] == ""

    refused = client.post(url, {**data.dict(), "mon_start": "16:00", "mon_end": "08:00"})
    assert "Jam pulang harus sesudah jam masuk." in refused.content.decode()

    client.post(url, {**data.dict(), "timezone": "Asia/Makassar", "mon_start": "07:30", "mon_end": "16:00",
                      "sat_start": "07:30", "sat_end": "12:00"})
    hours = WorkingHours.for_site(court.site)
    assert (hours.timezone, hours.mon_start, hours.sat_end) == ("Asia/Makassar", datetime.time(7, 30),
                                                                datetime.time(12, 0))
    # Saturday 07:30-08:30 WITA now counts.
    schedule = durations.schedule_for_site(court.site)
    assert durations.working_seconds(wib(7, 6, 30), wib(7, 7, 30), schedule) == 60 * 60

    response = client.post("/admin/hari_libur/new/", {"date": "2026-12-28", "name": "Hari jadi PN Uji",
                                                      "site": str(court.site.pk)})
    assert response.status_code == 302
    assert Holiday.objects.get(date=datetime.date(2026, 12, 28)).site == court.site
    assert client_as("admin").get(url).status_code in (302, 403)


def test_a_returned_draft_reminds_the_admin_but_a_first_draft_does_not(court, users, clock,
                                                                       django_capture_on_commit_callbacks):
    clock(wib(2, 9, 0))
    first = NewsPageFactory(parent=court.news_index, title="Masih konsep", live=False)
    first.save_revision(user=users["admin"])
    returned = NewsPageFactory(parent=court.news_index, title="Dikembalikan", live=False)
    state = submit(returned, users["admin"])
    state.task.specific.on_action(state, users["redaktur"], "reject", comment="Perbaiki.")
    mail.outbox.clear()

    clock(wib(2, 11, 0))
    with django_capture_on_commit_callbacks(execute=True):
        assert send_overdue_reminders() == 1
    [message] = mail.outbox
    assert message.to == [users["admin"].email] and "Dikembalikan" in message.subject
