"""Password and role changes in Wagtail's audit log (Laporan → Riwayat situs).

Wagtail 8 logs an edit of a user ("wagtail.edit") from its Users screen and from the account screen, but not
what changed: a password set anywhere (the account screen, the reset link, the Users screen,
`manage.py changepassword`) and a change of groups have no entry of their own. These signal handlers add
them, whoever makes the change; a password change also revokes the user's API tokens.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models.signals import m2m_changed, post_save, pre_save
from wagtail.log_actions import log

from core.api_tokens import revoke_tokens_of

PASSWORD_CHANGE = "warta.password_change"
GROUPS_CHANGE = "warta.groups_change"
LOGIN_UNLOCK = "warta.login_unlock"
TWO_FACTOR_ENABLE = "warta.two_factor_enable"
TWO_FACTOR_RESET = "warta.two_factor_reset"


def _remember_password(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or instance.pk is None or (update_fields is not None and "password" not in update_fields):
        instance._warta_password_changed = False
        return
    stored = sender.objects.filter(pk=instance.pk).values_list("password", flat=True).first()
    # "" is a row saved before its first password was set (a two-step create): not a change
    instance._warta_password_changed = bool(stored) and stored != instance.password


def _log_password_change(sender, instance, created=False, raw=False, **kwargs):
    if created or raw or not getattr(instance, "_warta_password_changed", False):
        return
    instance._warta_password_changed = False
    revoked = revoke_tokens_of(instance)
    log(instance, PASSWORD_CHANGE, data={"api_tokens_revoked": revoked})


def _log_groups_change(sender, instance, action, reverse, model, pk_set, **kwargs):
    if reverse or not isinstance(instance, get_user_model()):
        return  # a group's users changed from the group's side: Wagtail's group screen does not do that
    if action == "pre_clear":
        instance._warta_cleared_groups = list(instance.groups.values_list("name", flat=True))
        return
    if action == "post_clear":
        removed, added = getattr(instance, "_warta_cleared_groups", []), []
    elif action in ("post_add", "post_remove") and pk_set:
        names = sorted(Group.objects.filter(pk__in=pk_set).values_list("name", flat=True))
        added, removed = (names, []) if action == "post_add" else ([], names)
    else:
        return
    if added or removed:
        log(instance, GROUPS_CHANGE, data={"added": added, "removed": removed})


def connect():
    User = get_user_model()
    pre_save.connect(_remember_password, sender=User, dispatch_uid="warta_remember_password")
    post_save.connect(_log_password_change, sender=User, dispatch_uid="warta_log_password_change")
    m2m_changed.connect(_log_groups_change, sender=User.groups.through, dispatch_uid="warta_log_groups_change")
