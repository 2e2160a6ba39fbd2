from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.log_actions import log

from core.audit import TWO_FACTOR_RESET


class Command(BaseCommand):
    help = ("Menghapus aplikasi autentikator dan kode pemulihan seorang pengguna yang kehilangan keduanya; "
            "pada login berikutnya ia mengatur verifikasi dua langkah lagi.")

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, username, **options):
        User = get_user_model()
        try:
            user = User.objects.get(**{User.USERNAME_FIELD: username})
        except User.DoesNotExist:
            raise CommandError(_("Pengguna %(username)s tidak ada.") % {"username": username}) from None
        removed = TOTPDevice.objects.filter(user=user).delete()[0] + StaticDevice.objects.filter(user=user).delete()[0]
        log(user, TWO_FACTOR_RESET, data={"by_command": True})
        self.stdout.write(_("Verifikasi dua langkah %(username)s diatur ulang (%(count)s catatan dihapus).")
                          % {"username": username, "count": removed})
