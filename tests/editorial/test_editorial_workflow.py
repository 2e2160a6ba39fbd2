"""SOP B/C steps 1-3 through the real admin, as each role: Admin drafts, Redaktur corrects, Kasubag approves."""

import pytest
from django.core import mail
from django.core.management import call_command
from wagtail.models import PageLogEntry, Revision, TaskState, WorkflowState

from cms.models import NewsPage
from editorial.models import StepRecord
from editorial.workflow_setup import KOREKSI_NAME, PERSETUJUAN_NAME, WORKFLOW_NAME
from tests.support.admin_forms import (
    create_url,
    current_task_state,
    edit_url,
    page_form,
    wib,
    workflow_action_url,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def act(django_capture_on_commit_callbacks):
    """Run one request and then what the transaction commit triggers (the background e-mail tasks)."""
    def run(call, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return call(*args, **kwargs)
    return run


def log_actions(page):
    return list(PageLogEntry.objects.filter(page=page).order_by("timestamp", "id").values_list("action", flat=True))


def test_workflow_is_assigned_to_the_whole_tree(court):
    page = court.news_index
    workflow = page.get_workflow()
    assert workflow.name == WORKFLOW_NAME
    assert [task.name for task in workflow.tasks] == [KOREKSI_NAME, PERSETUJUAN_NAME]
    assert [group.name for group in workflow.tasks[0].specific.groups.all()] == ["Redaktur"]
    assert [group.name for group in workflow.tasks[1].specific.groups.all()] == ["Kasubag PTIP"]


def test_full_review_until_live(court, users, client_as, clock, act):
    admin, redaktur, kasubag = client_as("admin"), client_as("redaktur"), client_as("kasubag")

    # 1. Admin drafts (Monday 09:00) and sends it to the Redaktur at 09:20.
    clock(wib(2, 9, 0))
    data = page_form(admin, create_url(court.news_index), title="Sidang keliling di Kecamatan Maju",
                     slug="sidang-keliling", lead="Pengadilan menggelar sidang keliling.",
                     social_caption="Sidang keliling hari ini.")
    response = act(admin.post, create_url(court.news_index), data)
    assert response.status_code == 302
    page = NewsPage.objects.get(slug="sidang-keliling")
    assert not page.live

    clock(wib(2, 9, 20))
    response = admin.get(edit_url(page))
    assert "Kirim ke Redaktur" in response.content.decode()
    assert 'name="action-publish"' not in response.content.decode()
    data = page_form(admin, edit_url(page), lead="Pengadilan menggelar sidang keliling di Kecamatan Maju.")
    data["action-submit"] = "Kirim ke Redaktur"
    response = act(admin.post, edit_url(page), data)
    assert response.status_code == 302
    state = current_task_state(page)
    assert state.task.name == KOREKSI_NAME
    page.refresh_from_db()
    admin_revision = page.get_latest_revision()
    redaktur_mail = [m for m in mail.outbox if users["redaktur"].email in m.to]
    assert len(redaktur_mail) == 1
    assert KOREKSI_NAME in redaktur_mail[0].subject
    assert f"/admin/pages/{page.pk}/edit/" in redaktur_mail[0].alternatives[0][0]
    assert not [m for m in mail.outbox if users["kasubag"].email in m.to]

    # While the Redaktur's step is open, the Admin cannot edit.
    html = admin.get(edit_url(page)).content.decode()
    assert 'class="lock warning"' in html and KOREKSI_NAME in html
    assert 'name="action-submit"' not in html and 'name="action-publish"' not in html
    locked = page_form(admin, edit_url(page), lead="Perubahan diam-diam.")
    admin.post(edit_url(page), locked)
    page.refresh_from_db()
    assert page.get_latest_revision() == admin_revision

    # 2. Redaktur corrects in place (a new revision), then sends it back with a comment.
    clock(wib(2, 9, 40))
    data = page_form(redaktur, edit_url(page),
                     lead="Pengadilan Negeri Uji menggelar sidang keliling di Kecamatan Maju.")
    response = act(redaktur.post, edit_url(page), data)
    assert response.status_code == 302
    page.refresh_from_db()
    redaktur_revision = page.get_latest_revision()
    assert redaktur_revision.pk != admin_revision.pk and redaktur_revision.user == users["redaktur"]
    compare = redaktur.get(f"/admin/pages/{page.pk}/revisions/compare/{admin_revision.pk}...{redaktur_revision.pk}/")
    assert compare.status_code == 200
    assert '<span class="addition">Negeri Uji </span>' in compare.content.decode()

    clock(wib(2, 9, 45))
    # The comment is required to send it back.
    act(redaktur.post, workflow_action_url(page, "reject", state), {"comment": ""})
    assert TaskState.objects.get(pk=state.pk).status == TaskState.STATUS_IN_PROGRESS
    mail.outbox.clear()
    act(redaktur.post, workflow_action_url(page, "reject", state), {"comment": "Tambahkan jam sidang."})
    state.refresh_from_db()
    assert state.status == TaskState.STATUS_REJECTED and state.comment == "Tambahkan jam sidang."
    assert page.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert [m.to for m in mail.outbox] == [[users["admin"].email]]
    assert "Tambahkan jam sidang." in mail.outbox[0].body

    # 3. Admin fixes and resubmits: back to the Redaktur, who approves.
    clock(wib(2, 10, 0))
    response = admin.get(edit_url(page))
    assert "Kirim ke Redaktur" in response.content.decode()
    data = page_form(admin, edit_url(page), lead="Sidang keliling di Kecamatan Maju, pukul 09.00-12.00.")
    data["action-submit"] = "Kirim ke Redaktur"
    act(admin.post, edit_url(page), data)
    state = current_task_state(page)
    assert state.task.name == KOREKSI_NAME

    clock(wib(2, 10, 30))
    mail.outbox.clear()
    act(redaktur.post, workflow_action_url(page, "approve", state), {})
    state = current_task_state(page)
    assert state.task.name == PERSETUJUAN_NAME
    assert [m.to for m in mail.outbox] == [[users["kasubag"].email]]
    # The Redaktur cannot approve the Kasubag's step.
    redaktur.post(workflow_action_url(page, "approve", state), {})
    assert TaskState.objects.get(pk=state.pk).status == TaskState.STATUS_IN_PROGRESS

    # 4. Kasubag sends it back; the Admin's next submission starts again at the Redaktur.
    clock(wib(2, 11, 0))
    act(kasubag.post, workflow_action_url(page, "reject", state), {"comment": "Foto belum ada."})
    clock(wib(2, 11, 10))
    data = page_form(admin, edit_url(page))
    data["action-submit"] = "Kirim ke Redaktur"
    act(admin.post, edit_url(page), data)
    state = current_task_state(page)
    assert state.task.name == KOREKSI_NAME
    assert "warta.workflow.restart" in log_actions(page)

    clock(wib(2, 11, 20))
    act(redaktur.post, workflow_action_url(page, "approve", state), {})
    state = current_task_state(page)
    assert state.task.name == PERSETUJUAN_NAME

    # 5. Kasubag approves: the page is live, and the Admin hears about it.
    clock(wib(2, 11, 30))
    mail.outbox.clear()
    act(kasubag.post, workflow_action_url(page, "approve", state), {"comment": ""})
    page.refresh_from_db()
    assert page.live
    assert page.live_revision.as_object().lead == "Sidang keliling di Kecamatan Maju, pukul 09.00-12.00."
    assert [m.to for m in mail.outbox] == [[users["admin"].email]]
    response = admin.get("/berita/sidang-keliling/")
    assert response.status_code == 200
    assert "Sidang keliling di Kecamatan Maju" in response.content.decode()

    # Every transition is in Wagtail's audit log with who did it and the comments.
    entries = PageLogEntry.objects.filter(page=page)
    assert entries.filter(action="wagtail.workflow.start", user=users["admin"]).exists()
    reject = entries.get(action="wagtail.workflow.reject", user=users["redaktur"])
    assert reject.data["comment"] == "Tambahkan jam sidang."
    assert entries.get(action="wagtail.workflow.reject", user=users["kasubag"]).data["comment"] == "Foto belum ada."
    assert entries.filter(action="wagtail.workflow.approve", user=users["redaktur"]).count() == 2
    assert entries.filter(action="wagtail.publish", user=users["kasubag"]).exists()
    assert not entries.filter(action="warta.emergency_publish").exists()
    history = kasubag.get(f"/admin/pages/{page.pk}/history/").content.decode()
    assert "Tambahkan jam sidang." in history

    # The steps were timed in working hours against Mutu Baku (news with a social draft: B + C).
    steps = [(r.step, r.working_seconds // 60, r.standard_minutes, r.outcome)
             for r in StepRecord.objects.filter(page=page).order_by("started_at", "pk")]
    assert steps == [
        ("menyiapkan", 20, 60, StepRecord.SUBMITTED),
        ("koreksi", 25, 60, StepRecord.REJECTED),
        ("menyiapkan", 15, 60, StepRecord.SUBMITTED),
        ("koreksi", 30, 60, StepRecord.APPROVED),
        ("persetujuan", 30, 45, StepRecord.REJECTED),
        ("menyiapkan", 10, 60, StepRecord.SUBMITTED),
        ("koreksi", 10, 60, StepRecord.APPROVED),
        ("persetujuan", 10, 45, StepRecord.APPROVED),
    ]


def test_scheduled_item_goes_live_only_with_publish_scheduled(court, users, client_as, clock, act):
    admin, redaktur, kasubag = client_as("admin"), client_as("redaktur"), client_as("kasubag")
    clock(wib(2, 9, 0))
    data = page_form(admin, create_url(court.news_index), title="Pengumuman libur", slug="libur",
                     lead="Libur nasional.", go_live_at="2026-11-03 08:00")
    data["action-submit"] = "Kirim ke Redaktur"
    act(admin.post, create_url(court.news_index), data)
    page = NewsPage.objects.get(slug="libur")
    act(redaktur.post, workflow_action_url(page, "approve", current_task_state(page)), {})
    act(kasubag.post, workflow_action_url(page, "approve", current_task_state(page)), {})

    page.refresh_from_db()
    assert not page.live
    assert Revision.objects.filter(object_id=str(page.pk), approved_go_live_at__isnull=False).exists()
    call_command("publish_scheduled")
    page.refresh_from_db()
    assert not page.live

    clock(wib(3, 8, 1))
    call_command("publish_scheduled")
    page.refresh_from_db()
    assert page.live
    assert not PageLogEntry.objects.filter(page=page, action="warta.emergency_publish").exists()


def test_a_second_court_gets_its_own_workflow_and_reviewers(court, users):
    from django.apps import apps
    from django.contrib.auth.models import Group
    from wagtail.models import Page

    from editorial.workflow_setup import setup_court_workflow
    from tests.support.factories import HomePageFactory, NewsIndexPageFactory, NewsPageFactory, UserFactory

    other_home = HomePageFactory(parent=Page.get_first_root_node(), slug="pn-lain", title="PN Lain")
    for role in ("Redaktur", "Kasubag PTIP"):
        Group.objects.create(name=f"PN Lain - {role}")
    setup_court_workflow(apps, other_home.pk, "PN Lain - ")
    their_redaktur = UserFactory(username="redaktur-lain", groups=["PN Lain - Redaktur"])

    page = NewsPageFactory(parent=NewsIndexPageFactory(parent=other_home, slug="berita-lain"), live=False)
    page.save_revision(user=users["admin"])
    workflow = page.get_workflow()
    assert workflow.name == f"{WORKFLOW_NAME} — PN Lain"
    assert court.news_index.get_workflow().name == WORKFLOW_NAME
    workflow.start(page, users["admin"])
    task = page.current_workflow_task
    assert task.get_actions(page, users["redaktur"]) == []
    assert [name for name, _label, _modal in task.get_actions(page, their_redaktur)] == ["reject", "approve", "approve"]
