"""Privacy-friendly page view counting, aggregated on write into daily counters.

Counted: a successful GET of a live public page by something that does not
look like a bot. Stored: page, day, count. Nothing about the reader.
"""

import re
from collections import Counter

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from .models import PageViewDaily

# Crawlers, link previewers, uptime checks and scripts identify themselves in
# the user agent; a request without one is not a reader either.
BOT_RE = re.compile(
    r"bot|crawl|spider|slurp|archiver|preview|facebookexternalhit|whatsapp|telegram|"
    r"curl|wget|python|java/|go-http|httpclient|okhttp|headless|lighthouse|pingdom|uptime|monitor|scan",
    re.IGNORECASE,
)


def is_bot(user_agent):
    return not user_agent or bool(BOT_RE.search(user_agent))


def add_views(site_id, page_id, day, count=1):
    """Add `count` views to one page's counter for `day` (one UPDATE, an INSERT the first time)."""
    updated = PageViewDaily.objects.filter(page_id=page_id, date=day).update(views=F("views") + count)
    if updated:
        return
    try:
        with transaction.atomic():
            PageViewDaily.objects.create(site_id=site_id, page_id=page_id, date=day, views=count)
    except IntegrityError:  # another request created today's row first
        PageViewDaily.objects.filter(page_id=page_id, date=day).update(views=F("views") + count)


def add_many(counts):
    """counts: {(site_id, page_id, date): views} from a batch import."""
    for (site_id, page_id, day), views in counts.items():
        add_views(site_id, page_id, day, views)


def should_count(request, response):
    return (
        request.method == "GET"
        and response.status_code == 200
        and not getattr(request, "is_preview", False)
        and not getattr(request, "warta_static_render", False)
        and not is_bot(request.META.get("HTTP_USER_AGENT", ""))
    )


def record(page, request, response):
    if should_count(request, response):
        site = page.get_site()
        if site is not None:
            add_views(site.pk, page.pk, timezone.localdate())


def tally(rows):
    """Count (site_id, page_id, date) tuples into a Counter (used by the log import)."""
    return Counter(rows)
