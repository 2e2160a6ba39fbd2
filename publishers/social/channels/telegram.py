"""Telegram channel through the Bot API: ``sendPhoto`` (upload) with an HTML caption.

The bot must be an administrator of the channel with the right to post. The
Bot API cannot list a channel's messages and has no idempotency key, so when
``sendPhoto`` gets no clear answer Warta cannot find out whether it went out:
that delivery becomes "perlu dicek" for a person instead of being sent again.
An unclear answer is a server error (5xx, even a well-formed ``"ok": false``
one: Telegram may answer 500 after the message was posted), a read timeout or
a connection dropped after the request left. A 4xx error, a 429 with
``retry_after`` or a connection refused before anything was sent are safe to
retry.
"""

import html
import re

from django.utils import timezone
from django.utils.translation import gettext as _

from core import platform_rules
from publishers.http import ApiClient
from publishers.social import media

from .base import Channel, Confirmation, ConfirmResult, DeliveryError, ErrorKind, Posted, TokenCheck
from .metrics import count

RECONNECT_HINTS = ("chat not found", "not enough rights", "bot is not a member", "bot was kicked",
                   "need administrator rights", "have no rights")
MESSAGE_LINK = re.compile(r"^https?://(?:www\.)?(?:t\.me|telegram\.me)/(c/\d+|[A-Za-z0-9_]+)/(\d+)/?(?:\?.*)?$")
IMAGE_HINTS = ("photo", "image", "wrong file", "file is too big", "dimensions")


class TelegramChannel(Channel):
    platform = platform_rules.TELEGRAM
    api_url_setting = "WARTA_TELEGRAM_API_URL"
    can_confirm = False
    has_post_metrics = False  # the Bot API gives no statistics for channel posts

    def __init__(self, account, now=None):
        super().__init__(account, now)
        token = account.credentials.get("bot_token", "")
        self.client = ApiClient(self, f"{self.api_url}/bot{token}", secrets=[token], interpret=self._error)

    @property
    def chat_id(self):
        return self.account.external_id

    def _error(self, response, irreversible):
        try:
            body = response.json()
        except ValueError:
            return None  # not the Bot API speaking (a proxy): the generic rules apply
        description = body.get("description", "")
        code = body.get("error_code", response.status_code)
        lowered = description.lower()
        if code == 429:
            return DeliveryError(ErrorKind.TRANSIENT, _(
                "Telegram meminta kiriman diperlambat. Warta akan mencoba lagi."), description,
                retry_after=(body.get("parameters") or {}).get("retry_after"), code=code)
        if code in (401, 404):  # 404: the token in the URL path is malformed
            return DeliveryError(ErrorKind.PERMANENT, _(
                "Token bot Telegram tidak berlaku lagi. Kasubag perlu memasukkan token baru di menu Kanal media "
                "sosial, lalu klik Coba lagi."), description, reconnect=True, code=code)
        if code == 403 or any(hint in lowered for hint in RECONNECT_HINTS):
            return DeliveryError(ErrorKind.PERMANENT, _(
                "Bot tidak dapat memposting ke kanal %(name)s. Jadikan bot admin kanal dengan izin memposting, "
                "lalu klik Coba lagi.") % {"name": self.account.name}, description, reconnect=True, code=code)
        if code >= 500 or response.status_code >= 500:
            if irreversible:  # the message may exist already: never sent again blindly
                return DeliveryError(ErrorKind.AMBIGUOUS, _(
                    "Telegram menjawab dengan galat server (%(code)s); pesan mungkin sudah masuk ke kanal.")
                    % {"code": code}, description, code=code)
            return DeliveryError(ErrorKind.TRANSIENT, _(
                "Telegram sedang bermasalah. Warta akan mencoba lagi."), description, code=code)
        if "caption is too long" in lowered:
            return DeliveryError(ErrorKind.PERMANENT, _(
                "Teks untuk Telegram melebihi 1.024 karakter. Persingkat teks khusus Telegram, terbitkan ulang, "
                "lalu klik Coba lagi."), description, code=code)
        if any(hint in lowered for hint in IMAGE_HINTS):
            return DeliveryError(ErrorKind.PERMANENT, _(
                "Telegram menolak gambar. Ganti gambar lalu klik Coba lagi."), description, code=code)
        return DeliveryError(ErrorKind.PERMANENT, _(
            "Telegram menolak kiriman ini: %(reason)s. Periksa teks dan gambar untuk Telegram, lalu klik Coba lagi.")
            % {"reason": description}, description, code=code)

    def prepare(self, delivery):
        if delivery.image_id:
            rendition = media.rendition_for(delivery.image, delivery.crop, self.platform)
            problems = media.rendition_errors(rendition, self.platform)
            if problems:
                raise DeliveryError(ErrorKind.PERMANENT, " ".join(str(p) for p in problems))
            delivery.prepared["image"] = rendition.filter_spec

    def publish(self, delivery):
        caption = html.escape(delivery.text, quote=False)
        if delivery.prepared.get("image"):
            rendition = delivery.image.get_rendition(delivery.prepared["image"])
            with rendition.file.open("rb") as handle:
                content = handle.read()
            data = self.client.call(
                "POST", "sendPhoto", irreversible=True,
                data={"chat_id": self.chat_id, "caption": caption, "parse_mode": "HTML"},
                files={"photo": ("warta.jpg", content, "image/jpeg")},
            )
        else:
            data = self.client.call("POST", "sendMessage", irreversible=True,
                                    json={"chat_id": self.chat_id, "text": caption, "parse_mode": "HTML"})
        message_id = str(data["result"]["message_id"])
        return Posted(message_id, self.permalink(message_id))

    def permalink(self, message_id):
        handle = self.account.handle.lstrip("@")
        if handle:
            return f"https://t.me/{handle}/{message_id}"
        chat = str(self.chat_id)
        return f"https://t.me/c/{chat.removeprefix('-100')}/{message_id}" if chat.startswith("-100") else ""

    @classmethod
    def channel_url(cls, account):
        """Where a person looks at the channel (public by its name, private by its id)."""
        handle = account.handle.lstrip("@")
        if handle:
            return f"https://t.me/{handle}"
        chat = str(account.external_id)
        return f"https://t.me/c/{chat.removeprefix('-100')}" if chat.startswith("-100") else ""

    def confirm(self, delivery):
        return ConfirmResult(Confirmation.UNKNOWN, message=self.unsure_message(delivery))

    def unsure_message(self, delivery, error=None):
        """What is known of an unclear send, for the person who decides (Telegram cannot be asked)."""
        moment = delivery.in_flight_at
        if error is None:
            reason = _("pengiriman terhenti sebelum jawabannya tercatat")
        elif isinstance(error.code, int) and error.code >= 500:
            reason = _("galat server %(code)d") % {"code": error.code}
        else:
            reason = _("sambungan terputus atau jawaban tidak datang")
        known = _("Pesan dikirim ke Telegram pada %(time)s, tetapi jawabannya tidak jelas (%(reason)s).") % {
            "time": timezone.localtime(moment).strftime("%d/%m/%Y %H:%M") if moment else "-", "reason": reason}
        return known + " " + _(
            "Telegram tidak menyediakan cara memeriksa apakah pesan sudah masuk ke kanal, jadi Warta tidak "
            "mengirim ulang sendiri. Buka kanal %(name)s (%(link)s): jika pesan sudah ada, salin tautan pesannya "
            "lalu klik Sudah terkirim; jika belum, klik Belum ada, kirim lagi.") % {
            "name": self.account.name, "link": self.channel_url(self.account) or "-"}

    @classmethod
    def post_id_from_link(cls, account, link):
        """The message id in a message link of this channel (t.me/name/123 or t.me/c/123456/123), or None."""
        match = MESSAGE_LINK.match(link or "")
        if not match:
            return None
        where, message_id = match.group(1), match.group(2)
        handle = account.handle.lstrip("@").lower()
        chat = str(account.external_id).removeprefix("-100")
        if where.lower() != handle and where != f"c/{chat}":
            return None
        return message_id

    def remove(self, delivery):
        self.client.call("POST", "deleteMessage", irreversible=True,
                         json={"chat_id": self.chat_id, "message_id": int(delivery.platform_post_id)})

    def check_token(self):
        try:
            bot, _chat, member = self.inspect()
        except DeliveryError as error:
            return TokenCheck(valid=error.kind != ErrorKind.PERMANENT, message=error.message)
        if member.get("status") != "administrator" or not member.get("can_post_messages", False):
            return TokenCheck(valid=False, message=_(
                "Bot bukan lagi admin kanal %(name)s dengan izin memposting.") % {"name": self.account.name})
        return TokenCheck(valid=True, details={"bot": bot.get("username", "")})

    def fetch_metrics(self, delivery):
        return {}  # the Bot API gives no view counts for channel posts

    def fetch_followers(self):
        """The channel's member count."""
        return count(self.client.call("GET", "getChatMemberCount", params={"chat_id": self.chat_id}).get("result"))

    def inspect(self):
        """The bot, the channel and the bot's rights there (used when connecting); raises DeliveryError."""
        bot = self.client.call("GET", "getMe")["result"]
        chat = self.client.call("GET", "getChat", params={"chat_id": self.chat_id})["result"]
        member = self.client.call("GET", "getChatMember", params={"chat_id": chat["id"], "user_id": bot["id"]})
        return bot, chat, member["result"]

