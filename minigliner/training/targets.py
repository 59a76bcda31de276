"""What a training batch is asked and what it should answer: each example's labels (its own types and
negatives, GLiNER §3) and the 0/1 span x label targets.

Shapes: B batch, W words, K max span width, C labels.
"""
from __future__ import annotations

import math
import random

import torch

NEGATIVE_SOURCES = ("batch", "known")


def sample_labels(batch: list[dict], max_types: int, max_neg_type_ratio: int, rng: random.Random, *,
                  negatives_from: str = "batch", neg_ratio: float = 1.0,
                  label_drop: float = 0.0) -> list[list[str]]:
    """Per-example label lists: its own types, its known negatives, then negatives drawn from the batch,
    capped, shuffled (GLiNER §3).

    An example's optional "negatives" key lists types known to be absent from it (e.g. the rest of its
    dataset's label set); they come before the batch's. Unlike the reference, the cap drops negatives
    before it drops any of the example's own types.
    negatives_from="known": no types from the batch (another corpus's type may be in the text, unlabelled);
    round(neg_ratio x own types) known negatives, at least one. label_drop: each example drops each of its
    labels with probability q ~ U(0, label_drop), keeping at least one (gliner's type-drop augmentation).
    """
    if negatives_from not in NEGATIVE_SOURCES:
        raise ValueError(f"negatives_from must be one of {NEGATIVE_SOURCES}, got {negatives_from!r}")
    pool = sorted({label for ex in batch for *_, label in ex["ner"]})
    rng.shuffle(pool)
    labels = []
    for ex in batch:
        ratio = rng.randint(0, max_neg_type_ratio) if max_neg_type_ratio and negatives_from == "batch" else 0
        own = sorted({lab for *_, lab in ex["ner"]})
        rng.shuffle(own)
        known = sorted(set(ex.get("negatives", ())) - set(own))
        rng.shuffle(known)  # no draw from rng when there are none: examples without the key sample as before
        if negatives_from == "known":
            if not own and not known:
                raise ValueError(f"an example has no entities and no known negatives, so negatives_from='known' "
                                 f"has nothing to ask (first words: {ex['tokenized_text'][:8]})")
            negatives = known if math.isinf(neg_ratio) else known[:max(1, round(neg_ratio * len(own)))]
        else:
            negatives = known + [lab for lab in pool[:len(ex["ner"]) * ratio] if lab not in own and lab not in known]
        types = (own + negatives)[:max_types] or pool[:1] or ["entity"]
        if label_drop > 0 and len(types) > 1:
            q = rng.uniform(0, label_drop)
            types = [lab for lab in types if rng.random() >= q] or [rng.choice(types)]
        rng.shuffle(types)
        labels.append(types)
    return labels


def span_targets(batch: list[dict], labels: list[list[str]], num_words: int,
                 max_width: int) -> tuple[torch.Tensor, int]:
    """(B, W, K, C) 0/1 targets, and how many gold entities are wider than max_width (not representable)."""
    C = max(len(l) for l in labels)
    targets = torch.zeros(len(batch), num_words, max_width, C)    # (B, W, K, C)
    too_wide = 0
    for b, (ex, ex_labels) in enumerate(zip(batch, labels)):
        index = {lab: c for c, lab in enumerate(ex_labels)}
        for s, e, lab in ex["ner"]:
            if e - s >= max_width:
                too_wide += 1
            elif lab in index:
                targets[b, s, e - s, index[lab]] = 1.0
    return targets, too_wide
