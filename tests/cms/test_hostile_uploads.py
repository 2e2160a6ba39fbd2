"""Hostile uploads through the real admin views: each is refused with a clear Indonesian error, never a 500.

The corpus is made here: broken images, an image with too many pixels, documents whose content is not what their
name says, a PDF with JavaScript, a macro document renamed .docx and a zip bomb dressed as .docx.
"""

import io
import struct
import zipfile
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Collection

pytestmark = pytest.mark.django_db


# --- the corpus ---------------------------------------------------------------------------------------------

def jpeg_bytes(size=(320, 240)):
    out = io.BytesIO()
    PILImage.effect_noise(size, 60).convert("RGB").save(out, "JPEG", quality=90)
    return out.getvalue()


def png_bytes(size=(320, 240)):
    out = io.BytesIO()
    PILImage.effect_noise(size, 60).save(out, "PNG")
    return out.getvalue()


def truncated_jpeg():
    data = jpeg_bytes()
    return data[: len(data) // 2]


def corrupt_png():
    data = bytearray(png_bytes())
    start = data.index(b"IDAT") + 40
    data[start:start + 200] = b"\x00" * 200  # compressed pixel data overwritten
    return bytes(data)


def png_chunk(kind, payload):
    return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", zlib.crc32(kind + payload))


def huge_png(width, height):
    """A black 1-bit PNG of width x height pixels, made row by row: tiny on disk, huge once decoded."""
    compressor, row = zlib.compressobj(9), b"\x00" * (1 + (width + 7) // 8)
    idat = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    return (b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0))
            + png_chunk(b"IDAT", idat) + png_chunk(b"IEND", b""))


def pdf(body=b"BT /F1 12 Tf (Laporan) Tj ET", extra_objects=b""):
    return (b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
            b"2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n" + extra_objects
            + b"3 0 obj << /Length " + str(len(body)).encode() + b" >> stream\n" + body + b"\nendstream endobj\n"
            b"trailer << /Root 1 0 R >>\n%%EOF\n")


def pdf_with_javascript():
    return pdf(extra_objects=b"4 0 obj << /Type /Action /S /JavaScript /JS (app.alert('x')) >> endobj\n")


def pdf_with_hidden_open_action():
    """The script's dictionary inside a compressed object stream, its name spelt with #xx escapes."""
    hidden = zlib.compress(b"5 0 obj << /OpenAction << /S /J#61vaScript /J#53 (app.alert(1)) >> >> endobj")
    return pdf(body=hidden)


def office_zip(main_part, extra=(), content_types=b'<?xml version="1.0"?><Types/>'):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", content_types)
        archive.writestr(main_part, b"<w:document/>")
        for name, data in extra:
            archive.writestr(name, data)
    return out.getvalue()


def docm_renamed_docx():
    return office_zip("word/document.xml", extra=[("word/vbaProject.bin", b"\xd0\xcf\x11\xe0 macro")],
                      content_types=b'<Types><Override ContentType="application/vnd.ms-word.document.macroEnabled'
                                    b'.main+xml"/></Types>')


def zip_bomb_docx():
    return office_zip("word/document.xml", extra=[("word/media/isi.xml", b"\x00" * (30 * 1024 * 1024))])


HOSTILE_IMAGES = {
    "terpotong.jpg": (truncated_jpeg, "rusak atau tidak utuh"),
    "rusak.png": (corrupt_png, "rusak atau tidak utuh"),
    "81-megapiksel.png": (lambda: huge_png(9000, 9000), "terlalu besar"),
    "bom-400-megapiksel.png": (lambda: huge_png(20000, 20000), "terlalu"),
}
HOSTILE_DOCUMENTS = {
    "halaman.pdf": (lambda: b"<!DOCTYPE html><html><script>alert(1)</script></html>", "tidak sesuai dengan namanya"),
    "program.pdf": (lambda: b"MZ\x90\x00\x03" + b"\x00" * 200, "isinya berkas .exe"),
    "skrip.pdf": (pdf_with_javascript, "memuat JavaScript"),
    "skrip-tersembunyi.pdf": (pdf_with_hidden_open_action, "memuat JavaScript"),
    "makro.docx": (docm_renamed_docx, "memuat makro"),
    "bom.docx": (zip_bomb_docx, "membengkak tidak wajar"),
    "program.txt": (lambda: b"MZ\x90\x00\x03" + b"\x00" * 200, "tidak sesuai dengan namanya"),
    "halaman.html": (lambda: b"<html><script>alert(1)</script></html>", "html"),
}


@pytest.fixture
def admin_client(court, client_as):
    return client_as("admin")


@pytest.fixture
def collection(db):
    return Collection.get_first_root_node().pk


def add_one(client, kind, collection, name, data):
    """The single upload view (/admin/images/add/, /admin/documents/add/)."""
    return client.post(f"/admin/{kind}/add/", {"title": name, "collection": collection,
                                               "file": SimpleUploadedFile(name, data)})


def add_many(client, kind, collection, name, data):
    """The multiple upload view, as its JavaScript posts one file."""
    return client.post(f"/admin/{kind}/multiple/add/", {"collection": collection,
                                                        "files[]": SimpleUploadedFile(name, data)})


# --- images -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", HOSTILE_IMAGES)
def test_a_hostile_image_is_refused_with_a_clear_error_by_both_upload_views(admin_client, collection, name):
    make, message = HOSTILE_IMAGES[name]
    data = make()

    response = add_one(admin_client, "images", collection, name, data)
    assert response.status_code == 200  # the form again, with its error
    assert message in response.content.decode()

    response = add_many(admin_client, "images", collection, name, data)
    assert response.status_code == 200
    answer = response.json()
    assert answer["success"] is False and message in answer["error_message"]
    assert not Image.objects.exists()


def test_a_sound_image_is_still_accepted_and_its_thumbnail_made(admin_client, collection):
    response = add_many(admin_client, "images", collection, "sidang.jpg", jpeg_bytes())
    assert response.json()["success"] is True
    image = Image.objects.get()
    assert image.get_rendition("max-165x165").width == 165


def test_the_pixel_limit_is_what_a_court_needs(settings):
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS == 40_000_000


# --- documents ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", HOSTILE_DOCUMENTS)
def test_a_hostile_document_is_refused_with_a_clear_error_by_both_upload_views(admin_client, collection, name):
    make, message = HOSTILE_DOCUMENTS[name]
    data = make()

    response = add_one(admin_client, "documents", collection, name, data)
    assert response.status_code == 200
    assert message in response.content.decode()

    response = add_many(admin_client, "documents", collection, name, data)
    assert response.status_code == 200
    answer = response.json()
    assert answer["success"] is False and message in answer["error_message"]
    assert not Document.objects.exists()


@pytest.mark.parametrize("name, make", [
    ("laporan.pdf", pdf),
    ("laporan-terkompresi.pdf", lambda: pdf(body=zlib.compress(b"BT (Laporan tahunan) Tj ET"))),
    ("surat.docx", lambda: office_zip("word/document.xml")),
    ("anggaran.xlsx", lambda: office_zip("xl/workbook.xml")),
    ("jadwal.csv", lambda: b"tanggal;perkara\n2026-12-01;Perdata\n"),
    ("catatan.txt", lambda: "Jam pelayanan 08.00–16.00 WIB".encode()),
])
def test_sound_documents_are_accepted(admin_client, collection, name, make):
    response = add_many(admin_client, "documents", collection, name, make())
    assert response.json()["success"] is True, response.json()
    assert Document.objects.get().file_extension == name.rsplit(".", 1)[1]


@pytest.mark.parametrize("name", ["terpotong.jpg", "rusak.png"])
def test_a_broken_image_is_refused_also_after_weasyprint_made_pillow_tolerant(admin_client, collection, name,
                                                                               monkeypatch):
    from PIL import ImageFile

    # What importing WeasyPrint (the monev PDF) does to the whole process.
    monkeypatch.setattr(ImageFile, "LOAD_TRUNCATED_IMAGES", True)
    make, message = HOSTILE_IMAGES[name]
    response = add_many(admin_client, "images", collection, name, make())
    assert response.json()["success"] is False and message in response.json()["error_message"]
    assert ImageFile.LOAD_TRUNCATED_IMAGES is True  # left as it was found


@pytest.mark.parametrize("kind, name, make, message", [
    ("images", "terpotong.jpg", truncated_jpeg, "rusak atau tidak utuh"),
    ("images", "81-megapiksel.png", lambda: huge_png(9000, 9000), "terlalu besar"),
    ("documents", "makro.docx", docm_renamed_docx, "memuat makro"),
    ("documents", "skrip.pdf", pdf_with_javascript, "memuat JavaScript"),
])
def test_the_v3_api_uploads_are_checked_by_the_same_forms(court, users, client, collection, kind, name, make,
                                                          message):
    from wagtail.models import APIToken

    token = APIToken.create_token(user=users["admin"], name="uji")[1]
    response = client.post(f"/api/v3/{kind}/", {"title": name, "collection_id": collection,
                                                "file": SimpleUploadedFile(name, make())},
                           HTTP_AUTHORIZATION=f"Bearer {token}")
    assert 400 <= response.status_code < 500, response.content
    assert message in response.content.decode("unicode_escape" if b"\\u" in response.content else "utf-8")
    assert not Image.objects.exists() and not Document.objects.exists()


def test_a_sound_image_and_document_are_accepted_by_the_v3_api(court, users, client, collection):
    from wagtail.models import APIToken

    token = APIToken.create_token(user=users["admin"], name="uji")[1]
    for kind, name, data in (("images", "sidang.jpg", jpeg_bytes()), ("documents", "laporan.pdf", pdf())):
        response = client.post(f"/api/v3/{kind}/", {"title": name, "collection_id": collection,
                                                    "file": SimpleUploadedFile(name, data)},
                               HTTP_AUTHORIZATION=f"Bearer {token}")
        assert response.status_code == 201, response.content
    assert Image.objects.count() == 1 and Document.objects.count() == 1
