"""Fake Telegram Bot API: getMe, getChat, getChatMember, sendPhoto, sendMessage, deleteMessage."""

import html
import itertools
import re
import secrets

from .base import FakePlatform, Response

TAG = re.compile(r"</?(b|strong|i|em|u|ins|s|strike|del|a|code|pre|tg-spoiler|span|blockquote)(\s[^>]*)?>")


def error(code, description, **parameters):
    body = {"ok": False, "error_code": code, "description": description}
    if parameters:
        body["parameters"] = parameters
    return Response(code, body)


def visible_length(caption, parse_mode):
    """Caption length after entity parsing, which is what Telegram limits."""
    if parse_mode == "HTML":
        caption = html.unescape(TAG.sub("", caption))
    return len(caption)


class TelegramFake(FakePlatform):
    name = "telegram"

    def __init__(self, clock=None):
        self.bots = {}  # token -> {"id", "username", "valid"}
        self.chats = {}  # chat_id -> {"title", "username", "admins": {bot_id: can_post}}
        self.messages = []
        self.deleted = []
        self.counter = itertools.count(101)
        super().__init__(clock)

    def setup_routes(self):
        self.route("GET", r"/bot(?P<token>[^/]+)/(?P<method>\w+)", self.call)
        self.route("POST", r"/bot(?P<token>[^/]+)/(?P<method>\w+)", self.call)

    def add_bot(self, username="warta_pn_uji_bot"):
        bot_id = int(next(self.counter)) * 1000
        token = f"{bot_id}:{secrets.token_urlsafe(26)}"
        self.bots[token] = {"id": bot_id, "username": username, "valid": True}
        return token, bot_id

    def add_channel(self, username="pnuji_info", title="Info PN Uji", admins=()):
        chat_id = -1000000000000 - len(self.chats) - 1
        self.chats[chat_id] = {"title": title, "username": username, "admins": {bot: True for bot in admins}}
        return chat_id

    def revoke(self, token):
        self.bots[token]["valid"] = False

    def messages_containing(self, text):
        return [m for m in self.messages if text in m["caption"]]

    def failure_response(self, mode, request):
        if mode == "500":
            return error(500, "Internal Server Error")
        if mode == "429":
            return error(429, "Too Many Requests: retry after 7", retry_after=7)
        if mode == "expired_token":
            return error(401, "Unauthorized")
        if mode == "invalid_media":
            return error(400, "Bad Request: IMAGE_PROCESS_FAILED")
        raise ValueError(mode)

    def find_chat(self, chat):
        chat = str(chat)
        for chat_id, data in self.chats.items():
            if chat == str(chat_id) or chat.lstrip("@") == data["username"]:
                return chat_id, data
        return None, None

    def call(self, request, token, method):
        bot = self.bots.get(token)
        if bot is None or not bot["valid"]:
            return error(401, "Unauthorized")
        handler = getattr(self, f"api_{method}", None)
        if handler is None:
            return error(404, "Not Found")
        return handler(request, bot)

    def api_getMe(self, request, bot):
        return Response(200, {"ok": True, "result": {"id": bot["id"], "is_bot": True, "first_name": "Warta",
                                                     "username": bot["username"]}})

    def api_getChat(self, request, bot):
        chat_id, chat = self.find_chat(request.param("chat_id"))
        if chat is None:
            return error(400, "Bad Request: chat not found")
        return Response(200, {"ok": True, "result": {"id": chat_id, "type": "channel", "title": chat["title"],
                                                     "username": chat["username"]}})

    def api_getChatMember(self, request, bot):
        chat_id, chat = self.find_chat(request.param("chat_id"))
        if chat is None:
            return error(400, "Bad Request: chat not found")
        user_id = int(request.param("user_id"))
        if user_id in chat["admins"]:
            result = {"status": "administrator", "can_post_messages": chat["admins"][user_id],
                      "can_delete_messages": True}
        else:
            result = {"status": "left"}
        result["user"] = {"id": user_id, "is_bot": True, "first_name": "Warta"}
        return Response(200, {"ok": True, "result": result})

    def _can_post(self, request, bot):
        chat_id, chat = self.find_chat(request.param("chat_id"))
        if chat is None:
            return None, error(400, "Bad Request: chat not found")
        if not chat["admins"].get(bot["id"]):
            return None, error(403, "Forbidden: bot is not a member of the channel chat")
        return chat_id, None

    def _record(self, chat_id, caption, photo):
        with self.lock:
            message_id = next(self.counter)
            self.messages.append({"message_id": message_id, "chat_id": chat_id, "caption": caption,
                                  "photo": photo, "date": int(self.clock.time())})
        return message_id

    def api_sendPhoto(self, request, bot):
        chat_id, problem = self._can_post(request, bot)
        if problem:
            return problem
        caption = request.param("caption", "")
        if visible_length(caption, request.param("parse_mode")) > 1024:
            return error(400, "Bad Request: message caption is too long")
        upload = request.files.get("photo")
        if upload is None and not request.param("photo"):
            return error(400, "Bad Request: there is no photo in the request")
        if upload is not None:
            if len(upload["content"]) > 10 * 1024 * 1024:
                return error(400, "Bad Request: file is too big")
            if not upload["content"].startswith((b"\xff\xd8", b"\x89PNG")):
                return error(400, "Bad Request: IMAGE_PROCESS_FAILED")
        message_id = self._record(chat_id, html.unescape(TAG.sub("", caption)), True)
        return Response(200, {"ok": True, "result": {
            "message_id": message_id, "date": int(self.clock.time()),
            "chat": {"id": chat_id, "type": "channel"},
            "photo": [{"file_id": secrets.token_hex(8), "file_unique_id": secrets.token_hex(4), "width": 1080,
                       "height": 1080}], "caption": caption}})

    def api_sendMessage(self, request, bot):
        chat_id, problem = self._can_post(request, bot)
        if problem:
            return problem
        text = request.param("text", "")
        if visible_length(text, request.param("parse_mode")) > 4096:
            return error(400, "Bad Request: message is too long")
        message_id = self._record(chat_id, html.unescape(TAG.sub("", text)), False)
        return Response(200, {"ok": True, "result": {"message_id": message_id, "date": int(self.clock.time()),
                                                     "chat": {"id": chat_id, "type": "channel"}, "text": text}})

    def api_deleteMessage(self, request, bot):
        chat_id, problem = self._can_post(request, bot)
        if problem:
            return problem
        message_id = int(request.param("message_id"))
        for message in self.messages:
            if message["message_id"] == message_id and message["chat_id"] == chat_id:
                self.messages.remove(message)
                self.deleted.append(message)
                return Response(200, {"ok": True, "result": True})
        return error(400, "Bad Request: message to delete not found")
