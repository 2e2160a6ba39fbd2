"""The superusers' "Tambah pengadilan" screen: the add_court form in the admin (same form, same steps)."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from core.onboarding import add_court

from .onboarding import AddCourtForm, SiteTaken


class AddCourtView(WagtailAdminTemplateMixin, FormView):
    form_class = AddCourtForm
    template_name = "wagtailadmin/generic/form.html"
    page_title = gettext_lazy("Tambah pengadilan")
    header_icon = "site"
    _show_breadcrumbs = True
    breadcrumbs_items = [
        {"url": reverse_lazy("wagtailadmin_home"), "label": gettext_lazy("Dasbor")},
        {"url": reverse_lazy("wagtailsites:index"), "label": gettext_lazy("Situs")},
    ]

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_superuser:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(action_url=reverse("cms_add_court"), submit_button_label=_("Tambahkan pengadilan"),
                       submit_button_active_label=_("Menambahkan…"))
        return context

    def form_valid(self, form):
        spec = form.spec()
        try:
            onboarding = add_court(spec)
        except SiteTaken:
            form.add_error("domain", _("Domain ini sudah dipakai pengadilan lain."))
            return self.form_invalid(form)
        made = "; ".join(onboarding.made) or _("tidak ada yang perlu dibuat, pengadilan ini sudah lengkap")
        text = _("%(court)s ditambahkan: %(made)s.") % {"court": spec.name, "made": made}
        if onboarding.invitation_sent:
            text += " " + _("Undangan dikirim ke %(email)s.") % {"email": spec.kasubag_email}
        messages.success(self.request, text, buttons=[
            messages.button(reverse("wagtailadmin_explore", args=[onboarding.home.pk]), _("Buka halaman")),
        ])
        return redirect("wagtailsites:index")
