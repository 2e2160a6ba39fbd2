"""The Kasubag PTIP connects the court's Telegram channel from the menu and manages it from the list.

Telegram is the fake Bot API of tests/support/fakes/telegram.py, a real HTTP server on 127.0.0.1.
"""

import re

import pytest
from playwright.sync_api import expect

from publishers.social.models import SocialAccount
from tests.support.fakes.telegram import TelegramFake


@pytest.fixture
def telegram(settings):
    fake = TelegramFake().start()
    settings.WARTA_TELEGRAM_API_URL = fake.url
    settings.WARTA_SOCIAL_HTTP_TIMEOUT = (2, 2)
    yield fake
    fake.stop()


def row_of(page, name):
    return page.locator("table.listing tbody tr", has=page.get_by_role("link", name=name))


def row_menu(page, name, item):
    """Open the row's "more" menu (Wagtail's dots button) and click one of its items."""
    row = row_of(page, name)
    row.get_by_role("button", name=re.compile(name)).click()
    row.get_by_role("link", name=item).click()
    page.wait_for_load_state("networkidle")


def test_kasubag_connects_telegram_from_the_menu_and_manages_it(live_court, open_as, telegram):
    token, bot_id = telegram.add_bot("warta_pn_uji_bot")
    chat_id = telegram.add_channel("pnuji_info", title="Info PN Uji", admins=[bot_id])
    kasubag = open_as("kasubag")
    page = kasubag.page

    # From the menu to the connect form: no ?site= anywhere, the Kasubag's court is the one.
    page.locator("#wagtail-sidebar").get_by_role("link", name="Kanal media sosial").click()
    page.wait_for_load_state("networkidle")
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("Kanal media sosial"))
    page.get_by_role("link", name="Tambah kanal media sosial").click()
    page.wait_for_load_state("networkidle")
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("Sambungkan kanal media sosial"))
    assert "site=" not in page.url
    page.get_by_label("Telegram (token bot dari @BotFather)").check()
    page.get_by_role("button", name="Lanjutkan").click()
    page.wait_for_load_state("networkidle")
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("Sambungkan kanal Telegram"))

    expect(page.locator("label[for=id_channel]")).to_contain_text("Kanal")
    expect(page.locator("label[for=id_bot_token]")).to_contain_text("Token bot")
    # A wrong token is said plainly, next to the field.
    page.locator("#id_channel").fill("@pnuji_info")
    page.locator("#id_bot_token").fill("123:salah")
    page.get_by_role("button", name="Sambungkan").click()
    page.wait_for_load_state("networkidle")
    kasubag.see("Formulir belum dapat diproses")
    kasubag.see("Token bot Telegram tidak berlaku lagi")
    page.locator("#id_bot_token").fill(token)
    page.get_by_role("button", name="Sambungkan").click()
    page.wait_for_load_state("networkidle")

    # Back in the list, with the channel's real name (Telegram's title) and its state.
    kasubag.see("Kanal Info PN Uji tersambung.")
    row = row_of(page, "Info PN Uji")
    expect(row).to_contain_text("Telegram")
    expect(row).to_contain_text("pnuji_info")
    expect(row).to_contain_text("tersambung")
    account = SocialAccount.objects.get(platform="telegram")
    assert account.external_id == str(chat_id) and account.site == live_court.site
    assert token not in page.content()

    # The row opens the channel's page, whose header deactivates it.
    row.get_by_role("link", name="Info PN Uji").click()
    page.wait_for_load_state("networkidle")
    kasubag.see("Kondisi sambungan")
    page.get_by_role("link", name="Nonaktifkan").click()
    page.wait_for_load_state("networkidle")
    kasubag.see("Nonaktifkan kanal Info PN Uji?")
    page.get_by_role("button", name="Ya, nonaktifkan").click()
    page.wait_for_load_state("networkidle")
    kasubag.see("Kanal Info PN Uji dinonaktifkan: konten yang terbit berikutnya tidak dikirim ke kanal ini.")
    kasubag.see("nonaktif")  # the state on the channel's page
    account.refresh_from_db()
    assert not account.active

    page.get_by_role("link", name="Kanal media sosial").first.click()
    page.wait_for_load_state("networkidle")
    expect(row_of(page, "Info PN Uji")).to_contain_text("nonaktif")

    # The list's menu activates it again ...
    row_menu(page, "Info PN Uji", "Aktifkan")
    kasubag.see("Aktifkan lagi kanal Info PN Uji?")
    page.get_by_role("button", name="Ya, aktifkan").click()
    page.wait_for_load_state("networkidle")
    kasubag.see("Kanal Info PN Uji aktif lagi")
    expect(row_of(page, "Info PN Uji")).to_contain_text("tersambung")

    # ... and connects it again after the bot lost its admin rights and got them back.
    SocialAccount.objects.filter(pk=account.pk).update(needs_reconnect=True,
                                                       last_error="Bot bukan lagi admin kanal Info PN Uji.")
    page.reload()
    expect(row_of(page, "Info PN Uji")).to_contain_text("perlu disambungkan ulang")
    row_menu(page, "Info PN Uji", "Sambungkan ulang")
    kasubag.see("Bot bukan lagi admin kanal Info PN Uji.")
    page.get_by_role("button", name="Periksa dan sambungkan ulang").click()
    page.wait_for_load_state("networkidle")
    kasubag.see("Kanal Info PN Uji tersambung ulang")
    expect(row_of(page, "Info PN Uji")).to_contain_text("tersambung")
    account.refresh_from_db()
    assert account.active and not account.needs_reconnect


def test_the_channel_list_in_english_keeps_wagtails_actions(live_court, open_as, telegram):
    account = SocialAccount(site=live_court.site, platform="telegram", name="Info PN Uji", external_id="-1001",
                            handle="pnuji_info")
    account.credentials = {"bot_token": "1:x"}
    account.save()
    kasubag = open_as("kasubag", language="en")
    page = kasubag.page
    kasubag.go("/admin/media-sosial/kanal/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    row = row_of(page, "Info PN Uji")
    row.get_by_role("button", name=re.compile("Info PN Uji")).click()
    expect(row.get_by_role("link", name="Edit")).to_be_visible()
    expect(row.get_by_role("link", name="Delete")).to_be_visible()
    row.get_by_role("link", name="Delete").click()
    page.wait_for_load_state("networkidle")
    # Wagtail's delete confirmation, with the channel's name
    kasubag.see("Info PN Uji")
    page.get_by_role("button", name="Yes, delete").click()
    page.wait_for_load_state("networkidle")
    assert not SocialAccount.objects.filter(pk=account.pk).exists()
    expect(page.locator(".messages")).to_contain_text("Info PN Uji")
