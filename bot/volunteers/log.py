"""Anonymous log of guided self-filing sessions (what a province reports for Đề án 5299).

Per session: time, channel, procedure code, volunteer code (a centre's code,
not a person), furthest step, outcome, and an optional 1–5 rating. No names,
phone or ID numbers, no sender id.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import List, Optional

from sqlalchemy import Column, DateTime, Integer, String, select
from sqlalchemy.orm import declarative_base, sessionmaker

from bot.knowledge.store import make_engine

Base = declarative_base()
OUTCOMES = ("filed_themselves", "needed_staff", "gave_up")


class SessionRow(Base):
    __tablename__ = "guided_sessions"

    id = Column(String(36), primary_key=True)
    started_at = Column(DateTime, nullable=False)
    channel = Column(String(32), nullable=False)
    procedure_code = Column(String(120), nullable=False)
    volunteer_code = Column(String(32))
    furthest_step = Column(Integer, nullable=False, default=0)
    outcome = Column(String(32))
    rating = Column(Integer)


class RatingRow(Base):
    """An end-of-conversation satisfaction rating outside a guided session."""

    __tablename__ = "conversation_ratings"

    id = Column(String(36), primary_key=True)
    rated_at = Column(DateTime, nullable=False, index=True)
    channel = Column(String(32), nullable=False)
    rating = Column(Integer, nullable=False)


@dataclass(frozen=True)
class Rating:
    rated_at: dt.datetime
    channel: str
    rating: int


@dataclass(frozen=True)
class GuidedSession:
    id: str
    started_at: dt.datetime
    channel: str
    procedure_code: str
    volunteer_code: Optional[str]
    furthest_step: int
    outcome: Optional[str]
    rating: Optional[int]


def _utc(now: dt.datetime) -> dt.datetime:
    return now.astimezone(dt.timezone.utc).replace(tzinfo=None)


class AssistanceLog:
    def __init__(self, url: str) -> None:
        self._engine = make_engine(url)
        self._sessions = sessionmaker(self._engine, future=True)
        Base.metadata.create_all(self._engine)

    def start(self, channel: str, procedure_code: str, volunteer_code: Optional[str], now: dt.datetime) -> str:
        session_id = str(uuid.uuid4())
        with self._sessions.begin() as session:
            session.add(SessionRow(id=session_id, started_at=_utc(now), channel=channel[:32],
                                   procedure_code=procedure_code, volunteer_code=volunteer_code, furthest_step=0))
        return session_id

    def reached(self, session_id: str, step: int) -> None:
        with self._sessions.begin() as session:
            row = session.get(SessionRow, session_id)
            if row is not None and step > row.furthest_step:
                row.furthest_step = step

    def finish(self, session_id: str, outcome: str) -> None:
        if outcome not in OUTCOMES:
            raise ValueError(f"outcome must be one of {OUTCOMES}")
        with self._sessions.begin() as session:
            row = session.get(SessionRow, session_id)
            if row is not None:
                row.outcome = outcome

    def rate(self, session_id: str, rating: int) -> None:
        if not 1 <= rating <= 5:
            raise ValueError("rating must be 1 to 5")
        with self._sessions.begin() as session:
            row = session.get(SessionRow, session_id)
            if row is not None:
                row.rating = rating

    def rate_conversation(self, channel: str, rating: int, now: dt.datetime) -> None:
        """A 1–5 rating of a conversation that was not a guided session (anonymous)."""
        if not 1 <= rating <= 5:
            raise ValueError("rating must be 1 to 5")
        with self._sessions.begin() as session:
            session.add(RatingRow(id=str(uuid.uuid4()), rated_at=_utc(now), channel=channel[:32], rating=rating))

    def ratings(self) -> List[Rating]:
        with self._sessions() as session:
            rows = session.execute(select(RatingRow).order_by(RatingRow.rated_at)).scalars()
            return [Rating(r.rated_at, r.channel, r.rating) for r in rows]

    def all(self) -> List[GuidedSession]:
        with self._sessions() as session:
            rows = session.execute(select(SessionRow).order_by(SessionRow.started_at)).scalars()
            return [GuidedSession(r.id, r.started_at, r.channel, r.procedure_code, r.volunteer_code,
                                  r.furthest_step, r.outcome, r.rating) for r in rows]
