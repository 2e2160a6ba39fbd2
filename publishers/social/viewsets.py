"""The "Kanal media sosial" admin section: the court's connected accounts and their health."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from publishers.models import SocialAccount
from publishers.social import views
from publishers.social.forms import SocialAccountForm
from publishers.social.permissions import ChannelPermissionPolicy


class HealthColumn(StatusTagColumn):
    def get_value(self, instance):
        return instance.health_label()

    def get_primary(self, instance):
        return instance.health() == SocialAccount.HEALTH_OK


class AccountIndexView(generic.IndexView):
    def get_base_queryset(self):
        # Only the courts this user manages (multi-court deployments).
        return self.permission_policy.instances_user_has_any_permission_for(self.request.user, ["change"]) \
            .select_related("site")


class AccountEditView(generic.EditView):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["account"] = self.object
        return context


class SocialAccountViewSet(ModelViewSet):
    model = SocialAccount
    name = "social_accounts"
    url_prefix = "media-sosial/kanal"
    icon = "site"
    menu_label = _("Kanal media sosial")
    menu_order = 850
    add_to_admin_menu = True
    copy_view_enabled = False
    index_view_class = AccountIndexView
    edit_view_class = AccountEditView
    edit_template_name = "publishers/social/account_edit.html"
    add_to_reference_index = False
    list_display = [
        Column("name", label=_("Nama kanal")),
        Column("platform", label=_("Platform"), accessor="get_platform_display"),
        Column("handle", label=_("Akun")),
        Column("site", label=_("Situs pengadilan")),
        HealthColumn("health", label=_("Kondisi")),
        DateColumn("last_checked_at", label=_("Terakhir diperiksa")),
    ]
    list_filter = ["platform", "site", "active"]

    def get_form_class(self, for_update=False):
        return SocialAccountForm

    @property
    def add_view(self):
        return views.ConnectView.as_view()

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("sambung/telegram/", views.TelegramConnectView.as_view(), name="connect_telegram"),
            path("sambung/meta/pilih/", views.MetaSelectView.as_view(), name="connect_meta_select"),
            path("sambung/<str:provider>/kembali/", views.CallbackView.as_view(), name="callback"),
        ]


register_permission_policy(SocialAccount, ChannelPermissionPolicy(SocialAccount))
social_account_viewset = SocialAccountViewSet()
