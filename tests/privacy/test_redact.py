import pytest

from bot.privacy.redact import redact, redact_tree
from tests.hostile import HOSTILE_TEXTS


@pytest.mark.parametrize(
    "text, expected",
    [
        ("0912345678", "<phone>"),
        ("goi 0912 345 678 nhe", "goi <phone> nhe"),
        ("+84 912-345-678", "<phone>"),
        ("84912345678", "<phone>"),
        ("sđt 0345.678.901.", "sđt <phone>."),
        ("cccd 079203001234", "cccd <id-number>"),
        ("cmnd 212345678", "cmnd <id-number>"),
        ("4 số cuối là 5678", "4 số cuối là <digits>"),
        ("5 6 7 8", "<digits>"),
        ("ho so 000.31.35.H12-251103-0042", "ho so 000.31.35.H12-251103-0042"),
        ("38.98.H29-210519-0013", "38.98.H29-210519-0013"),
        ("lệ phí 15.000 đồng", "lệ phí 15.000 đồng"),
        ("khai sinh", "khai sinh"),
        ("", ""),
    ],
)
def test_redact(text, expected):
    assert redact(text) == expected


def test_redact_tree_reaches_nested_strings():
    data = {"text": "0912345678", "entities": [{"value": "079203001234"}], "n": 5}
    assert redact_tree(data) == {"text": "<phone>", "entities": [{"value": "<id-number>"}], "n": 5}


@pytest.mark.parametrize("text", HOSTILE_TEXTS)
def test_hostile_input(text):
    assert isinstance(redact(text), str)
