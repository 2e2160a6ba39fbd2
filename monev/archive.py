"""Freezing an approved monev report (SOP C step 6).

The Sekretaris approves the report through the "Persetujuan Arsip Monev"
workflow; Wagtail then publishes it, and publishing is what archives it here:
the figures are computed one last time and stored as they are, the PDF (with
the Kasubag's and the Sekretaris's names) is stored as a Wagtail document in
the private "Arsip Monev" collection, and its SHA-256 is kept to show later
that the file is the one that was approved.
"""

import hashlib

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.documents import get_document_model
from wagtail.log_actions import log
from wagtail.models import Collection, CollectionViewRestriction, ReferenceIndex, TaskState, WorkflowState
from wagtail.signals import published

from . import archive_setup
from . import report as figures_module
from .models import CourtArchive, MonevReport
from .report import pdf

ARCHIVE_ACTION = "monev.archive"


def archive_collection(site=None):
    """The court's private archive collection (CourtArchive), else the one the installation made."""
    archive = CourtArchive.objects.filter(site=site).select_related("collection").first() if site else None
    if archive is not None and archive.collection is not None:
        return archive.collection
    collection = Collection.objects.filter(name=archive_setup.COLLECTION_NAME).order_by("depth").first()
    if collection is None:  # removed by hand: make it again, private as the migration made it
        collection = Collection.get_first_root_node().add_child(name=archive_setup.COLLECTION_NAME)
        CollectionViewRestriction.objects.create(collection=collection,
                                                 restriction_type=CollectionViewRestriction.LOGIN)
    return collection


def signatories(report):
    """(submitted by, approved by) from the report's last workflow: its requester and the last approver."""
    state = WorkflowState.objects.for_instance(report).order_by("-created_at", "-pk").first()
    if state is None:
        return None, None
    approval = (TaskState.objects.filter(workflow_state=state, status=TaskState.STATUS_APPROVED)
                .order_by("-finished_at", "-pk").select_related("finished_by").first())
    return state.requested_by, approval.finished_by if approval else None


def sha256_of(document):
    digest = hashlib.sha256()
    with document.file.open("rb") as fh:
        for chunk in iter(lambda: fh.read(65536), b""):
            digest.update(chunk)
    return digest.hexdigest()


def freeze(report, now=None):
    now = now or timezone.now()
    submitted_by, approved_by = signatories(report)
    figures = figures_module.compute(report.site, report.period, now=now)
    content = pdf.render(figures, report.site, archive=pdf.archive_context(report, submitted_by, approved_by, now))
    name = slugify(figures["site"]["name"])[:60]
    filename = f"laporan-monev-{name}-{report.period_start}-{report.period_end}.pdf"
    Document = get_document_model()
    document = Document(title=f"{report.title} — {figures['site']['name']}", collection=archive_collection(report.site),
                        uploaded_by_user=approved_by)
    document.file.save(filename, ContentFile(content), save=False)
    document._set_document_file_metadata()
    document.save()
    digest = hashlib.sha256(content).hexdigest()
    MonevReport.objects.filter(pk=report.pk).update(
        figures=figures, document=document, sha256=digest, archived_at=now,
        submitted_by=submitted_by, approved_by=approved_by,
    )
    report.refresh_from_db()
    # The update above bypassed save(): record the PDF's use so Wagtail refuses to delete the document.
    ReferenceIndex.create_or_update_for_object(report)
    log(instance=report, action=ARCHIVE_ACTION, user=approved_by,
        data={"sha256": digest, "document": document.pk})
    return report


def on_published(sender, instance, revision=None, **kwargs):
    if isinstance(instance, MonevReport) and instance.archived_at is None:
        # In the approval's transaction: if the PDF cannot be made, the approval does not happen either.
        with transaction.atomic():
            freeze(instance)


def connect():
    published.connect(on_published, sender=MonevReport, dispatch_uid="monev.archive.freeze")
