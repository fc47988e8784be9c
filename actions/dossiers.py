"""Dossier lookup: identity check, status, follow-ups, payment; pasted-link check."""

from __future__ import annotations

import datetime as dt
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import deps
from actions.forms import CANCEL_INTENTS, interrupted
from bot.dossiers.gateway import GatewayUnavailable
from bot.dossiers.model import Dossier
from bot.dossiers.status import Answer, due_answers, payment_answers, status_answers
from bot.dossiers.verification import Outcome
from bot.knowledge.contact import contact_values
from bot.text.dossier_code import find_dossier_codes

FORM = "dossier_lookup_form"
_RESET = [SlotSet("dossier_code", None), SlotSet("phone_last4", None)]


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def _say(dispatcher: CollectingDispatcher, answers: List[Answer]) -> None:
    for answer in answers:
        dispatcher.utter_message(response=answer.response, **answer.values)


def _unavailable(dispatcher: CollectingDispatcher, error: GatewayUnavailable) -> None:
    """The same answer for every provider failure (the gateway has logged the cause)."""
    services = deps.services()
    dispatcher.utter_message(response="utter_dossier_unavailable",
                             **contact_values(services.province, services.vocabulary))


class ActionDossierStart(Action):
    """Refuses at once while the sender is locked out; otherwise opens the form."""

    def name(self) -> Text:
        return "action_dossier_start"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        if deps.services().verifier.is_locked(tracker.sender_id, _now()):
            dispatcher.utter_message(response="utter_dossier_locked")
            return _RESET
        return [FollowupAction(FORM)]


#: "thôi" also leaves the lookup (a code or four digits are never read as a no)
_LEAVE = CANCEL_INTENTS | {"deny"}


class ValidateDossierLookupForm(FormValidationAction):
    def name(self) -> Text:
        return "validate_dossier_lookup_form"

    async def required_slots(self, domain_slots: List[Text], dispatcher: CollectingDispatcher, tracker: Tracker,
                             domain: Dict[Text, Any]) -> List[Text]:
        return [] if tracker.get_slot("form_cancelled") else domain_slots

    def validate_dossier_code(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                              domain: Dict[Text, Any]) -> Dict[Text, Any]:
        stop = interrupted("dossier_code", dispatcher, tracker, cancel=_LEAVE)
        if stop is not None:
            return stop
        found = find_dossier_codes(str(value or ""))
        if found:
            return {"dossier_code": found[0].value}
        dispatcher.utter_message(response="utter_dossier_code_invalid")
        return {"dossier_code": None}

    def validate_phone_last4(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                             domain: Dict[Text, Any]) -> Dict[Text, Any]:
        stop = interrupted("phone_last4", dispatcher, tracker, cancel=_LEAVE)
        if stop is not None:
            return stop
        digits = "".join(ch for ch in str(value or "") if ch.isdigit())
        if len(digits) == 4:
            return {"phone_last4": digits}
        dispatcher.utter_message(response="utter_phone_last4_invalid")
        return {"phone_last4": None}


class ActionDossierLookup(Action):
    def name(self) -> Text:
        return "action_dossier_lookup"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        if tracker.get_slot("form_cancelled"):  # left the form: no check, no failed attempt counted
            dispatcher.utter_message(response="utter_dossier_cancelled")
            return _RESET + [SlotSet("form_cancelled", None)]
        services = deps.services()
        code = tracker.get_slot("dossier_code") or ""
        digits = tracker.get_slot("phone_last4") or ""
        now = _now()
        if services.verifier.is_locked(tracker.sender_id, now):
            dispatcher.utter_message(response="utter_dossier_locked")
            return _RESET
        try:
            dossier = services.dossiers.get(code) if code else None
        except GatewayUnavailable as error:
            _unavailable(dispatcher, error)
            return _RESET
        result = services.verifier.check(tracker.sender_id, dossier, digits, now)
        if result.outcome is Outcome.LOCKED:
            dispatcher.utter_message(response="utter_dossier_locked")
            return _RESET
        if result.outcome is Outcome.FAILED:
            dispatcher.utter_message(response="utter_dossier_not_verified")
            return _RESET
        verified: Dossier = result.dossier
        _say(dispatcher, status_answers(verified, now))
        if verified.fee.amount and not verified.fee.paid:
            _say(dispatcher, payment_answers(verified, services.payments, services.province.portal_url))
        return _RESET + [SlotSet("verified_dossier", verified.code)]


class ActionDossierFollowup(Action):
    """ "Khi nào có kết quả?", "Nộp phí ở đâu?" about the dossier verified earlier."""

    def name(self) -> Text:
        return "action_dossier_followup"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        services = deps.services()
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        code: Optional[str] = tracker.get_slot("verified_dossier")
        if not code:
            if intent == "ask_dossier_payment":
                dispatcher.utter_message(response="utter_pay_safely", portal_url=services.province.portal_url)
                return []
            return [FollowupAction("action_dossier_start")]
        try:
            dossier = services.dossiers.get(code)
        except GatewayUnavailable as error:
            _unavailable(dispatcher, error)
            return []
        if dossier is None:
            dispatcher.utter_message(response="utter_dossier_not_verified")
            return [SlotSet("verified_dossier", None)]
        if intent == "ask_dossier_payment":
            _say(dispatcher, payment_answers(dossier, services.payments, services.province.portal_url))
        else:
            _say(dispatcher, due_answers(dossier, _now()))
        return []


class ActionCheckLink(Action):
    """Says whether a pasted link is on an official domain; never opens it."""

    def name(self) -> Text:
        return "action_check_link"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        policy = deps.services().payments
        checks = policy.links_in(tracker.latest_message.get("text") or "")
        if not checks:
            dispatcher.utter_message(response="utter_link_missing")
            return []
        for check in checks:
            if check.official:
                dispatcher.utter_message(response="utter_link_official", host=check.host)
            else:
                dispatcher.utter_message(response="utter_link_not_official", host=check.host or check.url[:60])
        return []
