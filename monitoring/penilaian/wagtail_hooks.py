from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet

from core.courts import courts_for

from . import admin_urls
from .models import ChecklistItem


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("penilaian-website/", include(admin_urls, namespace="penilaian"))]


class PenilaianMenuItem(MenuItem):
    def is_shown(self, request):
        return courts_for(request.user, permission="penilaian.view_pemenuhan").exists()


@hooks.register("register_reports_menu_item")
def register_menu_item():
    return PenilaianMenuItem(_("Penilaian Website"), reverse("penilaian:index"), icon_name="list-ul", order=910)


class ChecklistItemViewSet(ModelViewSet):
    """The national list: global model permissions (the deployment's managers); courts hold none of them."""

    model = ChecklistItem
    icon = "list-ul"
    menu_label = _("Butir Penilaian Website")
    add_to_settings_menu = True
    list_display = ["title", "group", "subgroup", "frequency", "active"]
    list_filter = ["group", "frequency", "active"]
    form_fields = ["code", "group", "subgroup", "title", "description", "frequency", "order", "active"]
    search_fields = ["title", "code"]


@hooks.register("register_admin_viewset")
def register_checklist_viewset():
    return ChecklistItemViewSet("butir_penilaian")
