"""SOP B/C steps 1-3 as the people do them, in chromium through the real admin with autosave on:
the Admin drafts a news item with an image and social text and submits it; the Redaktur sends it back with a
note; the Admin finds the note on the dashboard and in the editor, fixes it and resubmits; the Redaktur passes it
on; the Kasubag approves once, by a real click, while autosave runs; the item is live, stays live, and its
Telegram post goes out."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from cms.models import NewsPage
from core import platform_rules
from publishers.social.models import SocialAccount
from tests.support.fakes.fixtures import make_jpeg
from tests.support.fakes.telegram import TelegramFake

TITLE = "Sidang keliling di Desa Sukamaju"
NOTE = "Nama kepala desa salah eja; mohon diperbaiki menjadi Bapak Suparman."


@pytest.fixture
def telegram(live_court, settings):
    """The court's Telegram channel, connected to a Telegram fake on 127.0.0.1."""
    fake = TelegramFake().start()
    settings.WARTA_TELEGRAM_API_URL = fake.url
    settings.WARTA_SOCIAL_POLL_SECONDS = 0
    bot_token, bot_id = fake.add_bot()
    chat_id = fake.add_channel("pnuji_info", title="Info PN Uji", admins=[bot_id])
    account = SocialAccount(site=live_court.site, platform=platform_rules.TELEGRAM, name="Info PN Uji",
                            external_id=str(chat_id), handle="pnuji_info")
    account.credentials = {"bot_token": bot_token}
    account.save()
    yield fake
    fake.stop()


@pytest.fixture
def photo(live_court):
    import io

    from django.core.files.images import ImageFile
    from wagtail.images import get_image_model

    image = get_image_model()(title="Sidang keliling di balai desa")
    image.file = ImageFile(io.BytesIO(make_jpeg()), name="sidang-keliling.jpg")
    image.save()
    return image


def messages(person):
    return person.page.locator(".messages")


def open_action_menu(person):
    person.page.locator("footer [data-w-dropdown-target='toggle']").first.click()


def test_news_item_from_draft_to_live_through_the_review(live_court, open_as, telegram, photo):
    # 1. The Admin drafts the item: text, body, image with alt text, social text; then sends it to the Redaktur.
    admin = open_as("admin")
    admin.go(f"/admin/pages/add/cms/newspage/{live_court.news_index.pk}/")
    page = admin.page
    page.fill("#id_title", TITLE)
    page.fill("#id_lead", "Pengadilan Negeri Uji menggelar sidang keliling di balai Desa Sukamaju.")
    page.get_by_role("button", name="Sisipkan blok").first.click()
    page.get_by_role("option", name="Paragraf").click()
    editor = page.locator(".Draftail-Editor [contenteditable=true]").first
    editor.click()
    editor.type("Sidang keliling melayani perkara isbat nikah dan perceraian bagi warga Bapak Suparmin.")
    page.get_by_role("button", name="Pilih gambar").first.click()
    page.get_by_role("link", name="Sidang keliling di balai desa").click()
    page.fill("#id_hero_alt", "Hakim dan warga di balai Desa Sukamaju")
    page.get_by_role("tab", name="Media sosial").click()
    page.fill("#id_social_caption", "Sidang keliling hari ini di Desa Sukamaju.")
    # Autosave has turned the new item into a saved draft (the form now posts to its edit view), as it does
    # for a person who takes a moment before sending.
    # a function, not an expression: Playwright evals an expression in the page, which the admin's CSP refuses
    page.wait_for_function("() => document.getElementById('page-edit-form').action.includes('/edit/')")
    open_action_menu(admin)
    page.get_by_role("button", name="Kirim ke Redaktur").click()
    page.wait_for_load_state("networkidle")
    expect(messages(admin)).to_contain_text(f"'{TITLE}' dikirim ke langkah 'Koreksi Redaktur'")
    item = NewsPage.objects.get(title=TITLE)
    assert item.hero_image_id == photo.pk and not item.live

    # 2. The Redaktur finds it under "Tugas saya", corrects nothing yet, and sends it back with a note.
    redaktur = open_as("redaktur")
    expect(redaktur.page.locator("#warta-my-tasks-section")).to_contain_text(TITLE)
    redaktur.page.locator("#warta-my-tasks-section").get_by_role("link", name=TITLE).click()
    redaktur.page.wait_for_load_state("networkidle")
    open_action_menu(redaktur)
    redaktur.page.get_by_role("button", name="Kembalikan ke Admin").click()
    dialog = redaktur.page.get_by_role("dialog")
    dialog.get_by_label("Catatan untuk Admin").fill(NOTE)
    dialog.get_by_role("button", name=re.compile("Kembalikan ke Admin|Kirim")).last.click()
    expect(messages(redaktur)).to_contain_text(f"'{TITLE}' dikembalikan ke Admin dengan catatan")

    # 3. The Admin sees the note on the dashboard, with who wrote it, and again at the top of the editor.
    admin.go("/admin/")
    note = admin.page.locator("#warta-my-tasks-section [data-send-back-note]")
    expect(note).to_contain_text("Catatan dari Rudi Hartono")
    expect(note).to_contain_text(NOTE)
    admin.page.locator("#warta-my-tasks-section").get_by_role("link", name=TITLE).click()
    admin.page.wait_for_load_state("networkidle")
    expect(messages(admin)).to_contain_text("Dikembalikan oleh Rudi Hartono (Koreksi Redaktur)")
    expect(messages(admin)).to_contain_text(NOTE)
    # The status panel's review dialog names the Redaktur who asked for changes, not the Admin.
    admin.page.get_by_role("button", name="Status").first.click()
    admin.page.get_by_role("button", name="Lihat detail").first.click()
    status = admin.page.locator("#workflow-status-dialog")
    expect(status).to_contain_text("oleh Rudi Hartono")
    expect(status).not_to_contain_text("oleh Dewi Anggraini")
    admin.page.keyboard.press("Escape")
    admin.page.keyboard.press("Escape")
    open_action_menu(admin)
    expect(admin.page.get_by_role("button", name="Kirim ke Redaktur")).to_be_visible()
    expect(admin.page.get_by_role("button", name="Mulai ulang alur kerja")).to_have_count(0)
    body = admin.page.locator(".Draftail-Editor [contenteditable=true]").first
    body.click()
    admin.page.keyboard.press("End")
    body.type(" Catatan: Bapak Suparman hadir.")
    open_action_menu(admin)
    admin.page.get_by_role("button", name="Kirim ke Redaktur").click()
    expect(messages(admin)).to_contain_text(f"'{TITLE}' dikirim ke langkah 'Koreksi Redaktur'")

    # 4. The Redaktur passes it on to the Kasubag PTIP.
    redaktur.go("/admin/")
    redaktur.page.locator("#warta-my-tasks-section").get_by_role("link", name=TITLE).click()
    redaktur.page.wait_for_load_state("networkidle")
    open_action_menu(redaktur)
    redaktur.page.get_by_role("button", name="Setujui", exact=True).click()
    expect(messages(redaktur)).to_contain_text(
        f"'{TITLE}' disetujui dan diteruskan ke langkah 'Persetujuan Kasubag PTIP'")

    # 5. The Kasubag touches up the lead (autosave is running) and approves once, by a real click.
    kasubag = open_as("kasubag")
    kasubag.page.locator("#warta-my-tasks-section").get_by_role("link", name=TITLE).first.click()
    kasubag.page.wait_for_load_state("networkidle")
    kasubag.page.fill("#id_lead", "Pengadilan Negeri Uji menggelar sidang keliling di Desa Sukamaju, Kamis.")
    open_action_menu(kasubag)
    kasubag.page.get_by_role("button", name="Setujui dan terbitkan").first.click()
    kasubag.page.wait_for_load_state("networkidle")
    expect(messages(kasubag)).to_contain_text(f"'{TITLE}' disetujui dan terbit.")
    expect(messages(kasubag)).to_contain_text("1 kiriman media sosial dijadwalkan")

    # The item is live, stays live, says what the Kasubag typed, and Telegram has it exactly once.
    kasubag.page.wait_for_timeout(1500)  # give any straggling autosave its chance to do harm
    item = NewsPage.objects.get(pk=item.pk)
    assert item.live and item.first_published_at is not None and not item.has_unpublished_changes
    assert "Kamis" in item.lead
    admin.go(item.url)
    expect(admin.page.locator("h1")).to_have_text(TITLE)
    assert len(telegram.messages_containing("Sidang keliling hari ini")) == 1
    # The Admin's e-mail says it was approved, and its link opens the live item.
    approved = [m for m in mail.outbox if "admin@pn-uji.go.id" in m.to and TITLE in m.body
                and re.search("disetujui|approved", m.subject, re.I)]
    assert approved, [(m.to, m.subject) for m in mail.outbox]
    links = re.findall(r"https?://\S+", approved[-1].body)
    assert links
    for link in links:
        assert admin.page.goto(link.rstrip(".,)")).status == 200, link


def test_the_note_and_the_approval_read_in_english(live_court, open_as):
    """The same screens for people who chose English: the note, who wrote it, and what the approval did."""
    from tests.browser.review import act, in_kasubag_step, news_draft, submit

    users = live_court.users
    item = submit(news_draft(live_court, TITLE), users["admin"])
    act(item, users["redaktur"], "reject", comment=NOTE)
    admin = open_as("admin", language="en")
    note = admin.page.locator("#warta-my-tasks-section [data-send-back-note]")
    expect(note).to_contain_text("Note from Rudi Hartono:")
    expect(note).to_contain_text(NOTE)
    admin.go(f"/admin/pages/{item.pk}/edit/")
    expect(messages(admin)).to_contain_text("Sent back by Rudi Hartono (Koreksi Redaktur)")

    submit(item, users["admin"])
    act(item, users["redaktur"], "approve")
    other = in_kasubag_step(live_court, "Pengumuman jadwal sidang")
    kasubag = open_as("kasubag", language="en")
    kasubag.go(f"/admin/pages/{other.pk}/edit/")
    open_action_menu(kasubag)
    kasubag.page.get_by_role("button", name=re.compile("Approve and Publish", re.I)).first.click()
    kasubag.page.wait_for_load_state("networkidle")
    expect(messages(kasubag)).to_contain_text("'Pengumuman jadwal sidang' approved and published.")
