"""Waktu alur redaksi: the Kasubag PTIP and the Sekretaris read a long report, one page at a time, titles whole."""

import datetime
from zoneinfo import ZoneInfo

from playwright.sync_api import expect

from editorial.models import StepRecord
from editorial.models.standards import KOREKSI, MENYIAPKAN, PERSETUJUAN
from tests.support.factories import NewsPageFactory

TZ = ZoneInfo("Asia/Jakarta")
TITLES = [
    "Sidang keliling di Kecamatan Sukamaju bersama Pos Bantuan Hukum",
    "Penandatanganan pakta integritas pembangunan zona integritas",
    "Pengumuman jadwal libur nasional dan cuti bersama tahun 2027",
]


def many_steps(court, users, count):
    """`count` finished steps over three items, a few minutes apart (newest first in the report)."""
    pages = [NewsPageFactory(parent=court.news_index, title=title) for title in TITLES]
    start = datetime.datetime(2026, 11, 2, 8, 0, tzinfo=TZ)
    steps = [(MENYIAPKAN, "admin"), (KOREKSI, "redaktur"), (PERSETUJUAN, "kasubag")]
    records = []
    for i in range(count):
        step, actor = steps[i % 3]
        began = start + datetime.timedelta(minutes=20 * i)
        records.append(StepRecord(page=pages[i % 3], site=court.site, step=step, actor=users[actor],
                                  started_at=began, finished_at=began + datetime.timedelta(minutes=15),
                                  standard_minutes=30, working_seconds=15 * 60, outcome=StepRecord.APPROVED))
    StepRecord.objects.bulk_create(records)
    return pages


def test_the_kasubag_pages_through_a_long_report_with_readable_titles(live_court, open_as):
    many_steps(live_court, live_court.users, 60)
    kasubag = open_as("kasubag")
    page = kasubag.page
    kasubag.go("/admin/reports/waktu-alur-redaksi/")
    expect(page.locator("h1")).to_contain_text("Waktu alur redaksi")

    table = page.locator("table.listing")
    rows = table.locator("tbody tr")
    assert rows.count() == 50  # one page
    nav = page.locator("nav.pagination")
    expect(nav).to_be_visible()
    expect(nav.locator(".pagination__start")).to_contain_text("2")  # "Halaman 1 dari 2"

    # A title reads as a few lines of words, not a column of syllables: its cell is a good share of the
    # table, and the longest title takes at most three lines.
    title_cell = rows.first.locator("td").first
    table_box, cell_box = table.bounding_box(), title_cell.bounding_box()
    assert cell_box["width"] >= 0.2 * table_box["width"], (cell_box, table_box)
    first_link = title_cell.get_by_role("link").first
    line_height = float(first_link.evaluate("e => parseFloat(getComputedStyle(e).lineHeight)"))
    for title in TITLES:
        link = table.get_by_role("link", name=title).first
        assert link.bounding_box()["height"] <= 3.5 * line_height, title
    # The whole table fits the screen: nothing to scroll sideways for.
    assert table_box["x"] + table_box["width"] <= page.viewport_size["width"] + 1

    # Dates in the admin's one format (WAGTAIL_DATETIME_FORMAT), the newest first: 03/11/2026 03:40.
    expect(rows.first).to_contain_text("03/11/2026 03:40")

    # The second page holds the rest, the oldest last.
    nav.get_by_role("link", name="2").click()
    page.wait_for_url("**p=2**")
    expect(rows).to_have_count(10)
    expect(rows.last).to_contain_text("02/11/2026 08:00")


def test_the_sekretaris_reads_the_report_in_english_one_page_at_a_time(live_court, open_as):
    many_steps(live_court, live_court.users, 55)
    sekretaris = open_as("sekretaris", language="en")
    page = sekretaris.page
    sekretaris.go("/admin/reports/waktu-alur-redaksi/")
    table = page.locator("table.listing")
    expect(table.locator("tbody tr")).to_have_count(50)
    expect(page.locator("nav.pagination")).to_contain_text("Page 1 of 2")  # Wagtail's own English
    title_cell = table.locator("tbody tr").first.locator("td").first
    assert title_cell.bounding_box()["width"] >= 0.2 * table.bounding_box()["width"]
