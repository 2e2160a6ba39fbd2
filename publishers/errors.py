"""What an outbox's send can go wrong with, for every publisher (social channels, webhooks).

A ``DeliveryError`` carries a kind that tells the outbox what to do:
TRANSIENT (nothing happened, retry later), AMBIGUOUS (the irreversible call
may have gone through: confirm before anything else) or PERMANENT (stop and
tell a person what to do).
"""

import enum


class ErrorKind(enum.Enum):
    TRANSIENT = "transient"
    AMBIGUOUS = "ambiguous"
    PERMANENT = "permanent"


class DeliveryError(Exception):
    def __init__(self, kind, message, detail="", *, retry_after=None, reconnect=False, code=""):
        super().__init__(str(message))
        self.kind = kind
        self.message = str(message)  # what the user should do, in Indonesian
        self.detail = detail  # the platform's own words (tokens redacted)
        self.retry_after = retry_after  # seconds, when the platform said so
        self.reconnect = reconnect  # the account's credentials no longer work
        self.code = str(code)
