"""An approved plan (the Sekretaris approves the workflow's last task, which publishes it) becomes "Disetujui"
and its assignee is told by e-mail; the carrying out (SOP B7) starts its step record. The Sekretaris's and the
Kasubag's workflow e-mails are editorial's (editorial.notifications sends Wagtail's workflow notifications for
every model under a workflow)."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override
from wagtail.signals import published

from editorial import step_records
from editorial.models.standards import TINDAK_LANJUT

from .models import FollowUpPlan


def mark_approved(sender, instance, **kwargs):
    if instance.status == FollowUpPlan.SELESAI:
        return
    FollowUpPlan.objects.filter(pk=instance.pk).update(status=FollowUpPlan.DISETUJUI)
    instance.status = FollowUpPlan.DISETUJUI
    assignee = instance.assignee
    # SOP B7 starts: the assignee carries the plan out (timed until they close it).
    step_records.open_step(instance, TINDAK_LANJUT, assignee, timezone.now())
    if assignee is not None and assignee.email:
        transaction.on_commit(lambda: tell_assignee(instance.pk))


def tell_assignee(plan_id):
    plan = FollowUpPlan.objects.select_related("assignee").filter(pk=plan_id).first()
    if plan is None or plan.assignee is None:
        return
    profile = getattr(plan.assignee, "wagtail_userprofile", None)
    language = getattr(profile, "preferred_language", "") or settings.LANGUAGE_CODE
    base = getattr(settings, "WAGTAILADMIN_BASE_URL", "")
    with override(language):
        send_mail(
            _("Rencana tindak lanjut disetujui: %(title)s") % {"title": plan.title},
            _("Rencana tindak lanjut “%(title)s” telah disetujui dan ditugaskan kepada Anda (tenggat %(due)s).\n"
              "Laksanakan: %(url)s") % {"title": plan.title, "due": plan.due_date,
                                         "url": base + reverse("tindaklanjut_carry_out", args=[plan.pk])},
            None, [plan.assignee.email])


def connect():
    published.connect(mark_approved, sender=FollowUpPlan, dispatch_uid="tindaklanjut_mark_approved")
