"""The editorial workflow through Wagtail's v3 API with personal API tokens, and the token screens in the admin."""

import json

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from openapi_spec_validator import validate
from wagtail.models import APIToken, Page

from tests.support.factories import NewsPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(court, users):
    page = NewsPageFactory(parent=court.news_index, title="Konsep berita API", slug="konsep-api", live=False,
                           owner=users["admin"], body=json.dumps([{"type": "paragraph", "value": "<p>Isi.</p>"}]))
    page.save_revision(user=users["admin"])
    return page


@pytest.fixture
def tokens(users):
    return {role: APIToken.create_token(user=users[role], name=f"uji {role}")[1]
            for role in ("admin", "redaktur", "kasubag")}


def api(client, token, method, path, payload=None):
    return getattr(client, method)(
        f"/api/v3{path}", data=json.dumps(payload) if payload is not None else None,
        content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {token}",
    )


def workflow(page, action=""):
    return f"/pages/{page.pk}/workflow/{action}"


def test_the_whole_review_by_api_tokens(draft, tokens, client):
    response = api(client, tokens["admin"], "post", workflow(draft, "submit/"))
    assert response.status_code == 200, response.content
    state = response.json()
    assert state["workflow"] == "Alur Redaksi Berita (SOP B & C)"
    assert state["status"] == "in_progress" and state["requested_by"] == "admin"
    assert state["current_task"]["name"] == "Koreksi Redaktur"
    assert "redaktur" in state["current_task"]["reviewers"] and state["current_task"]["actions"] == []

    # Submitting twice is refused.
    assert api(client, tokens["admin"], "post", workflow(draft, "submit/")).status_code == 409

    # The Admin's token cannot approve: 403 problem detail, in Indonesian.
    response = api(client, tokens["admin"], "post", workflow(draft, "approve/"), {})
    assert response.status_code == 403
    assert response["Content-Type"] == "application/problem+json"
    assert "Koreksi Redaktur" in response.json()["detail"] and "Anda tidak termasuk" in response.json()["detail"]

    # Sending back needs a comment.
    for payload in ({}, {"comment": "   "}):
        response = api(client, tokens["redaktur"], "post", workflow(draft, "send-back/"), payload)
        assert response.status_code == 422, response.content
    response = api(client, tokens["redaktur"], "post", workflow(draft, "send-back/"),
                   {"comment": "Judul terlalu panjang."})
    assert response.status_code == 200, response.content
    state = api(client, tokens["admin"], "get", workflow(draft)).json()
    assert state["status"] == "needs_changes" and state["current_task"] is None
    assert state["task_states"][-1]["status"] == "rejected"
    assert state["task_states"][-1]["comment"] == "Judul terlalu panjang."
    assert state["task_states"][-1]["finished_by"] == "redaktur"

    # The Admin resubmits; the Redaktur approves; the Kasubag's approval publishes.
    response = api(client, tokens["admin"], "post", workflow(draft, "submit/"))
    assert response.status_code == 200 and response.json()["current_task"]["name"] == "Koreksi Redaktur"
    response = api(client, tokens["redaktur"], "post", workflow(draft, "approve/"), {"comment": "Sudah baik."})
    assert response.status_code == 200, response.content
    assert response.json()["current_task"]["name"] == "Persetujuan Kasubag PTIP"
    assert api(client, tokens["redaktur"], "post", workflow(draft, "approve/")).status_code == 403
    assert not Page.objects.get(pk=draft.pk).live

    response = api(client, tokens["kasubag"], "post", workflow(draft, "approve/"))
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "approved" and response.json()["current_task"] is None
    assert Page.objects.get(pk=draft.pk).live
    assert api(client, tokens["kasubag"], "post", workflow(draft, "approve/")).status_code == 409

    history = api(client, tokens["admin"], "get", workflow(draft, "history/")).json()
    steps = [(entry["action"], entry["user"], entry["comment"]) for entry in history]
    assert ("wagtail.workflow.start", "admin", "") in steps
    assert ("wagtail.workflow.reject", "redaktur", "Judul terlalu panjang.") in steps
    assert ("wagtail.workflow.resume", "admin", "") in steps
    assert ("wagtail.workflow.approve", "redaktur", "Sudah baik.") in steps
    assert ("wagtail.workflow.approve", "kasubag", "") in steps
    assert ("wagtail.publish", "kasubag", "") in steps
    assert [a for a, _u, _c in steps].index("wagtail.workflow.reject") < [a for a, _u, _c in steps].index(
        "wagtail.workflow.resume")


def test_a_sent_back_item_restarts_at_the_redaktur(draft, tokens, client):
    api(client, tokens["admin"], "post", workflow(draft, "submit/"))
    api(client, tokens["redaktur"], "post", workflow(draft, "approve/"))
    response = api(client, tokens["kasubag"], "post", workflow(draft, "send-back/"), {"comment": "Foto kurang."})
    assert response.status_code == 200, response.content
    response = api(client, tokens["admin"], "post", workflow(draft, "submit/"))
    assert response.json()["current_task"]["name"] == "Koreksi Redaktur"


def test_reading_and_acting_need_a_valid_token(draft, users, tokens, client):
    assert client.get(f"/api/v3{workflow(draft)}").status_code == 401
    assert api(client, "wagtail_bukan-token", "get", workflow(draft)).status_code == 401
    assert api(client, tokens["admin"], "get", "/pages/999999/workflow/").status_code == 404
    # A logged-in admin session does not count: the v3 API trusts tokens only.
    client.force_login(users["kasubag"])
    assert client.post(f"/api/v3{workflow(draft, 'submit/')}").status_code == 401


def test_openapi_document_describes_the_workflow_and_validates(client, db):
    response = client.get("/api/v3/openapi.json")
    assert response.status_code == 200
    document = response.json()
    validate(document)
    paths = document["paths"]
    for path, method in [("", "get"), ("history/", "get"), ("submit/", "post"), ("approve/", "post"),
                         ("send-back/", "post")]:
        operation = paths[f"/api/v3/pages/{{page_id}}/workflow/{path}"][method]
        assert operation["security"] == [{"BearerTokenAuth": []}]
        assert "403" in operation["responses"]
    send_back = paths["/api/v3/pages/{page_id}/workflow/send-back/"]["post"]
    body = send_back["requestBody"]["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[-1]
    assert document["components"]["schemas"][body]["required"] == ["comment"]


# --- token screens (Wagtail's, Pengaturan → Token API) -------------------------------------------------

TOKENS = "wagtailusers_api_tokens"


def test_a_user_creates_sees_once_and_revokes_a_token(draft, users, client_as, client):
    admin = client_as("admin")
    home = admin.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse(f"{TOKENS}:index") in home  # in the Settings menu

    response = admin.post(reverse(f"{TOKENS}:add"), {"name": "Aplikasi humas", "user": users["admin"].pk})
    assert response.status_code == 200
    plaintext = BeautifulSoup(response.content, "html.parser").find(id="api-token-value")["value"]
    assert plaintext.startswith("wagtail_")
    assert "tidak akan ditampilkan lagi" in response.content.decode()

    listing = admin.get(reverse(f"{TOKENS}:index")).content.decode()
    assert "Aplikasi humas" in listing and plaintext not in listing
    assert APIToken.objects.get(name="Aplikasi humas").prefix in listing

    response = api(client, plaintext, "post", workflow(draft, "submit/"))
    assert response.status_code == 200 and response.json()["requested_by"] == "admin"

    token = APIToken.objects.get(name="Aplikasi humas")
    response = admin.post(reverse(f"{TOKENS}:delete", args=[token.pk]), follow=True)
    assert "dicabut" in response.content.decode()
    assert api(client, plaintext, "get", workflow(draft)).status_code == 401


def test_a_token_issued_before_keeps_working(draft, users, client):
    """Warta's own token screen stored Wagtail's APIToken rows too: a token made there is one of these."""
    _token, plaintext = APIToken.create_token(user=users["redaktur"], name="Dari layar lama")
    assert api(client, plaintext, "get", workflow(draft)).status_code == 200


def test_users_see_and_revoke_only_their_own_tokens(users, client_as):
    token, plaintext = APIToken.create_token(user=users["redaktur"], name="Milik redaktur")
    admin = client_as("admin")
    assert "Milik redaktur" not in admin.get(reverse(f"{TOKENS}:index")).content.decode()
    assert admin.post(reverse(f"{TOKENS}:delete", args=[token.pk])).status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None
    # and create none in another's name: the only owner offered is oneself
    form = BeautifulSoup(admin.get(reverse(f"{TOKENS}:add")).content, "html.parser")
    assert {o["value"] for o in form.select("select[name=user] option") if o["value"]} == {str(users["admin"].pk)}
    admin.post(reverse(f"{TOKENS}:add"), {"name": "Atas nama redaktur", "user": users["redaktur"].pk})
    assert not APIToken.objects.filter(name="Atas nama redaktur").exists()


def test_a_token_needs_a_name(users, client_as):
    response = client_as("admin").post(reverse(f"{TOKENS}:add"), {"name": "", "user": users["admin"].pk})
    assert response.status_code == 200 and not APIToken.objects.exists()
    assert "api-token-value" not in response.content.decode()


@pytest.mark.parametrize("role, may", [("admin", True), ("redaktur", True), ("kasubag", True),
                                       ("sekretaris", False), ("ketua", False), ("pranata", False)])
def test_the_roles_that_work_on_pages_manage_their_tokens(users, client_as, role, may):
    assert users[role].has_perm("wagtailcore.add_apitoken") is may
    response = client_as(role).get(reverse(f"{TOKENS}:index"))
    assert (response.status_code == 200) is may


def test_only_users_who_may_edit_can_submit(draft, users, client):
    _token, plaintext = APIToken.create_token(user=users["ketua"], name="uji ketua")
    response = api(client, plaintext, "post", workflow(draft, "submit/"))
    assert response.status_code == 403, response.content
    assert "tidak berhak" in response.json()["detail"]
    assert Page.objects.get(pk=draft.pk).current_workflow_state is None
