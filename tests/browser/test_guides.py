"""Warta's brand on the login page, and each role's guide opened from the Help menu inside the admin."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import PASSWORD
from tests.browser.test_admin_language import english_lines, visible_text


@pytest.fixture
def anonymous_page(live_court, browser):
    context = browser.new_context(locale="id-ID", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    problems = []
    page.on("console", lambda m: problems.append(f"{page.url}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(f"{page.url}: {e}"))
    yield page
    context.close()
    assert problems == [], problems


def test_the_login_page_is_wartas_in_indonesian(live_court, anonymous_page):
    page = anonymous_page
    page.goto(live_court.url + "/admin/login/")
    expect(page).to_have_title(re.compile(r"^Masuk - Warta$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Masuk ke Warta")
    expect(page.get_by_label("Kata sandi")).to_be_visible()
    expect(page.locator("label[for=id_password]")).to_have_text(re.compile(r"^\s*Kata sandi"))
    expect(page.get_by_role("img", name="Warta")).to_be_visible()
    assert "Wagtail" not in page.locator("body").inner_text()
    assert "Password" not in page.locator("body").inner_text()
    # the brand's icon is the tab's icon
    assert page.locator("link[rel=icon]").get_attribute("href").endswith("cms/img/favicon.svg")

    # the password reset screens behind "Lupa kata sandi?" are Warta's and Indonesian too
    page.get_by_role("link", name="Lupa kata sandi?").click()
    expect(page).to_have_title(re.compile(r" - Warta$"))
    assert english_lines(visible_text(page)) == []
    page.go_back()

    page.fill("#id_username", "redaktur")
    page.get_by_label("Kata sandi").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(live_court.url + "/admin/")
    expect(page).to_have_title(re.compile(r" - Warta$"))


@pytest.mark.parametrize("role,guide,heading", [
    ("redaktur", "Panduan Redaktur", "Panduan Redaktur"),
    ("ketua", "Panduan Sekretaris dan Ketua", "Panduan Sekretaris dan Ketua"),
])
def test_the_help_menu_opens_the_users_role_guide_in_the_admin(open_as, role, guide, heading):
    person = open_as(role)
    page = person.page
    sidebar = page.locator("#wagtail-sidebar")
    sidebar.get_by_role("button", name="Bantuan").click()
    items = sidebar.locator(".sidebar-sub-menu-panel a:visible")
    # the user's own guide first, then every guide, then Wagtail's keyboard shortcuts; no link leaves the admin
    expect(items).to_have_text([guide, "Semua panduan", "Pintasan"])
    for href in [items.nth(i).get_attribute("href") for i in range(items.count())]:
        assert href.startswith(("/admin/", "#")), href

    items.first.click()
    page.wait_for_load_state("networkidle")
    assert page.url.startswith(person.court.url + "/admin/panduan/")
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    expect(page).to_have_title(f"{heading} - Warta")
    expect(page.locator("article.warta-guide p").first).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", "id")

    # the index lists the user's own guide first, and its links open the other guides inside the admin
    page.get_by_role("link", name="Semua panduan").last.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Panduan")
    own = page.locator("[aria-labelledby=own-guides-heading] a")
    expect(own).to_have_text([guide])
    page.locator("[aria-labelledby=all-guides-heading]").get_by_role("link", name="Kasubag PTIP").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Panduan Kasubag PTIP")


def test_the_dashboard_links_the_role_guide_not_wagtails(open_as):
    person = open_as("admin")
    page = person.page
    expect(page.get_by_role("link", name=re.compile("editor guide", re.I))).to_have_count(0)
    page.get_by_role("link", name="Panduan peran Anda").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Panduan Admin")


def test_in_english_the_admin_is_still_warta_with_the_role_guides(open_as):
    person = open_as("kasubag", language="en")
    page = person.page
    expect(page).to_have_title(re.compile(r" - Warta$"))
    sidebar = page.locator("#wagtail-sidebar")
    sidebar.get_by_role("button", name="Help").click()
    items = sidebar.locator(".sidebar-sub-menu-panel a:visible")
    expect(items).to_have_count(3)  # the Kasubag's guide, every guide, Wagtail's "Shortcuts"
    expect(items.last).to_have_text("Shortcuts")
    assert [items.nth(i).get_attribute("href") for i in range(2)] == ["/admin/panduan/kasubag-ptip/",
                                                                      "/admin/panduan/"]
    expect(sidebar.get_by_text("Editor Guide")).to_have_count(0)


def test_preferences_offer_indonesias_time_zones_by_their_indonesian_names(open_as):
    person = open_as("sekretaris")
    page = person.page
    person.go("/admin/account/")
    page.get_by_role("tab", name="Lokal").click() if page.get_by_role("tab", name="Lokal").count() else None
    options = page.locator("#id_locale-current_time_zone option")
    expect(options).to_have_text([
        re.compile(r"^Gunakan zona waktu server: WIB \(Waktu Indonesia Barat\)$"),
        re.compile(r"^Asia/Jakarta: WIB \(Waktu Indonesia Barat\)$"),
        re.compile(r"^Asia/Makassar: WITA \(Waktu Indonesia Tengah\)$"),
        re.compile(r"^Asia/Jayapura: WIT \(Waktu Indonesia Timur\)$"),
    ])
    assert "Greenwich" not in page.locator("body").inner_text()

    page.locator("#id_locale-current_time_zone").select_option("Asia/Makassar")
    page.get_by_role("button", name="Simpan").click()
    page.wait_for_load_state("networkidle")
    expect(page.locator("#id_locale-current_time_zone")).to_have_value("Asia/Makassar")
