"""A news item with hostile rich text and markup in its title: the monev PDF shows its title as text and carries
none of the active content."""

import datetime

import pytest

from monev import report
from monev.pageviews import add_views
from monev.periods import Period
from monev.report import pdf
from tests.cms.test_hostile_rich_text import HOSTILE, MARKERS, store_directly
from tests.support.factories import NewsPageFactory
from tests.support.pdf import pdf_text

pytestmark = pytest.mark.django_db


def test_the_monev_pdf_carries_no_active_content(court):
    page = NewsPageFactory(parent=court.news_index, title='Sidang <img src="file:///etc/passwd"> keliling',
                           date=datetime.date(2026, 11, 2))
    page.save_revision().publish()
    store_directly(page, HOSTILE)
    add_views(court.site.pk, page.pk, datetime.date(2026, 11, 3), 40)

    figures = report.compute(court.site, Period.of("bulan", 2026, 11))
    html = pdf.render_html(figures, court.site)
    # The title is text: escaped in the HTML WeasyPrint lays out, so no file is fetched.
    assert "Sidang &lt;img src=&quot;file:///etc/passwd&quot;&gt; keliling" in html
    assert '<img src="file:' not in html
    text = pdf_text(pdf.render(figures, court.site))
    assert "Sidang" in text and "keliling" in text
    lowered = text.lower()
    assert not [marker for marker in MARKERS if marker in lowered]
