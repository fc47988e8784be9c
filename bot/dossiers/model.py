"""The dossier record of the provider contract, parsed strictly."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Mapping, Optional

STATUSES = (
    "received", "processing", "additional_docs_required", "ready", "returned", "rejected", "withdrawn",
)
FINAL_STATUSES = ("returned", "rejected", "withdrawn")


class MalformedDossier(ValueError):
    """The provider answered 200 with a body that does not follow the contract."""


@dataclass(frozen=True)
class DossierFee:
    amount: int
    paid: bool
    payment_url: Optional[str]


@dataclass(frozen=True)
class Dossier:
    code: str
    procedure_code: str
    procedure_name: str
    applicant_name: str
    applicant_phone: str
    status: str
    received_at: dt.datetime
    due_at: Optional[dt.datetime]
    finished_at: Optional[dt.datetime]
    agency: str
    note: Optional[str]
    fee: DossierFee

    def phone_last4(self) -> str:
        digits = "".join(ch for ch in self.applicant_phone if ch.isdigit())
        return digits[-4:]

    def is_overdue(self, now: dt.datetime) -> bool:
        """Due date passed and not finished (a finished dossier is never "late")."""
        if self.finished_at is not None or self.due_at is None:
            return False
        if self.status in ("ready",) + FINAL_STATUSES:
            return False
        return now > self.due_at


def _datetime(data: Mapping[str, Any], key: str, required: bool) -> Optional[dt.datetime]:
    value = data.get(key)
    if value is None:
        if required:
            raise MalformedDossier(f"{key} is missing")
        return None
    if not isinstance(value, str):
        raise MalformedDossier(f"{key} is not a string")
    try:
        parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError as error:
        raise MalformedDossier(f"{key}: {error}") from error
    if parsed.tzinfo is None:
        raise MalformedDossier(f"{key} has no UTC offset")
    return parsed


def _text(data: Mapping[str, Any], key: str, required: bool = True) -> Optional[str]:
    value = data.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, str) or (required and not value.strip()):
        raise MalformedDossier(f"{key} is missing or not a string")
    return value


def parse_dossier(data: Any) -> Dossier:
    """A ``Dossier`` from the provider's JSON, or ``MalformedDossier``."""
    if not isinstance(data, Mapping):
        raise MalformedDossier("the body is not a JSON object")
    status = data.get("status")
    if status not in STATUSES:
        raise MalformedDossier(f"unknown status {status!r}")
    fee = data.get("fee")
    if not isinstance(fee, Mapping):
        raise MalformedDossier("fee is missing")
    amount, paid, url = fee.get("amount"), fee.get("paid"), fee.get("payment_url")
    if not isinstance(amount, int) or isinstance(amount, bool) or amount < 0:
        raise MalformedDossier("fee.amount is not a non-negative integer")
    if not isinstance(paid, bool):
        raise MalformedDossier("fee.paid is not a boolean")
    if url is not None and not isinstance(url, str):
        raise MalformedDossier("fee.payment_url is not a string")
    return Dossier(
        code=_text(data, "code"),
        procedure_code=_text(data, "procedure_code"),
        procedure_name=_text(data, "procedure_name"),
        applicant_name=_text(data, "applicant_name"),
        applicant_phone=_text(data, "applicant_phone"),
        status=status,
        received_at=_datetime(data, "received_at", required=True),
        due_at=_datetime(data, "due_at", required=False),
        finished_at=_datetime(data, "finished_at", required=False),
        agency=_text(data, "agency"),
        note=_text(data, "note", required=False),
        fee=DossierFee(amount=amount, paid=paid, payment_url=url),
    )


def dossier_to_json(dossier: Dossier) -> dict:
    """The provider-contract JSON of a dossier (for the SQL store and fakes)."""
    def iso(value: Optional[dt.datetime]) -> Optional[str]:
        return value.isoformat() if value else None

    return {
        "code": dossier.code, "procedure_code": dossier.procedure_code,
        "procedure_name": dossier.procedure_name, "applicant_name": dossier.applicant_name,
        "applicant_phone": dossier.applicant_phone, "status": dossier.status,
        "received_at": iso(dossier.received_at), "due_at": iso(dossier.due_at),
        "finished_at": iso(dossier.finished_at), "agency": dossier.agency, "note": dossier.note,
        "fee": {"amount": dossier.fee.amount, "paid": dossier.fee.paid, "payment_url": dossier.fee.payment_url},
    }


def mask_name(name: str) -> str:
    """Keep initials and the given name: ``Nguyễn Văn An`` → ``N. V. An``.

    >>> mask_name("Nguyễn Thị Minh Khai"), mask_name("An"), mask_name("")
    ('N. T. M. Khai', 'A.', '')
    """
    parts = name.split()
    if not parts:
        return ""
    if len(parts) == 1:
        return parts[0][0] + "."
    return " ".join(p[0] + "." for p in parts[:-1]) + " " + parts[-1]
