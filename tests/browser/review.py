"""Putting content where a journey starts: a news item at a given review step, made as the roles would."""

from wagtail.models import TaskState
from wagtail.rich_text import RichText

from tests.support.factories import NewsPageFactory


def news_draft(court, title="Sidang keliling di Desa Maju", **fields):
    """A news draft by the court's Admin (never published)."""
    fields.setdefault("body", [("paragraph", RichText("<p>Pengadilan menggelar sidang keliling di balai desa.</p>"))])
    page = NewsPageFactory(parent=court.news_index, title=title, live=False, **fields)
    page.save_revision(user=court.users["admin"])
    return page


def submit(page, user):
    """Send to the Redaktur: a new review, or the sent-back one resumed (as "Kirim ke Redaktur" does)."""
    state = page.current_workflow_state
    if state is not None and state.status == state.STATUS_NEEDS_CHANGES:
        state.resume(user)
    else:
        page.get_workflow().start(page, user)
    page.refresh_from_db()
    return page


def act(page, user, action, **kwargs):
    """The current step's action by `user` (approve / reject), as the admin's workflow action does."""
    state = TaskState.objects.get(workflow_state__object_id=str(page.pk), status=TaskState.STATUS_IN_PROGRESS)
    state.task.specific.on_action(state, user, action, **kwargs)
    page.refresh_from_db()
    return page


def in_kasubag_step(court, title="Sidang keliling di Desa Maju"):
    """A news item the Admin submitted and the Redaktur passed on: it waits for the Kasubag PTIP."""
    page = submit(news_draft(court, title), court.users["admin"])
    return act(page, court.users["redaktur"], "approve")
