"""Publishing goes through the editorial workflow; only a superuser may go around it, and that is logged.

Wagtail lets anyone with the "publish" page permission publish directly (the
Kasubag PTIP has it, so that approving the last task can publish and so that
they can unpublish). The SOP wants every item corrected by the Redaktur first,
so direct publishing is refused to everyone but superusers on every route:
the editor (create, edit, revert, a publishing schedule: the edit is kept as a draft), bulk publish,
copying a live page keeping the copy live, an alias (it is live at once at a new address), and every
action of the v3 API. A page moves only within its own court. A superuser's direct publish is an
emergency publish and gets its own audit log entry ("warta.emergency_publish").
"""

from django.db.models.signals import post_save
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from ninja.errors import HttpError
from wagtail.actions.copy_for_translation import CopyPageForTranslationAction
from wagtail.actions.copy_page import CopyPageAction
from wagtail.actions.create_alias import CreatePageAliasAction
from wagtail.actions.create_page import CreatePageAction
from wagtail.actions.edit_page import EditPageAction
from wagtail.actions.move_page import MovePageAction
from wagtail.actions.publish_page_revision import PublishPageRevisionAction
from wagtail.admin import messages
from wagtail.admin.forms.pages import CopyForm
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.log_actions import log
from wagtail.models import Page, PageLogEntry

from editorial.workflow_finish import is_publishing_via_workflow

EMERGENCY_PUBLISH = "warta.emergency_publish"
REFUSAL = _("Konten hanya dapat diterbitkan melalui alur redaksi: kirim ke Redaktur, lalu Kasubag PTIP "
            "menyetujuinya.")
COPY_REFUSAL = _("Salinan halaman yang tayang tidak dapat langsung diterbitkan. Salin sebagai konsep, lalu kirim "
                 "ke Redaktur.")
ALIAS_REFUSAL = _("Alias tidak dapat dibuat: alias langsung tayang di alamat baru tanpa pemeriksaan Redaktur. "
                  "Salin halaman sebagai konsep, lalu kirim ke Redaktur.")
MOVE_REFUSAL = _("Halaman tidak dapat dipindahkan ke pengadilan lain; pindahkan hanya di dalam situs "
                 "pengadilannya sendiri.")
COPY_IS_A_DRAFT = _("Salinan disimpan sebagai konsep dan tayang hanya setelah alur redaksi.")
COPIED_AS_DRAFT = _("Salinan '%(title)s' disimpan sebagai konsep. Kirim ke Redaktur agar diperiksa sebelum "
                    "diterbitkan.")


def may_publish_directly(user):
    return bool(user and user.is_active and user.is_superuser)


def court_of(page):
    """The court a page belongs to: the id of the deepest site root page at or above it (None outside every
    site)."""
    return (Page.objects.ancestor_of(page, inclusive=True).filter(sites_rooted_here__isnull=False)
            .order_by("-depth").values_list("pk", flat=True).first())


def moves_across_courts(page, new_parent):
    return court_of(page) != court_of(new_parent)


def copies_live_pages(page, recursive):
    return page.live or (recursive and page.get_descendants().live().exists())


# --- admin routes (registered as hooks in wagtail_hooks) ---

def _refuse(request, page=None, message=REFUSAL):
    messages.error(request, message)
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


def refuse_bulk_move_across_courts(request, action_type, objects, action_class_instance):
    form = getattr(action_class_instance, "cleaned_form", None)
    if action_type != "move" or form is None or may_publish_directly(request.user):
        return None
    destination = form.cleaned_data.get("chooser")
    if destination is not None and any(moves_across_courts(page, destination) for page in objects):
        messages.error(request, MOVE_REFUSAL)
        return redirect(get_valid_next_url_from_request(request) or "wagtailadmin_home")
    return None


def refuse_copy_and_publish(request, page):
    """A copy of a live page is made as a draft; keeping it live or making an alias (live at once, and it follows
    every later publish of the original) is refused. Superusers may."""
    if request.method != "POST" or may_publish_directly(request.user):
        return None
    if request.POST.get("alias"):
        message = ALIAS_REFUSAL
    elif request.POST.get("publish_copies"):
        message = COPY_REFUSAL
    else:
        return None
    messages.error(request, message)
    return redirect("wagtailadmin_pages:copy", page.pk)


class ReviewCopyForm(CopyForm):
    """Wagtail's copy form without "publish the copy" and "alias" for everyone who publishes only through the
    review (refuse_copy_and_publish refuses them in a crafted POST too)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not may_publish_directly(self.user):
            self.fields.pop("publish_copies", None)
            self.fields.pop("alias", None)
            self.fields["new_title"].help_text = COPY_IS_A_DRAFT


def say_copy_is_a_draft(request, page, new_page):
    if not new_page.live:
        messages.info(request, COPIED_AS_DRAFT % {"title": new_page.title})


def refuse_move_across_courts(request, page, destination):
    if moves_across_courts(page, destination) and not may_publish_directly(request.user):
        messages.error(request, MOVE_REFUSAL)
        return redirect("wagtailadmin_pages:move", page.pk)
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

    def __init__(self, message=REFUSAL):
        super().__init__(409, str(message))


class OtherCourt(HttpError):
    def __init__(self):
        super().__init__(403, str(MOVE_REFUSAL))


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


class WorkflowCopyPageAction(CopyPageAction):
    """A copy of a live page stays live only for a superuser (keep_live is the v3 API's default: others send
    keep_live=false and get a draft)."""

    def check(self, skip_permission_checks=False):
        super().check(skip_permission_checks=skip_permission_checks)
        if (self.user and not skip_permission_checks and self.keep_live and not may_publish_directly(self.user)
                and copies_live_pages(self.page, self.recursive)):
            raise ReviewRequired(COPY_REFUSAL)


class WorkflowCreatePageAliasAction(CreatePageAliasAction):
    def check(self, skip_permission_checks=False):
        super().check(skip_permission_checks=skip_permission_checks)
        if self.user and not skip_permission_checks and not may_publish_directly(self.user):
            raise ReviewRequired(ALIAS_REFUSAL)


class WorkflowCopyPageForTranslationAction(CopyPageForTranslationAction):
    def check(self, skip_permission_checks=False):
        super().check(skip_permission_checks=skip_permission_checks)
        if self.user and not skip_permission_checks and self.alias and not may_publish_directly(self.user):
            raise ReviewRequired(ALIAS_REFUSAL)


class WorkflowMovePageAction(MovePageAction):
    """A live page moved stays live: within its court that changes its address, not its content; into another
    court it would go live there unreviewed."""

    def check(self, parent_after, skip_permission_checks=False):
        super().check(parent_after, skip_permission_checks=skip_permission_checks)
        if (self.user and not skip_permission_checks and not may_publish_directly(self.user)
                and moves_across_courts(self.page, parent_after)):
            raise OtherCourt()


def register_actions(registry):
    # Revert (a new draft revision), unpublish, delete and convert_alias put nothing new live: Wagtail's own.
    for action_class in (WorkflowPublishPageRevisionAction, WorkflowCreatePageAction, WorkflowEditPageAction,
                         WorkflowCopyPageAction, WorkflowCreatePageAliasAction, WorkflowCopyPageForTranslationAction,
                         WorkflowMovePageAction):
        registry.register(Page, action_class)


# --- emergency publish audit ---

def on_publish_logged(sender, instance, created, raw=False, **kwargs):
    """Log every publish by a person outside the workflow's final approval as an emergency publish; so is a live
    alias (it is published at its new address as it is made)."""
    if not created or raw or instance.action not in ("wagtail.publish", "wagtail.publish.schedule",
                                                     "wagtail.create_alias"):
        return
    if instance.user_id is None or is_publishing_via_workflow():
        return
    page = instance.page.specific
    if instance.action == "wagtail.create_alias" and not page.live:
        return
    log(
        instance=page, action=EMERGENCY_PUBLISH, user=instance.user, revision=instance.revision,
        data={"superuser": instance.user.is_superuser, "scheduled": instance.action == "wagtail.publish.schedule",
              "log_entry": instance.pk},
        uuid=instance.uuid,
    )


def connect():
    post_save.connect(on_publish_logged, sender=PageLogEntry, dispatch_uid="editorial.publishing.emergency")
