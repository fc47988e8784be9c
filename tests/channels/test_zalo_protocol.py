import json
import time

import pytest

from bot.channels.zalo_protocol import (SignatureError, numbered_buttons, parse_event, resolve_choice, signature,
                                        text_message, verify)

APP, SECRET = "app-123", "oa-secret"


def signed(event, secret=SECRET, app=APP, header_prefix="mac="):
    raw = json.dumps(event).encode()
    return raw, header_prefix + signature(app, raw, str(event["timestamp"]), secret)


def event(**overrides):
    data = {"app_id": APP, "event_name": "user_send_text", "timestamp": str(int(time.time() * 1000)),
            "sender": {"id": "u1"}, "recipient": {"id": "oa"}, "message": {"msg_id": "m1", "text": "xin chào"}}
    data.update(overrides)
    return data


def test_genuine_event_is_accepted():
    raw, header = signed(event())
    assert verify(raw, header, APP, SECRET)["message"]["text"] == "xin chào"


@pytest.mark.parametrize(
    "make, reason",
    [
        (lambda: (signed(event(), secret="wrong")), "signature mismatch"),
        (lambda: (signed(event())[0], None), "missing signature or timestamp"),
        (lambda: (signed(event())[0], "mac=" + "0" * 64), "signature mismatch"),
        (lambda: (signed(event(timestamp=str(int(time.time() * 1000) - 3_600_000)))), "stale event"),
        (lambda: (signed(event(app_id="other"), app="other")), "event for another app"),
        (lambda: (b"not json", "mac=abc"), "body is not JSON"),
        (lambda: (b"[1]", "mac=abc"), "body is not an object"),
    ],
)
def test_forged_or_stale_events_are_refused(make, reason):
    raw, header = make()
    with pytest.raises(SignatureError, match=reason):
        verify(raw, header, APP, SECRET)


def test_tampered_body_is_refused():
    raw, header = signed(event())
    with pytest.raises(SignatureError):
        verify(raw.replace(b"xin", b"XIN"), header, APP, SECRET)


def test_unconfigured_channel_refuses_everything():
    raw, header = signed(event(), secret="")
    with pytest.raises(SignatureError, match="not configured"):
        verify(raw, header, APP, "")


def test_parse_event():
    assert parse_event(event()).text == "xin chào"
    sticker = parse_event(event(event_name="user_send_sticker", message={"msg_id": "m2"}))
    assert sticker.name == "user_send_sticker" and sticker.text == ""
    assert parse_event(event(event_name="follow")) is None
    assert parse_event(event(sender={})) is None


def test_buttons_become_a_numbered_list():
    text, payloads = numbered_buttons("Chọn:", [{"title": "Lệ phí", "payload": "/ask_fee"},
                                                {"title": "Gặp cán bộ", "payload": "/request_human"}])
    assert text == "Chọn:\n1. Lệ phí\n2. Gặp cán bộ"
    assert resolve_choice(" 2. ", payloads) == "/request_human"
    assert resolve_choice("3", payloads) is None and resolve_choice("hai", payloads) is None


def test_text_message_shape():
    assert text_message("u1", "x" * 3000) == {"recipient": {"user_id": "u1"}, "message": {"text": "x" * 2000}}
