"""The public site and the admin load in chromium with no console errors and no request leaving the machine."""

from tests.support.factories import NewsPageFactory


def test_public_pages_and_admin_show_no_console_errors(live_court, open_as):
    news = NewsPageFactory(parent=live_court.news_index, title="Sidang keliling di Desa Maju")
    admin = open_as("admin")
    page = admin.page
    for path in ["/", news.url, "/berita/", "/pengumuman/", "/cari/?q=sidang"]:
        assert admin.go(path).status == 200, path
    admin.go(news.url)
    assert page.locator("h1").inner_text() == "Sidang keliling di Desa Maju"
    # the skip link is the first thing a keyboard user reaches
    page.keyboard.press("Tab")
    assert "konten utama" in page.evaluate("document.activeElement.textContent").lower()

    admin.go("/admin/")
    assert page.locator("html").get_attribute("lang") == "id"
    admin.go(f"/admin/pages/{news.pk}/edit/")
    assert page.locator("button[name=action-submit]").count() == 1
