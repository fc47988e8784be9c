import asyncio
import datetime as dt

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import deps
from actions.dossiers import (ActionCheckLink, ActionDossierFollowup, ActionDossierLookup, ActionDossierStart,
                              ValidateDossierLookupForm)
from bot.dossiers.demo import DEMO_PHONE, DEMO_STAMP
from bot.dossiers.http import HttpDossierGateway
from tests.actions.conftest import make_tracker, run
from tests.fakes import FakeServer

CODE = f"000.00.00.H00-{DEMO_STAMP}-000"
LAST4 = DEMO_PHONE[-4:]


def lookup(code, digits, sender="citizen"):
    tracker = make_tracker("", "check_dossier_status", slots={"dossier_code": code, "phone_last4": digits},
                           sender=sender)
    return run(ActionDossierLookup(), tracker)


def responses(messages):
    return [m["response"] for m in messages]


def test_verified_lookup_reveals_status_with_masked_name(services):
    messages, events = lookup(CODE + "1", LAST4)
    assert responses(messages) == ["utter_dossier_status_processing"]
    assert messages[0]["applicant"] == "N. V. M. Họa"
    assert all(DEMO_PHONE not in str(v) for m in messages for v in m.values())
    assert {"event": "slot", "name": "verified_dossier", "value": CODE + "1", "timestamp": None} in events
    assert {"event": "slot", "name": "phone_last4", "value": None, "timestamp": None} in events


def test_wrong_digits_and_unknown_code_get_the_same_neutral_answer(services):
    wrong_digits, _ = lookup(CODE + "1", "0000")
    unknown_code, _ = lookup("000.00.00.H00-251201-9999", LAST4)
    assert responses(wrong_digits) == responses(unknown_code) == ["utter_dossier_not_verified"]


def test_five_failures_lock_the_sender(services):
    outcomes = [responses(lookup(CODE + "1", "0000", sender="x")[0])[0] for _ in range(5)]
    assert outcomes == ["utter_dossier_not_verified"] * 4 + ["utter_dossier_locked"]
    assert responses(lookup(CODE + "1", LAST4, sender="x")[0]) == ["utter_dossier_locked"]
    start, _ = run(ActionDossierStart(), make_tracker("tra cuu", "check_dossier_status", sender="x"))
    assert responses(start) == ["utter_dossier_locked"]
    other, events = run(ActionDossierStart(), make_tracker("tra cuu", "check_dossier_status", sender="y"))
    assert other == [] and events == [{"event": "followup", "timestamp": None, "name": "dossier_lookup_form"}]


def test_overdue_dossier(services):
    messages, _ = lookup(CODE + "5", LAST4)
    assert responses(messages) == ["utter_dossier_status_processing", "utter_dossier_overdue"]


def test_additional_documents_and_rejection_give_the_note(services):
    docs, _ = lookup(CODE + "2", LAST4)
    assert docs[0]["response"] == "utter_dossier_status_additional_docs_required" and "hợp đồng thuê nhà" in docs[0]["note"]
    rejected, _ = lookup(CODE + "4", LAST4)
    assert rejected[0]["response"] == "utter_dossier_status_rejected" and rejected[0]["note"]


def test_unpaid_fee_official_link_is_shown_non_official_is_not(services):
    official, _ = lookup(CODE + "6", LAST4)
    assert responses(official) == ["utter_dossier_status_received", "utter_dossier_fee_unpaid_link"]
    assert official[1]["payment_url"].startswith("https://dichvucong.gov.vn/")
    scam, _ = lookup(CODE + "7", LAST4, sender="other")
    assert responses(scam) == ["utter_dossier_status_received", "utter_dossier_fee_unpaid_portal"]
    assert "dichvucongs" not in str(scam)


def test_follow_ups_use_the_verified_dossier(services):
    due, _ = run(ActionDossierFollowup(), make_tracker("khi nao co ket qua", "ask_dossier_due",
                                                       slots={"verified_dossier": CODE + "1"}))
    assert responses(due) == ["utter_dossier_due"]
    pay, _ = run(ActionDossierFollowup(), make_tracker("nop phi o dau", "ask_dossier_payment",
                                                       slots={"verified_dossier": CODE + "6"}))
    assert responses(pay) == ["utter_dossier_fee_unpaid_link"]


def test_follow_up_without_verification_reveals_nothing(services):
    messages, events = run(ActionDossierFollowup(), make_tracker("khi nao co ket qua", "ask_dossier_due"))
    assert messages == [] and events == [{"event": "followup", "timestamp": None, "name": "action_dossier_start"}]
    pay, _ = run(ActionDossierFollowup(), make_tracker("nop phi o dau", "ask_dossier_payment"))
    assert responses(pay) == ["utter_pay_safely"]


@pytest.mark.parametrize(
    "slot, value, expected",
    [
        ("dossier_code", "000.00.00.h00 - 251201 - 0001", {"dossier_code": f"000.00.00.H00-{DEMO_STAMP}-0001"}),
        ("dossier_code", "ma cua toi la abc", {"dossier_code": None}),
        ("phone_last4", "so cuoi 1 2 3 4", {"phone_last4": "1234"}),
        ("phone_last4", "123456", {"phone_last4": None}),
        ("phone_last4", "mat khau cua toi", {"phone_last4": None}),
    ],
)
def test_form_validation(services, slot, value, expected):
    action = ValidateDossierLookupForm()
    dispatcher_messages = []
    from rasa_sdk.executor import CollectingDispatcher

    dispatcher = CollectingDispatcher()
    result = getattr(action, f"validate_{slot}")(value, dispatcher, make_tracker(), {})
    assert result == expected
    assert bool(dispatcher.messages) == (list(expected.values())[0] is None)


def test_provider_failure_gives_the_hotline(services):
    with FakeServer(lambda *a: (500, "", 0)) as provider:
        deps.override(_with_gateway(services, HttpDossierGateway(provider.url, "t", timeout=0.5, retries=0)))
        messages, _ = lookup(CODE + "1", LAST4)
    assert responses(messages) == ["utter_dossier_unavailable"]
    assert messages[0]["hotline"] == "1900 0000"


def test_check_link(services):
    messages, _ = run(ActionCheckLink(), make_tracker("link nay dung ko https://dichvucongs.top/nop", "check_link"))
    assert responses(messages) == ["utter_link_not_official"] and messages[0]["host"] == "dichvucongs.top"
    messages, _ = run(ActionCheckLink(), make_tracker("https://dichvucong.gov.vn co phai ko", "check_link"))
    assert responses(messages) == ["utter_link_official"]
    messages, _ = run(ActionCheckLink(), make_tracker("link nay co lua dao ko", "check_link"))
    assert responses(messages) == ["utter_link_missing"]


def _with_gateway(services, gateway):
    import dataclasses

    return dataclasses.replace(services, dossiers=gateway)


@pytest.mark.parametrize("text, intent", [("thôi", "deny"), ("/cancel_form", "cancel_form"), ("bye", "goodbye")])
def test_leaving_the_lookup_counts_no_failed_check(services, text, intent):
    form = ValidateDossierLookupForm()
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(text, intent=intent, slots={"dossier_code": f"000.00.00.H00-{DEMO_STAMP}-0001"})
    assert form.validate_phone_last4(text, dispatcher, tracker, {}) == {"phone_last4": None, "form_cancelled": True}
    assert asyncio.run(form.required_slots(["dossier_code", "phone_last4"], dispatcher,
                                           make_tracker(slots={"form_cancelled": True}), {})) == []
    messages, events = run(ActionDossierLookup(), make_tracker(
        "", slots={"form_cancelled": True, "dossier_code": f"000.00.00.H00-{DEMO_STAMP}-0001"}))
    assert [m["response"] for m in messages] == ["utter_dossier_cancelled"]
    assert services.verifier.failures("citizen", dt.datetime.now(dt.timezone.utc)) == 0


def test_an_unreadable_answer_gets_the_guard_response_and_the_question_again(services):
    from rasa_sdk.executor import CollectingDispatcher

    dispatcher = CollectingDispatcher()
    result = ValidateDossierLookupForm().validate_phone_last4("😀", dispatcher,
                                                              make_tracker("😀", intent="no_text_content"), {})
    assert result == {"phone_last4": None}
    assert [m["response"] for m in dispatcher.messages] == ["utter_no_text_content"]
