"""The review-safe editors (editorial.editing): a review action from an outdated form changes nothing and says so;
an outdated autosave is refused like Wagtail's own conflicting autosave; the send-back note opens the editor."""

import json
from html import unescape

import pytest
from django.urls import reverse

from editorial.editing import TOKEN_FIELD, review_state_token
from tests.support.admin_forms import browser_form_data, page_form
from tests.support.factories import NewsPageFactory, submitted_monev_report

pytestmark = pytest.mark.django_db


def submitted(court, users):
    page = NewsPageFactory(parent=court.news_index, live=False, body=[("paragraph", "<p>Isi berita.</p>")])
    page.save_revision(user=users["admin"])
    page.get_workflow().start(page, users["admin"])
    page.refresh_from_db()
    return page


def edit_form(client, url, form_id="page-edit-form"):
    response = client.get(url)
    assert response.status_code == 200
    return browser_form_data(response, form_id)


def test_the_edit_form_carries_the_review_state(court, users, client_as):
    page = submitted(court, users)
    data = edit_form(client_as("redaktur"), reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert data[TOKEN_FIELD] == review_state_token(page)


def test_a_workflow_action_from_an_outdated_form_changes_nothing(court, users, client_as):
    page = submitted(court, users)
    redaktur = client_as("redaktur")
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = page_form(redaktur, url)
    data.update({"action-workflow-action": "true", "workflow-action-name": "approve"})
    first = redaktur.post(url, data, follow=True)
    assert "disetujui dan diteruskan ke langkah 'Persetujuan Kasubag PTIP'" in unescape(first.content.decode())
    revisions = page.revisions.count()

    second = redaktur.post(url, data, follow=True)  # the double click
    text = unescape(second.content.decode())
    assert "sekarang menunggu langkah 'Persetujuan Kasubag PTIP'" in text
    assert "tidak ada yang diubah" in text
    page.refresh_from_db()
    assert page.current_workflow_task.name == "Persetujuan Kasubag PTIP"
    assert page.revisions.count() == revisions


def test_an_autosave_from_an_outdated_form_is_refused_as_a_conflict(court, users, client_as):
    page = submitted(court, users)
    redaktur = client_as("redaktur")
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = page_form(redaktur, url)
    page.current_workflow_task.specific.on_action(page.current_workflow_task_state, users["redaktur"], "approve")
    data["lead"] = "Diketik setelah halaman lain menyetujui."
    response = redaktur.post(url, data, HTTP_ACCEPT="application/json")
    answer = json.loads(response.content)
    assert answer["success"] is False and answer["error_code"] == "invalid_revision"
    assert "tidak ada yang diubah" in answer["error_message"]
    page.refresh_from_db()
    assert page.get_latest_revision_as_object().lead != data["lead"]


def test_a_plain_save_from_an_outdated_form_still_saves(court, users, client_as):
    """Only review actions are refused: an Admin's draft save after a send-back keeps her work."""
    page = submitted(court, users)
    admin = client_as("admin")
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    page.current_workflow_task.specific.on_action(page.current_workflow_task_state, users["redaktur"], "reject",
                                                  comment="Perbaiki judul.")
    data = page_form(admin, url)
    data[TOKEN_FIELD] = "0.-.0.0"  # loaded before the send-back
    data["lead"] = "Teras yang diperbaiki."
    response = admin.post(url, data)
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.get_latest_revision_as_object().lead == "Teras yang diperbaiki."


def test_a_sent_back_item_opens_with_the_note_and_one_way_to_resubmit(court, users, client_as):
    page = submitted(court, users)
    page.current_workflow_task.specific.on_action(page.current_workflow_task_state, users["redaktur"], "reject",
                                                  comment="Nama kepala desa salah eja.")
    html = client_as("admin").get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert "Dikembalikan oleh" in html and "Nama kepala desa salah eja." in html
    assert users["redaktur"].get_full_name() in html
    assert "Kirim ke Redaktur" in html
    assert 'name="action-restart-workflow"' not in html
    dashboard = client_as("admin").get(reverse("wagtailadmin_home")).content.decode()
    assert "data-send-back-note" in dashboard and "Nama kepala desa salah eja." in dashboard


def test_a_report_action_from_an_outdated_form_changes_nothing(court, users, client_as):
    report = submitted_monev_report(court.site, users["kasubag"])
    sekretaris = client_as("sekretaris")
    url = reverse("wagtailsnippets_monev_monevreport:edit", args=[report.pk])
    response = sekretaris.get(url)
    assert response.status_code == 200
    token = review_state_token(report)
    assert f'value="{token}"' in response.content.decode()
    # Sent back in another tab; then the stale form's approval arrives.
    state = report.current_workflow_task_state
    state.task.specific.on_action(state, users["sekretaris"], "reject", comment="Lengkapi kendala.")
    response = sekretaris.post(url, {TOKEN_FIELD: token, "action-workflow-action": "true",
                                     "workflow-action-name": "approve"}, follow=True)
    assert "tidak ada yang diubah" in response.content.decode()
    report.refresh_from_db()
    assert not report.live and report.archived_at is None


def test_reverting_to_an_old_version_uses_the_review_safe_editor(court, users, client_as):
    page = submitted(court, users)
    old = page.get_latest_revision()
    page.save_revision(user=users["redaktur"])
    url = reverse("wagtailadmin_pages:revisions_revert", args=[page.pk, old.pk])
    html = client_as("redaktur").get(url).content.decode()
    assert f'name="{TOKEN_FIELD}"' in html


def test_a_dashboard_button_for_a_step_that_is_over_explains_instead_of_403(court, users, client_as):
    report = submitted_monev_report(court.site, users["kasubag"])
    old_state = report.current_workflow_task_state
    # The Kasubag withdraws and resubmits: a new step is open, the Sekretaris's old button names the old one.
    report.current_workflow_state.cancel(user=users["kasubag"])
    report.refresh_from_db()
    from wagtail.models import Workflow

    from monev import archive_setup

    Workflow.objects.get(name=archive_setup.WORKFLOW_NAME).start(report, users["kasubag"])
    url = reverse("wagtailsnippets_monev_monevreport:workflow_action", args=[report.pk, "approve", old_state.pk])
    response = client_as("sekretaris").post(url, {"comment": ""}, follow=True)
    assert response.status_code == 200
    assert "sekarang menunggu langkah" in unescape(response.content.decode())
    report.refresh_from_db()
    assert not report.live and report.workflow_in_progress
