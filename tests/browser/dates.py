"""Typing a date into a Wagtail date field as a person does."""

from playwright.sync_api import expect

CLOSE_TRIES = 3


def set_date(page, selector, value, elsewhere):
    """Type the date (dd/mm/yyyy), then press Escape and click elsewhere so Wagtail's date picker closes; a picker
    that opened late (its focus handler runs after the click on a busy machine) is closed the same way again, as
    a person would. The field keeps the typed date."""
    page.fill(selector, value)
    pickers = page.locator(".xdsoft_datetimepicker:visible")
    for _ in range(CLOSE_TRIES):
        page.keyboard.press("Escape")
        page.locator(elsewhere).click()
        try:
            expect(pickers).to_have_count(0, timeout=2000)
            break
        except AssertionError:
            continue
    expect(pickers).to_have_count(0)
    expect(page.locator(selector)).to_have_value(value)
