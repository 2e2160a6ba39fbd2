"""Publishing goes through the editorial workflow; only a superuser may go around it, and that is logged.

Wagtail lets anyone with the "publish" page permission publish directly (the
Kasubag PTIP has it, so that approving the last task can publish and so that
they can unpublish). The SOP wants every item corrected by the Redaktur first,
so direct publishing is refused to everyone but superusers on every route:
the editor (create, edit, revert: the edit is kept as a draft), bulk publish,
copy-and-publish and the v3 API. A superuser's direct publish is an emergency publish and gets its own
audit log entry ("warta.emergency_publish").
"""

from django.db.models.signals import post_save
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from ninja.errors import HttpError
from wagtail.actions.create_page import CreatePageAction
from wagtail.actions.edit_page import EditPageAction
from wagtail.actions.publish_page_revision import PublishPageRevisionAction
from wagtail.admin import messages
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.log_actions import log
from wagtail.models import PageLogEntry

from editorial.workflow_finish import is_publishing_via_workflow

EMERGENCY_PUBLISH = "warta.emergency_publish"
REFUSAL = _("Konten hanya dapat diterbitkan melalui alur redaksi: kirim ke Redaktur, lalu Kasubag PTIP "
            "menyetujuinya.")


def may_publish_directly(user):
    return bool(user and user.is_active and user.is_superuser)


# --- admin routes (registered as hooks in wagtail_hooks) ---

def _refuse(request, page=None):
    messages.error(request, REFUSAL)
    if page is not None and page.pk:
        return redirect("wagtailadmin_pages:edit", page.pk)
    return redirect("wagtailadmin_home")


def _save_instead_of_publish(request):
    """Keep the editor's work: drop the publish button from the POST, so Wagtail saves a draft
    (what it already does for users without publish permission), and say why."""
    if request.method == "POST" and request.POST.get("action-publish") and not may_publish_directly(request.user):
        data = request.POST.copy()
        del data["action-publish"]
        request.POST = data
        messages.warning(request, REFUSAL)


def refuse_direct_publish_on_edit(request, page):
    _save_instead_of_publish(request)


def refuse_direct_publish_on_create(request, parent_page, page_class):
    _save_instead_of_publish(request)


def refuse_bulk_publish(request, action_type, objects, action_class_instance):
    if action_type == "publish" and not may_publish_directly(request.user):
        messages.error(request, REFUSAL)
        return redirect(get_valid_next_url_from_request(request) or "wagtailadmin_home")
    return None


def refuse_copy_and_publish(request, page):
    if request.method == "POST" and request.POST.get("publish_copies") and not may_publish_directly(request.user):
        return _refuse(request, page)
    return None


def refuse_workflow_withdrawal(request, page):
    """Only the current step's reviewers may cancel or restart a review: the Admin cannot pull an item back."""
    if request.method != "POST" or not (
        request.POST.get("action-cancel-workflow") or request.POST.get("action-restart-workflow")
    ):
        return None
    task = page.current_workflow_task
    if task is None or request.user.is_superuser or task.get_actions(page, request.user):
        return None
    messages.error(request, _("Konten sedang diperiksa. Hanya pemeriksa langkah ini yang dapat membatalkan alurnya."))
    return redirect("wagtailadmin_pages:edit", page.pk)


# --- API v3 and any other caller of the action registry ---

class ReviewRequired(HttpError):
    """The user may publish (Wagtail's permission check passed) but only by approving the review:
    409 Conflict in the v3 API, where a missing permission is 403."""

    def __init__(self):
        super().__init__(409, str(REFUSAL))


class WorkflowPublishPageRevisionAction(PublishPageRevisionAction):
    def check(self, skip_permission_checks=False):
        super().check(skip_permission_checks=skip_permission_checks)
        if self.user and not skip_permission_checks and not is_publishing_via_workflow() and not may_publish_directly(
                self.user):
            raise ReviewRequired()


class WorkflowCreatePageAction(CreatePageAction):
    def check_publish(self):
        super().check_publish()
        if self.user and self.publish and not may_publish_directly(self.user):
            raise ReviewRequired()


class WorkflowEditPageAction(EditPageAction):
    def check_publish(self):
        super().check_publish()
        if self.user and self.publish and not may_publish_directly(self.user):
            raise ReviewRequired()


def register_actions(registry):
    from wagtail.models import Page

    registry.register(Page, WorkflowPublishPageRevisionAction)
    registry.register(Page, WorkflowCreatePageAction)
    registry.register(Page, WorkflowEditPageAction)


# --- emergency publish audit ---

def on_publish_logged(sender, instance, created, raw=False, **kwargs):
    """Log every publish by a person outside the workflow's final approval as an emergency publish."""
    if not created or raw or instance.action not in ("wagtail.publish", "wagtail.publish.schedule"):
        return
    if instance.user_id is None or is_publishing_via_workflow():
        return
    page = instance.page.specific
    log(
        instance=page, action=EMERGENCY_PUBLISH, user=instance.user, revision=instance.revision,
        data={"superuser": instance.user.is_superuser, "scheduled": instance.action == "wagtail.publish.schedule",
              "log_entry": instance.pk},
        uuid=instance.uuid,
    )


def connect():
    post_save.connect(on_publish_logged, sender=PageLogEntry, dispatch_uid="editorial.publishing.emergency")
