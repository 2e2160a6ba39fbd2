"""Report periods: month, quarter, semester, year or a custom range, with the period before for trends.

Courts report monev monthly, quarterly, per semester and yearly; every period is a closed range of whole
days in the court's calendar.
"""

import datetime
from dataclasses import dataclass

from django.utils.formats import date_format, get_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

MONTH = "bulan"
QUARTER = "triwulan"
SEMESTER = "semester"
YEAR = "tahun"
CUSTOM = "kustom"
KINDS = [
    (MONTH, gettext_lazy("Bulanan")),
    (QUARTER, gettext_lazy("Triwulan")),
    (SEMESTER, gettext_lazy("Semester")),
    (YEAR, gettext_lazy("Tahunan")),
    (CUSTOM, gettext_lazy("Periode lain")),
]
MONTHS_PER_KIND = {MONTH: 1, QUARTER: 3, SEMESTER: 6, YEAR: 12}
ROMAN = ["I", "II", "III", "IV"]


def _add_months(day, months):
    index = day.year * 12 + day.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


@dataclass(frozen=True)
class Period:
    kind: str
    start: datetime.date
    end: datetime.date  # inclusive

    @classmethod
    def containing(cls, kind, day):
        """The month / quarter / semester / year that contains `day`."""
        months = MONTHS_PER_KIND[kind]
        first_month = (day.month - 1) // months * months + 1
        start = datetime.date(day.year, first_month, 1)
        return cls(kind, start, _add_months(start, months) - datetime.timedelta(days=1))

    @classmethod
    def of(cls, kind, year, number=1):
        """Period number `number` (1-based: month 1-12, quarter 1-4, semester 1-2) of a year."""
        months = MONTHS_PER_KIND[kind]
        if not 1 <= number <= 12 // months:
            raise ValueError(f"{kind} {number} does not exist")
        return cls.containing(kind, datetime.date(year, (number - 1) * months + 1, 1))

    @classmethod
    def custom(cls, start, end):
        if end < start:
            raise ValueError("end before start")
        return cls(CUSTOM, start, end)

    @property
    def days(self):
        return (self.end - self.start).days + 1

    @property
    def number(self):
        if self.kind == CUSTOM:
            return None
        return (self.start.month - 1) // MONTHS_PER_KIND[self.kind] + 1

    def previous(self):
        """The period just before, of the same kind (custom: the same number of days)."""
        if self.kind == CUSTOM:
            return Period(CUSTOM, self.start - datetime.timedelta(days=self.days),
                          self.start - datetime.timedelta(days=1))
        return Period.containing(self.kind, self.start - datetime.timedelta(days=1))

    @property
    def label(self):
        if self.kind == MONTH:
            return date_format(self.start, "YEAR_MONTH_FORMAT")
        if self.kind == QUARTER:
            return _("Triwulan %(number)s %(year)s") % {"number": ROMAN[self.number - 1], "year": self.start.year}
        if self.kind == SEMESTER:
            return _("Semester %(number)s %(year)s") % {"number": ROMAN[self.number - 1], "year": self.start.year}
        if self.kind == YEAR:
            return _("Tahun %(year)s") % {"year": self.start.year}
        return f"{format_day(self.start)} – {format_day(self.end)}"

    @property
    def daily_buckets(self):
        return self.kind == MONTH or (self.kind == CUSTOM and self.days <= 62)

    def buckets(self):
        """Trend buckets: (label, first day, last day); days for a month or a short range, months otherwise."""
        if self.daily_buckets:
            # A month's days by number; a custom range's as a short day and month in the language's order.
            day_format = "j" if self.kind == MONTH else short_month_day_format()
            return [(date_format(day, day_format), day, day)
                    for day in (self.start + datetime.timedelta(days=i) for i in range(self.days))]
        result = []
        month_format = "M" if self.start.year == self.end.year else "M y"  # 'Okt', or 'Okt 25' across years
        month = datetime.date(self.start.year, self.start.month, 1)
        while month <= self.end:
            last = _add_months(month, 1) - datetime.timedelta(days=1)
            result.append((date_format(month, month_format), max(month, self.start), min(last, self.end)))
            month = _add_months(month, 1)
        return result

    def as_dict(self):
        return {"kind": self.kind, "start": self.start.isoformat(), "end": self.end.isoformat(),
                "label": str(self.label)}


def format_day(day):
    """A date in the active language's DATE_FORMAT: '5 Januari 2026', 'Jan. 5, 2026'."""
    return date_format(day, "DATE_FORMAT")


def short_month_day_format():
    """The language's MONTH_DAY_FORMAT with the month abbreviated: 'j M' ('10 Mar'), 'M j' ('Mar 10')."""
    return get_format("MONTH_DAY_FORMAT").replace("F", "M")
