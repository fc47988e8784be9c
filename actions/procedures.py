"""Answers about a procedure: papers, fee, time, where, online, legal basis."""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import deps
from bot.knowledge.answers import split_lines
from bot.knowledge.resolve import question_kind, resolve_procedure

#: The values whose text may be long enough to need several messages.
_LONG_VALUES = {"documents": "documents", "online": "online_steps", "fee": "fees"}


def linked_ids(latest_message: Dict[Text, Any]) -> List[Text]:
    return [
        str(entity.get("value"))
        for entity in latest_message.get("entities") or []
        if entity.get("entity") == "procedure" and entity.get("value")
    ]


class ActionAnswerProcedure(Action):
    def name(self) -> Text:
        return "action_answer_procedure"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        services = deps.services()
        message = tracker.latest_message or {}
        intent = (message.get("intent") or {}).get("name")
        kind = question_kind(intent, tracker.get_slot("question_kind"))
        resolution = resolve_procedure(
            linked_ids(message),
            tracker.get_slot("procedure"),
            message.get("text") or "",
            services.index,
            allow_context=intent != "inform",
        )
        procedure = services.store.get(resolution.procedure_id) if resolution.procedure_id else None
        if procedure is None:
            if resolution.candidates:
                buttons = [
                    {"title": c.name, "payload": f'/inform{{"procedure": "{c.id}"}}'}
                    for c in resolution.candidates
                ]
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
