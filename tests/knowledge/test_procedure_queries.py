"""Held-out citizen queries mapped to their procedure (issue figures: top-1 >= 90 %, top-3 >= 97 %)."""

from bench.procedure_eval import QUERIES, evaluate, render


def test_held_out_queries_find_their_procedure(capsys):
    import yaml

    assert len(yaml.safe_load(QUERIES.read_text(encoding="utf-8"))["queries"]) >= 100
    figures, misses = evaluate()
    with capsys.disabled():
        print("\n" + render(figures))
    assert figures["all"].top1 >= 0.90, misses
    assert figures["all"].top3 >= 0.97, misses
