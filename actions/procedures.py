"""Answers about a procedure: papers, fee, time, where, online, legal basis."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Text, Tuple

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import deps
from bot.knowledge.answers import split_lines
from bot.knowledge.model import Procedure
from bot.knowledge.resolve import question_kind, resolve_procedure

#: The values whose text may be long enough to need several messages.
_LONG_VALUES = {"documents": "documents", "online": "online_steps", "fee": "fees"}


def _linked_ids(latest_message: Dict[Text, Any]) -> List[Text]:
    return [
        str(entity.get("value"))
        for entity in latest_message.get("entities") or []
        if entity.get("entity") == "procedure" and entity.get("value")
    ]


def procedure_in_question(tracker: Tracker, services: deps.Services, choice_intent: Text,
                          allow_context: bool = True) -> Tuple[Optional[Procedure], List[Dict[Text, Any]]]:
    """The procedure the latest message is about (linked, named, or from the conversation).

    When it is not certain: no procedure, and buttons for the likely candidates
    whose payload sends ``choice_intent`` with the procedure chosen.
    """
    message = tracker.latest_message or {}
    resolution = resolve_procedure(_linked_ids(message), tracker.get_slot("procedure"), message.get("text") or "",
                                   services.index, allow_context=allow_context)
    procedure = services.store.get(resolution.procedure_id) if resolution.procedure_id else None
    if procedure is not None:
        return procedure, []
    return None, [{"title": c.name, "payload": f'/{choice_intent}{{"procedure": "{c.id}"}}'}
                  for c in resolution.candidates]


class ActionAnswerProcedure(Action):
    def name(self) -> Text:
        return "action_answer_procedure"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        services = deps.services()
        message = tracker.latest_message or {}
        intent = (message.get("intent") or {}).get("name")
        kind = question_kind(intent, tracker.get_slot("question_kind"))
        procedure, buttons = procedure_in_question(tracker, services, "inform", allow_context=intent != "inform")
        if procedure is None:
            if buttons:
                dispatcher.utter_message(response="utter_ask_which_procedure", buttons=buttons)
            else:
                dispatcher.utter_message(response="utter_ask_procedure_name")
            return [SlotSet("question_kind", kind)]

        values = services.formatter.values(procedure)
        rest: List[str] = []
        long_key = _LONG_VALUES.get(kind)
        if long_key:
            chunks = split_lines(values[long_key].split("\n"))
            values[long_key], rest = chunks[0], chunks[1:]
        dispatcher.utter_message(response=f"utter_procedure_{kind}", **values)
        for chunk in rest:
            dispatcher.utter_message(response="utter_procedure_continued", part=chunk)
        if kind == "documents" and values["not_required"]:
            dispatcher.utter_message(response="utter_procedure_not_required", **values)
        if procedure.needs_confirmation:
            dispatcher.utter_message(response="utter_procedure_caution", **values)
        if kind == "online" and procedure.online.level != "truc-tiep":
            dispatcher.utter_message(response="utter_offer_guide")
        return [SlotSet("procedure", procedure.id), SlotSet("question_kind", None)]
