"""The page editor's rich text widget (Draftail), hardened against what a browser should never send or a stored
row should never stop: a contentstate that is not JSON of the right shape becomes a form error, and stored HTML
the converter chokes on (legacy markup from before Warta) still opens, cleaned."""

import logging

import nh3
from wagtail.admin.rich_text import DraftailRichTextArea

from cms.sanitise import clean_rich_text

logger = logging.getLogger(__name__)


class UnreadableRichText(str):
    """What the widget hands on for a contentstate it cannot read; CourtRichTextBlock.clean refuses it."""


class CourtDraftailRichTextArea(DraftailRichTextArea):
    def value_from_datadict(self, data, files, name):
        try:
            return super().value_from_datadict(data, files, name)
        # The converter raises whatever json.loads or a missing key gives for a malformed or forged contentstate.
        except (ValueError, TypeError, KeyError, AttributeError, IndexError):
            logger.info("unreadable rich text contentstate in field %s", name)
            return UnreadableRichText("")

    def format_value(self, value):
        try:
            return super().format_value(value)
        # Wagtail's HTML-to-contentstate converter asserts on markup it does not expect (e.g. unmatched tags).
        except (AssertionError, ValueError, KeyError, TypeError, AttributeError, IndexError):
            logger.warning("stored rich text could not be opened as it is; opened after cleaning", exc_info=True)
        cleaned = clean_rich_text(value or "")
        try:
            return super().format_value(cleaned)
        except (AssertionError, ValueError, KeyError, TypeError, AttributeError, IndexError):
            # Last resort: its text only, one paragraph, so the editor opens and nothing is lost from sight.
            text = nh3.clean(cleaned, tags=set())  # tags dropped, text kept and escaped
            return super().format_value(f"<p>{text}</p>")
