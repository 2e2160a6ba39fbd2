"""The Kasubag PTIP connects the court's Threads profile through Threads' own login, and the next approved item
is posted there. Threads is the fake API of tests/support/fakes/threads.py (a real HTTP server on 127.0.0.1)."""

import re

import pytest
from playwright.sync_api import expect

from publishers.social.models import SocialAccount, SocialDelivery
from tests.support.factories import NewsPageFactory
from tests.support.fakes.threads import ThreadsFake


@pytest.fixture
def threads(settings, monkeypatch):
    fake = ThreadsFake().start()
    settings.WARTA_THREADS_API_URL = fake.url
    settings.WARTA_THREADS_AUTH_URL = fake.url + "/oauth/authorize"
    settings.WARTA_THREADS_APP_ID = fake.app_id
    settings.WARTA_THREADS_APP_SECRET = fake.app_secret
    settings.WARTA_SOCIAL_HTTP_TIMEOUT = (2, 2)
    settings.WARTA_SOCIAL_POLL_SECONDS = 0
    monkeypatch.setenv("OAUTHLIB_INSECURE_TRANSPORT", "1")  # the fake speaks plain HTTP
    yield fake
    fake.stop()


def test_kasubag_connects_threads_and_the_next_item_is_posted_there(live_court, open_as, threads):
    user_id = threads.add_profile("pnuji")
    kasubag = open_as("kasubag")
    page = kasubag.page

    page.locator("#wagtail-sidebar").get_by_role("link", name="Kanal media sosial").click()
    page.wait_for_load_state("networkidle")
    page.get_by_role("link", name="Tambah kanal media sosial").click()
    page.wait_for_load_state("networkidle")
    page.get_by_label("Threads (masuk dengan akun Threads pengadilan)").check()
    page.get_by_role("button", name="Lanjutkan").click()
    # Threads' login window approves and sends the browser back to Warta.
    page.wait_for_url(re.compile(r"/admin/media-sosial/kanal/(\?.*)?$"))
    page.wait_for_load_state("networkidle")
    kasubag.see("Kanal Threads @pnuji tersambung.")
    row = page.locator("table.listing tbody tr", has=page.get_by_role("link", name="Threads @pnuji"))
    expect(row).to_contain_text("Threads")
    expect(row).to_contain_text("tersambung")
    account = SocialAccount.objects.get(platform="threads")
    assert account.external_id == user_id and account.site == live_court.site

    news = NewsPageFactory(parent=live_court.news_index, title="Sidang keliling", live=False,
                           social_caption="Sidang keliling di Kecamatan Maju.")
    news.save_revision(user=live_court.users["kasubag"]).publish(user=live_court.users["kasubag"])
    delivery = SocialDelivery.objects.get(page=news, platform="threads")
    assert delivery.status == "sent"  # the test settings run the delivery at once, on commit
    posts = threads.posts_containing("Sidang keliling di Kecamatan Maju.")
    assert len(posts) == 1 and posts[0]["media_type"] == "TEXT"

    kasubag.go(f"/admin/media-sosial/status/{news.pk}/")
    status_row = page.locator(f"tr[data-delivery='{delivery.pk}']")
    expect(status_row).to_contain_text("Threads")
    expect(status_row).to_contain_text("terkirim")
    expect(status_row.get_by_role("link", name="Lihat kiriman")).to_have_attribute("href", posts[0]["permalink"])
