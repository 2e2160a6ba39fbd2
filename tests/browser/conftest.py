"""The browser suite: Debian's chromium driven by Playwright against a live Warta server.

Every test here walks a person's journey through the real admin, with Wagtail's
JavaScript, autosave (at its default interval) and modals as users get them,
and asserts what the person sees. In CI a missing chromium is a failure, never a
skip (``tests/conftest.py`` turns the skip into an error when ``CI`` is set).

Fixtures:
- ``live_court``: the court site served by ``live_server`` (home, news and announcement
  indexes), with one user per SOP role whose password is ``PASSWORD``;
- ``browser``: one chromium for the session; a violation of the Content-Security-Policy on any page a
  test opened fails that test;
- ``open_as("kasubag", language="id")``: a logged-in tab of that role; console errors and
  uncaught page errors fail the test at teardown.
"""

import os
import re
import shutil
from types import SimpleNamespace

import pytest

CHROMIUM = "/usr/bin/chromium"
PASSWORD = "rahasia-uji-123"
ROLE_NAMES = {
    "admin": "Dewi Anggraini",
    "redaktur": "Rudi Hartono",
    "kasubag": "Siti Rahma",
    "sekretaris": "Bambang Wijaya",
    "ketua": "Hakim Ketua",
    "pranata": "Agus Pranata",
}
# Chromium's own requests to Google's services are refused by a closed network; these flags stop them.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def _playwright():
    if not shutil.which(CHROMIUM):
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing: .ci/run installs Debian's chromium")
        pytest.skip("Debian's chromium is not installed")
    # Playwright's sync API runs an event loop in this thread; the test's own ORM calls stay synchronous.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from django.db import connections
    from playwright.sync_api import sync_playwright

    # Django's connections are context-local (asgiref Local): inside Playwright's event loop this thread gets
    # new connection objects, without the migrations' data that the test database kept for serialized
    # rollbacks, so every transactional test after the first would start on an empty database.
    serialized = {alias: getattr(connections[alias], "_test_serialized_contents", None) for alias in connections}
    with sync_playwright() as playwright:
        for alias, contents in serialized.items():
            if contents is not None:
                connections[alias]._test_serialized_contents = contents
        yield playwright
    os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


@pytest.fixture(scope="session")
def _chromium(_playwright):
    browser = _playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


# Every page and frame reports what its Content-Security-Policy refused (the browser fires
# securitypolicyviolation at the document), so the whole suite runs under the site's and the admin's CSP.
CSP_LISTENER = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.__wartaCspViolation(`${event.documentURI}: ${event.effectiveDirective} refused `
    + `${event.blockedURI || "inline"} (${event.sourceFile || ""}:${event.lineNumber}) ${event.sample || ""}`);
}, true);
"""


class CspWatchingBrowser:
    """The session's chromium; each context opened through it records CSP violations in ``violations``."""

    def __init__(self, browser):
        self._browser = browser
        self.violations = []

    def new_context(self, **kwargs):
        context = self._browser.new_context(**kwargs)
        context.expose_function("__wartaCspViolation", lambda text: self.violations.append(text))
        context.add_init_script(CSP_LISTENER)
        return context

    def __getattr__(self, name):
        return getattr(self._browser, name)


@pytest.fixture
def browser(_chromium):
    """Chromium for one test; any Content-Security-Policy violation on any page it opened fails the test."""
    watching = CspWatchingBrowser(_chromium)
    yield watching
    assert watching.violations == [], watching.violations


@pytest.fixture
def live_court(live_server, settings):
    """The court site on the live server's address, and one user per SOP role (plus a superuser)."""
    from wagtail.models import Page, Site
    from wagtail.users.models import UserProfile

    from tests.conftest import ROLE_USERS
    from tests.support.factories import (
        AnnouncementIndexPageFactory,
        HomePageFactory,
        NewsIndexPageFactory,
        UserFactory,
    )

    host, port = live_server.url.split("//")[1].split(":")
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    settings.WARTA_BASE_URL = live_server.url
    settings.WAGTAILAPI_BASE_URL = live_server.url
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root, slug="pn-uji", title="Pengadilan Negeri Uji")
    # The default site is kept (changed in place): the first court's role groups hold their per-court
    # permissions on it.
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    Site.objects.exclude(pk=site.pk).delete()
    site.hostname, site.port, site.root_page, site.site_name = host, int(port), home, "Pengadilan Negeri Uji"
    site.save()
    news_index = NewsIndexPageFactory(parent=home)
    announcements = AnnouncementIndexPageFactory(parent=home)
    users = {}
    for name, group in ROLE_USERS.items():
        first, last = ROLE_NAMES[name].split(" ", 1)
        users[name] = UserFactory(username=name, groups=[group], password=PASSWORD, first_name=first,
                                  last_name=last, email=f"{name}@pn-uji.go.id")
    users["root"] = UserFactory(username="root", is_superuser=True, is_staff=True, password=PASSWORD,
                                email="root@pn-uji.go.id")
    for user in users.values():
        UserProfile.get_for_user(user)
    return SimpleNamespace(url=live_server.url, site=site, home=home, news_index=news_index,
                           announcements=announcements, users=users)


class Person:
    """One role's browser tab: ``person.go("/admin/")``, ``person.page`` is Playwright's Page."""

    def __init__(self, court, page, username):
        self.court = court
        self.page = page
        self.username = username
        self.user = court.users[username]
        self.problems = []

    def go(self, path):
        response = self.page.goto(self.court.url + path)
        self.page.wait_for_load_state("networkidle")
        return response

    def see(self, text):
        """Wait until the text is visible anywhere on the page (Indonesian or English as the user reads)."""
        from playwright.sync_api import expect

        expect(self.page.get_by_text(text, exact=False).first).to_be_visible()

    def messages(self):
        return self.page.locator(".messages").inner_text() if self.page.locator(".messages").count() else ""


# Wagtail's autosave answers 400 while a new item's required fields are still empty (its documented behaviour:
# the editor shows "validation errors, click save to highlight them"); the browser logs that response.
AUTOSAVE_REFUSAL = re.compile(r"/admin/pages/(add/[^ ]+|\d+/edit/) .*status of 400")


def console_problem(page, message):
    """A console error as text; Wagtail's accessibility checker logs its axe violations, named here by rule."""
    text = message.text
    if AUTOSAVE_REFUSAL.search(f"{message.location.get('url', '')} {text}"):
        return None
    if text.startswith("axe.run results") and len(message.args) > 1:
        try:
            violations = message.args[1].json_value()
            text = "axe: " + "; ".join(f"{v['id']} ({len(v['nodes'])}): {v['nodes'][0]['target']}"
                                       for v in violations)
        except Exception:  # noqa: BLE001 - the page may be gone already; keep the plain text
            pass
    return f"{page.url}: {text}"


@pytest.fixture
def open_as(live_court, browser):
    """open_as("kasubag", language="id") -> a Person logged in through the real login form."""
    from wagtail.users.models import UserProfile

    contexts = []
    people = []

    def open_(username, language="id"):
        profile = UserProfile.get_for_user(live_court.users[username])
        profile.preferred_language = language
        profile.save(update_fields=["preferred_language"])
        context = browser.new_context(locale="id-ID" if language == "id" else "en-US",
                                      viewport={"width": 1280, "height": 900}, timezone_id="Asia/Jakarta")
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        person = Person(live_court, page, username)
        page.on("console", lambda m: person.problems.append(console_problem(page, m)) if m.type == "error" else None)
        page.on("pageerror", lambda e: person.problems.append(f"{page.url}: {e}"))
        page.goto(live_court.url + "/admin/login/")
        page.fill("#id_username", username)
        page.fill("#id_password", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url(live_court.url + "/admin/")
        page.wait_for_load_state("networkidle")
        people.append(person)
        return person

    yield open_
    problems = [problem for person in people for problem in person.problems if problem]
    for context in contexts:
        context.close()
    assert problems == [], problems


@pytest.fixture
def x_account(live_court, settings):
    """The fake X API (tests/support/fakes/x.py) and the court's X channel on it: (fake, X user id)."""
    from publishers.social.models import SocialAccount
    from tests.support.fakes.x import XFake

    fake = XFake().start()
    settings.WARTA_X_API_URL = fake.url
    settings.WARTA_X_CONSUMER_KEY = fake.consumer_key
    settings.WARTA_X_CONSUMER_SECRET = fake.consumer_secret
    settings.WARTA_SOCIAL_HTTP_TIMEOUT = (2, 2)
    user_id, token, secret = fake.add_user("PNUji")
    account = SocialAccount(site=live_court.site, platform="x", name="X PN Uji", external_id=user_id,
                            handle="PNUji")
    account.credentials = {"oauth_token": token, "oauth_token_secret": secret}
    account.save()
    yield fake, user_id
    fake.stop()
