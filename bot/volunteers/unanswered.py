"""Questions the assistant could not answer, for knowledge-base maintainers.

Each question is redacted (phone, ID and short digit runs masked) before it is
stored, grouped by its folded form and counted; the export lists the most
frequent first.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path
from typing import List, Tuple

from sqlalchemy import Column, DateTime, Integer, String, Text, select
from sqlalchemy.orm import declarative_base, sessionmaker

from bot.knowledge.store import make_engine
from bot.volunteers.csvsafe import cell
from bot.privacy.redact import redact
from bot.text.normalize import default_lexicon
from bot.text.phrases import folded_units

Base = declarative_base()
MAX_QUESTION_CHARS = 500


class UnansweredRow(Base):
    __tablename__ = "unanswered_questions"

    key = Column(String(MAX_QUESTION_CHARS), primary_key=True)
    example = Column(Text, nullable=False)
    count = Column(Integer, nullable=False, default=0)
    first_seen = Column(DateTime, nullable=False)
    last_seen = Column(DateTime, nullable=False)


def question_key(text: str) -> str:
    """Questions differing only in case, diacritics, spacing, punctuation or chat
    abbreviations share a key (folded syllables, see ``bot.text.phrases``)."""
    units, _ = folded_units(redact(text), default_lexicon())
    return " ".join(units)[:MAX_QUESTION_CHARS]


class UnansweredLog:
    def __init__(self, url: str) -> None:
        self._engine = make_engine(url)
        self._sessions = sessionmaker(self._engine, future=True)
        Base.metadata.create_all(self._engine)

    def record(self, text: str, now: dt.datetime) -> None:
        key = question_key(text or "")
        if not key:
            return
        stamp = now.astimezone(dt.timezone.utc).replace(tzinfo=None)
        with self._sessions.begin() as session:
            row = session.get(UnansweredRow, key)
            if row is None:
                row = UnansweredRow(key=key, example=redact(text)[:MAX_QUESTION_CHARS], count=0,
                                    first_seen=stamp, last_seen=stamp)
                session.add(row)
            row.count += 1
            row.last_seen = stamp

    def most_frequent(self, limit: int = 1000) -> List[Tuple[str, int, dt.datetime, dt.datetime]]:
        with self._sessions() as session:
            rows = session.execute(
                select(UnansweredRow).order_by(UnansweredRow.count.desc(), UnansweredRow.last_seen.desc())
                .limit(limit)).scalars()
            return [(r.example, r.count, r.first_seen, r.last_seen) for r in rows]

    def export_csv(self, path: Path) -> int:
        rows = self.most_frequent()
        with open(path, "w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["question", "count", "first_seen_utc", "last_seen_utc"])
            for example, count, first, last in rows:
                writer.writerow([cell(example), count, first.isoformat(timespec="minutes"), last.isoformat(timespec="minutes")])
        return len(rows)
