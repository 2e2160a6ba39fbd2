"""SOP D in the browser: the Pranata Komputer drafts the maintenance schedule with a task on an asset picked in
the chooser, the Kasubag PTIP sends it back with a note from "Tugas saya", then approves it; the approval issues
the work order due today, which the Pranata reports with a file; the Kasubag returns it with a note, the Pranata
reports again, the Kasubag accepts it and opens a follow-up plan for its finding; the plan-vs-realisation report
counts it done on time."""

import re

from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.dates import set_date

TITLE = "Jadwal pemeliharaan TI PN Uji"
NOTE = "Tambahkan uji pemulihan di server cadangan."
RETURN_NOTE = "Lampirkan log pemulihan backup."


def submit_menu(page, name):
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    page.get_by_role("button", name=name).click()
    page.wait_for_load_state("networkidle")


def test_schedule_checked_then_work_order_reported_returned_and_accepted(live_court, open_as, tmp_path):
    from pemeliharaan.models import Asset, CourtMaintenanceWorkflow, MaintenanceSchedule, WorkOrder
    from pemeliharaan.workflow_setup import setup_maintenance_workflow

    if not CourtMaintenanceWorkflow.objects.filter(site=live_court.site).exists():
        from django.apps import apps

        setup_maintenance_workflow(apps, live_court.site.pk)
    Asset.objects.create(court=live_court.site, code="SRV-01", name="Server SIPP", kind=Asset.HARDWARE)
    today = timezone.localdate()

    # D1: the Pranata drafts the schedule: the court and year, then one task on the server, due today, monthly.
    pranata = open_as("pranata")
    pranata.go("/admin/pemeliharaan/jadwal/add/")
    page = pranata.page
    page.locator("#id_title").fill(TITLE)
    page.locator("#id_year").fill(str(today.year))
    page.get_by_role("tab", name="Pekerjaan").click()
    page.get_by_role("button", name="Tambah Pekerjaan").click()
    row = page.locator("[id^='inline_child_tasks-0']").first
    row.get_by_role("button", name=re.compile("Pilih")).first.click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_role("link", name=re.compile("Server SIPP")).click()
    expect(row).to_contain_text("Server SIPP")
    page.locator("#id_tasks-0-name").fill("Uji pemulihan backup")
    page.locator("#id_tasks-0-frequency").select_option(label="Bulanan")
    set_date(page, "#id_tasks-0-first_date", today.strftime("%d/%m/%Y"), "#id_tasks-0-name")
    page.locator("#id_tasks-0-assignee").select_option(label="pranata")
    submit_menu(page, "Ajukan ke Pemeriksaan jadwal pemeliharaan")
    expect(page.locator(".messages")).to_contain_text(TITLE)
    schedule = MaintenanceSchedule.objects.get(title=TITLE)
    assert schedule.workflow_in_progress and not schedule.live

    # D2: the Kasubag sends it back with a note, from "Tugas saya".
    kasubag = open_as("kasubag")
    tasks = kasubag.page.locator("#warta-my-tasks-section")
    row = tasks.locator(".warta-tasks--objects tr", has_text=TITLE)
    expect(row).to_contain_text("Pemeriksaan Kasubag PTIP")
    row.get_by_role("button", name="Minta perubahan").click()
    dialog = kasubag.page.get_by_role("dialog")
    dialog.locator("textarea").fill(NOTE)
    dialog.get_by_role("button", name="Minta perubahan").click()
    kasubag.page.wait_for_load_state("networkidle")
    expect(tasks).to_contain_text("Tidak ada yang menunggu Anda.")

    # The Pranata finds it back with the note and resubmits it.
    pranata.go("/admin/")
    returned = pranata.page.locator("#warta-my-tasks-section tr", has_text=TITLE).first
    expect(returned).to_contain_text(NOTE)
    returned.get_by_role("link", name=TITLE).click()
    pranata.page.wait_for_load_state("networkidle")
    pranata.page.locator("#id_notes").fill("Uji pemulihan server cadangan ditambahkan pada bulan berikutnya.")
    submit_menu(pranata.page, "Ajukan ulang ke Pemeriksaan Kasubag PTIP")
    expect(pranata.page.locator(".messages")).to_contain_text(TITLE)

    # The Kasubag approves: the schedule is published and today's work order is issued.
    kasubag.go("/admin/")
    row = kasubag.page.locator("#warta-my-tasks-section .warta-tasks--objects tr", has_text=TITLE)
    row.get_by_role("button", name="Setujui", exact=True).click()
    kasubag.page.wait_for_load_state("networkidle")
    schedule.refresh_from_db()
    assert schedule.live
    order = WorkOrder.objects.get(schedule=schedule, due_date=today)
    assert order.status == WorkOrder.DITERBITKAN
    kasubag.go("/admin/pemeliharaan/jadwal/")
    expect(kasubag.page.locator("tr", has_text=TITLE)).to_contain_text("Disetujui")

    # D3: the Pranata carries it out from "Tugas saya" and reports it with a file.
    pranata.go("/admin/")
    mine = pranata.page.locator("#warta-my-tasks-section")
    expect(mine).to_contain_text("Melaksanakan pemeliharaan")
    mine.get_by_role("link", name=re.compile("Uji pemulihan backup")).first.click()
    pranata.page.wait_for_load_state("networkidle")
    page = pranata.page
    expect(page.get_by_role("heading", name="Laporkan pemeliharaan")).to_be_visible()
    page.get_by_label("Ada temuan yang perlu ditindaklanjuti").check()
    page.get_by_label("Uraian dan temuan").fill("Backup pulih; dua berkas arsip rusak.")
    evidence = tmp_path / "pemulihan.txt"
    evidence.write_text("restore 2026: 1.204 berkas, 2 rusak\n")
    page.get_by_label("Berkas bukti").set_input_files(str(evidence))
    page.get_by_role("button", name="Simpan laporan pemeliharaan").click()
    page.wait_for_load_state("networkidle")
    expect(page.locator(".messages")).to_contain_text("menunggu evaluasi Kasubag PTIP")
    expect(page.locator(".pemeliharaan-status")).to_have_text("Menunggu evaluasi")

    # D4: the Kasubag returns it with a note.
    kasubag.go("/admin/")
    mine = kasubag.page.locator("#warta-my-tasks-section")
    expect(mine).to_contain_text("Mengevaluasi pemeliharaan")
    mine.get_by_role("link", name=re.compile("Uji pemulihan backup")).first.click()
    kasubag.page.wait_for_load_state("networkidle")
    page = kasubag.page
    page.get_by_label("Dikembalikan").check()
    page.get_by_label("Catatan evaluasi").fill(RETURN_NOTE)
    page.get_by_role("button", name="Simpan evaluasi").click()
    page.wait_for_load_state("networkidle")
    expect(page.locator(".messages")).to_contain_text("dikembalikan kepada pelaksana")

    # The Pranata sees the note and reports again.
    pranata.go(f"/admin/pemeliharaan/perintah/{order.pk}/")
    expect(pranata.page.locator(".pemeliharaan-returned")).to_contain_text(RETURN_NOTE)
    pranata.page.get_by_label("Ada temuan yang perlu ditindaklanjuti").check()
    pranata.page.get_by_label("Uraian dan temuan").fill("Log pemulihan terlampir; dua berkas arsip rusak.")
    pranata.page.get_by_role("button", name="Simpan laporan pemeliharaan").click()
    pranata.page.wait_for_load_state("networkidle")

    # The Kasubag accepts it and opens a follow-up plan for the finding (D5).
    kasubag.go(f"/admin/pemeliharaan/perintah/{order.pk}/")
    kasubag.page.get_by_label("Diterima").check()
    kasubag.page.get_by_role("button", name="Simpan evaluasi").click()
    kasubag.page.wait_for_load_state("networkidle")
    expect(kasubag.page.locator(".messages")).to_contain_text("perintah selesai")
    expect(kasubag.page.locator(".pemeliharaan-reports tbody tr")).to_have_count(2)
    kasubag.page.get_by_role("link", name="Buat rencana tindak lanjut").click()
    kasubag.page.wait_for_load_state("networkidle")
    expect(kasubag.page.locator("#id_finding")).to_have_value("Log pemulihan terlampir; dua berkas arsip rusak.")

    # The record the SOP requires: one order planned, done on time.
    kasubag.go("/admin/pemeliharaan/realisasi/")
    total = kasubag.page.locator(".pemeliharaan-realisation--total tbody tr")
    expect(total).to_contain_text("Jumlah")
    cells = total.locator("td")
    expect(cells.nth(0)).to_have_text("1")
    expect(cells.nth(1)).to_have_text("1")
    expect(cells.nth(5)).to_have_text("100,0%")
