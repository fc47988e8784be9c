import unicodedata

import pytest

from bot.text.segment import MAX_SEGMENTED_SYLLABLES, syllables, words
from tests.hostile import HOSTILE_TEXTS


def _check_offsets(text, spans):
    for span in spans:
        assert text[span.start : span.end] == span.text
        assert span.text.strip() == span.text and span.text


def test_accented_text_is_segmented_into_words():
    spans = words("làm lại căn cước công dân")
    assert [s.text for s in spans] == ["làm", "lại", "căn cước", "công dân"]
    assert [s.folded for s in spans] == ["lam", "lai", "can cuoc", "cong dan"]


def test_unaccented_text_falls_back_to_syllables():
    # underthesea would produce "muon lam" and "lai can" here
    spans = words("toi muon lam lai can cuoc")
    assert [s.text for s in spans] == ["toi", "muon", "lam", "lai", "can", "cuoc"]


def test_nfd_input_gives_the_same_folded_forms_as_nfc():
    text = "Đăng ký khai sinh cần giấy tờ gì?"
    nfd = unicodedata.normalize("NFD", text)
    assert len(nfd) > len(text)
    nfd_spans, nfc_spans = words(nfd), words(text)
    _check_offsets(nfd, nfd_spans)
    assert [s.folded for s in nfd_spans] == [s.folded for s in nfc_spans]


def test_accented_and_unaccented_yield_the_same_syllable_stream():
    accented = " ".join(s.folded for s in words("Đăng ký khai sinh cần giấy tờ gì"))
    plain = " ".join(s.folded for s in words("dang ky khai sinh can giay to j"))
    assert accented.split() == plain.split()


@pytest.mark.parametrize(
    "text, expected",
    [
        ("ko dc", "khong duoc"),
        ("lam cccd mat bao lau", "lam can cuoc cong dan mat bao lau"),
        ("Đổi GPLX", "doi giay phep lai xe"),
        ("đc hok ạ", "duoc khong a"),
    ],
)
def test_abbreviations_expand_in_folded_form(text, expected):
    assert " ".join(s.folded for s in words(text)) == expected


def test_offsets_with_punctuation_and_codes():
    text = "Hồ sơ 000.31.35.H12-251103-0042, đến đâu rồi ạ?"
    spans = words(text)
    _check_offsets(text, spans)
    assert spans[-1].text == "?"


def test_long_text_is_not_sent_to_underthesea():
    text = "đăng ký " * (MAX_SEGMENTED_SYLLABLES + 10)
    spans = words(text)
    assert len(spans) == len(syllables(text))


@pytest.mark.parametrize("text", HOSTILE_TEXTS)
def test_hostile_input_keeps_exact_offsets(text):
    spans = words(text)
    _check_offsets(text, spans)
    covered = "".join(ch for ch in text if not ch.isspace())
    assert "".join(s.text.replace(" ", "") for s in spans) == "".join(covered.split())
