"""Segmentation with exact character offsets into the text as received.

Vietnamese writes one syllable per space-separated unit; a word is one or more
syllables ("căn cước"). underthesea groups syllables into words, but it works
on NFC text and mis-groups text typed without diacritics ("muon lam",
"lai can"). So:

* ``syllables`` splits the original text (NFC or NFD) into syllable spans;
* ``words`` asks underthesea to group those syllables when the text carries
  diacritics, and keeps plain syllables when it does not (or when it is very
  long, to bound latency).

Every span's ``text`` is an exact substring of the input; ``folded`` is the
diacritic-free, abbreviation-expanded form that features and matching use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import List, Optional, Sequence

from bot.text.fold import has_diacritics
from bot.text.normalize import Lexicon, default_lexicon, nfc

# A syllable is a run of letters, digits and combining marks (so NFD text keeps
# its accents inside the syllable); any other non-space character stands alone.
_SYLLABLE_RE = re.compile(r"(?:[^\W_]|[\u0300-\u036f])+|\S")

#: Above this many syllables a message is not sent to underthesea.
MAX_SEGMENTED_SYLLABLES = 300


@dataclass(frozen=True)
class Span:
    """A piece of the input: ``text == original[start:end]``."""

    start: int
    end: int
    text: str
    folded: str

    @property
    def is_word(self) -> bool:
        return any(ch.isalnum() for ch in self.text)


def syllables(text: str, lexicon: Optional[Lexicon] = None) -> List[Span]:
    """Split ``text`` into syllables and single punctuation/emoji characters.

    >>> [s.text for s in syllables("Làm lại CCCD ạ?")]
    ['Làm', 'lại', 'CCCD', 'ạ', '?']
    >>> syllables("ko dc")[0].folded
    'khong'
    """
    lex = lexicon or default_lexicon()
    return [
        Span(m.start(), m.end(), m.group(), lex.expand(m.group()))
        for m in _SYLLABLE_RE.finditer(text)
    ]


def _group(text: str, parts: Sequence[Span], sizes: Sequence[int]) -> List[Span]:
    grouped: List[Span] = []
    index = 0
    for size in sizes:
        members = parts[index : index + size]
        start, end = members[0].start, members[-1].end
        grouped.append(
            Span(start, end, text[start:end], " ".join(m.folded for m in members))
        )
        index += size
    return grouped


def _underthesea_sizes(parts: Sequence[Span]) -> Optional[List[int]]:
    """Syllables per word as underthesea groups them, or None if it disagrees."""
    from underthesea import word_tokenize  # loaded on first use (~1 s)

    sentence = " ".join(nfc(p.text) for p in parts)
    try:
        segmented = word_tokenize(sentence)
    except Exception:  # noqa: BLE001 - a segmenter failure must not lose the message
        return None
    sizes = [len(word.split()) for word in segmented]
    if sum(sizes) != len(parts) or any(size < 1 for size in sizes):
        return None
    return sizes


def words(text: str, lexicon: Optional[Lexicon] = None) -> List[Span]:
    """Words of ``text`` with exact offsets; syllables when it has no diacritics.

    >>> [w.text for w in words("làm lại căn cước công dân")]
    ['làm', 'lại', 'căn cước', 'công dân']
    >>> [w.text for w in words("toi muon lam lai can cuoc")]
    ['toi', 'muon', 'lam', 'lai', 'can', 'cuoc']
    >>> words("làm lại căn cước công dân")[2].folded
    'can cuoc'
    """
    parts = syllables(text, lexicon)
    if not parts or not has_diacritics(text) or len(parts) > MAX_SEGMENTED_SYLLABLES:
        return parts
    sizes = _underthesea_sizes(parts)
    if sizes is None:
        return parts
    return _group(text, parts, sizes)
