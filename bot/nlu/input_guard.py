"""Last NLU step: unreadable messages get an intent of their own, not a guess."""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.text.guard import MAX_MESSAGE_CHARS, unreadable_reason


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False
)
class InputGuard(GraphComponent):
    """Sets ``no_text_content`` (empty, only emoji or punctuation) or
    ``message_too_long``, with full confidence, over whatever was predicted."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"max_chars": MAX_MESSAGE_CHARS}

    def __init__(self, config: Dict[Text, Any]) -> None:
        self._config = {**self.get_default_config(), **config}

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "InputGuard":
        return cls(config)

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            reason = unreadable_reason(message.get(TEXT), self._config["max_chars"])
            if reason is None:
                continue
            prediction = {"name": reason, "confidence": 1.0}
            ranking = [prediction] + [
                r for r in message.get(INTENT_RANKING_KEY) or [] if r.get("name") != reason
            ]
            message.set(INTENT, prediction, add_to_output=True)
            message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
        return messages
