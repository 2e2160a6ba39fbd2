"""The Kasubag keeps the court's calendar: working hours per weekday (a shorter Friday with its break) and the
days off, where national holidays and cuti bersama arrive seeded and read-only."""

import datetime
import re

from django.utils import timezone
from playwright.sync_api import expect

from editorial.holidays_seed import national_days, seed_national_holidays
from editorial.models import Holiday, WorkingHours

MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
          "November", "Desember"]
DAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]


def shown_date(day):
    return f"{DAYS[day.weekday()]}, {day.day} {MONTHS[day.month - 1]} {day.year}"


def row_of(page, text):
    return page.locator("table.listing tbody tr").filter(has_text=text)


def test_kasubag_sets_a_shorter_friday_and_keeps_the_courts_days_off(live_court, open_as):
    year = timezone.localdate().year
    seed_national_holidays([year])
    days = national_days(year)
    cuti_day = min(day for day, (_name, source) in days.items() if source == Holiday.CUTI_BERSAMA)
    national_day = min(day for day, (_name, source) in days.items() if source == Holiday.NASIONAL)
    kasubag = open_as("kasubag")
    page = kasubag.page

    # Working hours: Friday 07:30-16:00 with a break 11:15-13:15, from the settings menu.
    page.get_by_role("button", name="Pengaturan").click()
    page.get_by_role("link", name="Jam kerja").click()
    kasubag.see("Jam kerja per hari")
    expect(page.locator("#id_fri_end")).to_have_value("17:00")
    for field, value in (("fri_start", "07:30"), ("fri_end", "16:00"), ("fri_break_start", "11:15"),
                         ("fri_break_end", "13:15")):
        page.fill(f"#id_{field}", value)
        page.keyboard.press("Escape")  # close the time picker
    page.get_by_role("button", name="Simpan").click()
    page.wait_for_load_state("networkidle")
    kasubag.see("Jam kerja diperbarui.")
    page.reload()
    expect(page.locator("#id_fri_start")).to_have_value("07:30")
    expect(page.locator("#id_fri_end")).to_have_value("16:00")
    expect(page.locator("#id_fri_break_start")).to_have_value("11:15")
    expect(page.locator("#id_fri_break_end")).to_have_value("13:15")
    hours = WorkingHours.for_site(live_court.site)
    assert hours.day(4) == (datetime.time(7, 30), datetime.time(16), datetime.time(11, 15), datetime.time(13, 15))
    assert hours.day(0) == (datetime.time(8), datetime.time(16, 30), datetime.time(12), datetime.time(13))

    # Hari libur, from the Mutu Baku menu: this year's national days and cuti bersama, labelled.
    page.get_by_role("button", name="Mutu Baku").click()
    page.get_by_role("link", name="Hari libur").click()
    expect(page.locator("h1")).to_have_text(re.compile("Hari libur"))
    cuti = row_of(page, shown_date(cuti_day))
    expect(cuti).to_contain_text(days[cuti_day][0])
    expect(cuti).to_contain_text("Cuti bersama")
    expect(cuti).to_contain_text("Semua pengadilan")
    national = row_of(page, shown_date(national_day))
    expect(national).to_contain_text(days[national_day][0])
    expect(national).to_contain_text("Libur nasional")
    expect(page.locator("table.listing tbody tr")).to_have_count(len(days))

    # A national row opens read-only: no edit link, and its edit address is refused.
    national.get_by_role("link", name=shown_date(national_day)).click()
    page.wait_for_load_state("networkidle")
    assert "/inspect/" in page.url
    kasubag.see(days[national_day][0])
    kasubag.see("Semua pengadilan")
    national_row = Holiday.objects.get(date=national_day, site__isnull=True)
    expect(page.locator(f'a[href*="/admin/hari_libur/edit/{national_row.pk}/"]')).to_have_count(0)
    expect(page.locator(f'a[href*="/admin/hari_libur/delete/{national_row.pk}/"]')).to_have_count(0)
    kasubag.go(f"/admin/hari_libur/edit/{national_row.pk}/")
    kasubag.see("Maaf, Anda tidak memiliki izin untuk mengakses area ini.")

    # The court adds a day of its own.
    own_day = next(datetime.date(year, 12, day) for day in range(1, 32)
                   if datetime.date(year, 12, day).weekday() < 5 and datetime.date(year, 12, day) not in days)
    kasubag.go("/admin/hari_libur/")
    page.get_by_role("link", name="Tambah hari libur").click()
    page.wait_for_load_state("networkidle")
    page.fill("#id_date", own_day.strftime("%d/%m/%Y"))
    page.keyboard.press("Escape")  # close the date picker
    page.fill("#id_name", "Hari jadi Pengadilan Negeri Uji")
    expect(page.locator("#id_site option:checked")).to_have_text(re.compile("^Pengadilan Negeri Uji"))
    page.get_by_role("button", name="Buat").click()
    page.wait_for_load_state("networkidle")
    assert page.url.endswith("/admin/hari_libur/")
    own = row_of(page, shown_date(own_day))
    expect(own).to_contain_text("Hari jadi Pengadilan Negeri Uji")
    expect(own).to_contain_text("Libur pengadilan")
    expect(own).to_contain_text("Pengadilan Negeri Uji")
    assert Holiday.objects.get(date=own_day, site=live_court.site).source == Holiday.PENGADILAN

    # The court decides to work on the cuti bersama after all: from that row's menu, prefilled.
    cuti = row_of(page, shown_date(cuti_day)).filter(has_text="Cuti bersama")
    cuti.get_by_role("button", name=re.compile("^Opsi lainnya untuk")).click()
    cuti.get_by_role("link", name="Pengadilan tetap masuk kerja").click()
    page.wait_for_load_state("networkidle")
    expect(page.locator("#id_working_day")).to_be_checked()
    expect(page.locator("#id_name")).to_have_value(f"Tetap masuk kerja: {days[cuti_day][0]}")
    page.get_by_role("button", name="Buat").click()
    page.wait_for_load_state("networkidle")
    expect(row_of(page, shown_date(cuti_day)).filter(has_text="Pengadilan tetap masuk kerja")).to_have_count(1)
    assert Holiday.objects.get(date=cuti_day, site=live_court.site).working_day


def test_the_holiday_list_in_english_keeps_national_days_read_only(live_court, open_as):
    year = timezone.localdate().year
    seed_national_holidays([year])
    national_row = Holiday.objects.national().filter(date__year=year).first()
    kasubag = open_as("kasubag", language="en")
    page = kasubag.page
    kasubag.go("/admin/hari_libur/")
    assert page.locator("html").get_attribute("lang") == "en"
    expect(page.locator("table.listing tbody tr")).to_have_count(
        Holiday.objects.national().filter(date__year=year).count())
    expect(page.locator(f'a[href$="/admin/hari_libur/edit/{national_row.pk}/"]')).to_have_count(0)
    expect(page.locator(f'a[href$="/admin/hari_libur/inspect/{national_row.pk}/"]').first).to_be_visible()
    kasubag.go(f"/admin/hari_libur/edit/{national_row.pk}/")
    kasubag.see("Sorry, you do not have permission to access this area.")
