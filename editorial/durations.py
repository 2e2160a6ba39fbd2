"""Time taken against the Mutu Baku standard, counted in the court's working hours.

Everything that turns timestamps into durations lives here: the working-time
arithmetic (pure, on a Schedule), the schedule of a court's site (WorkingHours
setting + holidays) and the standard that applies to a step for an item.
"""

import datetime
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

MAX_DAYS = 3660  # a step open for ten years is counted up to there; keeps the loop bounded


@dataclass(frozen=True)
class Schedule:
    tz: ZoneInfo
    start: datetime.time
    end: datetime.time
    workdays: frozenset
    holidays: frozenset = frozenset()

    def is_workday(self, day):
        return day.weekday() in self.workdays and day not in self.holidays

    def day_window(self, day):
        """Opening and closing time of a working day, as aware datetimes."""
        return (datetime.datetime.combine(day, self.start, tzinfo=self.tz),
                datetime.datetime.combine(day, self.end, tzinfo=self.tz))


DEFAULT_SCHEDULE = Schedule(ZoneInfo("Asia/Jakarta"), datetime.time(8, 0), datetime.time(16, 30),
                            frozenset(range(5)))


def working_seconds(start, end, schedule=DEFAULT_SCHEDULE):
    """Seconds of working time between two aware datetimes."""
    if end <= start:
        return 0
    local_start, local_end = start.astimezone(schedule.tz), end.astimezone(schedule.tz)
    day, last = local_start.date(), local_end.date()
    total = 0
    for _i in range(MAX_DAYS):
        if day > last:
            break
        if schedule.is_workday(day):
            opens, closes = schedule.day_window(day)
            overlap = (min(local_end, closes) - max(local_start, opens)).total_seconds()
            total += max(0, int(overlap))
        day += datetime.timedelta(days=1)
    return total


def schedule_for_site(site):
    """The working hours and holidays of one court (defaults when the site is unknown)."""
    from editorial.models import Holiday, WorkingHours

    holidays = Holiday.objects.filter(Q(site__isnull=True) | Q(site=site)) if site else Holiday.objects.filter(
        site__isnull=True)
    holiday_dates = frozenset(holidays.values_list("date", flat=True))
    if site is None:
        return Schedule(DEFAULT_SCHEDULE.tz, DEFAULT_SCHEDULE.start, DEFAULT_SCHEDULE.end,
                        DEFAULT_SCHEDULE.workdays, holiday_dates)
    hours = WorkingHours.for_site(site)
    return Schedule(ZoneInfo(hours.timezone), hours.start_time, hours.end_time, hours.weekdays, holiday_dates)


def procedures_for(page):
    """The SOP procedures an item takes part in: website (B) always, social media (C) when it has a social draft."""
    from editorial.models.standards import PROCEDURE_SOCIAL, PROCEDURE_WEBSITE

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


def is_overdue(record, now=None, schedule=None):
    return bool(record.standard_minutes) and elapsed_seconds(record, now, schedule) > record.standard_minutes * 60


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
