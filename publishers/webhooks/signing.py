"""Webhook signatures as the Standard Webhooks specification defines them (see docs/webhooks.md).

Each attempt carries ``webhook-id`` (the delivery's UUID, the same on every retry), ``webhook-timestamp``
(Unix seconds) and ``webhook-signature`` (``v1,`` + base64 HMAC-SHA256 of ``"<id>.<timestamp>.<body>"``), so
the id receivers de-duplicate on is signed too, and any Standard Webhooks library verifies it. The
``standardwebhooks`` package computes the signature.
"""

import base64
import binascii

from standardwebhooks import Webhook

ID_HEADER = "webhook-id"
TIMESTAMP_HEADER = "webhook-timestamp"
SIGNATURE_HEADER = "webhook-signature"
EVENT_HEADER = "X-Warta-Event"

SECRET_PREFIX = "whsec_"


def is_standard_secret(secret):
    """A Standard Webhooks secret: ``whsec_`` followed by the base64 of a key of at least 16 bytes."""
    if not secret.startswith(SECRET_PREFIX):
        return False
    key = secret[len(SECRET_PREFIX):]
    try:
        return len(base64.b64decode(key + "=" * (-len(key) % 4), validate=True)) >= 16
    except (binascii.Error, ValueError):
        return False


def receiver_secret(secret):
    """The secret as a receiver's Standard Webhooks library takes it.

    A ``whsec_`` secret is used as the specification says (its base64 part is the key); any other secret the
    court typed is used as its UTF-8 bytes, which a library receives as ``whsec_`` + base64 of those bytes.
    """
    if is_standard_secret(secret):
        return secret
    return SECRET_PREFIX + base64.b64encode(secret.encode()).decode()


def signed_headers(secret, delivery_id, moment, body):
    """The three Standard Webhooks headers for one attempt at ``moment`` (an aware datetime)."""
    signer = Webhook(receiver_secret(secret))
    return {
        ID_HEADER: str(delivery_id),
        TIMESTAMP_HEADER: str(int(moment.timestamp())),
        SIGNATURE_HEADER: signer.sign(str(delivery_id), moment, body),
    }
