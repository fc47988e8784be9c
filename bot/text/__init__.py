"""Pure text functions for Vietnamese chat input: normalise, fold, segment."""

from bot.text.fold import fold, has_diacritics
from bot.text.normalize import Lexicon, default_lexicon, nfc
from bot.text.segment import Span, syllables, words

__all__ = [
    "Lexicon",
    "Span",
    "default_lexicon",
    "fold",
    "has_diacritics",
    "nfc",
    "syllables",
    "words",
]
