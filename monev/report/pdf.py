"""The report as a print-quality PDF (WeasyPrint): court letterhead, period, figures, signature block."""

import base64
import logging

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from cms.models import CourtSettings

from ..periods import format_day
from . import present

logger = logging.getLogger(__name__)
# WeasyPrint reports every layout step at INFO; keep the worker's log for what matters.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)


def logo_data_uri(court):
    """The court's logo as a data: URI, so the PDF needs no file or network access while rendering."""
    if not court.logo_id:
        return ""
    try:
        rendition = court.logo.get_rendition("max-240x240|format-png")
        with rendition.file.open("rb") as fh:
            return "data:image/png;base64," + base64.b64encode(fh.read()).decode()
    except Exception:  # a missing or unreadable image file must not stop the report
        logger.warning("logo of %s could not be read for the monev PDF", court, exc_info=True)
        return ""


def render_html(figures, site, archive=None):
    court = CourtSettings.for_site(site)
    return render_to_string("monev/pdf/report.html", {
        "figures": figures,
        "sections": present.sections(figures),
        "court": court,
        "logo": logo_data_uri(court),
        "archive": archive,
        "section_offset": 1 if archive and archive.get("overview") else 0,
        "printed_on": format_day(timezone.localdate()),
    })


def render(figures, site, archive=None):
    """PDF bytes. `archive`: the archived report's narrative and signatures (names, approval time), if any."""
    from weasyprint import HTML  # heavy import, only when a PDF is wanted

    html = render_html(figures, site, archive)
    return HTML(string=html).write_pdf()


def archive_context(report, submitted_by, approved_by, approved_at):
    from editorial.step_rows import user_name

    return {
        "overview": report.overview, "obstacles": report.obstacles, "follow_up": report.follow_up,
        "submitted_by": user_name(submitted_by), "approved_by": user_name(approved_by),
        "approved_on": format_day(timezone.localtime(approved_at).date()),
        "approved_at": date_format(timezone.localtime(approved_at), "DATETIME_FORMAT"),
        "title": str(report), "label": _("Diarsipkan"),
    }
