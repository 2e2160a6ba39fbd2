"""Nobody goes around the review: direct publishing is refused on every admin route and in the API,
except a superuser's emergency publish, which the audit log records as such."""

import json

import pytest
from django.urls import reverse
from wagtail.models import APIToken, Page, PageLogEntry

from cms.models import NewsPage
from tests.support.admin_forms import create_url, current_task_state, edit_url, page_form, workflow_action_url
from tests.support.factories import NewsPageFactory

pytestmark = pytest.mark.django_db

NOT_SUPERUSERS = ["admin", "redaktur", "kasubag"]


@pytest.fixture
def draft(court, users):
    page = NewsPageFactory(parent=court.news_index, title="Konsep berita", slug="konsep", live=False,
                           owner=users["admin"])
    page.save_revision(user=users["admin"])
    return page


def is_live(page):
    return Page.objects.get(pk=page.pk).live


def published_by_anyone(page):
    return PageLogEntry.objects.filter(page_id=page.pk, action__startswith="wagtail.publish").exists()


@pytest.mark.parametrize("role", NOT_SUPERUSERS)
def test_editor_publish_is_refused(role, draft, client_as):
    client = client_as(role)
    html = client.get(edit_url(draft)).content.decode()
    assert 'name="action-publish"' not in html
    data = page_form(client, edit_url(draft), lead="Teras yang diperbaiki.")
    data["action-publish"] = "action-publish"
    response = client.post(edit_url(draft), data, follow=True)
    assert not is_live(draft) and not published_by_anyone(draft)
    # The work is kept as a draft, and the editor is told why it was not published.
    assert "hanya dapat diterbitkan melalui alur redaksi" in response.content.decode()
    assert Page.objects.get(pk=draft.pk).specific.get_latest_revision_as_object().lead == "Teras yang diperbaiki."


@pytest.mark.parametrize("role", NOT_SUPERUSERS)
def test_create_and_publish_is_refused(role, court, client_as):
    client = client_as(role)
    data = page_form(client, create_url(court.news_index), title="Langsung tayang", slug="langsung",
                     lead="Teras.")
    data["action-publish"] = "action-publish"
    client.post(create_url(court.news_index), data)
    assert not NewsPage.objects.filter(slug="langsung", live=True).exists()


@pytest.mark.parametrize("role", NOT_SUPERUSERS)
def test_revert_and_publish_is_refused(role, draft, client_as):
    client = client_as(role)
    revision = draft.get_latest_revision()
    url = reverse("wagtailadmin_pages:revisions_revert", args=[draft.pk, revision.pk])
    data = page_form(client, url)
    data["action-publish"] = "action-publish"
    client.post(url, data)
    assert not is_live(draft) and not published_by_anyone(draft)


@pytest.mark.parametrize("role", NOT_SUPERUSERS)
def test_bulk_publish_is_refused(role, draft, client_as):
    client = client_as(role)
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"]) + f"?id={draft.pk}"
    client.post(url, {"include_descendants": ""})
    assert not is_live(draft) and not published_by_anyone(draft)


@pytest.mark.parametrize("role", NOT_SUPERUSERS)
def test_copy_and_publish_is_refused(role, court, client_as, users):
    live = NewsPageFactory(parent=court.news_index, title="Sudah tayang", slug="tayang", owner=users["admin"])
    live.save_revision(user=users["kasubag"]).publish(user=None)
    client = client_as(role)
    client.post(reverse("wagtailadmin_pages:copy", args=[live.pk]), {
        "new_title": "Salinan", "new_slug": "salinan", "new_parent_page": court.news_index.pk,
        "publish_copies": "on",
    })
    assert not NewsPage.objects.filter(slug="salinan", live=True).exists()


@pytest.mark.parametrize("role", ["admin", "kasubag"])
def test_only_the_steps_group_can_approve_it(role, draft, users, client_as):
    draft.get_workflow().start(draft, users["admin"])
    state = current_task_state(draft)
    client_as(role).post(workflow_action_url(draft, "approve", state), {})
    assert current_task_state(draft).pk == state.pk
    assert not is_live(draft)


def test_admin_cannot_pull_an_item_back_from_review(draft, users, client_as):
    draft.get_workflow().start(draft, users["admin"])
    client = client_as("admin")
    html = client.get(edit_url(draft)).content.decode()
    assert 'name="action-cancel-workflow"' not in html
    client.post(edit_url(draft), {"action-cancel-workflow": "1"})
    assert draft.current_workflow_state is not None and draft.current_workflow_task is not None


def api(client, token, method, path, payload=None):
    return getattr(client, method)(
        f"/api/v3{path}", data=json.dumps(payload) if payload is not None else None,
        content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {token}",
    )


@pytest.mark.parametrize("role", NOT_SUPERUSERS)
def test_api_publish_is_refused(role, court, draft, users, client):
    # No publish permission: 403. The Kasubag has it, but publishes only by approving the review: 409.
    refused = 409 if role == "kasubag" else 403
    _token, plaintext = APIToken.create_token(user=users[role], name="uji")

    response = api(client, plaintext, "post", f"/pages/{draft.pk}/actions/publish/")
    assert response.status_code == refused, response.content
    if refused == 409:
        assert "melalui alur redaksi" in response.json()["detail"]

    response = api(client, plaintext, "patch", f"/pages/{draft.pk}/",
                   {"meta": {"type": "cms.NewsPage", "action": "publish"}, "title": "Diterbitkan lewat API"})
    assert response.status_code == refused, response.content

    response = api(client, plaintext, "post", "/pages/", {
        "meta": {"type": "cms.NewsPage", "parent_id": court.news_index.pk, "action": "publish"},
        "title": "Baru lewat API", "slug": "baru-api", "lead": "Teras.", "body": [],
    })
    assert response.status_code == refused, response.content

    assert not is_live(draft) and not published_by_anyone(draft)
    assert not NewsPage.objects.filter(slug="baru-api", live=True).exists()


def test_superuser_emergency_publish_is_logged(draft, users, client_as):
    client = client_as("root")
    data = page_form(client, edit_url(draft))
    data["action-publish"] = "action-publish"
    client.post(edit_url(draft), data)
    assert is_live(draft)
    entry = PageLogEntry.objects.get(page_id=draft.pk, action="warta.emergency_publish")
    assert entry.user == users["root"] and entry.data["superuser"] is True
    history = client.get(reverse("wagtailadmin_pages:history", args=[draft.pk])).content.decode()
    assert "Diterbitkan darurat oleh superuser, di luar alur redaksi" in history


def test_superuser_emergency_publish_through_the_api_is_logged(draft, users, client):
    _token, plaintext = APIToken.create_token(user=users["root"], name="darurat")
    response = api(client, plaintext, "post", f"/pages/{draft.pk}/actions/publish/")
    assert response.status_code == 200, response.content
    assert is_live(draft)
    assert PageLogEntry.objects.filter(page_id=draft.pk, action="warta.emergency_publish",
                                       user=users["root"]).exists()
