"""The demo court's maintenance data: an approved schedule whose past orders are reported and evaluated, a missed
one left open, and nothing added on a second load."""

import datetime

import pytest
from django.utils import timezone

from editorial.models import StepRecord
from pemeliharaan import demo, realisation
from pemeliharaan.models import Asset, MaintenanceSchedule, WorkOrder

pytestmark = pytest.mark.django_db(transaction=False)


def test_demo_schedule_and_its_year(court, users):
    demo.load(court.site)
    schedule = MaintenanceSchedule.objects.get(court=court.site)
    assert schedule.live and Asset.objects.filter(court=court.site).count() == len(demo.ASSETS)
    today = timezone.localdate()
    figures = realisation.compute(court.site, datetime.date(today.year, 1, 1), datetime.date(today.year, 12, 31),
                                  today).total
    assert figures.planned == WorkOrder.objects.filter(schedule=schedule).count() > 0
    if today.month > 1:  # months gone by: done on time and late, and a missed one once enough are due
        assert figures.tepat > 0
    # Every issued order's step started on its date, never after it was done.
    steps = StepRecord.objects.filter(content_type__model="workorder").exclude(finished_at=None)
    assert all(step.finished_at >= step.started_at for step in steps)
    demo.load(court.site)
    assert MaintenanceSchedule.objects.filter(court=court.site).count() == 1
    assert WorkOrder.objects.filter(schedule=schedule).count() == figures.planned
