"""Daily check of every connected account: is the token still good, does it expire soon?

A broken account is marked "perlu disambungkan ulang" and the people who
manage the court's channels get an email; so do they 7 days before a token
expires (Meta user tokens last about 60 days), once per expiry date.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core import crypto
from publishers.social.channels import channel_for
from publishers.social.models import EXPIRY_WARNING_DAYS, SocialAccount

logger = logging.getLogger(__name__)


def check_accounts(now=None):
    now = now or timezone.now()
    for account in SocialAccount.objects.filter(active=True).select_related("site"):
        check_account(account, now)


def check_account(account, now=None):
    now = now or timezone.now()
    was_broken = account.needs_reconnect
    try:
        result = channel_for(account, now).check_token()
    except crypto.TokenDecryptionError:
        result = None
    updates = {"last_checked_at": now}
    if result is None or not result.valid:
        message = result.message if result else _("Token tidak dapat dibuka; sambungkan ulang kanal ini.")
        updates.update(needs_reconnect=True, last_error=message)
    else:
        updates.update(needs_reconnect=False, last_error="")
        if result.expires_at is not None:
            updates["token_expires_at"] = result.expires_at
    SocialAccount.objects.filter(pk=account.pk).update(**updates)
    for name, value in updates.items():
        setattr(account, name, value)

    if account.needs_reconnect and not was_broken:
        notify(account, _("Kanal %(name)s perlu disambungkan ulang") % {"name": account.name},
               _("Warta tidak dapat lagi memakai sambungan ke %(account)s: %(reason)s\n\nSambungkan ulang kanal ini "
                 "agar kiriman berikutnya tidak gagal.") % {"account": account, "reason": account.last_error})
    elif (
        account.token_expires_at
        and account.token_expires_at - now <= timedelta(days=EXPIRY_WARNING_DAYS)
        and account.expiry_warned_at is None
    ):
        days = max(0, (account.token_expires_at - now).days)
        notify(account, _("Sambungan %(name)s berakhir dalam %(days)d hari") % {"name": account.name, "days": days},
               _("Token untuk %(account)s berlaku sampai %(date)s. Sambungkan ulang kanal ini sebelum tanggal itu "
                 "agar kiriman tidak gagal.") % {
                   "account": account, "date": timezone.localtime(account.token_expires_at).strftime("%d/%m/%Y")})
        SocialAccount.objects.filter(pk=account.pk).update(expiry_warned_at=now)
    return account


def managers_of(site):
    """People who manage this court's channels: holders of core.manage_channels, else superusers."""
    User = get_user_model()
    perm = Q(groups__permissions__codename="manage_channels", groups__permissions__content_type__app_label="core")
    perm |= Q(user_permissions__codename="manage_channels",
              user_permissions__content_type__app_label="core")
    people = User.objects.filter(perm, is_active=True).exclude(email="").distinct()
    # Groups of other courts carry page permissions below their own site root only.
    in_site = people.filter(groups__page_permissions__page__path__in=_ancestor_paths(site.root_page)).distinct()
    chosen = list(in_site) or list(people)
    if not chosen:
        chosen = list(User.objects.filter(is_superuser=True, is_active=True).exclude(email=""))
    return chosen


def _ancestor_paths(page):
    steplen = page.steplen
    return [page.path[:i] for i in range(steplen, len(page.path) + 1, steplen)]


def notify(account, subject, body):
    recipients = [user.email for user in managers_of(account.site)]
    if not recipients:
        logger.warning("no one to tell about social account %s: %s", account.pk, subject)
        return
    link = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("social_accounts:index")
    send_mail(f"[Warta] {subject}", f"{body}\n\n{link}", None, recipients, fail_silently=False)
