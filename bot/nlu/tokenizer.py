"""Vietnamese tokenizer: underthesea words with exact offsets, folded lemmas."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.tokenizers.tokenizer import Token, Tokenizer
from rasa.shared.nlu.training_data.message import Message

from bot.text.normalize import Lexicon, default_lexicon
from bot.text.segment import words


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER, is_trainable=False
)
class VietnameseTokenizer(Tokenizer):
    """Tokens are exact substrings of the message; ``lemma`` is the folded form.

    The lemma of a word is its folded, abbreviation-expanded syllables joined by
    spaces ("Đăng ký" → "dang ky", "cccd" → "can cuoc cong dan"), so a
    CountVectorsFeaturizer with ``use_lemma`` sees the same syllables whether
    the citizen typed diacritics or not.
    """

    @staticmethod
    def supported_languages() -> Optional[List[Text]]:
        return ["vi"]

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {
            # path of the abbreviation lexicon; None = data/lexicon/abbreviations.yml
            "lexicon_path": None,
            "intent_tokenization_flag": False,
            "intent_split_symbol": "_",
            "token_pattern": None,
            "prefix_separator_symbol": None,
        }

    def __init__(self, config: Dict[Text, Any]) -> None:
        super().__init__(config)
        self._lexicon: Optional[Lexicon] = None

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "VietnameseTokenizer":
        return cls({**cls.get_default_config(), **config})

    @property
    def lexicon(self) -> Lexicon:
        if self._lexicon is None:
            path = self._config.get("lexicon_path")
            self._lexicon = default_lexicon(path) if path else default_lexicon()
        return self._lexicon

    def tokenize(self, message: Message, attribute: Text) -> List[Token]:
        text = message.get(attribute) or ""
        tokens = [
            Token(span.text, span.start, end=span.end, lemma=span.folded)
            for span in words(text, self.lexicon)
        ]
        return self._apply_token_pattern(tokens)
