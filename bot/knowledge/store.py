"""SQLAlchemy store of validated procedures (SQLite by default, PostgreSQL by URL).

The store keeps each procedure as its validated JSON document plus the folded
phrases search needs. ``sync`` is idempotent: unchanged procedures are left
alone, changed ones replaced, removed ones deleted. Repositories return
``Procedure`` models, never ORM rows.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, List, Optional

from sqlalchemy import Boolean, Column, Date, ForeignKey, Integer, String, Text, create_engine, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import declarative_base, relationship, sessionmaker

from bot.knowledge.model import Procedure

Base = declarative_base()


class ProcedureRow(Base):
    __tablename__ = "procedures"

    id = Column(String(120), primary_key=True)
    name = Column(Text, nullable=False)
    field = Column(Text, nullable=False)
    essential_service = Column(Boolean, nullable=False, default=False)
    reviewed = Column(Date, nullable=False)
    content_hash = Column(String(64), nullable=False)
    document = Column(Text, nullable=False)
    phrases = relationship("PhraseRow", cascade="all, delete-orphan", back_populates="procedure")


class PhraseRow(Base):
    __tablename__ = "procedure_phrases"

    id = Column(Integer, primary_key=True, autoincrement=True)
    procedure_id = Column(String(120), ForeignKey("procedures.id", ondelete="CASCADE"), index=True)
    kind = Column(String(16), nullable=False)  # name | alias | keyword
    phrase = Column(Text, nullable=False)
    procedure = relationship("ProcedureRow", back_populates="phrases")


@dataclass(frozen=True)
class SyncReport:
    added: int
    updated: int
    unchanged: int
    removed: int

    def __str__(self) -> str:
        return (
            f"{self.added} added, {self.updated} updated, "
            f"{self.unchanged} unchanged, {self.removed} removed"
        )


def _hash(document: str) -> str:
    return hashlib.sha256(document.encode("utf-8")).hexdigest()


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite:///"):
        Path(url[len("sqlite:///"):]).parent.mkdir(parents=True, exist_ok=True)
    return create_engine(url, future=True, pool_pre_ping=True)


class KnowledgeStore:
    """Read and write procedures; one session per unit of work."""

    def __init__(self, url: str) -> None:
        self._engine = make_engine(url)
        self._sessions = sessionmaker(self._engine, future=True, expire_on_commit=False)

    def create_schema(self) -> None:
        Base.metadata.create_all(self._engine)

    def sync(
        self,
        procedures: Iterable[Procedure],
        progress: Optional[Callable[[Procedure], None]] = None,
    ) -> SyncReport:
        self.create_schema()
        added = updated = unchanged = 0
        wanted = {}
        with self._sessions.begin() as session:
            existing = {row.id: row for row in session.execute(select(ProcedureRow)).scalars()}
            for procedure in procedures:
                document = procedure.json(ensure_ascii=False, sort_keys=True)
                digest = _hash(document)
                wanted[procedure.id] = digest
                row = existing.get(procedure.id)
                if row is not None and row.content_hash == digest:
                    unchanged += 1
                else:
                    if row is None:
                        row = ProcedureRow(id=procedure.id)
                        session.add(row)
                        added += 1
                    else:
                        updated += 1
                    row.name = procedure.name
                    row.field = procedure.field
                    row.essential_service = procedure.essential_service
                    row.reviewed = procedure.reviewed
                    row.content_hash = digest
                    row.document = document
                    row.phrases = [
                        PhraseRow(kind=kind, phrase=phrase)
                        for kind, values in (
                            ("name", [procedure.name]),
                            ("alias", procedure.aliases),
                            ("keyword", procedure.keywords),
                        )
                        for phrase in values
                    ]
                if progress:
                    progress(procedure)
            removed = 0
            for row_id, row in existing.items():
                if row_id not in wanted:
                    session.delete(row)
                    removed += 1
        return SyncReport(added, updated, unchanged, removed)

    def get(self, procedure_id: str) -> Optional[Procedure]:
        with self._sessions() as session:
            row = session.get(ProcedureRow, procedure_id)
            return Procedure.parse_raw(row.document) if row else None

    def all(self) -> List[Procedure]:
        with self._sessions() as session:
            rows = session.execute(select(ProcedureRow).order_by(ProcedureRow.id)).scalars()
            return [Procedure.parse_raw(row.document) for row in rows]

    def count(self) -> int:
        with self._sessions() as session:
            return len(session.execute(select(ProcedureRow.id)).all())
