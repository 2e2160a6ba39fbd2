"""SOP D3-D6: the assignee reports a work order with findings and evidence, the Kasubag PTIP evaluates it (returns
it with a note or accepts it), a finding becomes a follow-up plan timed under SOP D; and "Rencana dan Realisasi
Pemeliharaan" over a year of generated work orders matches a hand count, on screen and in the XLSX."""

import datetime
import io
import re

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from editorial.models import StepRecord
from editorial.models.standards import PEMELIHARAAN, PEMELIHARAAN_MONEV, PROCEDURE_MAINTENANCE
from pemeliharaan import orders, realisation
from pemeliharaan.models import MaintenanceSchedule, MaintenanceTask, WorkOrder, WorkOrderReport

pytestmark = pytest.mark.django_db(transaction=False)

def refused(response):
    """Wagtail's admin answers a PermissionDenied with a redirect home and a message."""
    return response.status_code == 403 or (response.status_code == 302 and response["Location"] == "/admin/")


def approved_schedule(court, users, assets, year):
    """A live schedule of `year` with a monthly, a quarterly and a yearly task, and its planned orders."""
    schedule = MaintenanceSchedule.objects.create(court=court.site, title=f"Jadwal {year}", year=year, live=True,
                                                  last_published_at=timezone.now())
    for asset, name, frequency, first, who in (
            (assets["server"], "Uji pemulihan backup", MaintenanceTask.BULANAN, datetime.date(year, 1, 15), "pranata"),
            (assets["ups"], "Pemeriksaan UPS", MaintenanceTask.TRIWULANAN, datetime.date(year, 2, 10), "pranata"),
            (assets["antivirus"], "Perpanjangan lisensi", MaintenanceTask.TAHUNAN, datetime.date(year, 6, 30),
             "kasubag")):
        MaintenanceTask.objects.create(schedule=schedule, asset=asset, name=name, frequency=frequency,
                                       first_date=first, assignee=users[who])
    orders.plan(schedule)
    return schedule


def issued_order(court, users, assets):
    schedule = approved_schedule(court, users, assets, timezone.localdate().year)
    order = WorkOrder.objects.filter(schedule=schedule).order_by("due_date").first()
    orders.issue(order, timezone.now())
    return order


def test_report_evaluate_return_and_accept(court, users, assets, client_as):
    order = issued_order(court, users, assets)
    url = reverse("pemeliharaan_perintah:detail", args=[order.pk])
    pranata, kasubag, sekretaris = client_as("pranata"), client_as("kasubag"), client_as("sekretaris")
    assert "Laporkan pemeliharaan" in pranata.get(url).content.decode()
    # The Sekretaris reads it but neither reports nor evaluates.
    page = sekretaris.get(url).content.decode()
    assert "Laporkan pemeliharaan" not in page and "Evaluasi Kasubag PTIP" not in page
    assert refused(sekretaris.post(url, {"action": "report", "done_on": "01/01/2026", "findings": "x",
                                         "result": "baik"}))
    assert refused(sekretaris.post(url, {"action": "evaluate", "verdict": "diterima"}))
    assert not WorkOrderReport.objects.exists()

    # A bad file, a future date: refused, nothing saved, the text kept.
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).strftime("%d/%m/%Y")
    fake = SimpleUploadedFile("bukti.pdf", b"MZ\x90\x00 a program, not a PDF", content_type="application/pdf")
    response = pranata.post(url, {"action": "report", "done_on": tomorrow, "findings": "Backup pulih lengkap.",
                                  "result": "baik", "files": [fake]})
    page = response.content.decode()
    assert response.status_code == 200 and "Tanggal dikerjakan tidak boleh di masa depan." in page
    errors = re.findall(r'error-message[^>]*>\s*(?:<[^>]+>\s*)*([^<]+)', page)
    assert len(errors) == 2, errors
    assert "Backup pulih lengkap." in page and not WorkOrderReport.objects.exists()

    today = timezone.localdate().strftime("%d/%m/%Y")
    response = pranata.post(url, {"action": "report", "done_on": today, "findings": "Backup pulih, 2 berkas rusak.",
                                  "result": "perlu_tindak_lanjut",
                                  "files": [SimpleUploadedFile("log-pemulihan.txt", b"restore ok\n")]})
    assert response.status_code == 302, re.findall(r'error-message[^>]*>\s*(?:<[^>]+>\s*)*([^<]+)',
                                                   response.content.decode())
    order.refresh_from_db()
    assert (order.status, order.done_on) == (WorkOrder.DILAPORKAN, timezone.localdate())
    assert order.reports.get().evidence_documents.count() == 1
    d3 = StepRecord.objects.get(step=PEMELIHARAAN, object_id=str(order.pk))
    assert (d3.outcome, d3.standard_minutes) == (StepRecord.DONE, 120)
    d4 = StepRecord.objects.get(step=PEMELIHARAAN_MONEV, object_id=str(order.pk), finished_at=None)
    assert (d4.actor, d4.standard_minutes) == (users["kasubag"], 30)

    # Returned without a note: refused. With a note: back to the Pranata, who sees the note.
    response = kasubag.post(url, {"action": "evaluate", "verdict": "dikembalikan", "note": ""})
    assert "Tuliskan apa yang harus diperbaiki" in response.content.decode()
    kasubag.post(url, {"action": "evaluate", "verdict": "dikembalikan", "note": "Lampirkan log pemulihan."})
    order.refresh_from_db()
    assert (order.status, order.done_on) == (WorkOrder.DIKEMBALIKAN, None)
    page = pranata.get(url).content.decode()
    assert "Lampirkan log pemulihan." in page and "Laporkan pemeliharaan" in page
    reopened = StepRecord.objects.get(step=PEMELIHARAAN, object_id=str(order.pk), finished_at=None)
    assert reopened.returned and reopened.actor == users["pranata"]

    pranata.post(url, {"action": "report", "done_on": today, "findings": "Log pemulihan terlampir; 2 berkas rusak.",
                       "result": "perlu_tindak_lanjut"})
    kasubag.post(url, {"action": "evaluate", "verdict": "diterima", "note": "Lengkap."})
    order.refresh_from_db()
    assert order.status == WorkOrder.SELESAI and order.reports.count() == 2
    assert not StepRecord.objects.filter(object_id=str(order.pk), content_type__model="workorder",
                                         finished_at=None).exists()
    # The SOP compliance section of monev lists D3 and D4 for this month (each with its Mutu Baku).
    from monev.periods import Period
    from monev.report import Window, compliance, court_timezone

    zone = court_timezone(court.site)
    today = timezone.localdate()
    period = Period.of("bulan", today.year, today.month)
    steps = {step["step"]: step for step in compliance.compute(court.site, Window.of(period, zone),
                                                                Window.of(period.previous(), zone))["steps"]}
    assert (steps[PEMELIHARAAN]["count"], steps[PEMELIHARAAN_MONEV]["count"]) == (2, 2)
    assert steps[PEMELIHARAAN_MONEV]["returned"] == 1
    # The asset's page shows its history: the order and its reports.
    history = client_as("sekretaris").get(reverse("pemeliharaan_aset:edit", args=[order.asset_id]))
    assert refused(history)  # a reader of the register does not open its editor
    page = client_as("pranata").get(reverse("pemeliharaan_aset:edit", args=[order.asset_id])).content.decode()
    assert "Riwayat pemeliharaan" in page
    assert "Log pemulihan terlampir; 2 berkas rusak." in page
    # D5-D6: the finding becomes a follow-up plan, timed under SOP D.
    page = kasubag.get(url).content.decode()
    assert "Buat rencana tindak lanjut" in page
    from editorial.tindaklanjut.models import FollowUpPlan

    add = kasubag.get(reverse("tindaklanjut_plans:add") + "?" + f"court={court.site.pk}&title=T&finding=F"
                      f"&source_ref=pemeliharaan:perintah:{order.pk}")
    assert add.status_code == 200
    plan = FollowUpPlan(court=court.site, source_ref=f"pemeliharaan:perintah:{order.pk}")
    assert plan.sop_procedures == (PROCEDURE_MAINTENANCE,)


def test_only_the_assignee_or_the_kasubag_reports(court, users, assets, client_as):
    order = issued_order(court, users, assets)
    order.assignee = users["kasubag"]
    order.save()
    url = reverse("pemeliharaan_perintah:detail", args=[order.pk])
    assert refused(client_as("pranata").post(url, {"action": "report", "done_on": "01/01/2026", "findings": "x",
                                                  "result": "baik"}))
    assert refused(client_as("pranata").post(url, {"action": "evaluate", "verdict": "diterima"}))
    assert not WorkOrderReport.objects.exists()


def test_plan_against_realisation_matches_a_hand_count(court, users, assets, client_as):
    """A year of generated orders (12 + 4 + 1), some done on time, some late, some missed, some still ahead."""
    year = 2026
    schedule = approved_schedule(court, users, assets, year)
    today = datetime.date(year, 9, 20)
    backup = list(WorkOrder.objects.filter(schedule=schedule, title="Uji pemulihan backup").order_by("due_date"))
    ups = list(WorkOrder.objects.filter(schedule=schedule, title="Pemeriksaan UPS").order_by("due_date"))
    licence = WorkOrder.objects.get(schedule=schedule, title="Perpanjangan lisensi")
    assert (len(backup), len(ups)) == (12, 4)

    def done(order, days_after):
        order.done_on = order.due_date + datetime.timedelta(days=days_after)
        order.status = WorkOrder.SELESAI
        order.save()

    # Backup Jan-Sep (9 due by 20 Sep): 5 on time (Jan-May), 2 late (Jun, Jul), Aug and Sep missed; Oct-Dec ahead.
    for order in backup[:5]:
        done(order, 0)
    for order in backup[5:7]:
        done(order, 3)
    # UPS Feb, May, Aug due: Feb on time (a day early), May late, Aug missed; Nov ahead.
    done(ups[0], -1)
    done(ups[1], 10)
    # Licence 30 Jun: done late.
    done(licence, 1)

    figures = realisation.compute(court.site, datetime.date(year, 1, 1), datetime.date(year, 12, 31), today)
    hand = {"planned": 17, "tepat": 6, "terlambat": 4, "terlewat": 3, "belum": 4}
    total = figures.total
    assert {key: getattr(total, key) for key in hand} == hand
    assert total.realisation_percent == round(100 * 10 / 13, 1)
    assert total.on_time_percent == round(100 * 6 / 13, 1)
    by_asset = {row.label: (row.planned, row.tepat, row.terlambat, row.terlewat, row.belum) for row in figures.assets}
    assert by_asset == {str(assets["server"]): (12, 5, 2, 2, 3), str(assets["ups"]): (4, 1, 1, 1, 1),
                        str(assets["antivirus"]): (1, 0, 1, 0, 0)}
    by_person = {row.label: (row.planned, row.tepat, row.terlambat, row.terlewat) for row in figures.people}
    pranata_name = users["pranata"].get_full_name() or "pranata"
    kasubag_name = users["kasubag"].get_full_name() or "kasubag"
    assert by_person == {pranata_name: (16, 6, 3, 3), kasubag_name: (1, 0, 1, 0)}
    # A period: the first quarter alone (Jan-Mar backups, Feb UPS).
    quarter = realisation.compute(court.site, datetime.date(year, 1, 1), datetime.date(year, 3, 31), today).total
    assert (quarter.planned, quarter.tepat, quarter.terlambat, quarter.terlewat) == (4, 4, 0, 0)

    # The same figures on the screen and in the XLSX.
    kasubag = client_as("kasubag")
    query = f"?situs={court.site.pk}&start={year}-01-01&end={year}-12-31"
    page = kasubag.get(reverse("pemeliharaan_realisasi") + query).content.decode()
    assert "Rencana dan Realisasi Pemeliharaan" in page and "Uji pemulihan backup" in page
    response = kasubag.get(reverse("pemeliharaan_realisasi") + query + "&format=xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).worksheets[0]
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    total_row = next(row for row in rows if row[0] == "Jumlah" and isinstance(row[1], int))
    # As of the download day, not 20 Sep: only the planned count and the done ones are fixed by the data.
    assert total_row[1] == 17 and total_row[2] + total_row[3] == 10
    detail = openpyxl.load_workbook(io.BytesIO(response.content)).worksheets[1]
    assert detail.max_row == 1 + 17
    pdf = kasubag.get(reverse("pemeliharaan_realisasi") + query + "&format=pdf")
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")


def test_the_other_court_sees_no_order(court, users, assets, client_as):
    from core.onboarding import CourtSpec, add_court
    from tests.support.factories import UserFactory

    order = issued_order(court, users, assets)
    add_court(CourtSpec(name="Pengadilan Agama Contoh", short_name="PA Contoh", court_type="PA",
                        hostname="pa-contoh.localhost"))
    stranger = UserFactory(username="kasubag-pa", groups=["PA Contoh — Kasubag PTIP"])
    from django.test import Client

    client = Client()
    client.force_login(stranger)
    assert client.get(reverse("pemeliharaan_perintah:detail", args=[order.pk])).status_code == 404
    listing = client.get(reverse("pemeliharaan_perintah:list")).content.decode()
    assert "Uji pemulihan backup" not in listing
    report = client.get(reverse("pemeliharaan_realisasi") + f"?situs={court.site.pk}").content.decode()
    assert "Uji pemulihan backup" not in report
