"""monev's part of onboarding a court (core.onboarding): the court's own report archive, an approval workflow
for its Sekretaris and a private collection inside the court's collection (monev.archive_setup, the definition
the installation's migration used), recorded in CourtArchive so its reports follow them."""

from django.apps import apps
from django.utils.translation import gettext as _
from wagtail.models import Collection, Site, Workflow

from . import archive_setup
from .models import CourtArchive


def _record_first_court(onboarding):
    """The court set up at installation keeps the workflow and collection its migration made, now named as
    its own, so a new court's reports never fall back to them."""
    first = Site.objects.filter(is_default_site=True).first()
    if first is None or first.pk == onboarding.site.pk or CourtArchive.objects.filter(site=first).exists():
        return
    CourtArchive.objects.create(
        site=first, workflow=Workflow.objects.filter(name=archive_setup.WORKFLOW_NAME).first(),
        collection=Collection.objects.filter(name=archive_setup.COLLECTION_NAME).order_by("depth").first(),
    )


def court_archive(onboarding):
    _record_first_court(onboarding)
    if CourtArchive.objects.filter(site=onboarding.site).exists():
        return
    workflow, collection = archive_setup.setup_archive(apps, name_prefix=onboarding.spec.group_prefix)
    collection = Collection.objects.get(pk=collection.pk)
    if onboarding.collection is not None and not collection.is_descendant_of(onboarding.collection):
        collection.move(Collection.objects.get(pk=onboarding.collection.pk), pos="sorted-child")
        collection = Collection.objects.get(pk=collection.pk)
    CourtArchive.objects.create(site=onboarding.site, workflow=Workflow.objects.get(pk=workflow.pk),
                                collection=collection)
    onboarding.note(_("Arsip monev «%(name)s» dan alur persetujuannya") % {"name": collection.name})
