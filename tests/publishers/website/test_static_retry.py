"""A static-site update that fails is tried again with backoff until it succeeds, and meanwhile the
Kasubag PTIP of that court (only of that court) sees it on the dashboard."""

import logging
import random
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from core.onboarding import CourtSpec, add_court
from publishers.website import tasks
from publishers.website.builder import SiteBuilder
from publishers.website.models import SyncFailure
from tests.conftest import ROLE_USERS
from tests.support.factories import NewsPageFactory, UserFactory

PANEL = "Situs statis belum diperbarui"


@pytest.fixture
def built(court, settings, tmp_path):
    settings.WARTA_STATIC_SITE_DIR = str(tmp_path / "situs")
    settings.WARTA_STATIC_DYNAMIC_URL = ""
    assert SiteBuilder(court.site).build_all().errors == []
    return tmp_path / "situs" / "testserver"


def break_output(settings, tmp_path):
    """The output folder sits below a plain file: every write fails (as a full or unmounted disk would)."""
    blocker = tmp_path / "bukan-folder"
    blocker.write_text("x")
    working = settings.WARTA_STATIC_SITE_DIR
    settings.WARTA_STATIC_SITE_DIR = str(blocker / "situs")
    return working


def test_a_failed_sync_is_retried_with_backoff_and_shown_to_the_kasubag(court, users, built, settings, tmp_path,
                                                                        caplog):
    page = NewsPageFactory(parent=court.news_index, title="Putusan baru", slug="putusan-baru")
    page.save_revision().publish()
    working = break_output(settings, tmp_path)
    now = timezone.now()

    with caplog.at_level(logging.ERROR):
        assert tasks.sync_pages.call([page.pk]) == []  # the task itself does not crash
    failure = SyncFailure.objects.get(site=court.site)
    assert failure.page_ids == [page.pk] and failure.attempts == 1
    assert now < failure.next_attempt_at <= timezone.now() + timedelta(seconds=60)
    assert "the update failed" in caplog.text

    # The Kasubag PTIP sees it on the dashboard, in Indonesian; the Admin (who does not approve) does not.
    dashboard = Client()
    dashboard.force_login(users["kasubag"])
    html = dashboard.get(reverse("wagtailadmin_home")).content.decode()
    assert PANEL in html and "PN Uji" in html and "NotADirectoryError" in html
    admin = Client()
    admin.force_login(users["admin"])
    assert PANEL not in admin.get(reverse("wagtailadmin_home")).content.decode()

    # Not due yet: nothing happens. Due and still broken: the next wait is longer.
    assert tasks.retry_site.call(court.site.pk, now=failure.next_attempt_at - timedelta(seconds=1)) is None
    first_wait = failure.next_attempt_at - failure.updated_at
    later = failure.next_attempt_at
    tasks.retry_site.call(court.site.pk, now=later)
    failure.refresh_from_db()
    assert failure.attempts == 2 and failure.next_attempt_at - later > first_wait / 2

    # The disk is back: the retry publishes the item and the panel goes away.
    settings.WARTA_STATIC_SITE_DIR = working
    report = tasks.retry_site.call(court.site.pk, now=failure.next_attempt_at)
    assert report["errors"] == []
    assert (built / "berita" / "putusan-baru" / "index.html").is_file()
    assert not SyncFailure.objects.exists()
    assert PANEL not in dashboard.get(reverse("wagtailadmin_home")).content.decode()


def test_retries_are_bounded_and_the_nightly_rebuild_clears_the_failure(court, built, settings, tmp_path, caplog):
    settings.WARTA_STATIC_SYNC_MAX_ATTEMPTS = 3
    working = break_output(settings, tmp_path)
    rng = random.Random(3)
    for _attempt in range(3):
        tasks.update_site(court.site, full=True, rng=rng)
    failure = SyncFailure.objects.get(site=court.site)
    assert failure.attempts == 3 and failure.full and failure.next_attempt_at is None
    assert "gave up after 3 attempts" in caplog.text
    assert tasks.retry_due() == 0  # nothing due any more: the nightly rebuild's turn

    settings.WARTA_STATIC_SITE_DIR = working
    tasks.build_sites.call()
    assert not SyncFailure.objects.exists()


def test_the_minute_job_hands_due_failures_to_the_worker(court, built, settings, tmp_path):
    page = NewsPageFactory(parent=court.news_index, title="Jadwal sidang", slug="jadwal-sidang")
    page.save_revision().publish()
    working = break_output(settings, tmp_path)
    tasks.sync_pages.call([page.pk])
    SyncFailure.objects.update(next_attempt_at=timezone.now() - timedelta(seconds=1))
    settings.WARTA_STATIC_SITE_DIR = working
    assert tasks.retry_due() == 1  # the test backend runs the retry inline
    assert (built / "berita" / "jadwal-sidang" / "index.html").is_file()
    assert not SyncFailure.objects.exists()


def test_another_courts_kasubag_does_not_see_the_failure(court, users, built, settings, tmp_path):
    add_court(CourtSpec(name="Pengadilan Agama Contoh", short_name="PA Contoh", court_type="PA",
                        hostname="pa-contoh.localhost"))
    other = UserFactory(username="kasubag-pa", groups=["PA Contoh — " + ROLE_USERS["kasubag"]])
    SyncFailure.objects.create(site=court.site, page_ids=[1], attempts=1, error="OSError: disk penuh")
    client = Client()
    client.force_login(other)
    assert PANEL not in client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(users["kasubag"])
    assert PANEL in client.get(reverse("wagtailadmin_home")).content.decode()
