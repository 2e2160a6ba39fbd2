"""Helpers for tests that post admin forms the way a browser does, on a controlled clock."""

import datetime
from zoneinfo import ZoneInfo

from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import Page, TaskState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, querydict_from_html, rich_text, streamfield

WIB = ZoneInfo("Asia/Jakarta")


def wib(day, hour, minute=0):
    """A moment on 2026-11-<day> in Jakarta time (2 November 2026 is a Monday)."""
    return datetime.datetime(2026, 11, day, hour, minute, tzinfo=WIB)


def browser_form_data(response, form_id):
    """The form's fields as a browser would submit them (Django's querydict_from_html, fixed up for browsers:
    a textarea drops the newline after its start tag, and a checkbox without a value sends "on")."""
    html = response.content.decode()
    data = querydict_from_html(html, form_id=form_id)
    soup = BeautifulSoup(html, "html.parser").find("form", id=form_id)
    for textarea in soup.find_all("textarea"):
        if textarea.get("name"):
            data[textarea["name"]] = textarea.get_text().removeprefix("\n").removeprefix("\r\n")
    for checkbox in soup.find_all("input", type="checkbox", checked=True):
        if checkbox.get("name") and checkbox.get("value") is None:
            data.setlist(checkbox["name"], ["on"])
    return data


def page_form(client, url, body="<p>Isi berita.</p>", **fields):
    """GET an admin page form and return its POST data with the StreamField body (built by JS in a browser)."""
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    data = browser_form_data(response, "page-edit-form")
    data.update(nested_form_data({"body": streamfield([("paragraph", rich_text(body))]),
                                  "comments": inline_formset([])}))
    for name, value in fields.items():
        data[name] = value
    # A plain dict with lists where a field has several values (ticked checkboxes): the test client posts
    # only the last value of each QueryDict key.
    return {name: values if len(values) > 1 else values[0] for name, values in data.lists()}


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def create_url(parent, model="newspage"):
    return reverse("wagtailadmin_pages:add", args=["cms", model, parent.pk])


def workflow_action_url(page, action, task_state):
    return reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])


def current_task_state(page):
    page = Page.objects.get(pk=page.pk)
    state = page.current_workflow_state
    return state.current_task_state.specific if state and state.current_task_state else None


def task_name(task_state):
    return task_state.task.name if isinstance(task_state, TaskState) else None


def messages_text(response):
    return " ".join(str(message) for message in response.context["messages"]) if response.context else ""
