"""Import of the asset register from a spreadsheet (XLSX or CSV).

The first row names the columns (KOLOM, in any order; headers matched without regard to case). Every row is
checked before anything is saved: one bad row and nothing is created, and each bad row gets its own Indonesian
message. A file is judged by its content (cms.uploads.check_document), not its name."""

import csv
import datetime
import io
from pathlib import PurePath

from django.db import transaction
from django.utils.translation import gettext as _

from cms.uploads import Refused, check_document
from core.courts import people_of

from .models import Asset

# header -> model field
KOLOM = {"kode": "code", "nama": "name", "jenis": "kind", "lokasi": "location", "pemegang": "holder",
         "tanggal pembelian": "purchase_date", "garansi sampai": "warranty_until",
         "lisensi sampai": "licence_until", "catatan": "notes"}
REQUIRED = ("kode", "nama", "jenis")
DATES = ("tanggal pembelian", "garansi sampai", "lisensi sampai")
DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y")


class ImportRefused(Exception):
    """The whole file is refused (not a spreadsheet, no header, unknown columns)."""


def _kinds():
    kinds = {}
    for key, label in Asset.KINDS:
        kinds[key] = key
        kinds[str(label).lower()] = key
        kinds[key.replace("_", " ")] = key
    kinds["hosting"] = Asset.HOSTING
    return kinds


def read_rows(upload):
    """The file's rows as lists of cell values (header first). ImportRefused when it is not a readable XLSX or
    CSV file."""
    name = upload.name or ""
    ext = PurePath(name).suffix.lower().lstrip(".")
    if ext not in ("xlsx", "csv"):
        raise ImportRefused(_("Hanya berkas .xlsx atau .csv yang dapat diimpor."))
    try:
        check_document(upload, name)
    except Refused as refused:
        raise ImportRefused(refused.message) from None
    data = upload.read()
    if ext == "csv":
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ImportRefused(_("Berkas CSV harus disimpan dengan pengodean UTF-8.")) from None
        try:
            dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
        except csv.Error:
            dialect = csv.excel
        return [row for row in csv.reader(io.StringIO(text), dialect)]
    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # a damaged workbook: openpyxl raises many kinds
        raise ImportRefused(_("Berkas .xlsx ini tidak dapat dibaca sebagai lembar kerja.")) from None
    sheet = book.worksheets[0]
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def _text(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _date(value):
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = _text(value)
    if not text:
        return None
    for fmt in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(text)


def parse(rows, court):
    """(assets, errors): unsaved Asset objects for the court, and [(row number, message)] for the bad rows."""
    rows = [row for row in rows if any(_text(cell) for cell in row)]
    if not rows:
        raise ImportRefused(_("Berkas ini kosong."))
    header = [_text(cell).lower() for cell in rows[0]]
    unknown = [name for name in header if name and name not in KOLOM]
    missing = [name for name in REQUIRED if name not in header]
    if unknown or missing:
        parts = []
        if missing:
            parts.append(_("kolom wajib tidak ada: %(names)s") % {"names": ", ".join(missing)})
        if unknown:
            parts.append(_("kolom tidak dikenal: %(names)s") % {"names": ", ".join(unknown)})
        raise ImportRefused(_("Baris judul tidak sesuai (%(what)s). Kolom yang dikenal: %(known)s.") % {
            "what": "; ".join(parts), "known": ", ".join(KOLOM)})
    kinds = _kinds()
    users = {user.username.lower(): user for user in people_of(court).filter(is_active=True)}
    existing = set(Asset.objects.filter(court=court).values_list("code", flat=True))
    seen = {}
    assets, errors = [], []
    # Row numbers as the spreadsheet shows them: the header is row 1 (blank rows skipped above are rare).
    for number, row in enumerate(rows[1:], start=2):
        cells = {name: (row[i] if i < len(row) else None) for i, name in enumerate(header) if name}
        problems = []
        values = {}
        for name in REQUIRED:
            if not _text(cells.get(name)):
                problems.append(_("kolom \"%(name)s\" kosong") % {"name": name})
        code = _text(cells.get("kode"))
        if code:
            if code in existing:
                problems.append(_("kode %(code)s sudah terdaftar") % {"code": code})
            elif code in seen:
                problems.append(_("kode %(code)s sudah dipakai di baris %(row)s") % {"code": code,
                                                                                    "row": seen[code]})
            else:
                seen[code] = number
        kind_text = _text(cells.get("jenis")).lower()
        if kind_text:
            if kind_text in kinds:
                values["kind"] = kinds[kind_text]
            else:
                problems.append(_("jenis \"%(kind)s\" tidak dikenal (pilih: %(choices)s)") % {
                    "kind": _text(cells.get("jenis")),
                    "choices": ", ".join(str(label) for _key, label in Asset.KINDS)})
        for name in DATES:
            try:
                values[KOLOM[name]] = _date(cells.get(name))
            except ValueError as bad:
                problems.append(_("%(name)s \"%(value)s\" bukan tanggal (tulis 2026-12-31 atau 31/12/2026)") % {
                    "name": name, "value": bad.args[0]})
        holder = _text(cells.get("pemegang"))
        if holder:
            if holder.lower() in users:
                values["holder"] = users[holder.lower()]
            else:
                problems.append(_("pemegang \"%(name)s\" bukan nama pengguna pegawai pengadilan ini") % {
                    "name": holder})
        for name, limit in (("kode", 50), ("nama", 255), ("lokasi", 255)):
            if len(_text(cells.get(name))) > limit:
                problems.append(_("kolom \"%(name)s\" lebih dari %(limit)s karakter") % {"name": name,
                                                                                         "limit": limit})
        if problems:
            errors.append((number, "; ".join(problems)))
            continue
        assets.append(Asset(court=court, code=code, name=_text(cells.get("nama")),
                            location=_text(cells.get("lokasi")), notes=_text(cells.get("catatan")), **values))
    if not assets and not errors:
        raise ImportRefused(_("Berkas ini hanya berisi baris judul."))
    return assets, errors


def import_assets(upload, court):
    """(created assets, errors). Nothing is created when any row is bad. ImportRefused for a bad file."""
    assets, errors = parse(read_rows(upload), court)
    if errors:
        return [], errors
    with transaction.atomic():
        for asset in assets:
            asset.save()
    return assets, []
