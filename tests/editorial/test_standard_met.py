"""One rule decides whether a step met its Mutu Baku standard: the function, the database filter, the report's
column, the dashboard's "Terlambat" and the reminders all give the same answer on the edge cases."""

import pytest
from django.urls import reverse

from editorial import durations
from editorial.models import StepRecord
from editorial.models.standards import KOREKSI
from editorial.step_rows import build_rows
from tests.support.admin_forms import wib
from tests.support.factories import NewsPageFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("seconds, standard, met", [
    (3600, 60, True),  # exactly at the standard
    (3601, 60, False),  # one second over
    (0, 60, True),
    (0, 0, None),  # no standard: nothing to meet
    (7200, 0, None),
    (None, 60, None),  # no time counted
])
def test_the_rule(seconds, standard, met):
    assert durations.met_standard(seconds, standard) is met


def record(court, title, seconds, standard, finished=True):
    page = NewsPageFactory(parent=court.news_index, title=title, live=False)
    return StepRecord.objects.create(
        page=page, site=court.site, step=KOREKSI, started_at=wib(2, 9, 0),
        finished_at=wib(2, 11, 0) if finished else None, working_seconds=seconds if finished else None,
        standard_minutes=standard, outcome=StepRecord.APPROVED if finished else StepRecord.OPEN)


def test_finished_steps_agree_everywhere(court, client_as):
    at = record(court, "Tepat pada standar", 3600, 60)
    over = record(court, "Lewat sedetik", 3601, 60)
    unmeasured = record(court, "Tanpa standar", 0, 0)
    records = StepRecord.objects.all()

    assert set(records.met_standard()) == {at}
    assert set(records.met_standard(met=False)) == {over}
    assert set(records.measured()) == {at, over}
    for item in records:  # the database answers what the function answers
        verdict = durations.met_standard(item.working_seconds, item.standard_minutes)
        assert (item in records.met_standard(), item in records.met_standard(met=False)) == (
            verdict is True, verdict is False)

    rows = {row.title: row for row in build_rows(records, now=wib(2, 12, 0))}
    assert (rows["Tepat pada standar"].met_label, rows["Tepat pada standar"].overdue) == ("Ya", False)
    assert (rows["Lewat sedetik"].met_label, rows["Lewat sedetik"].overdue) == ("Tidak", True)
    assert (rows["Tanpa standar"].met_label, rows["Tanpa standar"].overdue) == ("—", False)
    assert [durations.is_overdue(item) for item in (at, over, unmeasured)] == [False, True, False]

    report = client_as("sekretaris")
    for value, titles in (("met", ["Tepat pada standar"]), ("missed", ["Lewat sedetik"])):
        listed = report.get(reverse("editorial_step_report"), {"standard": value}).context["object_list"]
        assert [row.title for row in listed] == titles


def test_an_open_step_is_late_only_past_its_standard(court):
    open_step = record(court, "Masih dikoreksi", None, 60, finished=False)  # started Monday 09:00
    no_standard = record(court, "Tanpa standar", None, 0, finished=False)
    schedule = durations.schedule_for_site(court.site)

    at_standard = wib(2, 10, 0)  # one working hour later: exactly the standard
    row = build_rows([open_step], now=at_standard)[0]
    assert (row.met, row.met_label, row.overdue) == (True, "Berjalan", False)
    assert durations.is_overdue(open_step, at_standard, schedule) is False

    later = wib(2, 10, 1)
    row = build_rows([open_step], now=later)[0]
    assert (row.met, row.met_label, row.overdue) == (False, "Terlambat", True)
    assert durations.is_overdue(open_step, later, schedule) is True

    row = build_rows([no_standard], now=later)[0]
    assert (row.met, row.met_label, row.overdue) == (None, "—", False)
    # An open step is neither met nor missed in the report's filter: its time is not final.
    assert not StepRecord.objects.met_standard().exists() and not StepRecord.objects.met_standard(False).exists()
