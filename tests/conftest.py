import pytest
from django.test import Client
from wagtail.models import Page, Site

from editorial import roles
from tests.factories import (
    AnnouncementIndexPageFactory,
    HomePageFactory,
    NewsIndexPageFactory,
    UserFactory,
)

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
    Site.objects.all().delete()
    site = Site.objects.create(hostname="testserver", port=80, root_page=home, is_default_site=True,
                               site_name="PN Uji")
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
