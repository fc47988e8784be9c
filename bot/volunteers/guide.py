"""The guided self-filing walkthrough: steps from knowledge/guides, filled per procedure."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Mapping, Optional, Tuple

import yaml

from bot.text.normalize import Lexicon
from bot.text.phrases import folded_units


@dataclass(frozen=True)
class Step:
    id: str
    title: str
    text: str
    problems: List[str]
    volunteer_tip: str = ""


@dataclass(frozen=True)
class Guide:
    steps: List[Step]
    #: procedures offered as buttons when a volunteer starts (the most common at a one-stop centre)
    shortcuts: Tuple[str, ...] = ()
    #: typed replies to a step, by reply ("done", "stuck", ...)
    replies: Mapping[str, Tuple[str, ...]] = field(default_factory=dict)
    #: folded syllables of each reply phrase, filled on first use (one lexicon per process)
    _folded: Dict[str, List[str]] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def from_file(cls, path: Path) -> "Guide":
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        steps = [Step(s["id"], s["title"], s["text"], list(s.get("problems") or []), s.get("volunteer_tip") or "")
                 for s in document["steps"]]
        if not steps:
            raise ValueError(f"{path}: no steps")
        replies = {str(k): tuple(str(p) for p in v) for k, v in (document.get("replies") or {}).items()}
        return cls(steps, tuple(document.get("shortcuts") or ()), replies)

    def typed_reply(self, text: str, lexicon: Lexicon) -> Optional[str]:
        """The reply a typed message means at a step ("xong rồi ạ" -> "done"), or None.

        A reply phrase must open the message and be followed by at most three
        more words; the longest phrase wins ("chưa được" over "được").
        """
        units = folded_units(text or "", lexicon)[0]
        best: Optional[Tuple[int, str]] = None
        for reply, phrases in self.replies.items():
            for phrase in phrases:
                if phrase not in self._folded:
                    self._folded[phrase] = folded_units(phrase, lexicon)[0]
                wanted = self._folded[phrase]
                if wanted and units[:len(wanted)] == wanted and len(units) <= len(wanted) + 3:
                    if best is None or len(wanted) > best[0]:
                        best = (len(wanted), reply)
        return best[1] if best else None

    def clamp(self, index: int) -> int:
        return max(0, min(index, len(self.steps) - 1))

    def values(self, index: int, procedure_values: Mapping[str, str]) -> Dict[str, str]:
        """Response values for step ``index`` (0-based), its text filled from the procedure."""
        step = self.steps[self.clamp(index)]
        return {
            "step_number": str(self.clamp(index) + 1),
            "step_count": str(len(self.steps)),
            "step_title": step.title,
            "step_text": step.text.format_map(_Missing(procedure_values)),
            "step_problems": "\n".join(f"- {p}" for p in step.problems),
            "volunteer_tip": step.volunteer_tip,
        }


class _Missing(dict):
    """Leaves unknown placeholders visible instead of failing."""

    def __init__(self, values: Mapping[str, str]) -> None:
        super().__init__(values)

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"
