import datetime as dt

import pytest

from bot.dossiers.model import parse_dossier
from bot.dossiers.sql import SqlDossierGateway
from bot.dossiers.verification import Outcome, Verifier, digits_match
from tests.dossiers.samples import dossier_json

NOW = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))
DOSSIER = parse_dossier(dossier_json())


@pytest.fixture
def verifier(tmp_path):
    return Verifier(f"sqlite:///{tmp_path / 'v.db'}", secret="test-secret")


@pytest.mark.parametrize("answer, ok", [("5678", True), ("5 6 7 8", True), ("56-78", True), ("1234", False),
                                        ("45678", False), ("", False), ("abcd", False)])
def test_digits_match(answer, ok):
    assert digits_match(DOSSIER, answer) is ok


def test_wrong_code_and_wrong_digits_look_the_same(verifier):
    assert verifier.check("a", None, "5678", NOW).outcome is Outcome.FAILED
    assert verifier.check("b", DOSSIER, "1111", NOW).outcome is Outcome.FAILED


def test_verified(verifier):
    result = verifier.check("a", DOSSIER, "5678", NOW)
    assert result.outcome is Outcome.VERIFIED and result.dossier == DOSSIER


def test_five_failures_in_15_minutes_lock_the_sender(verifier):
    outcomes = [verifier.check("a", DOSSIER, "0000", NOW + dt.timedelta(minutes=i)).outcome for i in range(5)]
    assert outcomes == [Outcome.FAILED] * 4 + [Outcome.LOCKED]
    # even the right answer is refused while locked; other senders are not affected
    assert verifier.check("a", DOSSIER, "5678", NOW + dt.timedelta(minutes=5)).outcome is Outcome.LOCKED
    assert verifier.check("b", DOSSIER, "5678", NOW).outcome is Outcome.VERIFIED
    # the window slides: 15 minutes after the first failures, the sender may try again
    later = NOW + dt.timedelta(minutes=20)
    assert verifier.check("a", DOSSIER, "5678", later).outcome is Outcome.VERIFIED


def test_failures_spread_over_time_do_not_lock(verifier):
    for i in range(8):
        result = verifier.check("a", DOSSIER, "0000", NOW + dt.timedelta(minutes=4 * i))
        assert result.outcome is Outcome.FAILED


def test_sender_is_not_stored_in_clear(verifier, tmp_path):
    verifier.check("zalo-user-0912345678", DOSSIER, "0000", NOW)
    assert b"0912345678" not in (tmp_path / "v.db").read_bytes()


def test_sql_gateway_round_trip(tmp_path):
    gateway = SqlDossierGateway(f"sqlite:///{tmp_path / 'd.db'}")
    gateway.upsert([DOSSIER])
    assert gateway.get(DOSSIER.code) == DOSSIER
    assert gateway.get("000.00.00.H00-000000-0000") is None
    assert gateway.codes() == [DOSSIER.code]
