"""Finding a Vietnamese phone number in what a citizen typed (for call-backs)."""

from __future__ import annotations

from typing import Optional

import phonenumbers


def find_phone(text: str) -> Optional[str]:
    """The first valid Vietnamese phone number in ``text``, in E.164 form.

    >>> find_phone("so cua bac la 0912 345 678 nhe")
    '+84912345678'
    >>> find_phone("goi 12345") is None
    True
    """
    for match in phonenumbers.PhoneNumberMatcher(text or "", "VN"):
        if phonenumbers.is_valid_number(match.number):
            return phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164)
    return None
