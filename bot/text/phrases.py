"""Phrase linking in the style of spaCy's EntityRuler, on folded syllables.

Patterns are alias phrases, each with an ``id`` (the procedure code). Text and
patterns are both reduced to folded, abbreviation-expanded syllables, so
"dang ky khai sinh", "Đăng ký khai sinh" and its NFD spelling match alike, and
"cccd" matches "căn cước công dân". The longest match wins; overlapping
shorter matches are dropped (``spacy.util.filter_spans``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, List, Mapping, Optional, Sequence, Tuple

from bot.text.normalize import Lexicon, default_lexicon
from bot.text.segment import syllables


@dataclass(frozen=True)
class PhraseMatch:
    start: int
    end: int
    text: str
    id: str
    pattern: str


def folded_units(text: str, lexicon: Lexicon) -> Tuple[List[str], List[Tuple[int, int]]]:
    """Folded syllables of ``text`` and, for each, the span it came from.

    An abbreviation expands to several units that share one span.
    """
    units: List[str] = []
    spans: List[Tuple[int, int]] = []
    for syllable in syllables(text, lexicon):
        if not syllable.is_word:
            continue
        for unit in syllable.folded.split():
            units.append(unit)
            spans.append((syllable.start, syllable.end))
    return units, spans


class PhraseLinker:
    """Finds alias phrases in text and links them to their ids.

    >>> linker = PhraseLinker({"dang-ky-khai-sinh": ["đăng ký khai sinh", "khai sinh"]})
    >>> [(m.text, m.id) for m in linker.find("Dang ky khai sinh can gi")]
    [('Dang ky khai sinh', 'dang-ky-khai-sinh')]
    """

    def __init__(
        self, patterns: Mapping[str, Sequence[str]], lexicon: Optional[Lexicon] = None
    ) -> None:
        from spacy.matcher import PhraseMatcher  # imported on first use
        from spacy.vocab import Vocab

        self._lexicon = lexicon or default_lexicon()
        self._vocab = Vocab()
        self._matcher = PhraseMatcher(self._vocab)
        self._patterns: Dict[str, List[str]] = {}
        for pattern_id, phrases in patterns.items():
            docs = []
            for phrase in phrases:
                units, _ = folded_units(phrase, self._lexicon)
                if units:
                    docs.append(self._doc(units))
                    self._patterns.setdefault(pattern_id, []).append(phrase)
            if docs:
                self._matcher.add(pattern_id, docs)

    @property
    def patterns(self) -> Dict[str, List[str]]:
        return {key: list(value) for key, value in self._patterns.items()}

    def _doc(self, units: List[str]):  # -> spacy.tokens.Doc
        from spacy.tokens import Doc

        return Doc(self._vocab, words=units)

    def find(self, text: str) -> List[PhraseMatch]:
        """Non-overlapping matches in ``text``, longest first wins, in text order."""
        from spacy.tokens import Span
        from spacy.util import filter_spans

        units, spans = folded_units(text, self._lexicon)
        if not units:
            return []
        doc = self._doc(units)
        candidates = [
            Span(doc, start, end, label=match_id)
            for match_id, start, end in self._matcher(doc)
        ]
        matches: List[PhraseMatch] = []
        for span in filter_spans(candidates):
            start, end = spans[span.start][0], spans[span.end - 1][1]
            matches.append(
                PhraseMatch(
                    start=start,
                    end=end,
                    text=text[start:end],
                    id=span.label_,
                    pattern=" ".join(units[span.start : span.end]),
                )
            )
        return sorted(matches, key=lambda m: m.start)
