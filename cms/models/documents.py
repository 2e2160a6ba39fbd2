from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from rest_framework import serializers
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.api import APIField
from wagtail.models import Orderable

from .base import BasePage


class PublicDocument(Orderable):
    """One document on a public-information page (laporan, DIPA, LKjIP ...)."""

    CATEGORY_CHOICES = [
        ("laporan", _("Laporan")),
        ("dipa", _("DIPA / RKA-K/L")),
        ("lkjip", _("LKjIP")),
        ("renstra", _("Renstra / RKT")),
        ("keuangan", _("Laporan keuangan")),
        ("lhkpn", _("LHKPN / LHKASN")),
        ("sk", _("Surat keputusan")),
        ("lainnya", _("Lainnya")),
    ]

    page = ParentalKey("cms.PublicInformationPage", related_name="documents", on_delete=models.CASCADE)
    document = models.ForeignKey("wagtaildocs.Document", verbose_name=_("dokumen"), on_delete=models.CASCADE,
                                 related_name="+")
    title = models.CharField(_("judul"), max_length=255)
    category = models.CharField(_("jenis"), max_length=20, choices=CATEGORY_CHOICES, default="laporan")
    year = models.PositiveSmallIntegerField(_("tahun"))

    panels = [FieldPanel("title"), FieldPanel("category"), FieldPanel("year"), FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = _("dokumen publik")
        verbose_name_plural = _("dokumen publik")


class PublicDocumentSerializer(serializers.Serializer):
    def to_representation(self, value):
        return [
            {"title": d.title, "category": d.category, "year": d.year, "url": d.document.url,
             "file_extension": d.document.file_extension}
            for d in value.all()
        ]


class PublicInformationPage(BasePage):
    """A library of public information documents, grouped by year (SK KMA 2-144/2022)."""

    intro = models.TextField(_("pengantar"), blank=True)

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        InlinePanel("documents", label=_("Dokumen")),
    ]
    api_fields = [APIField("intro"), APIField("documents", serializer=PublicDocumentSerializer())]

    class Meta:
        verbose_name = _("halaman informasi publik")
        verbose_name_plural = _("halaman informasi publik")

    def documents_by_year(self):
        groups = {}
        for doc in self.documents.select_related("document").order_by("-year", "sort_order"):
            groups.setdefault(doc.year, []).append(doc)
        return sorted(groups.items(), reverse=True)
