"""Diacritic-insensitive, typo-tolerant search over procedure names, aliases and keywords.

Used when the linker found no procedure: the citizen still gets the best
candidates instead of "I don't understand".

Scoring: every folded syllable of the query that says something (not a
question word) is matched against the index vocabulary, exactly or, failing
that, after a phonetic spelling normalisation for the usual Vietnamese
confusions (ch/tr, s/x, d/gi/r, i/y, c/k/q...) and rapidfuzz similarity;
each matched term counts its inverse document frequency, so rare, telling words
("hộ chiếu", "thất nghiệp") weigh more than common ones ("mới", "làm"). Two
query syllables that are adjacent in a phrase of the procedure earn a bonus.
The score is the share of the query's weight that a procedure explains (0–100).
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Dict, Iterable, List, Optional, Set, Tuple

from rapidfuzz import fuzz, process

from bot.knowledge.model import Procedure
from bot.text.normalize import Lexicon, default_lexicon
from bot.text.phrases import folded_units

#: Words that say nothing about which procedure is meant.
_STOP_UNITS = frozenset(
    "toi em minh chau con bac anh chi ban ad admin oi a cho hoi muon can lam the nao sao gi "
    "la co khong duoc voi va cua o thi ma nhu vay roi nhe bao nhieu mat may ngay "
    "thu tuc ho so giay to nop dau phai di ai nay do kia ay cai viec giup biet".split()
)
_PHONETIC = [
    (re.compile(r"^tr"), "ch"), (re.compile(r"^gi"), "d"), (re.compile(r"^r"), "d"),
    (re.compile(r"^s"), "x"), (re.compile(r"^ngh"), "ng"), (re.compile(r"^gh"), "g"),
    (re.compile(r"^(k|q)"), "c"), (re.compile(r"y$"), "i"), (re.compile(r"^ph"), "f"),
]
BIGRAM_BONUS = 0.5


def phonetic(unit: str) -> str:
    """Spelling-insensitive key of a folded syllable: ``phonetic("tru") == phonetic("chu")``."""
    for pattern, replacement in _PHONETIC:
        unit = pattern.sub(replacement, unit)
    return unit


@dataclass(frozen=True)
class Candidate:
    id: str
    name: str
    score: float


def _units(text: str, lexicon: Lexicon) -> List[str]:
    units, _ = folded_units(text, lexicon)
    return units


class ProcedureIndex:
    """In-memory index built once from the store's procedures."""

    def __init__(self, procedures: Iterable[Procedure], lexicon: Optional[Lexicon] = None) -> None:
        self._lexicon = lexicon or default_lexicon()
        self._names: Dict[str, str] = {}
        self._terms: Dict[str, Set[str]] = defaultdict(set)        # phonetic term -> procedure ids
        self._bigrams: Dict[str, Set[Tuple[str, str]]] = defaultdict(set)
        for procedure in procedures:
            self._names[procedure.id] = procedure.name
            for phrase in [procedure.name, *procedure.aliases, *procedure.keywords]:
                keys = [phonetic(u) for u in _units(phrase, self._lexicon)]
                for key in keys:
                    self._terms[key].add(procedure.id)
                self._bigrams[procedure.id].update(zip(keys, keys[1:]))
        total = max(len(self._names), 1)
        self._idf = {term: math.log(1 + total / len(ids)) for term, ids in self._terms.items()}
        self._vocabulary = list(self._terms)

    def name(self, procedure_id: str) -> Optional[str]:
        return self._names.get(procedure_id)

    def _match(self, key: str) -> Optional[Tuple[str, float]]:
        if key in self._terms:
            return key, 1.0
        if len(key) < 4:  # short syllables are too alike ("cai"/"khai") to guess at
            return None
        found = process.extractOne(key, self._vocabulary, scorer=fuzz.ratio, score_cutoff=80)
        return (found[0], found[1] / 100) if found else None

    def search(self, query: str, limit: int = 3, min_score: float = 35.0) -> List[Candidate]:
        """Best procedures for ``query``, at most ``limit``, best first."""
        keys = [phonetic(u) for u in _units(query, self._lexicon) if u not in _STOP_UNITS]
        if not keys or not self._names:
            return []
        matched: List[Optional[Tuple[str, float]]] = [self._match(k) for k in keys]
        weight = sum(self._idf.get(m[0], max(self._idf.values())) if m else 1.0 for m in matched)
        scores: Dict[str, float] = defaultdict(float)
        for item in matched:
            if item:
                term, similarity = item
                for procedure_id in self._terms[term]:
                    scores[procedure_id] += self._idf[term] * similarity
        terms = [m[0] if m else None for m in matched]
        for first, second in zip(terms, terms[1:]):
            if first and second:
                for procedure_id in self._terms[first] & self._terms[second]:
                    if (first, second) in self._bigrams[procedure_id]:
                        scores[procedure_id] += BIGRAM_BONUS * min(self._idf[first], self._idf[second])
        ranked = sorted(
            ((pid, min(100.0, 100 * value / weight)) for pid, value in scores.items()),
            key=lambda item: (-item[1], item[0]),
        )
        return [Candidate(pid, self._names[pid], round(score, 1)) for pid, score in ranked[:limit]
                if score >= min_score]
