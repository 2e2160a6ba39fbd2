"""The figures of a programme for a period (SOP A5-A6): activities planned vs done, progress per area, issues.

An activity is planned within the period when its schedule ends by the period's end (its end month, in the
programme's year); it is done by then when its latest progress report up to the period's end says 100 %.
"""

import calendar
import datetime
from dataclasses import dataclass, field

from .models import Activity


@dataclass
class ActivityRow:
    activity: Activity
    percent: int
    planned: bool
    done: bool


@dataclass
class AreaRow:
    key: str
    label: str
    count: int = 0
    planned: int = 0
    done: int = 0
    percent_sum: int = 0

    @property
    def average(self):
        return round(self.percent_sum / self.count) if self.count else 0


@dataclass
class Figures:
    program: object
    start: datetime.date
    end: datetime.date
    rows: list = field(default_factory=list)
    areas: list = field(default_factory=list)
    issues: list = field(default_factory=list)

    @property
    def planned(self):
        return sum(1 for row in self.rows if row.planned)

    @property
    def done(self):
        return sum(1 for row in self.rows if row.done)

    @property
    def done_of_planned(self):
        return sum(1 for row in self.rows if row.planned and row.done)

    @property
    def average(self):
        return round(sum(row.percent for row in self.rows) / len(self.rows)) if self.rows else 0


def scheduled_end(activity):
    year = activity.program.year
    return datetime.date(year, activity.month_end, calendar.monthrange(year, activity.month_end)[1])


def compute(program, start, end):
    figures = Figures(program=program, start=start, end=end)
    areas = {key: AreaRow(key=key, label=str(label)) for key, label in Activity.AREAS}
    activities = list(program.activities.select_related("responsible", "program")
                      .prefetch_related("progress_reports"))
    for activity in activities:
        reports = sorted((report for report in activity.progress_reports.all() if report.date <= end),
                         key=lambda report: (report.date, report.pk))
        percent = reports[-1].percent if reports else 0
        row = ActivityRow(activity=activity, percent=percent, planned=scheduled_end(activity) <= end,
                          done=percent >= 100)
        figures.rows.append(row)
        area = areas[activity.area]
        area.count += 1
        area.planned += row.planned
        area.done += row.done
        area.percent_sum += percent
        figures.issues.extend(report for report in reports if report.issue.strip() and start <= report.date)
    figures.areas = [area for area in areas.values() if area.count]
    figures.issues.sort(key=lambda report: (report.date, report.pk))
    return figures
