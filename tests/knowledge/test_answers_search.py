import datetime as dt

import pytest

from bot import PROJECT_ROOT
from bot.knowledge.answers import AnswerFormatter, format_money, load_vocabulary, split_lines
from bot.knowledge.contact import contact_values, opening_hours_text
from bot.knowledge.model import Procedure, ProvinceProfile
from bot.knowledge.resolve import question_kind, resolve_procedure
from bot.knowledge.search import ProcedureIndex
from tests.factories import PROVINCE, SAMPLE_PROCEDURES

PROCEDURES = [Procedure.parse_obj(d) for d in SAMPLE_PROCEDURES]
VOCABULARY = load_vocabulary(str(PROJECT_ROOT / "knowledge" / "vocabulary.yml"))


@pytest.fixture(scope="module")
def index():
    return ProcedureIndex(PROCEDURES)


@pytest.mark.parametrize("amount, text", [(0, "0 đ"), (7000, "7.000 đ"), (1250000, "1.250.000 đ")])
def test_format_money(amount, text):
    assert format_money(amount, "đ") == text


def test_documents_are_numbered_with_kind_and_condition():
    values = AnswerFormatter(VOCABULARY).values(PROCEDURES[0])
    assert values["documents"].split("\n") == [
        "1. Tờ khai đăng ký khai sinh (bản chính)",
        "2. Giấy chứng sinh (bản chính) – nếu không có thì văn bản của người làm chứng",
    ]


def test_fee_free_and_online_price():
    formatter = AnswerFormatter(VOCABULARY)
    assert formatter.values(PROCEDURES[0])["fees"] == "- Lệ phí đăng ký khai sinh đúng hạn: miễn phí"
    assert formatter.values(PROCEDURES[3])["fees"] == (
        "- Lệ phí đăng ký tạm trú: 15.000 đ (nộp trực tuyến: 7.000 đ)"
    )


def test_temporary_fee_depends_on_the_date():
    formatter = AnswerFormatter(VOCABULARY)
    during = formatter.values(PROCEDURES[1], today=dt.date(2026, 11, 23))["fees"]
    after = formatter.values(PROCEDURES[1], today=dt.date(2027, 2, 1))["fees"]
    assert during == "- Lệ phí cấp lại thẻ căn cước: 35.000 đ (áp dụng đến 31/12/2026)"
    assert after == "- Lệ phí cấp lại thẻ căn cước: 70.000 đ (áp dụng từ 01/01/2027)"


def test_split_lines_never_cuts_a_line():
    lines = [f"{i}. " + "x" * 300 for i in range(10)]
    chunks = split_lines(lines, limit=900)
    assert all(len(c) <= 900 for c in chunks)
    assert "\n".join(chunks).split("\n") == lines


@pytest.mark.parametrize(
    "query, expected",
    [
        ("dang ky tam tru", "dang-ky-tam-tru"),
        ("đăng kí tạm chú", "dang-ky-tam-tru"),  # typos
        ("lam lai can cuoc", "cap-lai-the-can-cuoc"),
        ("khai sinh cho con", "dang-ky-khai-sinh"),
    ],
)
def test_search_is_diacritic_insensitive_and_typo_tolerant(index, query, expected):
    assert index.search(query)[0].id == expected


@pytest.mark.parametrize("query", ["", "😀", "?", "cho hỏi", "thủ tục"])
def test_search_without_content_finds_nothing(index, query):
    assert index.search(query) == []


def test_question_kind():
    assert question_kind("ask_fee", None) == "fee"
    assert question_kind("inform", "documents") == "documents"
    assert question_kind("inform", None) == "summary"
    assert question_kind("inform", "bogus") == "summary"


def test_resolution_order(index):
    # linker first
    assert resolve_procedure(["dang-ky-tam-tru"], "dang-ky-khai-sinh", "", index).procedure_id == "dang-ky-tam-tru"
    # context for a follow-up
    assert resolve_procedure([], "dang-ky-khai-sinh", "còn lệ phí?", index).procedure_id == "dang-ky-khai-sinh"
    # two linked procedures: ask
    both = resolve_procedure(["dang-ky-tam-tru", "dang-ky-khai-sinh"], None, "", index)
    assert both.procedure_id is None and [c.id for c in both.candidates] == ["dang-ky-tam-tru", "dang-ky-khai-sinh"]
    # unknown ids are ignored
    assert resolve_procedure(["khong-ton-tai"], None, "", index).procedure_id is None
    # search when nothing else
    assert resolve_procedure([], None, "dang ki tam tru", index).procedure_id == "dang-ky-tam-tru"
    # context is ignored when the citizen is naming a procedure
    result = resolve_procedure([], "dang-ky-khai-sinh", "can cuoc", index, allow_context=False)
    assert result.procedure_id is None and result.candidates


def test_contact_values():
    profile = ProvinceProfile.parse_obj(PROVINCE)
    values = contact_values(profile, VOCABULARY)
    assert values["opening_hours"] == "Thứ Hai – Thứ Sáu: 07:30–17:00; Thứ Bảy: 07:30–11:30"
    assert values["hotline"] == "1900 0000"
    missing = ProvinceProfile.parse_obj({**PROVINCE, "hotline": None})
    assert contact_values(missing, VOCABULARY)["hotline"] == VOCABULARY["not_updated"]
