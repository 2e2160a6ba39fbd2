"""The monev report in chromium: charts first, their numbers one click away, and a PDF that says it is coming."""

import datetime
import re
from zoneinfo import ZoneInfo

from playwright.sync_api import expect

from monev import pageviews
from tests.support.factories import NewsCategoryFactory, NewsPageFactory

TZ = ZoneInfo("Asia/Jakarta")
LONG_CATEGORY = "Sidang Keliling dan Pelayanan Terpadu Kecamatan"
OCTOBER = "jenis=bulan&tahun=2026&ke=10"


def october_items(court):
    long_category = NewsCategoryFactory(name=LONG_CATEGORY, slug="sidang-keliling-terpadu")
    other = NewsCategoryFactory(name="Kegiatan", slug="kegiatan")
    for day in range(1, 29):
        moment = datetime.datetime(2026, 10, day, 10, tzinfo=TZ)
        page = NewsPageFactory(parent=court.news_index, title=f"Kegiatan pengadilan ke-{day}",
                               category=long_category if day % 2 else other, first_published_at=moment)
        pageviews.add_views(court.site.pk, page.pk, moment.date(), 10 * day)


def test_the_kasubag_reads_charts_opens_their_data_and_downloads_the_pdf(live_court, open_as):
    october_items(live_court)
    kasubag = open_as("kasubag")
    page = kasubag.page
    kasubag.go(f"/admin/monev/laporan/?situs={live_court.site.pk}&{OCTOBER}")
    kasubag.see("Oktober 2026")

    charts = page.locator("figure.monev-chart svg")
    assert charts.count() >= 6
    toggles = page.locator("details.monev-data")
    assert toggles.count() == charts.count()  # every chart has its numbers behind "Lihat data"
    data_tables = page.locator("details.monev-data table")
    for i in range(data_tables.count()):
        expect(data_tables.nth(i)).to_be_hidden()

    # The per-category chart names each category in full (the long one wraps onto two lines).
    block = page.locator(".monev-block", has=page.get_by_role("heading", name="Konten terbit per kategori"))
    chart_text = block.locator("figure svg").evaluate("svg => svg.textContent.replace(/\\s+/g, '')")
    assert f"Berita—{LONG_CATEGORY}".replace(" ", "") in chart_text

    # "Lihat data" opens the table with the same numbers.
    block.get_by_text("Lihat data").click()
    table = block.locator("table")
    expect(table).to_be_visible()
    expect(table.get_by_role("row", name=re.compile(LONG_CATEGORY))).to_contain_text("14")
    expect(page.locator("details.monev-data[open]")).to_have_count(1)

    # The PDF takes a while: the button says so until the file has arrived. The request is held until
    # the busy state has been seen, then goes on to the real server.
    held = []
    page.route("**/monev/laporan/unduh/pdf/**", lambda route: held.append(route))
    button = page.get_by_role("link", name="Unduh PDF")
    status = page.locator("#monev-download-status")
    with page.expect_download() as download_info:
        button.click()
        expect(page.locator("[data-monev-download]")).to_have_class(re.compile("button-longrunning-active"))
        expect(page.locator("[data-monev-download]")).to_contain_text("Menyiapkan PDF…")
        expect(status).to_have_text("Menyiapkan PDF…")
        for _attempt in range(100):  # Playwright runs the route handler while it waits
            if held:
                break
            page.wait_for_timeout(50)
        assert held, "the PDF was requested"
        held[0].continue_()
    download = download_info.value
    assert download.suggested_filename == "laporan-monev-pengadilan-negeri-uji-2026-10-01-2026-10-31.pdf"
    with open(download.path(), "rb") as fh:
        assert fh.read(5) == b"%PDF-"
    expect(status).to_have_text("PDF sudah diunduh.")
    expect(page.locator("[data-monev-download]")).not_to_have_class(re.compile("button-longrunning-active"))
    expect(page.locator("[data-monev-download]")).to_contain_text("Unduh PDF")


def test_the_report_in_english_folds_its_data_tables_too(live_court, open_as):
    october_items(live_court)
    ketua = open_as("ketua", language="en")
    page = ketua.page
    ketua.go(f"/admin/monev/laporan/?situs={live_court.site.pk}&{OCTOBER}")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    toggles = page.locator("details.monev-data")
    assert toggles.count() >= 6
    expect(page.locator("details.monev-data[open]")).to_have_count(0)
    toggles.first.locator("summary").click()
    expect(toggles.first.locator("table")).to_be_visible()
