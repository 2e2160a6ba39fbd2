"""The page editor made safe for people: a workflow action, a double click and an autosave that race each other.

Wagtail 8's editor POSTs the form in the background (autosave) while the person
clicks, and a double click or a second tab sends the same action twice. Wagtail's
edit view reads the page when the request starts and writes it at the end, so a
second request that read the page before the first one published it writes the
stale copy back (`live=False`) and then fails on the finished workflow (500).

`ReviewSafeEditMixin` closes that race for every editor that runs a review
(pages here, workflow snippets such as the monev report through the same mixin):

- each POST runs in one transaction that first takes the object's row lock, so
  two writes to one object happen one after the other and the second reads what
  the first wrote (on SQLite the IMMEDIATE transaction takes the database's write
  lock, which serialises the same way);
- the editor carries a review-state token (which workflow step was open when the
  form was loaded); a workflow action, submission, restart or cancellation sent
  with an outdated token changes nothing and says what happened instead, and an
  autosave with an outdated token is refused like any other conflicting autosave;
- each workflow action says what happened and what comes next, instead of
  Wagtail's "has been updated".
"""

import functools
from functools import cached_property

from django.contrib import messages as django_messages
from django.contrib.admin.utils import quote, unquote
from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.views.pages.create import CreateView
from wagtail.admin.views.pages.edit import EditView
from wagtail.admin.views.pages.revisions import RevisionsRevertView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import Page

from editorial.send_back import note_for
from editorial.step_rows import user_name

TOKEN_FIELD = "warta_review_state"
REVIEW_ACTIONS = ("action-workflow-action", "action-submit", "action-restart-workflow", "action-cancel-workflow")


def review_state_token(obj):
    """Which review step the object is at: changes whenever a step opens or closes, or a version goes live."""
    state = obj.current_workflow_state
    task_state = obj.current_workflow_task_state if state else None
    return ".".join(str(part) for part in (
        state.pk if state else 0, state.status if state else "-", task_state.pk if task_state else 0,
        getattr(obj, "live_revision_id", None) or 0,
    ))


def describe_state(obj):
    """What a person finds when their request came too late: the object's review state now, in words."""
    title = obj.get_admin_display_title() if hasattr(obj, "get_admin_display_title") else str(obj)
    state = obj.current_workflow_state
    if state is None:
        if getattr(obj, "live", False):
            return _("'%(title)s' sudah disetujui dan tayang.") % {"title": title}
        return _("'%(title)s' tidak sedang dalam alur peninjauan.") % {"title": title}
    if state.status == state.STATUS_NEEDS_CHANGES:
        return _("'%(title)s' sudah dikembalikan ke Admin untuk diperbaiki.") % {"title": title}
    task = obj.current_workflow_task
    return _("'%(title)s' sekarang menunggu langkah '%(step)s'.") % {"title": title, "step": task.name if task else ""}


def lock_row(model, pk):
    """Wait for any other transaction writing this object, then hold its row until this transaction ends."""
    model._default_manager.select_for_update().filter(pk=pk).values_list("pk", flat=True).first()


def workflow_action_message(obj, action):
    """What a workflow action did and what comes next, for the person who took it."""
    title = obj.get_admin_display_title() if hasattr(obj, "get_admin_display_title") else str(obj)
    state = obj.current_workflow_state
    if action == "reject":
        if isinstance(obj, Page):
            return _("'%(title)s' dikembalikan ke Admin dengan catatan. Admin diberi tahu.") % {"title": title}
        last = obj.workflow_states.order_by("-created_at", "-pk").first()
        return _("'%(title)s' dikembalikan ke %(who)s dengan catatan.") % {
            "title": title, "who": user_name(last.requested_by) if last else ""}
    if state is not None and state.status == state.STATUS_IN_PROGRESS:
        task = obj.current_workflow_task
        return _("'%(title)s' disetujui dan diteruskan ke langkah '%(step)s'.") % {
            "title": title, "step": task.name if task else ""}
    # A version approved for a later go-live waits as the scheduled revision (also on an item that is live already).
    scheduled = getattr(getattr(obj, "scheduled_revision", None), "approved_go_live_at", None)
    if scheduled and scheduled > timezone.now():
        return _("'%(title)s' disetujui dan dijadwalkan terbit pada %(when)s.") % {
            "title": title, "when": formats.date_format(timezone.localtime(scheduled), "DATETIME_FORMAT")}
    parts = [(_("'%(title)s' disetujui dan terbit.") if isinstance(obj, Page) else _("'%(title)s' disetujui."))
             % {"title": title}]
    # Apps further along the pipeline (social media, webhooks) add what the publication set in motion.
    for fn in hooks.get_hooks("warta_after_review_publish_summary"):
        extra = fn(obj)
        if extra:
            parts.append(str(extra))
    return " ".join(parts)


def one_write_at_a_time(view, model, pk_kwarg="pk"):
    """Wrap a view so that its POSTs for one object run one after another, each reading what the one before wrote.

    Used where Wagtail's view reads the object before `dispatch` (generic views read it in `setup`), so the lock
    has to be taken before the view starts at all.
    """

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method != "POST":
            return view(request, *args, **kwargs)
        with transaction.atomic():
            lock_row(model, unquote(str(kwargs.get(pk_kwarg) or args[0])))
            return view(request, *args, **kwargs)

    return wrapped


def replace_last_message(request, text, level=django_messages.SUCCESS):
    """Replace the confirmation Wagtail has just queued with our own wording.

    Wagtail's edit views queue their fixed "has been updated/submitted" texts
    inside the action methods, with no hook to word them; the storage's queued
    list (Django's BaseStorage._queued_messages) is where the last one sits.
    """
    queued = getattr(getattr(request, "_messages", None), "_queued_messages", None)
    if queued:
        queued.pop()
    django_messages.add_message(request, level, text)


class ReviewSafeEditMixin:
    """For a Wagtail edit view of an object under a workflow (page or snippet)."""

    # --- the review-state token ----------------------------------------------------------------

    def review_object(self):
        raise NotImplementedError

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["warta_review_state"] = review_state_token(self.review_object())
        context["warta_review_field"] = TOKEN_FIELD
        return context

    def stale_review_request(self):
        """True when the form was loaded at another review step than the object is at now."""
        sent = self.request.POST.get(TOKEN_FIELD)
        return bool(sent) and sent != review_state_token(self.review_object())

    def refuse_stale(self):
        text = _("%(state)s Permintaan ini dibuat dari halaman yang sudah usang, jadi tidak ada yang diubah.") % {
            "state": describe_state(self.review_object())}
        if self.expects_json_response:
            # Wagtail's own code for a conflicting autosave: the editor keeps what was typed and shows the conflict.
            return self.json_error_response("invalid_revision", text)
        messages.warning(self.request, text)
        return self.redirect_and_remain()

    def post(self, request, *args, **kwargs):
        if self.stale_review_request() and (
            self.expects_json_response or any(request.POST.get(name) for name in REVIEW_ACTIONS)
        ):
            return self.refuse_stale()
        return super().post(request, *args, **kwargs)

    def workflow_action_message(self, obj, action):
        return workflow_action_message(obj, action)


class ReviewSafePageEditView(ReviewSafeEditMixin, EditView):
    def dispatch(self, request, *args, **kwargs):
        # Wagtail's page editor reads the page in dispatch, so the lock taken first makes that read fresh.
        if request.method != "POST":
            return super().dispatch(request, *args, **kwargs)
        with transaction.atomic():
            lock_row(Page, kwargs.get("page_id") or args[0])
            return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        # The Admin opens an item that was sent back: the reviewer's note is the first thing on the page.
        note = note_for(self.page)
        if note is not None:
            messages.warning(request, format_html(
                "{} {}", _("Dikembalikan oleh %(who)s (%(step)s), %(when)s:") % {
                    "who": note.by, "step": note.step,
                    "when": formats.date_format(timezone.localtime(note.at), "SHORT_DATETIME_FORMAT")},
                note.comment), extra_tags="warta-send-back-note")
        return super().get(request, *args, **kwargs)

    def get_template_names(self):
        names = super().get_template_names()
        return ["editorial/pages/edit.html"] if names == ["wagtailadmin/pages/edit.html"] else names

    def review_object(self):
        return self.page

    def perform_workflow_action(self):
        response = super().perform_workflow_action()
        self.page = self.page.specific_class.objects.get(pk=self.page.pk)
        replace_last_message(self.request, self.workflow_action_message(self.page, self.workflow_action))
        return response

    def submit_action(self):
        response = super().submit_action()
        replace_last_message(self.request, submitted_message(self.page))
        return response


def submitted_message(page):
    task = page.current_workflow_task
    return _("'%(title)s' dikirim ke langkah '%(step)s'. Anda diberi tahu bila dikembalikan atau terbit.") % {
        "title": page.get_admin_display_title(), "step": task.name if task else ""}


class ReviewCreateView(CreateView):
    """A new item sent straight to the review says where it went (Wagtail: "created and submitted")."""

    def submit_action(self):
        response = super().submit_action()
        replace_last_message(self.request, submitted_message(self.page))
        return response


class ReviewSafeRevisionsRevertView(ReviewSafePageEditView, RevisionsRevertView):
    """"Revert to this version" is the editor on an old revision: the same lock and checks."""


class EditorialPageViewSet(PageViewSet):
    """Every page type's editor is the review-safe one (registered for the base Page model)."""

    name = "editorial_pages"
    edit_view_class = ReviewSafePageEditView
    add_view_class = ReviewCreateView
    revisions_revert_view_class = ReviewSafeRevisionsRevertView

    @cached_property
    def workflow_action_view(self):
        view_class = type("WorkflowActionView", (SaidWorkflowActionMixin, self.workflow_action_view_class), {})
        return one_write_at_a_time(self.construct_view(view_class), Page, pk_kwarg="page_id")


# --- snippets under a workflow (the monev report's archive approval) -----------------------------------

class ReviewSafeSnippetEditMixin(ReviewSafeEditMixin):
    """For a SnippetViewSet's edit view; the viewset wraps the view with `one_write_at_a_time`
    (see `ReviewSafeSnippetViewSetMixin`), since the generic view reads the object in `setup`."""

    def review_object(self):
        return self.object

    def get_template_names(self):
        # Wagtail's own fallback (the last of the model-specific names) becomes ours, which extends it.
        return ["editorial/snippets/edit.html" if name == "wagtailsnippets/snippets/edit.html" else name
                for name in super().get_template_names()]

    def dispatch(self, request, *args, **kwargs):
        # Before Wagtail's permission check: once the review has moved on, the reviewer may no longer edit the
        # object at all, and a late second click deserves the explanation, not a 403.
        if request.method == "POST" and self.stale_review_request() and any(
                request.POST.get(name) for name in REVIEW_ACTIONS):
            return self.refuse_stale()
        return super().dispatch(request, *args, **kwargs)

    def url_for_now(self):
        """Where the person can still look at the object after the review moved on: the editor if they may still
        change it, else its inspect view, else their dashboard (the listing may be closed to them)."""
        user = self.request.user
        policy = self.permission_policy
        if policy.user_has_permission_for_instance(user, "change", self.object):
            return self.get_edit_url()
        viewset = self.model.snippet_viewset
        if viewset.inspect_view_enabled and policy.user_has_permission_for_instance(user, "view", self.object):
            return reverse(viewset.get_url_name("inspect"), args=[quote(self.object.pk)])
        return reverse("wagtailadmin_home")

    def redirect_and_remain(self):
        return redirect(self.url_for_now())

    def get_success_url(self):
        if self.action in ("workflow-action", "submit"):
            return self.url_for_now()
        return super().get_success_url()

    def get_success_message(self, instance=None):
        obj = instance or self.object
        if self.action == "workflow-action":
            fresh = type(obj)._default_manager.get(pk=obj.pk)  # the live row, without touching the view's object
            return self.workflow_action_message(fresh, self.workflow_action)
        if self.action == "submit":
            task = obj.current_workflow_task
            return _("'%(title)s' diajukan ke langkah '%(step)s'.") % {"title": obj, "step": task.name if task else ""}
        return super().get_success_message(instance)


class SaidWorkflowActionMixin:
    """Wagtail's workflow action view (the dashboard's buttons) acts without a word: say what happened.
    It acts on the task state named in its URL; one that is no longer current (a second click, another tab)
    is explained instead of failing with a bare 403."""

    def dispatch(self, request, *args, **kwargs):
        current = self.object.current_workflow_task_state if self.object.workflow_in_progress else None
        if request.method == "POST" and current is not None and current.pk != self.task_state.pk:
            messages.warning(request, describe_state(self.object))
            if request.headers.get("x-requested-with") == "XMLHttpRequest":
                return self.render_modal_json(request, {"step": "success", "redirect": self.redirect_url})
            return redirect(self.redirect_url)
        return super().dispatch(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        self.task_state.refresh_from_db()
        if self.task_state.status != self.task_state.STATUS_IN_PROGRESS:
            fresh = type(self.object)._default_manager.get(pk=self.object.pk)
            messages.success(request, workflow_action_message(fresh, self.action_name))
        return response


class ReviewSafeSnippetViewSetMixin:
    """Every POST that changes one object of this viewset (edit form, workflow action) runs one at a time."""

    @property
    def edit_view(self):
        return one_write_at_a_time(super().edit_view, self.model)

    @property
    def revisions_revert_view(self):
        return one_write_at_a_time(super().revisions_revert_view, self.model)

    @property
    def workflow_action_view(self):
        base = self.workflow_action_view_class
        view = self.construct_view(
            type(base.__name__, (SaidWorkflowActionMixin, base), {}),
            redirect_url_name=self.get_url_name("edit"), submit_url_name=self.get_url_name("workflow_action"))
        return one_write_at_a_time(view, self.model)
