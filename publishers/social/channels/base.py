"""The small interface every platform channel implements, and the errors it raises.

A channel works for one connected account. The worker (outbox.py) calls:

- ``prepare(delivery)``: harmless work that can be repeated (upload media,
  create a container, check quotas); it records its progress in the
  ``delivery.prepared`` dict, which the worker saves even when a step fails,
  so a retry resumes instead of starting over;
- ``publish(delivery)``: the one irreversible call; returns a ``Posted``;
- ``confirm(delivery)``: after a crash or an unclear answer, asks the
  platform whether the post exists; returns a ``Confirmation``;
- ``remove(delivery)``, ``check_token()``.

Monev reads through two more: ``fetch_metrics(delivery)``, the post's metrics
under the names of channels/metrics.py (``{}`` when the platform has none yet),
and ``fetch_followers()``, the account's followers (or channel members) as an
int, None when the platform gives no count.

Errors are ``DeliveryError`` with a kind that tells the worker what to do:
TRANSIENT (nothing happened, retry later), AMBIGUOUS (the irreversible call
may have gone through: confirm before anything else) or PERMANENT (stop and
tell a person what to do).
"""

import enum
from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.utils import timezone

from core import platform_rules
from publishers.errors import DeliveryError, ErrorKind  # noqa: F401  (part of the channel interface)


@dataclass
class Posted:
    post_id: str
    permalink: str = ""


class Confirmation(enum.Enum):
    POSTED = "posted"
    NOT_POSTED = "not_posted"
    UNKNOWN = "unknown"


@dataclass
class ConfirmResult:
    outcome: Confirmation
    posted: Posted | None = None
    message: str = ""
    keep_prepared: bool = True  # False: the prepared media cannot be reused (expired container)


@dataclass
class TokenCheck:
    valid: bool
    expires_at: datetime | None = None
    message: str = ""
    details: dict = field(default_factory=dict)


class Channel:
    platform = ""
    api_url_setting = ""
    # Whether the platform can tell us afterwards if a post went out.
    can_confirm = True
    can_remove = True
    # Whether the platform gives statistics for a post (Telegram's Bot API has none).
    has_post_metrics = True

    def __init__(self, account, now=None):
        self.account = account
        # The worker's clock (tests advance it instead of sleeping): rate-limit resets are relative to it.
        self.now = now or timezone.now()
        self.rules = platform_rules.RULES[self.platform]
        # How long to leave the account alone (a timedelta), read from rate-limit headers;
        # the worker turns it into account.paused_until.
        self.pause_for = None

    @property
    def label(self):
        return self.rules.label

    @property
    def api_url(self):
        return getattr(settings, self.api_url_setting).rstrip("/")

    def prepare(self, delivery):
        raise NotImplementedError

    def publish(self, delivery):
        raise NotImplementedError

    def confirm(self, delivery):
        raise NotImplementedError

    def permalink(self, post_id):
        """The post's public link ("" when the platform would not say; the daily upkeep asks again)."""
        return ""

    @classmethod
    def channel_url(cls, account):
        """The account's own page on the platform, where a person can look for a post ("" if unknown)."""
        return ""

    def unsure_message(self, delivery, error=None):
        """For a platform that cannot confirm: what a person is told when a send's outcome is unclear."""
        return error.message if error else delivery.error_message

    @classmethod
    def post_id_from_link(cls, account, link):
        """The platform's post id in a link a person pasted: "" when links do not tell it, None when the link
        is not one of this account's posts."""
        return ""

    @classmethod
    def metrics_from(cls, answer):
        """The platform's answer about one post, under the names of channels/metrics.py."""
        return {}

    def fetch_metrics(self, delivery):
        return {}

    def fetch_followers(self):
        return None

    def remove(self, delivery):
        raise NotImplementedError

    def check_token(self):
        raise NotImplementedError
