"""SOP compliance in the monev report counts a step as the step report does (editorial.durations.met_standard)."""

import datetime

import pytest

from editorial.models import StepRecord
from editorial.models.standards import KOREKSI
from monev.periods import Period
from monev.report import Window, compliance, court_timezone
from tests.support.admin_forms import wib
from tests.support.factories import NewsPageFactory

pytestmark = pytest.mark.django_db


def finished(court, seconds, standard, when):
    page = NewsPageFactory(parent=court.news_index, live=False)
    StepRecord.objects.create(page=page, site=court.site, step=KOREKSI, started_at=when, finished_at=when,
                              working_seconds=seconds, standard_minutes=standard, outcome=StepRecord.APPROVED)


def test_exactly_at_the_standard_is_met_and_no_standard_is_not_measured(court):
    for seconds, standard in ((3600, 60), (3601, 60), (0, 0), (900, 0)):
        finished(court, seconds, standard, wib(2, 12))  # November 2026
    for seconds, standard in ((1800, 30), (1801, 30), (1801, 30), (0, 0)):
        finished(court, seconds, standard, wib(2, 12) - datetime.timedelta(days=10))  # October 2026
    tz = court_timezone(court.site)
    period = Period.of("bulan", 2026, 11)
    sop = compliance.compute(court.site, Window.of(period, tz), Window.of(period.previous(), tz))

    koreksi = next(step for step in sop["steps"] if step["step"] == KOREKSI)
    assert (koreksi["count"], koreksi["measured"], koreksi["met"]) == (4, 2, 1)
    assert (sop["measured"], sop["met"], sop["met_share"]) == (2, 1, 0.5)
    assert sop["previous_met_share"] == pytest.approx(1 / 3)
