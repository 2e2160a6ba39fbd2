"""The signature a receiver checks (see docs/webhooks.md)."""

import hashlib
import hmac

SIGNATURE_HEADER = "X-Warta-Signature"
TIMESTAMP_HEADER = "X-Warta-Timestamp"
DELIVERY_HEADER = "X-Warta-Delivery"
EVENT_HEADER = "X-Warta-Event"


def sign(secret, timestamp, body):
    """sha256=hex(HMAC-SHA256(secret, "<timestamp>.<body>")); the timestamp is signed so a replay can be refused."""
    message = str(timestamp).encode() + b"." + body
    return "sha256=" + hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def verify(secret, timestamp, body, signature, now, tolerance=300):
    """What a receiver does: a fresh timestamp and a matching signature (compared in constant time)."""
    try:
        if abs(int(now) - int(timestamp)) > tolerance:
            return False
    except (TypeError, ValueError):
        return False
    return hmac.compare_digest(sign(secret, timestamp, body), signature or "")
