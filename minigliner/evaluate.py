"""Entity-level precision, recall and micro-F1: a prediction counts only with exact boundaries and label."""
from __future__ import annotations

from collections import Counter

from .model import check_labels


def prf(n_pred: int, n_gold: int, n_correct: int) -> dict[str, float]:
    """Precision, recall, F1 from counts (0 where undefined)."""
    p = n_correct / n_pred if n_pred else 0.0
    r = n_correct / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f}


def score(predicted: list[list[tuple]], gold: list[list[tuple]]) -> dict:
    """Micro P/R/F1 over sentences of (start, end, label) tuples, plus per-label scores."""
    if len(predicted) != len(gold):
        raise ValueError(f"{len(predicted)} predicted sentences but {len(gold)} gold sentences")
    pred_c, gold_c, hit_c = Counter(), Counter(), Counter()
    for p, g in zip(predicted, gold):
        p, g = set(map(tuple, p)), set(map(tuple, g))
        pred_c.update(t[-1] for t in p)
        gold_c.update(t[-1] for t in g)
        hit_c.update(t[-1] for t in p & g)
    total = prf(sum(pred_c.values()), sum(gold_c.values()), sum(hit_c.values()))
    per_label = {lab: prf(pred_c[lab], gold_c[lab], hit_c[lab]) for lab in sorted(gold_c | pred_c)}
    return {**total, "per_label": per_label}


def evaluate(model, examples: list[dict], labels: list[str], threshold: float = 0.5,
             flat_ner: bool = True, batch_size: int = 8) -> dict:
    """Predict on GLiNER JSON examples (their own word split) and score against their `ner` spans."""
    labels = check_labels(labels)
    spans = model.predict_spans([ex["tokenized_text"] for ex in examples], labels, threshold,
                                flat_ner=flat_ner, batch_size=batch_size)
    predicted = [[(s.start, s.end, labels[s.label]) for s in row] for row in spans]
    gold = [[(s, e, lab) for s, e, lab in ex["ner"] if lab in labels] for ex in examples]
    return score(predicted, gold)
