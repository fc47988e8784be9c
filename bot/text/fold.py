"""Diacritic folding: the form under which accented and unaccented text meet."""

from __future__ import annotations

import unicodedata

_COMBINING_START, _COMBINING_END = 0x0300, 0x036F
_D_MAP = str.maketrans({"đ": "d", "Đ": "d"})


def fold(text: str) -> str:
    """Lower-case ``text`` and strip every Vietnamese diacritic.

    The result has the same number of characters as ``unicodedata.normalize
    ("NFC", text)`` for Vietnamese letters, so it can be used for matching but
    never as a replacement for the text Rasa keeps.

    >>> fold("Đăng ký khai sinh")
    'dang ky khai sinh'
    """
    decomposed = unicodedata.normalize("NFD", text.translate(_D_MAP))
    stripped = "".join(
        ch for ch in decomposed if not _COMBINING_START <= ord(ch) <= _COMBINING_END
    )
    return unicodedata.normalize("NFC", stripped).lower()


def has_diacritics(text: str) -> bool:
    """Whether ``text`` carries any Vietnamese diacritic (NFC or NFD, or đ).

    >>> has_diacritics("dang ky khai sinh"), has_diacritics("đăng ký")
    (False, True)
    """
    if "đ" in text or "Đ" in text:
        return True
    decomposed = unicodedata.normalize("NFD", text)
    return any(_COMBINING_START <= ord(ch) <= _COMBINING_END for ch in decomposed)
