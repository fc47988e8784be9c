"""Call-back requests to staff: stored only with consent, kept for a limited time.

A request holds what the citizen asked and how to reach them. Without
explicit consent nothing is stored. ``purge`` deletes requests older than the
retention period (run it daily); ``delete`` removes one at the citizen's
request.
"""

from __future__ import annotations

import csv
import datetime as dt
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import List

from sqlalchemy import Column, DateTime, String, Text, delete, select
from sqlalchemy.orm import declarative_base, sessionmaker

from bot.knowledge.store import make_engine
from bot.volunteers.csvsafe import cell

Base = declarative_base()


class ConsentRequired(ValueError):
    """Contact details may only be stored with the citizen's consent."""


class CallbackRow(Base):
    __tablename__ = "callback_requests"

    id = Column(String(36), primary_key=True)
    created_at = Column(DateTime, nullable=False, index=True)
    kind = Column(String(16), nullable=False)  # callback | complaint
    question = Column(Text, nullable=False)
    contact = Column(String(64), nullable=False)
    subject = Column(Text)  # agency or dossier concerned (complaints)


@dataclass(frozen=True)
class Callback:
    id: str
    created_at: dt.datetime
    kind: str
    question: str
    contact: str
    subject: str


def _utc(now: dt.datetime) -> dt.datetime:
    return now.astimezone(dt.timezone.utc).replace(tzinfo=None)


class CallbackStore:
    def __init__(self, url: str, retention_days: int = 30) -> None:
        if retention_days < 1:
            raise ValueError("retention must be at least one day")
        self.retention = dt.timedelta(days=retention_days)
        self._engine = make_engine(url)
        self._sessions = sessionmaker(self._engine, future=True)
        Base.metadata.create_all(self._engine)

    def submit(self, kind: str, question: str, contact: str, consent: bool, now: dt.datetime,
               subject: str = "") -> str:
        if not consent:
            raise ConsentRequired("no consent: nothing stored")
        if kind not in ("callback", "complaint"):
            raise ValueError("kind must be callback or complaint")
        request_id = str(uuid.uuid4())
        with self._sessions.begin() as session:
            session.add(CallbackRow(id=request_id, created_at=_utc(now), kind=kind, question=question[:2000],
                                    contact=contact[:64], subject=subject[:500]))
        self.purge(now)  # expired requests go even if nobody runs the daily purge
        return request_id

    def pending(self) -> List[Callback]:
        with self._sessions() as session:
            rows = session.execute(select(CallbackRow).order_by(CallbackRow.created_at)).scalars()
            return [Callback(r.id, r.created_at, r.kind, r.question, r.contact, r.subject or "") for r in rows]

    def delete(self, request_id: str) -> bool:
        """Delete one request by its id or by the reference the citizen was given (its first 8 characters)."""
        request_id = request_id.strip().lower()
        if len(request_id) < 8:
            return False
        with self._sessions.begin() as session:
            ids = session.execute(select(CallbackRow.id).where(CallbackRow.id.startswith(request_id))).scalars().all()
            if len(ids) != 1:
                return False
            return session.execute(delete(CallbackRow).where(CallbackRow.id == ids[0])).rowcount > 0

    def purge(self, now: dt.datetime) -> int:
        """Delete every request older than the retention period; returns how many."""
        cutoff = _utc(now) - self.retention
        with self._sessions.begin() as session:
            return session.execute(delete(CallbackRow).where(CallbackRow.created_at < cutoff)).rowcount

    def export_csv(self, path: Path) -> int:
        rows = self.pending()
        with open(path, "w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["id", "created_at_utc", "kind", "question", "contact", "subject"])
            for r in rows:
                writer.writerow([r.id, r.created_at.isoformat(timespec="minutes"), r.kind,
                                 cell(r.question), cell(r.contact), cell(r.subject)])
        return len(rows)
