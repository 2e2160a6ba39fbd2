"""Autosave keeps what a person types in a new item: title, lead and a typed paragraph, with nothing else filled,
become a saved draft without a click, as Wagtail's editor promises; words typed while an autosave is on its way
(a slow connection) are saved by the next one, not marked saved unsent.

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
# a function, not an expression: Playwright evals an expression in the page, which the admin's CSP refuses
SAVED_AS_DRAFT = "() => document.getElementById('page-edit-form').action.includes('/edit/')"


def saved_body(item, page):
    """The body of the item's latest revision once it holds the paragraph (bounded polling), else fail."""
    for _ in range(60):
        # read afresh each time: autosave overwrites the draft's one revision in place
        body = str(NewsPage.objects.get(pk=item.pk).get_latest_revision_as_object().body)
        if PARAGRAPH in body:
            return body
        page.wait_for_timeout(250)
    raise AssertionError(f"the paragraph never reached a saved revision: {body}")


def start_item(admin, live_court):
    admin.go(f"/admin/pages/add/cms/newspage/{live_court.news_index.pk}/")
    page = admin.page
    page.wait_for_function(EDITOR_WATCHES)
    page.fill("#id_title", TITLE)
    page.fill("#id_lead", "Pengadilan Negeri Uji memberi penyuluhan hukum kepada pelajar.")
    return page


def type_paragraph(page):
    page.get_by_role("button", name="Sisipkan blok").first.click()
    page.get_by_role("option", name="Paragraf").click()
    editor = page.locator(".Draftail-Editor [contenteditable=true]").first
    editor.click()
    editor.type(PARAGRAPH)


def test_title_lead_and_typed_paragraph_autosave(live_court, open_as):
    admin = open_as("admin")
    page = start_item(admin, live_court)
    type_paragraph(page)
    # No click on "Simpan draf": autosave turns the new item into a saved draft, whose form posts to its edit view.
    page.wait_for_function(SAVED_AS_DRAFT)
    item = NewsPage.objects.get(title=TITLE)
    assert not item.live
    saved_body(item, page)
    expect(page.locator("#id_title")).to_have_value(TITLE)


def test_words_typed_while_an_autosave_is_on_its_way_are_saved_next(live_court, open_as):
    admin = open_as("admin")
    held = []
    # A slow connection: the first autosave (title and lead) waits on the way until the paragraph has been typed.
    admin.page.route("**/admin/pages/add/**",
                     lambda route: held.append(route) if route.request.method == "POST" and not held
                     else route.continue_())
    page = start_item(admin, live_court)
    for _ in range(80):
        if held:
            break
        page.wait_for_timeout(250)
    else:
        raise AssertionError("no autosave left after the title and lead were filled")
    type_paragraph(page)
    held[0].continue_()  # the answer arrives just after the last word
    page.wait_for_function(SAVED_AS_DRAFT)
    item = NewsPage.objects.get(title=TITLE)
    saved_body(item, page)
