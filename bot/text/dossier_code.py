"""Dossier codes (mã hồ sơ) as citizens type them.

Format (TT 01/2018/TT-VPCP, Điều 19): ``<agency>-<YYMMDD>-<NNNN>``, the agency
segment per QCVN 102:2016 (``000.31.35.H12``); portals also show shortened
agency segments (``38.98.H29``). Citizens add spaces, lower-case the letter or
use other dashes; all of that is accepted and normalised.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import List

_DASH = r"\s*[-‐‑–—_/]\s*|\s+"
_DOSSIER_RE = re.compile(
    r"(?<![\w.])"
    r"(?P<agency>\d{2,3}(?:\s*\.\s*\d{2}){1,2}\s*\.\s*[A-Za-z]\d{2})"
    rf"(?:{_DASH})(?P<date>\d{{6}})"
    rf"(?:{_DASH})(?P<seq>\d{{4}})"
    r"(?![\w])"
)


@dataclass(frozen=True)
class DossierCodeMatch:
    start: int
    end: int
    value: str


def _plausible_date(yymmdd: str) -> bool:
    month, day = int(yymmdd[2:4]), int(yymmdd[4:6])
    return 1 <= month <= 12 and 1 <= day <= 31


def normalize_dossier_code(agency: str, date: str, seq: str) -> str:
    """Canonical form: no spaces, upper case, hyphens.

    >>> normalize_dossier_code("000 . 31.35.h12", "251103", "0042")
    '000.31.35.H12-251103-0042'
    """
    compact = re.sub(r"\s+", "", agency).upper()
    return f"{compact}-{date}-{seq}"


def find_dossier_codes(text: str) -> List[DossierCodeMatch]:
    """Every dossier code in ``text`` with its span and canonical value.

    >>> find_dossier_codes("hs 38.98.h29 - 210519 - 0013 xong chua")
    [DossierCodeMatch(start=3, end=28, value='38.98.H29-210519-0013')]
    """
    found: List[DossierCodeMatch] = []
    for match in _DOSSIER_RE.finditer(text):
        if not _plausible_date(match.group("date")):
            continue
        value = normalize_dossier_code(
            match.group("agency"), match.group("date"), match.group("seq")
        )
        found.append(DossierCodeMatch(match.start(), match.end(), value))
    return found
