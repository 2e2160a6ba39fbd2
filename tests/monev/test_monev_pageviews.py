import io
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.utils import timezone

from monev import pageviews
from monev.access_log import import_log
from monev.models import PageViewDaily
from tests.support.factories import NewsPageFactory

pytestmark = pytest.mark.django_db

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130 Safari/537.36"


def views(page):
    pageviews.flush()
    return sum(PageViewDaily.objects.filter(page=page).values_list("views", flat=True))


def test_a_reader_is_counted_once_per_view_and_bots_not_at_all(court, client):
    page = NewsPageFactory(parent=court.news_index)
    for _ in range(3):
        assert client.get(page.url, HTTP_USER_AGENT=BROWSER).status_code == 200
    client.get(page.url, HTTP_USER_AGENT="Googlebot/2.1 (+http://www.google.com/bot.html)")
    client.get(page.url, HTTP_USER_AGENT="facebookexternalhit/1.1")
    client.get(page.url)  # no user agent
    assert views(page) == 3
    row = PageViewDaily.objects.get(page=page)
    assert row.date == timezone.localdate()
    assert row.site_id == court.site.pk


def test_a_thousand_views_are_counted_exactly_across_flushes_without_writing_on_the_request(court, client,
                                                                                            settings):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.WARTA_PAGE_CACHE = True  # most views are then answered from the page cache
    page = NewsPageFactory(parent=court.news_index)
    for number in range(1000):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(page.url, HTTP_USER_AGENT=BROWSER).status_code == 200
        assert not [q for q in queries.captured_queries if "pageviewdaily" in q["sql"]]
        if number in (1, 499, 500, 750):
            assert pageviews.flush() > 0
    assert views(page) == 1000
    assert pageviews.flush() == 0  # nothing left, nothing counted twice
    assert views(page) == 1000


def test_counting_sets_no_cookie(court, client):
    page = NewsPageFactory(parent=court.news_index)
    response = client.get(page.url, HTTP_USER_AGENT=BROWSER)
    assert not response.cookies


def test_missing_pages_and_drafts_are_not_counted(court, client):
    draft = NewsPageFactory(parent=court.news_index, live=False)
    assert client.get("/berita/tidak-ada/", HTTP_USER_AGENT=BROWSER).status_code == 404
    client.get(draft.url or "/berita/draf/", HTTP_USER_AGENT=BROWSER)
    pageviews.flush()
    assert PageViewDaily.objects.count() == 0


def log_line(path, status=200, agent=BROWSER, when="24/Nov/2026:09:15:02 +0700", method="GET"):
    return f'203.0.113.9 - - [{when}] "{method} {path} HTTP/1.1" {status} 5120 "-" "{agent}"\n'


def test_access_log_import_counts_pages_once_even_when_run_again(court, tmp_path):
    page = NewsPageFactory(parent=court.news_index, slug="sidang-keliling")
    lines = [
        log_line("/berita/sidang-keliling/"),
        log_line("/berita/sidang-keliling/index.html"),
        log_line("/berita/sidang-keliling/?utm=x", when="24/Nov/2026:23:59:00 +0000"),  # 25 Nov in Jakarta
        log_line("/berita/sidang-keliling/", agent="Mozilla/5.0 (compatible; bingbot/2.0)"),
        log_line("/berita/sidang-keliling/", status=304),
        log_line("/berita/sidang-keliling/", method="HEAD"),
        log_line("/static/cms/css/site.css"),
        log_line("/berita/tidak-ada/"),
        "garbage line\n",
    ]
    logfile = tmp_path / "access.log"
    logfile.write_text("".join(lines))
    call_command("import_access_log", str(logfile), stdout=io.StringIO())
    by_day = dict(PageViewDaily.objects.filter(page=page).values_list("date", "views"))
    assert {str(day): n for day, n in by_day.items()} == {"2026-11-24": 2, "2026-11-25": 1}

    # re-running changes nothing; appended lines are counted next time
    call_command("import_access_log", str(logfile), stdout=io.StringIO())
    assert views(page) == 3
    with logfile.open("a") as fh:
        fh.write(log_line("/berita/sidang-keliling/"))
        fh.write('203.0.113.9 - - [24/Nov/2026:09:16:00 +0700] "GET /berita/sidang-keliling/')  # half-written
    call_command("import_access_log", str(logfile), stdout=io.StringIO())
    assert views(page) == 4
    with logfile.open("a") as fh:
        fh.write(f' HTTP/1.1" 200 10 "-" "{BROWSER}"\n')
    with logfile.open("rb") as fh:
        assert import_log(court.site, fh, ZoneInfo("Asia/Jakarta")) == (1, 1)
    assert views(page) == 5


def test_views_buffered_in_files_add_up_from_several_threads_and_flushes(court, settings, tmp_path):
    """Without Redis the buffer is a file per page and day beside the file-based page cache."""
    import threading

    settings.CACHES = {**settings.CACHES, "pages": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": str(tmp_path / "pages")}}
    page = NewsPageFactory(parent=court.news_index)
    day = timezone.localdate()

    def reader():
        for _ in range(250):
            pageviews.buffer_view(court.site.pk, page.pk, day)

    threads = [threading.Thread(target=reader) for _ in range(4)]
    for thread in threads:
        thread.start()
    pageviews.flush()
    for thread in threads:
        thread.join()
    pageviews.flush()
    assert views(page) == 1000
    assert pageviews.flush() == 0
    assert (tmp_path / "pageviews" / day.isoformat()).is_dir()
