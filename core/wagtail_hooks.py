from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.log_actions import LogFormatter

from core import audit


@hooks.register("register_admin_urls")
def register_security_urls():
    from core import lockout, two_factor

    return [
        path("keamanan/dua-langkah/", two_factor.verify, name=two_factor.VERIFY_URL),
        path("keamanan/dua-langkah/atur/", two_factor.setup, name=two_factor.SETUP_URL),
        path("keamanan/login-terkunci/", lockout.UnlockView.as_view(), name="warta_login_unlock"),
    ]


class UnlockMenuItem(MenuItem):
    def is_shown(self, request):
        from core.lockout import may_unlock

        return may_unlock(request.user)


@hooks.register("register_settings_menu_item")
def register_unlock_menu_item():
    return UnlockMenuItem(_("Login terkunci"), reverse("warta_login_unlock"), icon_name="lock", order=620)


@hooks.register("register_account_menu_item")
def register_two_factor_account_item(request):
    return {
        "url": reverse("warta_two_factor_setup"),
        "label": _("Verifikasi dua langkah"),
        "help_text": _("Aplikasi autentikator di ponsel dan kode pemulihan untuk masuk ke Warta."),
    }


@hooks.register("register_log_actions")
def register_security_log_actions(actions):
    actions.register_action(audit.LOGIN_UNLOCK, _("Buka kunci login"), _("Login dibuka kembali"))
    actions.register_action(audit.TWO_FACTOR_ENABLE, _("Aktifkan verifikasi dua langkah"),
                            _("Verifikasi dua langkah diaktifkan"))
    actions.register_action(audit.TWO_FACTOR_RESET, _("Ganti aplikasi autentikator"),
                            _("Aplikasi autentikator diganti"))

    @actions.register_action(audit.PASSWORD_CHANGE)
    class PasswordChange(LogFormatter):
        label = _("Ganti kata sandi")

        def format_message(self, log_entry):
            revoked = (log_entry.data or {}).get("api_tokens_revoked") or 0
            if revoked:
                return _("Kata sandi diganti; %(count)s token API dicabut") % {"count": revoked}
            return _("Kata sandi diganti")

    @actions.register_action(audit.GROUPS_CHANGE)
    class GroupsChange(LogFormatter):
        label = _("Ubah peran")

        def format_message(self, log_entry):
            data = log_entry.data or {}
            parts = []
            if data.get("added"):
                parts.append(_("ditambahkan ke %(groups)s") % {"groups": ", ".join(data["added"])})
            if data.get("removed"):
                parts.append(_("dikeluarkan dari %(groups)s") % {"groups": ", ".join(data["removed"])})
            return _("Peran diubah: %(changes)s") % {"changes": "; ".join(parts)} if parts else _("Peran diubah")
