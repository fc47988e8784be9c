"""Human contact: hotline, one-stop centre and opening hours of the province."""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

import datetime as dt

from actions import deps
from bot.knowledge.contact import contact_values
from bot.knowledge.hours import opening_status
from bot.knowledge.model import WEEKDAYS


class ActionHumanContact(Action):
    def name(self) -> Text:
        return "action_human_contact"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        tell_contact(dispatcher, deps.services())
        return []


def tell_contact(dispatcher: CollectingDispatcher, services: deps.Services) -> None:
    """Hotline, one-stop centre and whether it is open now (or when it reopens)."""
    values = contact_values(services.province, services.vocabulary)
    response = "utter_human_contact" if services.province.hotline else "utter_human_contact_no_hotline"
    dispatcher.utter_message(response=response, **values)
    hours = services.province.one_stop_centres[0].opening_hours
    status = opening_status(hours, dt.datetime.now(dt.timezone.utc))
    if status.open_now:
        dispatcher.utter_message(response="utter_centre_open_now")
    elif status.next_opening:
        weekday = services.vocabulary["weekdays"][WEEKDAYS[status.next_opening.weekday()]]
        dispatcher.utter_message(response="utter_centre_closed",
                                 reopens=f"{status.next_opening:%H:%M} {weekday} {status.next_opening:%d/%m}")
    dispatcher.utter_message(response="utter_offer_callback")
