"""The Kasubag PTIP copies a live news item: keeping the copy live is refused in Indonesian (even from a form
that still offers it), and the copy is made as a draft that waits for the review."""

from cms.models import NewsPage
from tests.support.factories import NewsPageFactory

TITLE = "Pelantikan Ketua Pengadilan"


def copy_form(person):
    return person.page.locator("form[action*='/copy/']")


def test_the_kasubag_copies_a_live_item_only_as_a_draft(live_court, open_as):
    live = NewsPageFactory(parent=live_court.news_index, title=TITLE, slug="pelantikan",
                           owner=live_court.users["admin"])
    live.save_revision(user=live_court.users["admin"]).publish(user=None)

    kasubag = open_as("kasubag")
    kasubag.go(f"/admin/pages/{live.pk}/copy/")
    kasubag.see("Salinan disimpan sebagai konsep dan tayang hanya setelah alur redaksi.")
    form = copy_form(kasubag)
    assert form.locator("input[name=publish_copies]").count() == 0
    assert form.locator("input[name=alias]").count() == 0

    # A form that still offers "publish the copy" (an old tab, a crafted request): refused, nothing copied.
    form.locator("input[name=new_title]").fill(f"{TITLE} (salinan)")
    form.locator("input[name=new_slug]").fill("pelantikan-salinan")
    form.evaluate("f => f.insertAdjacentHTML('beforeend', "
                  "'<input type=\"hidden\" name=\"publish_copies\" value=\"on\">')")
    form.locator("input[type=submit]").click()
    kasubag.page.wait_for_load_state("networkidle")
    kasubag.see("Salinan halaman yang tayang tidak dapat langsung diterbitkan. Salin sebagai konsep, lalu kirim "
                "ke Redaktur.")
    assert not NewsPage.objects.filter(slug="pelantikan-salinan").exists()

    # The copy screen as it is: the copy is a draft, and the message says where it goes next.
    form = copy_form(kasubag)
    form.locator("input[name=new_title]").fill(f"{TITLE} (salinan)")
    form.locator("input[name=new_slug]").fill("pelantikan-salinan")
    form.locator("input[type=submit]").click()
    kasubag.page.wait_for_load_state("networkidle")
    kasubag.see(f"Salinan '{TITLE} (salinan)' disimpan sebagai konsep. Kirim ke Redaktur agar diperiksa sebelum "
                "diterbitkan.")
    copy = NewsPage.objects.get(slug="pelantikan-salinan")
    assert not copy.live and copy.live_revision is None
    assert NewsPage.objects.get(pk=live.pk).live
