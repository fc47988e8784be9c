"""Which procedure a message is about, and which question it asks."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, List, Optional

from bot.knowledge.search import Candidate, ProcedureIndex

INTENT_KINDS = {
    "ask_procedure_info": "summary",
    "ask_documents": "documents",
    "ask_fee": "fee",
    "ask_processing_time": "time",
    "ask_where_to_submit": "where",
    "ask_online_filing": "online",
    "ask_legal_basis": "legal",
}

#: A search hit this good, and this far ahead of the next, is taken as meant.
CONFIDENT_SCORE = 90.0
CONFIDENT_MARGIN = 5.0


def question_kind(intent: Optional[str], pending: Optional[str]) -> str:
    """The question asked: from the intent, else the one left pending, else summary."""
    if intent in INTENT_KINDS:
        return INTENT_KINDS[intent]
    return pending if pending in INTENT_KINDS.values() else "summary"


@dataclass(frozen=True)
class Resolution:
    procedure_id: Optional[str] = None
    candidates: List[Candidate] = field(default_factory=list)


def resolve_procedure(
    linked_ids: Iterable[str],
    context_id: Optional[str],
    text: str,
    index: ProcedureIndex,
    allow_context: bool = True,
) -> Resolution:
    """Decide the procedure, or the candidates to offer.

    Order: what the linker found in this message; the procedure already in
    context (follow-ups such as "còn lệ phí?"); a confident search hit; else
    the search candidates for the citizen to choose from.
    """
    distinct = list(dict.fromkeys(i for i in linked_ids if index.name(i)))
    if len(distinct) == 1:
        return Resolution(distinct[0])
    if len(distinct) > 1:
        return Resolution(None, [Candidate(i, index.name(i) or i, 100.0) for i in distinct])
    if allow_context and context_id and index.name(context_id):
        return Resolution(context_id)
    candidates = index.search(text)
    if candidates:
        top = candidates[0]
        runner_up = candidates[1].score if len(candidates) > 1 else 0.0
        if top.score >= CONFIDENT_SCORE and top.score - runner_up >= CONFIDENT_MARGIN:
            return Resolution(top.id)
    return Resolution(None, candidates)
