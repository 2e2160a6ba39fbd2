"""Images and documents are checked by what they contain, not by their name.

Wagtail's image and document forms are the base of every admin upload (single, multiple, chooser), so the
checks live in the base forms set by WAGTAILIMAGES_IMAGE_FORM_BASE and WAGTAILDOCS_DOCUMENT_FORM_BASE.

- Images are decoded once, fully, before they are stored: a truncated or corrupt file is a form error here
  instead of a crash when its first thumbnail is made. Wagtail itself checks the format and the pixel count
  (WAGTAILIMAGES_MAX_IMAGE_PIXELS, frames included) from the header before that.
- Documents: the bytes must be what the extension says (magic bytes through `filetype`, a pure-Python package
  Willow already needs); a PDF may carry no JavaScript or launch actions; Office and OpenDocument files may carry
  no macros and must not unpack to absurd sizes (zip bombs); text files may hold no binary data.
"""

import re
import warnings
import zipfile
import zlib
from pathlib import PurePath

import filetype
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageFile
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

# What a legitimate court document unpacks to at most, and how much it may be compressed.
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_COMPRESSION_RATIO = 100
MAX_ZIP_MEMBERS = 5000
# How much of a PDF's compressed streams is inflated to look for scripts inside them.
MAX_PDF_INFLATED_BYTES = 100 * 1024 * 1024

OOXML_MAIN_PART = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml", "pptx": "ppt/presentation.xml"}
ODF_MIMETYPE = {
    "odt": b"application/vnd.oasis.opendocument.text",
    "ods": b"application/vnd.oasis.opendocument.spreadsheet",
    "odp": b"application/vnd.oasis.opendocument.presentation",
}
KIND_NAMES = {"pdf": "PDF", "docx": "Word (.docx)", "xlsx": "Excel (.xlsx)", "pptx": "PowerPoint (.pptx)",
              "odt": "OpenDocument (.odt)", "ods": "OpenDocument (.ods)", "odp": "OpenDocument (.odp)",
              "txt": _("teks"), "csv": "CSV"}
# PDF names that run code or other programs when the file is opened or clicked.
PDF_ACTIVE_NAMES = {b"JS", b"JavaScript", b"Launch", b"RichMedia", b"ImportData"}
PDF_NAME = re.compile(rb"/([A-Za-z0-9#]+)")
PDF_STREAM = re.compile(rb"stream\r?\n")


class Refused(Exception):
    def __init__(self, message, code):
        super().__init__(message)
        self.message, self.code = message, code


def _read_all(f):
    f.seek(0)
    data = f.read()
    f.seek(0)
    return data


# --- images -------------------------------------------------------------------------------------------------

IMAGE_CORRUPT = _("Gambar ini rusak atau tidak utuh (mungkin unggahannya terputus) dan tidak dapat dibuka. "
                  "Simpan ulang gambarnya lalu unggah lagi.")


def check_image_decodes(f):
    """Decode the whole image once (as its first rendition will), so a broken file is refused at upload."""
    f.seek(0)
    # WeasyPrint sets Pillow's process-wide LOAD_TRUNCATED_IMAGES on import (the monev PDF), after which Pillow
    # fills a broken image in silently; this check wants the errors, so it decodes with the flag off.
    tolerant, ImageFile.LOAD_TRUNCATED_IMAGES = ImageFile.LOAD_TRUNCATED_IMAGES, False
    try:
        with warnings.catch_warnings():
            # Pillow's own bomb guard warns before it refuses; here both refuse.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(f) as image:
                if image.format == "JPEG":
                    # JPEG decodes at 1/8 scale: every byte is still read and checked, at a fraction of the memory.
                    image.draft("RGB", (max(1, image.width // 8), max(1, image.height // 8)))
                image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ValidationError(
            _("Gambar ini memuat terlalu banyak piksel untuk diolah dengan aman dan ditolak. "
              "Perkecil ukurannya lalu unggah lagi."),
            code="image_too_large",
        ) from None
    except (OSError, SyntaxError, ValueError, EOFError, MemoryError):
        raise ValidationError(IMAGE_CORRUPT, code="image_corrupt") from None
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = tolerant
        f.seek(0)


class CourtImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            field = self.fields["file"]
            field.error_messages["file_too_many_pixels"] = _(
                "Gambar ini terlalu besar (%(num_pixels)s piksel); paling banyak %(max_pixels_count)s piksel. "
                "Perkecil ukurannya lalu unggah lagi."
            )
            field.to_python = self._guarded(field.to_python)

    @staticmethod
    def _guarded(to_python):
        """Wagtail's field reads the header through Willow, which raises on some broken files instead of refusing."""
        def guarded(data):
            try:
                return to_python(data)
            except (OSError, SyntaxError, ValueError, EOFError):
                raise ValidationError(IMAGE_CORRUPT, code="image_corrupt") from None
        return guarded

    def clean_file(self):
        f = self.cleaned_data.get("file")
        if isinstance(f, UploadedFile):
            check_image_decodes(f)
        return f


# --- documents ----------------------------------------------------------------------------------------------

def _check_pdf(data):
    head = data[:1024]
    if b"%PDF-" not in head:
        raise Refused(None, "mismatch")
    names = set(PDF_NAME.findall(data))
    # Compressed streams (object streams too) can hide a script's dictionary: inflate them, within a budget.
    budget = MAX_PDF_INFLATED_BYTES
    view = memoryview(data)
    for match in PDF_STREAM.finditer(data):
        if budget <= 0:
            break
        end = data.find(b"endstream", match.end())
        try:
            inflated = zlib.decompressobj().decompress(view[match.end():end if end > 0 else len(data)], budget)
        except zlib.error:
            continue
        budget -= len(inflated)
        names.update(PDF_NAME.findall(inflated))
    # "#xx" escapes spell a name in hex (/J#61vaScript is /JavaScript).
    decoded = {re.sub(rb"#([0-9A-Fa-f]{2})", lambda m: bytes([int(m.group(1), 16)]), name) for name in names}
    found = sorted(name.decode("latin-1") for name in decoded & PDF_ACTIVE_NAMES)
    if found:
        raise Refused(
            _("PDF ini memuat JavaScript atau perintah yang berjalan sendiri (%(what)s) dan ditolak. "
              "Cetak ulang dokumennya ke PDF biasa (\"Simpan sebagai PDF\") lalu unggah hasilnya.")
            % {"what": ", ".join("/" + name for name in found)},
            "pdf_active_content",
        )


def _open_zip(f):
    try:
        archive = zipfile.ZipFile(f)
        members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise Refused(None, "mismatch") from None
    compressed = max(1, sum(member.compress_size for member in members))
    unpacked = sum(member.file_size for member in members)
    if len(members) > MAX_ZIP_MEMBERS or unpacked > MAX_UNPACKED_BYTES or unpacked / compressed > MAX_COMPRESSION_RATIO:
        raise Refused(
            _("Isi dokumen ini membengkak tidak wajar saat dibuka (%(size)s MB dari berkas %(packed)s KB) dan ditolak.")
            % {"size": unpacked // (1024 * 1024), "packed": compressed // 1024},
            "zip_bomb",
        )
    return archive, {member.filename for member in members}


MACRO_REFUSED = _("Dokumen ini memuat makro atau kode (%(what)s) dan ditolak. Simpan sebagai dokumen biasa tanpa "
                  "makro (.docx, .xlsx, .pptx, .odt, .ods) lalu unggah lagi.")


def _check_ooxml(f, ext):
    archive, names = _open_zip(f)
    if "[Content_Types].xml" not in names or OOXML_MAIN_PART[ext] not in names:
        raise Refused(None, "mismatch")
    macros = sorted(name for name in names
                    if PurePath(name).name.lower() in {"vbaproject.bin", "vbadata.xml"}
                    or name.lower().startswith(("word/activex/", "xl/activex/", "ppt/activex/")))
    try:
        content_types = archive.read("[Content_Types].xml")
    except (zipfile.BadZipFile, OSError, KeyError, EOFError, zlib.error):
        raise Refused(None, "mismatch") from None
    if b"macroEnabled" in content_types or b"vbaProject" in content_types:
        macros.append("[Content_Types].xml: macroEnabled")
    if macros:
        raise Refused(MACRO_REFUSED % {"what": ", ".join(macros[:3])}, "macro")


def _check_odf(f, ext):
    archive, names = _open_zip(f)
    try:
        mimetype = archive.read("mimetype").strip() if "mimetype" in names else b""
    except (zipfile.BadZipFile, OSError, EOFError, zlib.error):
        mimetype = b""
    if mimetype != ODF_MIMETYPE[ext]:
        raise Refused(None, "mismatch")
    macros = sorted(name for name in names if name.startswith(("Basic/", "Scripts/")))
    if macros:
        raise Refused(MACRO_REFUSED % {"what": ", ".join(macros[:3])}, "macro")


def _check_text(data):
    if b"\x00" in data or filetype.guess(data[:8192]) is not None:
        raise Refused(None, "mismatch")


def check_document(f, name):
    """Refused(message, code) unless the file's content is what its extension promises, with nothing active."""
    ext = PurePath(name or "").suffix.lower().lstrip(".")
    data = _read_all(f)
    try:
        if ext == "pdf":
            _check_pdf(data)
        elif ext in OOXML_MAIN_PART:
            _check_ooxml(f, ext)
        elif ext in ODF_MIMETYPE:
            _check_odf(f, ext)
        elif ext in {"txt", "csv"}:
            _check_text(data)
        # Other extensions are refused by Wagtail's extension check (WAGTAILDOCS_EXTENSIONS) before this runs.
    except Refused as refused:
        if refused.message is None:
            actual = filetype.guess(data[:8192])
            refused.message = _(
                "Isi berkas ini tidak sesuai dengan namanya: berakhiran .%(ext)s tetapi bukan berkas %(kind)s yang "
                "utuh%(actual)s. Simpan ulang dari aplikasi aslinya lalu unggah lagi."
            ) % {"ext": ext, "kind": KIND_NAMES.get(ext, ext),
                 "actual": (_(" (isinya berkas .%(real)s)") % {"real": actual.extension}) if actual else ""}
        raise
    finally:
        f.seek(0)


class CourtDocumentForm(BaseDocumentForm):
    def clean_file(self):
        f = self.cleaned_data.get("file")
        if isinstance(f, UploadedFile):
            try:
                check_document(f, f.name)
            except Refused as refused:
                raise ValidationError(refused.message, code=refused.code) from None
        return f
