"""Turn a procedure into the values of a chat answer (short, numbered, dated)."""

from __future__ import annotations

import datetime as dt
import functools
from typing import Dict, List, Mapping, Optional

import yaml

from bot.knowledge.model import Document, Fee, Procedure

#: Answers longer than this are split into several chat messages.
MAX_MESSAGE_CHARS = 900



@functools.lru_cache(maxsize=4)
def load_vocabulary(path: str) -> Dict[str, object]:
    with open(path, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def format_money(amount: int, currency: str) -> str:
    """Vietnamese thousands separators: ``format_money(15000, "đ") == "15.000 đ"``."""
    return f"{amount:,}".replace(",", ".") + f" {currency}"


def format_date(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y")


def numbered(items: List[str]) -> List[str]:
    return [f"{index}. {item}" for index, item in enumerate(items, start=1)]


def split_lines(lines: List[str], limit: int = MAX_MESSAGE_CHARS) -> List[str]:
    """Group lines into chunks no longer than ``limit`` (a line is never cut)."""
    chunks: List[str] = []
    current: List[str] = []
    size = 0
    for line in lines:
        if current and size + len(line) + 1 > limit:
            chunks.append("\n".join(current))
            current, size = [], 0
        current.append(line)
        size += len(line) + 1
    if current:
        chunks.append("\n".join(current))
    return chunks


class AnswerFormatter:
    """Values for the ``utter_procedure_*`` responses of the domain."""

    def __init__(self, vocabulary: Mapping[str, object]) -> None:
        self._v = vocabulary

    def _word(self, key: str) -> str:
        return str(self._v[key])

    def document_details(self, document: Document) -> str:
        """Kind, form and quantity of one paper: "bản chính, mẫu CT01, số lượng 2"."""
        details = [str(self._v["document_kinds"][document.kind])]
        if document.form:
            details.append(f"{self._word('form')} {document.form}")
        if document.quantity > 1:
            details.append(f"{self._word('quantity')} {document.quantity}")
        return ", ".join(details)

    def document_lines(self, procedure: Procedure) -> List[str]:
        lines = []
        for document in procedure.documents:
            line = f"{document.name} ({self.document_details(document)})"
            if document.condition:
                line += f" – {document.condition}"
            lines.append(line)
        return numbered(lines)

    def fee_line(self, fee: Fee) -> str:
        currency = self._word("currency")
        if fee.amount is None:
            amount = self._word("amount_unknown")
        elif fee.amount == 0:
            amount = self._word("free")
        else:
            amount = format_money(fee.amount, currency)
        if fee.online_amount is not None and fee.online_amount != fee.amount:
            online = self._word("free") if fee.online_amount == 0 else format_money(fee.online_amount, currency)
            amount += f" ({self._word('online_price')}: {online})"
        line = f"- {fee.item}: {amount}"
        if fee.condition:
            line += f" – {fee.condition}"
        if fee.valid_until:
            line += f" ({self._word('valid_until')} {format_date(fee.valid_until)})"
        elif fee.valid_from:
            line += f" ({self._word('valid_from')} {format_date(fee.valid_from)})"
        if fee.note:
            line += f". {fee.note}"
        return line

    def fee_lines(self, procedure: Procedure, today: dt.date) -> List[str]:
        current = [fee for fee in procedure.fees if fee.applies_on(today)]
        return [self.fee_line(fee) for fee in (current or procedure.fees)]

    def values(self, procedure: Procedure, today: Optional[dt.date] = None) -> Dict[str, str]:
        """Every slot-free variable the procedure responses use."""
        today = today or dt.date.today()
        levels = self._v["online_levels"]
        term = procedure.online.search_term or procedure.name
        steps_hint = f"{self._word('search_term')}: \"{term}\""
        return {
            "procedure_name": procedure.name,
            "documents": "\n".join(self.document_lines(procedure)),
            "not_required": "; ".join(procedure.not_required),
            "fees": "\n".join(self.fee_lines(procedure, today)),
            "processing_time": procedure.processing_time,
            "result": procedure.result,
            "where_to_submit": procedure.where_to_submit,
            "authority": procedure.authority.name,
            "online_level": str(levels[procedure.online.level]),
            "online_url": procedure.online.url,
            "online_channels": ", ".join(procedure.online.channels),
            "online_steps": "\n".join(numbered(list(procedure.online_steps))),
            "search_hint": steps_hint,
            "search_term": term,
            "legal_basis": "\n".join(f"- {item}" for item in procedure.legal_basis),
            "reviewed": format_date(procedure.reviewed),
            "source_url": procedure.source_url,
            "to_confirm": "; ".join(procedure.to_confirm),
        }
