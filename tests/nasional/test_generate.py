"""The bulk generator: a valid page tree, courts under their appellate courts, and a national table that matches
the generator's own ledger counted by hand."""

import math
from collections import Counter

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page, Site

from cms import court_types
from cms.models import CourtSettings, NewsPage
from monev.periods import Period
from nasional import figures, generate
from publishers.social.models import DeliveryStatus

pytestmark = pytest.mark.django_db

SENT = {DeliveryStatus.SENT, DeliveryStatus.REMOVED}


def hand_percentile(values, fraction):
    values = sorted(values)
    if not values:
        return None
    rank = (len(values) - 1) * fraction
    low = math.floor(rank)
    high = min(low + 1, len(values) - 1)
    return values[low] + (values[high] - values[low]) * (rank - low)


def hand_count(ledger, period):
    from zoneinfo import ZoneInfo

    from monev.report import Window

    window = Window.of(period, ZoneInfo(ledger.timezone))

    def inside(moment):
        return window.start <= moment < window.end

    ratios = [seconds / (standard * 60) for finished, seconds, standard, outcome in ledger.steps
              if inside(finished) and standard and outcome != "cancelled"]
    statuses = Counter(status for created, status in ledger.deliveries if inside(created))
    return (
        sum(1 for moment, _kind in ledger.items if inside(moment)),
        len(ratios),
        sum(1 for ratio in ratios if ratio <= 1),
        hand_percentile(ratios, 0.5),
        hand_percentile(ratios, 0.9),
        sum(n for status, n in statuses.items() if status in SENT),
        statuses[DeliveryStatus.FAILED],
        statuses[DeliveryStatus.NEEDS_CHECK],
        sum(n for day, n in ledger.views if period.start <= day <= period.end),
    )


def test_a_generated_set_matches_its_ledger_for_every_period():
    generator = generate.generate(6, 40, 2025, keep=True, log=lambda text: None)
    assert [len(problems) for problems in Page.find_problems()] == [0, 0, 0, 0, 0]
    assert generator.totals["courts"] == 6 and generator.totals["revisions"] == 240
    sites = generate.generated_courts()
    for period in (Period.of("triwulan", 2025, 1), Period.of("triwulan", 2025, 4), Period.of("tahun", 2025),
                   Period.of("bulan", 2025, 7)):
        rows = {row.site_id: row for row in figures.compute(sites, period)}
        for ledger in generator.ledgers:
            row = rows[ledger.site_id]
            actual = (row.published, row.measured, row.met, row.median_ratio, row.p90_ratio, row.sent, row.failed,
                      row.needs_check, row.views)
            expected = hand_count(ledger, period)
            for got, want in zip(actual, expected):
                assert got == pytest.approx(want) if want is not None else got is None, (period, actual, expected)
    year = {row.site_id: row for row in figures.compute(sites, Period.of("tahun", 2025))}
    assert sum(row.published for row in year.values()) == 240  # every item falls in the year


def test_generated_courts_sit_under_appellate_courts_of_the_right_type():
    generate.generate(12, 5, 2025, log=lambda text: None)
    settings = CourtSettings.objects.filter(site__in=generate.generated_courts()).select_related("appellate_court")
    assert settings.count() == 12
    for court in settings:
        expected = court_types.BY_CODE[court.court_type].appeal_type
        if court.appellate_court_id:
            assert CourtSettings.objects.get(site=court.appellate_court).court_type == expected
        else:
            assert court_types.is_appellate(court.court_type)
    item = NewsPage.objects.order_by("pk").first()
    site = Site.objects.get(root_page=item.get_ancestors().get(depth=2))
    assert item.url_path.startswith(f"/{site.hostname.split('.')[0]}/berita/")
    assert item.live and item.live_revision.as_object().title == item.title
    assert item.get_parent().specific.__class__.__name__ == "NewsIndexPage"


def test_the_plan_keeps_the_national_proportions():
    courts = generate.plan(900)
    counts = Counter(court.code for court in courts)
    assert len(courts) == 900 and counts["PN"] > 300 and counts["PA"] > 300 and counts["PT"] > 20
    for court in courts:
        if court.appellate is not None:
            assert courts[court.appellate].code == court_types.BY_CODE[court.code].appeal_type
    assert [court.code for court in generate.plan(1)] == ["PN"]


def test_the_command_refuses_a_second_set_and_production(settings):
    settings.DEBUG = True
    call_command("generate_national", courts=2, items=1, year=2025, stdout=None)
    with pytest.raises(CommandError, match="Sudah ada 2 pengadilan uji"):
        call_command("generate_national", courts=2, items=1, year=2025)
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG mati"):
        call_command("generate_national", courts=2, items=1, year=2025)
