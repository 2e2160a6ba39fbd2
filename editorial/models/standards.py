from django.db import models
from django.utils.translation import gettext_lazy as _

# The editorial workflow's steps, each mapped to SOP rows through MutuBaku.workflow_step.
MENYIAPKAN = "menyiapkan"
KOREKSI = "koreksi"
PERSETUJUAN = "persetujuan"
# The follow-up plan's steps (editorial.tindaklanjut: SOP B6-B7, and D5-D6 / A7 for the plans of those
# procedures), timed the same way.
RENCANA_TL = "rencana_tl"
TINDAK_LANJUT = "tindak_lanjut"
# SOP A (the IT programme) and SOP D (IT maintenance): the steps their apps time in the same ledger.
PROGRAM_SUSUN, PROGRAM_USUL, PROGRAM_TETAP = "program_susun", "program_usul", "program_tetap"
PROGRAM_LAKSANA, PROGRAM_LAPOR, PROGRAM_MONEV = "program_laksana", "program_lapor", "program_monev"
JADWAL_SUSUN, JADWAL_PERIKSA = "jadwal_susun", "jadwal_periksa"
PEMELIHARAAN, PEMELIHARAAN_MONEV = "pemeliharaan", "pemeliharaan_monev"
WORKFLOW_STEPS = [
    (MENYIAPKAN, _("Menyiapkan konsep (Admin)")),
    (KOREKSI, _("Koreksi Redaktur")),
    (PERSETUJUAN, _("Persetujuan Kasubag PTIP")),
    (RENCANA_TL, _("Persetujuan rencana tindak lanjut (Sekretaris)")),
    (TINDAK_LANJUT, _("Melaksanakan tindak lanjut")),
    (PROGRAM_SUSUN, _("Menyusun program TI (Pranata Komputer)")),
    (PROGRAM_USUL, _("Mengusulkan program TI (Kasubag PTIP / Sekretaris)")),
    (PROGRAM_TETAP, _("Menetapkan program TI (Ketua)")),
    (PROGRAM_LAKSANA, _("Melaksanakan program TI")),
    (PROGRAM_LAPOR, _("Melaporkan pelaksanaan program TI")),
    (PROGRAM_MONEV, _("Monitoring dan evaluasi TI")),
    (JADWAL_SUSUN, _("Menyusun jadwal pemeliharaan TI (Pranata Komputer)")),
    (JADWAL_PERIKSA, _("Memeriksa jadwal pemeliharaan (Kasubag PTIP)")),
    (PEMELIHARAAN, _("Melaksanakan pemeliharaan")),
    (PEMELIHARAAN_MONEV, _("Mengevaluasi pemeliharaan (Kasubag PTIP)")),
]
# The editorial steps every compliance report shows, even in a period with none of them.
EDITORIAL_STEPS = (MENYIAPKAN, KOREKSI, PERSETUJUAN)
PROCEDURE_PROGRAM, PROCEDURE_MAINTENANCE = "A", "D"

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
        (PROCEDURE_PROGRAM, _("A. Pengelolaan Teknologi Informasi")),
        (PROCEDURE_WEBSITE, _("B. Pengelolaan Website")),
        (PROCEDURE_SOCIAL, _("C. Pengelolaan Media Sosial")),
        (PROCEDURE_MAINTENANCE, _("D. Pemeliharaan Teknologi Informasi")),
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
