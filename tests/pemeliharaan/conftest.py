import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from pemeliharaan.models import Asset, MaintenanceSchedule

TITLE = "Jadwal pemeliharaan TI 2026"


@pytest.fixture
def assets(court):
    return {
        "server": Asset.objects.create(court=court.site, code="SRV-01", name="Server SIPP", kind=Asset.HARDWARE),
        "ups": Asset.objects.create(court=court.site, code="UPS-01", name="UPS ruang server", kind=Asset.HARDWARE),
        "antivirus": Asset.objects.create(court=court.site, code="AV-01", name="Lisensi antivirus",
                                          kind=Asset.SOFTWARE),
    }


def schedule_data(court, users, assets, title=TITLE, **extra):
    data = nested_form_data({
        "court": court.site.pk, "title": title, "year": 2026, "notes": "Jadwal rutin tahun 2026.",
        "tasks": inline_formset([
            {"asset": assets["server"].pk, "name": "Uji pemulihan backup", "frequency": 1,
             "first_date": "2026-01-15", "assignee": users["pranata"].pk},
            {"asset": assets["ups"].pk, "name": "Pemeriksaan UPS", "frequency": 3, "first_date": "2026-02-10",
             "assignee": users["pranata"].pk},
            {"asset": assets["antivirus"].pk, "name": "Perpanjangan lisensi", "frequency": 12,
             "first_date": "2026-06-30", "assignee": users["kasubag"].pk},
        ]),
    })
    data.update(extra)
    return data


def edit_data(schedule, **extra):
    schedule = MaintenanceSchedule.objects.get(pk=schedule.pk).get_latest_revision_as_object()
    rows = [{"id": task.pk, "asset": task.asset_id, "name": task.name, "frequency": task.frequency,
             "first_date": task.first_date.isoformat(), "assignee": task.assignee_id}
            for task in schedule.tasks.all()]
    data = nested_form_data({"court": schedule.court_id, "title": schedule.title, "year": schedule.year,
                             "notes": schedule.notes, "tasks": inline_formset(rows, initial=len(rows))})
    data.update(extra)
    return data


@pytest.fixture
def draft_schedule(court, users, assets, client_as):
    """The Pranata's saved draft: (client, schedule)."""
    pranata = client_as("pranata")
    response = pranata.post(reverse("pemeliharaan_jadwal:add"), schedule_data(court, users, assets))
    assert response.status_code == 302, response.content.decode()[:4000]
    return pranata, MaintenanceSchedule.objects.get(title=TITLE)
