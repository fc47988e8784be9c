"""Call-back requests and complaints: consent first, the phone stored only when typed."""

import asyncio

from rasa_sdk.executor import CollectingDispatcher

from actions.feedback import ActionAskComplaintConsent, ActionFeedbackDone, ValidateCallbackForm, ValidateComplaintForm
from tests.actions.conftest import make_tracker, run


def test_callback_with_consent_is_stored_and_the_slot_never_holds_the_number(services):
    form = ValidateCallbackForm()
    dispatcher = CollectingDispatcher()
    tracker = make_tracker("0912 345 678", intent="inform",
                           slots={"callback_consent": True, "callback_question": "Hỏi về sổ đỏ"})
    bad = form.validate_callback_contact("goi cho toi nhe", dispatcher, tracker, {})
    assert bad == {"callback_contact": None} and dispatcher.messages[-1]["response"] == "utter_contact_invalid"
    assert services.callbacks.pending() == []
    result = form.validate_callback_contact("so cua toi 0912 345 678", dispatcher, tracker, {})
    assert result["callback_contact"] == "saved" and "0912" not in str(result)
    stored = services.callbacks.pending()
    assert len(stored) == 1 and stored[0].contact == "+84912345678" and stored[0].question == "Hỏi về sổ đỏ"
    assert stored[0].kind == "callback" and stored[0].id.startswith(result["feedback_reference"])
    messages, events = run(ActionFeedbackDone(), make_tracker(
        "", slots={"callback_consent": True, "callback_contact": "saved", "feedback_reference": "abcd1234"}))
    assert messages[0]["response"] == "utter_callback_saved" and messages[0]["reference"] == "abcd1234"
    assert messages[0]["retention_days"] == "30"
    assert all(e["value"] is None for e in events)


def test_without_consent_only_the_consent_question_is_asked_and_nothing_stored(services):
    form = ValidateCallbackForm()
    slots = asyncio.run(form.required_slots(["callback_consent", "callback_question", "callback_contact"],
                                            CollectingDispatcher(), make_tracker(slots={"callback_consent": False}), {}))
    assert slots == ["callback_consent"]
    messages, _ = run(ActionFeedbackDone(), make_tracker("", slots={"callback_consent": False}))
    assert messages[0]["response"] == "utter_callback_not_saved"
    assert services.callbacks.pending() == []


def test_complaint_with_or_without_contact(services):
    form = ValidateComplaintForm()
    dispatcher = CollectingDispatcher()
    slots = {"complaint_consent": True, "complaint_text": "Hồ sơ trễ hẹn 10 ngày không ai báo",
             "complaint_subject": "Bộ phận một cửa xã"}
    assert form.validate_complaint_text("  <b>trễ</b>  hẹn ", dispatcher, make_tracker(), {}) == {
        "complaint_text": "<b>trễ</b> hẹn"}
    assert form.validate_complaint_subject("/deny", dispatcher, make_tracker(), {}) == {"complaint_subject": None}
    retry = form.validate_complaint_contact("abc", dispatcher, make_tracker("abc", intent="inform", slots=slots), {})
    assert retry == {"complaint_contact": None}
    anonymous = form.validate_complaint_contact("/deny", dispatcher, make_tracker("/deny", intent="deny", slots=slots), {})
    assert anonymous["complaint_contact"] == "saved"
    stored = services.callbacks.pending()
    assert stored[0].kind == "complaint" and stored[0].contact == "" and stored[0].subject == "Bộ phận một cửa xã"
    messages, _ = run(ActionFeedbackDone(), make_tracker("", slots={**slots, "complaint_contact": "saved"}))
    assert messages[0]["response"] == "utter_complaint_saved" and messages[0]["portal_url"].startswith("https://")


def test_consent_question_names_the_retention_period(services):
    messages, _ = run(ActionAskComplaintConsent(), make_tracker())
    assert messages[0]["response"] == "utter_ask_complaint_consent" and messages[0]["retention_days"] == "30"


def test_answers_inside_the_forms_that_are_not_answers(services):
    form = ValidateCallbackForm()
    dispatcher = CollectingDispatcher()
    asking = {"requested_slot": "callback_consent"}
    other = form.validate_callback_consent("lệ phí bao nhiêu", dispatcher, make_tracker(
        "lệ phí bao nhiêu", intent="ask_fee", slots=asking), {})
    assert other == {"callback_consent": None} and dispatcher.messages[-1]["response"] == "utter_consent_unclear"
    assert form.validate_callback_consent("ok", dispatcher, make_tracker("ok", intent="affirm"), {}) == {
        "callback_consent": True}
    unreadable = form.validate_callback_question("😀", dispatcher, make_tracker("😀", intent="no_text_content"), {})
    assert unreadable == {"callback_question": None} and dispatcher.messages[-1]["response"] == "utter_no_text_content"
    cancelled = form.validate_callback_contact("/cancel_form", dispatcher,
                                               make_tracker("/cancel_form", intent="cancel_form"), {})
    assert cancelled == {"callback_contact": None, "form_cancelled": True}
    assert asyncio.run(form.required_slots(["callback_consent", "callback_question", "callback_contact"],
                                           dispatcher, make_tracker(slots={"form_cancelled": True}), {})) == []
    assert services.callbacks.pending() == []
    messages, events = run(ActionFeedbackDone(), make_tracker("", slots={"form_cancelled": True,
                                                                          "complaint_consent": True}))
    assert messages[0]["response"] == "utter_form_cancelled"
    assert {e["name"] for e in events} >= {"form_cancelled", "complaint_consent"}
