"""The demo court's IT maintenance: a register of its IT assets and this year's schedule, approved, with the work
orders of the months gone by reported and evaluated (most on time, some late, one missed) and this month's open
in the Pranata Komputer's "Tugas saya", so that the plan-vs-realisation report has something to show."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from cms.demo import demo_court_loaded

ASSETS = [
    ("SRV-01", "Server SIPP", "perangkat_keras", "Ruang server", None, None),
    ("SRV-02", "Server cadangan (backup)", "perangkat_keras", "Ruang server", None, None),
    ("UPS-01", "UPS ruang server 3 kVA", "perangkat_keras", "Ruang server", 400, None),
    ("NET-01", "Router dan firewall kantor", "jaringan", "Ruang server", None, None),
    ("AV-01", "Lisensi antivirus 50 komputer", "perangkat_lunak", "", None, 25),
    ("WEB-01", "Hosting website pengadilan", "hosting", "Pusat data penyedia", None, 200),
]
TASKS = [  # (asset code, task, months between, first day of the month)
    ("SRV-02", "Uji pemulihan backup", 1, 5),
    ("WEB-01", "Pemeriksaan hosting dan sertifikat website", 1, 10),
    ("UPS-01", "Pemeriksaan baterai UPS", 3, 15),
    ("NET-01", "Pembaruan firmware router", 6, 20),
    ("AV-01", "Perpanjangan lisensi antivirus", 12, 28),
]


def load(site):
    from .models import Asset, MaintenanceSchedule, MaintenanceTask, WorkOrder, WorkOrderReport

    User = get_user_model()
    pranata, kasubag = User.objects.filter(username="pranata").first(), User.objects.filter(username="kasubag").first()
    if pranata is None or kasubag is None or MaintenanceSchedule.objects.filter(court=site).exists():
        return
    today = timezone.localdate()
    assets = {}
    for code, name, kind, location, warranty_days, licence_days in ASSETS:
        assets[code], _created = Asset.objects.get_or_create(court=site, code=code, defaults={
            "name": name, "kind": kind, "location": location, "holder": pranata,
            "warranty_until": today + datetime.timedelta(days=warranty_days) if warranty_days else None,
            "licence_until": today + datetime.timedelta(days=licence_days) if licence_days else None})
    schedule = MaintenanceSchedule.objects.create(court=site, title=f"Jadwal pemeliharaan TI {today.year}",
                                                  year=today.year, notes="Pemeliharaan rutin perangkat TI.")
    for code, name, months, day in TASKS:
        first = datetime.date(today.year, 1 if months != 12 else 12, day)
        MaintenanceTask.objects.create(schedule=schedule, asset=assets[code], name=name,
                                       frequency=months, first_date=first, assignee=pranata)
    # Approved on the first working day of the year (the demo's history; the workflow is walked in the admin):
    # published now, then its orders issued again as they would have been since January.
    from editorial.models import StepRecord

    from . import orders

    schedule.save_revision(user=pranata).publish(user=kasubag, skip_permission_checks=True)
    issued = WorkOrder.objects.filter(schedule=schedule).exclude(status=WorkOrder.TERJADWAL)
    StepRecord.objects.filter(content_type__app_label="pemeliharaan", content_type__model="workorder",
                              object_id__in=[str(pk) for pk in issued.values_list("pk", flat=True)]).delete()
    issued.update(status=WorkOrder.TERJADWAL, issued_at=None)
    MaintenanceSchedule.objects.filter(pk=schedule.pk).update(
        last_published_at=timezone.make_aware(datetime.datetime(today.year, 1, 2, 9)))
    orders.issue_due()

    done = WorkOrder.objects.filter(schedule=schedule, due_date__lt=today.replace(day=1)).order_by("due_date")
    for index, order in enumerate(done):
        if index % 11 == 7:
            continue  # missed: still open, past its date
        late = index % 5 == 3
        day = order.due_date + datetime.timedelta(days=4 if late else 0)
        at = timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))
        result = WorkOrderReport.PERLU_TINDAK_LANJUT if index % 9 == 4 else WorkOrderReport.BAIK
        orders.report(order, pranata, day, "Dikerjakan sesuai prosedur." if result == WorkOrderReport.BAIK
                      else "Ditemukan kerusakan kecil; perlu penggantian suku cadang.", result, now=at)
        orders.evaluate(order, kasubag, WorkOrderReport.DITERIMA, "", now=at + datetime.timedelta(hours=1))


def _on_demo_loaded(sender, site, **kwargs):
    load(site)


def connect():
    demo_court_loaded.connect(_on_demo_loaded, dispatch_uid="pemeliharaan_demo")
