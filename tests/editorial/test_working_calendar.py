"""The court calendar: national holidays and cuti bersama from the holidays package, hours per weekday with a
break, and durations counted in them on concrete dates of 2026."""

import datetime
import random
from zoneinfo import ZoneInfo

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Site

from core.scheduling import JOBS, run_job
from editorial import durations
from editorial.holidays_seed import seed_national_holidays
from editorial.models import Holiday, WorkingHours
from tests.support.admin_forms import browser_form_data
from tests.support.factories import NewsPageFactory

pytestmark = pytest.mark.django_db

WIB = ZoneInfo("Asia/Jakarta")


def at(year, month, day, hour, minute=0):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=WIB)


def minutes(start, end, schedule):
    return durations.working_seconds(start, end, schedule) / 60


@pytest.fixture
def seeded(court):
    seed_national_holidays([2026])
    return court


@pytest.fixture
def other_court(court):
    root = NewsPageFactory(parent=court.home, slug="pn-lain")
    return Site.objects.create(hostname="pn-lain.test", root_page=root, site_name="PN Lain")


# --- seeding ------------------------------------------------------------------------------------

def test_seeding_writes_national_holidays_and_cuti_bersama_once(court):
    result = seed_national_holidays([2026, 2027])
    national = {row.date: row for row in Holiday.objects.national()}
    christmas_eve, christmas = national[datetime.date(2026, 12, 24)], national[datetime.date(2026, 12, 25)]
    assert (christmas_eve.source, christmas_eve.name) == (Holiday.CUTI_BERSAMA, "Cuti Bersama Hari Raya Natal")
    assert (christmas.source, christmas.name) == (Holiday.NASIONAL, "Hari Raya Natal")
    assert national[datetime.date(2026, 8, 17)].name == "Hari Kemerdekaan Republik Indonesia"
    # Idul Fitri 2026 with its cuti bersama around it
    assert [national[datetime.date(2026, 3, day)].source for day in (20, 21, 22, 23, 24)] == [
        "cuti_bersama", "nasional", "nasional", "cuti_bersama", "cuti_bersama"]
    assert {row.date.year for row in national.values()} == {2026, 2027}
    created_2026 = result[2026][0]
    assert created_2026 == Holiday.objects.filter(date__year=2026).count() > 20

    again = seed_national_holidays([2026, 2027])
    assert again == {2026: (0, 0, 0), 2027: (0, 0, 0)}
    assert Holiday.objects.count() == len(national)


def test_seeding_follows_the_package_and_leaves_court_days_alone(court):
    seed_national_holidays([2026])
    Holiday.objects.filter(date=datetime.date(2026, 12, 25)).update(name="Natal (lama)")
    Holiday.objects.create(date=datetime.date(2026, 12, 23), name="Perkiraan yang berpindah",
                           source=Holiday.NASIONAL)
    Holiday.objects.filter(date=datetime.date(2026, 8, 17)).delete()
    court_day = Holiday.objects.create(date=datetime.date(2026, 12, 23), name="Hari jadi PN Uji", site=court.site)
    court_override = Holiday.objects.create(date=datetime.date(2026, 12, 24), name="Tetap masuk",
                                            site=court.site, working_day=True)

    assert seed_national_holidays([2026]) == {2026: (1, 1, 1)}
    assert Holiday.objects.get(date=datetime.date(2026, 12, 25)).name == "Hari Raya Natal"
    assert not Holiday.objects.national().filter(date=datetime.date(2026, 12, 23)).exists()
    assert Holiday.objects.national().filter(date=datetime.date(2026, 8, 17)).exists()
    assert set(Holiday.objects.filter(site=court.site)) == {court_day, court_override}


def test_seed_command_and_its_daily_job(court, time_machine, capsys):
    call_command("seed_holidays", "--year", "2026")
    assert "Libur nasional dan cuti bersama 2026:" in capsys.readouterr().out
    assert Holiday.objects.national().filter(date__year=2026).exists()
    with pytest.raises(CommandError, match="di luar jangkauan"):
        call_command("seed_holidays", "--year", "20266")

    job = JOBS["editorial_national_holidays"]
    assert job.cron == {"hour": "0", "minute": "35"}
    # On the first day of 2027 the job seeds 2027 and 2028.
    time_machine.move_to(at(2027, 1, 1, 0, 35), tick=False)
    assert run_job("editorial_national_holidays") is True
    years = {day.year for day in Holiday.objects.national().dates("date", "year")}
    assert years == {2026, 2027, 2028}


def test_a_national_day_is_unique_and_matches_its_source(court):
    from django.db import IntegrityError, transaction

    Holiday.objects.create(date=datetime.date(2026, 12, 25), name="Hari Raya Natal", source=Holiday.NASIONAL)
    with pytest.raises(IntegrityError), transaction.atomic():
        Holiday.objects.create(date=datetime.date(2026, 12, 25), name="Natal lagi", source=Holiday.NASIONAL)
    with pytest.raises(IntegrityError), transaction.atomic():
        Holiday.objects.create(date=datetime.date(2026, 12, 26), name="Tanpa sumber")  # no site, source pengadilan


# --- durations on concrete dates ------------------------------------------------------------------

def test_a_step_started_on_the_thursday_before_good_friday(seeded):
    schedule = durations.schedule_for_site(seeded.site)
    # Thursday 2 April 2026 15:00 to Monday 6 April 09:00; Friday 3 April is Wafat Yesus Kristus.
    # Thursday 15:00-16:30 and Monday 08:00-09:00.
    assert minutes(at(2026, 4, 2, 15), at(2026, 4, 6, 9), schedule) == 90 + 60
    # The same span a week earlier has a whole Friday in it (08:00-17:00 less 11:30-13:00).
    assert minutes(at(2026, 3, 26, 15), at(2026, 3, 30, 9), schedule) == 90 + 7.5 * 60 + 60


def test_a_step_spanning_nyepi_and_the_idul_fitri_cuti_bersama(seeded):
    schedule = durations.schedule_for_site(seeded.site)
    # Tuesday 17 March 2026 14:00 to Wednesday 25 March 10:00: Wednesday 18 (cuti bersama Nyepi), Thursday 19
    # (Nyepi), Friday 20 (cuti bersama), the Idul Fitri weekend, Monday 23 and Tuesday 24 (cuti bersama) are off.
    # Tuesday 14:00-16:30 and Wednesday 08:00-10:00.
    assert minutes(at(2026, 3, 17, 14), at(2026, 3, 25, 10), schedule) == 150 + 120
    # Started and finished on a cuti bersama: nothing.
    assert minutes(at(2026, 12, 24, 9), at(2026, 12, 24, 15), schedule) == 0


def test_friday_afternoon_has_a_long_break_and_ends_later(court):
    schedule = durations.schedule_for_site(court.site)
    friday = 6  # 6 November 2026
    # 11:00-14:00 on Friday: 11:00-11:30, then 13:00-14:00 after Friday prayers.
    assert minutes(at(2026, 11, friday, 11), at(2026, 11, friday, 14), schedule) == 30 + 60
    assert minutes(at(2026, 11, friday, 11, 45), at(2026, 11, friday, 12, 45), schedule) == 0
    # 16:00-17:00 counts in full on Friday, half on Thursday (closed at 16:30).
    assert minutes(at(2026, 11, friday, 16), at(2026, 11, friday, 17), schedule) == 60
    assert minutes(at(2026, 11, 5, 16), at(2026, 11, 5, 17), schedule) == 30
    # Friday 16:00 to Monday 12:30: an hour on Friday, four on Monday morning.
    assert minutes(at(2026, 11, friday, 16), at(2026, 11, 9, 12, 30), schedule) == 60 + 240


def test_a_court_may_work_on_a_national_day_and_close_on_its_own(seeded, other_court):
    Holiday.objects.create(date=datetime.date(2026, 12, 24), name="Tetap masuk kerja", site=seeded.site,
                           working_day=True)
    Holiday.objects.create(date=datetime.date(2026, 12, 28), name="Hari jadi PN Lain", site=other_court)
    mine, theirs = durations.schedule_for_site(seeded.site), durations.schedule_for_site(other_court)
    # Thursday 24 December (cuti bersama): this court works, the other does not.
    assert minutes(at(2026, 12, 24, 8), at(2026, 12, 24, 10), mine) == 120
    assert minutes(at(2026, 12, 24, 8), at(2026, 12, 24, 10), theirs) == 0
    # Friday 25 December (Natal) is off for both; Monday 28 only for the other court.
    assert minutes(at(2026, 12, 25, 8), at(2026, 12, 25, 10), mine) == 0
    assert minutes(at(2026, 12, 28, 8), at(2026, 12, 28, 10), mine) == 120
    assert minutes(at(2026, 12, 28, 8), at(2026, 12, 28, 10), theirs) == 0
    # A site-less schedule knows only the national days.
    assert minutes(at(2026, 12, 24, 8), at(2026, 12, 24, 10), durations.schedule_for_site(None)) == 0


def _day_by_day(start, end, schedule):
    """The plain definition: walk every day and add the overlap with each working interval."""
    local_start, local_end = start.astimezone(schedule.tz), end.astimezone(schedule.tz)
    total, day = 0.0, local_start.date()
    while day <= local_end.date():
        if day not in schedule.holidays:
            midnight = datetime.datetime.combine(day, datetime.time(0), tzinfo=schedule.tz)
            for opens, closes in schedule.week[day.weekday()]:
                window_start = midnight + datetime.timedelta(seconds=opens)
                window_end = midnight + datetime.timedelta(seconds=closes)
                total += max(0.0, (min(local_end, window_end) - max(local_start, window_start)).total_seconds())
        day += datetime.timedelta(days=1)
    return int(total)


def test_long_spans_are_counted_like_day_by_day(seeded):
    seed_national_holidays([2027])
    hours = WorkingHours.for_site(seeded.site)
    hours.sat_start, hours.sat_end = datetime.time(8, 0), datetime.time(12, 0)
    hours.save()
    schedule = durations.schedule_for_site(seeded.site)
    rng = random.Random(20261204)
    base = at(2026, 1, 1, 0)
    for _i in range(300):
        start = base + datetime.timedelta(minutes=rng.randrange(0, 2 * 365 * 24 * 60))
        end = start + datetime.timedelta(minutes=rng.randrange(0, 120 * 24 * 60), seconds=rng.randrange(60))
        assert durations.working_seconds(start, end, schedule) == _day_by_day(start, end, schedule), (start, end)
    # A whole year: 52 weeks of 37.5 h (Mon-Fri) + 4 h (Saturday), less the national days on working days.
    year = durations.working_seconds(at(2026, 1, 1, 0), at(2027, 1, 1, 0), schedule)
    assert year == _day_by_day(at(2026, 1, 1, 0), at(2027, 1, 1, 0), schedule)
    assert 1500 * 3600 < year < 52 * 41.5 * 3600


# --- the working hours form ----------------------------------------------------------------------------

@pytest.fixture
def hours_form(court, client_as):
    client = client_as("kasubag")
    url = f"/admin/settings/editorial/workinghours/{court.site.pk}/"
    data = browser_form_data(client.get(url), "w-editor-form").dict()

    def post(**changes):
        return client.post(url, {**data, **changes})
    return post


@pytest.mark.parametrize("changes,message", [
    ({"tue_end": ""}, "Isi jam masuk dan jam pulang, atau kosongkan keduanya bila Selasa libur."),
    ({"wed_break_end": ""}, "Isi mulai dan selesai istirahat, atau kosongkan keduanya."),
    ({"thu_break_start": "07:00"}, "Istirahat harus berada di antara jam masuk dan jam pulang"),
    ({"fri_break_start": "13:30", "fri_break_end": "13:00"}, "Istirahat harus berada di antara jam masuk"),
    ({"sun_break_start": "10:00", "sun_break_end": "10:30"}, "Hari libur tidak memiliki jam istirahat"),
    ({"mon_start": "25:99"}, "Masukkan waktu yang valid."),
    ({f"{day}_{part}": "" for day in ("mon", "tue", "wed", "thu", "fri")
      for part in ("start", "end", "break_start", "break_end")},
     "Isi jam kerja untuk sekurang-kurangnya satu hari."),
])
def test_the_working_hours_form_explains_what_is_wrong(hours_form, court, changes, message):
    response = hours_form(**changes)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert WorkingHours.for_site(court.site).fri_end == datetime.time(17, 0)


def test_a_shorter_friday_with_a_break_is_saved_and_counted(hours_form, court):
    response = hours_form(fri_end="11:30", fri_break_start="", fri_break_end="", tue_break_start="12:30",
                          tue_break_end="13:00")
    assert response.status_code == 302
    hours = WorkingHours.for_site(court.site)
    assert hours.day(4) == (datetime.time(8), datetime.time(11, 30), None, None)
    assert hours.day(5) is None
    schedule = durations.schedule_for_site(court.site)
    assert minutes(at(2026, 11, 6, 8), at(2026, 11, 6, 17), schedule) == 210
    assert minutes(at(2026, 11, 3, 12), at(2026, 11, 3, 13), schedule) == 30


# --- the holiday list ----------------------------------------------------------------------------------

def test_the_holiday_list_labels_national_days_and_keeps_them_read_only(seeded, client_as, time_machine):
    time_machine.move_to(at(2026, 12, 4, 10), tick=False)
    own = Holiday.objects.create(date=datetime.date(2026, 12, 31), name="Tutup buku PN Uji", site=seeded.site)
    client = client_as("kasubag")
    html = client.get("/admin/hari_libur/").content.decode()
    assert "Kamis, 24 Desember 2026" in html and "Cuti Bersama Hari Raya Natal" in html
    assert "Cuti bersama" in html and "Libur nasional" in html and "Libur pengadilan" in html
    national = Holiday.objects.get(date=datetime.date(2026, 12, 25))
    assert f"/admin/hari_libur/edit/{national.pk}/" not in html
    assert f"/admin/hari_libur/inspect/{national.pk}/" in html
    assert f"/admin/hari_libur/edit/{own.pk}/" in html

    for path in (f"/admin/hari_libur/edit/{national.pk}/", f"/admin/hari_libur/delete/{national.pk}/"):
        refused = client.post(path, {"date": "2026-12-26", "name": "Diubah", "site": seeded.site.pk}, follow=True)
        assert "Maaf, Anda tidak memiliki izin untuk mengakses area ini." in refused.content.decode()
    national.refresh_from_db()
    assert (national.date, national.name) == (datetime.date(2026, 12, 25), "Hari Raya Natal")
    inspect = client.get(f"/admin/hari_libur/inspect/{national.pk}/").content.decode()
    assert "Semua pengadilan" in inspect and f"/admin/hari_libur/edit/{national.pk}/" not in inspect
    assert f"/admin/hari_libur/delete/{national.pk}/" not in inspect
    assert f"/admin/hari_libur/edit/{own.pk}/" in client.get(f"/admin/hari_libur/inspect/{own.pk}/").content.decode()

    # From January on, the past year is shown only on request.
    seed_national_holidays([2027])
    time_machine.move_to(at(2027, 1, 4, 10), tick=False)
    client = client_as("kasubag")  # a new login: the session of a month ago has expired
    html = client.get("/admin/hari_libur/").content.decode()
    assert "Kamis, 24 Desember 2026" not in html and "Jumat, 24 Desember 2027" in html
    past = client.get("/admin/hari_libur/", {"year": "2026", "source": "nasional"}).content.decode()
    assert "Jumat, 25 Desember 2026" in past and "Kamis, 24 Desember 2026" not in past
    assert "Jumat, 24 Desember 2027" not in past


def test_a_court_keeps_only_its_own_days(seeded, client_as):
    """The Kasubag of a second court (its own role groups) sees and changes only that court's days."""
    from django.apps import apps
    from django.test import Client
    from wagtail.models import Collection

    from core import roles
    from tests.support.factories import HomePageFactory, UserFactory

    other_home = HomePageFactory(parent=seeded.home.get_parent(), slug="pa-uji")
    other = Site.objects.create(hostname="pa-uji.test", root_page=other_home, site_name="PA Uji")
    groups = roles.setup_role_groups(apps, other_home.pk, Collection.get_first_root_node().pk, "PA Uji ",
                                     site_id=other.pk)
    client = Client()
    client.force_login(UserFactory(username="kasubag_pa", groups=[groups[roles.KASUBAG]]))
    ours = Holiday.objects.create(date=datetime.date(2026, 12, 28), name="Hari jadi PN Uji", site=seeded.site)

    listing = client.get("/admin/hari_libur/", {"year": "2026"}).content.decode()
    assert "Hari jadi PN Uji" not in listing and "Hari Raya Natal" in listing
    assert client.get(f"/admin/hari_libur/edit/{ours.pk}/").status_code == 404
    assert client.post(f"/admin/hari_libur/delete/{ours.pk}/").status_code == 404
    assert client.get(f"/admin/hari_libur/inspect/{ours.pk}/").status_code == 404
    form = client.get("/admin/hari_libur/new/").content.decode()
    assert "PN Uji" not in form and "PA Uji" in form
    refused = client.post("/admin/hari_libur/new/", {"date": "2026-12-29", "name": "Coba", "site": seeded.site.pk})
    assert refused.status_code == 200 and not Holiday.objects.filter(date=datetime.date(2026, 12, 29)).exists()
    assert client.post("/admin/hari_libur/new/", {"date": "2026-12-29", "name": "Hari jadi PA Uji",
                                                  "site": other.pk}).status_code == 302
    assert client_as("redaktur").get("/admin/hari_libur/").status_code in (302, 403)


def test_marking_a_national_day_as_a_working_day(seeded, client_as):
    client = client_as("kasubag")
    form = client.get("/admin/hari_libur/new/", {"date": "2026-12-24", "working_day": "1"})
    data = browser_form_data(form, "w-editor-form").dict()
    assert data["date"] == "24-12-2026" and data["working_day"] == "on"
    assert data["name"] == "Tetap masuk kerja: Cuti Bersama Hari Raya Natal"
    assert data["site"] == str(seeded.site.pk)
    assert client.post("/admin/hari_libur/new/", data).status_code == 302
    row = Holiday.objects.get(date=datetime.date(2026, 12, 24), site=seeded.site)
    assert row.working_day and row.source == Holiday.PENGADILAN and row.label() == "Pengadilan tetap masuk kerja"

    twice = client.post("/admin/hari_libur/new/", data)
    assert "Pengadilan ini sudah mencatat tanggal tersebut." in twice.content.decode()
    not_a_holiday = client.post("/admin/hari_libur/new/", {**data, "date": "22-12-2026"})
    assert "Tidak ada libur nasional atau cuti bersama pada tanggal ini" in not_a_holiday.content.decode()
    # an impossible date in the address is ignored, not a server error
    assert client.get("/admin/hari_libur/new/", {"date": "2026-02-30", "working_day": "1"}).status_code == 200
