"""A delivery that failed for good after approval reaches the court's Kasubag PTIP at once.

Three things: an e-mail to the people who manage the court's channels (sent from a background task, in
each recipient's language), a panel on their dashboard listing the court's failed deliveries with the
reason, and a small form that edits the social text of that one delivery, checks it against the
platform's rules (core.platform_rules) and sends it again. The same panel lists the deliveries that wait
for a person's decision ("perlu dicek": an unclear send Telegram cannot be asked about), with what is known
and a link to the channel to look at.
"""

import logging

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, override
from django.views.generic import FormView
from django_tasks import task
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.users.models import UserProfile

from core import platform_rules
from publishers.social import outbox, permissions
from publishers.social.channels import channel_url
from publishers.social.models import DeliveryStatus, SocialDelivery

logger = logging.getLogger(__name__)
PANEL_LIMIT = 20


def failures_for(user):
    """Failed and "perlu dicek" deliveries of the courts whose channels this user manages, newest first."""
    if not permissions.can_manage_channels(user):
        return SocialDelivery.objects.none()
    return (SocialDelivery.objects.filter(status__in=[DeliveryStatus.FAILED, DeliveryStatus.NEEDS_CHECK],
                                          site__in=permissions.managed_sites(user), page__isnull=False)
            .select_related("account").order_by("-updated_at"))


def fix_url(delivery):
    return reverse("social_status:fix", args=[delivery.pk])


class FailedDeliveriesPanel(Component):
    name = "warta_social_failures"
    template_name = "publishers/social/failures/panel.html"
    order = 45  # next to the static site's panel, above "Tugas saya"

    def __init__(self, failures, total):
        self.failures = failures
        self.total = total

    def get_context_data(self, parent_context):
        for delivery in self.failures:
            delivery.status_url = reverse("social_status:page", args=[delivery.page_id])
            if delivery.status == DeliveryStatus.FAILED:
                delivery.fix_url = fix_url(delivery)
            elif delivery.account is not None:
                delivery.channel_url = channel_url(delivery.account)
        return {"failures": self.failures, "total": self.total,
                "heading": gettext_lazy("Kiriman media sosial perlu tindakan")}


def homepage_panel(request, panels):
    failures = failures_for(request.user)
    shown = list(failures[:PANEL_LIMIT])
    if shown:
        panels.append(FailedDeliveriesPanel(shown, failures.count()))


# The e-mail ---------------------------------------------------------------------------------------------

def on_failed(delivery):
    """Called by the worker when a delivery has failed for good or waits for a person ("perlu dicek"): the
    e-mail goes once the row is committed."""
    transaction.on_commit(lambda: send_failure_notice.enqueue(delivery.pk))


@task(queue_name="notifications")
def send_failure_notice(delivery_id):
    from publishers.social.health import managers_of

    delivery = SocialDelivery.objects.select_related("site", "account").filter(pk=delivery_id).first()
    if delivery is None or delivery.site is None or delivery.status not in (DeliveryStatus.FAILED,
                                                                            DeliveryStatus.NEEDS_CHECK):
        return 0
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    context = {"delivery": delivery, "fix_link": base + fix_url(delivery),
               "status_link": base + reverse("social_status:page", args=[delivery.page_id])
               if delivery.page_id else ""}
    sent = 0
    for person in managers_of(delivery.site):
        with override(UserProfile.get_for_user(person).get_preferred_language()):
            context["person"] = person
            subject = " ".join(render_to_string("publishers/social/failures/email_subject.txt", context).split())
            body = render_to_string("publishers/social/failures/email.txt", context).strip()
        try:
            send_mail(subject, body, None, [person.email], fail_silently=False)
            sent += 1
        except Exception:
            logger.exception("failed to tell %s about social delivery %s", person.email, delivery.pk)
    return sent


# Edit the text and send again ---------------------------------------------------------------------------

class FixTextForm(forms.Form):
    text = forms.CharField(label=gettext_lazy("Teks kiriman"), widget=forms.Textarea(attrs={"rows": 8}))

    def __init__(self, *args, platform, **kwargs):
        super().__init__(*args, **kwargs)
        self.platform = platform
        rules = platform_rules.RULES[platform]
        self.fields["text"].label = _("Teks untuk %(platform)s") % {"platform": rules.label}
        self.fields["text"].help_text = _("Paling banyak %(limit)d karakter.") % {"limit": rules.caption_limit}

    def clean_text(self):
        text = self.cleaned_data["text"].replace("\r\n", "\n").strip()
        errors = platform_rules.caption_errors(self.platform, text)
        if errors:
            raise forms.ValidationError([str(error) for error in errors])
        return text


class FixTextView(WagtailAdminTemplateMixin, FormView):
    """The Kasubag corrects the text a platform refused, for that delivery only, and sends it again."""

    header_icon = "site"
    template_name = "publishers/social/failures/fix.html"
    form_class = FixTextForm

    def dispatch(self, request, delivery_id):
        self.delivery = get_object_or_404(SocialDelivery.objects.select_related("account"), pk=delivery_id)
        if not permissions.can_manage_channels(request.user) or not permissions.managed_sites(
                request.user).filter(pk=self.delivery.site_id).exists():
            raise PermissionDenied
        if self.delivery.status != DeliveryStatus.FAILED:
            messages.warning(request, _("Kiriman ini tidak sedang gagal; tidak ada yang perlu diperbaiki."))
            return redirect("social_status:page", self.delivery.page_id) if self.delivery.page_id else \
                redirect("wagtailadmin_home")
        return super().dispatch(request, delivery_id)

    def get_page_title(self):
        return _("Perbaiki teks dan kirim lagi")

    def get_page_subtitle(self):
        return self.delivery.page_title

    def get_breadcrumbs_items(self):
        return [{"url": reverse("social_status:page", args=[self.delivery.page_id]),
                 "label": _("Status media sosial")}, {"url": "", "label": self.get_page_title()}]

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["platform"] = self.delivery.platform
        kwargs.setdefault("initial", {})["text"] = self.delivery.text
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["delivery"] = self.delivery
        return context

    def form_valid(self, form):
        try:
            outbox.resend_with_text(self.delivery, form.cleaned_data["text"], self.request.user)
        except outbox.ActionNotAllowed as problem:
            messages.error(self.request, str(problem))
            return redirect("social_status:page", self.delivery.page_id)
        messages.success(self.request, _("Teks untuk %(channel)s diperbarui; kiriman akan dikirim lagi.")
                         % {"channel": self.delivery.account_name})
        return redirect("social_status:page", self.delivery.page_id)
