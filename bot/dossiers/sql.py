"""Built-in dossier store (SQLAlchemy) used when no provider URL is configured."""

from __future__ import annotations

import datetime as dt
from typing import Iterable, List, Optional

from sqlalchemy import Boolean, Column, DateTime, Integer, String, Text, select
from sqlalchemy.orm import declarative_base, sessionmaker

from bot.dossiers.model import Dossier, DossierFee
from bot.knowledge.store import make_engine

Base = declarative_base()


class DossierRow(Base):
    __tablename__ = "dossiers"

    code = Column(String(64), primary_key=True)
    procedure_code = Column(String(120), nullable=False)
    procedure_name = Column(Text, nullable=False)
    applicant_name = Column(Text, nullable=False)
    applicant_phone = Column(String(32), nullable=False)
    status = Column(String(32), nullable=False)
    received_at = Column(DateTime(timezone=True), nullable=False)
    due_at = Column(DateTime(timezone=True))
    finished_at = Column(DateTime(timezone=True))
    agency = Column(Text, nullable=False)
    note = Column(Text)
    fee_amount = Column(Integer, nullable=False, default=0)
    fee_paid = Column(Boolean, nullable=False, default=False)
    payment_url = Column(Text)


def _aware(value: Optional[dt.datetime], zone: dt.tzinfo) -> Optional[dt.datetime]:
    if value is None:
        return None
    return value if value.tzinfo else value.replace(tzinfo=zone)


class SqlDossierGateway:
    """Same contract as the HTTP gateway; times are kept as given (with offset)."""

    ZONE = dt.timezone(dt.timedelta(hours=7))

    def __init__(self, url: str) -> None:
        self._engine = make_engine(url)
        self._sessions = sessionmaker(self._engine, future=True, expire_on_commit=False)
        Base.metadata.create_all(self._engine)

    def get(self, code: str) -> Optional[Dossier]:
        with self._sessions() as session:
            row = session.get(DossierRow, code)
            if row is None:
                return None
            return Dossier(
                code=row.code, procedure_code=row.procedure_code, procedure_name=row.procedure_name,
                applicant_name=row.applicant_name, applicant_phone=row.applicant_phone, status=row.status,
                received_at=_aware(row.received_at, self.ZONE), due_at=_aware(row.due_at, self.ZONE),
                finished_at=_aware(row.finished_at, self.ZONE), agency=row.agency, note=row.note,
                fee=DossierFee(row.fee_amount, row.fee_paid, row.payment_url),
            )

    def _local(self, value: Optional[dt.datetime]) -> Optional[dt.datetime]:
        return value.astimezone(self.ZONE) if value else None

    def upsert(self, dossiers: Iterable[Dossier]) -> int:
        count = 0
        with self._sessions.begin() as session:
            for d in dossiers:
                session.merge(DossierRow(
                    code=d.code, procedure_code=d.procedure_code, procedure_name=d.procedure_name,
                    applicant_name=d.applicant_name, applicant_phone=d.applicant_phone, status=d.status,
                    received_at=self._local(d.received_at), due_at=self._local(d.due_at),
                    finished_at=self._local(d.finished_at), agency=d.agency,
                    note=d.note, fee_amount=d.fee.amount, fee_paid=d.fee.paid, payment_url=d.fee.payment_url,
                ))
                count += 1
        return count

    def codes(self) -> List[str]:
        with self._sessions() as session:
            return list(session.execute(select(DossierRow.code).order_by(DossierRow.code)).scalars())
