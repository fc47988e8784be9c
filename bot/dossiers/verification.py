"""The light identity check before a dossier is revealed, and its lockout.

The citizen gives the last four digits of the phone number registered on the
dossier. A wrong code and a wrong check look the same from outside. After
``max_failures`` failed checks from one sender within ``window``, lookups pause
for that sender. Senders are stored only as a keyed hash.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
from dataclasses import dataclass
from enum import Enum
from typing import Optional

from sqlalchemy import Column, DateTime, Integer, String, delete, func, select
from sqlalchemy.orm import declarative_base, sessionmaker

from bot.dossiers.model import Dossier
from bot.knowledge.store import make_engine

Base = declarative_base()


class FailedCheck(Base):
    __tablename__ = "dossier_failed_checks"

    id = Column(Integer, primary_key=True, autoincrement=True)
    sender_hash = Column(String(64), nullable=False, index=True)
    at = Column(DateTime(timezone=True), nullable=False)


class Outcome(Enum):
    VERIFIED = "verified"
    FAILED = "failed"  # unknown code or wrong digits: the same answer
    LOCKED = "locked"


@dataclass(frozen=True)
class CheckResult:
    outcome: Outcome
    dossier: Optional[Dossier] = None


def digits_match(dossier: Dossier, answer: str) -> bool:
    given = "".join(ch for ch in answer or "" if ch.isdigit())
    expected = dossier.phone_last4()
    return len(given) == 4 and len(expected) == 4 and hmac.compare_digest(given, expected)


class Verifier:
    def __init__(self, url: str, secret: str, max_failures: int = 5,
                 window: dt.timedelta = dt.timedelta(minutes=15)) -> None:
        self._engine = make_engine(url)
        self._sessions = sessionmaker(self._engine, future=True)
        Base.metadata.create_all(self._engine)
        self._secret = secret.encode()
        self.max_failures = max_failures
        self.window = window

    def _hash(self, sender: str) -> str:
        return hmac.new(self._secret, sender.encode(), hashlib.sha256).hexdigest()

    @staticmethod
    def _naive_utc(now: dt.datetime) -> dt.datetime:
        return now.astimezone(dt.timezone.utc).replace(tzinfo=None)

    def failures(self, sender: str, now: dt.datetime) -> int:
        since = self._naive_utc(now - self.window)
        with self._sessions() as session:
            return session.execute(
                select(func.count()).select_from(FailedCheck).where(
                    FailedCheck.sender_hash == self._hash(sender), FailedCheck.at > since)
            ).scalar_one()

    def is_locked(self, sender: str, now: dt.datetime) -> bool:
        return self.failures(sender, now) >= self.max_failures

    def check(self, sender: str, dossier: Optional[Dossier], answer: str, now: dt.datetime) -> CheckResult:
        if self.is_locked(sender, now):
            return CheckResult(Outcome.LOCKED)
        if dossier is not None and digits_match(dossier, answer):
            return CheckResult(Outcome.VERIFIED, dossier)
        with self._sessions.begin() as session:
            session.add(FailedCheck(sender_hash=self._hash(sender), at=self._naive_utc(now)))
            session.execute(delete(FailedCheck).where(FailedCheck.at < self._naive_utc(now - 2 * self.window)))
        locked = self.is_locked(sender, now)
        return CheckResult(Outcome.LOCKED if locked else Outcome.FAILED)
