import pytest
from django.test import Client
from wagtail.models import Page, Site

from core import roles
from tests.support.factories import (
    AnnouncementIndexPageFactory,
    HomePageFactory,
    NewsIndexPageFactory,
    UserFactory,
)

# The fake platforms (HTTP servers on 127.0.0.1) and the accounts connected to them, for every test folder.
pytest_plugins = ["tests.support.fakes.fixtures"]

ROLE_USERS = {
    "admin": roles.ADMIN,
    "redaktur": roles.REDAKTUR,
    "kasubag": roles.KASUBAG,
    "sekretaris": roles.SEKRETARIS,
    "ketua": roles.KETUA,
    "pranata": roles.PRANATA,

}


@pytest.fixture
def court(db):
    """A minimal court site: home, news index and announcement index, as the default site."""
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root, slug="pn-uji")
    # The default site is kept (changed in place, as the demo loader does): the first court's role groups
    # hold their per-court permissions on it.
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    Site.objects.exclude(pk=site.pk).delete()
    site.hostname, site.port, site.root_page, site.site_name = "testserver", 80, home, "PN Uji"
    site.save()
    news_index = NewsIndexPageFactory(parent=home)
    announcement_index = AnnouncementIndexPageFactory(parent=home)
    return type("Court", (), {"site": site, "home": home, "news_index": news_index,
                              "announcements": announcement_index})


@pytest.fixture
def users(db):
    """One user per SOP role (username = role key) plus a superuser `root`."""
    people = {name: UserFactory(username=name, groups=[group]) for name, group in ROLE_USERS.items()}
    people["root"] = UserFactory(username="root", is_superuser=True, is_staff=True)
    return people


@pytest.fixture
def client_as(users):
    """client_as("redaktur") -> a test client logged in as that role's user."""
    def make(name):
        client = Client()
        client.force_login(users[name])
        return client
    return make


def pytest_collection_modifyitems(items):
    """Give every transactional test (live_server, transactional_db) a serialized rollback.

    A transactional test ends with a flush of every table, which would also
    drop what migrations created (the page tree root, the SOP role groups, the
    review workflow, the Mutu Baku standards) for every test after it. With a
    serialized rollback Django restores that data instead.
    """
    for item in items:
        marker = item.get_closest_marker("django_db")
        marked = marker is not None and (marker.kwargs.get("transaction") or (marker.args and marker.args[0]))
        uses = {"transactional_db", "live_server"} & set(getattr(item, "fixturenames", ()))
        if marked or uses:
            kwargs = dict(marker.kwargs) if marker else {}
            kwargs.update(transaction=True, serialized_rollback=True)
            item.add_marker(pytest.mark.django_db(**kwargs), append=False)



@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """In CI a skipped browser test is a failure: the browser suite is the test of record for every screen."""
    import os

    outcome = yield
    report = outcome.get_result()
    if report.skipped and os.environ.get("CI") and item.get_closest_marker("browser"):
        report.outcome = "failed"
        report.longrepr = f"browser test skipped in CI: {report.longrepr}"


@pytest.fixture(autouse=True)
def _fresh_caches():
    """The test cache (Django's in-process default) lives as long as the process, while each test's rows are
    rolled back: a cached entry keyed by an id that a later test reuses (Wagtail caches an image's renditions
    by image id and filter) would otherwise answer that test with another test's data."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()
    yield
