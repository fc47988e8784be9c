"""Delexicalisation: mark the first token of a recognised span in its lemma."""

from __future__ import annotations

from typing import Iterable, Tuple

from rasa.nlu.constants import TOKENS_NAMES
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message


def mark_tokens(message: Message, spans: Iterable[Tuple[int, int]], marker: str) -> None:
    """Put ``marker`` in front of the lemma of the first token inside each span.

    The token text and offsets are untouched; only what the count featurizers
    read (``use_lemma``) gains one placeholder word per span. In front, so the
    lemma stream stays the same whether underthesea grouped the syllables into
    words (accented text) or not ("__procedure__ dang ky ..." either way).
    """
    tokens = message.get(TOKENS_NAMES[TEXT]) or []
    for start, end in spans:
        for token in tokens:
            if token.end > start and token.start < end:
                if marker not in token.lemma.split():
                    token.lemma = f"{marker} {token.lemma}"
                break
