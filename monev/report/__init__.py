"""The monev report of one court for one period, as plain JSON-able figures.

compute() runs a fixed number of aggregate queries (see test_monev_report's
query-count test), so the year report costs the same for ten items or ten
thousand. The figures feed the admin page, the PDF, the spreadsheets and the
archive (which stores them as they were at approval).
"""

import datetime
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.utils import timezone

from cms.models import CourtSettings
from editorial.models import WorkingHours

from . import compliance, engagement, publication, stats, website

VERSION = 2  # 2: publication credited to its publisher (by_publisher), counted page types


@dataclass(frozen=True)
class Window:
    """A period as aware datetimes in the court's time zone, end exclusive."""

    start: datetime.datetime
    end: datetime.datetime
    tz: ZoneInfo

    @classmethod
    def of(cls, period, tz):
        start = datetime.datetime.combine(period.start, datetime.time.min, tzinfo=tz)
        end = datetime.datetime.combine(period.end + datetime.timedelta(days=1), datetime.time.min, tzinfo=tz)
        return cls(start, end, tz)

    @property
    def start_date(self):
        return self.start.date()

    @property
    def end_date(self):
        return (self.end - datetime.timedelta(days=1)).date()


def court_name(court, site):
    """The court's name from its settings; the site's name while the settings still hold the default."""
    default = CourtSettings._meta.get_field("court_name").default
    if court.court_name and (court.court_name != default or not site.site_name):
        return court.court_name
    return site.site_name or site.hostname


def court_timezone(site):
    return ZoneInfo(WorkingHours.for_site(site).timezone)


def compute(site, period, now=None):
    tz = court_timezone(site)
    previous = period.previous()
    window, previous_window = Window.of(period, tz), Window.of(previous, tz)
    buckets, previous_buckets = period.buckets(), previous.buckets()
    court = CourtSettings.for_site(site)

    pub = publication.compute(site, window, previous_window, buckets)
    sop = compliance.compute(site, window, previous_window)
    web = engagement.website(site, period, previous, buckets, previous_buckets)
    soc = engagement.social(site, window, previous_window)
    trend = [
        _trend("published", pub["total"], pub["previous_total"]),
        _trend("website_views", web["total"], web["previous_total"]),
        _trend("social_posts", soc["posts"], soc["previous_posts"]),
        _trend("social_interactions", soc["interactions"], soc["previous_interactions"]),
        _trend("sop_met_share", sop["met_share"], sop["previous_met_share"], absolute=True),
    ]
    return {
        "version": VERSION,
        "site": {"id": site.pk, "name": court_name(court, site)},
        "period": period.as_dict(),
        "previous_period": previous.as_dict(),
        "buckets": [label for label, _first, _last in buckets],
        "daily_buckets": period.daily_buckets,
        "generated_at": (now or timezone.now()).astimezone(tz).isoformat(timespec="seconds"),
        "timezone": str(tz),
        "publication": pub,
        "compliance": sop,
        "website": web,
        "social": soc,
        "trend": trend,
        "monitoring": website.compute(site, window),
    }


def _trend(key, current, previous, absolute=False):
    """A headline figure against the previous period; shares change in percentage points, counts in percent."""
    if absolute:
        delta = None if current is None or previous is None else current - previous
    else:
        delta = stats.change(current, previous)
    return {"key": key, "current": current, "previous": previous, "change": delta, "absolute": absolute}
