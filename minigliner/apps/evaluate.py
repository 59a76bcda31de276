"""Entity-level precision, recall and micro-F1: a prediction counts only with exact boundaries and label.

Scores are micro-averaged over the entities of one dataset; several datasets are summarised by the
mean of their F1 (as GLiNER's Table 1 does for its zero-shot benchmark).
"""
from __future__ import annotations

from collections import Counter

from tqdm import tqdm

from ..core.decoding import Span, greedy_select
from ..core.prompt import check_labels
from ..inference.jobs import text_candidates
from ..inference.requests import LabelSet, label_sets, label_thresholds


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


def gold_spans(examples: list[dict], labels: list[str]) -> list[list[tuple]]:
    """(start, end, label) gold tuples of each example, only for the labels asked for."""
    asked = set(labels)
    return [[(s, e, lab) for s, e, lab in ex["ner"] if lab in asked] for ex in examples]


def predict(model, examples: list[dict], labels: list[str], threshold=0.5,
            flat_ner: bool = True, batch_size: int = 8) -> list[list[tuple]]:
    """The model's (start, end, label) tuples for each example, on the example's own words; threshold: a
    number or {label: number}."""
    labels = check_labels(labels)
    if not isinstance(threshold, (int, float)):
        return select(text_candidates(model, [ex["tokenized_text"] for ex in examples], labels,
                                      min(per_label(threshold, labels)), batch_size), labels, threshold, flat_ner)
    spans = model.predict_spans([ex["tokenized_text"] for ex in examples], labels, threshold,
                                flat_ner=flat_ner, batch_size=batch_size)
    return [[(s.start, s.end, labels[s.label]) for s in row] for row in spans]


def evaluate(model, examples: list[dict], labels: list[str], threshold=0.5,
             flat_ner: bool = True, batch_size: int = 8) -> dict:
    """Predict on GLiNER JSON examples (their own word split) and score against their `ner` spans."""
    predicted = predict(model, examples, labels, threshold, flat_ner, batch_size)
    return score(predicted, gold_spans(examples, labels))


def per_label(threshold, labels: list[str]) -> list[float]:
    """The threshold of each label: a number for all, or a {label: number} mapping covering exactly them."""
    return list(label_thresholds(threshold, LabelSet(tuple(labels), tuple(labels))))


def select(candidates: list[list[Span]], labels: list[str], threshold, flat_ner: bool = True) -> list[list[tuple]]:
    """(start, end, label) tuples chosen greedily from each text's candidates above their label's threshold."""
    limit = per_label(threshold, labels)
    chosen = [greedy_select([c for c in row if c.score > limit[c.label]], flat_ner) for row in candidates]
    return [[(s.start, s.end, labels[s.label]) for s in row] for row in chosen]


def gliner_report(model, test_data: list[dict], flat_ner: bool = False, multi_label: bool = False,
                  threshold: float = 0.5, batch_size: int = 12, entity_types=None) -> tuple[str, float]:
    """gliner 0.2.29's GLiNER.evaluate: micro P/R/F1 over every gold entity, as gliner's report line and the F1.

    entity_types: the labels asked, one list for all texts or one per text; None asks every text about all
    the labels of test_data (gliner then asks each text its own gold labels plus random others, which does
    not repeat). Gold entities of labels not asked stay in the gold set, as missed ones, as in gliner.
    """
    if entity_types is None:
        entity_types = sorted({label for ex in test_data for *_, label in ex["ner"]})
    sets = label_sets(entity_types, len(test_data))
    predicted: list[list[tuple]] = [[] for _ in test_data]
    for labels in dict.fromkeys(sets):
        rows = [i for i, s in enumerate(sets) if s == labels]
        spans = model.predict_spans([test_data[i]["tokenized_text"] for i in rows], list(labels.prompts), threshold,
                                    flat_ner, multi_label, batch_size)
        for i, row in zip(rows, spans):
            predicted[i] = [(s.start, s.end, labels.names[s.label]) for s in row]
    result = score(predicted, [[tuple(x) for x in ex["ner"]] for ex in test_data])
    return f"P: {result['precision']:.2%}\tR: {result['recall']:.2%}\tF1: {result['f1']:.2%}\n", result["f1"]


def threshold_curve(model, examples: list[dict], labels: list[str], thresholds: list,
                    flat_ner: bool = True, batch_size: int = 8) -> list[dict]:
    """evaluate() at every threshold (a number or {label: number}) from one forward pass: select from the
    lowest threshold's candidates."""
    labels = check_labels(labels)
    if not thresholds:
        raise ValueError("thresholds is empty")
    lowest = min(min(per_label(t, labels)) for t in thresholds)
    candidates = text_candidates(model, [ex["tokenized_text"] for ex in examples], labels, lowest, batch_size)
    gold = gold_spans(examples, labels)
    return [{"threshold": t, **score(select(candidates, labels, t, flat_ner), gold)} for t in thresholds]


def calibrate_thresholds(model, examples: list[dict], labels: list[str], grid: list[float] | None = None,
                         flat_ner: bool = True, batch_size: int = 8, passes: int = 2) -> dict[str, float]:
    """One threshold per label chosen on a dev set: the best common threshold of `grid`, then, label by label
    (`passes` times over the labels), the grid value that raises the micro F1 most. One forward pass."""
    labels = check_labels(labels)
    grid = sorted(grid or [round(0.05 * i, 2) for i in range(1, 20)])
    candidates = text_candidates(model, [ex["tokenized_text"] for ex in examples], labels, grid[0], batch_size)
    return calibrate_on(candidates, gold_spans(examples, labels), labels, grid, flat_ner, passes)


def calibrate_on(candidates: list[list[Span]], gold: list[list[tuple]], labels: list[str], grid: list[float],
                 flat_ner: bool = True, passes: int = 2) -> dict[str, float]:
    """calibrate_thresholds on candidates already collected at the lowest grid value, and their gold spans."""
    f1 = lambda limits: score(select(candidates, labels, dict(zip(labels, limits)), flat_ner), gold)["f1"]
    best = max(sorted(grid), key=lambda t: f1([t] * len(labels)))          # ties: the lowest
    limits = [best] * len(labels)
    for _ in range(passes):
        for c in range(len(labels)):
            current = f1(limits)
            for t in grid:
                trial = limits[:c] + [t] + limits[c + 1:]
                if (value := f1(trial)) > current:
                    limits, current = trial, value
    return dict(zip(labels, limits))


def evaluate_datasets(model, datasets: dict[str, tuple[list[dict], list[str]]], threshold: float = 0.5,
                      flat_ner: bool = True, batch_size: int = 8) -> dict:
    """Score every {name: (examples, labels)}; the summary is the mean of the datasets' F1 (and P, R)."""
    return sweep_datasets(model, datasets, [threshold], flat_ner, batch_size)[0]


def sweep_datasets(model, datasets: dict[str, tuple[list[dict], list[str]]], thresholds: list[float],
                   flat_ner: bool = True, batch_size: int = 8, progress: bool = False) -> list[dict]:
    """evaluate_datasets() at each threshold, one forward pass per dataset (see threshold_curve); a
    {label: number} threshold names the labels of every dataset (each dataset uses its own)."""
    if not datasets:
        raise ValueError("no datasets to evaluate")
    per_threshold = [{} for _ in thresholds]
    for name, (examples, labels) in tqdm(datasets.items(), desc="evaluating", disable=not progress):
        facts = {"sentences": len(examples), "entities": sum(map(len, gold_spans(examples, labels))),
                 "labels": list(labels)}
        own = [t if isinstance(t, (int, float)) else {k: v for k, v in t.items() if k in labels} for t in thresholds]
        for results, point in zip(per_threshold, threshold_curve(model, examples, labels, own, flat_ner, batch_size)):
            results[name] = {k: v for k, v in point.items() if k != "threshold"} | facts
    return [summarize(results, t, flat_ner) for results, t in zip(per_threshold, thresholds)]


def summarize(results: dict[str, dict], threshold: float, flat_ner: bool) -> dict:
    """Per-dataset results with their mean F1, P and R (GLiNER Table 1 averages F1 over datasets)."""
    mean = {k: sum(r[k] for r in results.values()) / len(results) for k in ("precision", "recall", "f1")}
    return {"datasets": results, "average_f1": mean["f1"], "average_precision": mean["precision"],
            "average_recall": mean["recall"], "threshold": threshold, "flat_ner": flat_ner}


def format_table(result: dict, reference: dict[str, float] | None = None, reference_name: str = "paper") -> str:
    """The per-dataset P/R/F1 (in %) of evaluate_datasets() and its average, beside reference F1s if given."""
    extra = f" {reference_name:>7}" if reference else ""
    lines = [f"{'dataset':24} {'sentences':>9} {'entities':>8} {'P':>6} {'R':>6} {'F1':>6}{extra}"]
    for name, r in result["datasets"].items():
        ref = f" {reference[name]:7.1f}" if reference and name in reference else (" " * 8 if reference else "")
        lines.append(f"{name:24} {r['sentences']:9d} {r['entities']:8d} {100 * r['precision']:6.1f} "
                     f"{100 * r['recall']:6.1f} {100 * r['f1']:6.1f}{ref}")
    ref = ""
    if reference:
        known = [reference[n] for n in result["datasets"] if n in reference]
        ref = f" {sum(known) / len(known):7.1f}" if known else " " * 8
    lines.append(f"{'average':24} {'':9} {'':8} {100 * result['average_precision']:6.1f} "
                 f"{100 * result['average_recall']:6.1f} {100 * result['average_f1']:6.1f}{ref}")
    return "\n".join(lines)


def format_per_label(name: str, r: dict) -> str:
    """One dataset's per-label P/R/F1 rows (in %)."""
    lines = [f"{name}: {'label':30} {'P':>6} {'R':>6} {'F1':>6}"]
    for label, s in r["per_label"].items():
        lines.append(f"{'':{len(name) + 2}}{label:30} {100 * s['precision']:6.1f} {100 * s['recall']:6.1f} "
                     f"{100 * s['f1']:6.1f}")
    return "\n".join(lines)
