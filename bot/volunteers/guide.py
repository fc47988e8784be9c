"""The guided self-filing walkthrough: steps from knowledge/guides, filled per procedure."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Mapping

import yaml


@dataclass(frozen=True)
class Step:
    id: str
    title: str
    text: str
    problems: List[str]


@dataclass(frozen=True)
class Guide:
    steps: List[Step]

    @classmethod
    def from_file(cls, path: Path) -> "Guide":
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        steps = [Step(s["id"], s["title"], s["text"], list(s.get("problems") or [])) for s in document["steps"]]
        if not steps:
            raise ValueError(f"{path}: no steps")
        return cls(steps)

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
        }


class _Missing(dict):
    """Leaves unknown placeholders visible instead of failing."""

    def __init__(self, values: Mapping[str, str]) -> None:
        super().__init__(values)

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"
