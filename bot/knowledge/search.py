"""Diacritic-insensitive, typo-tolerant search over procedure names and aliases.

Used when the linker found no procedure: the citizen still gets the best
candidates instead of "I don't understand". Scoring is rapidfuzz's WRatio on
folded, abbreviation-expanded text, with a bonus for an exact phrase hit.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, Iterable, List, Optional, Tuple

from rapidfuzz import fuzz, process

from bot.knowledge.model import Procedure
from bot.text.normalize import Lexicon, default_lexicon
from bot.text.phrases import folded_units

#: Words that say nothing about which procedure is meant.
_STOP_UNITS = frozenset(
    "toi em minh chau con bac anh chi ban ad admin oi a a. cho hoi hoi muon can lam the nao sao gi "
    "la co khong duoc voi va cua o thi ma nhu nao vay roi nhe a oi bao nhieu mat may ngay "
    "thu tuc ho so giay to nop dau".split()
)


@dataclass(frozen=True)
class Candidate:
    id: str
    name: str
    score: float


def _fold(text: str, lexicon: Lexicon) -> str:
    units, _ = folded_units(text, lexicon)
    return " ".join(units)


class ProcedureIndex:
    """In-memory index built once from the store's procedures."""

    def __init__(self, procedures: Iterable[Procedure], lexicon: Optional[Lexicon] = None) -> None:
        self._lexicon = lexicon or default_lexicon()
        self._names: Dict[str, str] = {}
        self._choices: List[str] = []
        self._owners: List[Tuple[str, float]] = []
        for procedure in procedures:
            self._names[procedure.id] = procedure.name
            weighted = [(procedure.name, 1.0)] + [(a, 1.0) for a in procedure.aliases]
            weighted += [(k, 0.8) for k in procedure.keywords]
            for phrase, weight in weighted:
                folded = _fold(phrase, self._lexicon)
                if folded:
                    self._choices.append(folded)
                    self._owners.append((procedure.id, weight))

    def name(self, procedure_id: str) -> Optional[str]:
        return self._names.get(procedure_id)

    def search(self, query: str, limit: int = 3, min_score: float = 70.0) -> List[Candidate]:
        """Best procedures for ``query``, at most one entry per procedure."""
        units = [u for u in _fold(query, self._lexicon).split() if u not in _STOP_UNITS]
        if not units or not self._choices:
            return []
        folded_query = " ".join(units)
        best: Dict[str, float] = {}
        for _, score, index in process.extract(
            folded_query, self._choices, scorer=fuzz.WRatio, limit=40
        ):
            procedure_id, weight = self._owners[index]
            best[procedure_id] = max(best.get(procedure_id, 0.0), score * weight)
        ranked = sorted(best.items(), key=lambda item: (-item[1], item[0]))
        return [
            Candidate(procedure_id, self._names[procedure_id], round(score, 1))
            for procedure_id, score in ranked[:limit]
            if score >= min_score
        ]
