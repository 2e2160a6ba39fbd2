"""The "Webhook" admin section: endpoints and each endpoint's deliveries, for whoever manages the court's
publishing outlets (publishers.permissions: Kasubag PTIP and superusers, each for their own courts)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView, View
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import policy_registry, register_permission_policy

from publishers.permissions import ManagedOutletObjectMixin, ManagedOutletsMixin, OutletPermissionPolicy
from publishers.webhooks import outbox, signing
from publishers.webhooks.models import WebhookDelivery, WebhookEndpoint, WebhookStatus


def managed_endpoints(user):
    """The endpoints of the courts whose outlets this user manages (publishers.permissions)."""
    return policy_registry.get_by_type(WebhookEndpoint).instances_user_has_any_permission_for(user, ["change"])


class WebhookEndpointForm(WagtailAdminModelForm):
    # Write-only: the stored secret is never rendered; leaving the field empty keeps it.
    new_secret = forms.CharField(
        label=gettext_lazy("Rahasia penandatanganan"), required=False, strip=True, min_length=16,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "new-password"}),
        help_text=gettext_lazy("Minimal 16 karakter, dipakai penerima untuk memeriksa tanda tangan (Standard "
                               "Webhooks). Sebaiknya rahasia berformat whsec_… dari pustaka penerima. Rahasia "
                               "tidak ditampilkan lagi setelah disimpan; kosongkan untuk tetap memakai yang lama."),
    )

    url = forms.URLField(
        label=gettext_lazy("Alamat URL"), max_length=500, assume_scheme="https",
        help_text=gettext_lazy("Alamat http(s) yang menerima POST JSON."),
    )

    class Meta:
        model = WebhookEndpoint
        fields = ["site", "name", "url", "new_secret", "on_published", "on_unpublished", "active"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.for_user is not None and "site" in self.fields:  # only the courts this user manages
            policy = policy_registry.get_by_type(WebhookEndpoint)
            self.fields["site"].queryset = policy.sites_user_has_permission_for(self.for_user)

    def clean_url(self):
        url = self.cleaned_data["url"]
        if not url.lower().startswith(("http://", "https://")):
            raise forms.ValidationError(_("Alamat harus diawali http:// atau https://."))
        return url

    def clean_new_secret(self):
        secret = self.cleaned_data.get("new_secret", "")
        if secret.startswith(signing.SECRET_PREFIX) and not signing.is_standard_secret(secret):
            raise forms.ValidationError(_("Rahasia berawalan whsec_ harus diikuti base64 dari kunci minimal "
                                          "16 bita."))
        return secret

    def clean(self):
        cleaned = super().clean()
        if not self.instance.secret_encrypted and not cleaned.get("new_secret") and "new_secret" not in self.errors:
            self.add_error("new_secret", _("Isi rahasia penandatanganan."))
        return cleaned

    def save(self, commit=True):
        if self.cleaned_data.get("new_secret"):
            self.instance.secret = self.cleaned_data["new_secret"]
        return super().save(commit=commit)


class DeliveriesColumn(Column):
    cell_template_name = "publishers/webhooks/deliveries_cell.html"


class EndpointIndexView(generic.IndexView):
    def get_base_queryset(self):
        return managed_endpoints(self.request.user).select_related("site")


class EndpointEditView(ManagedOutletsMixin, generic.EditView):
    pass


class EndpointDeleteView(ManagedOutletsMixin, generic.DeleteView):
    pass


class EndpointHistoryView(generic.HistoryView):
    def get_base_object_queryset(self):  # its get_queryset lists the log entries
        return managed_endpoints(self.request.user)


class EndpointUsageView(ManagedOutletObjectMixin, generic.UsageView):
    pass


class WebhookEndpointViewSet(ModelViewSet):
    model = WebhookEndpoint
    name = "webhooks"
    url_prefix = "webhook"
    icon = "link"
    menu_label = gettext_lazy("Webhook")
    menu_order = 860
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = False
    add_to_reference_index = False
    index_view_class = EndpointIndexView
    edit_view_class = EndpointEditView
    delete_view_class = EndpointDeleteView
    history_view_class = EndpointHistoryView
    usage_view_class = EndpointUsageView
    form_fields = ["site", "name", "url", "on_published", "on_unpublished", "active"]
    list_display = [
        Column("name", label=gettext_lazy("Nama")),
        Column("url", label=gettext_lazy("Alamat URL")),
        Column("site", label=gettext_lazy("Situs pengadilan")),
        Column("events_display", label=gettext_lazy("Peristiwa")),
        BooleanColumn("active", label=gettext_lazy("Aktif")),
        DeliveriesColumn("deliveries", accessor="pk", label=gettext_lazy("Kiriman")),
    ]

    def get_form_class(self, for_update=False):
        return WebhookEndpointForm

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("<int:pk>/kiriman/", DeliveryListView.as_view(), name="deliveries"),
            path("<int:pk>/kiriman/<int:delivery_pk>/ulang/", RetryView.as_view(), name="retry"),
        ]


def _endpoint_for(request, pk):
    if not policy_registry.get_by_type(WebhookEndpoint).user_has_permission(request.user, "change"):
        raise PermissionDenied
    return get_object_or_404(managed_endpoints(request.user), pk=pk)


class DeliveryListView(WagtailAdminTemplateMixin, TemplateView):
    """Every delivery of one endpoint: status, attempts, why it failed, and a retry button."""

    header_icon = "link"
    template_name = "publishers/webhooks/deliveries.html"

    def dispatch(self, request, pk):
        self.endpoint = _endpoint_for(request, pk)
        return super().dispatch(request, pk)

    def get_page_title(self):
        return _("Kiriman webhook")

    def get_page_subtitle(self):
        return self.endpoint.name

    def get_breadcrumbs_items(self):
        return [{"url": reverse("webhooks:index"), "label": _("Webhook")},
                {"url": reverse("webhooks:edit", args=[self.endpoint.pk]), "label": self.endpoint.name},
                {"url": "", "label": _("Kiriman")}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        deliveries = list(self.endpoint.deliveries.all()[:200])
        for delivery in deliveries:
            delivery.actions = [{"url": reverse("webhooks:retry", args=[self.endpoint.pk, delivery.pk]),
                                 "label": _("Coba lagi")}] if delivery.status == WebhookStatus.FAILED else []
        context.update(endpoint=self.endpoint, deliveries=deliveries)
        return context


class RetryView(View):
    def post(self, request, pk, delivery_pk):
        endpoint = _endpoint_for(request, pk)
        delivery = get_object_or_404(WebhookDelivery, pk=delivery_pk, endpoint=endpoint)
        if outbox.retry(delivery):
            messages.success(request, _("Kiriman akan dicoba lagi."))
        else:
            messages.error(request, _("Hanya kiriman yang gagal yang dapat dicoba lagi."))
        return redirect("webhooks:deliveries", pk=endpoint.pk)


# The same policy as the court's social channels: both are the court's publishing outlets.
register_permission_policy(WebhookEndpoint, OutletPermissionPolicy(WebhookEndpoint))
webhook_viewset = WebhookEndpointViewSet()


@hooks.register("register_admin_viewset")
def register_webhooks():
    return webhook_viewset
