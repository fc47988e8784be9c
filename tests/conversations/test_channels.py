"""Zalo and Messenger webhooks against the running Rasa server and fake platforms."""

import hashlib
import hmac
import json
import time

import pytest
import requests

from bot.channels.zalo_protocol import signature
from tests.conversations.conftest import FACEBOOK_SECRET, ZALO_APP_ID, ZALO_SECRET

pytestmark = pytest.mark.e2e


def wait_for(predicate, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.2)
    return False


def zalo_event(user, text=None, name="user_send_text", msg_id=None, age_ms=0):
    message = {"msg_id": msg_id or f"m-{time.time_ns()}"}
    if text is not None:
        message["text"] = text
    return {"app_id": ZALO_APP_ID, "event_name": name, "timestamp": str(int(time.time() * 1000) - age_ms),
            "sender": {"id": user}, "recipient": {"id": "oa"}, "message": message}


def post_zalo(servers, event, secret=ZALO_SECRET, header=None):
    raw = json.dumps(event, ensure_ascii=False).encode()
    mac = header if header is not None else "mac=" + signature(ZALO_APP_ID, raw, event["timestamp"], secret)
    return requests.post(f"{servers.rasa_url}/webhooks/zalo/webhook", data=raw,
                         headers={"Content-Type": "application/json", "X-ZEvent-Signature": mac}, timeout=10)


def zalo_sent_to(platforms, user):
    return [json.loads(r["body"]) for r in platforms["zalo"].requests
            if json.loads(r["body"])["recipient"]["user_id"] == user]


def test_zalo_text_is_answered_within_two_seconds_and_replies_are_sent(servers, platforms):
    started = time.monotonic()
    reply = post_zalo(servers, zalo_event("zalo-u1", "dang ky khai sinh can giay to gi"))
    assert reply.status_code == 200 and time.monotonic() - started < 2
    assert wait_for(lambda: zalo_sent_to(platforms, "zalo-u1"))
    [request] = [r for r in platforms["zalo"].requests if b"zalo-u1" in r["body"]][:1]
    assert request["path"] == "/v3.0/oa/message/cs"
    assert request["headers"]["access_token"] == "zalo-token-e2e"
    assert "Hồ sơ Đăng ký khai sinh gồm" in zalo_sent_to(platforms, "zalo-u1")[0]["message"]["text"]


def test_zalo_buttons_are_numbered_and_a_digit_chooses(servers, platforms):
    post_zalo(servers, zalo_event("zalo-u2", "ban giup duoc gi"))
    assert wait_for(lambda: zalo_sent_to(platforms, "zalo-u2"))
    text = zalo_sent_to(platforms, "zalo-u2")[0]["message"]["text"]
    assert "\n1. " in text and "Gặp cán bộ" in text
    number = [line.split(".")[0] for line in text.split("\n") if "Gặp cán bộ" in line][0]
    post_zalo(servers, zalo_event("zalo-u2", number))
    assert wait_for(lambda: any("Giờ làm việc" in m["message"]["text"] for m in zalo_sent_to(platforms, "zalo-u2")))


def test_zalo_sticker_gets_a_polite_text_reply(servers, platforms):
    assert post_zalo(servers, zalo_event("zalo-u3", name="user_send_sticker")).status_code == 200
    assert wait_for(lambda: any("gõ câu hỏi bằng chữ" in m["message"]["text"] for m in zalo_sent_to(platforms, "zalo-u3")))


@pytest.mark.parametrize(
    "make, status",
    [
        (lambda s: post_zalo(s, zalo_event("zalo-x", "hi"), secret="forged"), 401),
        (lambda s: post_zalo(s, zalo_event("zalo-x", "hi"), header=""), 401),
        (lambda s: post_zalo(s, zalo_event("zalo-x", "hi", age_ms=3_600_000)), 403),
        (lambda s: requests.post(f"{s.rasa_url}/webhooks/zalo/webhook", data=b"{bad", timeout=10), 401),
    ],
)
def test_zalo_forged_or_stale_requests_are_refused(servers, platforms, make, status):
    assert make(servers).status_code == status
    time.sleep(0.5)
    assert not zalo_sent_to(platforms, "zalo-x")


def fb_post(servers, body, secret=FACEBOOK_SECRET, header=None):
    raw = json.dumps(body).encode()
    signature_header = header if header is not None else "sha256=" + hmac.new(
        secret.encode(), raw, hashlib.sha256).hexdigest()
    return requests.post(f"{servers.rasa_url}/webhooks/facebook/webhook", data=raw, timeout=30,
                         headers={"Content-Type": "application/json", "X-Hub-Signature-256": signature_header})


def fb_message(user, text=None, quick_reply=None):
    message = {"mid": f"m{time.time_ns()}", "text": text or ""}
    if quick_reply:
        message["quick_reply"] = {"payload": quick_reply}
    return {"object": "page", "entry": [{"id": "page", "time": 1, "messaging": [
        {"sender": {"id": user}, "recipient": {"id": "page"}, "timestamp": 1, "message": message}]}]}


def graph_messages(platforms, user):
    found = []
    for request in platforms["graph"].requests:
        body = json.loads(request["body"] or b"{}")
        if body.get("recipient", {}).get("id") == user and "message" in body:
            found.append((request, body))
    return found


def test_messenger_signed_message_gets_quick_replies(servers, platforms):
    assert fb_post(servers, fb_message("fb-u1", "ban giup duoc gi")).status_code == 200
    sent = graph_messages(platforms, "fb-u1")
    assert sent
    request, body = sent[0]
    assert request["path"].split("?")[0].endswith("/me/messages")
    assert "access_token=fb-page-token-e2e" in request["path"] or "fb-page-token-e2e" in json.dumps(request["headers"])
    replies = body["message"]["quick_replies"]
    assert {"content_type": "text", "title": "Gặp cán bộ", "payload": "/request_human"} in replies
    assert fb_post(servers, fb_message("fb-u1", "Gặp cán bộ", quick_reply="/request_human")).status_code == 200
    assert any("Giờ làm việc" in b["message"].get("text", "") for _, b in graph_messages(platforms, "fb-u1"))


@pytest.mark.parametrize("header", ["sha256=" + "0" * 64, "", "sha1=abc", "md5=abc"])
def test_messenger_forged_requests_are_refused(servers, platforms, header):
    assert fb_post(servers, fb_message("fb-x", "xin chao"), header=header).status_code == 403
    assert not graph_messages(platforms, "fb-x")


def test_messenger_verification_handshake(servers):
    ok = requests.get(f"{servers.rasa_url}/webhooks/facebook/webhook",
                      params={"hub.mode": "subscribe", "hub.verify_token": "fb-verify-e2e", "hub.challenge": "42"})
    assert ok.status_code == 200 and ok.text == "42"
    bad = requests.get(f"{servers.rasa_url}/webhooks/facebook/webhook",
                       params={"hub.mode": "subscribe", "hub.verify_token": "nope", "hub.challenge": "42"})
    assert bad.status_code == 403
