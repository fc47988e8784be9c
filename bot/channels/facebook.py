"""Facebook Messenger on Rasa's built-in connector, made strict.

Differences from ``rasa.core.channels.facebook``: the signature is checked on
``X-Hub-Signature-256`` with SHA-256 only and ``hmac.compare_digest``; a forged
request gets 403 (Rasa's answers 200 "not validated"); credentials and the Graph
API address come from the environment; buttons become quick replies (Rasa drops
buttons beyond three); attachments get the "please type" answer instead of their
URL being read as text; a malformed body gets 400, not a crash.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
from typing import Any, Awaitable, Callable, Dict, List, Optional, Text

from fbmessenger import MessengerClient
from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from rasa.core.channels.facebook import FacebookInput, Messenger, MessengerBot
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

logger = logging.getLogger(__name__)

NON_TEXT_PAYLOAD = "/no_text_content"
MAX_QUICK_REPLIES = 13
QUICK_REPLY_TITLE = 20


def valid_signature(app_secret: str, body: bytes, header: Optional[str]) -> bool:
    """``X-Hub-Signature-256: sha256=<hex>`` over the raw body, constant-time."""
    if not app_secret or not header or not header.startswith("sha256="):
        return False
    expected = hmac.new(app_secret.encode(), body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(header[len("sha256="):].encode(), expected.encode())


def _client(access_token: str, graph_url: Optional[str]) -> MessengerClient:
    client = MessengerClient(access_token)
    if graph_url:
        client.graph_url = graph_url.rstrip("/")
    return client


class StrictMessengerBot(MessengerBot):
    async def send_text_with_buttons(self, recipient_id: Text, text: Text, buttons: List[Dict[Text, Any]],
                                     **kwargs: Any) -> None:
        replies = [
            {"title": b.get("title", "")[:QUICK_REPLY_TITLE], "payload": b.get("payload", "")}
            for b in buttons[:MAX_QUICK_REPLIES]
        ]
        await self.send_quick_replies(recipient_id, text, replies)


class StrictMessenger(Messenger):
    def __init__(self, page_access_token: Text, on_new_message: Callable[[UserMessage], Awaitable[Any]],
                 graph_url: Optional[str] = None) -> None:
        super().__init__(page_access_token, on_new_message)
        self.client = _client(page_access_token, graph_url)

    async def message(self, message: Dict[Text, Any], metadata: Optional[Dict[Text, Any]]) -> None:
        if self._is_quick_reply_message(message) or self._is_user_message(message):
            await super().message(message, metadata)
        elif (message.get("message") or {}).get("is_echo"):
            return
        else:
            await self._handle_user_message(NON_TEXT_PAYLOAD, self.get_user_id(), metadata)

    async def _handle_user_message(self, text: Text, sender_id: Text, metadata: Optional[Dict[Text, Any]]) -> None:
        out_channel = StrictMessengerBot(self.client)
        user_message = UserMessage(text, out_channel, sender_id, input_channel=self.name(), metadata=metadata)
        try:
            await out_channel.send_action(sender_id, sender_action="typing_on")
            await self.on_new_message(user_message)
        except Exception:  # noqa: BLE001 - a failing message must not break the webhook
            logger.exception("Messenger message could not be processed")
        finally:
            try:
                await out_channel.send_action(sender_id, sender_action="typing_off")
            except Exception:  # noqa: BLE001
                logger.warning("Messenger typing indicator could not be sent")


class StrictFacebookInput(FacebookInput):
    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> InputChannel:
        credentials = credentials or {}

        def value(key: str, env: str) -> str:
            return str(credentials.get(key) or os.environ.get(env) or "")

        return cls(value("verify", "FACEBOOK_VERIFY_TOKEN"), value("secret", "FACEBOOK_APP_SECRET"),
                   value("page-access-token", "FACEBOOK_PAGE_ACCESS_TOKEN"),
                   value("graph_url", "FACEBOOK_GRAPH_URL") or None)

    def __init__(self, fb_verify: Text, fb_secret: Text, fb_access_token: Text,
                 graph_url: Optional[str] = None) -> None:
        super().__init__(fb_verify, fb_secret, fb_access_token)
        self.graph_url = graph_url

    def get_output_channel(self) -> OutputChannel:
        return StrictMessengerBot(_client(self.fb_access_token, self.graph_url))

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        fb_webhook = Blueprint("fb_webhook", __name__)

        @fb_webhook.route("/", methods=["GET"])
        async def health(request: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @fb_webhook.route("/webhook", methods=["GET"])
        async def token_verification(request: Request) -> HTTPResponse:
            token = request.args.get("hub.verify_token") or ""
            if self.fb_verify and hmac.compare_digest(token.encode(), self.fb_verify.encode()):
                return response.text(request.args.get("hub.challenge") or "")
            return response.text("invalid verify token", status=403)

        @fb_webhook.route("/webhook", methods=["POST"])
        async def webhook(request: Request) -> HTTPResponse:
            if not valid_signature(self.fb_secret, request.body or b"", request.headers.get("X-Hub-Signature-256")):
                logger.warning("Messenger webhook refused: bad or missing X-Hub-Signature-256")
                return response.text("forbidden", status=403)
            payload = request.json if isinstance(request.json, dict) else None
            entries = (payload or {}).get("entry")
            if not isinstance(entries, list) or not all(
                    isinstance(e, dict) and isinstance(e.get("messaging", []), list) for e in entries):
                return response.text("malformed body", status=400)
            messenger = StrictMessenger(self.fb_access_token, on_new_message, self.graph_url)
            for entry in entries:
                for event in entry.get("messaging", []):
                    await messenger.handle({"entry": [{"messaging": [event]}]}, self.get_metadata(request))
            return response.text("success")

        return fb_webhook
