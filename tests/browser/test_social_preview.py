"""The social media preview in the news editor shows what will really be posted: the court's connected
channels by name, the real link (or a plain "made at publish time"), and only the channels the item goes to."""

import re

import pytest
from playwright.sync_api import expect

from cms.models import NewsPage
from cms.models.social import SOCIAL_KINDS
from core import platform_rules
from publishers.social.models import SocialAccount
from tests.support.factories import NewsPageFactory
from tests.support.fakes.x import weighted_length as fake_x_length


@pytest.fixture
def telegram_only(live_court):
    account = SocialAccount(site=live_court.site, platform="telegram", name="Info PN Uji", external_id="-100123",
                            handle="pnuji_info")
    account.credentials = {"bot_token": "1:rahasia"}
    account.save()
    # An inactive channel, and another court's concern, never show in the preview.
    SocialAccount.objects.create(site=live_court.site, platform="facebook", name="Halaman lama", external_id="9",
                                 active=False)
    return account


def social_tab(page):
    page.get_by_role("tab", name="Media sosial").click()
    expect(page.locator(".warta-social")).to_be_visible()


def test_admin_sees_one_card_per_connected_channel_and_leaves_it_out(live_court, open_as, telegram_only):
    admin = open_as("admin")
    page = admin.page
    admin.go(f"/admin/pages/add/cms/newspage/{live_court.news_index.pk}/")

    # Before the item has a slug: one card, named as the channel, and no made-up address.
    social_tab(page)
    cards = page.locator(".warta-social__card:visible")
    expect(cards).to_have_count(1)
    card = cards.first
    expect(card.locator(".warta-social__name")).to_have_text("Info PN Uji")
    expect(card.locator(".warta-social__platform")).to_have_text("Telegram · @pnuji_info")
    expect(card.locator(".warta-social__avatar")).to_have_text("I")
    expect(card.locator(".warta-social__text")).to_contain_text("(tautan dibuat saat terbit)")
    body = page.locator("body").inner_text()
    assert "example.go.id" not in body and "Akun pengadilan" not in body
    for platform in ("Facebook", "Instagram", "Halaman lama"):
        expect(page.locator(".warta-social__cards")).not_to_contain_text(platform)

    # With a title (and so a slug), the card carries the address the news item will have.
    page.get_by_role("tab", name="Konten").click()
    page.locator("#id_title").fill("Sidang keliling di Desa Maju")
    page.locator("#id_title").blur()
    # Wagtail fills the slug from the title (and autosave may turn the new item into a saved draft meanwhile);
    # the preview follows the next edit after that.
    expect(page.locator("#id_slug")).to_have_value("sidang-keliling-di-desa-maju")
    page.wait_for_load_state("networkidle")
    social_tab(page)
    page.locator("#id_social_caption").fill("Sidang keliling hari ini di Desa Maju.")
    expect(card.locator(".warta-social__text")).to_contain_text(
        f"{live_court.url}/berita/sidang-keliling-di-desa-maju/")
    expect(card.locator(".warta-social__text")).to_contain_text("Sidang keliling hari ini di Desa Maju.")

    # Unticking the channel for this item removes its card ...
    box = page.get_by_role("checkbox", name="Telegram: Info PN Uji")
    expect(box).to_be_checked()
    box.uncheck()
    expect(page.locator(".warta-social__card:visible")).to_have_count(0)
    admin.see("Semua kanal dilewati untuk konten ini")

    # ... and the choice is saved with the draft.
    page.get_by_role("button", name="Simpan draf").click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/edit/"))
    page.wait_for_load_state("networkidle")
    news = NewsPage.objects.get(slug="sidang-keliling-di-desa-maju")
    assert news.get_latest_revision_as_object().social_excluded_channels == [telegram_only.pk]
    social_tab(page)
    expect(page.get_by_role("checkbox", name="Telegram: Info PN Uji")).not_to_be_checked()
    expect(page.locator(".warta-social__card:visible")).to_have_count(0)

    # Ticking it again brings the card back, now with the saved item's address.
    page.get_by_role("checkbox", name="Telegram: Info PN Uji").check()
    expect(page.locator(".warta-social__card:visible")).to_have_count(1)
    expect(page.locator(".warta-social__card .warta-social__text")).to_contain_text(
        f"{live_court.url}/berita/sidang-keliling-di-desa-maju/")


def test_the_preview_says_so_when_no_channel_is_connected(live_court, open_as):
    admin = open_as("admin")
    page = admin.page
    admin.go(f"/admin/pages/add/cms/newspage/{live_court.news_index.pk}/")
    social_tab(page)
    expect(page.locator(".warta-social__card")).to_have_count(0)
    admin.see("Pengadilan ini belum menyambungkan kanal media sosial yang aktif")
    expect(page.get_by_text("Kirim ke kanal")).to_have_count(0)


def test_live_counts_match_the_server_rules(live_court, open_as):
    """The counts the Redaktur sees while typing are the server's, for every platform the court has."""
    news = NewsPageFactory(parent=live_court.news_index, title="Sidang keliling", slug="sidang", live=False,
                           owner=live_court.users["admin"])
    news.save_revision(user=live_court.users["admin"])
    for kind in SOCIAL_KINDS:
        account = SocialAccount(site=live_court.site, platform=kind, name=f"{kind} PN Uji", external_id=kind)
        account.credentials = {"token": "rahasia"}
        account.save()
    redaktur = open_as("redaktur")
    page = redaktur.page
    redaktur.go(f"/admin/pages/{news.pk}/edit/")
    caption = ("Sidang keliling 🎉 di Kecamatan Maju 👨‍👩‍👧‍👦, info: https://pn-uji.go.id/layanan ✅ "
               "dan ecourt.info/panduan")
    hashtags = "#PengadilanNegeri #SidangKeliling"
    social_tab(page)
    page.fill("#id_social_caption", caption)
    page.fill("#id_social_hashtags", hashtags)
    expect(page.locator(".warta-social__card:visible")).to_have_count(len(SOCIAL_KINDS))

    draft = NewsPage.objects.get(pk=news.pk)
    draft.social_caption, draft.social_hashtags = caption, hashtags
    for kind in SOCIAL_KINDS:
        expected = platform_rules.caption_length(kind, draft.social_text(kind))
        limit = platform_rules.RULES[kind].caption_limit
        expect(page.locator(f".warta-social__card--{kind} .warta-social__count")).to_have_text(
            f"{expected} / {limit}")
    preview_x = page.locator(".warta-social__card--x .warta-social__text")
    expect(preview_x).to_contain_text("#SidangKeliling")
    expect(preview_x).to_contain_text(draft.social_link())
    page.get_by_text("Teks khusus per platform").click()  # a collapsed panel
    page.fill("#id_social_caption_x", "x" * 300)
    expect(page.locator(".warta-social__card--x")).to_have_class(re.compile("warta-social__card--over"))


# Posts as courts write them, and what X counts differently from a plain character count: links with and
# without a scheme (also bare domains, which count 23 like any link), emoji joined by zero-width joiners,
# skin tones, flags and keycaps (2 each), CJK (2 per character), typographic punctuation (1).
# The two libraries still differ on a few emoji their emoji lists read differently (for example 👁️‍🗨️ and ®
# without its variation selector); none of those is here.
X_CASES = [
    "Info lengkap di ecourt.info/panduan",
    "👨‍👩‍👧‍👦",
    "Keluarga 👨‍👩‍👧‍👦 hadir di sidang isbat",
    "Sidang di https://pn-contoh.go.id/berita/sidang-keliling/ hari ini",
    "www.mahkamahagung.go.id",
    "Kunjungi pn-contoh.go.id atau ma.go.id/layanan?tahun=2025&bulan=1.",
    "Surel: humas@pn-contoh.go.id",
    "(lihat https://example.com/a_(b)) dan t.co/abc",
    "👍🏽 👩🏻‍💻 🧑‍🧑‍🧒 🏳️‍🌈 ❤️‍🔥 ❤️ ☺ ✔ ★",
    "🇮🇩 Dirgahayu Republik Indonesia 🇮🇩",
    "Langkah: 1️⃣ daftar 2️⃣ bayar #️⃣ selesai",
    "日本語のテキスト、中文 한국어",
    "Ａ全角 dan ｶﾀｶﾅ",
    "Pelayanan “prima” — cepat… ‘tepat’ • 24/7",
    "café naïve e\u0301 (huruf dengan tanda diakritik)",
    "#PengadilanNegeri #LayananPublik #ZonaIntegritas",
    "Putusan No. 12/Pdt.G/2025/PN.Jkt.Pst dibacakan pukul 09.30 WIB; biaya Rp1.500.000.",
    "Sidang keliling di Desa Maju.\n\n#SidangKeliling\n\nhttps://pn-uji.go.id/berita/sidang-keliling/",
    "Mediasi " * 40,
]


def test_the_editor_counts_x_posts_with_the_same_rules_as_the_server_and_the_fake(live_court, open_as):
    """twitter-text in the editor (vendored) and twitter-text-parser on the server give the same lengths."""
    admin = open_as("admin")
    admin.go(f"/admin/pages/add/cms/newspage/{live_court.news_index.pk}/")
    in_browser = admin.page.evaluate("cases => cases.map(text => window.twttr.txt.parseTweet(text).weightedLength)",
                                     X_CASES)
    on_server = [platform_rules.x_weighted_length(text) for text in X_CASES]
    assert in_browser == on_server
    assert on_server == [fake_x_length(text) for text in X_CASES]
    assert on_server[:2] == [39, 2]  # the bare domain is a link; the family is one emoji
