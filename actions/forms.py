"""What every form does with a message that is not an answer to its question."""

from __future__ import annotations

from typing import Any, Dict, Iterable, Optional, Text

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher


def latest_intent(tracker: Tracker) -> Optional[str]:
    return ((tracker.latest_message or {}).get("intent") or {}).get("name")


#: leaving a form: the "Hủy" button, or saying goodbye
CANCEL_INTENTS = {"cancel_form", "goodbye"}
#: messages the input guard could not read: answered with its response, then the question again
_UNREADABLE = {"no_text_content": "utter_no_text_content", "message_too_long": "utter_message_too_long"}


def interrupted(slot: Text, dispatcher: CollectingDispatcher, tracker: Tracker,
                cancel: Iterable[Text] = CANCEL_INTENTS) -> Optional[Dict[Text, Any]]:
    """Slot values when the answer to a form's question is a cancel or unreadable, else None."""
    intent = latest_intent(tracker)
    if intent in cancel:
        return {slot: None, "form_cancelled": True}
    if intent in _UNREADABLE:
        dispatcher.utter_message(response=_UNREADABLE[intent])
        return {slot: None}
    return None
