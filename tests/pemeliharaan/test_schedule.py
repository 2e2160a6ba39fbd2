"""SOP D1-D2: the Pranata drafts the maintenance schedule, the Kasubag PTIP checks it in the court's workflow and
may send it back with a note; only that approval publishes it, which plans one work order per date of each task
and issues those whose date has come. Each step is timed against its Mutu Baku."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import WorkflowState

from core.onboarding import CourtSpec, add_court
from editorial.models import StepRecord
from editorial.models.standards import JADWAL_PERIKSA, JADWAL_SUSUN, PEMELIHARAAN
from editorial.send_back import note_for
from pemeliharaan import orders
from pemeliharaan.models import CourtMaintenanceWorkflow, MaintenanceSchedule, MaintenanceTask, WorkOrder
from tests.support.factories import UserFactory

from .conftest import TITLE, edit_data, schedule_data

pytestmark = pytest.mark.django_db(transaction=False)


def act(client, schedule, action, comment=""):
    schedule.refresh_from_db()
    state = schedule.current_workflow_state.current_task_state
    url = reverse("pemeliharaan_jadwal:workflow_action", args=[schedule.pk, action, state.pk])
    return client.post(url, {"comment": comment})


def records(schedule, step):
    return StepRecord.objects.filter(object_id=str(schedule.pk), content_type__model="maintenanceschedule",
                                     step=step)


def test_every_court_has_the_kasubag_check(court, users):
    link = CourtMaintenanceWorkflow.objects.get(site=court.site)
    assert link.workflow.name == "Pemeriksaan jadwal pemeliharaan"
    task = link.workflow.tasks.get().specific
    assert (task.name, [g.name for g in task.groups.all()]) == ("Pemeriksaan Kasubag PTIP", ["Kasubag PTIP"])
    onboarding = add_court(CourtSpec(name="Pengadilan Agama Contoh", short_name="PA Contoh", court_type="PA",
                                     hostname="pa-contoh.localhost"))
    other = CourtMaintenanceWorkflow.objects.get(site=onboarding.site).workflow
    assert other.name == "Pemeriksaan jadwal pemeliharaan — PA Contoh"
    assert other.tasks.get().specific.groups.get().name == "PA Contoh — Kasubag PTIP"


def test_due_dates_of_each_frequency():
    schedule = MaintenanceSchedule(year=2026)

    def dates(frequency, first):
        return MaintenanceTask(schedule=schedule, frequency=frequency, first_date=first).due_dates()

    assert len(dates(MaintenanceTask.BULANAN, datetime.date(2026, 1, 31))) == 12
    assert dates(MaintenanceTask.BULANAN, datetime.date(2026, 1, 31))[1] == datetime.date(2026, 2, 28)
    assert dates(MaintenanceTask.TRIWULANAN, datetime.date(2026, 2, 10)) == [
        datetime.date(2026, 2, 10), datetime.date(2026, 5, 10), datetime.date(2026, 8, 10),
        datetime.date(2026, 11, 10)]
    assert dates(MaintenanceTask.SEMESTERAN, datetime.date(2026, 9, 1)) == [datetime.date(2026, 9, 1)]
    assert dates(MaintenanceTask.TAHUNAN, datetime.date(2026, 6, 30)) == [datetime.date(2026, 6, 30)]
    assert dates(MaintenanceTask.SEKALI, datetime.date(2026, 3, 3)) == [datetime.date(2026, 3, 3)]
    assert dates(MaintenanceTask.BULANAN, datetime.date(2025, 12, 1)) == []


def test_send_back_then_approval_plans_the_work_orders(court, users, client_as, draft_schedule):
    pranata, schedule = draft_schedule
    kasubag = client_as("kasubag")
    drafting = records(schedule, JADWAL_SUSUN).get()
    assert (drafting.actor, drafting.is_open, drafting.standard_minutes) == (users["pranata"], True, 120)

    response = pranata.post(reverse("pemeliharaan_jadwal:edit", args=[schedule.pk]),
                            edit_data(schedule, **{"action-submit": "Ajukan"}))
    assert response.status_code == 302, response.content.decode()[:3000]
    drafting.refresh_from_db()
    assert (drafting.outcome, drafting.is_open) == (StepRecord.SUBMITTED, False)
    check = records(schedule, JADWAL_PERIKSA).get()
    assert (check.standard_minutes, check.is_open) == (30, True)

    # Only the Kasubag decides: the Sekretaris cannot, the Pranata cannot publish.
    before = MaintenanceSchedule.objects.get(pk=schedule.pk).current_workflow_state.current_task_state
    act(client_as("sekretaris"), schedule, "approve")
    assert MaintenanceSchedule.objects.get(pk=schedule.pk).current_workflow_state.current_task_state == before
    for name in ("pranata", "sekretaris", "ketua"):
        client_as(name).post(reverse("pemeliharaan_jadwal:edit", args=[schedule.pk]),
                             edit_data(schedule, **{"action-publish": "Terbitkan"}))
        assert not MaintenanceSchedule.objects.get(pk=schedule.pk).live, name

    note = "Tambahkan pemeriksaan suhu ruang server."
    assert act(kasubag, schedule, "reject", note).status_code == 302
    schedule.refresh_from_db()
    assert schedule.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert note_for(schedule).comment == note and not WorkOrder.objects.exists()
    check.refresh_from_db()
    assert (check.outcome, check.actor) == (StepRecord.REJECTED, users["kasubag"])
    fixing = records(schedule, JADWAL_PERIKSA).filter(task_state__isnull=True, finished_at__isnull=True).get()
    assert fixing.returned and fixing.actor == users["pranata"]

    response = pranata.post(reverse("pemeliharaan_jadwal:edit", args=[schedule.pk]),
                            edit_data(schedule, **{"action-submit": "Ajukan ulang"}))
    assert response.status_code == 302, response.content.decode()[:3000]
    assert act(kasubag, schedule, "approve").status_code == 302
    schedule.refresh_from_db()
    assert schedule.live and not schedule.workflow_in_progress
    # 12 monthly backup tests, 4 quarterly UPS checks, 1 yearly licence renewal.
    made = WorkOrder.objects.filter(schedule=schedule)
    assert made.count() == 17
    assert {title: list(made.values_list("title", flat=True)).count(title) for title in set(
        made.values_list("title", flat=True))} == {"Uji pemulihan backup": 12, "Pemeriksaan UPS": 4,
                                                    "Perpanjangan lisensi": 1}
    today = timezone.localdate()
    issued = made.exclude(status=WorkOrder.TERJADWAL)
    assert {order.due_date <= today for order in issued} <= {True}
    assert issued.count() == made.filter(due_date__lte=today).count()
    opened = StepRecord.objects.filter(step=PEMELIHARAAN, content_type__model="workorder", finished_at=None)
    assert opened.count() == issued.count()
    # Approving again (a later revision) plans nothing twice.
    assert orders.plan(schedule) == 0 and made.count() == 17


def test_orders_are_issued_on_their_dates(court, users, assets, client_as, draft_schedule):
    pranata, schedule = draft_schedule
    pranata.post(reverse("pemeliharaan_jadwal:edit", args=[schedule.pk]),
                 edit_data(schedule, **{"action-submit": "Ajukan"}))
    # Approve with the schedule's dates still ahead: nothing issued before its date.
    WorkOrder.objects.all().delete()
    act(client_as("kasubag"), schedule, "approve")
    WorkOrder.objects.update(status=WorkOrder.TERJADWAL, issued_at=None)
    StepRecord.objects.filter(step=PEMELIHARAAN).delete()
    MaintenanceSchedule.objects.filter(pk=schedule.pk).update(
        last_published_at=timezone.make_aware(datetime.datetime(2025, 12, 20, 9)))
    jan_14 = timezone.make_aware(datetime.datetime(2026, 1, 14, 0, 10))
    assert orders.issue_due(jan_14) == 0
    jan_15 = timezone.make_aware(datetime.datetime(2026, 1, 15, 0, 10))
    assert orders.issue_due(jan_15) == 1
    first = WorkOrder.objects.get(status=WorkOrder.DITERBITKAN)
    assert (first.title, first.due_date, first.issued_at) == (
        "Uji pemulihan backup", datetime.date(2026, 1, 15),
        timezone.make_aware(datetime.datetime(2026, 1, 15, 0, 0)))
    step = StepRecord.objects.get(step=PEMELIHARAAN)
    assert (step.actor, step.started_at, step.standard_minutes) == (users["pranata"], first.issued_at, 120)
    assert orders.issue_due(jan_15) == 0  # once


def test_schedule_rows_stay_in_the_court(court, users, assets, client_as):
    other = add_court(CourtSpec(name="Pengadilan Agama Contoh", short_name="PA Contoh", court_type="PA",
                                hostname="pa-contoh.localhost"))
    from pemeliharaan.models import Asset

    foreign_asset = Asset.objects.create(court=other.site, code="X-1", name="Aset PA", kind=Asset.HARDWARE)
    stranger = UserFactory(username="pranata-pa", groups=["PA Contoh — Pranata Komputer"])
    pranata = client_as("pranata")
    data = schedule_data(court, users, assets)
    data["tasks-0-asset"] = foreign_asset.pk
    data["tasks-1-assignee"] = stranger.pk
    data["tasks-2-first_date"] = "2027-01-05"
    response = pranata.post(reverse("pemeliharaan_jadwal:add"), data)
    assert response.status_code == 200
    page = response.content.decode()
    # The other court's asset and person are not among the choices.
    assert page.count("Masukkan pilihan yang valid.") == 2
    assert "Tanggal pertama harus di tahun jadwal (2026)." in page
    assert not MaintenanceSchedule.objects.filter(title=TITLE).exists()
    # The other court's people see neither the schedule list's rows nor its URLs.
    pranata.post(reverse("pemeliharaan_jadwal:add"), schedule_data(court, users, assets))
    mine = MaintenanceSchedule.objects.get(title=TITLE)
    client_b = client_as_user(stranger)
    assert TITLE not in client_b.get(reverse("pemeliharaan_jadwal:list")).content.decode()
    for name in ("edit", "history", "delete"):
        assert client_b.get(reverse(f"pemeliharaan_jadwal:{name}", args=[mine.pk])).status_code == 404, name
    chooser = client_b.get(reverse("pemeliharaan_jadwal_chooser:choose")).content.decode() \
        if _has_url("pemeliharaan_jadwal_chooser:choose") else ""
    assert TITLE not in chooser


def _has_url(name):
    from django.urls import NoReverseMatch

    try:
        reverse(name)
    except NoReverseMatch:
        return False
    return True


def client_as_user(user):
    from django.test import Client

    client = Client()
    client.force_login(user)
    return client


def test_an_asset_in_a_schedule_is_not_deleted(court, users, assets, client_as, draft_schedule):
    from pemeliharaan.models import Asset

    pranata = client_as("pranata")
    response = pranata.post(reverse("pemeliharaan_aset:delete", args=[assets["server"].pk]), follow=True)
    assert response.redirect_chain[-1][0] == reverse("pemeliharaan_aset:edit", args=[assets["server"].pk])
    assert "Aset ini dipakai dalam jadwal pemeliharaan sehingga tidak dapat dihapus." in response.content.decode()
    assert Asset.objects.filter(pk=assets["server"].pk).exists()
    # An asset no schedule names is deleted as before.
    spare = Asset.objects.create(court=court.site, code="SPR-01", name="Cadangan", kind=Asset.HARDWARE)
    assert pranata.post(reverse("pemeliharaan_aset:delete", args=[spare.pk])).status_code == 302
    assert not Asset.objects.filter(pk=spare.pk).exists()
