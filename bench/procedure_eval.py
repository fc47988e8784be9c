"""How well the assistant finds the procedure a citizen means.

    python -m bench.procedure_eval [--queries tests/knowledge/procedure_queries.yml]

Ranks candidates as the dialogue does: procedures the linker finds in the
message first, then the knowledge-base search; prints top-1 and top-3 accuracy
for accented and unaccented queries.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Tuple

import yaml

from bot import PROJECT_ROOT
from bot.knowledge.aliases import alias_table
from bot.knowledge.loader import load_procedures
from bot.knowledge.search import ProcedureIndex
from bot.settings import Settings
from bot.text.fold import has_diacritics
from bot.text.phrases import PhraseLinker

QUERIES = PROJECT_ROOT / "tests" / "knowledge" / "procedure_queries.yml"


@dataclass
class Figures:
    n: int = 0
    top1: float = 0.0
    top3: float = 0.0


def rank(text: str, linker: PhraseLinker, index: ProcedureIndex) -> List[str]:
    ranked = list(dict.fromkeys(m.id for m in linker.find(text)))
    for candidate in index.search(text, limit=5, min_score=0):
        if candidate.id not in ranked:
            ranked.append(candidate.id)
    return ranked


def evaluate(path: Path = QUERIES) -> Tuple[Dict[str, Figures], List[Tuple[str, str, List[str]]]]:
    settings = Settings.from_env({})
    linker = PhraseLinker(alias_table(settings.procedures_dir))
    index = ProcedureIndex(load_procedures(settings.procedures_dir).procedures)
    queries = yaml.safe_load(path.read_text(encoding="utf-8"))["queries"]
    hits: Dict[str, List[Tuple[bool, bool]]] = {"accented": [], "unaccented": [], "all": []}
    misses = []
    for item in queries:
        ranked = rank(item["q"], linker, index)
        result = (ranked[:1] == [item["id"]], item["id"] in ranked[:3])
        group = "accented" if has_diacritics(item["q"]) else "unaccented"
        hits[group].append(result)
        hits["all"].append(result)
        if not result[0]:
            misses.append((item["q"], item["id"], ranked[:3]))
    figures = {
        group: Figures(len(rows), sum(r[0] for r in rows) / max(len(rows), 1), sum(r[1] for r in rows) / max(len(rows), 1))
        for group, rows in hits.items()
    }
    return figures, misses


def render(figures: Dict[str, Figures]) -> str:
    lines = [f"{'group':<11} {'n':>4} {'top-1':>7} {'top-3':>7}"]
    lines += [f"{g:<11} {f.n:>4} {f.top1:>7.1%} {f.top3:>7.1%}" for g, f in figures.items()]
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--queries", type=Path, default=QUERIES)
    parser.add_argument("--errors", action="store_true")
    args = parser.parse_args(argv)
    figures, misses = evaluate(args.queries)
    print(render(figures))
    if args.errors:
        for query, expected, got in misses:
            print(f"- {query!r}: expected {expected}, got {got}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
