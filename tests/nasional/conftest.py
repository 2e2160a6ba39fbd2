"""Fixtures of the national roll-up tests: courts of several types under their appellate courts, each with its
own role groups, and the directorate readers."""

import datetime
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.test import Client
from wagtail.models import Collection, Page, Site

from cms.models import AnnouncementPage, CourtSettings, NewsPage, StandardPage
from core import roles
from editorial.models import StepRecord, WorkingHours
from monev.models import MonevSettings, PageViewDaily
from nasional import roles as reader_roles
from publishers.social.models import SocialDelivery
from tests.support.factories import (
    AnnouncementIndexPageFactory,
    HomePageFactory,
    NewsIndexPageFactory,
    UserFactory,
)

WIB, WITA, WIT = "Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"
READERS = {
    "badilum": reader_roles.BADILUM,
    "badilag": reader_roles.BADILAG,
    "badilmiltun": reader_roles.BADILMILTUN,
    "humas": reader_roles.BIRO_HUKUM_HUMAS,
}


def make_court(name, slug, court_type, *, appellate=None, tz=WIB):
    """A court as onboarding makes one: site, home, news and announcement indexes, settings with its type and
    appellate court, working hours in its time zone, and its six role groups bound to its own tree."""
    home = HomePageFactory(parent=Page.get_first_root_node(), slug=slug, title=name)
    site = Site.objects.create(hostname=f"{slug}.test", port=80, root_page=home, site_name=name)
    CourtSettings.objects.create(site=site, court_name=name, court_type=court_type,
                                 appellate_court=appellate.site if appellate else None)
    WorkingHours.objects.create(site=site, timezone=tz)
    groups = roles.setup_role_groups(apps, home.pk, Collection.get_first_root_node().pk, f"{name} ", site_id=site.pk)
    return SimpleNamespace(name=name, site=site, home=home, tz=ZoneInfo(tz), groups=groups,
                           news=NewsIndexPageFactory(parent=home),
                           announcements=AnnouncementIndexPageFactory(parent=home))


def publish(court, kind, moment, title=None):
    """A live item first published at `moment` (an aware datetime)."""
    if kind == "news":
        page = court.news.add_child(instance=NewsPage(title=title or f"Berita {moment:%Y%m%d%H%M}", lead="Teras.",
                                                       body=[], live=True, social_enabled=False))
    elif kind == "announcement":
        page = court.announcements.add_child(instance=AnnouncementPage(
            title=title or f"Pengumuman {moment:%Y%m%d%H%M}", body=[], live=True, social_enabled=False))
    else:
        page = court.home.add_child(instance=StandardPage(title=title or f"Profil {moment:%Y%m%d%H%M}", live=True))
    Page.objects.filter(pk=page.pk).update(first_published_at=moment, last_published_at=moment)
    return page


def step(court, page, finished_at, seconds, standard, outcome=StepRecord.APPROVED, step_name="koreksi"):
    return StepRecord.objects.create(page=page, site=court.site, step=step_name, outcome=outcome,
                                     started_at=finished_at - datetime.timedelta(seconds=seconds),
                                     finished_at=finished_at, working_seconds=seconds, standard_minutes=standard)


def deliver(court, page, status, created_at, platform="facebook"):
    return SocialDelivery.objects.create(site=court.site, page=page, page_title=page.title, platform=platform,
                                         account_name=f"Facebook {court.name}", text="Teks.", status=status,
                                         created_at=created_at)


def views(court, page, day, count):
    return PageViewDaily.objects.create(site=court.site, page=page, date=day, views=count)


def at(court, *args):
    """A moment on the court's own clock."""
    return datetime.datetime(*args, tzinfo=court.tz)


@pytest.fixture
def national(db):
    """Six courts of three types under two appellate courts (and two administrative courts with none), in three
    time zones, with items, steps, deliveries and page views in and around the second quarter of 2026.

    The hand count of each court's figures for that quarter is in test_national.EXPECTED."""
    Site.objects.all().delete()
    pt = make_court("Pengadilan Tinggi Contoh", "pt-contoh", "PT")
    pta = make_court("Pengadilan Tinggi Agama Contoh", "pta-contoh", "PTA")
    pn1 = make_court("Pengadilan Negeri Satu", "pn-satu", "PN", appellate=pt)
    pn2 = make_court("Pengadilan Negeri Dua", "pn-dua", "PN", appellate=pt, tz=WITA)
    pa1 = make_court("Pengadilan Agama Satu", "pa-satu", "PA", appellate=pta)
    pa2 = make_court("Pengadilan Agama Dua", "pa-dua", "PA", appellate=pta, tz=WIT)
    ptun1 = make_court("Pengadilan Tata Usaha Negara Satu", "ptun-satu", "PTUN")
    ptun2 = make_court("Pengadilan Tata Usaha Negara Dua", "ptun-dua", "PTUN")

    # PN Satu (WIB): three items in the quarter, one the evening before it and one just after; a profile page,
    # which it does not count.
    first = publish(pn1, "news", at(pn1, 2026, 4, 1, 0, 0))
    publish(pn1, "news", at(pn1, 2026, 6, 30, 23, 59))
    publish(pn1, "announcement", at(pn1, 2026, 5, 5, 9, 0))
    before = publish(pn1, "news", at(pn1, 2026, 3, 31, 23, 30))
    publish(pn1, "news", at(pn1, 2026, 7, 1, 0, 10))
    publish(pn1, "standard", at(pn1, 2026, 5, 6, 9, 0))
    step(pn1, first, at(pn1, 2026, 4, 2, 10), 1800, 60)  # half the standard
    step(pn1, first, at(pn1, 2026, 4, 3, 10), 3600, 60)  # exactly the standard: met
    step(pn1, first, at(pn1, 2026, 4, 4, 10), 5400, 60, outcome=StepRecord.REJECTED)  # 1.5 times
    step(pn1, first, at(pn1, 2026, 6, 30, 23), 6000, 120, step_name="persetujuan")  # 0.833
    step(pn1, first, at(pn1, 2026, 4, 5, 10), 600, 60, outcome=StepRecord.CANCELLED)  # withdrawn: left out
    step(pn1, first, at(pn1, 2026, 4, 6, 10), 600, 0)  # no standard: left out
    step(pn1, before, at(pn1, 2026, 3, 31, 23, 40), 600, 60)  # the quarter before
    for status in ("sent", "sent", "removed", "failed", "needs_check", "cancelled", "pending"):
        deliver(pn1, first, status, at(pn1, 2026, 4, 1, 0, 1))
    deliver(pn1, before, "sent", at(pn1, 2026, 3, 31, 23, 31))
    views(pn1, first, datetime.date(2026, 4, 1), 10)
    views(pn1, pn1.home, datetime.date(2026, 6, 30), 5)
    views(pn1, pn1.home, datetime.date(2026, 3, 31), 100)
    views(pn1, pn1.home, datetime.date(2026, 7, 1), 100)

    # PN Dua (WITA, UTC+8): 16:30 UTC on 31 March is already 1 April there; 16:30 UTC on 30 June is 1 July.
    utc = datetime.UTC
    early = publish(pn2, "news", datetime.datetime(2026, 3, 31, 16, 30, tzinfo=utc))
    publish(pn2, "news", datetime.datetime(2026, 6, 30, 16, 30, tzinfo=utc))
    step(pn2, early, datetime.datetime(2026, 3, 31, 16, 30, tzinfo=utc), 3600, 60)
    deliver(pn2, early, "failed", at(pn2, 2026, 4, 10, 9))
    deliver(pn2, early, "failed", at(pn2, 2026, 4, 10, 9), platform="x")

    # PA Satu counts its profile pages too (its Pengaturan monev); PA Dua (WIT) only has visitors.
    MonevSettings.objects.create(site=pa1.site, counted_page_types=["cms.newspage", "cms.standardpage"])
    item = publish(pa1, "news", at(pa1, 2026, 4, 20, 9))
    publish(pa1, "standard", at(pa1, 2026, 4, 21, 9))
    views(pa1, item, datetime.date(2026, 4, 20), 7)
    views(pa2, pa2.home, datetime.date(2026, 6, 1), 3)

    publish(ptun1, "announcement", at(ptun1, 2026, 5, 1, 9))
    publish(pt, "news", at(pt, 2026, 5, 2, 9))
    return SimpleNamespace(pt=pt, pta=pta, pn1=pn1, pn2=pn2, pa1=pa1, pa2=pa2, ptun1=ptun1, ptun2=ptun2,
                           courts=[pt, pta, pn1, pn2, pa1, pa2, ptun1, ptun2])


@pytest.fixture
def member(db):
    """member("PN Satu", roles.KASUBAG, national.pn1) -> a user in that court's role group; member(group_name)
    for a group by its whole name (the directorate readers)."""
    def make(username, group_name, court=None):
        user = UserFactory(username=username)
        group = court.groups[group_name] if court is not None else Group.objects.get(name=group_name)
        user.groups.add(group)
        return user
    return make


@pytest.fixture
def client_for():
    def make(user):
        client = Client()
        client.force_login(user)
        return client
    return make
