"""Writing news and announcements through Wagtail's v3 API, and taking them through the review by API alone."""

import datetime
import json
import re

import pytest
from bs4 import BeautifulSoup
from openapi_spec_validator import validate
from wagtail.blocks import RichTextBlock
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import APIToken, Page

from cms.blocks import RICH_TEXT_FEATURES
from cms.models import AnnouncementPage, NewsPage
from tests.support.factories import NewsCategoryFactory

pytestmark = pytest.mark.django_db

HOSTILE = (
    '<p onclick="alert(1)" style="color:red">Sidang <b>terbuka</b><script>alert(2)</script> '
    '<a href="javascript:alert(3)">js</a> <a href="data:text/html;base64,PHNjcmlwdD4=">data</a> '
    '<a href="https://mahkamahagung.go.id/" onmouseover="alert(4)">MA</a>'
    '<img src="x" onerror="alert(5)"></p><iframe src="https://contoh.invalid/"></iframe>'
    '<h2 onfocus="alert(6)">Jadwal</h2>'
)
HOSTILE_MARKERS = ["<script", "onclick", "onmouseover", "onerror", "onfocus", "javascript:", "data:text",
                   "<iframe", "<img", "style="]


@pytest.fixture
def tokens(users):
    return {role: APIToken.create_token(user=users[role], name=f"uji {role}")[1]
            for role in ("admin", "redaktur", "kasubag")}


@pytest.fixture
def image(db):
    return Image.objects.create(title="Sidang keliling", file=get_test_image_file(size=(1200, 800)))


def api(client, token, method, path, payload=None):
    return getattr(client, method)(
        f"/api/v3{path}", data=json.dumps(payload) if payload is not None else None,
        content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {token}",
    )


def unkeyed(html):
    return re.sub(r' data-block-key="\w+"', "", html)


def news_payload(court, image, category, **fields):
    payload = {
        "meta": {"type": "cms.NewsPage", "parent_id": court.news_index.pk},
        "title": "Sidang keliling di Desa Sukamaju",
        "slug": "sidang-keliling-sukamaju",
        "summary": "Pengadilan menggelar sidang keliling untuk warga desa.",
        "seo_title": "Sidang keliling Sukamaju",
        "search_description": "Sidang keliling PN Uji di Desa Sukamaju.",
        "date": "2026-11-20",
        "category_id": category.pk,
        "tags": ["sidang keliling", "isbat nikah"],
        "lead": "Majelis hakim menyidangkan 40 perkara isbat nikah di balai desa.",
        "hero_image_id": image.pk,
        "hero_alt": "Hakim membuka sidang di balai desa",
        "hero_caption": "Sidang keliling, 20 November 2026.",
        "body": [
            {"type": "paragraph", "value": "<p>Sidang dimulai pukul 09.00 WIB di <b>balai desa</b>.</p>"},
            {"type": "image", "value": {"image": {"image": image.pk, "alt_text": "Warga menunggu giliran",
                                                  "decorative": False}, "caption": "Antrean warga"}},
            {"type": "quote", "value": {"text": "Layanan ini mendekatkan pengadilan.", "attribution": "Ketua"}},
        ],
        "social_enabled": True,
        "social_caption": "Sidang keliling hari ini melayani 40 perkara isbat nikah.",
        "social_caption_x": "Sidang keliling: 40 perkara isbat nikah.",
        "social_hashtags": "#SidangKeliling #PNUji",
        "social_image_id": image.pk,
        "social_crop": "landscape",
    }
    payload.update(fields)
    return payload


def workflow(page_id, action=""):
    return f"/pages/{page_id}/workflow/{action}"


def test_a_complete_news_item_goes_from_draft_to_live_through_the_api_alone(court, tokens, image, client):
    category = NewsCategoryFactory(name="Layanan", slug="layanan")

    # The Admin drafts every field of the editor in one request.
    response = api(client, tokens["admin"], "post", "/pages/", news_payload(court, image, category))
    assert response.status_code == 201, response.content
    page_id = response.json()["id"]
    draft = NewsPage.objects.get(pk=page_id).get_latest_revision_as_object()
    assert not draft.live and draft.owner.username == "admin"
    assert draft.lead.startswith("Majelis hakim") and draft.summary.startswith("Pengadilan menggelar")
    assert draft.category == category and draft.hero_image == image and draft.social_image == image
    assert sorted(draft.tags.names()) == ["isbat nikah", "sidang keliling"]
    assert [block.block_type for block in draft.body] == ["paragraph", "image", "quote"]
    assert draft.social_crop == "landscape" and draft.seo_title == "Sidang keliling Sukamaju"

    # ... corrects it with a partial update: only what is sent changes.
    response = api(client, tokens["admin"], "patch", f"/pages/{page_id}/",
                   {"hero_caption": "Sidang keliling di balai desa.", "tags": ["sidang keliling"]})
    assert response.status_code == 200, response.content
    assert response.json()["hero_caption"] == "Sidang keliling di balai desa."
    assert response.json()["tags"] == ["sidang keliling"]
    assert response.json()["lead"].startswith("Majelis hakim")

    # ... and submits it. The Admin's token cannot approve it.
    response = api(client, tokens["admin"], "post", workflow(page_id, "submit/"))
    assert response.status_code == 200, response.content
    assert response.json()["current_task"]["name"] == "Koreksi Redaktur"
    response = api(client, tokens["admin"], "post", workflow(page_id, "approve/"), {})
    assert response.status_code == 403
    assert "Anda tidak termasuk" in response.json()["detail"]

    # The Redaktur approves; the Kasubag approves and so publishes.
    response = api(client, tokens["redaktur"], "post", workflow(page_id, "approve/"), {"comment": "Sudah baik."})
    assert response.status_code == 200, response.content
    assert response.json()["current_task"]["name"] == "Persetujuan Kasubag PTIP"
    assert not Page.objects.get(pk=page_id).live
    response = api(client, tokens["kasubag"], "post", workflow(page_id, "approve/"))
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "approved"

    live = NewsPage.objects.get(pk=page_id)
    assert live.live and live.category == category and live.hero_image == image
    assert "balai desa" in str(live.body[0].value) and live.body[1].value["image"].pk == image.pk
    assert live.social_text("x").startswith("Sidang keliling: 40 perkara isbat nikah.")
    assert "#SidangKeliling #PNUji" in live.social_text("facebook")
    history = [(entry["action"], entry["user"]) for entry in
               api(client, tokens["admin"], "get", workflow(page_id, "history/")).json()]
    assert ("wagtail.publish", "kasubag") in history

    # Readers see it: the public page and API v2.
    html = client.get("/berita/sidang-keliling-sukamaju/").content.decode()
    article = BeautifulSoup(html, "html.parser")
    assert "Majelis hakim menyidangkan 40 perkara" in article.get_text()
    assert article.find("img", alt="Hakim membuka sidang di balai desa") is not None
    assert article.find("b", string="balai desa") is not None
    data = client.get(f"/api/v2/pages/{page_id}/").json()
    assert data["category"] == {"id": category.pk, "name": "Layanan", "slug": "layanan"}
    assert data["tags"] == ["sidang keliling"] and data["hero_image"]["id"] == image.pk
    assert data["social_caption"].startswith("Sidang keliling hari ini")


def test_the_body_read_from_the_api_can_be_written_back_unchanged(court, tokens, image, client):
    category = NewsCategoryFactory()
    page_id = api(client, tokens["admin"], "post", "/pages/", news_payload(court, image, category)).json()["id"]
    read = api(client, tokens["admin"], "get", f"/pages/{page_id}/?version=draft").json()
    before = NewsPage.objects.get(pk=page_id).get_latest_revision_as_object().body.raw_data

    response = api(client, tokens["admin"], "patch", f"/pages/{page_id}/", {"body": read["body"]})
    assert response.status_code == 200, response.content
    after = NewsPage.objects.get(pk=page_id).get_latest_revision_as_object().body.raw_data

    def blocks(raw):  # the editor's rich text conversion numbers paragraphs afresh (data-block-key)
        return [(b["id"], b["type"], unkeyed(b["value"]) if isinstance(b["value"], str) else b["value"])
                for b in raw]
    assert blocks(after) == blocks(before)


def editor_round_trip(html):
    """What the editor stores when it opens and saves ``html`` in a paragraph block (Draftail's conversion)."""
    widget = RichTextBlock(features=RICH_TEXT_FEATURES).field.widget
    stored = widget.value_from_datadict({"isi": widget.format_value(html)}, {}, "isi")
    return unkeyed(stored)


def test_hostile_rich_text_is_sanitised_as_the_editor_does(court, tokens, image, client):
    category = NewsCategoryFactory()
    payload = news_payload(court, image, category, body=[
        {"type": "paragraph", "value": HOSTILE},
        {"type": "paragraph", "value": {"format": "db_markdown",
                                        "content": "[klik](javascript:alert(7)) dan <script>alert(8)</script>"}},
    ], lead="<script>alert(9)</script>Teras berita.")
    response = api(client, tokens["admin"], "post", "/pages/", payload)
    assert response.status_code == 201, response.content
    assert {warning["tag"] for warning in response.json()["meta"]["warnings"]} >= {"script", "img", "iframe"}
    page_id = response.json()["id"]

    stored = NewsPage.objects.get(pk=page_id).get_latest_revision_as_object()
    paragraph, markdown = (block.value.source for block in stored.body)
    # Only what the editor itself can store: opening and saving it in the editor changes nothing.
    for text in (paragraph, markdown):
        assert editor_round_trip(text) == unkeyed(text)
    for text in (paragraph, markdown):
        for marker in HOSTILE_MARKERS:
            assert marker not in text.lower(), (marker, text)
    assert '<a href="https://mahkamahagung.go.id/">MA</a>' in paragraph and "<b>terbuka</b>" in paragraph

    # Through the review to the public page: nothing executable there either.
    for role, action in (("admin", "submit/"), ("redaktur", "approve/"), ("kasubag", "approve/")):
        response = api(client, tokens[role], "post", workflow(page_id, action))
        assert response.status_code == 200, response.content
    html = client.get(NewsPage.objects.get(pk=page_id).url).content.decode()
    article = BeautifulSoup(html, "html.parser").find("main")
    assert article.find("a", href="https://mahkamahagung.go.id/") is not None
    assert "&lt;script&gt;alert(9)&lt;/script&gt;Teras berita." in str(article)  # plain text, escaped
    assert not article.find_all("iframe") and not article.find_all(attrs={"onclick": True})
    assert not [a for a in article.find_all("a") if a.get("href", "").lower().startswith(("javascript:", "data:"))]
    assert not [s for s in article.find_all("script") if "alert" in s.get_text()]


def test_an_announcement_is_written_with_its_validity_and_schedule(court, users, tokens, client):
    response = api(client, tokens["admin"], "post", "/pages/", {
        "meta": {"type": "cms.AnnouncementPage", "parent_id": court.announcements.pk},
        "title": "Libur akhir tahun", "summary": "Pelayanan tutup.", "date": "2026-12-20",
        "valid_until": "2027-01-02", "go_live_at": "2099-12-20T08:00:00+07:00",
        "expire_at": "2100-01-03T00:00:00+07:00",
        "body": [{"type": "paragraph", "value": "<p>Kantor tutup 24 Desember 2026 sampai 1 Januari 2027.</p>"}],
        "social_caption": "Pelayanan tutup selama libur akhir tahun.", "social_hashtags": "#Pengumuman",
    })
    assert response.status_code == 201, response.content
    page_id = response.json()["id"]
    draft = AnnouncementPage.objects.get(pk=page_id).get_latest_revision_as_object()
    assert draft.valid_until == datetime.date(2027, 1, 2)
    assert draft.go_live_at.year == 2099 and draft.expire_at.year == 2100
    assert draft.social_hashtags == "#Pengumuman"

    response = api(client, tokens["admin"], "patch", f"/pages/{page_id}/", {"valid_until": "2026-12-01"})
    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"] == ["valid_until"]
    assert "tidak boleh sebelum" in response.json()["errors"][0]["msg"]

    for role, action in (("admin", "submit/"), ("redaktur", "approve/"), ("kasubag", "approve/")):
        response = api(client, tokens[role], "post", workflow(page_id, action))
        assert response.status_code == 200, response.content
    # Approved with a go-live date ahead: scheduled, as in the editor.
    page = AnnouncementPage.objects.get(pk=page_id)
    assert not page.live and page.get_latest_revision().approved_go_live_at.year == 2099


# --- validation errors ------------------------------------------------------------------------------

def assert_named(response, *paths):
    assert response.status_code == 422, response.content
    assert response["Content-Type"] == "application/problem+json"
    problem = response.json()
    for error in problem["errors"]:
        assert error["loc"], error  # never a message without its field
        assert error["msg"] and error["msg"] != "Field required", error
    found = [error["loc"][-len(path):] for error in problem["errors"] for path in paths
             if error["loc"][-len(path):] == list(path)]
    assert len(found) >= len(paths), (paths, problem["errors"])
    assert "Isian tidak valid:" in problem["detail"]
    return {tuple(error["loc"]): error["msg"] for error in problem["errors"]}


def test_an_incomplete_draft_is_refused_at_submit_with_each_field_named(court, tokens, image, client):
    response = api(client, tokens["admin"], "post", "/pages/", {
        "meta": {"type": "cms.NewsPage", "parent_id": court.news_index.pk}, "title": "Belum lengkap",
        "lead": "", "body": [{"type": "image", "value": {"image": {"image": None}, "caption": ""}}],
    })
    assert response.status_code == 201, response.content  # a draft may be incomplete, as in the editor
    page_id = response.json()["id"]

    messages = assert_named(api(client, tokens["admin"], "post", workflow(page_id, "submit/")),
                            ("lead",), ("body", 0, "value", "image", "image"))
    assert messages[("lead",)] == "Field ini tidak boleh kosong."
    assert Page.objects.get(pk=page_id).current_workflow_state is None

    response = api(client, tokens["admin"], "patch", f"/pages/{page_id}/", {
        "lead": "Teras.", "hero_image_id": image.pk,
        "body": [{"type": "paragraph", "value": "<p>Isi.</p>"}],
    })
    assert response.status_code == 422, response.content  # the image needs its alternative text, even in a draft
    assert assert_named(response, ("hero_alt",))[("hero_alt",)] == "Isi teks alternatif untuk gambar utama."
    response = api(client, tokens["admin"], "patch", f"/pages/{page_id}/", {
        "lead": "Teras.", "hero_image_id": image.pk, "hero_alt": "Hakim di ruang sidang",
        "body": [{"type": "paragraph", "value": "<p>Isi.</p>"}],
    })
    assert response.status_code == 200, response.content
    response = api(client, tokens["admin"], "post", workflow(page_id, "submit/"))
    assert response.status_code == 200, response.content


def test_an_approval_does_not_publish_what_was_emptied_during_review(court, tokens, image, client):
    page_id = api(client, tokens["admin"], "post", "/pages/",
                  news_payload(court, image, NewsCategoryFactory())).json()["id"]
    api(client, tokens["admin"], "post", workflow(page_id, "submit/"))
    api(client, tokens["redaktur"], "post", workflow(page_id, "approve/"))
    # A draft save defers required fields, so the lead can be emptied while the item waits...
    response = api(client, tokens["kasubag"], "patch", f"/pages/{page_id}/", {"lead": ""})
    assert response.status_code == 200, response.content
    # ... but the Kasubag's approval refuses it, names the field and leaves the review where it was.
    assert_named(api(client, tokens["kasubag"], "post", workflow(page_id, "approve/")), ("lead",))
    state = api(client, tokens["kasubag"], "get", workflow(page_id)).json()
    assert state["status"] == "in_progress" and state["current_task"]["name"] == "Persetujuan Kasubag PTIP"
    assert not Page.objects.get(pk=page_id).live


@pytest.mark.parametrize("body, path", [
    ([{"type": "tabel", "value": {}}], ("body", 0, "type")),
    ([{"value": "<p>tanpa jenis</p>"}], ("body", 0)),
    (["<p>teks lepas</p>"], ("body", 0)),
    ([{"type": "paragraph", "value": "<p>a</p>"}, {"type": "image", "value": "gambar.jpg"}], ("body", 1, "value")),
    ([{"type": "image", "value": {"image": {"image": "satu"}}}], ("body", 0, "value", "image", "image")),
    ([{"type": "document", "value": {"document": {"id": 1}}}], ("body", 0, "value", "document")),
    ({"type": "paragraph"}, ("body",)),
    ([{"type": "paragraph", "value": {"format": "html", "content": "<p>a</p>"}}], ("body", 0, "value")),
])
def test_a_malformed_body_is_a_named_422_not_a_server_error(court, tokens, body, path, client):
    response = api(client, tokens["admin"], "post", "/pages/", {
        "meta": {"type": "cms.NewsPage", "parent_id": court.news_index.pk}, "title": "Salah bentuk",
        "lead": "Teras.", "body": body,
    })
    messages = assert_named(response, path)
    assert not [msg for msg in messages.values() if msg.startswith(("Input should", "Rich text input"))], messages
    assert not NewsPage.objects.filter(title="Salah bentuk").exists()


def test_field_errors_are_named_and_in_indonesian(court, tokens, client):
    response = api(client, tokens["admin"], "post", "/pages/", {
        "meta": {"type": "cms.NewsPage", "parent_id": court.news_index.pk}, "title": "Tanpa teras",
        "category_id": "kegiatan", "date": "20-11-2026", "go_live_at": "besok",
    })
    messages = assert_named(response, ("lead",), ("category_id",), ("date",), ("go_live_at",))
    by_field = {loc[-1]: msg for loc, msg in messages.items()}
    assert by_field["lead"] == "Kolom ini wajib diisi."
    assert by_field["category_id"] == "Isi dengan bilangan bulat."
    assert "TTTT-BB-HH" in by_field["date"] and "ISO 8601" in by_field["go_live_at"]

    response = api(client, tokens["admin"], "post", "/pages/", {
        "meta": {"type": "cms.NewsPage", "parent_id": court.news_index.pk}, "title": "Kategori hilang",
        "lead": "Teras.", "category_id": 999999, "hero_image_id": 999999,
    })
    assert_named(response, ("category_id",), ("hero_image_id",))

    response = api(client, tokens["admin"], "post", "/pages/", {"meta": {"type": "cms.Berita", "parent_id": 1}})
    assert_named(response, ("meta", "type"))
    assert "cms.NewsPage" in response.json()["errors"][0]["msg"]


def test_openapi_documents_the_writable_fields(client, db):
    document = client.get("/api/v3/openapi.json").json()
    validate(document)
    schemas = document["components"]["schemas"]
    news = schemas["NewsPageCreateSchema"]["properties"]
    for field in ("title", "slug", "summary", "lead", "date", "category_id", "tags", "hero_image_id", "hero_alt",
                  "hero_caption", "body", "go_live_at", "expire_at", "seo_title", "search_description",
                  "social_enabled", "social_caption", "social_caption_facebook", "social_caption_instagram",
                  "social_caption_x", "social_caption_telegram", "social_hashtags", "social_image_id",
                  "social_crop"):
        assert field in news, field
    assert set(schemas["NewsPageCreateSchema"]["required"]) == {"meta", "title", "lead"}
    announcement = schemas["AnnouncementPageCreateSchema"]["properties"]
    for field in ("summary", "date", "valid_until", "body", "go_live_at", "expire_at", "social_caption"):
        assert field in announcement, field
    assert "lead" in schemas["NewsPagePatchSchema"]["properties"]
    assert "required" not in schemas["NewsPagePatchSchema"] or "lead" not in schemas["NewsPagePatchSchema"]["required"]
