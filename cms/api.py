"""Headless reads: Wagtail API v2 (pages, images, documents).

Writes go through Wagtail's v3 API (/api/v3/, cms/urls.py); what it accepts for each page type is declared
on the model as APIField(..., writable=True).
"""

from django.core.exceptions import FieldDoesNotExist
from django.db.models import ForeignKey
from django.utils.translation import gettext as _
from rest_framework import serializers
from taggit.managers import TaggableManager
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.serializers import TagsField
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from cms.models import NewsPage
from cms.sanitise import CONTROL_CHARACTERS


class CategorySerializer(serializers.Serializer):
    def to_representation(self, value):
        return {"id": value.pk, "name": value.name, "slug": value.slug} if value else None


class RefuseControlCharactersMixin:
    """A NUL or other control character in a query parameter (search, html_path ...) is a 400 with a reason, not a
    500 from the database (PostgreSQL refuses a NUL in any text)."""

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        for key, values in request.GET.lists():
            if any(CONTROL_CHARACTERS.search(text) for text in (key, *values)):
                raise BadRequestError(_("Parameter %(name)s memuat karakter kendali yang tidak diizinkan.")
                                      % {"name": CONTROL_CHARACTERS.sub("", key)})


class PrefetchedTagsField(TagsField):
    """Tag names from the prefetched tags (one query for the whole listing), sorted as Wagtail sorts them."""

    def to_representation(self, value):
        return sorted(tag.name for tag in value.all())


def related_reads(model):
    """(select_related, prefetch_related) that read every API field of `model` for a whole listing at once:
    its foreign keys (category, image), its tags, the renditions of its images."""
    joins, prefetches = ["locale"], []
    for api_field in getattr(model, "api_fields", ()):
        source = getattr(api_field.serializer, "source", None) or api_field.name
        try:
            field = model._meta.get_field(source)
        except FieldDoesNotExist:
            continue
        if isinstance(field, ForeignKey):
            joins.append(source)
            if field.related_model._meta.label == "wagtailimages.Image":
                prefetches.append(f"{source}__renditions")
        elif isinstance(field, TaggableManager):
            prefetches.append(source)
    return sorted(set(joins)), sorted(set(prefetches))


class CourtPagesAPIViewSet(RefuseControlCharactersMixin, PagesAPIViewSet):
    """API v2 shows a news item's category with its name and slug, as readers filter listings by them.

    The model's APIField("category") carries no serializer because API v3 only writes fields without one
    (it takes the category's id), so v2's richer shape is set here instead. A listing reads what its items'
    fields need in a fixed number of queries, however many items and fields it shows (`related_reads`).
    """

    @classmethod
    def get_field_serializer_overrides(cls, model):
        overrides = super().get_field_serializer_overrides(model)
        if issubclass(model, NewsPage):
            overrides.setdefault("category", CategorySerializer())
        for api_field in getattr(model, "api_fields", ()):
            try:
                field = model._meta.get_field(api_field.name)
            except FieldDoesNotExist:
                continue
            if isinstance(field, TaggableManager):
                overrides.setdefault(api_field.name, PrefetchedTagsField())
        return overrides

    def get_queryset(self):
        queryset = super().get_queryset()
        joins, prefetches = related_reads(queryset.model)
        return queryset.select_related(*joins).prefetch_related(*prefetches)


class CourtImagesAPIViewSet(RefuseControlCharactersMixin, ImagesAPIViewSet):
    pass


class CourtDocumentsAPIViewSet(RefuseControlCharactersMixin, DocumentsAPIViewSet):
    pass


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", CourtPagesAPIViewSet)
api_router.register_endpoint("images", CourtImagesAPIViewSet)
api_router.register_endpoint("documents", CourtDocumentsAPIViewSet)
