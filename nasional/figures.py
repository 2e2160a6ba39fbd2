"""Every court's figures for one period, computed from the courts' own data in a fixed number of queries.

The same definitions as a court's monev report (monev.report), asked of all courts at once:

- published: items of the court's counted page types (its Pengaturan monev) first published in the
  period, counted per court by the court's root page path (a court's pages are those whose
  treebeard path starts with its root's path: one GROUP BY over the path prefix);
- SOP compliance: the finished editorial steps with a Mutu Baku standard, per court: how many, the
  share within the standard, and the median and 90th percentile of the time taken as a share of
  the step's standard (steps have different standards, so a court's steps are compared through
  their ratio to it: 100 % is exactly the standard);
- social delivery health: the deliveries created in the period, sent / failed / needing a check;
- website views: the daily page view counters of the period;
- website monitoring, as the court's monev report has it (monev.report.website): the public-information checklist
  score (SK KMA 2-144) on the period's last day, the critical findings of the court's latest finished check run
  started in the period (and that run's day), and the follow-up plans made in the period, how many of those are
  closed, and those not closed whose due date has passed by the period's end.

Each family is one query (the checklist score two: the items and every court's fulfilments; on PostgreSQL the
percentiles are computed by the database), whatever the number of courts; a period's bounds are each court's own
days, in its time zone (a court's working hours setting), as in its monev report.
"""

import datetime
from dataclasses import dataclass, field
from types import SimpleNamespace
from zoneinfo import ZoneInfo

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import Aggregate, Count, F, FloatField, Q, Sum
from django.db.models import Window as Over
from django.db.models.functions import Cast, RowNumber, Substr
from wagtail.models import Page

from cms import court_types
from editorial.durations import met_standard
from editorial.models import StepRecord
from editorial.models.timing import met_standard_condition
from monev.models import MonevSettings, PageViewDaily
from monev.report import Window, court_name, stats
from monev.report.publication import DELIVERY_COLUMNS
from monitoring.models import KRITIS, CheckRun
from monitoring.penilaian.scoring import court_scores
from publishers.social.models import SocialDelivery

DEFAULT_TIMEZONE = "Asia/Jakarta"  # a court without working hours yet (editorial.WorkingHours' default)


@dataclass
class CourtRow:
    """One court and its figures for the period."""

    site_id: int
    name: str
    court_type: str
    appellate_id: int | None
    appellate_name: str
    root_path: str
    root_depth: int
    timezone: str
    counted_types: list
    published: int = 0
    measured: int = 0
    met: int = 0
    median_ratio: float | None = None
    p90_ratio: float | None = None
    sent: int = 0
    failed: int = 0
    needs_check: int = 0
    views: int = 0
    checklist_total: int | None = None
    checklist_maximum: int | None = None
    checklist_percent: float | None = None  # a share, 0 to 1
    critical: int | None = None  # None: no check run in the period
    last_check: datetime.date | None = None
    plans_made: int = 0
    plans_closed: int = 0
    plans_overdue: int = 0
    extra: dict = field(default_factory=dict)

    @property
    def directorate(self):
        return court_types.directorate_of(self.court_type)

    @property
    def directorate_label(self):
        return court_types.DIRECTORATE_SHORT.get(self.directorate, "")

    @property
    def type_label(self):
        return court_types.SHORT.get(self.court_type, "")

    @property
    def met_share(self):
        return stats.share(self.met, self.measured)

    @property
    def checklist_score(self):
        """"skor / maksimum" of the checklist; "—" while no item is scored."""
        if not self.checklist_maximum:
            return "—"
        return f"{self.checklist_total} / {self.checklist_maximum}"


def courts(sites):
    """The courts of a Site queryset as rows without figures, in one query."""
    values = sites.values(
        "pk", "site_name", "hostname", "root_page__path", "root_page__depth", "courtsettings__court_name",
        "courtsettings__court_type", "courtsettings__appellate_court", "courtsettings__appellate_court__site_name",
        "courtsettings__appellate_court__hostname", "courtsettings__appellate_court__courtsettings__court_name",
        "workinghours__timezone", "monevsettings__counted_page_types",
    ).order_by()
    rows = []
    for v in values:
        site = SimpleNamespace(site_name=v["site_name"], hostname=v["hostname"])
        appellate = ""
        if v["courtsettings__appellate_court"]:
            appellate = court_name(
                SimpleNamespace(court_name=v["courtsettings__appellate_court__courtsettings__court_name"]),
                SimpleNamespace(site_name=v["courtsettings__appellate_court__site_name"],
                                hostname=v["courtsettings__appellate_court__hostname"]))
        counted = MonevSettings(counted_page_types=v["monevsettings__counted_page_types"]).counted_models()
        rows.append(CourtRow(
            site_id=v["pk"], name=court_name(SimpleNamespace(court_name=v["courtsettings__court_name"]), site),
            court_type=v["courtsettings__court_type"] or "", appellate_id=v["courtsettings__appellate_court"],
            appellate_name=appellate, root_path=v["root_page__path"], root_depth=v["root_page__depth"],
            timezone=v["workinghours__timezone"] or DEFAULT_TIMEZONE, counted_types=counted,
        ))
    return rows


def compute(sites, period):
    """[CourtRow] of every court in `sites` (a Site queryset) with its figures for `period`."""
    rows = courts(sites)
    if rows:
        for family in FAMILIES:
            family(rows, period)
    return rows


def _windows(rows, period):
    """{time zone: (Window, [rows])}: the period's bounds in each court's own time zone."""
    groups = {}
    for row in rows:
        groups.setdefault(row.timezone, []).append(row)
    return {tz: (Window.of(period, ZoneInfo(tz)), members) for tz, members in groups.items()}


def _within(rows, period, field):
    """The condition "`field` falls in the period, on each court's own days", one query for every court: an
    envelope over all the courts' time zones (what the database's index on the field narrows to), and within
    it each time zone's exact bounds for the courts in it."""
    windows = _windows(rows, period)
    condition = Q()
    for window, members in windows.values():
        condition |= Q(**{"site_id__in": [row.site_id for row in members], f"{field}__gte": window.start,
                          f"{field}__lt": window.end})
    envelope = Q(**{f"{field}__gte": min(window.start for window, _m in windows.values()),
                    f"{field}__lt": max(window.end for window, _m in windows.values())})
    return envelope & condition


def _by_site(rows):
    return {row.site_id: row for row in rows}


def publication(rows, period):
    """Items first published in the period, per court (its counted page types): one query per depth at which
    courts' root pages sit (one in every deployment that keeps courts directly under the tree root)."""
    models = {model for row in rows for model in row.counted_types}
    content_types = ContentType.objects.get_for_models(*models) if models else {}
    counted = {row.site_id: {content_types[model].pk for model in row.counted_types} for row in rows}
    by_path = {}
    for row in rows:
        by_path.setdefault(row.root_depth, {})[row.root_path] = row
    windows = _windows(rows, period)
    envelope = Q(first_published_at__gte=min(window.start for window, _m in windows.values()),
                 first_published_at__lt=max(window.end for window, _m in windows.values()))
    for depth, courts_here in by_path.items():
        condition = Q()
        for window, members in windows.values():
            paths = [row.root_path for row in members if row.root_depth == depth]
            if paths:
                condition |= Q(court_path__in=paths, first_published_at__gte=window.start,
                               first_published_at__lt=window.end)
        pages = (Page.objects.annotate(court_path=Substr("path", 1, depth * Page.steplen))
                 .filter(envelope, condition, depth__gt=depth,
                         content_type_id__in={pk for ids in counted.values() for pk in ids})
                 .values("court_path", "content_type_id").annotate(n=Count("id")).order_by())
        for entry in pages:
            row = courts_here[entry["court_path"]]
            if entry["content_type_id"] in counted[row.site_id]:
                row.published += entry["n"]


class Percentiles(Aggregate):
    """PostgreSQL's percentile_cont for several fractions over one sort: [median, p90], interpolated between the
    closest ranks as monev.report.stats does."""

    function = "PERCENTILE_CONT"
    template = "%(function)s(ARRAY[%(fractions)s]::float8[]) WITHIN GROUP (ORDER BY %(expressions)s)"

    def __init__(self, expression, fractions, **extra):
        from django.contrib.postgres.fields import ArrayField

        super().__init__(expression, fractions=", ".join(str(float(f)) for f in fractions),
                         output_field=ArrayField(FloatField()), **extra)


def _measured_steps(rows, period):
    """Finished, not withdrawn steps with a standard (StepRecordQuerySet.measured), each counted in the period
    (its court's days) in which it finished: the steps a court's monev report measures."""
    return (StepRecord.objects.measured().filter(_within(rows, period, "finished_at"))
            .exclude(outcome=StepRecord.CANCELLED).order_by())


def compliance(rows, period):
    """Per court: the steps measured, how many met their Mutu Baku standard (editorial's one rule, in the
    database as met_standard_condition, in Python as durations.met_standard) and the median and p90 of the
    time taken as a share of the standard."""
    by_site = _by_site(rows)
    steps = _measured_steps(rows, period)
    if connection.vendor == "postgresql":
        ratio = Cast("working_seconds", FloatField()) / (F("standard_minutes") * 60.0)
        for entry in steps.values("site_id").annotate(
                measured=Count("id"), met=Count("id", filter=met_standard_condition()),
                percentiles=Percentiles(ratio, (0.5, 0.9))):
            row = by_site[entry["site_id"]]
            row.measured, row.met = entry["measured"], entry["met"]
            row.median_ratio, row.p90_ratio = entry["percentiles"]
        return
    # Elsewhere (SQLite has no percentile function) the ratios come in one sorted list per court.
    entries = {}
    for site_id, seconds, standard in steps.values_list("site_id", "working_seconds", "standard_minutes"):
        entries.setdefault(site_id, []).append((seconds / (standard * 60), met_standard(seconds, standard)))
    for site_id, measured in entries.items():
        row = by_site[site_id]
        ratios = sorted(ratio for ratio, _met in measured)
        row.measured, row.met = len(ratios), sum(1 for _ratio, met in measured if met)
        row.median_ratio, row.p90_ratio = stats.median(ratios), stats.p90(ratios)


def deliveries(rows, period):
    """Social deliveries created in the period (its court's days), by outcome, as the monev report groups them."""
    by_site = _by_site(rows)
    for entry in (SocialDelivery.objects.filter(_within(rows, period, "created_at")).values("site_id", "status")
                  .annotate(n=Count("id")).order_by()):
        column = DELIVERY_COLUMNS.get(entry["status"])
        if column:
            row = by_site[entry["site_id"]]
            setattr(row, column, getattr(row, column) + entry["n"])


def website(rows, period):
    """Page views counted on the court's days of the period."""
    by_site = _by_site(rows)
    for entry in (PageViewDaily.objects.filter(site_id__in=list(by_site), date__gte=period.start,
                                               date__lte=period.end)
                  .values("site_id").annotate(n=Sum("views")).order_by()):
        by_site[entry["site_id"]].views = entry["n"] or 0


def checklist(rows, period):
    """The public-information checklist score of each court on the period's last day (penilaian.court_score's)."""
    scores = court_scores({row.site_id: row.root_path for row in rows}, on=period.end)
    for row in rows:
        score = scores[row.site_id]
        row.checklist_total, row.checklist_maximum = score.total, score.maximum
        row.checklist_percent = score.total / score.maximum if score.maximum else None


def monitoring(rows, period):
    """Per court: its latest finished check run started in the period (its court's days), the day of that run in
    the court's time zone and the number of its critical findings, in one query (the runs ranked per court in the
    database, the findings counted per run)."""
    by_site = _by_site(rows)
    latest = (CheckRun.objects.filter(_within(rows, period, "started_at"), finished_at__isnull=False)
              .annotate(n_critical=Count("findings", filter=Q(findings__severity=KRITIS)),
                        rank=Over(RowNumber(), partition_by=[F("site_id")],
                                    order_by=[F("started_at").desc(), F("pk").desc()]))
              .filter(rank=1).values_list("site_id", "started_at", "n_critical").order_by())
    for site_id, started_at, critical in latest:
        row = by_site[site_id]
        row.last_check = started_at.astimezone(ZoneInfo(row.timezone)).date()
        row.critical = critical


def follow_up(rows, period):
    """Follow-up plans per court, as the court's monev report counts them (FollowUpPlan.objects.in_period and
    .overdue): made in the period (the plan's creation day in the site's time zone), of those the closed ones, and
    those not closed whose due date is the period's last day or earlier. One query."""
    if not apps.is_installed("editorial.tindaklanjut"):
        return
    from editorial.tindaklanjut.models import FollowUpPlan

    by_site = _by_site(rows)
    made = Q(created_at__date__gte=period.start, created_at__date__lte=period.end)
    overdue = Q(due_date__lt=period.end + datetime.timedelta(days=1)) & ~Q(status=FollowUpPlan.SELESAI)
    for entry in (FollowUpPlan.objects.filter(made | overdue, court_id__in=list(by_site)).values("court_id")
                  .annotate(made=Count("pk", filter=made), closed=Count("pk", filter=made & Q(closed_at__isnull=False)),
                            overdue=Count("pk", filter=overdue)).order_by()):
        row = by_site[entry["court_id"]]
        row.plans_made, row.plans_closed, row.plans_overdue = entry["made"], entry["closed"], entry["overdue"]


FAMILIES = [publication, compliance, deliveries, website, checklist, monitoring, follow_up]
