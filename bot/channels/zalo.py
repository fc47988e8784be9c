"""Zalo Official Account channel for Rasa.

Webhook: ``POST /webhooks/zalo/webhook``. The signature is checked before
anything else; the request is answered at once (Zalo waits 2 seconds at most)
and the message is processed in the background. Replies go through the OA
customer-service message API; buttons become a numbered list answered with a
digit. Credentials come from the environment (see docs/channels.md); the
access token is never logged.
"""

from __future__ import annotations

import asyncio
import logging
import os
import time
from collections import OrderedDict
from typing import Any, Awaitable, Callable, Dict, List, Optional, Set, Text

from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels.zalo_protocol import (TEXT_EVENT, SignatureError, numbered_buttons, parse_event,
                                        resolve_choice, text_message, verify)

logger = logging.getLogger(__name__)

NON_TEXT_PAYLOAD = "/no_text_content"


class _Recent:
    """A small, bounded memory with expiry (button choices, seen message ids)."""

    def __init__(self, size: int = 10_000, ttl: float = 3600.0) -> None:
        self._items: "OrderedDict[str, tuple]" = OrderedDict()
        self._size, self._ttl = size, ttl

    def put(self, key: str, value: Any) -> None:
        self._items[key] = (value, time.monotonic() + self._ttl)
        self._items.move_to_end(key)
        while len(self._items) > self._size:
            self._items.popitem(last=False)

    def get(self, key: str) -> Any:
        item = self._items.get(key)
        if item is None or item[1] < time.monotonic():
            self._items.pop(key, None)
            return None
        return item[0]


class ZaloClient:
    """Sends OA messages with retries on timeouts, connection errors and 5xx."""

    def __init__(self, api_base: str, access_token: str, attempts: int = 3, backoff: float = 0.3,
                 timeout: float = 5.0) -> None:
        self._url = api_base.rstrip("/") + "/v3.0/oa/message/cs"
        self._token = access_token
        self._attempts, self._backoff, self._timeout = attempts, backoff, timeout

    async def send(self, body: Dict[str, Any]) -> bool:
        import aiohttp

        headers = {"access_token": self._token, "Content-Type": "application/json"}
        for attempt in range(1, self._attempts + 1):
            try:
                timeout = aiohttp.ClientTimeout(total=self._timeout)
                async with aiohttp.ClientSession(timeout=timeout) as session:
                    async with session.post(self._url, json=body, headers=headers) as reply:
                        if reply.status >= 500:
                            raise ConnectionError(f"HTTP {reply.status}")
                        data = await reply.json(content_type=None)
                        if reply.status == 200 and isinstance(data, dict) and data.get("error") == 0:
                            return True
                        logger.error("Zalo refused a message: HTTP %s, error %s", reply.status,
                                     (data or {}).get("error") if isinstance(data, dict) else "?")
                        return False
            except (asyncio.TimeoutError, ConnectionError, aiohttp.ClientError, ValueError) as error:
                logger.warning("Zalo send attempt %s/%s failed: %s", attempt, self._attempts,
                               type(error).__name__)
                if attempt < self._attempts:
                    await asyncio.sleep(self._backoff * 2 ** (attempt - 1))
        return False


class ZaloOutput(OutputChannel):
    @classmethod
    def name(cls) -> Text:
        return "zalo"

    def __init__(self, client: ZaloClient, choices: _Recent) -> None:
        super().__init__()
        self._client, self._choices = client, choices

    async def send_text_message(self, recipient_id: Text, text: Text, **kwargs: Any) -> None:
        for start in range(0, max(len(text), 1), 2000):
            await self._client.send(text_message(recipient_id, text[start:start + 2000]))

    async def send_text_with_buttons(self, recipient_id: Text, text: Text, buttons: List[Dict[Text, Any]],
                                     **kwargs: Any) -> None:
        rendered, payloads = numbered_buttons(text, buttons)
        self._choices.put(recipient_id, payloads)
        await self.send_text_message(recipient_id, rendered)

    async def send_quick_replies(self, recipient_id: Text, text: Text, quick_replies: List[Dict[Text, Any]],
                                 **kwargs: Any) -> None:
        await self.send_text_with_buttons(recipient_id, text, quick_replies)

    async def send_image_url(self, recipient_id: Text, image: Text, **kwargs: Any) -> None:
        await self.send_text_message(recipient_id, image)

    async def send_attachment(self, recipient_id: Text, attachment: Text, **kwargs: Any) -> None:
        await self.send_text_message(recipient_id, str(attachment))


class ZaloInput(InputChannel):
    @classmethod
    def name(cls) -> Text:
        return "zalo"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> InputChannel:
        credentials = credentials or {}

        def value(key: str, env: str, default: str = "") -> str:
            return str(credentials.get(key) or os.environ.get(env) or default)

        return cls(
            app_id=value("app_id", "ZALO_APP_ID"),
            secret_key=value("oa_secret_key", "ZALO_OA_SECRET_KEY"),
            access_token=value("access_token", "ZALO_OA_ACCESS_TOKEN"),
            api_base=value("api_base", "ZALO_API_BASE", "https://openapi.zalo.me"),
            max_age=float(value("max_age", "ZALO_MAX_EVENT_AGE", "300")),
        )

    def __init__(self, app_id: str, secret_key: str, access_token: str,
                 api_base: str = "https://openapi.zalo.me", max_age: float = 300.0) -> None:
        self.app_id, self._secret, self.max_age = app_id, secret_key, max_age
        self._client = ZaloClient(api_base, access_token)
        self._choices = _Recent()
        self._seen = _Recent(ttl=600)
        self._tasks: Set[asyncio.Task] = set()

    def get_output_channel(self) -> OutputChannel:
        return ZaloOutput(self._client, self._choices)

    async def _process(self, text: str, sender_id: str, message_id: Optional[str],
                       on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> None:
        try:
            await on_new_message(UserMessage(text, self.get_output_channel(), sender_id,
                                             input_channel=self.name(), message_id=message_id))
        except Exception:  # noqa: BLE001 - one failing message must not stop the channel
            logger.exception("Zalo message could not be processed")

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        zalo = Blueprint("zalo_webhook", __name__)

        @zalo.route("/", methods=["GET"])
        async def health(request: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @zalo.route("/webhook", methods=["POST"])
        async def webhook(request: Request) -> HTTPResponse:
            try:
                event = verify(request.body or b"", request.headers.get("X-ZEvent-Signature"),
                               self.app_id, self._secret, self.max_age)
            except SignatureError as error:
                logger.warning("Zalo webhook refused: %s", error)
                status = 403 if str(error) in ("stale event", "event for another app") else 401
                return response.json({"error": "forbidden"}, status=status)
            parsed = parse_event(event)
            if parsed is None:
                return response.json({"status": "ignored"})
            if parsed.message_id:
                if self._seen.get(parsed.message_id):
                    return response.json({"status": "duplicate"})
                self._seen.put(parsed.message_id, True)
            if parsed.name == TEXT_EVENT:
                text = resolve_choice(parsed.text or "", self._choices.get(parsed.sender_id) or []) or parsed.text
            else:
                text = NON_TEXT_PAYLOAD
            task = asyncio.get_event_loop().create_task(
                self._process(text or "", parsed.sender_id, parsed.message_id, on_new_message))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)
            return response.json({"status": "accepted"})

        return zalo
