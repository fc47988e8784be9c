"""Volunteer mode: a youth volunteer enters their centre's code (no personal data)."""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import deps
from actions.forms import CANCEL_INTENTS, interrupted
from bot.knowledge.model import volunteer_key

#: intents that leave the form instead of being read as a code ("thôi", goodbye, "Hủy", asking for staff)
_LEAVE = CANCEL_INTENTS | {"deny", "request_human"}


class ValidateVolunteerForm(FormValidationAction):
    def name(self) -> Text:
        return "validate_volunteer_form"

    async def extract_volunteer_code(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                     domain: DomainDict) -> Dict[Text, Any]:
        message = tracker.latest_message or {}
        if tracker.get_slot("requested_slot") == "volunteer_code":
            stop = interrupted("volunteer_code", dispatcher, tracker, cancel=_LEAVE)
            if stop is not None:
                return stop
        text = message.get("text") or ""
        if text.startswith("/"):  # another button: not a code; the question is asked again
            return {"volunteer_code": None} if tracker.get_slot("requested_slot") == "volunteer_code" else {}
        province = deps.services().province
        key = volunteer_key(text)
        for centre in province.one_stop_centres:
            for code in centre.volunteer_codes:
                if volunteer_key(code) and volunteer_key(code) in key:
                    return {"volunteer_code": code}
        if tracker.get_slot("requested_slot") == "volunteer_code":
            return {"volunteer_code": text[:64]}
        return {}

    async def required_slots(self, domain_slots: List[Text], dispatcher: CollectingDispatcher, tracker: Tracker,
                             domain: DomainDict) -> List[Text]:
        return [] if tracker.get_slot("form_cancelled") else domain_slots

    def validate_volunteer_code(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                                domain: DomainDict) -> Dict[Text, Any]:
        if value is None:  # nothing to check (left the form, or an unreadable message already answered)
            return {"volunteer_code": None}
        code = deps.services().province.volunteer_code(str(value))
        if code is None:
            dispatcher.utter_message(response="utter_volunteer_code_invalid")
        return {"volunteer_code": code}


class ActionVolunteerReady(Action):
    def name(self) -> Text:
        return "action_volunteer_ready"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        code = tracker.get_slot("volunteer_code")
        if tracker.get_slot("form_cancelled") or not code:
            dispatcher.utter_message(response="utter_acknowledge_deny")
            return [SlotSet("form_cancelled", None), SlotSet("volunteer_code", None)]
        services = deps.services()
        buttons = [{"title": p.name, "payload": f'/start_guided_filing{{"procedure": "{p.id}"}}'}
                   for p in (services.store.get(i) for i in services.guide.shortcuts) if p]
        dispatcher.utter_message(response="utter_volunteer_ready", volunteer_code=code, buttons=buttons)
        return [SlotSet("volunteer_code", code)]
