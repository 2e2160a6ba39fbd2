"""Kinds of court, the directorate general each answers to, and the court that hears its appeals.

One table, read everywhere: a court's directorate and its place under an appellate court are looked
up here from its type (``CourtSettings.court_type``), never decided by code branches.
"""

from dataclasses import dataclass

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.models import Site

BADILUM = "badilum"
BADILAG = "badilag"
BADILMILTUN = "badilmiltun"

DIRECTORATES = {
    BADILUM: _("Badilum — Direktorat Jenderal Badan Peradilan Umum"),
    BADILAG: _("Badilag — Direktorat Jenderal Badan Peradilan Agama"),
    BADILMILTUN: _("Badilmiltun — Direktorat Jenderal Badan Peradilan Militer dan Peradilan Tata Usaha Negara"),
}
DIRECTORATE_SHORT = {BADILUM: "Badilum", BADILAG: "Badilag", BADILMILTUN: "Badilmiltun"}


@dataclass(frozen=True)
class CourtType:
    code: str
    name: str
    directorate: str
    appeal_type: str = ""  # the type of the court that hears its appeals; empty for the top of a chain


COURT_TYPES = [
    CourtType("PN", _("Pengadilan Negeri"), BADILUM, "PT"),
    CourtType("PT", _("Pengadilan Tinggi"), BADILUM),
    CourtType("PA", _("Pengadilan Agama"), BADILAG, "PTA"),
    CourtType("MS", _("Mahkamah Syar'iyah"), BADILAG, "MSA"),
    CourtType("PTA", _("Pengadilan Tinggi Agama"), BADILAG),
    CourtType("MSA", _("Mahkamah Syar'iyah Aceh"), BADILAG),
    CourtType("PTUN", _("Pengadilan Tata Usaha Negara"), BADILMILTUN, "PTTUN"),
    CourtType("PTTUN", _("Pengadilan Tinggi Tata Usaha Negara"), BADILMILTUN),
    CourtType("DILMIL", _("Pengadilan Militer"), BADILMILTUN, "DILMILTI"),
    CourtType("DILMILTI", _("Pengadilan Militer Tinggi"), BADILMILTUN, "DILMILTAMA"),
    CourtType("DILMILTAMA", _("Pengadilan Militer Utama"), BADILMILTUN),
]
BY_CODE = {court_type.code: court_type for court_type in COURT_TYPES}
# Other names in use for the same type (PM: Pengadilan Militer).
ALIASES = {"PM": "DILMIL"}
# The short form people write: PN, PTA, Dilmil, Dilmilti.
SHORT = {court_type.code: court_type.code if len(court_type.code) <= 5 else court_type.code.title()
         for court_type in COURT_TYPES}
APPELLATE_TYPES = sorted({court_type.appeal_type for court_type in COURT_TYPES if court_type.appeal_type})
CHOICES = [(court_type.code, format_lazy("{} — {}", SHORT[court_type.code], court_type.name))
           for court_type in COURT_TYPES]


def lookup(code):
    """The CourtType for a code or one of its other names (any case), or None."""
    code = (code or "").strip().upper()
    return BY_CODE.get(ALIASES.get(code, code))


def directorate_of(code):
    """The directorate (badilum, badilag, badilmiltun) of a court type, or "" for an unknown type."""
    court_type = lookup(code)
    return court_type.directorate if court_type else ""


def types_of(directorate):
    """The court type codes under a directorate."""
    return [court_type.code for court_type in COURT_TYPES if court_type.directorate == directorate]


def is_appellate(code):
    """Whether courts of this type hear the appeals of another type (PT, PTA, PTTUN, Dilmilti...)."""
    court_type = lookup(code)
    return court_type is not None and court_type.code in APPELLATE_TYPES


class CourtSettingsForm(WagtailAdminModelForm):
    """The court's settings: its appellate court must be a court of the type that hears its appeals."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "appellate_court" in self.fields:
            offer_appellate_courts(self.fields["appellate_court"])

    def clean(self):
        data = super().clean()
        if "court_type" not in self.fields or "appellate_court" not in self.fields:
            return data
        error = appellate_error(data.get("court_type"), data.get("appellate_court"), own_site_id=self.instance.site_id)
        if error is not None:
            self.add_error("appellate_court", error)
        return data


def offer_appellate_courts(field):
    """Let a site choice field offer the courts that hear appeals, by name."""
    field.queryset = Site.objects.filter(courtsettings__court_type__in=APPELLATE_TYPES).order_by("site_name")
    field.label_from_instance = lambda site: site.site_name or site.hostname


def appellate_error(code, appellate, own_site_id=None):
    """Why the site `appellate` cannot hear the appeals of a court of type `code` (a ValidationError), or None
    when it can or none is given. The one rule for the court settings form and the onboarding form."""
    if appellate is None:
        return None
    court_type = lookup(code)
    if own_site_id and appellate.pk == own_site_id:
        return forms.ValidationError(_("Pengadilan tidak dapat menjadi pengadilan tingkat bandingnya sendiri."))
    if court_type is None or not court_type.appeal_type:
        return forms.ValidationError(_("Jenis pengadilan ini tidak memiliki pengadilan tingkat banding; kosongkan."))
    appellate_type = getattr(getattr(appellate, "courtsettings", None), "court_type", "")
    if appellate_type != court_type.appeal_type:
        return forms.ValidationError(
            _("Banding %(type)s diperiksa oleh %(appeal)s; pilih pengadilan berjenis itu."),
            params={"type": SHORT[court_type.code], "appeal": SHORT[court_type.appeal_type]})
    return None
