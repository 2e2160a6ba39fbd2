from django.db import models
from django.utils.translation import gettext_lazy as _

from cms import court_types

ALL_COURTS = "semua"
SCOPES = [(code, label) for code, label in court_types.DIRECTORATES.items()] + [
    (ALL_COURTS, _("Semua pengadilan (Biro Hukum dan Humas Mahkamah Agung)")),
]


class DirectorateReader(models.Model):
    """A group whose members read the national roll-up of one directorate's courts (or of all courts).

    Read-only: the group holds no page, collection or model permission beyond opening the admin and
    this table; which courts it reads follows from their type (cms.court_types)."""

    group = models.OneToOneField("auth.Group", verbose_name=_("grup"), on_delete=models.CASCADE,
                                 related_name="directorate_reader")
    directorate = models.CharField(_("direktorat"), max_length=20, choices=SCOPES)

    class Meta:
        verbose_name = _("pembaca rekap direktorat")
        verbose_name_plural = _("pembaca rekap direktorat")
        default_permissions = ()
        permissions = [("view_national", _("Dapat melihat rekap nasional"))]

    def __str__(self):
        return f"{self.group} → {self.get_directorate_display()}"

    @property
    def court_types(self):
        """The court types this group reads, or None for every court."""
        if self.directorate == ALL_COURTS:
            return None
        return court_types.types_of(self.directorate)
