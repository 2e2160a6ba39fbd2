"""The "Penilaian Website" screen: a court's checklist of public information with the score of each item, and
the form that links an item to the page, document or external address that fulfils it."""

from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from core.court_picker import CourtPickerMixin

from .forms import PemenuhanForm
from .models import ChecklistItem, Pemenuhan
from .scoring import court_score

VIEW, CHANGE = "penilaian.view_pemenuhan", "penilaian.change_pemenuhan"


class CourtMixin(CourtPickerMixin):
    court_permission = VIEW

    def index_url(self):
        return reverse("penilaian:index") + f"?situs={self.site.pk}"


class PenilaianView(CourtMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "penilaian/index.html"
    page_title = gettext_lazy("Penilaian Website")
    header_icon = "list-ul"

    def get_breadcrumbs_items(self):
        return [{"url": reverse("wagtailadmin_home"), "label": _("Beranda")}, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update({
            "score": court_score(self.site), "can_change": self.user_holds(CHANGE),
        })
        return context


class PemenuhanEditView(CourtMixin, WagtailAdminTemplateMixin, FormView):
    court_permission = CHANGE
    template_name = "penilaian/edit.html"
    form_class = PemenuhanForm
    header_icon = "list-ul"

    def dispatch(self, request, *args, **kwargs):
        try:
            self.item = ChecklistItem.objects.get(code=kwargs["code"], active=True)
        except ChecklistItem.DoesNotExist:
            raise Http404 from None
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return self.item.title

    def get_breadcrumbs_items(self):
        return [{"url": reverse("wagtailadmin_home"), "label": _("Beranda")},
                {"url": self.index_url(), "label": _("Penilaian Website")}, {"url": "", "label": self.item.title}]

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["site"] = self.site
        kwargs["instance"] = Pemenuhan.objects.filter(site=self.site, item=self.item).first() \
            or Pemenuhan(site=self.site, item=self.item)
        return kwargs

    def form_valid(self, form):
        fulfilment = form.save(commit=False)
        fulfilment.updated_by = self.request.user
        fulfilment.save()
        messages.success(self.request, _("Butir “%(item)s” disimpan.") % {"item": self.item.title})
        return redirect(self.index_url())

    def form_invalid(self, form):
        messages.validation_error(self.request, _("Butir belum disimpan karena ada kesalahan."), form)
        return super().form_invalid(form)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update({"item": self.item, "site": self.site, "cancel_url": self.index_url()})
        return context
