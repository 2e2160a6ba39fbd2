"""SOP B4-B7 in the browser: a finding of the website checks becomes a follow-up plan written by the Kasubag
PTIP, the Sekretaris sends it back with a note and then approves it from "Tugas saya", and the assignee (the
Pranata Komputer) re-runs the finding's check until it passes and closes the plan with evidence."""

import datetime
import re

from django.utils import timezone
from playwright.sync_api import expect

from monitoring import runner
from monitoring.models import MonitoringSettings
from tests.browser import dates
from tests.support.site_server import SiteServer

TITLE = "Header Content-Security-Policy tidak ada"
NOTE = "Tenggat terlalu longgar, percepat."


def set_date(page, selector, value):
    dates.set_date(page, selector, value, "#id_title")


def test_a_finding_becomes_a_plan_that_is_approved_and_carried_out(live_court, open_as, settings, tmp_path):
    from editorial.tindaklanjut.models import FollowUpPlan

    settings.WARTA_OUTBOUND_ALLOWED_HOSTS = ["127.0.0.1"]
    with SiteServer() as public:
        public.drop_headers = {"Content-Security-Policy"}
        config = MonitoringSettings.for_site(live_court.site)
        config.public_url = public.url
        config.save()
        runner.run(live_court.site)

        # B4-B6: the Kasubag reads the finding and writes the plan from it.
        kasubag = open_as("kasubag")
        kasubag.go("/admin/pemantauan/")
        row = kasubag.page.locator("tr", has_text=TITLE)
        row.get_by_role("link", name="Buat rencana tindak lanjut").click()
        kasubag.page.wait_for_load_state("networkidle")
        page = kasubag.page
        expect(page.locator("#id_title")).to_have_value(TITLE)
        expect(page.locator("#id_finding")).to_have_value(re.compile("^Disarankan: " + TITLE))
        page.locator("#id_assignee").select_option(label="pranata")
        set_date(page, "#id_due_date", "20/12/2026")
        page.locator("#id_priority").select_option("tinggi")
        page.locator("footer [data-w-dropdown-target='toggle']").first.click()
        page.get_by_role("button", name="Ajukan ke Persetujuan rencana tindak lanjut").click()
        page.wait_for_load_state("networkidle")
        expect(page.locator(".messages")).to_contain_text(TITLE)
        plan = FollowUpPlan.objects.get()
        assert plan.source_ref == "monitoring:header_keamanan"

        # B6: the Sekretaris sends it back with a note, from "Tugas saya".
        sekretaris = open_as("sekretaris")
        tasks = sekretaris.page.locator("#warta-my-tasks-section")
        row = tasks.locator(".warta-tasks--objects tr", has_text=TITLE)
        expect(row).to_contain_text("Persetujuan Sekretaris")
        # The team's open work shows the step timed against its Mutu Baku (SOP B6: 1 hour).
        expect(tasks.locator("tr[data-step-record]", has_text=TITLE)).to_contain_text("/ 1 jam")
        row.get_by_role("button", name="Minta perubahan").click()
        dialog = sekretaris.page.get_by_role("dialog")
        dialog.locator("textarea").fill(NOTE)
        dialog.get_by_role("button", name="Minta perubahan").click()
        sekretaris.page.wait_for_load_state("networkidle")
        expect(tasks).to_contain_text("Tidak ada yang menunggu Anda.")

        # The Kasubag finds it back in "Tugas saya" with the note, shortens the due date and sends it again.
        kasubag.go("/admin/")
        returned = kasubag.page.locator("#warta-my-tasks-section tr", has_text=TITLE).first  # mine, then the team's
        expect(returned).to_contain_text(NOTE)
        expect(returned).to_contain_text("dikembalikan")
        returned.get_by_role("link", name=TITLE).click()
        kasubag.page.wait_for_load_state("networkidle")
        set_date(kasubag.page, "#id_due_date", "12/12/2026")
        kasubag.page.locator("footer [data-w-dropdown-target='toggle']").first.click()
        kasubag.page.get_by_role("button", name="Ajukan ulang ke Persetujuan Sekretaris").click()
        kasubag.page.wait_for_load_state("networkidle")

        sekretaris.go("/admin/")
        row = sekretaris.page.locator("#warta-my-tasks-section .warta-tasks--objects tr", has_text=TITLE)
        row.get_by_role("button", name="Setujui", exact=True).click()
        sekretaris.page.wait_for_load_state("networkidle")
        expect(sekretaris.page.locator("#warta-my-tasks-section")).to_contain_text("Tidak ada yang menunggu Anda.")
        plan.refresh_from_db()
        assert plan.status == FollowUpPlan.DISETUJUI and str(plan.due_date) == "2026-12-12"  # as resubmitted

        # B7: the Pranata finds it in "Tugas saya", re-runs the check (still failing), fixes, re-runs, closes.
        # It is past its due date by now: the dashboard says so too.
        FollowUpPlan.objects.filter(pk=plan.pk).update(due_date=timezone.localdate() - datetime.timedelta(days=1))
        pranata = open_as("pranata")
        overdue = pranata.page.get_by_role("region", name="Rencana tindak lanjut lewat tenggat")
        expect(overdue.get_by_role("link", name=TITLE)).to_have_attribute(
            "href", f"/admin/tindaklanjut/laksanakan/{plan.pk}/")
        mine = pranata.page.locator("#warta-my-tasks-section")
        expect(mine).to_contain_text("Melaksanakan tindak lanjut")
        mine.get_by_role("link", name=TITLE).first.click()
        pranata.page.wait_for_load_state("networkidle")
        expect(pranata.page.get_by_role("heading", name="Laksanakan rencana tindak lanjut")).to_be_visible()
        pranata.page.get_by_role("button", name="Periksa ulang: Header keamanan").click()
        pranata.page.wait_for_load_state("networkidle")
        expect(pranata.page.locator(".monitoring-recheck-result")).to_contain_text("belum lulus")
        public.drop_headers = set()
        pranata.page.get_by_role("button", name="Periksa ulang: Header keamanan").click()
        pranata.page.wait_for_load_state("networkidle")
        expect(pranata.page.locator(".monitoring-recheck-result")).to_contain_text(": lulus")
        pranata.page.get_by_label("Bukti pelaksanaan").fill("Header CSP dipasang di konfigurasi nginx.")
        evidence = tmp_path / "bukti-nginx.txt"
        evidence.write_text("add_header Content-Security-Policy \"default-src 'self'\";\n")
        pranata.page.get_by_label("Berkas bukti").set_input_files(str(evidence))
        pranata.page.get_by_role("button", name="Tandai selesai").click()
        pranata.page.wait_for_load_state("networkidle")
        expect(pranata.page.locator(".messages")).to_contain_text("selesai dilaksanakan")

    plan.refresh_from_db()
    assert plan.status == FollowUpPlan.SELESAI and plan.closed_by == live_court.users["pranata"]
    assert ": lulus (" in plan.evidence and plan.evidence_documents.count() == 1
    kasubag.go("/admin/tindaklanjut/rencana/")
    expect(kasubag.page.locator("tr", has_text=TITLE)).to_contain_text("Selesai")
