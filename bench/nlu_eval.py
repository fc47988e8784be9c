"""NLU evaluation on the held-out set, separately for accented and unaccented input.

    python -m bench.nlu_eval --model models/tro-ly.tar.gz --data tests/nlu/holdout

Prints intent accuracy and macro F1, response-selector accuracy (faq/…,
chitchat/…), and entity precision/recall/F1 (entity type + value, and strict
with offsets) for each group.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Dict, List, Set, Tuple

from bot.text.fold import has_diacritics

GROUPS = ("accented", "unaccented", "all")


@dataclass
class Scores:
    examples: int = 0
    intent_accuracy: float = 0.0
    intent_macro_f1: float = 0.0
    response_examples: int = 0
    response_accuracy: float = 0.0
    entity_precision: float = 0.0
    entity_recall: float = 0.0
    entity_f1: float = 0.0
    entity_f1_strict: float = 0.0


@dataclass
class Report:
    groups: Dict[str, Scores] = field(default_factory=dict)
    errors: List[Tuple[str, str, str]] = field(default_factory=list)


def _prf(gold: List[Set], predicted: List[Set]) -> Tuple[float, float, float]:
    tp = sum(len(g & p) for g, p in zip(gold, predicted))
    n_pred = sum(len(p) for p in predicted)
    n_gold = sum(len(g) for g in gold)
    precision = tp / n_pred if n_pred else 1.0
    recall = tp / n_gold if n_gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def score(rows: List[Dict]) -> Scores:
    from sklearn.metrics import f1_score

    if not rows:
        return Scores()
    gold = [r["intent"] for r in rows]
    pred = [r["predicted_intent"] for r in rows]
    retrieval = [r for r in rows if r["response_key"]]
    precision, recall, f1 = _prf(
        [r["entities"] for r in rows], [r["predicted_entities"] for r in rows]
    )
    _, _, strict = _prf([r["spans"] for r in rows], [r["predicted_spans"] for r in rows])
    return Scores(
        examples=len(rows),
        intent_accuracy=sum(g == p for g, p in zip(gold, pred)) / len(rows),
        intent_macro_f1=f1_score(gold, pred, average="macro", labels=sorted(set(gold)), zero_division=0),
        response_examples=len(retrieval),
        response_accuracy=(
            sum(r["response_key"] == r["predicted_response_key"] for r in retrieval) / len(retrieval)
            if retrieval else 0.0
        ),
        entity_precision=precision,
        entity_recall=recall,
        entity_f1=f1,
        entity_f1_strict=strict,
    )


async def _parse_all(model: Path, texts: List[str]) -> List[Dict]:
    import logging

    from rasa.core.agent import Agent
    from rasa.utils.log_utils import configure_structlog

    configure_structlog(logging.WARNING)  # no per-message parse lines
    agent = Agent.load(str(model))
    return [await agent.parse_message(text) for text in texts]


def _response_key(parse: Dict, intent: str) -> str:
    selector = (parse.get("response_selector") or {})
    for key in (intent, "default"):
        response = (selector.get(key) or {}).get("response") or {}
        if response.get("intent_response_key"):
            return response["intent_response_key"]
    return ""


def evaluate(model: Path, data: Path) -> Report:
    from rasa.shared.nlu.training_data.loading import load_data

    examples = [m for m in load_data(str(data)).intent_examples]
    texts = [m.get("text") for m in examples]
    parses = asyncio.run(_parse_all(model, texts))
    rows_by_group: Dict[str, List[Dict]] = {g: [] for g in GROUPS}
    report = Report()
    for message, parse in zip(examples, parses):
        intent = message.get("intent")
        predicted_intent = (parse.get("intent") or {}).get("name") or ""
        gold_entities = message.get("entities") or []
        predicted = parse.get("entities") or []
        row = {
            "intent": intent,
            "predicted_intent": predicted_intent,
            "response_key": message.get("intent_response_key") if "/" in (message.get("intent_response_key") or "") else "",
            "predicted_response_key": _response_key(parse, intent),
            "entities": {(e["entity"], str(e["value"])) for e in gold_entities},
            "predicted_entities": {(e["entity"], str(e["value"])) for e in predicted},
            "spans": {(e["entity"], str(e["value"]), e["start"], e["end"]) for e in gold_entities},
            "predicted_spans": {(e["entity"], str(e["value"]), e["start"], e["end"]) for e in predicted},
        }
        group = "accented" if has_diacritics(message.get("text")) else "unaccented"
        rows_by_group[group].append(row)
        rows_by_group["all"].append(row)
        if row["intent"] != row["predicted_intent"] or row["entities"] != row["predicted_entities"]:
            report.errors.append((message.get("text"), f"{intent} {sorted(row['entities'])}",
                                  f"{predicted_intent} {sorted(row['predicted_entities'])}"))
    report.groups = {group: score(rows) for group, rows in rows_by_group.items()}
    return report


def render(report: Report) -> str:
    lines = [
        f"{'group':<11} {'n':>4} {'intent acc':>10} {'macro F1':>8} {'resp acc':>8} "
        f"{'ent P':>6} {'ent R':>6} {'ent F1':>6} {'F1 strict':>9}"
    ]
    for group in GROUPS:
        s = report.groups[group]
        lines.append(
            f"{group:<11} {s.examples:>4} {s.intent_accuracy:>10.1%} {s.intent_macro_f1:>8.3f} "
            f"{s.response_accuracy:>8.1%} {s.entity_precision:>6.3f} {s.entity_recall:>6.3f} "
            f"{s.entity_f1:>6.3f} {s.entity_f1_strict:>9.3f}"
        )
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", type=Path, default=Path("models/tro-ly.tar.gz"))
    parser.add_argument("--data", type=Path, default=Path("tests/nlu/holdout"))
    parser.add_argument("--errors", action="store_true", help="list misclassified examples")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON")
    args = parser.parse_args(argv)
    report = evaluate(args.model, args.data)
    print(render(report))
    if args.errors:
        for text, gold, predicted in report.errors:
            print(f"- {text!r}\n    gold: {gold}\n    got:  {predicted}")
    if args.json:
        args.json.write_text(json.dumps({g: asdict(s) for g, s in report.groups.items()}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
