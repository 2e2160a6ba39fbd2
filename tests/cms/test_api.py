"""Headless reads through Wagtail API v2: every page type's fields."""

import datetime
import json

import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from cms.models import PublicDocument, PublicInformationPage, StandardPage
from tests.support.factories import AnnouncementPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db


def body(html):
    return json.dumps([{"type": "paragraph", "value": html}])


def test_api_v2_exposes_news_fields(court, client):

    image = Image.objects.create(title="Sidang", file=get_test_image_file(size=(800, 450)))
    page = NewsPageFactory(
        parent=court.news_index, title="Sidang keliling", hero_image=image, hero_alt="Hakim membuka sidang",
        body=json.dumps([{"type": "paragraph", "value": "<p>Isi <b>tebal</b>.</p>"}]),
    )
    page.tags.add("sidang keliling")
    page.save()
    response = client.get(f"/api/v2/pages/{page.pk}/")
    assert response.status_code == 200
    data = response.json()
    assert data["title"] == "Sidang keliling"
    assert data["lead"] == "Teras berita uji."
    assert data["category"]["name"] == "Kegiatan"
    assert data["tags"] == ["sidang keliling"]
    assert data["hero_alt"] == "Hakim membuka sidang"
    assert data["hero_image_thumbnail"]["url"].endswith(".jpg") or data["hero_image_thumbnail"]["url"].endswith(".png")
    assert data["hero_image_thumbnail"]["width"] == 640
    assert data["body"][0]["type"] == "paragraph"
    assert "<b>tebal</b>" in data["body"][0]["value"]

    listing = client.get("/api/v2/pages/?type=cms.NewsPage&fields=date,lead").json()
    assert listing["meta"]["total_count"] == 1
    assert listing["items"][0]["lead"] == "Teras berita uji."

    assert client.get("/api/v2/images/").status_code == 200
    assert client.get("/api/v2/documents/").status_code == 200


def test_api_v2_exposes_announcement_fields(court, client):
    page = AnnouncementPageFactory(parent=court.announcements, title="Libur nasional",
                                   valid_until=datetime.date(2026, 12, 31), body=body("<p>Kantor tutup.</p>"))
    data = client.get(f"/api/v2/pages/{page.pk}/").json()
    assert data["meta"]["type"] == "cms.AnnouncementPage"
    assert data["valid_until"] == "2026-12-31"
    assert data["body"][0]["value"] == "<p>Kantor tutup.</p>"


def test_api_v2_exposes_standard_and_home_pages(court, client):
    page = court.home.add_child(instance=StandardPage(title="Visi dan Misi", summary="Visi pengadilan.",
                                                      body=body("<p>Terwujudnya badan peradilan yang agung.</p>")))
    data = client.get(f"/api/v2/pages/{page.pk}/").json()
    assert data["summary"] == "Visi pengadilan."
    assert "badan peradilan" in data["body"][0]["value"]
    home = client.get(f"/api/v2/pages/{court.home.pk}/").json()
    assert home["intro"] == "Selamat datang."


def test_api_v2_exposes_public_information_documents(court, client):
    document = Document.objects.create(title="DIPA 2026", file=ContentFile(b"%PDF-1.4 uji", name="dipa-2026.pdf"))
    page = PublicInformationPage(title="Informasi Publik", intro="Dokumen berkala.")
    page.documents = [PublicDocument(document=document, title="DIPA 2026", category="dipa", year=2026)]
    court.home.add_child(instance=page)
    data = client.get(f"/api/v2/pages/{page.pk}/").json()
    assert data["documents"] == [
        {"title": "DIPA 2026", "category": "dipa", "year": 2026, "url": document.url, "file_extension": "pdf"}
    ]
    docs = client.get("/api/v2/documents/").json()
    assert docs["items"][0]["title"] == "DIPA 2026"


def test_api_v2_listing_with_every_field_runs_as_many_queries_for_50_items_as_for_5(court, client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    images = [Image.objects.create(title=f"Foto {n}", file=get_test_image_file(size=(800, 450))) for n in range(3)]
    for number in range(50):
        page = NewsPageFactory(parent=court.news_index, title=f"Berita {number}", hero_image=images[number % 3],
                               hero_alt="Suasana sidang", date=datetime.date(2026, 11, 1) + datetime.timedelta(number))
        page.tags.add(f"tag-{number % 4}", "pengadilan")
        page.save()
    counts = {}
    for limit in (5, 50):
        url = f"/api/v2/pages/?type=cms.NewsPage&fields=*&limit={limit}&order=-date"
        client.get(url)  # renditions made once
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        items = response.json()["items"]
        assert len(items) == limit
        assert items[0]["title"] == "Berita 49" and items[0]["tags"] == ["pengadilan", "tag-1"]
        assert items[0]["category"]["slug"] == "kegiatan" and items[0]["hero_image_thumbnail"]["width"] == 640
        counts[limit] = len(queries)
    assert counts[50] == counts[5], counts
