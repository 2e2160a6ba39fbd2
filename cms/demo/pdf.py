"""Small, real PDF documents for the demo court's public-information pages, drawn by WeasyPrint from HTML.

The same library as the monev report's PDF: text PDFs (selectable, searchable, read aloud by screen
readers, tagged with their structure), A4, the court's name at the top of every page, the footer and
"Halaman n dari m" at the bottom. The HTML is document.html next to this module.
"""

from dataclasses import dataclass, field
from pathlib import Path

from django.template import Context, Engine

TEMPLATE = Path(__file__).with_name("document.html")


@dataclass
class Section:
    heading: str
    paragraphs: list[str] = field(default_factory=list)
    table: list[tuple[str, ...]] = field(default_factory=list)  # first row is the header


def render_html(title, sections, header, footer, subtitle="", author=""):
    template = Engine.get_default().from_string(TEMPLATE.read_text(encoding="utf-8"))
    return template.render(Context({"title": title, "sections": sections, "header": header, "footer": footer,
                                    "subtitle": subtitle, "author": author}))


def render(title, sections, header, footer, subtitle="", author=""):
    """The bytes of a PDF with a title block and the given sections."""
    from weasyprint import HTML  # heavy import, only when the demo writes its documents

    return HTML(string=render_html(title, sections, header, footer, subtitle, author)).write_pdf(pdf_tags=True)
