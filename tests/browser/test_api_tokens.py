"""An Admin creates a personal API token in Wagtail's screen (Pengaturan → Token API), in Indonesian, and uses it."""

import re

from playwright.sync_api import expect
from wagtail.models import APIToken

from tests.browser.test_admin_language import english_lines, visible_text


def test_admin_creates_a_token_in_wagtails_screen_in_indonesian(live_court, open_as):
    admin = open_as("admin")
    page = admin.page
    page.get_by_role("button", name="Pengaturan").click()
    page.get_by_role("link", name="Token API").click()
    page.wait_for_load_state("networkidle")
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("Token API"))
    assert english_lines(visible_text(page)) == []

    page.get_by_role("link", name=re.compile(r"^Tambah", re.I)).first.click()
    page.wait_for_load_state("networkidle")
    assert english_lines(visible_text(page)) == []
    page.get_by_label("Nama").fill("Aplikasi humas")
    # Only herself is offered as the owner: the Admin holds no right over other users.
    owners = page.locator("select[name=user] option:not([value=''])")
    expect(owners).to_have_count(1)
    page.select_option("select[name=user]", str(admin.user.pk))
    page.get_by_role("button", name="Buat", exact=True).click()
    page.wait_for_load_state("networkidle")

    admin.see("Token API dibuat")
    admin.see('Token "Aplikasi humas" telah dibuat')
    expect(page.get_by_role("button", name="Salin token")).to_be_visible()
    assert english_lines(visible_text(page)) == []
    plaintext = page.locator("#api-token-value").input_value()
    assert plaintext.startswith("wagtail_")
    assert APIToken.objects.get(name="Aplikasi humas").user == admin.user

    # The token opens the v3 API in her name.
    response = page.request.get(live_court.url + "/api/v3/pages/", headers={"Authorization": f"Bearer {plaintext}"})
    assert response.status == 200

    page.get_by_role("link", name="Kembali ke token API").click()
    page.wait_for_load_state("networkidle")
    admin.see("Aplikasi humas")
    assert plaintext not in visible_text(page)
    assert english_lines(visible_text(page)) == []
