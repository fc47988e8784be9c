from actions.contact import ActionHumanContact
from actions.fallback import ActionDefaultAskAffirmation, ActionDefaultFallback
from tests.actions.conftest import make_tracker, run


def test_fallback_offers_procedures_the_search_finds(services):
    tracker = make_tracker("tam chu cho nguoi thue", "nlu_fallback", ranking=[
        {"name": "nlu_fallback", "confidence": 0.5}, {"name": "ask_fee", "confidence": 0.4}])
    messages, _ = run(ActionDefaultAskAffirmation(), tracker, {"responses": {}})
    assert messages[0]["response"] == "utter_ask_which_procedure"
    assert messages[0]["buttons"][0]["payload"] == '/inform{"procedure": "dang-ky-tam-tru"}'


def test_affirmation_uses_the_second_intent_after_nlu_fallback(services):
    tracker = make_tracker("abc", "nlu_fallback", ranking=[
        {"name": "nlu_fallback", "confidence": 0.5}, {"name": "ask_fee", "confidence": 0.4}])
    domain = {"responses": {"utter_ask_affirmation_ask_fee": [{"text": "x"}]}}
    messages, _ = run(ActionDefaultAskAffirmation(), tracker, domain)
    assert messages[0]["response"] == "utter_ask_affirmation_ask_fee"


def test_affirmation_falls_back_to_a_generic_question(services):
    tracker = make_tracker("abc", "nlu_fallback", ranking=[
        {"name": "nlu_fallback", "confidence": 0.5}, {"name": "thank", "confidence": 0.4}])
    messages, _ = run(ActionDefaultAskAffirmation(), tracker, {"responses": {}})
    assert messages[0]["response"] == "utter_ask_affirmation"


def test_default_fallback_offers_a_human_and_reverts():
    messages, events = run(ActionDefaultFallback(), make_tracker("???", "nlu_fallback"))
    assert messages[0]["response"] == "utter_offer_human"
    assert events == [{"event": "rewind", "timestamp": None}]


def test_human_contact_from_the_province_profile(services):
    messages, _ = run(ActionHumanContact(), make_tracker("gap can bo", "request_human"))
    message = messages[0]
    assert messages[1]["response"] in ("utter_centre_open_now", "utter_centre_closed")
    assert message["response"] == "utter_human_contact"
    assert message["hotline"] == "1900 0000"
    assert message["opening_hours"].startswith("Thứ Hai – Thứ Sáu: 07:30–17:00")


def test_fallbacks_record_the_unanswered_question(services):
    tracker = make_tracker("cấp phép nuôi chó, sdt 0912345678", "nlu_fallback", ranking=[
        {"name": "nlu_fallback", "confidence": 0.5}, {"name": "thank", "confidence": 0.4}])
    run(ActionDefaultAskAffirmation(), tracker, {"responses": {}})
    run(ActionDefaultFallback(), tracker)
    run(ActionDefaultFallback(), make_tracker("/out_of_scope", "out_of_scope"))
    [(example, count, _, _)] = services.unanswered.most_frequent()
    assert count == 2 and "0912345678" not in example
