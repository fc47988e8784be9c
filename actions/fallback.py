"""Two-stage fallback in Vietnamese, ending in an offer of human contact."""

from __future__ import annotations

from typing import Any, Dict, List, Text

import datetime as dt

from rasa_sdk import Action, Tracker
from rasa_sdk.events import UserUtteranceReverted
from rasa_sdk.executor import CollectingDispatcher

from actions import deps

NLU_FALLBACK = "nlu_fallback"


def record_unanswered(tracker: Tracker) -> None:
    """Keep the question (redacted, counted) for knowledge-base maintainers."""
    text = (tracker.latest_message or {}).get("text") or ""
    if text and not text.startswith("/"):
        deps.services().unanswered.record(text, dt.datetime.now(dt.timezone.utc))


def intent_to_affirm(latest_message: Dict[Text, Any]) -> Text:
    intent = (latest_message.get("intent") or {}).get("name")
    ranking = latest_message.get("intent_ranking") or []
    if intent == NLU_FALLBACK and len(ranking) > 1:
        intent = ranking[1].get("name")
    return intent or ""


class ActionDefaultAskAffirmation(Action):
    """First stage of the fallback: the procedures the knowledge-base search finds
    in the message, if any; otherwise "Có phải Anh/Chị muốn hỏi ...?" with the
    best-guess intent."""

    def name(self) -> Text:
        return "action_default_ask_affirmation"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        record_unanswered(tracker)
        text = (tracker.latest_message or {}).get("text") or ""
        candidates = deps.services().index.search(text) if not text.startswith("/") else []
        if candidates:
            buttons = [{"title": c.name, "payload": f'/inform{{"procedure": "{c.id}"}}'} for c in candidates]
            dispatcher.utter_message(response="utter_ask_which_procedure", buttons=buttons)
            return []
        response = f"utter_ask_affirmation_{intent_to_affirm(tracker.latest_message)}"
        if response not in (domain.get("responses") or {}):
            response = "utter_ask_affirmation"
        dispatcher.utter_message(response=response)
        return []


class ActionDefaultFallback(Action):
    """After the second failure: apologise and offer a human."""

    def name(self) -> Text:
        return "action_default_fallback"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        record_unanswered(tracker)
        dispatcher.utter_message(response="utter_offer_human")
        return [UserUtteranceReverted()]
