"""Guided self-filing: one step per message; the citizen does every action."""

from __future__ import annotations

import datetime as dt
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import deps
from actions.contact import tell_contact
from actions.procedures import procedure_in_question
from bot.knowledge.model import Procedure
from bot.text.normalize import default_lexicon
from bot.volunteers.checklist import checklist_path
from bot.volunteers.walkthrough import FINISHED, NEED_STAFF, SHOW_PROBLEMS, STOPPED, WalkState, Walkthrough

#: what each intent means inside a walkthrough (typed "xong" is affirm, "chưa được" deny)
_REPLIES = {"guide_done": "done", "affirm": "done", "guide_stuck": "stuck", "deny": "stuck",
            "guide_back": "back", "guide_repeat": "repeat", "guide_stop": "stop", "goodbye": "stop"}


def _channel(tracker: Tracker) -> str:
    return tracker.get_latest_input_channel() or "unknown"


def _int_slot(tracker: Tracker, name: str) -> Optional[int]:
    value = tracker.get_slot(name)
    try:
        return None if value is None else int(float(value))
    except (TypeError, ValueError):
        return None


def _step_values(services: deps.Services, procedure: Procedure, step: int) -> Dict[str, str]:
    values = services.formatter.values(procedure)
    values.update(services.guide.values(step, values))
    values["checklist_url"] = f"{services.settings.public_web_url}/{checklist_path(procedure.id)}"
    return values


def _show_step(dispatcher: CollectingDispatcher, values: Dict[str, str], volunteer: Optional[str]) -> None:
    dispatcher.utter_message(response="utter_guide_step_volunteer" if volunteer else "utter_guide_step", **values)


class ActionGuideStart(Action):
    def name(self) -> Text:
        return "action_guide_start"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        services = deps.services()
        procedure, buttons = procedure_in_question(tracker, services, "start_guided_filing")
        if procedure is None:
            dispatcher.utter_message(response="utter_guide_ask_procedure", buttons=buttons)
            return []
        values = _step_values(services, procedure, 0)
        if procedure.online.level == "truc-tiep":
            dispatcher.utter_message(response="utter_guide_not_online", **values)
            return [SlotSet("procedure", procedure.id)]
        volunteer = tracker.get_slot("volunteer_code")
        session_id = services.assistance.start(_channel(tracker), procedure.id, volunteer,
                                               dt.datetime.now(dt.timezone.utc))
        dispatcher.utter_message(response="utter_guide_intro_volunteer" if volunteer else "utter_guide_intro",
                                 volunteer_code=volunteer or "", **values)
        _show_step(dispatcher, values, volunteer)
        return [SlotSet("procedure", procedure.id), SlotSet("guide_session", session_id),
                SlotSet("guide_active", True), SlotSet("guide_step", 0), SlotSet("guide_stuck_at", None),
                SlotSet("guide_rated", False)]


class ActionGuideReply(Action):
    def name(self) -> Text:
        return "action_guide_reply"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        services = deps.services()
        session_id = tracker.get_slot("guide_session")
        procedure = services.store.get(tracker.get_slot("procedure") or "")
        message = tracker.latest_message or {}
        intent = (message.get("intent") or {}).get("name")
        if not tracker.get_slot("guide_active") or not session_id or procedure is None:
            dispatcher.utter_message(response="utter_guide_not_active")
            return [SlotSet("guide_active", False)]
        state = WalkState(_int_slot(tracker, "guide_step") or 0, _int_slot(tracker, "guide_stuck_at"))
        reply = services.guide.typed_reply(message.get("text") or "", default_lexicon()) or _REPLIES.get(intent)
        if reply is None:
            dispatcher.utter_message(response="utter_guide_unclear")
            _show_step(dispatcher, _step_values(services, procedure, state.step), tracker.get_slot("volunteer_code"))
            return [SlotSet("guide_active", True)]
        walk = Walkthrough(len(services.guide.steps))
        state, shown = walk.reply(state, reply)
        values = _step_values(services, procedure, state.step)
        volunteer = tracker.get_slot("volunteer_code")
        events: List[Dict[Text, Any]] = [SlotSet("guide_step", state.step), SlotSet("guide_stuck_at", state.stuck_at),
                                         SlotSet("guide_active", shown not in (FINISHED, NEED_STAFF, STOPPED))]
        if shown in (FINISHED, NEED_STAFF, STOPPED):
            outcome = {FINISHED: "filed_themselves", NEED_STAFF: "needed_staff", STOPPED: "gave_up"}[shown]
            if shown == FINISHED:
                services.assistance.reached(session_id, state.step + 1)
            services.assistance.finish(session_id, outcome)
            dispatcher.utter_message(response=f"utter_guide_{shown}", **values)
            if shown == NEED_STAFF:
                tell_contact(dispatcher, services)
            dispatcher.utter_message(response="utter_ask_rating")
            return events
        services.assistance.reached(session_id, state.step)
        if shown == SHOW_PROBLEMS:
            dispatcher.utter_message(response="utter_guide_problems", **values)
        else:
            _show_step(dispatcher, values, volunteer)
        return events


class ActionGuideTypedReply(ActionGuideReply):
    """The same reply, typed during a walkthrough ("xong", "chưa được"): its rules state whether it goes on."""

    def name(self) -> Text:
        return "action_guide_typed_reply"


class ActionRate(Action):
    """A 1–5 rating: of the guided session just finished, else of the conversation."""

    def name(self) -> Text:
        return "action_rate"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        services = deps.services()
        rating = _int_slot(tracker, "rating")
        if rating is None or not 1 <= rating <= 5:
            dispatcher.utter_message(response="utter_ask_rating")
            return [SlotSet("rating", None)]
        session_id = tracker.get_slot("guide_session")
        if session_id and not tracker.get_slot("guide_rated"):
            services.assistance.rate(session_id, rating)
        else:
            services.assistance.rate_conversation(_channel(tracker), rating, dt.datetime.now(dt.timezone.utc))
        dispatcher.utter_message(response="utter_rating_low" if rating <= 2 else "utter_rating_thanks")
        return [SlotSet("rating", None), SlotSet("guide_rated", True), SlotSet("guide_session", None)]
