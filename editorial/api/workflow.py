"""Review workflow endpoints under /api/v3/pages/{id}/workflow/: state, history, submit, approve, send back.

Each action runs as the token's user through the same Wagtail machinery the admin uses (Workflow.start,
WorkflowState.resume, Task.on_action), so the audit log, notifications, step timing records, the
"restart at Redaktur" rule and publishing on the last approval all apply unchanged. Who may act is
what the task says (EditorialTask.get_actions: the task's group, or a superuser), as in the admin.
Submitting and approving check the latest revision as the editor does (422 naming each field).
"""

from datetime import datetime
from typing import Annotated

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Router, Schema
from ninja.errors import HttpError
from pydantic import PositiveInt, StringConstraints
from wagtail.api.v3.auth import BearerTokenAuth
from wagtail.api.v3.errors import ProblemDetail
from wagtail.fields import StreamField
from wagtail.models import Page, PageLogEntry, WorkflowState
from wagtail.utils.forms import FormValidationError

from cms.api_forms import block_error_messages, validation_error_messages

router = Router(auth=BearerTokenAuth(), tags=["workflow"])

# Problem responses as Wagtail's own routers raise them (errors.register_exception_handlers renders them).
PROBLEMS = {401: ProblemDetail, 403: ProblemDetail, 404: ProblemDetail, 409: ProblemDetail, 422: ProblemDetail}


# --- schemas ------------------------------------------------------------------------------------------

class TaskStateOut(Schema):
    id: int
    task: str
    status: str
    status_label: str
    started_at: datetime
    finished_at: datetime | None
    finished_by: str | None
    comment: str


class CurrentTaskOut(Schema):
    id: int
    task_state_id: int
    name: str
    groups: list[str]
    reviewers: list[str]
    actions: list[str]


class WorkflowStateOut(Schema):
    page_id: int
    workflow: str | None
    status: str | None
    status_label: str | None
    requested_by: str | None
    current_task: CurrentTaskOut | None
    task_states: list[TaskStateOut]


class HistoryEntryOut(Schema):
    action: str
    label: str
    message: str
    user: str | None
    timestamp: datetime
    comment: str


class ApproveIn(Schema):
    comment: str = ""


class SendBackIn(Schema):
    comment: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


# --- helpers ------------------------------------------------------------------------------------------

def _page(page_id):
    return get_object_or_404(Page, pk=page_id).specific


def _username(user):
    return user.get_username() if user is not None else None


def _current(page):
    """The page's in-progress workflow state and its current (specific) task state and task, or Nones."""
    state = page.current_workflow_state
    if state is None or state.status != WorkflowState.STATUS_IN_PROGRESS or state.current_task_state is None:
        return state, None, None
    task_state = state.current_task_state.specific
    return state, task_state, task_state.task.specific


def _actions(task, page, user):
    return sorted({name for name, _label, _modal in task.get_actions(page, user)}) if task is not None else []


def _check_can_read(user, page):
    perms = page.permissions_for_user(user)
    _state, _task_state, task = _current(page)
    if not (perms.can_edit() or perms.can_publish() or _actions(task, page, user)):
        raise PermissionDenied(_("Anda tidak berhak melihat alur redaksi konten ini."))


def _state_payload(page, user):
    state = WorkflowState.objects.for_instance(page).order_by("-created_at", "-id").first()
    current = None
    task_states = []
    if state is not None:
        _s, task_state, task = _current(page)
        if task is not None:
            groups = list(task.groups.all())
            reviewers = sorted({member.get_username() for group in groups
                                for member in group.user_set.filter(is_active=True)})
            current = {"id": task.pk, "task_state_id": task_state.pk, "name": task.name,
                       "groups": [group.name for group in groups], "reviewers": reviewers,
                       "actions": _actions(task, page, user)}
        for ts in state.task_states.select_related("task", "finished_by").order_by("started_at", "id"):
            task_states.append({
                "id": ts.pk, "task": ts.task.name, "status": ts.status, "status_label": str(ts.get_status_display()),
                "started_at": ts.started_at, "finished_at": ts.finished_at,
                "finished_by": _username(ts.finished_by), "comment": ts.get_comment() or "",
            })
    workflow = state.workflow if state else page.get_workflow()
    return {
        "page_id": page.pk,
        "workflow": workflow.name if workflow else None,
        "status": state.status if state else None,
        "status_label": str(state.get_status_display()) if state else None,
        "requested_by": _username(state.requested_by) if state else None,
        "current_task": current,
        "task_states": task_states,
    }


def _check_complete(page):
    """Refuse (422, each field by path) a latest revision that the editor would not submit or approve.

    The editor defers required fields only when saving a draft (as API v3 create/update does); submitting
    and workflow actions validate the whole form. Here that is the model's own validation (required fields,
    NewsPage.clean, the social draft rules) and each StreamField's blocks, which the model does not check.
    """
    latest = page.get_latest_revision_as_object()
    streams = [field for field in latest._meta.concrete_fields if isinstance(field, StreamField)]
    found = []
    try:
        latest.full_clean(exclude=[field.name for field in streams])
    except ValidationError as error:
        found.extend(validation_error_messages(error))
    for field in streams:
        try:
            field.stream_block.clean(getattr(latest, field.attname))
        except ValidationError as error:
            found.extend(block_error_messages(error, (field.name,)))
    if found:
        errors = {}
        for path, message, code in found:
            errors.setdefault(path, []).append((str(message), code))
        raise FormValidationError(errors)


def _act(request, page_id, action_name, **data):
    page = _page(page_id)
    _state, task_state, task = _current(page)
    if task is None:
        raise HttpError(409, _("Konten ini tidak sedang menunggu pemeriksaan."))
    if action_name not in _actions(task, page, request.user):
        raise PermissionDenied(_("Anda tidak termasuk kelompok '%(groups)s' yang bertugas pada langkah "
                                 "'%(task)s'.") % {"groups": ", ".join(g.name for g in task.groups.all()),
                                                   "task": task.name})
    if action_name == "approve":
        _check_complete(page)
    # One transaction: an approval whose publishing fails leaves the task as it was.
    with transaction.atomic():
        task.on_action(task_state, request.user, action_name, **data)
    return _state_payload(_page(page_id), request.user)


# --- endpoints ------------------------------------------------------------------------------------------

@router.get(
    "/{page_id}/workflow/", response={200: WorkflowStateOut, **PROBLEMS}, url_name="pages_workflow_state",
    summary="Page workflow state", operation_id="pages_workflow_state",
    description="The page's latest editorial workflow: status, current task, who can act on it and the task history.",
)
def workflow_state(request, page_id: PositiveInt):
    page = _page(page_id)
    _check_can_read(request.user, page)
    return _state_payload(page, request.user)


@router.get(
    "/{page_id}/workflow/history/", response={200: list[HistoryEntryOut], **PROBLEMS},
    url_name="pages_workflow_history", summary="Page history", operation_id="pages_workflow_history",
    description="The page's audit log (oldest first): action, user, time and comment.",
)
def workflow_history(request, page_id: PositiveInt):
    page = _page(page_id)
    _check_can_read(request.user, page)
    entries = PageLogEntry.objects.filter(page=page).select_related("user").order_by("timestamp", "id")
    return [{"action": entry.action, "label": str(entry.formatter.label if entry.formatter else entry.action),
             "message": str(entry.message), "user": _username(entry.user), "timestamp": entry.timestamp,
             "comment": entry.comment or ""} for entry in entries]


@router.post(
    "/{page_id}/workflow/submit/", response={200: WorkflowStateOut, **PROBLEMS},
    url_name="pages_workflow_submit", summary="Submit page for review", operation_id="pages_workflow_submit",
    description="Send the page's latest revision to the Redaktur (like the admin's \"Kirim ke Redaktur\"). "
                "A revision the editor would not submit (a required field empty, a block incomplete, a social "
                "text over a platform's limit) answers 422 with each field's path in `errors[].loc`.",
)
def submit(request, page_id: PositiveInt):
    page = _page(page_id)
    user = request.user
    perms = page.permissions_for_user(user)
    if not perms.can_edit():
        raise PermissionDenied(_("Anda tidak berhak mengubah konten ini, jadi tidak dapat mengirimkannya."))
    if perms.page_locked():
        raise HttpError(409, _("Konten ini sedang dikunci pengguna lain."))
    workflow = page.get_workflow()
    if workflow is None:
        raise HttpError(409, _("Konten ini tidak memiliki alur redaksi."))
    state = page.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS:
        raise HttpError(409, _("Konten ini sudah dalam pemeriksaan."))
    _check_complete(page)
    if page.get_latest_revision() is None:
        page.save_revision(user=user, log_action=True)
    with transaction.atomic():
        # What the editor's submit does: a send-back is resumed, anything else starts the workflow.
        if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            state.resume(user)
        else:
            workflow.start(page, user)
    return _state_payload(_page(page_id), user)


@router.post(
    "/{page_id}/workflow/approve/", response={200: WorkflowStateOut, **PROBLEMS},
    url_name="pages_workflow_approve", summary="Approve the current task", operation_id="pages_workflow_approve",
    description="Approve the current review task as the token's user (a member of the task's group). "
                "Approving the last task publishes the page. The latest revision is checked as on submit (422).",
)
def approve(request, page_id: PositiveInt, payload: ApproveIn = None):
    comment = (payload.comment if payload else "").strip()
    return _act(request, page_id, "approve", **({"comment": comment} if comment else {}))


@router.post(
    "/{page_id}/workflow/send-back/", response={200: WorkflowStateOut, **PROBLEMS},
    url_name="pages_workflow_send_back", summary="Send the page back to the Admin",
    operation_id="pages_workflow_send_back",
    description="Return the page to the Admin with a required comment; the next submission starts again "
                "at the Redaktur.",
)
def send_back(request, page_id: PositiveInt, payload: SendBackIn):
    return _act(request, page_id, "reject", comment=payload.comment)
