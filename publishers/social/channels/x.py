"""X (formerly Twitter) through API v2, OAuth 1.0a user context (requests-oauthlib).

Media goes up first through ``POST /2/media/upload`` (harmless: an unused
upload expires), then ``POST /2/tweets`` carries the media id. X has no
idempotency key, so an unclear answer is settled by reading the account's
recent posts (``GET /2/users/{id}/tweets``) and looking for our upload's
media key (or our text) before anything is sent again.
"""

import re
import time
import unicodedata
from datetime import timedelta

from django.conf import settings
from django.utils.translation import gettext as _
from requests_oauthlib import OAuth1
from twitter_text import extract_urls_with_indices

from core import platform_rules
from publishers.http import ApiClient
from publishers.social import media

from .base import Channel, Confirmation, ConfirmResult, DeliveryError, ErrorKind, Posted, TokenCheck
from .metrics import count, shaped, total

CONFIRM_WINDOW = timedelta(minutes=10)
MAX_PAGES = 10


def normalise(text):
    """Text as X stores it, for comparison: NFC, links removed (X rewrites every link it finds, a bare domain
    too, to t.co)."""
    text = unicodedata.normalize("NFC", text or "")
    kept, position = [], 0
    for url in extract_urls_with_indices(text):
        start, end = url["indices"]
        kept.append(text[position:start])
        position = end
    kept.append(text[position:])
    return " ".join("".join(kept).split())


class XChannel(Channel):
    platform = platform_rules.X
    api_url_setting = "WARTA_X_API_URL"

    def __init__(self, account, now=None):
        super().__init__(account, now)
        credentials = account.credentials
        consumer_key = settings.WARTA_X_CONSUMER_KEY
        consumer_secret = settings.WARTA_X_CONSUMER_SECRET
        token, token_secret = credentials.get("oauth_token", ""), credentials.get("oauth_token_secret", "")
        self.client = ApiClient(
            self, self.api_url,
            auth=OAuth1(consumer_key, consumer_secret, token, token_secret),
            secrets=[consumer_secret, token, token_secret],
            interpret=self._error, on_response=self._read_rate_limit,
        )

    def _read_rate_limit(self, response):
        if response.headers.get("x-rate-limit-remaining") == "0":
            reset = response.headers.get("x-rate-limit-reset", "")
            if reset.isdigit():
                self.pause_for = timedelta(seconds=max(0, int(reset) - int(self.now.timestamp())))

    def _error(self, response, irreversible):
        try:
            body = response.json()
        except ValueError:
            body = {}
        detail = body.get("detail") or "; ".join(e.get("message", "") for e in body.get("errors", [])) \
            or response.text[:300]
        status = response.status_code
        if status == 401:
            return DeliveryError(ErrorKind.PERMANENT, _(
                "Sambungan ke X tidak berlaku lagi (izin dicabut atau token diganti). Kasubag perlu menyambungkan "
                "ulang kanal ini di menu Kanal media sosial, lalu klik Coba lagi."), detail, reconnect=True, code=401)
        if status == 429:
            reset = response.headers.get("x-rate-limit-reset") or response.headers.get("x-user-limit-24hour-reset")
            retry_after = max(1, int(reset) - int(self.now.timestamp())) if reset and reset.isdigit() else None
            return DeliveryError(ErrorKind.TRANSIENT, _(
                "X membatasi jumlah kiriman untuk sementara. Warta akan mencoba lagi setelah batasnya pulih."),
                detail, retry_after=retry_after, code=429)
        if status == 403 and "duplicate" in detail.lower():
            return DeliveryError(ErrorKind.PERMANENT, _(
                "X menolak teks yang sama persis dengan kiriman sebelumnya. Ubah teks khusus X, terbitkan ulang, "
                "lalu klik Coba lagi."), detail, code=403)
        if status == 403:
            return DeliveryError(ErrorKind.PERMANENT, _(
                "X tidak mengizinkan akun ini memposting (%(reason)s). Pastikan aplikasi berizin baca-tulis, lalu "
                "sambungkan ulang kanal ini.") % {"reason": detail}, detail, reconnect=True, code=403)
        if status >= 500:
            return DeliveryError(ErrorKind.AMBIGUOUS if irreversible else ErrorKind.TRANSIENT, _(
                "X sedang bermasalah (galat %(status)d). Warta akan memeriksa dan mencoba lagi.") % {"status": status},
                detail, code=status)
        return DeliveryError(ErrorKind.PERMANENT, _(
            "X menolak kiriman ini: %(reason)s Periksa teks dan gambar untuk X, terbitkan ulang bila perlu, lalu "
            "klik Coba lagi.") % {"reason": detail}, detail, code=status)

    def prepare(self, delivery):
        prepared = delivery.prepared
        if delivery.image_id and not prepared.get("media_id"):
            rendition = media.rendition_for(delivery.image, delivery.crop, self.platform)
            problems = media.rendition_errors(rendition, self.platform)
            if problems:
                raise DeliveryError(ErrorKind.PERMANENT, " ".join(str(p) for p in problems))
            with rendition.file.open("rb") as handle:
                content = handle.read()
            data = self.client.call(
                "POST", "2/media/upload", data={"media_category": "tweet_image"},
                files={"media": ("warta.jpg", content, "image/jpeg")},
            ).get("data", {})
            prepared.update(media_id=str(data["id"]), media_key=data.get("media_key", ""))
            state = (data.get("processing_info") or {}).get("state")
            if state and state != "succeeded":
                self._wait_for_processing(prepared)

    def _wait_for_processing(self, prepared):
        polls = getattr(settings, "WARTA_SOCIAL_STATUS_POLLS", 5)
        for poll in range(polls):
            data = self.client.call("GET", "2/media/upload", params={
                "command": "STATUS", "media_id": prepared["media_id"]}).get("data", {})
            state = (data.get("processing_info") or {}).get("state", "succeeded")
            if state == "succeeded":
                return
            if state == "failed":
                prepared.pop("media_id", None)
                raise DeliveryError(ErrorKind.PERMANENT, _("X menolak gambar. Ganti gambar lalu klik Coba lagi."),
                                    str(data.get("processing_info")))
            if poll < polls - 1:
                time.sleep(getattr(settings, "WARTA_SOCIAL_POLL_SECONDS", 2))
        raise DeliveryError(ErrorKind.TRANSIENT, _("X masih mengolah gambar. Warta akan mencoba lagi."),
                            retry_after=60)

    def publish(self, delivery):
        body = {"text": unicodedata.normalize("NFC", delivery.text)}
        if delivery.prepared.get("media_id"):
            body["media"] = {"media_ids": [delivery.prepared["media_id"]]}
        data = self.client.call("POST", "2/tweets", json=body, irreversible=True).get("data", {})
        return Posted(str(data["id"]), self.permalink(data["id"]))

    def permalink(self, post_id):
        handle = self.account.handle.lstrip("@") or "i/web"
        return f"https://x.com/{handle}/status/{post_id}"

    @classmethod
    def channel_url(cls, account):
        handle = account.handle.lstrip("@")
        return f"https://x.com/{handle}" if handle else ""

    @classmethod
    def post_id_from_link(cls, account, link):
        match = re.match(r"^https?://(?:www\.)?(?:x|twitter)\.com/[A-Za-z0-9_]+/status/(\d+)", link or "")
        return match.group(1) if match else None

    def confirm(self, delivery):
        """Look for our upload's media key (or our text) among the account's posts around the time of the call."""
        moment = delivery.in_flight_at or delivery.created_at
        params = {"max_results": 100, "tweet.fields": "created_at,attachments",
                  "start_time": (moment - CONFIRM_WINDOW).strftime("%Y-%m-%dT%H:%M:%SZ"),
                  "end_time": (moment + CONFIRM_WINDOW).strftime("%Y-%m-%dT%H:%M:%SZ")}
        media_key = delivery.prepared.get("media_key")
        wanted = normalise(delivery.text)
        for _page in range(MAX_PAGES):
            data = self.client.call("GET", f"2/users/{self.account.external_id}/tweets", params=params)
            for tweet in data.get("data", []):
                keys = (tweet.get("attachments") or {}).get("media_keys", [])
                if (media_key and media_key in keys) or (not media_key and normalise(tweet.get("text")) == wanted):
                    return ConfirmResult(Confirmation.POSTED, Posted(str(tweet["id"]), self.permalink(tweet["id"])))
            next_token = (data.get("meta") or {}).get("next_token")
            if not next_token:
                return ConfirmResult(Confirmation.NOT_POSTED)
            params["pagination_token"] = next_token
        raise DeliveryError(ErrorKind.TRANSIENT, _("Terlalu banyak kiriman X untuk diperiksa sekaligus."))

    def remove(self, delivery):
        self.client.call("DELETE", f"2/tweets/{delivery.platform_post_id}", irreversible=True)

    @classmethod
    def metrics_from(cls, answer):
        """A post's public_metrics; X gives no reach."""
        answer = answer or {}
        return shaped(answer, views=count(answer.get("impression_count")), reactions=count(answer.get("like_count")),
                      comments=count(answer.get("reply_count")),
                      shares=total(count(answer.get("retweet_count")), count(answer.get("quote_count"))),
                      saves=count(answer.get("bookmark_count")))

    def fetch_metrics(self, delivery):
        data = self.client.call("GET", "2/tweets", params={"ids": delivery.platform_post_id,
                                                          "tweet.fields": "public_metrics"})
        items = data.get("data") or [{}]
        return self.metrics_from(items[0].get("public_metrics"))

    def fetch_followers(self):
        data = self.client.call("GET", "2/users/me", params={"user.fields": "public_metrics"}).get("data") or {}
        return count((data.get("public_metrics") or {}).get("followers_count"))

    def check_token(self):
        try:
            data = self.client.call("GET", "2/users/me").get("data", {})
        except DeliveryError as error:
            return TokenCheck(valid=not error.reconnect and error.kind != ErrorKind.PERMANENT, message=error.message)
        return TokenCheck(valid=True, details={"username": data.get("username", "")})
