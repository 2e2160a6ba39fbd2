"""SOP A in the browser: the Pranata Komputer drafts the court's IT programme with an activity, each decision point
(Kasubag PTIP, Sekretaris, Ketua) sends it back once with a note from "Tugas saya", the Pranata fixes and resubmits,
then all three approve; the Ketua's approval issues the decree (SK Teknologi Informasi). The person responsible
reports the activity's progress with a file until it is done; the Kasubag saves the implementation report and the
IT monev report, and the issue reported becomes a follow-up plan."""

import re

from django.utils import timezone
from playwright.sync_api import expect

TITLE = "Program TI PN Uji"
ISSUE = "Anggaran lisensi belum cair."


def submit_menu(page, name):
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    page.get_by_role("button", name=name).click()
    page.wait_for_load_state("networkidle")


def decide(person, action, note=""):
    """From "Tugas saya": approve, or send back with a note."""
    person.go("/admin/")
    tasks = person.page.locator("#warta-my-tasks-section")
    row = tasks.locator(".warta-tasks--objects tr", has_text=TITLE)
    if action == "approve":
        row.get_by_role("button", name="Setujui", exact=True).click()
    else:
        row.get_by_role("button", name="Minta perubahan").click()
        dialog = person.page.get_by_role("dialog")
        dialog.locator("textarea").fill(note)
        dialog.get_by_role("button", name="Minta perubahan").click()
    person.page.wait_for_load_state("networkidle")
    expect(tasks).to_contain_text("Tidak ada yang menunggu Anda.")


def test_programme_sent_back_at_each_decision_point_then_set_and_carried_out(live_court, open_as, tmp_path):
    from programti.models import CourtProgramWorkflow, Decree, ProgramReport, ProgramTI
    from programti.workflow_setup import setup_program_workflow

    if not CourtProgramWorkflow.objects.filter(site=live_court.site).exists():
        from django.apps import apps

        setup_program_workflow(apps, live_court.site.pk)
    year = timezone.localdate().year

    # A1: the Pranata drafts the programme and one activity, and submits it.
    pranata = open_as("pranata")
    pranata.go("/admin/programti/program/add/")
    page = pranata.page
    page.locator("#id_title").fill(TITLE)
    page.locator("#id_year").fill(str(year))
    page.locator("#id_objectives").fill("Layanan berbasis TI yang andal.")
    page.get_by_role("tab", name="Kegiatan").click()
    page.get_by_role("button", name="Tambah Kegiatan").click()
    page.locator("#id_activities-0-name").fill("Pemasangan firewall")
    page.locator("#id_activities-0-area").select_option(label="Pengamanan")
    page.locator("#id_activities-0-month_start").select_option(label="Januari")
    page.locator("#id_activities-0-month_end").select_option(label="Desember")
    page.locator("#id_activities-0-indicator").fill("Firewall aktif")
    page.locator("#id_activities-0-responsible").select_option(label="pranata")
    submit_menu(page, "Ajukan ke Penetapan program TI")
    expect(page.locator(".messages")).to_contain_text(TITLE)
    program = ProgramTI.objects.get(title=TITLE)

    kasubag, sekretaris, ketua = open_as("kasubag"), open_as("sekretaris"), open_as("ketua")
    steps = [(kasubag, "Usulan Kasubag PTIP"), (sekretaris, "Telaah Sekretaris"), (ketua, "Penetapan Ketua")]
    for index, (decider, task) in enumerate(steps):
        if index:
            # The resubmission came back to the decision point that sent it back: it approves now.
            decide(steps[index - 1][0], "approve")
        note = f"Perbaiki indikator ({task})."
        decide(decider, "reject", note)
        # The Pranata finds it back with the note, fixes it and resubmits it to the same decision point.
        pranata.go("/admin/")
        returned = pranata.page.locator("#warta-my-tasks-section tr", has_text=TITLE).first
        expect(returned).to_contain_text(note)
        pranata.go(f"/admin/programti/program/edit/{program.pk}/")
        pranata.page.get_by_role("tab", name="Kegiatan").click()
        pranata.page.locator("#id_activities-0-indicator").fill(f"Firewall aktif, diuji ({index + 1})")
        submit_menu(pranata.page, f"Ajukan ulang ke {task}")
        expect(pranata.page.locator(".messages")).to_contain_text(TITLE)
        program.refresh_from_db()
        assert not program.live
    decide(ketua, "approve")

    # A3: set; the decree is on the list and in the editor.
    program.refresh_from_db()
    decree = Decree.objects.get(program=program)
    assert program.live and decree.document is not None
    ketua.go("/admin/programti/program/")
    row = ketua.page.locator("tr", has_text=TITLE)
    expect(row).to_contain_text("Ditetapkan")
    expect(row.get_by_role("link", name=decree.number)).to_be_visible()

    # A4: the person responsible reports progress from "Tugas saya", with a file and an issue, then 100 %.
    pranata.go("/admin/")
    mine = pranata.page.locator("#warta-my-tasks-section")
    mine.get_by_role("link", name=re.compile("Pemasangan firewall")).first.click()
    pranata.page.wait_for_load_state("networkidle")
    page = pranata.page
    page.get_by_label("Kemajuan (%)").fill("60")
    page.get_by_label("Uraian").fill("Perangkat terpasang, konfigurasi berjalan.")
    page.get_by_label("Kendala").fill(ISSUE)
    evidence = tmp_path / "konfigurasi.txt"
    evidence.write_text("firewall: 12 aturan aktif\n")
    page.get_by_label("Berkas bukti").set_input_files(str(evidence))
    page.get_by_role("button", name="Simpan laporan kemajuan").click()
    page.wait_for_load_state("networkidle")
    expect(page.locator(".messages")).to_contain_text("60%")
    page.get_by_label("Kemajuan (%)").fill("100")
    page.get_by_label("Uraian").fill("Firewall aktif dan diuji.")
    page.get_by_label("Kendala").fill("")
    page.get_by_role("button", name="Simpan laporan kemajuan").click()
    page.wait_for_load_state("networkidle")
    expect(page.locator(".messages")).to_contain_text("100%")
    expect(page.locator(".programti-reports tbody tr")).to_have_count(2)

    # A5-A6: the Kasubag reads the figures, saves both reports, and turns the issue into a follow-up plan.
    kasubag.go("/admin/programti/laporan/")
    page = kasubag.page
    expect(page.locator("main")).to_contain_text(ISSUE)
    for kind in ("Laporan pelaksanaan program TI", "Laporan Monitoring dan Evaluasi TI"):
        page.get_by_label("Jenis").select_option(label=kind)
        page.get_by_label("Ringkasan").fill(f"{kind}: satu kegiatan selesai.")
        page.get_by_role("button", name="Simpan laporan").click()
        page.wait_for_load_state("networkidle")
        expect(page.locator(".messages")).to_contain_text(kind)
    expect(page.locator(".programti-saved li")).to_have_count(2)
    assert ProgramReport.objects.filter(program=program).count() == 2
    page.get_by_role("link", name=re.compile("Buat rencana tindak lanjut")).first.click()
    page.wait_for_load_state("networkidle")
    expect(page.locator("#id_finding")).to_have_value(ISSUE)
