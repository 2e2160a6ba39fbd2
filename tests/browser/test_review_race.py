"""A workflow action, a double click and an autosave racing each other never lose a publication or answer 500."""

import re

import pytest
from playwright.sync_api import expect
from wagtail.models import PageLogEntry

from cms.models import NewsPage
from tests.browser.review import in_kasubag_step


def watch_responses(person):
    """Every answer to a POST on the edit view, as (status, url)."""
    seen = []
    person.page.on("response", lambda r: seen.append((r.status, r.url)) if r.request.method == "POST" else None)
    return seen


def stale_post(person, extra, accept):
    """Send the edit form as it was when the page loaded, as a second tab, a double click or an autosave would."""
    return person.page.evaluate(
        """([extra, accept]) => {
            const form = document.getElementById('page-edit-form');
            const data = new FormData(form);
            for (const [k, v] of Object.entries(extra)) data.set(k, v);
            window.__stale = fetch(form.action, {method: 'POST', body: data, headers: {Accept: accept},
                                                 credentials: 'same-origin'})
                .then(r => r.status);
        }""",
        [extra, accept],
    )


@pytest.mark.parametrize("second", ["autosave", "double-submit"])
def test_one_approve_click_publishes_and_a_racing_request_cannot_undo_it(live_court, open_as, second):
    page = in_kasubag_step(live_court)
    kasubag = open_as("kasubag")
    answers = watch_responses(kasubag)
    kasubag.go(f"/admin/pages/{page.pk}/edit/")
    approve = kasubag.page.locator("button[data-workflow-action-name=approve]", has_text="Setujui dan terbitkan")

    # The racing request is sent as the click goes out: both read the item before either has written.
    if second == "autosave":
        kasubag.page.fill("#id_lead", "Teras yang diketik tepat sebelum menyetujui.")
        stale_post(kasubag, {}, "application/json")
    else:
        stale_post(kasubag, {"action-workflow-action": "true", "workflow-action-name": "approve"}, "text/html")
    kasubag.page.locator("footer .dropdown-toggle, footer [data-w-dropdown-target=toggle]").first.click()
    approve.click()
    kasubag.page.wait_for_load_state("networkidle")
    # The person reads what happened: approved and published (or, if the racing copy's answer took the message,
    # that it was approved and is live already). Never "telah diperbarui".
    expect(kasubag.page.locator(".messages")).to_contain_text(
        re.compile(r"disetujui dan terbit\.|sudah disetujui dan tayang"))
    expect(kasubag.page.locator(".messages")).not_to_contain_text("diperbarui")
    stale_status = kasubag.page.evaluate("window.__stale || null")

    page = NewsPage.objects.get(pk=page.pk)
    assert page.live and page.first_published_at is not None
    assert page.current_workflow_state is None
    assert all(status < 500 for status, _url in answers), answers
    assert stale_status is None or stale_status < 500
    # Whatever came second, the Kasubag reads that the item is published.
    kasubag.go(f"/admin/pages/{page.pk}/edit/")
    expect(kasubag.page.get_by_role("link", name="Terlihat oleh semua")).to_contain_text("Tayang")


def test_two_tabs_approving_at_once_publish_once(live_court, open_as):
    """Two approvals sent at the same moment: one publishes, the other changes nothing and answers no 500."""
    page = in_kasubag_step(live_court)
    kasubag = open_as("kasubag")
    kasubag.go(f"/admin/pages/{page.pk}/edit/")
    statuses = kasubag.page.evaluate(
        """() => {
            const form = document.getElementById('page-edit-form');
            const send = () => {
                const data = new FormData(form);
                data.set('action-workflow-action', 'true');
                data.set('workflow-action-name', 'approve');
                return fetch(form.action, {method: 'POST', body: data, credentials: 'same-origin'})
                    .then(async r => [r.status, await r.text()]);
            };
            return Promise.all([send(), send()]);
        }"""
    )
    assert all(status < 500 for status, _html in statuses), [status for status, _html in statuses]
    # One of them published; the other was told so and changed nothing. Both answers share one session, whose
    # messages either answer may show (or lose to the other's save), so the count of publications is read from
    # the page's history; each answer still says the item is live.
    said = [html for _status, html in statuses]
    assert all("disetujui dan terbit." in html or "sudah disetujui dan tayang" in html for html in said)
    assert PageLogEntry.objects.filter(page=page, action="wagtail.publish").count() == 1
    page = NewsPage.objects.get(pk=page.pk)
    assert page.live and page.first_published_at is not None
    assert not page.has_unpublished_changes
