"""Numbers and dates in the monev report follow the reader's language: Indonesian by default, English for an
editor who chose English (Django's format modules; cms/formats/id writes the month out)."""

import datetime

import pytest
from django.utils import translation
from wagtail.users.models import UserProfile

from monev import pageviews
from monev.charts import Series, line_chart
from monev.periods import Period, format_day
from monev.report import present
from monev.report.pdf import archive_context
from tests.support.factories import NewsPageFactory

D = datetime.date

INDONESIAN = {
    "int": "1.234.567", "percent": "12,4%", "change": "−12,5%", "points": "+3,5 poin", "axis": "12.345,7",
    "day": "5 Agustus 2026", "month": "Agustus 2026", "custom": "10 Maret 2026 – 19 Maret 2026",
    "days": ["10 Mar", "11 Mar"], "months": ["Nov 25", "Des 25", "Jan 26", "Feb 26"],
    "approved": "5 Agustus 2026, 14.30",
}
ENGLISH = {
    "int": "1,234,567", "percent": "12.4%", "change": "−12.5%", "points": "+3.5 points", "axis": "12,345.7",
    "day": "Aug. 5, 2026", "month": "August 2026", "custom": "March 10, 2026 – March 19, 2026",
    "days": ["Mar 10", "Mar 11"], "months": ["Nov 25", "Dec 25", "Jan 26", "Feb 26"],
    "approved": "Aug. 5, 2026, 2:30 p.m.",
}


@pytest.mark.parametrize("language, want", [("id", INDONESIAN), ("en", ENGLISH)])
def test_numbers_and_dates_in_the_readers_language(language, want):
    with translation.override(language):
        assert present.fmt_int(1234567) == want["int"]
        assert present.fmt_percent(0.1236) == want["percent"]  # rounded, not cut off
        assert present.fmt_change(-0.125) == want["change"]
        assert present.fmt_change(0.0345, absolute=True) == want["points"]
        svg = line_chart("Besar", ["a", "b"], [Series("x", [1234567, 12345.67])])
        assert want["int"] in svg and want["axis"] in svg
        assert format_day(D(2026, 8, 5)) == want["day"]
        assert Period.of("bulan", 2026, 8).label == want["month"]
        assert Period.custom(D(2026, 3, 10), D(2026, 3, 19)).label == want["custom"]
        assert [label for label, *_ in Period.custom(D(2026, 3, 10), D(2026, 3, 11)).buckets()] == want["days"]
        assert [label for label, *_ in Period.custom(D(2025, 11, 15), D(2026, 2, 10)).buckets()] == want["months"]
        approved = datetime.datetime(2026, 8, 5, 7, 30, tzinfo=datetime.UTC)  # 14:30 in Jakarta
        report = type("Report", (), {"overview": "", "obstacles": "", "follow_up": "", "__str__": lambda self: ""})
        assert archive_context(report(), None, None, approved)["approved_at"] == want["approved"]


@pytest.mark.django_db
@pytest.mark.parametrize("language, views, month", [("id", "12.345", "Oktober 2026"), ("en", "12,345", "October 2026")])
def test_the_report_page_speaks_the_editors_language(court, users, client_as, language, views, month):
    page = NewsPageFactory(parent=court.news_index, title="Sidang keliling",
                           first_published_at=datetime.datetime(2026, 10, 5, 10, tzinfo=datetime.UTC))
    pageviews.add_views(court.site.pk, page.pk, D(2026, 10, 5), 12345)
    profile = UserProfile.get_for_user(users["sekretaris"])
    profile.preferred_language = language
    profile.save()
    html = client_as("sekretaris").get("/admin/monev/laporan/", {"situs": court.site.pk, "jenis": "bulan",
                                                                 "tahun": 2026, "ke": 10}).content.decode()
    assert f'<td class="num">{views}</td>' in html and month in html
