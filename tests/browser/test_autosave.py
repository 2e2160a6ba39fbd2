"""Autosave keeps what a person types in a new item: title, lead and a typed paragraph, with nothing else filled,
become a saved draft without a click, as Wagtail's editor promises.

Wagtail's editor starts watching for edits a moment after it opens (it then takes its first picture of the form);
what is typed before that picture is part of it and so never counts as an edit. A person reads the form first;
the test waits, as they do, until the editor watches."""

from playwright.sync_api import expect

from cms.models import NewsPage

TITLE = "Penyuluhan hukum di SMA Negeri 1"
PARAGRAPH = "Hakim memberi penyuluhan tentang bahaya narkoba kepada siswa kelas dua belas."
EDITOR_WATCHES = """() => {
    const form = document.getElementById('page-edit-form');
    const unsaved = window.wagtail.app.getControllerForElementAndIdentifier(form, 'w-unsaved');
    return Boolean(unsaved && unsaved.initialFormData);
}"""


def test_title_lead_and_typed_paragraph_autosave(live_court, open_as):
    admin = open_as("admin")
    admin.go(f"/admin/pages/add/cms/newspage/{live_court.news_index.pk}/")
    page = admin.page
    page.wait_for_function(EDITOR_WATCHES)
    page.fill("#id_title", TITLE)
    page.fill("#id_lead", "Pengadilan Negeri Uji memberi penyuluhan hukum kepada pelajar.")
    page.get_by_role("button", name="Sisipkan blok").first.click()
    page.get_by_role("option", name="Paragraf").click()
    editor = page.locator(".Draftail-Editor [contenteditable=true]").first
    editor.click()
    editor.type(PARAGRAPH)
    # No click on "Simpan draf": autosave turns the new item into a saved draft, whose form posts to its edit view
    # (a function, not an expression: Playwright evals an expression in the page, which the admin's CSP refuses).
    page.wait_for_function("() => document.getElementById('page-edit-form').action.includes('/edit/')")
    item = NewsPage.objects.get(title=TITLE)
    assert not item.live
    # The paragraph reaches the saved draft too, once Draftail has handed it to the form (bounded polling).
    for _ in range(60):
        if PARAGRAPH in str(item.get_latest_revision_as_object().body):
            break
        page.wait_for_timeout(250)
    else:
        raise AssertionError(f"the paragraph never reached a saved revision: "
                             f"{item.get_latest_revision_as_object().body}")
    expect(page.locator("#id_title")).to_have_value(TITLE)
