"""SOP A4-A7: the person responsible reports each activity's progress until it is done; the Kasubag PTIP then
reports the implementation and the IT monev (figures, PDF); an issue becomes a follow-up plan timed under A."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from editorial.models import StepRecord
from editorial.models.standards import PROGRAM_LAKSANA, PROGRAM_LAPOR, PROGRAM_MONEV
from programti.models import ProgramReport

from .test_decree_and_walls import pdf_bytes_text, pdf_text, set_by_ketua

pytestmark = pytest.mark.django_db(transaction=False)

PERIOD = {"start": "2026-01-01", "end": "2026-12-31"}


def open_steps(obj, step):
    return StepRecord.objects.filter(object_id=str(obj.pk), step=step, finished_at__isnull=True,
                                     content_type__model=obj._meta.model_name)


def report(client, activity, percent, day="2026-06-15", issue="", files=None):
    data = {"date": day, "percent": percent, "text": f"Kemajuan {percent}%", "issue": issue}
    if files:
        data["files"] = files
    return client.post(reverse("programti_report_progress", args=[activity.pk]), data)


def test_progress_until_done_then_reports(court, users, client_as, draft_program):
    _pranata, program = draft_program
    pranata, kasubag, sekretaris = client_as("pranata"), client_as("kasubag"), client_as("sekretaris")
    queue, firewall, watch = program.activities.order_by("sort_order")

    # Before the Ketua sets the programme there is nothing to report.
    assert report(pranata, queue, 10).status_code == 302 and not queue.progress_reports.exists()
    set_by_ketua(program, users, client_as)

    # "Tugas saya" of the Pranata links each of their activities to its report screen.
    url = reverse("programti_report_progress", args=[queue.pk])
    dashboard = pranata.get(reverse("wagtailadmin_home")).content.decode()
    assert f'href="{url}"' in dashboard and "Melaksanakan program TI" in dashboard
    assert open_steps(queue, PROGRAM_LAKSANA).get().actor == users["pranata"]

    # Only the person responsible (or the court's Kasubag) reports; a bad file is refused.
    refused = report(sekretaris, queue, 50)
    assert refused.status_code in (302, 403) and refused.get("Location", "/admin/") == "/admin/"
    assert not queue.progress_reports.exists()
    refused = report(pranata, queue, 50, files=[SimpleUploadedFile("bukti.exe", b"MZ")])
    assert refused.status_code == 200 and not queue.progress_reports.exists()
    assert report(pranata, queue, 120).status_code == 200  # at most 100 %
    response = report(pranata, queue, 50, issue="Server antrean belum tersedia.",
                      files=[SimpleUploadedFile("foto.txt", b"progres\n"), SimpleUploadedFile("log.txt", b"log\n")])
    assert response.status_code == 302
    first = queue.progress_reports.get()
    assert first.evidence_documents.count() == 2 and first.reported_by == users["pranata"]
    assert open_steps(queue, PROGRAM_LAKSANA).exists()
    assert "Server antrean belum tersedia." in pranata.get(url).content.decode()

    assert report(pranata, queue, 100, day="2026-07-01").status_code == 302
    done = StepRecord.objects.get(object_id=str(queue.pk), step=PROGRAM_LAKSANA)
    assert (done.outcome, done.is_open, done.standard_minutes) == (StepRecord.DONE, False, 120)
    assert report(pranata, firewall, 100, day="2026-03-30").status_code == 302
    assert not open_steps(program, PROGRAM_LAPOR).exists()  # the Kasubag's own activity is still running

    # The figures: all three planned in the year, two done; the issue links a follow-up plan.
    screen = kasubag.get(reverse("programti_reports"), {"program": program.pk, **PERIOD})
    html = screen.content.decode()
    figures = screen.context["figures"]
    assert (figures.planned, figures.done, figures.average) == (3, 2, 67)
    assert {area.key: area.average for area in figures.areas} == {"pengembangan": 100, "pengamanan": 100,
                                                                  "monitoring": 0}
    assert "Server antrean belum tersedia." in html
    assert f"source_ref=programti%3Akegiatan%3A{queue.pk}" in html
    pdf = kasubag.get(reverse("programti_reports"), {"program": program.pk, "format": "pdf", **PERIOD})
    assert pdf["Content-Type"] == "application/pdf"
    text = " ".join(pdf_bytes_text(pdf.content).split())
    assert "LAPORAN MONITORING DAN EVALUASI TI" in text and "Server antrean belum tersedia." in text

    # The Kasubag's own activity done: A5 waits on the Kasubag, linked to the report screen.
    assert report(kasubag, watch, 100, day="2026-11-30").status_code == 302
    lapor = open_steps(program, PROGRAM_LAPOR).get()
    assert lapor.actor == users["kasubag"] and lapor.standard_minutes == 30
    assert reverse("programti_reports") in kasubag.get(reverse("wagtailadmin_home")).content.decode()

    # Only the Kasubag saves the reports: A5 closes and A6 opens; A6 closes with the monev report.
    data = {"program": program.pk, **PERIOD, "summary": "Semua kegiatan selesai.", "issues": "", "recommendations": ""}
    assert sekretaris.post(reverse("programti_reports"), {**data, "kind": "pelaksanaan"}).status_code in (302, 403)
    assert not ProgramReport.objects.exists()
    assert kasubag.post(reverse("programti_reports"), {**data, "kind": "pelaksanaan"}).status_code == 302
    lapor.refresh_from_db()
    assert (lapor.outcome, lapor.is_open) == (StepRecord.DONE, False)
    monev = open_steps(program, PROGRAM_MONEV).get()
    assert monev.actor == users["kasubag"] and monev.standard_minutes == 60
    assert kasubag.post(reverse("programti_reports"), {**data, "kind": "monev"}).status_code == 302
    monev.refresh_from_db()
    assert not monev.is_open
    saved = ProgramReport.objects.get(kind="monev")
    assert saved.document is not None and "Semua kegiatan selesai." in pdf_text(saved.document)
    assert saved.document.url in sekretaris.get(reverse("programti_reports")).content.decode()


def test_an_issue_becomes_a_plan_timed_under_a(court, users, client_as, draft_program):
    from editorial.tindaklanjut.models import FollowUpPlan

    _pranata, program = draft_program
    set_by_ketua(program, users, client_as)
    activity = program.activities.first()
    add = client_as("kasubag").get(reverse("tindaklanjut_plans:add"), {
        "court": court.site.pk, "title": "Tindak lanjut kendala", "finding": "Server belum ada",
        "source_ref": f"programti:kegiatan:{activity.pk}"})
    assert add.status_code == 200
    plan = FollowUpPlan(court=court.site, title="x", source_ref=f"programti:kegiatan:{activity.pk}")
    assert plan.sop_procedures == ("A",)


def test_a_further_done_report_does_not_reopen_the_implementation_report(court, users, client_as, draft_program):
    """The person responsible may report a done activity again (a correction, more evidence): the Kasubag's
    implementation report (A5), once saved, does not wait on "Tugas saya" again."""
    _pranata, program = draft_program
    set_by_ketua(program, users, client_as)
    pranata, kasubag = client_as("pranata"), client_as("kasubag")
    for activity in program.activities.order_by("sort_order"):
        client = kasubag if activity.responsible == users["kasubag"] else pranata
        assert report(client, activity, 100, day="2026-11-30").status_code == 302
    lapor = open_steps(program, PROGRAM_LAPOR).get()
    data = {"program": program.pk, **PERIOD, "summary": "Semua kegiatan selesai.", "issues": "", "recommendations": "",
            "kind": "pelaksanaan"}
    assert kasubag.post(reverse("programti_reports"), data).status_code == 302
    lapor.refresh_from_db()
    assert not lapor.is_open

    # Another 100 % report with its evidence, after the implementation report.
    activity = program.activities.order_by("sort_order").first()
    assert report(pranata, activity, 100, day="2026-11-30",
                  files=[SimpleUploadedFile("bukti.txt", b"tambahan\n")]).status_code == 302
    assert not open_steps(program, PROGRAM_LAPOR).exists()
    assert StepRecord.objects.filter(object_id=str(program.pk), step=PROGRAM_LAPOR).count() == 1
    dashboard = kasubag.get(reverse("wagtailadmin_home")).content.decode()
    assert "Melaporkan pelaksanaan program TI" not in dashboard
