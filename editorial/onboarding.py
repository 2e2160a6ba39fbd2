"""editorial's part of onboarding a court (core.onboarding): the review workflow on the court's home page, with
tasks for its own Redaktur and Kasubag PTIP groups (editorial.workflow_setup, as the installation's migration
does for the first court), and its working hours (the defaults, which the Kasubag then adjusts)."""

from django.apps import apps
from django.utils.translation import gettext as _
from wagtail.models import Site, WorkflowPage

from .models import WorkingHours
from .workflow_setup import setup_court_workflow


def _narrow_first_court(onboarding):
    """The installation assigned the first court's workflow to the tree root, so it would also review the new
    court's pages; it moves to the first court's own home page."""
    first = Site.objects.filter(is_default_site=True).first()
    on_root = WorkflowPage.objects.filter(page__depth=1).first()
    if first is None or first.pk == onboarding.site.pk or on_root is None:
        return
    WorkflowPage.objects.update_or_create(page_id=first.root_page_id, defaults={"workflow": on_root.workflow})
    on_root.delete()


def review_workflow(onboarding):
    _narrow_first_court(onboarding)
    existing = WorkflowPage.objects.filter(page_id=onboarding.home.pk).exists()
    setup_court_workflow(apps, onboarding.home.pk, onboarding.spec.group_prefix)
    if not existing:
        onboarding.note(_("Alur redaksi (Koreksi Redaktur, Persetujuan Kasubag PTIP)"))
    WorkingHours.for_site(onboarding.site)
