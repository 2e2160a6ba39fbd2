"""Import page views of the static site from the web server's access log.

The static site (publishers/website) is served by nginx without Django, so its
readers are counted from nginx's standard "combined" log format, not with a
tracking script: nothing runs in the reader's browser and nothing personal is
kept (the IP address and user agent are read, filtered and dropped).
"""

import datetime
import hashlib
import re
from collections import Counter
from urllib.parse import unquote, urlsplit

from django.db import transaction
from wagtail.models import Page

from . import pageviews
from .models import AccessLogImport

COMBINED_RE = re.compile(
    r'^\S+ \S+ \S+ \[(?P<time>[^\]]+)\] "(?P<method>[A-Z]+) (?P<target>\S+)[^"]*" (?P<status>\d{3}) \S+ '
    r'"[^"]*" "(?P<agent>[^"]*)"'
)
SKIP_PREFIXES = ("/static/", "/media/", "/dokumen/", "/admin/", "/api/", "/feed/")


def parse_line(line):
    """(datetime, path) for a counted page view in one log line, or None."""
    match = COMBINED_RE.match(line)
    if not match or match["method"] != "GET" or match["status"] != "200":
        return None
    if pageviews.is_bot(match["agent"]):
        return None
    path = unquote(urlsplit(match["target"]).path)
    if path.startswith(SKIP_PREFIXES):
        return None
    if path.endswith("/index.html"):
        path = path[: -len("index.html")]
    if not path.endswith("/"):
        return None  # files (sitemap.xml, images, 404.html ...) are not page views
    when = datetime.datetime.strptime(match["time"], "%d/%b/%Y:%H:%M:%S %z")
    return when, path


def import_log(site, fileobj, tz):
    """Count the page views in an access log opened in binary mode; return (lines read, views added)."""
    first = fileobj.readline()
    if not first:
        return 0, 0
    log_key = hashlib.sha256(first).hexdigest()
    state, _ = AccessLogImport.objects.get_or_create(site=site, log_key=log_key)
    fileobj.seek(state.offset)

    root_path = site.root_page.url_path
    page_ids = dict(
        Page.objects.live().public().descendant_of(site.root_page, inclusive=True).values_list("url_path", "pk")
    )
    counts = Counter()
    lines = 0
    consumed = state.offset
    for raw in fileobj:
        if not raw.endswith(b"\n"):
            break  # a line still being written: read it next time
        lines += 1
        consumed += len(raw)
        parsed = parse_line(raw.decode("utf-8", "replace"))
        if parsed is None:
            continue
        when, path = parsed
        page_id = page_ids.get(root_path + path.lstrip("/"))
        if page_id:
            counts[(site.pk, page_id, when.astimezone(tz).date())] += 1
    with transaction.atomic():
        pageviews.add_many(counts)
        state.offset = consumed
        state.save(update_fields=["offset", "updated_at"])
    return lines, sum(counts.values())
