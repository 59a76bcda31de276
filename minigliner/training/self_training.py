"""Self-training: the model labels unlabeled text, then learns from its own confident labels.

GLiNER multi-task (Stepanov & Shtopko, 2024, arXiv:2406.12925), self-learning: weak labels from the model's
own predictions above a threshold, then fine-tuning on them with label smoothing, so the soft targets keep the
model from becoming over-confident on its own mistakes.
"""
from __future__ import annotations

import random

from .loop import TrainConfig, train


def weak_labels(model, texts: list[list[str]], labels: list[str], threshold: float = 0.5,
                batch_size: int = 8) -> list[dict]:
    """GLiNER JSON examples whose `ner` are the model's own flat predictions above threshold."""
    spans = model.predict_spans(texts, labels, threshold, flat_ner=True, batch_size=batch_size)
    return [{"tokenized_text": words, "ner": [[s.start, s.end, labels[s.label]] for s in found]}
            for words, found in zip(texts, spans)]


def self_train(model, texts: list[list[str]], labels: list[str], cfg: TrainConfig, threshold: float = 0.5,
               label_smoothing: float = 0.1, rounds: int = 1, rng: random.Random | None = None,
               progress: bool = True, negatives: float = 1.0) -> list[dict]:
    """Rounds of weak labelling then fine-tuning with label smoothing; returns each round's statistics.

    Every entity the model misses is a negative in its own weak labels; negatives < 1 keeps only that
    share of the negative (span, label) pairs of spans without a weak label in each step (the
    reference's "span" negative masking), so missed entities are pushed down less often.
    """
    if not 0.0 <= label_smoothing < 1.0:
        raise ValueError(f"label_smoothing must be in [0, 1), got {label_smoothing}")
    if not 0.0 < negatives <= 1.0:
        raise ValueError(f"negatives must be in (0, 1], got {negatives}")
    overrides = {"label_smoothing": label_smoothing}
    if negatives < 1.0 and model.token_level:
        raise ValueError("negatives < 1 needs the span model; the token loss has no negative masking")
    if negatives < 1.0:
        overrides.update(negatives=negatives, masking="span")
    history = []
    for round_ in range(rounds):
        examples = [ex for ex in weak_labels(model, texts, labels, threshold) if ex["ner"]]
        if not examples:
            raise ValueError(f"round {round_}: no prediction passed threshold {threshold}; "
                             f"lower it or start from a better model")
        losses = train(model, examples, cfg, rng=rng, progress=progress,
                       loss_overrides=overrides)
        history.append({"round": round_, "examples": len(examples),
                        "weak_entities": sum(len(ex["ner"]) for ex in examples), "losses": losses})
    return history
