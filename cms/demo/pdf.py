"""Small, real PDF documents for the demo court's public-information pages.

Written by hand because the project has no PDF library, and Pillow's PDF output
is a picture of a page: no selectable or searchable text and a larger file. A
text PDF with the standard Helvetica fonts is a few hundred lines of PDF syntax,
readable by every viewer and by screen readers.
"""

import textwrap
from dataclasses import dataclass, field

PAGE_W, PAGE_H = 595, 842  # A4 in points
MARGIN = 60
NAVY = (0.07, 0.17, 0.34)
GOLD = (0.83, 0.67, 0.24)


@dataclass
class Section:
    heading: str
    paragraphs: list[str] = field(default_factory=list)
    table: list[tuple[str, ...]] = field(default_factory=list)  # first row is the header


def _text(value):
    """A PDF string literal in WinAnsiEncoding (cp1252 covers Indonesian text, en dash and typographic quotes)."""
    raw = value.encode("cp1252", errors="replace")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def _info_text(value):
    """A string for the document information dictionary, which uses PDFDocEncoding or UTF-16 (not WinAnsi)."""
    if value.isascii():
        return _text(value)
    return b"<FEFF" + value.encode("utf-16-be").hex().upper().encode() + b">"


class _Page:
    def __init__(self):
        self.ops = []
        self.y = PAGE_H - MARGIN

    def text(self, x, y, value, size=11, bold=False, color=(0, 0, 0)):
        face = b"/F2" if bold else b"/F1"
        self.ops.append(b"%.3f %.3f %.3f rg BT " % color + face + b" %d Tf %.1f %.1f Td " % (size, x, y)
                        + _text(value) + b" Tj ET")

    def rect(self, x, y, width, height, color):
        self.ops.append(b"%.3f %.3f %.3f rg %.1f %.1f %.1f %.1f re f" % (color + (x, y, width, height)))

    def hline(self, x1, x2, y, color=(0.6, 0.6, 0.6)):
        self.ops.append(b"%.3f %.3f %.3f RG 0.5 w %.1f %.1f m %.1f %.1f l S" % (color + (x1, y, x2, y)))

    def stream(self):
        return b"\n".join(self.ops)


class _Layout:
    """Flows headings, paragraphs and tables down the pages, adding a page when one is full."""

    def __init__(self, header, footer):
        self.header, self.footer = header, footer
        self.pages = []
        self.new_page()

    def new_page(self):
        page = _Page()
        page.rect(0, PAGE_H - 48, PAGE_W, 48, NAVY)
        page.rect(0, PAGE_H - 52, PAGE_W, 4, GOLD)
        page.text(MARGIN, PAGE_H - 30, self.header, size=12, bold=True, color=(1, 1, 1))
        page.y = PAGE_H - 90
        self.pages.append(page)

    @property
    def page(self):
        return self.pages[-1]

    def need(self, height):
        if self.page.y - height < MARGIN + 30:
            self.new_page()

    def lines(self, value, size=11, bold=False, width_chars=84, gap=4, color=(0, 0, 0)):
        # Helvetica averages about half an em per character; wrapping on characters keeps
        # lines inside the margins without shipping the font's width table.
        for line in textwrap.wrap(value, width_chars) or [""]:
            self.need(size + gap)
            self.page.text(MARGIN, self.page.y, line, size=size, bold=bold, color=color)
            self.page.y -= size + gap

    def space(self, points):
        self.page.y -= points

    def table(self, rows):
        columns = len(rows[0])
        usable = PAGE_W - 2 * MARGIN
        first = usable * (0.55 if columns > 1 else 1)
        rest = (usable - first) / max(1, columns - 1)
        for index, row in enumerate(rows):
            self.need(18)
            y = self.page.y
            if index == 0:
                self.page.rect(MARGIN - 4, y - 5, usable + 8, 17, (0.9, 0.92, 0.96))
            for column, cell in enumerate(row):
                x = MARGIN if column == 0 else MARGIN + first + rest * (column - 1)
                self.page.text(x, y, cell[:60], size=9.5, bold=index == 0)
            self.page.hline(MARGIN - 4, MARGIN + usable + 4, y - 6)
            self.page.y -= 18

    def finish(self):
        total = len(self.pages)
        for number, page in enumerate(self.pages, start=1):
            page.hline(MARGIN, PAGE_W - MARGIN, MARGIN + 10)
            page.text(MARGIN, MARGIN - 6, self.footer, size=8, color=(0.35, 0.35, 0.35))
            page.text(PAGE_W - MARGIN - 60, MARGIN - 6, f"Halaman {number} dari {total}", size=8,
                      color=(0.35, 0.35, 0.35))
        return self.pages


def render(title, sections, header, footer, subtitle="", author=""):
    """The bytes of a PDF with a title block and the given sections."""
    layout = _Layout(header, footer)
    layout.lines(title, size=18, bold=True, width_chars=48, gap=6, color=NAVY)
    if subtitle:
        layout.space(2)
        layout.lines(subtitle, size=11, color=(0.3, 0.3, 0.3))
    layout.space(14)
    for section in sections:
        layout.need(60)
        layout.lines(section.heading, size=13, bold=True, width_chars=70, color=NAVY)
        layout.space(4)
        for paragraph in section.paragraphs:
            layout.lines(paragraph)
            layout.space(6)
        if section.table:
            layout.table(section.table)
            layout.space(10)
        layout.space(8)
    return _assemble(layout.finish(), title, author)


def _assemble(pages, title, author):
    objects = []  # object number n is objects[n - 1]

    def add(body):
        objects.append(body)
        return len(objects)

    catalog = add(None)
    pages_obj = add(None)
    regular = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    bold = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>")
    kids = []
    for page in pages:
        content = page.stream()
        stream = add(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
        kids.append(add(
            b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %d %d] /Contents %d 0 R "
            b"/Resources << /Font << /F1 %d 0 R /F2 %d 0 R >> >> >>"
            % (pages_obj, PAGE_W, PAGE_H, stream, regular, bold)
        ))
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R /Lang (id-ID) >>" % pages_obj
    objects[pages_obj - 1] = (b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % kid for kid in kids)
                              + b"] /Count %d >>" % len(kids))
    info = add(b"<< /Title " + _info_text(title) + b" /Author " + _info_text(author) + b" /Producer (Warta) >>")

    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, catalog, info, xref)
    return bytes(out)
