"""Human contact: hotline, one-stop centre and opening hours of the province."""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import deps
from bot.knowledge.contact import contact_values


class ActionHumanContact(Action):
    def name(self) -> Text:
        return "action_human_contact"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        services = deps.services()
        values = contact_values(services.province, services.vocabulary)
        response = "utter_human_contact" if services.province.hotline else "utter_human_contact_no_hotline"
        dispatcher.utter_message(response=response, **values)
        return []
