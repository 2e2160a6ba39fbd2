"""The national table as a deployment manager reads it: each court's website checklist score, the critical
findings of its latest check and its follow-up plans, beside the other figures."""

import re

from django.utils import timezone
from playwright.sync_api import expect

from monitoring.models import KRITIS, CheckRun, Finding


def test_the_national_table_shows_each_courts_website_monitoring(live_court, open_as):
    run = CheckRun.objects.create(site=live_court.site, finished_at=timezone.now())
    Finding.objects.create(run=run, check_key="sertifikat_tls", group="keamanan", severity=KRITIS,
                           title="Sertifikat TLS sudah kedaluwarsa")
    today = timezone.localdate()
    root = open_as("root")
    root.page.get_by_role("link", name="Rekap nasional").click()
    root.page.wait_for_load_state("networkidle")
    root.go(f"/admin/rekap-nasional/?periode=bulan&tahun={today.year}&ke={today.month}")
    table = root.page.locator("table")
    expect(table.get_by_role("columnheader", name=re.compile("Skor penilaian website"))).to_have_count(2)
    row = table.locator("tbody tr", has_text="Uji")
    # score, share, critical findings of the latest check and its day, plans made / done / past due
    expect(row).to_contain_text(re.compile(r"0 / 86\s+0,0%\s+1\s+" + str(today.day) + r" \w+ " + str(today.year)))
