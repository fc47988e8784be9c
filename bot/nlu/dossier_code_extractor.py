"""Dossier-code entity extractor: ``bot.text.dossier_code`` as a Rasa component."""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu.marking import mark_tokens
from bot.text.dossier_code import find_dossier_codes


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER],
    is_trainable=False,
)
class DossierCodeExtractor(GraphComponent, EntityExtractorMixin):
    """Emits ``dossier_code`` entities with the canonical code as value.

    "000.31.35.h12 - 251103 - 0042" → ``000.31.35.H12-251103-0042``. Like the
    procedure linker, it marks the code's first token with ``marker`` so the
    featurizers see one "__dossier_code__" instead of digits.
    """

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"entity": "dossier_code", "marker": "__dossier_code__"}

    def __init__(self, config: Dict[Text, Any]) -> None:
        self._config = {**self.get_default_config(), **config}

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "DossierCodeExtractor":
        return cls(config)

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        for message in training_data.training_examples:
            if message.get(TEXT):
                spans = [(m.start, m.end) for m in find_dossier_codes(message.get(TEXT))]
                mark_tokens(message, spans, self._config["marker"])
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            found = find_dossier_codes(message.get(TEXT) or "")
            mark_tokens(message, [(m.start, m.end) for m in found], self._config["marker"])
            entities = [
                {
                    "entity": self._config["entity"],
                    "start": match.start,
                    "end": match.end,
                    "value": match.value,
                    "confidence": 1.0,
                }
                for match in found
            ]
            message.set(
                ENTITIES,
                message.get(ENTITIES, []) + self.add_extractor_name(entities),
                add_to_output=True,
            )
        return messages
