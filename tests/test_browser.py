"""A real browser (Debian's chromium through Playwright) on the public site and the admin."""

import shutil

import pytest

from tests.factories import NewsPageFactory

CHROMIUM = "/usr/bin/chromium"
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not shutil.which(CHROMIUM), reason="Debian's chromium is not installed"),
]
@pytest.fixture
def browser(monkeypatch):
    # Playwright's sync API runs an event loop in this thread; the test's own ORM calls are still synchronous.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--no-first-run"],
        )
        yield browser
        browser.close()


def test_public_pages_and_admin_show_no_console_errors(live_server, browser, settings):
    from django.contrib.auth.models import Group
    from wagtail.models import Page, Site

    from editorial import roles
    from tests.factories import AnnouncementIndexPageFactory, HomePageFactory, NewsIndexPageFactory, UserFactory

    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root, slug="pn-uji")
    Site.objects.all().delete()
    host, port = live_server.url.split("//")[1].split(":")
    Site.objects.create(hostname=host, port=int(port), root_page=home, is_default_site=True)
    news_index = NewsIndexPageFactory(parent=home)
    AnnouncementIndexPageFactory(parent=home)
    news = NewsPageFactory(parent=news_index, title="Sidang keliling di Desa Maju")
    assert Group.objects.filter(name=roles.ADMIN).exists()
    UserFactory(username="admin", groups=[roles.ADMIN], password="rahasia-uji-123")

    problems = []
    page = browser.new_page()
    page.on("console", lambda m: problems.append(f"{page.url}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(f"{page.url}: {e}"))

    for path in ["/", news.url, "/berita/", "/pengumuman/", "/cari/?q=sidang"]:
        response = page.goto(live_server.url + path)
        assert response.status == 200, path
    page.goto(live_server.url + news.url)
    assert page.locator("h1").inner_text() == "Sidang keliling di Desa Maju"
    # the skip link is the first thing a keyboard user reaches
    page.keyboard.press("Tab")
    assert "konten utama" in page.evaluate("document.activeElement.textContent").lower()

    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", "admin")
    page.fill("#id_password", "rahasia-uji-123")
    page.click("button[type=submit]")
    page.wait_for_url(live_server.url + "/admin/")
    page.wait_for_load_state("networkidle")
    assert page.locator("html").get_attribute("lang") == "id"
    page.goto(live_server.url + f"/admin/pages/{news.pk}/edit/")
    page.wait_for_load_state("networkidle")
    assert problems == []
