"""Guided self-filing, volunteer mode and ratings, against fake services (no model, no server)."""

import asyncio

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.guide import ActionGuideReply, ActionGuideStart, ActionRate
from actions.volunteer import ActionVolunteerReady, ValidateVolunteerForm
from tests.actions.conftest import make_tracker, run


def slots_of(events):
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


def responses(messages):
    return [m["response"] for m in messages]


def walk(services, replies, slots):
    """Send ``replies`` (intents) one by one, carrying the slots along like Rasa does."""
    seen = []
    for intent in replies:
        messages, events = run(ActionGuideReply(), make_tracker("", intent=intent, slots=dict(slots)))
        slots.update(slots_of(events))
        seen.append((responses(messages), messages))
    return seen


def start(services, text="hướng dẫn tôi tự nộp đăng ký tạm trú", entities=(), slots=None):
    tracker = make_tracker(text, intent="start_guided_filing", entities=entities, slots=slots or {})
    messages, events = run(ActionGuideStart(), tracker)
    return messages, {**(slots or {}), **slots_of(events)}


def test_start_names_the_procedure_and_shows_step_one_with_buttons(services):
    messages, slots = start(services, entities=[{"entity": "procedure", "value": "dang-ky-tam-tru"}])
    assert responses(messages) == ["utter_guide_intro", "utter_guide_step"]
    assert messages[1]["step_number"] == "1" and messages[1]["step_count"] == "8"
    assert slots["guide_active"] is True and slots["guide_step"] == 0 and slots["procedure"] == "dang-ky-tam-tru"
    session = services.assistance.all()[0]
    assert session.procedure_code == "dang-ky-tam-tru" and session.volunteer_code is None


def test_start_without_a_procedure_asks_which_one(services):
    messages, slots = start(services, text="hướng dẫn tôi tự nộp hồ sơ trực tuyến")
    assert responses(messages) == ["utter_guide_ask_procedure"]
    assert "guide_active" not in slots and services.assistance.all() == []


def test_start_with_a_vague_name_offers_choices_that_restart_the_walkthrough(services):
    messages, _ = start(services, text="huong dan tu nop tam tru")
    payloads = [b["payload"] for b in messages[0].get("buttons", [])]
    assert responses(messages) == ["utter_guide_ask_procedure"] or "utter_guide_intro" in responses(messages)
    if payloads:
        assert '/start_guided_filing{"procedure": "dang-ky-tam-tru"}' in payloads


def test_a_full_walkthrough_is_logged_as_filed_and_rated(services):
    _, slots = start(services, slots={"procedure": "dang-ky-tam-tru"})
    seen = walk(services, ["guide_done"] * 7, slots)
    assert [s[1][0]["step_number"] for s in seen] == [str(n) for n in range(2, 9)]
    final = walk(services, ["affirm"], slots)[0][0]
    assert final == ["utter_guide_finished", "utter_ask_rating"]
    assert slots["guide_active"] is False
    session = services.assistance.all()[0]
    assert session.outcome == "filed_themselves" and session.furthest_step == 8
    messages, events = run(ActionRate(), make_tracker("", intent="rate_session", slots={**slots, "rating": "5"}))
    assert responses(messages) == ["utter_rating_thanks"]
    assert services.assistance.all()[0].rating == 5
    assert services.assistance.ratings() == []


def test_stuck_shows_problems_then_staff_and_logs_needed_staff(services):
    _, slots = start(services, slots={"procedure": "dang-ky-tam-tru"})
    walk(services, ["guide_done"], slots)
    problems, staff = walk(services, ["guide_stuck", "deny"], slots)
    assert problems[0] == ["utter_guide_problems"]
    assert "OTP" in problems[1][0]["step_problems"]
    assert staff[0][0] == "utter_guide_need_staff" and "utter_human_contact" in staff[0]
    assert staff[0][-2:] == ["utter_offer_callback", "utter_ask_rating"]
    session = services.assistance.all()[0]
    assert session.outcome == "needed_staff" and session.furthest_step == 1


def test_back_and_repeat_and_stop(services):
    _, slots = start(services, slots={"procedure": "dang-ky-tam-tru"})
    walk(services, ["guide_done", "guide_done"], slots)
    back = walk(services, ["guide_back"], slots)[0]
    assert back[1][0]["step_number"] == "2"
    again = walk(services, ["guide_repeat"], slots)[0]
    assert again[1][0]["step_number"] == "2"
    stopped = walk(services, ["goodbye"], slots)[0]
    assert stopped[0] == ["utter_guide_stopped", "utter_ask_rating"]
    session = services.assistance.all()[0]
    assert session.outcome == "gave_up" and session.furthest_step == 2


def test_buttons_after_the_walkthrough_ended_say_so(services):
    messages, events = run(ActionGuideReply(), make_tracker("", intent="guide_done", slots={"guide_active": False}))
    assert responses(messages) == ["utter_guide_not_active"]


def test_a_procedure_filed_only_in_person_has_no_walkthrough(services):
    services.store.sync([services.store.get("dang-ky-tam-tru").copy(
        update={"online": services.store.get("dang-ky-tam-tru").online.copy(update={"level": "truc-tiep"})})])
    messages, slots = start(services, slots={"procedure": "dang-ky-tam-tru"})
    assert responses(messages) == ["utter_guide_not_online"]
    assert services.assistance.all() == []


def test_volunteer_code_is_checked_and_phrases_the_walkthrough_for_a_volunteer(services):
    form = ValidateVolunteerForm()
    dispatcher = CollectingDispatcher()
    tracker = make_tracker("tôi là tình nguyện viên, mã tt tnv 01", intent="volunteer_mode")
    extracted = asyncio.run(form.extract_volunteer_code(dispatcher, tracker, {}))
    assert extracted == {"volunteer_code": "TT-TNV-01"}
    assert form.validate_volunteer_code("TT-TNV-01", dispatcher, tracker, {}) == {"volunteer_code": "TT-TNV-01"}
    wrong = form.validate_volunteer_code("XX-99", dispatcher, tracker, {})
    assert wrong == {"volunteer_code": None} and dispatcher.messages[-1]["response"] == "utter_volunteer_code_invalid"
    leaving = make_tracker("thôi", intent="deny", slots={"requested_slot": "volunteer_code"})
    assert asyncio.run(form.extract_volunteer_code(dispatcher, leaving, {})) == {
        "volunteer_code": None, "form_cancelled": True}  # "thôi" leaves; it is not read as a code
    assert form.validate_volunteer_code(None, dispatcher, leaving, {}) == {"volunteer_code": None}
    assert asyncio.run(form.required_slots(["volunteer_code"], dispatcher,
                                           make_tracker(slots={"form_cancelled": True}), {})) == []
    left, events = run(ActionVolunteerReady(), make_tracker("", slots={"form_cancelled": True}))
    assert responses(left) == ["utter_acknowledge_deny"] and slots_of(events)["form_cancelled"] is None
    messages, _ = run(ActionVolunteerReady(), make_tracker("", slots={"volunteer_code": "TT-TNV-01"}))
    assert responses(messages) == ["utter_volunteer_ready"]
    assert any("dang-ky-tam-tru" in b["payload"] for b in messages[0]["buttons"])

    started, slots = start(services, slots={"procedure": "dang-ky-tam-tru", "volunteer_code": "TT-TNV-01"})
    assert responses(started) == ["utter_guide_intro_volunteer", "utter_guide_step_volunteer"]
    assert started[0]["checklist_url"].endswith("/checklists/dang-ky-tam-tru.html")
    assert started[1]["volunteer_tip"]
    assert services.assistance.all()[0].volunteer_code == "TT-TNV-01"


def test_a_rating_outside_a_walkthrough_is_stored_anonymously(services):
    messages, events = run(ActionRate(), make_tracker("", intent="rate_session", slots={"rating": "2"}))
    assert responses(messages) == ["utter_rating_low"]
    ratings = services.assistance.ratings()
    assert [r.rating for r in ratings] == [2] and ratings[0].channel == "unknown"
    messages, _ = run(ActionRate(), make_tracker("", intent="rate_session", slots={"rating": "9"}))
    assert responses(messages) == ["utter_ask_rating"] and len(services.assistance.ratings()) == 1


def test_typed_replies_move_the_walkthrough_and_unclear_ones_repeat_the_step(services):
    _, slots = start(services, slots={"procedure": "dang-ky-tam-tru"})
    for text, intent, expected in [("xong rồi ạ", "nlu_fallback", "2"), ("dc roi", "affirm", "3"),
                                   ("quay lai", "guide_back", "2")]:
        messages, events = run(ActionGuideReply(), make_tracker(text, intent=intent, slots=dict(slots)))
        slots.update(slots_of(events))
        assert messages[-1]["step_number"] == expected, text
    messages, events = run(ActionGuideReply(), make_tracker("ko dc", intent="nlu_fallback", slots=dict(slots)))
    slots.update(slots_of(events))
    assert responses(messages) == ["utter_guide_problems"]
    messages, events = run(ActionGuideReply(), make_tracker("🙂🙂", intent="nlu_fallback", slots=dict(slots)))
    assert responses(messages) == ["utter_guide_unclear", "utter_guide_step"] and slots_of(events) == {"guide_active": True}
