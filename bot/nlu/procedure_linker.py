"""Procedure entity linker: knowledge-base aliases → ``procedure`` entities."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
import rasa.shared.utils.io

from bot import PROJECT_ROOT
from bot.knowledge.aliases import alias_table, fingerprint
from bot.nlu.marking import mark_tokens

logger = logging.getLogger(__name__)

PATTERNS_FILE = "procedure_patterns.json"


def _knowledge_dir(config: Dict[Text, Any]) -> Path:
    path = Path(config["knowledge_dir"])
    return path if path.is_absolute() else PROJECT_ROOT / path


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER],
    is_trainable=True,
)
class ProcedureLinker(GraphComponent, EntityExtractorMixin):
    """Emits ``procedure`` entities whose value is the procedure code.

    The alias table is read from ``knowledge_dir`` when the model trains and is
    persisted inside the model: inference never touches the knowledge files or
    a database. Matching is spaCy ``PhraseMatcher`` on folded syllables
    (see ``bot.text.phrases``).

    It also marks the first token of every mention by adding ``marker`` to its
    lemma (training and inference alike), so the count featurizers see
    "__procedure__ can giay to gi" for any of the procedures: the intent
    classifier learns the question, not the 43 procedure names.
    """

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"knowledge_dir": "knowledge/procedures", "entity": "procedure", "marker": "__procedure__"}

    @staticmethod
    def required_packages() -> List[Text]:
        return ["spacy"]

    @classmethod
    def fingerprint_addon(cls, config: Dict[str, Any]) -> Optional[str]:
        merged = {**cls.get_default_config(), **config}
        return fingerprint(_knowledge_dir(merged))

    def __init__(
        self,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        patterns: Optional[Dict[str, List[str]]] = None,
    ) -> None:
        self._config = {**self.get_default_config(), **config}
        self._model_storage = model_storage
        self._resource = resource
        self._patterns: Dict[str, List[str]] = patterns or {}
        self._linker = None

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "ProcedureLinker":
        return cls(config, model_storage, resource)

    @property
    def linker(self):  # -> bot.text.phrases.PhraseLinker
        if self._linker is None:
            from bot.text.phrases import PhraseLinker

            self._linker = PhraseLinker(self._patterns)
        return self._linker

    def train(self, training_data: TrainingData) -> Resource:
        directory = _knowledge_dir(self._config)
        self._patterns = alias_table(directory)
        self._linker = None
        if not self._patterns:
            rasa.shared.utils.io.raise_warning(
                f"No procedures found in '{directory}': the procedure linker "
                f"will not extract any entity."
            )
        with self._model_storage.write_to(self._resource) as model_dir:
            rasa.shared.utils.io.dump_obj_as_json_to_file(
                model_dir / PATTERNS_FILE, self._patterns
            )
        return self._resource

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        """Marks mentions in the training examples (annotations are left as they are)."""
        if self._patterns:
            for message in training_data.training_examples:
                if message.get(TEXT):
                    mark_tokens(message, [(m.start, m.end) for m in self.linker.find(message.get(TEXT))],
                                self._config["marker"])
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        if not self._patterns:
            return messages
        for message in messages:
            matches = self.linker.find(message.get(TEXT) or "")
            mark_tokens(message, [(m.start, m.end) for m in matches], self._config["marker"])
            entities = [
                {
                    "entity": self._config["entity"],
                    "start": match.start,
                    "end": match.end,
                    "value": match.id,
                    "confidence": 1.0,
                }
                for match in matches
            ]
            message.set(
                ENTITIES,
                message.get(ENTITIES, []) + self.add_extractor_name(entities),
                add_to_output=True,
            )
        return messages

    @classmethod
    def load(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> "ProcedureLinker":
        try:
            with model_storage.read_from(resource) as model_dir:
                patterns = rasa.shared.utils.io.read_json_file(model_dir / PATTERNS_FILE)
        except (ValueError, FileNotFoundError):
            logger.warning(
                "Procedure patterns not found in the model; the linker will "
                "extract nothing until the model is retrained."
            )
            patterns = {}
        return cls(config, model_storage, resource, patterns)
