"""The two review steps of SOP B & C as Wagtail task types.

Both are group approval tasks (the groups are the court's Redaktur and Kasubag
PTIP), so Wagtail's own machinery gives editor access and the workflow lock to
the task's group only. What differs from Wagtail's GroupApprovalTask:

- Sending back is labelled "Kembalikan ke Admin" and needs a comment.
- A send-back at any step returns the item to the Admin, and the next
  submission starts again at the first step (the Redaktur): Wagtail would
  resume at the step that rejected it.
"""

from django import forms
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log
from wagtail.models import AbstractGroupApprovalTask, TaskState

from .standards import KOREKSI, PERSETUJUAN


class SendBackForm(forms.Form):
    comment = forms.CharField(
        label=_("Catatan untuk Admin"), required=True, widget=forms.Textarea({"rows": 4}),
        help_text=_("Tuliskan apa yang perlu diperbaiki. Catatan ini dikirim ke Admin dan tercatat di riwayat."),
        error_messages={"required": _("Catatan wajib diisi saat mengembalikan ke Admin.")},
    )


class EditorialTask(AbstractGroupApprovalTask):
    workflow_step = None  # MutuBaku.workflow_step measured by this task

    class Meta:
        abstract = True

    def get_actions(self, obj, user):
        # Wagtail's own approve labels (and their translations); sending back is "Kembalikan ke Admin".
        return [
            (name, _("Kembalikan ke Admin") if name == "reject" else label, modal)
            for name, label, modal in super().get_actions(obj, user)
        ]

    def get_form_for_action(self, action):
        return SendBackForm if action == "reject" else super().get_form_for_action(action)

    def on_action(self, task_state, user, action_name, **kwargs):
        # The editor's own workflow route passes the modal's data unvalidated, so check again here.
        if action_name == "reject" and not (kwargs.get("comment") or "").strip():
            raise PermissionDenied(_("Catatan wajib diisi saat mengembalikan ke Admin."))
        return super().on_action(task_state, user, action_name, **kwargs)

    def start(self, workflow_state, user=None):
        first = self.restart_task(workflow_state)
        if first is not None:
            obj = workflow_state.content_object
            log(
                instance=getattr(obj, "specific", obj), action="warta.workflow.restart", user=user,
                data={"workflow": {"id": workflow_state.workflow_id, "title": workflow_state.workflow.name},
                      "from": {"id": self.pk, "title": self.name}, "to": {"id": first.pk, "title": first.name}},
            )
            return first.start(workflow_state, user=user)
        return super().start(workflow_state, user=user)

    def restart_task(self, workflow_state):
        """The workflow's first task, when this start is a resubmission after this (later) task sent the item back.

        Wagtail resumes a workflow in "needs changes" at the task that rejected
        it (WorkflowState.resume); the SOP wants the Redaktur to check the
        Admin's fixes first. Resume is the only path that starts a task right
        after its own rejection, so that is what is detected here.
        """
        last = (
            TaskState.objects.filter(workflow_state=workflow_state)
            .order_by("-started_at", "-id").only("task_id", "status").first()
        )
        if last is None or last.status != TaskState.STATUS_REJECTED or last.task_id != self.pk:
            return None
        first = workflow_state.workflow.tasks.filter(active=True).first()
        if first is None or first.pk == self.pk:
            return None
        return first.specific


class KoreksiRedakturTask(EditorialTask):
    """SOP B/C step 2: the Redaktur checks and corrects the draft (page and social media draft) in place."""

    workflow_step = KOREKSI

    class Meta:
        verbose_name = _("tugas Koreksi Redaktur")
        verbose_name_plural = _("tugas Koreksi Redaktur")

    @classmethod
    def get_description(cls):
        return _("Redaktur memeriksa dan mengoreksi konsep berita dan konten media sosial, "
                 "lalu meneruskan ke langkah berikutnya atau mengembalikannya ke Admin dengan catatan.")


class PersetujuanKasubagTask(EditorialTask):
    """SOP B/C step 3: the Kasubag PTIP approves; approving the last task publishes (now or at go-live time)."""

    workflow_step = PERSETUJUAN

    class Meta:
        verbose_name = _("tugas Persetujuan Kasubag PTIP")
        verbose_name_plural = _("tugas Persetujuan Kasubag PTIP")

    @classmethod
    def get_description(cls):
        return _("Kasubag PTIP menyetujui dan menerbitkan (segera atau pada jadwal tayang), "
                 "atau mengembalikannya ke Admin dengan catatan.")
