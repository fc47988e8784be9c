"""Dossier status: points to the official lookup until a provider is connected."""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import deps


class ActionDossierStatus(Action):
    def name(self) -> Text:
        return "action_dossier_status"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        portal_url = deps.services().province.portal_url
        dispatcher.utter_message(response="utter_dossier_lookup_official", portal_url=portal_url)
        return []
