"""Time taken against the Mutu Baku standard, counted in the court's working hours.

Everything that turns timestamps into durations lives here: the working-time
arithmetic (pure, on a Schedule), the schedule of a court's site (WorkingHours
setting + holidays) and the standard that applies to a step for an item.
"""

import bisect
import datetime
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

DAY = 24 * 60 * 60
T = datetime.time

# The working week of the Mahkamah Agung's courts, the default for a new court: Monday to Thursday
# 08:00-16:30 with a break 12:00-13:00, Friday 08:00-17:00 with a longer break for Friday prayers.
# One entry per weekday (Monday = 0): (start, end, break start, break end), None when closed.
STANDARD_WEEK = (
    (T(8, 0), T(16, 30), T(12, 0), T(13, 0)),
    (T(8, 0), T(16, 30), T(12, 0), T(13, 0)),
    (T(8, 0), T(16, 30), T(12, 0), T(13, 0)),
    (T(8, 0), T(16, 30), T(12, 0), T(13, 0)),
    (T(8, 0), T(17, 0), T(11, 30), T(13, 0)),
    None,
    None,
)


def _seconds(moment):
    return moment.hour * 3600 + moment.minute * 60 + moment.second + moment.microsecond / 1_000_000


def day_intervals(start, end, break_start=None, break_end=None):
    """One day's working time as (from, to) pairs of seconds after midnight: one pair, or two around a break."""
    if start is None or end is None:
        return ()
    if break_start is None or break_end is None:
        return ((_seconds(start), _seconds(end)),)
    return ((_seconds(start), _seconds(break_start)), (_seconds(break_end), _seconds(end)))


@dataclass(frozen=True)
class Schedule:
    """A court's working week and days off.

    `week` holds, per weekday (Monday = 0), the working intervals of that day in seconds after
    local midnight; `holidays` the dates on which nobody works.
    """

    tz: ZoneInfo
    week: tuple
    holidays: frozenset = frozenset()
    # Derived once, so that a long span is counted by arithmetic instead of day by day.
    _day_totals: tuple = field(init=False, repr=False, compare=False)
    _week_total: float = field(init=False, repr=False, compare=False)
    _sorted_holidays: tuple = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        totals = tuple(sum(close - open_ for open_, close in self.week[day]) for day in range(7))
        object.__setattr__(self, "_day_totals", totals)
        object.__setattr__(self, "_week_total", sum(totals))
        object.__setattr__(self, "_sorted_holidays", tuple(sorted(self.holidays)))

    @classmethod
    def from_hours(cls, tz, days, holidays=frozenset()):
        """`days`: seven (start, end, break start, break end) tuples of times, or None for a closed day."""
        return cls(tz, tuple(day_intervals(*day) if day else () for day in days), frozenset(holidays))

    def is_workday(self, day):
        return bool(self.week[day.weekday()]) and day not in self.holidays

    def seconds_on(self, day, start=0, end=DAY):
        """Working seconds on one date between two times of day (seconds after midnight)."""
        if day in self.holidays:
            return 0
        return sum(max(0, min(end, close) - max(start, open_)) for open_, close in self.week[day.weekday()])

    def seconds_between_days(self, first, last):
        """Working seconds of the whole days from `first` up to, not including, `last`."""
        days = (last - first).days
        if days <= 0:
            return 0
        weeks, rest = divmod(days, 7)
        weekday = first.weekday()
        total = weeks * self._week_total + sum(self._day_totals[(weekday + i) % 7] for i in range(rest))
        low = bisect.bisect_left(self._sorted_holidays, first)
        high = bisect.bisect_left(self._sorted_holidays, last)
        return total - sum(self._day_totals[day.weekday()] for day in self._sorted_holidays[low:high])


DEFAULT_SCHEDULE = Schedule.from_hours(ZoneInfo("Asia/Jakarta"), STANDARD_WEEK)


def working_seconds(start, end, schedule=DEFAULT_SCHEDULE):
    """Seconds of working time between two aware datetimes, in the schedule's local (wall-clock) time."""
    if end <= start:
        return 0
    local_start, local_end = start.astimezone(schedule.tz), end.astimezone(schedule.tz)
    first, last = local_start.date(), local_end.date()
    if first == last:
        return int(schedule.seconds_on(first, _seconds(local_start), _seconds(local_end)))
    total = (schedule.seconds_on(first, start=_seconds(local_start))
             + schedule.seconds_between_days(first + datetime.timedelta(days=1), last)
             + schedule.seconds_on(last, end=_seconds(local_end)))
    return int(total)


def schedule_for_site(site):
    """The working hours and days off of one court (the standard week when the site is unknown).

    Days off are the national holidays and cuti bersama (rows without a site), except those the
    court has marked as working days, plus the court's own days off.
    """
    from editorial.models import Holiday, WorkingHours

    if site is None:
        national = Holiday.objects.filter(site__isnull=True).values_list("date", flat=True)
        return Schedule.from_hours(DEFAULT_SCHEDULE.tz, STANDARD_WEEK, national)
    rows = Holiday.objects.filter(Q(site__isnull=True) | Q(site=site)).values_list("date", "working_day")
    off = {day for day, working in rows if not working}
    worked = {day for day, working in rows if working}
    hours = WorkingHours.for_site(site)
    return Schedule.from_hours(ZoneInfo(hours.timezone), hours.week, off - worked)


def procedures_for(page):
    """The SOP procedures an item takes part in: website (B) always, social media (C) when it has a social draft."""
    from editorial.models.standards import PROCEDURE_SOCIAL, PROCEDURE_WEBSITE

    own = getattr(page, "sop_procedures", None)  # an item of another procedure says which (a follow-up plan)
    if own:
        return list(own)
    procedures = [PROCEDURE_WEBSITE]
    if getattr(page, "social_enabled", False):
        procedures.append(PROCEDURE_SOCIAL)
    return procedures


def standard_minutes(step, page):
    """Standard time of a workflow step for this item: the sum of the Mutu Baku rows it falls under."""
    from editorial.models import MutuBaku

    return MutuBaku.objects.minutes_for(step, procedures_for(page))


def elapsed_seconds(record, now=None, schedule=None):
    """Working time a step took (finished) or has taken so far (open)."""
    if record.working_seconds is not None and record.finished_at is not None:
        return record.working_seconds
    schedule = schedule or schedule_for_site(record.site)
    return working_seconds(record.started_at, record.finished_at or now or timezone.now(), schedule)


def met_standard(seconds, standard_minutes):
    """The Mutu Baku rule: a step meets its standard when its working time is at most the standard.

    True or False; None when there is nothing to measure against (no standard, 0 minutes) or no time
    (no seconds). For a step still open, `seconds` is the time so far: False means it is already late.
    StepRecordQuerySet.met_standard() asks the same question of the database.
    """
    if not standard_minutes or seconds is None:
        return None
    return seconds <= standard_minutes * 60


def is_overdue(record, now=None, schedule=None):
    if not record.standard_minutes:
        return False  # nothing to be late against: spare the working-time count
    return met_standard(elapsed_seconds(record, now, schedule), record.standard_minutes) is False


def format_duration(seconds):
    """'1 jam 5 menit', '45 menit', '0 menit' (rounded down to whole minutes)."""
    if seconds is None:
        return "—"
    minutes = int(seconds) // 60
    hours, minutes = divmod(minutes, 60)
    if hours and minutes:
        return _("%(hours)s %(minutes)s") % {"hours": _hours(hours), "minutes": _minutes(minutes)}
    if hours:
        return _hours(hours)
    return _minutes(minutes)


def _hours(value):
    return ngettext("%(count)d jam", "%(count)d jam", value) % {"count": value}


def _minutes(value):
    return ngettext("%(count)d menit", "%(count)d menit", value) % {"count": value}
