from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin, WorkflowMixin
from wagtail.search import index

from publishers.social.channels.metrics import METRICS as POST_METRICS

from . import periods


class PageViewDaily(models.Model):
    """Views of one page on one day. One row per page per day, incremented on
    write, so reading a year costs the same however busy the site was. No
    cookies, no IP addresses, no user agents are stored."""

    site = models.ForeignKey("wagtailcore.Site", on_delete=models.CASCADE, related_name="+",
                             verbose_name=_("situs"))
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+",
                             verbose_name=_("halaman"))
    date = models.DateField(_("tanggal"))
    views = models.PositiveIntegerField(_("dilihat"), default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["page", "date"], name="unique_pageview_day")]
        indexes = [models.Index(fields=["site", "date"])]
        verbose_name = _("kunjungan harian")
        verbose_name_plural = _("kunjungan harian")

    def __str__(self):
        return f"{self.page_id} {self.date}: {self.views}"


class AccessLogImport(models.Model):
    """How far a web server access log has been imported, so a re-run counts nothing twice.

    A log is recognised by the hash of its first line (it survives appends;
    a rotated file is a new log)."""

    site = models.ForeignKey("wagtailcore.Site", on_delete=models.CASCADE, related_name="+")
    log_key = models.CharField(max_length=64)
    offset = models.PositiveBigIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["site", "log_key"], name="unique_access_log")]


# --- social media metrics ---------------------------------------------------------------------

class MetricSnapshot(models.Model):
    """A delivered post's metrics at day 1, 7 or 28 after posting, in one shape for every platform.

    A metric the platform does not report stays empty (None), which is not the
    same as zero: Telegram reports nothing, Facebook no views, X no reach.
    `raw` keeps the platform's answer as it came. `latest` marks the newest
    snapshot of each post (maintained on write), so a report sums one row per
    post without a subquery.
    """

    DAY_1, DAY_7, DAY_28 = 1, 7, 28
    DAYS = [(DAY_1, _("hari ke-1")), (DAY_7, _("hari ke-7")), (DAY_28, _("hari ke-28"))]
    METRICS = list(POST_METRICS)  # the names the channels' fetch_metrics() return

    delivery = models.ForeignKey("social.SocialDelivery", verbose_name=_("kiriman"), on_delete=models.CASCADE,
                                 related_name="metric_snapshots")
    site = models.ForeignKey("wagtailcore.Site", verbose_name=_("situs"), null=True, on_delete=models.SET_NULL,
                             related_name="+")
    platform = models.CharField(_("platform"), max_length=20)
    account_name = models.CharField(_("nama kanal"), max_length=200)
    posted_at = models.DateTimeField(_("diposting"))
    day = models.PositiveSmallIntegerField(_("hari setelah posting"), choices=DAYS)
    taken_at = models.DateTimeField(_("diambil pada"))
    views = models.PositiveIntegerField(_("tayangan"), null=True, blank=True)
    reach = models.PositiveIntegerField(_("jangkauan"), null=True, blank=True)
    reactions = models.PositiveIntegerField(_("reaksi/suka"), null=True, blank=True)
    comments = models.PositiveIntegerField(_("komentar/balasan"), null=True, blank=True)
    shares = models.PositiveIntegerField(_("bagikan/repost"), null=True, blank=True)
    saves = models.PositiveIntegerField(_("simpan"), null=True, blank=True)
    clicks = models.PositiveIntegerField(_("klik"), null=True, blank=True)
    raw = models.JSONField(_("jawaban platform"), default=dict, blank=True)
    latest = models.BooleanField(default=True, editable=False)

    class Meta:
        verbose_name = _("statistik kiriman")
        verbose_name_plural = _("statistik kiriman")
        constraints = [models.UniqueConstraint(fields=["delivery", "day"], name="unique_metric_snapshot_day")]
        indexes = [models.Index(fields=["site", "posted_at"], name="metricsnapshot_site_posted")]

    def __str__(self):
        return f"{self.delivery_id} d{self.day}"

    @property
    def interactions(self):
        return sum(getattr(self, name) or 0 for name in ("reactions", "comments", "shares", "saves"))


class FollowerCount(models.Model):
    """An account's follower (or channel member) count, once a day."""

    account = models.ForeignKey("social.SocialAccount", verbose_name=_("kanal"), on_delete=models.CASCADE,
                                related_name="follower_counts")
    site = models.ForeignKey("wagtailcore.Site", verbose_name=_("situs"), on_delete=models.CASCADE,
                             related_name="+")
    platform = models.CharField(_("platform"), max_length=20)
    account_name = models.CharField(_("nama kanal"), max_length=200)
    date = models.DateField(_("tanggal"))
    followers = models.PositiveIntegerField(_("pengikut"))

    class Meta:
        verbose_name = _("jumlah pengikut")
        verbose_name_plural = _("jumlah pengikut")
        constraints = [models.UniqueConstraint(fields=["account", "date"], name="unique_follower_count_day")]
        indexes = [models.Index(fields=["site", "date"], name="followercount_site_date")]


# --- the report archive (SOP C step 6) ---------------------------------------------------------------

class CourtArchive(models.Model):
    """Where a court's approved monev reports go: its Sekretaris's approval workflow and its private collection.

    Wagtail assigns a snippet's workflow per model; a report follows its court's workflow instead
    (MonevReport.get_workflow, the override Wagtail documents for this). Made when a court is onboarded
    (monev.onboarding); the court set up at installation uses the workflow and collection its migration made.
    """

    site = models.OneToOneField("wagtailcore.Site", verbose_name=_("pengadilan"), on_delete=models.CASCADE,
                                related_name="+")
    workflow = models.ForeignKey("wagtailcore.Workflow", verbose_name=_("alur persetujuan"), null=True,
                                 on_delete=models.SET_NULL, related_name="+")
    collection = models.ForeignKey("wagtailcore.Collection", verbose_name=_("koleksi arsip"), null=True,
                                   on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("arsip monev pengadilan")


class MonevReport(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, index.Indexed, models.Model):
    """A court's monev report for one period, submitted by the Kasubag PTIP and approved by the Sekretaris.

    Until approval it shows the figures as they are now. Approval publishes it,
    and publishing freezes it (monev.archive): the figures are stored in
    `figures`, the PDF becomes a Wagtail document with its SHA-256, and the
    report can no longer be edited, so later data never changes it.
    """

    site = models.ForeignKey("wagtailcore.Site", verbose_name=_("pengadilan"), on_delete=models.PROTECT,
                             related_name="+")
    title = models.CharField(_("judul"), max_length=255, editable=False)
    period_kind = models.CharField(_("jenis periode"), max_length=10, choices=periods.KINDS, default=periods.MONTH)
    period_start = models.DateField(
        _("awal periode"),
        help_text=_("Untuk laporan bulanan, triwulan, semester dan tahunan cukup pilih tanggal mana saja di "
                    "dalam periodenya."),
    )
    period_end = models.DateField(_("akhir periode"), null=True, blank=True,
                                  help_text=_("Hanya untuk periode lain."))
    overview = models.TextField(_("gambaran umum"), blank=True)
    obstacles = models.TextField(_("kendala"), blank=True)
    follow_up = models.TextField(_("rekomendasi dan rencana tindak lanjut"), blank=True)

    # Set once, when the Sekretaris approves (monev.archive.freeze); never from a revision.
    figures = models.JSONField(_("angka laporan"), default=dict, blank=True, editable=False)
    document = models.ForeignKey("wagtaildocs.Document", verbose_name=_("berkas PDF"), null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="+", editable=False)
    sha256 = models.CharField(_("SHA-256 berkas PDF"), max_length=64, blank=True, editable=False)
    archived_at = models.DateTimeField(_("diarsipkan pada"), null=True, blank=True, editable=False)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("diajukan oleh"), null=True,
                                     blank=True, on_delete=models.SET_NULL, related_name="+", editable=False)
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("disetujui oleh"), null=True,
                                    blank=True, on_delete=models.SET_NULL, related_name="+", editable=False)

    ARCHIVE_FIELDS = ["figures", "document", "sha256", "archived_at", "submitted_by", "approved_by"]

    # Autocomplete on every text field: the admin listing's search box uses autocomplete only.
    search_fields = [
        index.SearchField("title"),
        index.AutocompleteField("title"),
        index.AutocompleteField("overview"),
        index.AutocompleteField("obstacles"),
        index.AutocompleteField("follow_up"),
        index.FilterField("site"),
        index.FilterField("period_kind"),
        index.FilterField("period_start"),
        index.FilterField("live"),
    ]

    class Meta:
        verbose_name = _("laporan monev")
        verbose_name_plural = _("laporan monev")
        ordering = ["-period_start", "-period_end", "site"]
        constraints = [
            models.UniqueConstraint(fields=["site", "period_kind", "period_start", "period_end"],
                                    name="unique_monev_report_period"),
        ]

    def __str__(self):
        return self.title or str(self.period.label)

    @property
    def period(self):
        if self.period_kind == periods.CUSTOM:
            return periods.Period.custom(self.period_start, self.period_end or self.period_start)
        return periods.Period.containing(self.period_kind, self.period_start)

    @property
    def is_archived(self):
        return self.archived_at is not None

    @property
    def status_label(self):
        if self.is_archived:
            return _("Diarsipkan")
        state = self.current_workflow_state
        if state is not None and state.status == state.STATUS_IN_PROGRESS:
            return _("Menunggu persetujuan Sekretaris")
        if state is not None and state.status == state.STATUS_NEEDS_CHANGES:
            return _("Perlu perbaikan")
        return _("Draf")

    def get_workflow(self):
        """The court's own approval workflow (CourtArchive), else the one assigned to the model. Wagtail asks
        several times while it renders one screen; the answer is looked up once per instance and court."""
        cached = getattr(self, "_court_workflow", None)
        if cached is None or cached[0] != self.site_id:
            archive = CourtArchive.objects.filter(site_id=self.site_id).select_related("workflow").first()
            workflow = archive.workflow if archive is not None and archive.workflow is not None else None
            self._court_workflow = cached = (self.site_id, workflow if workflow and workflow.active else None)
        return cached[1] or super().get_workflow()

    def clean(self):
        super().clean()
        if not self.period_start:
            return
        if self.period_kind == periods.CUSTOM:
            if not self.period_end:
                raise ValidationError({"period_end": _("Isi akhir periode.")})
            if self.period_end < self.period_start:
                raise ValidationError({"period_end": _("Akhir periode tidak boleh sebelum awalnya.")})
        self.normalise_period()
        if self.period_start > timezone.localdate():
            raise ValidationError({"period_start": _("Periode ini belum dimulai.")})
        clash = MonevReport.objects.filter(site_id=self.site_id, period_kind=self.period_kind,
                                           period_start=self.period_start, period_end=self.period_end)
        if self.site_id and clash.exclude(pk=self.pk).exists():
            raise ValidationError(_("Laporan monev untuk periode ini sudah ada."))

    def normalise_period(self):
        """Widen the chosen day to its whole month / quarter / semester / year, and title the report."""
        if self.period_kind != periods.CUSTOM:
            period = periods.Period.containing(self.period_kind, self.period_start)
            self.period_start, self.period_end = period.start, period.end
        self.title = str(_("Laporan Monev %(period)s") % {"period": self.period.label})

    def save(self, *args, **kwargs):
        if self.period_start:
            self.normalise_period()
        super().save(*args, **kwargs)

    def with_content_json(self, content):
        # What the archive froze belongs to the object, not to any revision: keep it when a
        # revision is restored or published.
        obj = super().with_content_json(content)
        for name in self.ARCHIVE_FIELDS:
            field = self._meta.get_field(name)
            setattr(obj, field.attname, getattr(self, field.attname))
        return obj


# --- per-court report settings ----------------------------------------------------------------------

DEFAULT_COUNTED_PAGE_TYPES = ["cms.newspage", "cms.announcementpage"]


def default_counted_page_types():
    return list(DEFAULT_COUNTED_PAGE_TYPES)


def page_type_label(model):
    return f"{model._meta.app_label}.{model._meta.model_name}"


def page_type_choices():
    """Every page type of the deployment but Wagtail's bare Page, as (label, name) pairs."""
    from wagtail.models import Page, get_page_models

    return sorted(((page_type_label(model), str(model._meta.verbose_name).capitalize())
                   for model in get_page_models() if model is not Page), key=lambda choice: choice[1])


class MonevSettingsForm(WagtailAdminModelForm):
    # A list of page types stored as JSON, edited as checkboxes: Django has no model field for that.
    counted_page_types = forms.MultipleChoiceField(
        label=_("Jenis konten yang dihitung sebagai konten terbit"), choices=page_type_choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Menurut SOP yang dihitung adalah berita dan pengumuman. Halaman indeks dan halaman "
                    "standar (profil, layanan) bukan konten terbit kecuali dipilih di sini."),
    )


@register_setting(icon="table")
class MonevSettings(BaseSiteSetting):
    """What the court's monev report counts as published content (SOP B: news and announcements)."""

    counted_page_types = models.JSONField(_("jenis konten yang dihitung"), default=default_counted_page_types)

    base_form_class = MonevSettingsForm
    panels = [FieldPanel("counted_page_types")]

    class Meta:
        verbose_name = _("pengaturan monev")
        verbose_name_plural = _("pengaturan monev")

    def counted_models(self):
        """The page models counted, in a stable order; types no longer installed are skipped."""
        from django.apps import apps

        found = []
        for label in self.counted_page_types or DEFAULT_COUNTED_PAGE_TYPES:
            try:
                found.append(apps.get_model(label))
            except (LookupError, ValueError):
                continue
        return found
