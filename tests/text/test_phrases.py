import unicodedata

import pytest

from bot.text.phrases import PhraseLinker
from tests.hostile import HOSTILE_TEXTS


@pytest.fixture(scope="module")
def linker():
    return PhraseLinker(
        {
            "dang-ky-khai-sinh": ["Đăng ký khai sinh", "khai sinh", "giấy khai sinh"],
            "cap-lai-the-can-cuoc": ["cấp lại thẻ căn cước", "làm lại căn cước", "làm lại cccd"],
            "cap-the-can-cuoc": ["căn cước công dân lần đầu"],
            "dang-ky-tam-tru": ["đăng ký tạm trú", "tạm trú"],
        }
    )


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Đăng ký khai sinh cần giấy tờ gì", [("Đăng ký khai sinh", "dang-ky-khai-sinh")]),
        ("dang ky khai sinh can giay to gi", [("dang ky khai sinh", "dang-ky-khai-sinh")]),
        (unicodedata.normalize("NFD", "đăng ký khai sinh"), None),
        ("toi muon lam lai CCCD", [("lam lai CCCD", "cap-lai-the-can-cuoc")]),
        ("làm lại căn cước công dân", [("làm lại căn cước công dân", "cap-lai-the-can-cuoc")]),
        ("làm lại căn cước", [("làm lại căn cước", "cap-lai-the-can-cuoc")]),
        ("tam tru va khai sinh", [("tam tru", "dang-ky-tam-tru"), ("khai sinh", "dang-ky-khai-sinh")]),
        ("thủ tục hộ chiếu", []),
    ],
)
def test_find(linker, text, expected):
    found = [(m.text, m.id) for m in linker.find(text)]
    if expected is None:
        assert [m.id for m in linker.find(text)] == ["dang-ky-khai-sinh"]
        [match] = linker.find(text)
        assert text[match.start : match.end] == match.text == text
    else:
        assert found == expected


def test_longest_match_wins(linker):
    # "đăng ký tạm trú" (3 syllables) beats "tạm trú" (2) on the same words
    [match] = linker.find("đăng ký tạm trú ở đâu")
    assert (match.text, match.pattern) == ("đăng ký tạm trú", "dang ky tam tru")


def test_abbreviation_in_pattern_matches_full_form(linker):
    [match] = linker.find("lam lai can cuoc cong dan")
    assert match.id == "cap-lai-the-can-cuoc"


def test_patterns_keep_only_phrases_with_letters():
    linker = PhraseLinker({"x": ["???", "khai sinh"], "y": ["😀"]})
    assert linker.patterns == {"x": ["khai sinh"]}


@pytest.mark.parametrize("text", HOSTILE_TEXTS)
def test_hostile_input(linker, text):
    for match in linker.find(text):
        assert text[match.start : match.end] == match.text
