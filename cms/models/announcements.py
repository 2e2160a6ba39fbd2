from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from cms.api_forms import api_form_class
from cms.blocks import BodyBlock

from .base import BasePage
from .social import SocialDraftMixin


class AnnouncementQuerySet(PageQuerySet):
    def current(self, today=None):
        today = today or timezone.localdate()
        return self.filter(Q(valid_until__isnull=True) | Q(valid_until__gte=today)).order_by("-date", "-pk")


AnnouncementManager = PageManager.from_queryset(AnnouncementQuerySet)


class AnnouncementIndexPage(BasePage):
    intro = models.TextField(_("pengantar"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    api_fields = [APIField("intro")]
    subpage_types = ["cms.AnnouncementPage"]

    class Meta:
        verbose_name = _("indeks pengumuman")
        verbose_name_plural = _("indeks pengumuman")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        items = AnnouncementPage.objects.live().public().child_of(self)
        context["current"] = items.current()
        today = timezone.localdate()
        context["expired"] = items.filter(valid_until__lt=today).order_by("-date")[:20]
        return context


class AnnouncementPage(SocialDraftMixin, BasePage):
    """Pengumuman: an announcement that stops being current after its valid-until date."""

    date = models.DateField(_("tanggal"), default=timezone.localdate)
    valid_until = models.DateField(
        _("berlaku sampai"), null=True, blank=True,
        help_text=_("Setelah tanggal ini pengumuman dipindah ke arsip. Kosongkan bila tidak berbatas."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("isi pengumuman"))

    objects = AnnouncementManager()

    content_panels = BasePage.content_panels + [
        MultiFieldPanel([FieldPanel("date"), FieldPanel("valid_until")], heading=_("Masa berlaku")),
        FieldPanel("body"),
    ]
    edit_handler = SocialDraftMixin.tabs(content_panels, BasePage.promote_panels, BasePage.settings_panels)
    search_fields = BasePage.search_fields + [index.SearchField("body"), index.FilterField("date")]
    api_fields = BasePage.api_fields + [
        APIField("date", writable=True),
        APIField("valid_until", writable=True),
        APIField("body", writable=True),
    ] + SocialDraftMixin.api_fields
    api_base_form_class = api_form_class(SocialDraftMixin.base_form_class)

    parent_page_types = ["cms.AnnouncementIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("pengumuman")
        verbose_name_plural = _("pengumuman")
        # Newest first along an index (the home page's current announcements), not a scan of every page.
        indexes = [models.Index(fields=["date", "page_ptr"], name="cms_announcement_date")]

    @property
    def is_current(self):
        return self.valid_until is None or self.valid_until >= timezone.localdate()

    def clean(self):
        from django.core.exceptions import ValidationError

        super().clean()
        if self.valid_until and self.date and self.valid_until < self.date:
            raise ValidationError({"valid_until": _("Tanggal berlaku sampai tidak boleh sebelum tanggal pengumuman.")})
        self.clean_social_draft()
