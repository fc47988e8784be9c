"""Zalo Official Account webhook and message formats, without Rasa or network.

Webhook signature (Zalo OA docs): header ``X-ZEvent-Signature: mac=<hex>`` where
``hex = sha256(app_id + raw_body + timestamp + oa_secret_key)``; ``app_id`` and
``timestamp`` (milliseconds) come from the event body. We check it with a fixed
algorithm and ``hmac.compare_digest``, and refuse events older than
``max_age`` (replays).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Sequence, Tuple

TEXT_EVENT = "user_send_text"
#: Events that carry something other than text: answered with a polite text.
NON_TEXT_EVENTS = frozenset({
    "user_send_image", "user_send_sticker", "user_send_file", "user_send_gif", "user_send_audio",
    "user_send_video", "user_send_location", "user_send_link", "user_send_business_card",
})
MAX_BUTTONS = 10


class SignatureError(Exception):
    """The request is not a genuine, fresh Zalo event."""


@dataclass(frozen=True)
class ZaloEvent:
    name: str
    sender_id: str
    text: Optional[str]
    message_id: Optional[str]


def signature(app_id: str, raw_body: bytes, timestamp: str, secret: str) -> str:
    digest = hashlib.sha256(app_id.encode() + raw_body + timestamp.encode() + secret.encode())
    return digest.hexdigest()


def verify(raw_body: bytes, header: Optional[str], app_id: str, secret: str,
           max_age: float = 300.0, now: Optional[float] = None) -> Dict[str, Any]:
    """The parsed event if the request is genuine and fresh; ``SignatureError`` otherwise."""
    if not secret or not app_id:
        raise SignatureError("channel not configured")
    try:
        event = json.loads(raw_body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as error:
        raise SignatureError("body is not JSON") from error
    if not isinstance(event, dict):
        raise SignatureError("body is not an object")
    supplied = (header or "").strip()
    if supplied.lower().startswith("mac="):
        supplied = supplied[4:]
    timestamp = str(event.get("timestamp") or "")
    if not supplied or not timestamp.isdigit():
        raise SignatureError("missing signature or timestamp")
    if str(event.get("app_id") or "") != app_id:
        raise SignatureError("event for another app")
    expected = signature(app_id, raw_body, timestamp, secret)
    if not hmac.compare_digest(supplied.lower().encode(), expected.encode()):
        raise SignatureError("signature mismatch")
    sent = int(timestamp) / (1000.0 if len(timestamp) > 10 else 1.0)
    if abs((now if now is not None else time.time()) - sent) > max_age:
        raise SignatureError("stale event")
    return event


def parse_event(event: Dict[str, Any]) -> Optional[ZaloEvent]:
    """The user event, or None for events the assistant ignores (follow, OA echoes...)."""
    name = str(event.get("event_name") or "")
    sender = str((event.get("sender") or {}).get("id") or "")
    if not sender or (name != TEXT_EVENT and name not in NON_TEXT_EVENTS):
        return None
    message = event.get("message") or {}
    text = message.get("text") if name == TEXT_EVENT else None
    return ZaloEvent(name=name, sender_id=sender, text=str(text) if text is not None else "",
                     message_id=message.get("msg_id"))


def text_message(user_id: str, text: str) -> Dict[str, Any]:
    """Body of a customer-service (``/v3.0/oa/message/cs``) text message."""
    return {"recipient": {"user_id": user_id}, "message": {"text": text[:2000]}}


def numbered_buttons(text: str, buttons: Sequence[Dict[str, Any]]) -> Tuple[str, List[str]]:
    """Buttons as a numbered list the citizen answers with a digit; and the payloads."""
    shown = list(buttons)[:MAX_BUTTONS]
    lines = [text] + [f"{index}. {button.get('title', '')}" for index, button in enumerate(shown, start=1)]
    return "\n".join(lines), [str(button.get("payload") or button.get("title") or "") for button in shown]


def resolve_choice(text: str, payloads: Sequence[str]) -> Optional[str]:
    """The payload of the numbered button the citizen chose ("2", " 2 ", "2."), if any."""
    choice = text.strip().rstrip(".)")
    if choice.isdigit() and 1 <= int(choice) <= len(payloads):
        return payloads[int(choice) - 1]
    return None
