from django.db import models
from django.utils.translation import gettext_lazy as _

# The editorial workflow's steps, each mapped to SOP rows through MutuBaku.workflow_step.
MENYIAPKAN = "menyiapkan"
KOREKSI = "koreksi"
PERSETUJUAN = "persetujuan"
# The follow-up plan's steps (editorial.tindaklanjut, SOP B6-B7), timed the same way.
RENCANA_TL = "rencana_tl"
TINDAK_LANJUT = "tindak_lanjut"
WORKFLOW_STEPS = [
    (MENYIAPKAN, _("Menyiapkan konsep (Admin)")),
    (KOREKSI, _("Koreksi Redaktur")),
    (PERSETUJUAN, _("Persetujuan Kasubag PTIP")),
    (RENCANA_TL, _("Persetujuan rencana tindak lanjut (Sekretaris)")),
    (TINDAK_LANJUT, _("Melaksanakan tindak lanjut")),
]

PROCEDURE_WEBSITE = "B"
PROCEDURE_SOCIAL = "C"


class MutuBakuQuerySet(models.QuerySet):
    def minutes_for(self, step, procedures):
        """The standard time of one workflow step: the sum over the SOP procedures the item takes part in."""
        total = self.filter(workflow_step=step, procedure__in=procedures).aggregate(total=models.Sum("minutes"))
        return total["total"] or 0


class MutuBaku(models.Model):
    """One SOP step's quality standard (Mutu Baku): who, what it needs, how long it may take, what it produces.

    Seeded from the SOP by a migration and editable in the admin; the editorial
    workflow's time standards are read from the rows mapped to its steps.
    """

    PROCEDURES = [
        ("A", _("A. Pengelolaan Teknologi Informasi")),
        (PROCEDURE_WEBSITE, _("B. Pengelolaan Website")),
        (PROCEDURE_SOCIAL, _("C. Pengelolaan Media Sosial")),
        ("D", _("D. Pemeliharaan Teknologi Informasi")),
    ]

    procedure = models.CharField(_("prosedur"), max_length=1, choices=PROCEDURES)
    step = models.PositiveSmallIntegerField(_("langkah"))
    activity = models.TextField(_("kegiatan"))
    actor = models.CharField(_("pelaksana"), max_length=100)
    requirements = models.CharField(_("kelengkapan"), max_length=200, blank=True)
    minutes = models.PositiveIntegerField(_("waktu (menit)"))
    output = models.CharField(_("output"), max_length=200, blank=True)
    workflow_step = models.CharField(
        _("langkah alur redaksi"), max_length=20, choices=WORKFLOW_STEPS, blank=True,
        help_text=_("Langkah alur redaksi Warta yang diukur dengan standar waktu ini."),
    )

    objects = MutuBakuQuerySet.as_manager()

    class Meta:
        ordering = ["procedure", "step"]
        constraints = [models.UniqueConstraint(fields=["procedure", "step"], name="unique_mutu_baku_step")]
        verbose_name = _("mutu baku")
        verbose_name_plural = _("mutu baku")

    def __str__(self):
        return f"{self.procedure}{self.step}. {self.activity}"
