"""The Sekretaris is told that a monev report waits for her approval, and approves it from "Tugas saya"."""

import datetime

from playwright.sync_api import expect
from wagtail.models import Workflow

from monev import archive_setup
from monev.models import MonevReport


def test_sekretaris_sees_the_waiting_report_and_approves_it(live_court, open_as):
    kasubag = live_court.users["kasubag"]
    report = MonevReport(site=live_court.site, period_kind="bulan", period_start=datetime.date(2026, 10, 1),
                         overview="Situs dan kanal media sosial berjalan baik.")
    report.full_clean(exclude=["title"])
    report.save()
    report.save_revision(user=kasubag)
    Workflow.objects.get(name=archive_setup.WORKFLOW_NAME).start(report, kasubag)

    sekretaris = open_as("sekretaris")
    tasks = sekretaris.page.locator("#warta-my-tasks-section")
    expect(tasks).not_to_contain_text("Tidak ada yang menunggu Anda")
    row = tasks.locator("tr", has_text=str(report))
    expect(row).to_contain_text("Persetujuan Sekretaris (arsip monev)")
    expect(row).to_contain_text("Siti Rahma")  # submitted by the Kasubag
    row.get_by_role("button", name="Setujui", exact=True).click()
    sekretaris.page.wait_for_load_state("networkidle")
    report.refresh_from_db()
    assert report.live and report.is_archived
    expect(sekretaris.page.locator("#warta-my-tasks-section")).to_contain_text("Tidak ada yang menunggu Anda")
