import pytest

from bot.text.dossier_code import find_dossier_codes
from tests.hostile import HOSTILE_TEXTS


@pytest.mark.parametrize(
    "text, value, span_text",
    [
        ("hồ sơ 000.31.35.H12-251103-0042 đến đâu rồi", "000.31.35.H12-251103-0042", "000.31.35.H12-251103-0042"),
        ("38.98.H29-210519-0013", "38.98.H29-210519-0013", "38.98.H29-210519-0013"),
        ("ma 000.00.00.h49-250912-0007 a", "000.00.00.H49-250912-0007", "000.00.00.h49-250912-0007"),
        ("000.31.35.H12 - 251103 - 0042 xong chua", "000.31.35.H12-251103-0042", "000.31.35.H12 - 251103 - 0042"),
        ("000 .31 .35 .H12-251103-0042", "000.31.35.H12-251103-0042", "000 .31 .35 .H12-251103-0042"),
        ("000.31.35.H12 251103 0042", "000.31.35.H12-251103-0042", "000.31.35.H12 251103 0042"),
        ("000.31.35.H12–251103–0042", "000.31.35.H12-251103-0042", "000.31.35.H12–251103–0042"),
        ("(000.00.00.G12-240101-1234).", "000.00.00.G12-240101-1234", "000.00.00.G12-240101-1234"),
    ],
)
def test_accepted_forms(text, value, span_text):
    [match] = find_dossier_codes(text)
    assert match.value == value
    assert text[match.start : match.end] == span_text


@pytest.mark.parametrize(
    "text",
    [
        "1.004873.000.00.00.H01",  # a procedure code (mã TTHC), not a dossier code
        "000.31.35.H12-251399-0042",  # month 13
        "000.31.35.H12-251103-00421",  # 5-digit sequence
        "0912345678",
        "079203001234",
        "đăng ký khai sinh",
    ],
)
def test_rejected_forms(text):
    assert find_dossier_codes(text) == []


def test_two_codes_in_one_message():
    text = "38.98.H29-210519-0013 va 000.31.35.H12-251103-0042"
    assert [m.value for m in find_dossier_codes(text)] == [
        "38.98.H29-210519-0013",
        "000.31.35.H12-251103-0042",
    ]


@pytest.mark.parametrize("text", HOSTILE_TEXTS)
def test_hostile_input(text):
    assert isinstance(find_dossier_codes(text), list)
