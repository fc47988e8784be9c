"""Call-back requests and complaints ("phản ánh, kiến nghị"): consent first, contact stored only then.

The phone number is read and stored at the moment the citizen types it; the
slot only records that it was saved, so the number never travels on in the
conversation (and the tracker store redacts the message itself).
"""

from __future__ import annotations

import datetime as dt
from abc import abstractmethod
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import deps
from actions.forms import interrupted, latest_intent
from bot.knowledge.contact import contact_values
from bot.volunteers.contact import find_phone

SAVED = "saved"
_MAX_TEXT = 2000


def _text(value: Any) -> Optional[str]:
    text = " ".join(str(value or "").split())
    return text[:_MAX_TEXT] if text and not text.startswith("/") else None


def _consent(slot: Text, dispatcher: CollectingDispatcher, tracker: Tracker) -> Dict[Text, Any]:
    """Consent is a yes or a no; anything else asks again (nothing is stored meanwhile)."""
    stop = interrupted(slot, dispatcher, tracker)
    if stop is not None:
        return stop
    intent = latest_intent(tracker)
    if intent in ("affirm", "deny"):
        return {slot: intent == "affirm"}
    dispatcher.utter_message(response="utter_consent_unclear")
    return {slot: None}


def _free_text(slot: Text, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker) -> Dict[Text, Any]:
    stop = interrupted(slot, dispatcher, tracker)
    return stop if stop is not None else {slot: _text(value)}


def _save_with_contact(kind: str, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, question: str,
                       invalid: str, subject: str = "", without_contact: bool = False) -> Dict[Text, Any]:
    """Store the request the moment a valid phone number (or an allowed "no contact") is typed."""
    slot = f"{kind}_contact"
    if value == SAVED:
        return {slot: SAVED}
    stop = interrupted(slot, dispatcher, tracker)
    if stop is not None:
        return stop
    phone = find_phone(str(value or ""))
    if phone is None and not without_contact:
        dispatcher.utter_message(response=invalid)
        return {slot: None}
    request_id = deps.services().callbacks.submit(kind, question, phone or "", consent=True,
                                                  now=dt.datetime.now(dt.timezone.utc), subject=subject)
    return {slot: SAVED, "feedback_reference": request_id[:8]}


class _ConsentFirstForm(FormValidationAction):
    """Asks for consent first; without it (or once cancelled) the form ends at once."""

    kind = ""

    @abstractmethod
    def name(self) -> Text:
        """Abstract, so that the action server registers only the two forms."""

    async def required_slots(self, domain_slots: List[Text], dispatcher: CollectingDispatcher, tracker: Tracker,
                             domain: DomainDict) -> List[Text]:
        if tracker.get_slot("form_cancelled"):
            return []
        return [f"{self.kind}_consent"] if tracker.get_slot(f"{self.kind}_consent") is False else domain_slots


class ValidateCallbackForm(_ConsentFirstForm):
    kind = "callback"

    def name(self) -> Text:
        return "validate_callback_form"

    def validate_callback_consent(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                                  domain: DomainDict) -> Dict[Text, Any]:
        return _consent("callback_consent", dispatcher, tracker)

    def validate_callback_question(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                                   domain: DomainDict) -> Dict[Text, Any]:
        return _free_text("callback_question", value, dispatcher, tracker)

    def validate_callback_contact(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                                  domain: DomainDict) -> Dict[Text, Any]:
        return _save_with_contact("callback", value, dispatcher, tracker, tracker.get_slot("callback_question") or "",
                                  invalid="utter_contact_invalid")


class ValidateComplaintForm(_ConsentFirstForm):
    kind = "complaint"

    def name(self) -> Text:
        return "validate_complaint_form"

    def validate_complaint_consent(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                                   domain: DomainDict) -> Dict[Text, Any]:
        return _consent("complaint_consent", dispatcher, tracker)

    def validate_complaint_text(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                                domain: DomainDict) -> Dict[Text, Any]:
        return _free_text("complaint_text", value, dispatcher, tracker)

    def validate_complaint_subject(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                                   domain: DomainDict) -> Dict[Text, Any]:
        return _free_text("complaint_subject", value, dispatcher, tracker)

    def validate_complaint_contact(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                                   domain: DomainDict) -> Dict[Text, Any]:
        return _save_with_contact("complaint", value, dispatcher, tracker, tracker.get_slot("complaint_text") or "",
                                  invalid="utter_complaint_contact_invalid",
                                  subject=tracker.get_slot("complaint_subject") or "",
                                  without_contact=latest_intent(tracker) == "deny")


class ActionAskConsent(Action):
    """Asks for consent, naming how long the details are kept (CALLBACK_RETENTION_DAYS)."""

    kind = "callback"

    def name(self) -> Text:
        return f"action_ask_{self.kind}_consent"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        days = str(deps.services().settings.callback_retention_days)
        dispatcher.utter_message(response=f"utter_ask_{self.kind}_consent", retention_days=days)
        return []


class ActionAskComplaintConsent(ActionAskConsent):
    kind = "complaint"


class ActionFeedbackDone(Action):
    """After either form: what was stored (or that nothing was) and the official channel."""

    def name(self) -> Text:
        return "action_feedback_done"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        services = deps.services()
        values = contact_values(services.province, services.vocabulary)
        values["retention_days"] = str(services.settings.callback_retention_days)
        values["reference"] = tracker.get_slot("feedback_reference") or ""
        if tracker.get_slot("form_cancelled"):
            dispatcher.utter_message(response="utter_form_cancelled")
        else:
            kind = "complaint" if tracker.get_slot("complaint_consent") is not None else "callback"
            stored = tracker.get_slot(f"{kind}_contact") == SAVED
            dispatcher.utter_message(response=f"utter_{kind}_{'saved' if stored else 'not_saved'}", **values)
        slots = ["callback_consent", "callback_question", "callback_contact", "complaint_consent", "complaint_text",
                 "complaint_subject", "complaint_contact", "feedback_reference", "form_cancelled"]
        return [SlotSet(slot, None) for slot in slots]
