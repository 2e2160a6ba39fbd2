"""The "Kanal media sosial" admin section: the court's connected accounts and their health.

Each row opens the channel's edit page; its "more" menu holds what a Kasubag does with a channel:
edit, deactivate or activate, connect again, delete (Wagtail's confirmation page).
"""

from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import Button
from wagtail.admin.widgets.button import HeaderButton
from wagtail.permissions import policy_registry, register_permission_policy

from publishers.permissions import ManagedOutletObjectMixin, ManagedOutletsMixin, OutletPermissionPolicy
from publishers.social import views
from publishers.social.forms import SocialAccountForm
from publishers.social.models import SocialAccount


class HealthColumn(StatusTagColumn):
    def get_value(self, instance):
        return instance.health_label()

    def get_primary(self, instance):
        return instance.health() == SocialAccount.HEALTH_OK


def channel_action_buttons(account, next_url=None, button_class=Button):
    """Deactivate/activate and connect again, for the listing's menu and the edit page's header."""
    suffix = f"?next={next_url}" if next_url else ""
    if account.active:
        toggle = button_class(_("Nonaktifkan"), url=reverse("social_accounts:deactivate", args=[account.pk]) + suffix,
                              icon_name="cross", priority=20)
    else:
        toggle = button_class(_("Aktifkan"), url=reverse("social_accounts:activate", args=[account.pk]) + suffix,
                              icon_name="check", priority=20)
    reconnect = button_class(_("Sambungkan ulang"), url=reverse("social_accounts:reconnect", args=[account.pk])
                             + suffix, icon_name="resubmit", priority=25)
    return [toggle, reconnect]


def managed_accounts(user):
    """Only the channels of the courts this user manages (multi-court deployments), also when an address
    is typed by hand: Wagtail's generic views check the model permission, not the instance."""
    policy = policy_registry.get_by_type(SocialAccount)
    return policy.instances_user_has_any_permission_for(user, ["change"]).select_related("site")


class AccountIndexView(generic.IndexView):
    def get_base_queryset(self):
        return managed_accounts(self.request.user)

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        buttons[1:1] = channel_action_buttons(instance)
        return buttons


class AccountEditView(ManagedOutletsMixin, generic.EditView):
    success_message = gettext_lazy("Kanal %(object)s disimpan.")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["account"] = self.object
        return context

    @property
    def header_buttons(self):
        return channel_action_buttons(self.object, next_url=self.get_edit_url(), button_class=HeaderButton)

    def get_success_message(self):
        account = self.object
        changed = set(self.form.changed_data)
        if "active" in changed:
            state = _("aktif") if account.active else _("nonaktif")
            return _("Kanal %(name)s disimpan; sekarang %(state)s.") % {"name": account.name, "state": state}
        if "new_bot_token" in changed and self.form.cleaned_data.get("new_bot_token"):
            return _("Token bot kanal %(name)s diganti dan sudah diperiksa di Telegram.") % {"name": account.name}
        return _("Kanal %(name)s disimpan.") % {"name": account.name}


class AccountDeleteView(ManagedOutletsMixin, generic.DeleteView):
    @property
    def confirmation_message(self):
        return _("Hapus kanal %(name)s dari Warta? Konten tidak lagi dikirim ke kanal ini dan token yang tersimpan "
                 "dibuang. Kiriman yang sudah terkirim tetap ada di platform dan di laporan. Kanal dapat "
                 "disambungkan lagi kapan saja.") % {"name": self.object.name}

    def get_success_message(self):
        return _("Kanal %(name)s dihapus dari Warta.") % {"name": self.object.name}


class AccountHistoryView(generic.HistoryView):
    def get_base_object_queryset(self):  # its get_queryset lists the log entries
        return managed_accounts(self.request.user)


class AccountUsageView(ManagedOutletObjectMixin, generic.UsageView):
    pass


class SocialAccountViewSet(ModelViewSet):
    model = SocialAccount
    name = "social_accounts"
    url_prefix = "media-sosial/kanal"
    icon = "site"
    menu_label = gettext_lazy("Kanal media sosial")
    menu_order = 850
    add_to_admin_menu = True
    copy_view_enabled = False
    index_view_class = AccountIndexView
    edit_view_class = AccountEditView
    delete_view_class = AccountDeleteView
    history_view_class = AccountHistoryView
    usage_view_class = AccountUsageView
    edit_template_name = "publishers/social/account_edit.html"
    add_to_reference_index = False
    list_display = [
        "name",
        Column("platform", label=gettext_lazy("Platform"), accessor="get_platform_display"),
        Column("handle", label=gettext_lazy("Akun")),
        Column("site", label=gettext_lazy("Situs pengadilan")),
        HealthColumn("health", label=gettext_lazy("Kondisi")),
        DateColumn("last_checked_at", label=gettext_lazy("Terakhir diperiksa")),
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
            path("<int:pk>/nonaktifkan/", views.ActivationView.as_view(activate=False), name="deactivate"),
            path("<int:pk>/aktifkan/", views.ActivationView.as_view(activate=True), name="activate"),
            path("<int:pk>/sambung-ulang/", views.ReconnectView.as_view(), name="reconnect"),
        ]


register_permission_policy(SocialAccount, OutletPermissionPolicy(SocialAccount))
social_account_viewset = SocialAccountViewSet()
