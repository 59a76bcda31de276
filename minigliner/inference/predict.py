"""Entities of many texts, the way gliner 0.2.29's `inference` takes them: any label form, one label set per
text, a threshold per text or per label, and (span models) each entity's five most likely labels.

Texts that share a label set are predicted together (minigliner.inference.jobs: windows, label groups,
batches by length); each text's candidates are kept above its labels' thresholds, selected greedily
(GLiNER §2.4) and mapped back to characters and to the label names.
"""
from __future__ import annotations

from collections.abc import Mapping

import torch

from ..core.decoding import Span, greedy_select
from ..core.prompt import check_text, split_words
from ..variants.label_encoder import check_label_vectors
from .jobs import text_candidates
from .requests import LabelSet, is_per_text, label_sets, label_thresholds, text_thresholds

CLASS_PROBS = 5  # labels in an entity's class_probs, as gliner


@torch.inference_mode()
def predict_texts(model, texts, labels, flat_ner: bool = True, threshold=0.5, multi_label: bool = False,
                  batch_size: int = 8, return_class_probs: bool = False,
                  label_embeddings: torch.Tensor | None = None, fast: bool = False) -> list[list[dict]]:
    """Entity dicts {start, end, text, label, score[, class_probs]} of each text, character offsets."""
    if isinstance(texts, str):
        texts = [texts]
    for i, text in enumerate(texts):
        if not isinstance(text, str):
            raise TypeError(f"every text must be a str, got {type(text).__name__} for text {i}")
        check_text(text, f"text {i}")
    if label_embeddings is not None:
        if is_per_text(labels):
            raise ValueError("label_embeddings are the vectors of one label list; per-text label sets have none")
        read = [labels] if isinstance(labels, str) else list(labels.values()) if isinstance(labels, Mapping) else labels
        check_label_vectors(list(read), label_embeddings, model.label_encoder, model.config.hidden_size)
    sets, per_text = label_sets(labels, len(texts)), text_thresholds(threshold, len(texts))
    out: list[list[dict]] = [[] for _ in texts]
    for labels_, indices in _group(sets).items():
        limits = [label_thresholds(per_text[i], labels_) for i in indices]            # per text, per label
        words = [split_words(texts[i], model.config.words_splitter) for i in indices]
        uniform = all(len(set(t)) == 1 for t in limits)
        top: list[dict] | None = [{} for _ in indices] if return_class_probs and not model.token_level else None
        found = text_candidates(model, [[w.text for w in ws] for ws in words], list(labels_.prompts),
                                min(min(t) for t in limits), batch_size, label_embeddings, fast,
                                best_label_only=flat_ner and not multi_label and uniform, top_labels=top)
        for k, (i, ws, candidates, limit) in enumerate(zip(indices, words, found, limits)):
            kept = [c for c in candidates if c.score > limit[c.label]]
            spans = greedy_select(kept, flat_ner, multi_label)
            out[i] = [entity(texts[i], ws, labels_, s, top[k] if top is not None else None) for s in spans]
    return out


def check_flags(flat_ner, multi_label) -> None:
    """Refuse a flat_ner or multi_label that is not a bool: most likely a threshold given in minigliner's old order."""
    for name, value in (("flat_ner", flat_ner), ("multi_label", multi_label)):
        if not isinstance(value, bool):
            raise TypeError(f"{name} must be True or False, got {value!r}; the arguments follow gliner: "
                            f"(text, labels, flat_ner, threshold, multi_label), so give threshold=... by name")


def _group(sets: list[LabelSet]) -> dict[LabelSet, list[int]]:
    """Texts by label set, in order of first appearance."""
    groups: dict[LabelSet, list[int]] = {}
    for i, labels in enumerate(sets):
        groups.setdefault(labels, []).append(i)
    return groups


def entity(text: str, words, labels: LabelSet, span: Span, top: dict | None = None) -> dict:
    """The entity dict of a selected span; class_probs: its CLASS_PROBS best labels, best first."""
    start, end = words[span.start].start, words[span.end].end
    found = {"start": start, "end": end, "text": text[start:end], "label": labels.names[span.label],
             "score": span.score}
    if top is not None:
        best = sorted(top.get((span.start, span.end), {}).items(), key=lambda kv: -kv[1])[:CLASS_PROBS]
        found["class_probs"] = {labels.names[c]: p for c, p in best}
    return found
