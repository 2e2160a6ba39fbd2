"""Workflow e-mails: sent by a background task after the commit, in HTML, in each recipient's language."""

import pytest
from django.core import mail
from wagtail.users.models import UserProfile

from editorial.notifications import send_overdue_reminder, send_workflow_notification
from tests.support.admin_forms import current_task_state
from tests.support.factories import NewsPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(court, users):
    page = NewsPageFactory(parent=court.news_index, title="Penyuluhan hukum", live=False, owner=users["admin"])
    page.save_revision(user=users["admin"])
    return page


def test_emails_wait_for_the_commit_and_go_through_the_notifications_queue(draft, users,
                                                                          django_capture_on_commit_callbacks):
    assert send_workflow_notification.queue_name == "notifications"
    assert send_overdue_reminder.queue_name == "notifications"
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        draft.get_workflow().start(draft, users["admin"])
    # Wagtail's own notifier would have sent inside the transaction; ours waits for the commit.
    assert mail.outbox == []
    assert callbacks
    for callback in callbacks:
        callback()
    assert [m.to for m in mail.outbox] == [[users["redaktur"].email]]


def test_each_recipient_reads_it_in_their_language(draft, users, django_capture_on_commit_callbacks):
    profile = UserProfile.get_for_user(users["redaktur"])
    profile.preferred_language = "en"
    profile.save()
    with django_capture_on_commit_callbacks(execute=True):
        draft.get_workflow().start(draft, users["admin"])
    [message] = mail.outbox
    html = message.alternatives[0][0]
    assert message.subject.startswith('The page "Penyuluhan hukum" has been submitted for approval')
    assert "Hello" in message.body and "Hello" in html
    assert "has been submitted for approval" in html

    mail.outbox.clear()
    state = current_task_state(draft)
    with django_capture_on_commit_callbacks(execute=True):
        state.task.specific.on_action(state, users["redaktur"], "reject", comment="Lengkapi narasumber.")
    [message] = mail.outbox
    html = message.alternatives[0][0]
    assert message.to == [users["admin"].email]
    assert message.subject == 'Halaman "Penyuluhan hukum" ditolak dalam "Alur Redaksi Berita (SOP B & C)".'
    assert "Halo" in message.body and "Halo" in html and "Hello" not in html
    assert "Lengkapi narasumber." in message.body and "Lengkapi narasumber." in html
    assert f"http://testserver/admin/pages/{draft.pk}/edit/" in html


def test_send_back_mail_keeps_its_comment_when_sent_late(draft, users, django_capture_on_commit_callbacks):
    """A slow queue: the Admin has already resubmitted when the send-back e-mail goes out."""
    draft.get_workflow().start(draft, users["admin"])
    state = current_task_state(draft)
    with django_capture_on_commit_callbacks(execute=False) as late:
        state.task.specific.on_action(state, users["redaktur"], "reject", comment="Judul terlalu panjang.")
    draft.refresh_from_db()
    draft.current_workflow_state.resume(users["admin"])
    mail.outbox.clear()
    for callback in late:
        callback()
    assert [m.to for m in mail.outbox] == [[users["admin"].email]]
    assert "Judul terlalu panjang." in mail.outbox[0].body


def test_no_mail_to_superusers_who_are_not_reviewers(draft, users, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        draft.get_workflow().start(draft, users["admin"])
    assert users["root"].email not in [address for m in mail.outbox for address in m.to]
