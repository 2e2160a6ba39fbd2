"""One module per platform behind the interface in base.py."""

from core import platform_rules

from .base import Channel, Confirmation, ConfirmResult, DeliveryError, ErrorKind, Posted, TokenCheck  # noqa: F401
from .facebook import FacebookChannel
from .instagram import InstagramChannel
from .metrics import METRICS  # noqa: F401
from .telegram import TelegramChannel
from .threads import ThreadsChannel
from .x import XChannel

CHANNELS = {
    platform_rules.FACEBOOK: FacebookChannel,
    platform_rules.INSTAGRAM: InstagramChannel,
    platform_rules.X: XChannel,
    platform_rules.TELEGRAM: TelegramChannel,
    platform_rules.THREADS: ThreadsChannel,
}


def channel_for(account, now=None):
    return CHANNELS[account.platform](account, now)


def channel_url(account):
    """Where a person looks for the account's posts on its platform ("" when unknown)."""
    channel = CHANNELS.get(account.platform)
    return channel.channel_url(account) if channel else ""


def has_post_metrics(platform):
    channel = CHANNELS.get(platform)
    return channel is not None and channel.has_post_metrics
