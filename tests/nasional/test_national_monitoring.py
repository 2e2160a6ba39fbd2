"""The national table's website-monitoring figures: a court's checklist score (as its own screen computes it),
the critical findings of its latest check run in the period, and its follow-up plans."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import Site

from editorial.tindaklanjut.models import FollowUpPlan
from monev.periods import Period
from monitoring.models import BAIK, KRITIS, CheckRun, Finding
from monitoring.penilaian.scoring import court_score
from nasional import figures

pytestmark = pytest.mark.django_db


def aware(*args):
    return timezone.make_aware(datetime.datetime(*args))


def test_monitoring_figures_per_court(court, users):
    period = Period.of("triwulan", 2026, 2)
    site = court.site
    early = CheckRun.objects.create(site=site, finished_at=aware(2026, 4, 10, 9))
    CheckRun.objects.filter(pk=early.pk).update(started_at=aware(2026, 4, 10, 9))
    Finding.objects.create(run=early, check_key="a", group="sistem", severity=KRITIS, title="x")
    latest = CheckRun.objects.create(site=site, finished_at=aware(2026, 6, 20, 9))
    CheckRun.objects.filter(pk=latest.pk).update(started_at=aware(2026, 6, 20, 9))
    for title in ("a", "b"):
        Finding.objects.create(run=latest, check_key=title, group="sistem", severity=KRITIS, title=title)
    Finding.objects.create(run=latest, check_key="c", group="sistem", severity=BAIK, title="c")
    after = CheckRun.objects.create(site=site, finished_at=aware(2026, 7, 2, 9))  # outside the period
    CheckRun.objects.filter(pk=after.pk).update(started_at=aware(2026, 7, 2, 9))
    Finding.objects.create(run=after, check_key="z", group="sistem", severity=KRITIS, title="z")

    def plan(title, created, due, status=""):
        return FollowUpPlan.objects.create(court=site, title=title, assignee=users["pranata"], due_date=due,
                                           status=status, created_at=aware(*created))
    done = plan("a", (2026, 4, 3, 9), datetime.date(2026, 5, 1), FollowUpPlan.SELESAI)
    FollowUpPlan.objects.filter(pk=done.pk).update(closed_at=aware(2026, 4, 28, 10))
    plan("b", (2026, 5, 3, 9), datetime.date(2026, 6, 1), FollowUpPlan.DISETUJUI)  # overdue at the period's end
    plan("c", (2026, 6, 3, 9), datetime.date(2026, 7, 15))
    plan("d", (2026, 3, 3, 9), datetime.date(2026, 3, 20))  # made before the period, still overdue

    row = {row.site_id: row for row in figures.compute(Site.objects.all(), period)}[site.pk]
    expected = court_score(site, datetime.date(2026, 6, 30))
    assert (row.checklist_total, row.checklist_maximum) == (expected.total, expected.maximum)
    assert row.critical == 2 and row.last_check == datetime.date(2026, 6, 20)
    assert (row.plans_made, row.plans_closed, row.plans_overdue) == (3, 1, 2)


def test_the_monitoring_figures_take_the_same_queries_for_3_and_9_courts(client_for):
    """With check runs, findings, checklist fulfilments and plans in every court, the table's query count does
    not depend on the number of courts."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from monitoring.penilaian.models import ChecklistItem, Pemenuhan
    from nasional import generate
    from tests.support.factories import UserFactory

    item = ChecklistItem.objects.order_by("order", "pk").first()

    def monitor(sites):
        for site in sites:
            run = CheckRun.objects.create(site=site, finished_at=aware(2025, 5, 2, 9))
            CheckRun.objects.filter(pk=run.pk).update(started_at=aware(2025, 5, 2, 9))
            Finding.objects.create(run=run, check_key="a", group="sistem", severity=KRITIS, title="a")
            Pemenuhan.objects.create(site=site, item=item, url="https://sipp.example.go.id/")
            FollowUpPlan.objects.create(court=site, title="Perbaiki", due_date=datetime.date(2025, 5, 20),
                                        created_at=aware(2025, 5, 3, 9))

    client = client_for(UserFactory(username="root", is_superuser=True, is_staff=True))
    query = {"periode": "triwulan", "tahun": 2025, "ke": 2}

    def measure():
        client.get(reverse("nasional_report"), query)  # warm caches first
        with CaptureQueriesContext(connection) as queries:
            response = client.get(reverse("nasional_report"), query)
        rows = response.context["object_list"]
        assert all(row.critical == 1 and row.plans_made == 1 and row.plans_overdue == 1 for row in rows)
        return len(queries), len(rows)

    generate.generate(3, 4, 2025, log=lambda text: None)
    monitor(Site.objects.all())
    few, shown = measure()
    before = set(Site.objects.values_list("pk", flat=True))
    generate.generate(6, 4, 2025, seed=7, log=lambda text: None)
    monitor(Site.objects.exclude(pk__in=before))
    many, shown_many = measure()
    assert shown_many == shown + 6
    assert many == few
