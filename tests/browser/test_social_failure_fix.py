"""The Kasubag PTIP learns at once that X refused an approved item's post, corrects the text and sends it again.

X is the fake API of tests/support/fakes/x.py (a real HTTP server on 127.0.0.1) that refuses a post whose text
the account already posted, as X does.
"""

import re

from django.core import mail
from playwright.sync_api import expect

from publishers.social.models import SocialDelivery
from tests.support.factories import NewsPageFactory


def test_kasubag_sees_the_refusal_fixes_the_text_and_resends(live_court, open_as, x_account):
    fake, user_id = x_account
    page = NewsPageFactory(parent=live_court.news_index, title="Sidang keliling", live=False,
                           social_caption="Sidang keliling di Kecamatan Maju.")
    text = page.social_text("x")
    fake.tweets.append({"id": "1", "user_id": user_id, "sent_text": text, "text": text, "media_keys": [],
                        "created": fake.clock.time()})  # posted before by hand: X refuses the same text again
    page.save_revision(user=live_court.users["kasubag"]).publish(user=live_court.users["kasubag"])
    delivery = SocialDelivery.objects.get(page=page, platform="x")
    assert delivery.status == "failed"  # the test settings run the delivery at once, on commit

    # The e-mail, with the reason and the way to fix it.
    notice = [m for m in mail.outbox if "kasubag@pn-uji.go.id" in m.to]
    assert len(notice) == 1 and "X menolak teks yang sama persis" in notice[0].body

    kasubag = open_as("kasubag")
    browser_page = kasubag.page
    panel = browser_page.locator("#warta-social-failures-section")
    expect(panel).to_contain_text("Kiriman media sosial perlu tindakan")
    expect(panel).to_contain_text("Sidang keliling")
    expect(panel).to_contain_text("X menolak teks yang sama persis")
    panel.get_by_role("link", name="Perbaiki teks dan kirim lagi").click()
    browser_page.wait_for_load_state("networkidle")
    expect(browser_page.get_by_role("heading", level=1)).to_have_text(re.compile("Perbaiki teks dan kirim lagi"))
    kasubag.see("X (X PN Uji) menolak kiriman ini")

    field = browser_page.get_by_label("Teks untuk X")
    expect(field).to_have_value(text)
    field.fill("Sidang keliling " * 30)  # too long for X: said before anything is sent
    browser_page.get_by_role("button", name="Simpan teks dan kirim lagi").click()
    browser_page.wait_for_load_state("networkidle")
    kasubag.see("Teks untuk X terlalu panjang")
    assert len(fake.tweets) == 1

    field = browser_page.get_by_label("Teks untuk X")
    field.fill("Sidang keliling di Kecamatan Maju, Senin 7 Desember.")
    browser_page.get_by_role("button", name="Simpan teks dan kirim lagi").click()
    browser_page.wait_for_load_state("networkidle")
    kasubag.see("Teks untuk X PN Uji diperbarui; kiriman akan dikirim lagi.")
    expect(browser_page.get_by_role("heading", level=1)).to_have_text(re.compile("Status media sosial"))
    row = browser_page.locator(f"tr[data-delivery='{delivery.pk}']")
    expect(row).to_contain_text("terkirim")
    expect(row.get_by_role("link", name="Lihat kiriman")).to_be_visible()
    assert len(fake.tweets_containing("Senin 7 Desember")) == 1

    # Nothing is left on the dashboard.
    kasubag.go("/admin/")
    expect(browser_page.locator("#warta-social-failures-section")).to_have_count(0)
