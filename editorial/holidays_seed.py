"""National holidays and cuti bersama for every court, from the `holidays` package.

The package (holidays.countries.indonesia) keeps Indonesia's public holidays in its "public"
category and the government's joint leave (cuti bersama, SKB 3 Menteri) in its "government"
category, with Indonesian names. Seeding writes them as national rows (no site) for the current
and the next year and keeps those rows in step with the package: a date the package moves (an
estimated Islamic holiday once confirmed) moves here too. Court rows are never touched. Running it
again changes nothing; `seed_holidays` runs it from `make run`, the scheduler every day.
"""

import logging

from django.db import transaction
from django.utils import timezone

logger = logging.getLogger(__name__)

COUNTRY = "ID"
LANGUAGE = "id"


def national_days(year):
    """{date: (name, source)} of one year: public holidays ("nasional") and cuti bersama."""
    import holidays
    from holidays.constants import GOVERNMENT, PUBLIC

    from editorial.models import Holiday

    days = {}
    # Cuti bersama first, so a date that is both (none so far) is shown as the national holiday.
    for category, source in ((GOVERNMENT, Holiday.CUTI_BERSAMA), (PUBLIC, Holiday.NASIONAL)):
        calendar = holidays.country_holidays(COUNTRY, years=year, categories=(category,), language=LANGUAGE)
        for day, name in calendar.items():
            days[day] = (name[:200], source)
    return days


def default_years(today=None):
    today = today or timezone.localdate()
    return [today.year, today.year + 1]


def seed_national_holidays(years=None):
    """Create, update or remove national rows so they match the package; returns {year: (created, updated, removed)}."""
    from editorial.models import Holiday

    result = {}
    for year in years or default_years():
        wanted = national_days(year)
        with transaction.atomic():
            existing = {row.date: row for row in Holiday.objects.national().filter(date__year=year)}
            new = [Holiday(date=day, name=name, source=source) for day, (name, source) in wanted.items()
                   if day not in existing]
            changed = []
            for day, (name, source) in wanted.items():
                row = existing.get(day)
                if row is not None and (row.name, row.source) != (name, source):
                    row.name, row.source = name, source
                    changed.append(row)
            # A year the package does not know yet (empty) leaves the rows alone rather than wiping them.
            stale = [row.pk for day, row in existing.items() if day not in wanted] if wanted else []
            Holiday.objects.bulk_create(new)
            Holiday.objects.bulk_update(changed, ["name", "source"])
            Holiday.objects.filter(pk__in=stale).delete()
        result[year] = (len(new), len(changed), len(stale))
        if new or changed or stale:
            logger.info("national holidays %s: %d added, %d updated, %d removed", year, *result[year])
    return result
