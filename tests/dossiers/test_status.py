import datetime as dt

import pytest

from bot.dossiers.model import MalformedDossier, parse_dossier
from bot.dossiers.status import due_answers, payment_answers, status_answers
from bot.payments.policy import PaymentLinkPolicy
from tests.dossiers.samples import dossier_json

ZONE = dt.timezone(dt.timedelta(hours=7))
BEFORE_DUE = dt.datetime(2025, 11, 5, 9, 0, tzinfo=ZONE)
AFTER_DUE = dt.datetime(2025, 11, 10, 9, 0, tzinfo=ZONE)
POLICY = PaymentLinkPolicy(["dichvucong.gov.vn", "gialai.gov.vn"])


def names(answers):
    return [a.response for a in answers]


@pytest.mark.parametrize("status", ["received", "processing", "ready", "returned", "withdrawn"])
def test_each_status_has_its_answer(status):
    dossier = parse_dossier(dossier_json(status=status))
    assert names(status_answers(dossier, BEFORE_DUE)) == [f"utter_dossier_status_{status}"]


@pytest.mark.parametrize("status", ["additional_docs_required", "rejected"])
def test_note_is_given_when_present(status):
    with_note = parse_dossier(dossier_json(status=status, note="Bổ sung bản sao giấy tờ nhà"))
    [answer] = status_answers(with_note, BEFORE_DUE)
    assert answer.response == f"utter_dossier_status_{status}"
    assert answer.values["note"] == "Bổ sung bản sao giấy tờ nhà"
    without = parse_dossier(dossier_json(status=status, note=None))
    assert names(status_answers(without, BEFORE_DUE)) == [f"utter_dossier_status_{status}_no_note"]


def test_overdue_is_announced():
    dossier = parse_dossier(dossier_json(status="processing"))
    assert names(status_answers(dossier, AFTER_DUE)) == ["utter_dossier_status_processing", "utter_dossier_overdue"]
    finished = parse_dossier(dossier_json(status="ready", finished_at="2025-11-07T10:00:00+07:00"))
    assert "utter_dossier_overdue" not in names(status_answers(finished, AFTER_DUE))


def test_values_mask_the_name_and_never_carry_the_phone():
    [answer] = status_answers(parse_dossier(dossier_json()), BEFORE_DUE)
    assert answer.values["applicant"] == "N. V. An"
    assert not any("0912345678" in v or "5678" in v for v in answer.values.values())
    assert answer.values["due_at"] == "17:00 06/11/2025"


def test_due_answers():
    assert names(due_answers(parse_dossier(dossier_json()), BEFORE_DUE)) == ["utter_dossier_due"]
    assert names(due_answers(parse_dossier(dossier_json()), AFTER_DUE)) == ["utter_dossier_overdue"]
    assert names(due_answers(parse_dossier(dossier_json(due_at=None)), BEFORE_DUE)) == ["utter_dossier_due_unknown"]
    assert names(due_answers(parse_dossier(dossier_json(status="ready")), BEFORE_DUE)) == ["utter_dossier_result_ready"]


@pytest.mark.parametrize(
    "fee, expected",
    [
        ({"amount": 7000, "paid": False, "payment_url": "https://dichvucong.gov.vn/p/tt?ma=1"}, "utter_dossier_fee_unpaid_link"),
        ({"amount": 7000, "paid": False, "payment_url": "https://dichvucongs.top/pay"}, "utter_dossier_fee_unpaid_portal"),
        ({"amount": 7000, "paid": False, "payment_url": "http://dichvucong.gov.vn/p"}, "utter_dossier_fee_unpaid_portal"),
        ({"amount": 7000, "paid": False, "payment_url": None}, "utter_dossier_fee_unpaid_portal"),
        ({"amount": 7000, "paid": True, "payment_url": None}, "utter_dossier_fee_paid"),
        ({"amount": 0, "paid": False, "payment_url": None}, "utter_dossier_fee_none"),
    ],
)
def test_payment_link_policy_applies(fee, expected):
    [answer] = payment_answers(parse_dossier(dossier_json(fee=fee)), POLICY, "https://dichvucong.gov.vn")
    assert answer.response == expected
    if expected != "utter_dossier_fee_unpaid_link":
        assert "payment_url" not in answer.values


@pytest.mark.parametrize(
    "overrides",
    [{"status": "done"}, {"fee": None}, {"fee": {"amount": "7000", "paid": False}}, {"received_at": "hôm qua"},
     {"received_at": "2025-11-03T08:15:00"}, {"code": None}, {"fee": {"amount": 1, "paid": "no"}}],
)
def test_contract_violations_are_malformed(overrides):
    with pytest.raises(MalformedDossier):
        parse_dossier(dossier_json(**overrides))
