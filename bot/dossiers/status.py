"""What a dossier's status means for the citizen: which answers to give, with what values."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Dict, List

from bot.dossiers.model import Dossier, mask_name
from bot.payments.policy import PaymentLinkPolicy


@dataclass(frozen=True)
class Answer:
    response: str
    values: Dict[str, str]


def _when(value: dt.datetime) -> str:
    local = value.astimezone(dt.timezone(dt.timedelta(hours=7)))
    return local.strftime("%H:%M %d/%m/%Y")


def _money(amount: int) -> str:
    return f"{amount:,}".replace(",", ".")


def dossier_values(dossier: Dossier) -> Dict[str, str]:
    """Values safe to show after verification: masked name, never the phone."""
    return {
        "dossier_code": dossier.code,
        "procedure_name": dossier.procedure_name,
        "applicant": mask_name(dossier.applicant_name),
        "agency": dossier.agency,
        "received_at": _when(dossier.received_at),
        "due_at": _when(dossier.due_at) if dossier.due_at else "",
        "finished_at": _when(dossier.finished_at) if dossier.finished_at else "",
        "note": dossier.note or "",
        "fee_amount": _money(dossier.fee.amount),
    }


def status_answers(dossier: Dossier, now: dt.datetime) -> List[Answer]:
    """The status answer, then the overdue notice when the dossier is late."""
    values = dossier_values(dossier)
    response = f"utter_dossier_status_{dossier.status}"
    if dossier.status in ("additional_docs_required", "rejected") and not dossier.note:
        response += "_no_note"
    answers = [Answer(response, values)]
    if dossier.is_overdue(now):
        answers.append(Answer("utter_dossier_overdue", values))
    return answers


def due_answers(dossier: Dossier, now: dt.datetime) -> List[Answer]:
    """ "Khi nào có kết quả?" for a verified dossier."""
    values = dossier_values(dossier)
    if dossier.finished_at or dossier.status == "ready":
        return [Answer("utter_dossier_result_ready", values)]
    if dossier.due_at is None:
        return [Answer("utter_dossier_due_unknown", values)]
    if dossier.is_overdue(now):
        return [Answer("utter_dossier_overdue", values)]
    return [Answer("utter_dossier_due", values)]


def payment_answers(dossier: Dossier, policy: PaymentLinkPolicy, portal_url: str) -> List[Answer]:
    """The fee: paid, free, or how to pay — a link only when it is official."""
    values = {**dossier_values(dossier), "portal_url": portal_url}
    if dossier.fee.amount == 0:
        return [Answer("utter_dossier_fee_none", values)]
    if dossier.fee.paid:
        return [Answer("utter_dossier_fee_paid", values)]
    if policy.is_official(dossier.fee.payment_url):
        return [Answer("utter_dossier_fee_unpaid_link", {**values, "payment_url": dossier.fee.payment_url})]
    return [Answer("utter_dossier_fee_unpaid_portal", values)]
