"""Redact phone numbers, ID numbers and verification digits from free text.

Nothing that identifies a citizen is written in clear to a log or the tracker
store: Vietnamese phone numbers (0xx…, +84…, with spaces, dots or dashes),
9- and 12-digit identity numbers (CMND, CCCD / số định danh), and short digit
answers such as the last four digits of a phone number.
Dossier codes (``000.31.35.H12-251103-0042``) are kept: they identify a file,
not a person, and reveal nothing without the phone check.
"""

from __future__ import annotations

import re
from typing import Any

from bot.text.tree import map_strings

PHONE_MARK = "<phone>"
ID_MARK = "<id-number>"
DIGITS_MARK = "<digits>"

_SEP = r"[\s.\-]?"
_PHONE_RE = re.compile(
    rf"(?<![\w.\-])(?:\+?84{_SEP}|0)(?:\d{_SEP}){{8,9}}\d(?![\w])"
)
_ID_RE = re.compile(r"(?<![\w.\-])(?:\d{12}|\d{9})(?![\w\-])")
_SHORT_DIGITS_RE = re.compile(r"(?<![\w.,\-])\d(?: ?\d){2,5}(?![\w.,\-]\d|\w)")


def redact(text: str) -> str:
    """Text with phone numbers, ID numbers and 3–6 digit answers masked.

    >>> redact("sdt cua toi 0912 345 678, cccd 079203001234, 4 so cuoi 5678")
    'sdt cua toi <phone>, cccd <id-number>, 4 so cuoi <digits>'
    >>> redact("ho so 000.31.35.H12-251103-0042")
    'ho so 000.31.35.H12-251103-0042'
    """
    if not text:
        return text
    text = _PHONE_RE.sub(PHONE_MARK, text)
    text = _ID_RE.sub(ID_MARK, text)
    return _SHORT_DIGITS_RE.sub(DIGITS_MARK, text)


def redact_tree(value: Any) -> Any:
    """``redact`` applied to every string inside dicts, lists and tuples."""
    return map_strings(value, redact)
