"""SK Teknologi Informasi (SOP A3's output): when the Ketua's approval publishes a programme, the decree
"Keputusan Ketua <court> tentang Program Teknologi Informasi Tahun <year>" is numbered in the court's own
sequence for the year, printed as a PDF (WeasyPrint) with the programme as a table, and kept as a Wagtail
document in the court's collection. The decree is an Indonesian official document: printed in Indonesian
whatever the approver's language."""

import base64
import logging

from django.core.files.base import ContentFile
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import override
from wagtail.documents import get_document_model

from cms.models import CourtSettings
from editorial.tindaklanjut.views import court_collection

from .models import Decree, DecreeSequence

logger = logging.getLogger(__name__)
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)


def court_code(settings_):
    """The court's code in decree numbers: its short name without the court type, in capitals ("PN Uji" ->
    "UJI"), else its site's id."""
    short = (settings_.short_name or "").strip()
    kind = (settings_.court_type or "").strip()
    if kind and short.upper().startswith(kind.upper() + " "):
        short = short[len(kind) + 1:]
    code = "".join(part for part in short.upper().split() if part)
    return code or str(settings_.site_id)


def decree_number(sequence, settings_, year):
    """The one place a decree number is formatted: "<n>/K<court type>.<code>/SK/TI/<year>"
    (e.g. "3/KPN.UJI/SK/TI/2026")."""
    kind = (settings_.court_type or "PN").upper()
    return f"{sequence}/K{kind}.{court_code(settings_)}/SK/TI/{year}"


def next_sequence(site, year):
    """The court's next decree number for the year (1, 2, ...), counted in the database under a row lock."""
    with transaction.atomic():
        DecreeSequence.objects.get_or_create(site=site, year=year)
        row = DecreeSequence.objects.select_for_update().get(site=site, year=year)
        row.last += 1
        row.save(update_fields=["last"])
        return row.last


def decree_title(program, settings_=None):
    settings_ = settings_ or CourtSettings.for_site(program.court)
    with override("id"):
        return _("Keputusan Ketua %(court)s tentang Program Teknologi Informasi Tahun %(year)s") % {
            "court": settings_.court_name, "year": program.year}


def logo_data_uri(settings_):
    if not settings_.logo_id:
        return ""
    try:
        rendition = settings_.logo.get_rendition("max-240x240|format-png")
        with rendition.file.open("rb") as fh:
            return "data:image/png;base64," + base64.b64encode(fh.read()).decode()
    except Exception:  # a missing or unreadable image must not stop the decree
        logger.warning("logo of %s could not be read for the decree", settings_, exc_info=True)
        return ""


def render_html(program, number, day, ketua_name=""):
    settings_ = CourtSettings.for_site(program.court)
    activities = list(program.activities.all().select_related("responsible"))
    with override("id"):
        return render_to_string("programti/pdf/decree.html", {
            "program": program, "court": settings_, "number": number, "date": date_format(day, "DATE_FORMAT"),
            "title": decree_title(program, settings_), "activities": activities,
            "total_budget": sum((activity.budget or 0) for activity in activities),
            "logo": logo_data_uri(settings_), "ketua_name": ketua_name,
        })


def render_pdf(program, number, day, ketua_name=""):
    from weasyprint import HTML  # heavy import, only when a PDF is wanted

    return HTML(string=render_html(program, number, day, ketua_name)).write_pdf()


def issue(program, user=None):
    """Number, print and store the decree of a programme just set; nothing when it has one already."""
    from editorial.step_rows import user_name

    existing = Decree.objects.filter(program_id=program.pk).first()
    if existing is not None:
        return existing
    day = timezone.localdate()
    settings_ = CourtSettings.for_site(program.court)
    number = decree_number(next_sequence(program.court, program.year), settings_, program.year)
    pdf = render_pdf(program, number, day, user_name(user))
    document = get_document_model().objects.create(
        title=decree_title(program, settings_)[:255],
        file=ContentFile(pdf, name=f"sk-ti-{program.year}-{slugify(number)}.pdf"),
        collection=court_collection(program.court), uploaded_by_user=user)
    return Decree.objects.create(program_id=program.pk, number=number, date=day, document=document, issued_by=user)
