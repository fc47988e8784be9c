"""The held-out NLU set: never trained on, evaluated against the trained model."""

import os

import pytest
from rasa.shared.nlu.training_data.loading import load_data

from bot import PROJECT_ROOT
from bot.text.fold import fold, has_diacritics
from tests import servers

HOLDOUT = PROJECT_ROOT / "tests" / "nlu" / "holdout"


def _key(text):
    return " ".join(fold(text).split())


def test_holdout_is_large_mixed_and_disjoint_from_training():
    holdout = load_data(str(HOLDOUT)).intent_examples
    training = load_data(str(PROJECT_ROOT / "data" / "nlu")).intent_examples
    assert len(holdout) >= 300
    unaccented = [m for m in holdout if not has_diacritics(m.get("text"))]
    assert len(unaccented) >= 0.35 * len(holdout)
    overlap = {_key(m.get("text")) for m in holdout} & {_key(m.get("text")) for m in training}
    assert not overlap, sorted(overlap)[:10]


def test_every_training_intent_has_enough_examples():
    training = load_data(str(PROJECT_ROOT / "data" / "nlu"))
    counts = {}
    for message in training.intent_examples:
        counts[message.get("intent")] = counts.get(message.get("intent"), 0) + 1
    assert counts and min(counts.values()) >= 25, counts


def test_heldout_accuracy(capsys):
    if not servers.MODEL.exists():
        message = "no trained model: run `make train`"
        if os.environ.get("REQUIRE_E2E"):
            pytest.fail(message)
        pytest.skip(message)
    from bench.nlu_eval import evaluate, render

    report = evaluate(servers.MODEL, HOLDOUT)
    with capsys.disabled():
        print("\n" + render(report))
    # regression floors a little under the measured figures (96.0 % / 95.2 %,
    # seeded training); the target (>= 95 %) is reported by `make eval`, not asserted.
    for group in ("accented", "unaccented"):
        assert report.groups[group].intent_accuracy >= 0.93, group
    assert report.groups["all"].entity_f1 >= 0.80
