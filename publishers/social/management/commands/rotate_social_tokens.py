"""Re-encrypt every stored platform token with the newest key in WARTA_TOKEN_KEYS (key rotation)."""

from django.core.management.base import BaseCommand
from django.db import transaction

from core import crypto
from publishers.social.models import SocialAccount


class Command(BaseCommand):
    help = "Re-encrypt social account tokens with the first key of WARTA_TOKEN_KEYS; then drop the old key."

    def handle(self, *args, **options):
        count = 0
        with transaction.atomic():
            for account in SocialAccount.objects.select_for_update().exclude(credentials_encrypted=""):
                SocialAccount.objects.filter(pk=account.pk).update(
                    credentials_encrypted=crypto.rotate(account.credentials_encrypted))
                count += 1
        self.stdout.write(f"{count} akun dienkripsi ulang dengan kunci terbaru.")
