"""Normalisation: NFC and the chat-abbreviation lexicon (teencode)."""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Mapping, Optional

import yaml

from bot import PROJECT_ROOT
from bot.text.fold import fold

DEFAULT_LEXICON_PATH = PROJECT_ROOT / "data" / "lexicon" / "abbreviations.yml"


def nfc(text: str) -> str:
    """Compose ``text`` to NFC, the form every comparison in the bot uses.

    >>> nfc("khai sinh") == nfc(unicodedata.normalize("NFD", "khai sinh"))
    True
    """
    return unicodedata.normalize("NFC", text)


@dataclass(frozen=True)
class Lexicon:
    """Chat abbreviations keyed by their folded form ("ko", "dc", "cccd").

    ``expand`` returns the folded expansion of one syllable, so that "đc",
    "dc" and "được" all become "duoc", and "cccd" becomes "can cuoc cong dan".
    """

    entries: Mapping[str, str]

    @classmethod
    def from_mapping(cls, mapping: Mapping[str, str]) -> "Lexicon":
        folded: Dict[str, str] = {}
        for abbreviation, expansion in mapping.items():
            key = fold(nfc(str(abbreviation)).strip())
            if not key or not str(expansion).strip():
                raise ValueError(f"empty abbreviation entry: {abbreviation!r}")
            folded[key] = fold(nfc(str(expansion)).strip())
        return cls(entries=folded)

    @classmethod
    def from_file(cls, path: Path) -> "Lexicon":
        with open(path, encoding="utf-8") as handle:
            document = yaml.safe_load(handle) or {}
        return cls.from_mapping(document.get("abbreviations", {}))

    def expand(self, syllable: str) -> str:
        """Folded form of one syllable, with its abbreviation expanded.

        >>> Lexicon.from_mapping({"ko": "không"}).expand("Ko")
        'khong'
        """
        folded = fold(nfc(syllable))
        return self.entries.get(folded, folded)


@functools.lru_cache(maxsize=4)
def _load(path: str) -> Lexicon:
    return Lexicon.from_file(Path(path))


def default_lexicon(path: Optional[Path] = None) -> Lexicon:
    """The lexicon shipped in ``data/lexicon/abbreviations.yml`` (cached)."""
    return _load(str(path or DEFAULT_LEXICON_PATH))
