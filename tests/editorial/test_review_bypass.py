"""Nothing goes live except through the review: every role against every action that changes what is public,
over HTTP (the admin with a logged-in session, the v3 API with the role's own token).

Each action answers one of:
  forbidden  Wagtail's own permissions refuse it (the role may not do it at all);
  refused    refused with Warta's Indonesian message, nothing changed on the public site;
  draft      done, and what it made waits for the review (a draft, a revision, no schedule);
  done       done, and it puts nothing new live (unpublish, delete, a move within the court);
  live       made live at once: only a superuser, and logged as an emergency publish.
"""

import datetime
import json

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import APIToken, Page, PageLogEntry, Revision, Site

from cms.models import NewsPage
from editorial.publishing import EMERGENCY_PUBLISH
from tests.support.admin_forms import edit_url, messages_text, page_form
from tests.support.factories import HomePageFactory, NewsIndexPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db

ROLES = ["admin", "redaktur", "kasubag", "sekretaris", "ketua", "pranata", "root"]
REVIEW_TEXT = ("melalui alur redaksi", "tanpa pemeriksaan Redaktur", "kirim ke Redaktur", "ke pengadilan lain")


class World:
    """A court with a live item (published twice, so there is an older revision to revert to), a draft, an
    alias of the live item made by a superuser, a second news index in the same court, and a second court."""

    def __init__(self, court, users):
        self.court, self.users = court, users
        self.live = NewsPageFactory(parent=court.news_index, title="Berita tayang lama", slug="tayang",
                                    owner=users["admin"])
        self.old_revision = self.live.save_revision(user=users["admin"])
        self.old_revision.publish(user=None)
        self.live.title = "Berita tayang"
        self.live.save_revision(user=users["admin"]).publish(user=None)
        self.draft = NewsPageFactory(parent=court.news_index, title="Konsep berita", slug="konsep", live=False,
                                     owner=users["admin"])
        self.draft.save_revision(user=users["admin"])
        self.archive = NewsIndexPageFactory(parent=court.home, title="Arsip berita", slug="arsip")
        other_home = HomePageFactory(parent=Page.get_first_root_node(), slug="pa-uji")
        Site.objects.create(hostname="pa-uji.localhost", port=80, root_page=other_home, site_name="PA Uji")
        self.other_court = NewsIndexPageFactory(parent=other_home, title="Berita PA", slug="berita-pa")
        self.alias = Page.objects.get(pk=self.live.pk).specific.create_alias(parent=self.archive, update_slug="alias")

    def page(self, page):
        return Page.objects.get(pk=page.pk).specific

    def live_copies(self, slug):
        return NewsPage.objects.filter(slug=slug, live=True).exists()

    def copied(self, slug):
        return NewsPage.objects.filter(slug=slug).exists()


@pytest.fixture
def world(court, users):
    return World(court, users)


def refused_here(text):
    return any(phrase in text for phrase in REVIEW_TEXT)


def admin_answer(response, *, live, done, refusal_expected=True):
    """An admin response after redirects: 403 / Wagtail's permission message, Warta's refusal, or the result."""
    if live:
        return "live"
    text = messages_text(response)
    if response.status_code == 403 or "tidak memiliki izin" in text or "do not have permission" in text:
        return "forbidden"
    if refusal_expected and refused_here(text) and not done:
        return "refused"
    if not done and "0 halaman" in text:  # a bulk action leaves out the pages the user may not act on
        return "forbidden"
    return "draft" if done == "draft" else ("done" if done else f"unchanged ({response.status_code}: {text})")


# --- the admin ------------------------------------------------------------------------------------

def copy_url(page):
    return reverse("wagtailadmin_pages:copy", args=[page.pk])


def admin_copy(world, client, **extra):
    response = client.post(copy_url(world.live), {
        "new_title": "Salinan", "new_slug": "salinan", "new_parent_page": world.court.news_index.pk, **extra,
    }, follow=True)
    done = "draft" if world.copied("salinan") else None
    return admin_answer(response, live=world.live_copies("salinan"), done=done)


def admin_copy_keep_live(world, client):
    return admin_copy(world, client, publish_copies="on")


def admin_copy_alias(world, client):
    return admin_copy(world, client, alias="on")


def admin_copy_as_draft(world, client):
    return admin_copy(world, client)


def admin_move(world, client, destination):
    url = reverse("wagtailadmin_pages:move_confirm", args=[world.live.pk, destination.pk])
    response = client.post(url, follow=True)
    moved = world.page(world.live).get_parent().pk == destination.pk
    return admin_answer(response, live=False, done="done" if moved else None)


def admin_move_within_court(world, client):
    return admin_move(world, client, world.archive)


def admin_move_to_other_court(world, client):
    answer = admin_move(world, client, world.other_court)
    return "live" if answer == "done" and world.page(world.live).live else answer


def admin_revert_and_publish(world, client):
    url = reverse("wagtailadmin_pages:revisions_revert", args=[world.live.pk, world.old_revision.pk])
    if client.get(url).status_code != 200:
        return "forbidden"
    data = page_form(client, url, title="Berita tayang lama")
    data["action-publish"] = "action-publish"
    response = client.post(url, data, follow=True)
    page = world.page(world.live)
    reverted = page.get_latest_revision_as_object().title == "Berita tayang lama"
    return admin_answer(response, live=page.title == "Berita tayang lama", done="draft" if reverted else None,
                        refusal_expected=False)


def admin_schedule(world, client):
    url = edit_url(world.draft)
    if client.get(url).status_code != 200:
        return "forbidden"
    data = page_form(client, url, go_live_at="2099-01-01 08:00")
    data["action-publish"] = "action-publish"
    response = client.post(url, data, follow=True)
    scheduled = Revision.page_revisions.filter(object_id=str(world.draft.pk), approved_go_live_at__isnull=False)
    saved = world.page(world.draft).get_latest_revision_as_object().go_live_at is not None
    return admin_answer(response, live=scheduled.exists(), done="draft" if saved else None, refusal_expected=False)


def bulk_url(action, page):
    return reverse("wagtail_bulk_action", args=["wagtailcore", "page", action]) + f"?id={page.pk}"


def admin_bulk_publish(world, client):
    response = client.post(bulk_url("publish", world.draft), {"include_descendants": ""}, follow=True)
    return admin_answer(response, live=world.page(world.draft).live, done=None)


def admin_bulk_unpublish(world, client):
    response = client.post(bulk_url("unpublish", world.live), {"include_descendants": ""}, follow=True)
    return admin_answer(response, live=False, done="done" if not world.page(world.live).live else None)


def admin_bulk_move_to_other_court(world, client):
    response = client.post(bulk_url("move", world.live), {"chooser": world.other_court.pk}, follow=True)
    moved = world.page(world.live).get_parent().pk == world.other_court.pk
    return admin_answer(response, live=moved and world.page(world.live).live, done=None)


# --- the v3 API -----------------------------------------------------------------------------------

def api(client, token, method, path, payload=None):
    return getattr(client, method)(
        f"/api/v3{path}", data=json.dumps(payload) if payload is not None else None,
        content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {token}",
    )


def api_answer(response, *, live, done):
    if live:
        return "live"
    if response.status_code in (403, 409) and refused_here(response.json().get("detail", "")):
        return "refused"
    if response.status_code in (401, 403):
        return "forbidden"
    if response.status_code == 404:
        return "not found"
    assert response.status_code < 300, response.content
    return done


def api_publish(world, client, token):
    response = api(client, token, "post", f"/pages/{world.draft.pk}/actions/publish/")
    return api_answer(response, live=world.page(world.draft).live, done="draft")


def api_unpublish(world, client, token):
    response = api(client, token, "post", f"/pages/{world.live.pk}/actions/unpublish/", {})
    return api_answer(response, live=False, done="done")


def api_create_and_publish(world, client, token):
    response = api(client, token, "post", "/pages/", {
        "meta": {"type": "cms.NewsPage", "parent_id": world.court.news_index.pk, "action": "publish"},
        "title": "Baru lewat API", "slug": "baru-api", "lead": "Teras.",
        "body": [{"type": "paragraph", "value": "<p>Isi.</p>"}],
    })
    return api_answer(response, live=world.live_copies("baru-api"), done="draft")


def api_update_and_publish(world, client, token):
    response = api(client, token, "patch", f"/pages/{world.draft.pk}/",
                   {"meta": {"type": "cms.NewsPage", "action": "publish"}, "title": "Diterbitkan lewat API"})
    return api_answer(response, live=world.page(world.draft).live, done="draft")


def api_schedule(world, client, token):
    response = api(client, token, "patch", f"/pages/{world.draft.pk}/",
                   {"meta": {"type": "cms.NewsPage", "action": "publish"}, "go_live_at": "2099-01-01T08:00:00+07:00"})
    scheduled = Revision.page_revisions.filter(object_id=str(world.draft.pk), approved_go_live_at__isnull=False)
    return api_answer(response, live=scheduled.exists(), done="draft")


def api_copy_keep_live(world, client, token):
    response = api(client, token, "post", f"/pages/{world.live.pk}/actions/copy/",
                   {"slug": "salinan", "keep_live": True})
    return api_answer(response, live=world.live_copies("salinan"), done="draft")


def api_copy_as_draft(world, client, token):
    response = api(client, token, "post", f"/pages/{world.live.pk}/actions/copy/",
                   {"slug": "salinan", "keep_live": False})
    return api_answer(response, live=world.live_copies("salinan"), done="draft")


def api_create_alias(world, client, token):
    response = api(client, token, "post", f"/pages/{world.live.pk}/actions/create_alias/",
                   {"slug": "alias-api", "destination_id": world.court.news_index.pk})
    return api_answer(response, live=world.live_copies("alias-api"), done="draft")


def api_move_within_court(world, client, token):
    response = api(client, token, "post", f"/pages/{world.live.pk}/actions/move/",
                   {"destination_id": world.archive.pk, "position": "last-child"})
    return api_answer(response, live=False, done="done")


def api_move_to_other_court(world, client, token):
    response = api(client, token, "post", f"/pages/{world.live.pk}/actions/move/",
                   {"destination_id": world.other_court.pk, "position": "last-child"})
    page = world.page(world.live)
    return api_answer(response, live=page.live and page.get_parent().pk == world.other_court.pk, done="done")


def api_revert(world, client, token):
    response = api(client, token, "post", f"/pages/{world.live.pk}/actions/revert/",
                   {"revision_id": world.old_revision.pk})
    page = world.page(world.live)
    return api_answer(response, live=page.title == "Berita tayang lama", done="draft")


def api_convert_alias(world, client, token):
    response = api(client, token, "post", f"/pages/{world.alias.pk}/actions/convert_alias/")
    return api_answer(response, live=False, done="done")


def api_delete(world, client, token):
    response = api(client, token, "delete", f"/pages/{world.live.pk}/actions/delete/")
    return api_answer(response, live=False, done="done")


def api_copy_for_translation(world, client, token):
    # WAGTAIL_I18N_ENABLED is off: Wagtail answers 404 (and an alias in another locale would be refused).
    response = api(client, token, "post", f"/pages/{world.live.pk}/actions/copy_for_translation/",
                   {"locale": "en", "alias": True})
    return api_answer(response, live=False, done="done")


F, R, D, K, L = "forbidden", "refused", "draft", "done", "live"  # K: done, okay
NOBODY = {"sekretaris": F, "ketua": F, "pranata": F}

# role -> answer; roles not named answer as in NOBODY (no page permissions at all).
ADMIN_MATRIX = {
    admin_copy_keep_live: {"admin": R, "redaktur": R, "kasubag": R, "root": L},
    admin_copy_alias: {"admin": R, "redaktur": R, "kasubag": R, "root": L},
    admin_copy_as_draft: {"admin": D, "redaktur": D, "kasubag": D, "root": D},
    admin_move_within_court: {"admin": F, "redaktur": F, "kasubag": K, "root": K},
    admin_move_to_other_court: {"admin": F, "redaktur": F, "kasubag": R, "root": L},
    admin_revert_and_publish: {"admin": D, "redaktur": D, "kasubag": D, "root": L},
    admin_schedule: {"admin": D, "redaktur": D, "kasubag": D, "root": L},
    admin_bulk_publish: {role: R for role in ROLES} | {"root": L},
    admin_bulk_unpublish: {"admin": F, "redaktur": F, "kasubag": K, "root": K},
    admin_bulk_move_to_other_court: {"admin": F, "redaktur": F, "kasubag": R, "root": L},
}
API_MATRIX = {
    api_publish: {"admin": F, "redaktur": F, "kasubag": R, "root": L},
    api_unpublish: {"admin": F, "redaktur": F, "kasubag": K, "root": K},
    api_create_and_publish: {"admin": F, "redaktur": F, "kasubag": R, "root": L},
    api_update_and_publish: {"admin": F, "redaktur": F, "kasubag": R, "root": L},
    api_schedule: {"admin": F, "redaktur": F, "kasubag": R, "root": L},
    api_copy_keep_live: {"admin": F, "redaktur": F, "kasubag": R, "root": L},
    api_copy_as_draft: {"admin": D, "redaktur": D, "kasubag": D, "root": D},
    api_create_alias: {"admin": F, "redaktur": F, "kasubag": R, "root": L},
    api_move_within_court: {"admin": F, "redaktur": F, "kasubag": K, "root": K},
    api_move_to_other_court: {"admin": F, "redaktur": F, "kasubag": R, "root": L},
    api_revert: {"admin": D, "redaktur": D, "kasubag": D, "root": D},
    api_convert_alias: {"admin": K, "redaktur": K, "kasubag": K, "root": K},
    api_delete: {"admin": F, "redaktur": F, "kasubag": K, "root": K},
    # WAGTAIL_I18N_ENABLED is off.
    api_copy_for_translation: {"admin": "not found", "redaktur": "not found", "kasubag": "not found",
                               "root": "not found"},
}


def expected(matrix, action, role):
    return {**NOBODY, **matrix[action]}[role]


def emergency_logs():
    return PageLogEntry.objects.filter(action=EMERGENCY_PUBLISH).count()


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", list(ADMIN_MATRIX), ids=lambda action: action.__name__)
def test_admin_action(action, role, world, client_as):
    before = emergency_logs()
    answer = action(world, client_as(role))
    assert answer == expected(ADMIN_MATRIX, action, role)
    if answer == "live" and action not in (admin_move_to_other_court, admin_bulk_move_to_other_court):
        assert emergency_logs() > before, "a superuser's publish outside the review is logged"


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", list(API_MATRIX), ids=lambda action: action.__name__)
def test_api_action(action, role, world, client):
    token = APIToken.create_token(user=world.users[role], name=f"uji {role}")[1]
    before = emergency_logs()
    answer = action(world, client, token)
    assert answer == expected(API_MATRIX, action, role)
    if answer == "live" and action is not api_move_to_other_court:
        assert emergency_logs() > before, "a superuser's publish outside the review is logged"


def test_the_refusals_say_why_in_indonesian(world, users, client_as, client):
    kasubag = client_as("kasubag")
    response = kasubag.post(copy_url(world.live), {"new_title": "Salinan", "new_slug": "salinan",
                                                   "new_parent_page": world.court.news_index.pk, "alias": "on"},
                            follow=True)
    assert "Alias tidak dapat dibuat" in messages_text(response)
    token = APIToken.create_token(user=users["kasubag"], name="uji")[1]
    response = api(client, token, "post", f"/pages/{world.live.pk}/actions/copy/", {"slug": "salinan"})
    assert response.status_code == 409
    assert "Salin sebagai konsep" in response.json()["detail"]
    response = api(client, token, "post", f"/pages/{world.live.pk}/actions/move/",
                   {"destination_id": world.other_court.pk, "position": "last-child"})
    assert response.status_code == 403 and "pengadilan lain" in response.json()["detail"]


def test_the_copy_screen_offers_a_draft_copy_only(world, client_as):
    html = client_as("kasubag").get(copy_url(world.live)).content.decode()
    assert 'name="publish_copies"' not in html and 'name="alias"' not in html
    assert "Salinan disimpan sebagai konsep" in html
    html = client_as("root").get(copy_url(world.live)).content.decode()
    assert 'name="publish_copies"' in html and 'name="alias"' in html


def test_a_scheduled_go_live_comes_only_from_the_approved_review(world, users):
    # The review's own approval schedules an item with a go-live date ahead; nobody else does (above).
    draft = world.page(world.draft)
    draft.go_live_at = timezone.now() + datetime.timedelta(days=30)
    draft.save_revision(user=users["admin"])
    workflow = draft.get_workflow()
    state = workflow.start(draft, users["admin"])
    for role in ("redaktur", "kasubag"):
        state.refresh_from_db()
        task_state = state.current_task_state
        task_state.task.specific.on_action(task_state, users[role], "approve")
    revision = world.page(world.draft).get_latest_revision()
    assert revision.approved_go_live_at is not None and not world.page(world.draft).live
    assert not PageLogEntry.objects.filter(action=EMERGENCY_PUBLISH, page_id=world.draft.pk).exists()
