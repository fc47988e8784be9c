from actions.procedures import ActionAnswerProcedure
from tests.actions.conftest import make_tracker, run


def _linked(value, start=0, end=5):
    return {"entity": "procedure", "value": value, "start": start, "end": end}


def test_documents_for_a_linked_procedure(services):
    messages, events = run(ActionAnswerProcedure(), make_tracker(
        "dang ky khai sinh can giay to gi", "ask_documents", [_linked("dang-ky-khai-sinh")]))
    assert messages[0]["response"] == "utter_procedure_documents"
    assert messages[0]["documents"].startswith("1. Tờ khai đăng ký khai sinh (bản chính)")
    assert messages[1]["response"] == "utter_procedure_not_required"
    assert {"event": "slot", "name": "procedure", "value": "dang-ky-khai-sinh", "timestamp": None} in events


def test_follow_up_uses_the_procedure_in_context(services):
    messages, _ = run(ActionAnswerProcedure(), make_tracker(
        "con le phi?", "ask_fee", slots={"procedure": "dang-ky-tam-tru"}))
    assert messages[0]["response"] == "utter_procedure_fee"
    assert "15.000 đ" in messages[0]["fees"]


def test_switching_procedure(services):
    messages, events = run(ActionAnswerProcedure(), make_tracker(
        "con lam lai can cuoc thi sao", "ask_fee", [_linked("cap-lai-the-can-cuoc")],
        slots={"procedure": "dang-ky-tam-tru"}))
    assert messages[0]["procedure_name"] == "Cấp lại thẻ căn cước"
    assert messages[-1]["response"] == "utter_procedure_caution"  # has facts to confirm
    assert any(e.get("name") == "procedure" and e.get("value") == "cap-lai-the-can-cuoc" for e in events)


def test_missing_procedure_asks_with_candidate_buttons(services):
    messages, events = run(ActionAnswerProcedure(), make_tracker("lam lai can cuoc", "ask_fee"))
    assert messages[0]["response"] in ("utter_ask_which_procedure",)
    payloads = [b["payload"] for b in messages[0]["buttons"]]
    assert '/inform{"procedure": "cap-lai-the-can-cuoc"}' in payloads
    assert {"event": "slot", "name": "question_kind", "value": "fee", "timestamp": None} in events


def test_nothing_found_asks_for_the_name(services):
    messages, _ = run(ActionAnswerProcedure(), make_tracker("cho hoi cai nay", "ask_documents"))
    assert messages == [_only("utter_ask_procedure_name")]


def test_inform_answers_the_pending_question(services):
    messages, events = run(ActionAnswerProcedure(), make_tracker(
        "/inform", "inform", [_linked("dang-ky-tam-tru")], slots={"question_kind": "fee"}))
    assert messages[0]["response"] == "utter_procedure_fee"
    assert {"event": "slot", "name": "question_kind", "value": None, "timestamp": None} in events


def test_unknown_procedure_id_is_not_trusted(services):
    messages, _ = run(ActionAnswerProcedure(), make_tracker(
        '/inform{"procedure": "xoa-database"}', "inform", [_linked("xoa-database")]))
    assert messages[0]["response"] in ("utter_ask_procedure_name", "utter_ask_which_procedure")


def test_long_lists_are_split(services):
    from bot.knowledge.model import Document

    procedure = services.store.get("dang-ky-khai-sinh")
    long = procedure.copy(update={"documents": [
        Document(name=f"Giấy tờ số {i} " + "rất dài " * 20, kind="copy") for i in range(12)]})
    services.store.sync([long] + [p for p in services.store.all() if p.id != long.id])
    messages, _ = run(ActionAnswerProcedure(), make_tracker(
        "giay to", "ask_documents", [_linked("dang-ky-khai-sinh")]))
    continued = [m for m in messages if m["response"] == "utter_procedure_continued"]
    assert continued
    assert all(len(m.get("documents", m.get("part", ""))) <= 900 for m in messages)


def _only(response):
    return {
        "text": None, "buttons": [], "elements": [], "custom": {}, "template": response,
        "response": response, "image": None, "attachment": None,
    }
