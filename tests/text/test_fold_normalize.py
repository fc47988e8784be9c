import unicodedata

import pytest

from bot.text.fold import fold, has_diacritics
from bot.text.normalize import Lexicon, default_lexicon, nfc


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Đăng ký khai sinh", "dang ky khai sinh"),
        ("ĐƯỜNG", "duong"),
        ("Thủ tục hành chính", "thu tuc hanh chinh"),
        ("căn cước", "can cuoc"),
        ("dang ky", "dang ky"),
        ("", ""),
        ("😀 abc", "😀 abc"),
    ],
)
def test_fold(text, expected):
    assert fold(text) == expected


def test_fold_nfd_equals_nfc():
    text = "Đăng ký thường trú ở đâu"
    assert fold(unicodedata.normalize("NFD", text)) == fold(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("dang ky khai sinh", False),
        ("đang", True),
        ("khai sinh ạ", True),
        (unicodedata.normalize("NFD", "tạm trú"), True),
        ("", False),
        ("123 ?!", False),
    ],
)
def test_has_diacritics(text, expected):
    assert has_diacritics(text) is expected


def test_nfc_composes():
    decomposed = unicodedata.normalize("NFD", "hộ chiếu")
    assert decomposed != "hộ chiếu"
    assert nfc(decomposed) == "hộ chiếu"


@pytest.mark.parametrize(
    "abbreviation, expected",
    [
        ("ko", "khong"),
        ("K", "khong"),
        ("hok", "khong"),
        ("dc", "duoc"),
        ("đc", "duoc"),
        ("j", "gi"),
        ("cccd", "can cuoc cong dan"),
        ("CCCD", "can cuoc cong dan"),
        ("gplx", "giay phep lai xe"),
        ("sđt", "so dien thoai"),
        ("sdt", "so dien thoai"),
        ("lltp", "ly lich tu phap"),
        ("được", "duoc"),
        ("khai", "khai"),
    ],
)
def test_default_lexicon(abbreviation, expected):
    assert default_lexicon().expand(abbreviation) == expected


def test_lexicon_rejects_empty_entries():
    with pytest.raises(ValueError):
        Lexicon.from_mapping({"": "không"})
    with pytest.raises(ValueError):
        Lexicon.from_mapping({"ko": " "})


def test_lexicon_file_has_no_duplicate_folded_keys():
    import yaml

    from bot.text.normalize import DEFAULT_LEXICON_PATH

    raw = yaml.safe_load(DEFAULT_LEXICON_PATH.read_text(encoding="utf-8"))["abbreviations"]
    folded = [fold(key) for key in raw]
    duplicates = {key for key in folded if folded.count(key) > 1}
    # "đc"/"dc" and "sđt"/"sdt" fold together on purpose: they must agree.
    for key in duplicates:
        expansions = {fold(v) for k, v in raw.items() if fold(k) == key}
        assert len(expansions) == 1, (key, expansions)
