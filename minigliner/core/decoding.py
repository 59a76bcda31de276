"""From span x label probabilities to entities: thresholding and greedy selection.

GLiNER §2.4: keep (span, label) pairs whose probability passes the threshold,
then greedily take the highest-scoring ones that do not conflict with a kept one.
Shapes: W words, K max span width, C labels.
"""
from __future__ import annotations

from operator import itemgetter
from typing import NamedTuple

import torch


class Span(NamedTuple):
    start: int    # first word
    end: int      # last word (inclusive)
    label: int    # index into the label list
    score: float  # sigmoid probability


def overlaps(a: Span, b: Span) -> bool:
    """Do two spans share at least one word?"""
    return a.start <= b.end and b.start <= a.end


def nested(a: Span, b: Span) -> bool:
    """Does one span contain the other?"""
    return (a.start <= b.start and b.end <= a.end) or (b.start <= a.start and a.end <= b.end)


def conflicts(a: Span, b: Span, flat: bool, multi_label: bool) -> bool:
    """May a and b not both be kept? flat: no overlap at all; nested: no crossing."""
    if (a.start, a.end) == (b.start, b.end):
        return not multi_label
    if flat:
        return overlaps(a, b)
    return overlaps(a, b) and not nested(a, b)


def span_candidates(probs: torch.Tensor, num_words: int, threshold: float) -> list[Span]:
    """(W, K, C) probabilities -> spans strictly above threshold that end inside the text, in (start, width, label) order."""
    start, width, label = torch.where(probs > threshold)          # (N,) each
    inside = start + width < num_words                            # (N,)
    start, width, label = start[inside], width[inside], label[inside]
    scores = probs[start, width, label]                           # (N,)
    return [Span(s, s + w, c, p) for s, w, c, p in
            zip(start.tolist(), width.tolist(), label.tolist(), scores.tolist())]


def batch_span_candidates(probs: torch.Tensor, mask: torch.Tensor, num_labels: torch.Tensor,
                          threshold: float, best_label_only: bool = False) -> tuple[torch.Tensor, ...]:
    """(B, W, K, C) probabilities, (B, W, K) valid spans, (B,) labels per row -> row, start, end, label, score
    (N,) each: every valid span x label strictly above threshold, in (row, start, width, label) order.

    best_label_only: each span's best label only (the first of equal ones). Flat single-label decoding
    selects the same spans from these: a span's labels conflict with each other and its best one is
    tried first, so the others can never be kept.
    """
    C = probs.shape[-1]
    real_label = torch.arange(C, device=probs.device)[None, :] < num_labels.to(probs.device)[:, None]  # (B, C)
    if best_label_only:
        usable = probs.nan_to_num(-1.0).masked_fill(~real_label[:, None, None, :], -1.0)               # (B, W, K, C)
        best, best_label = usable.max(-1)                                                               # (B, W, K) each
        row, start, width = torch.nonzero((best > threshold) & mask).unbind(1)                          # (N,) each
        return row, start, start + width, best_label[row, start, width], best[row, start, width]
    keep = (probs > threshold) & mask[..., None] & real_label[:, None, None, :]                          # (B, W, K, C)
    row, start, width, label = torch.nonzero(keep).unbind(1)                                              # (N,) each
    return row, start, start + width, label, probs[row, start, width, label]


def greedy_select(candidates: list[Span], flat: bool = True, multi_label: bool = False) -> list[Span]:
    """Keep the best-scoring spans that conflict with no kept span; return them sorted by start.

    Only overlapping spans can conflict, so each candidate is checked against the kept spans that
    cover its words, not all of them: a long text at a low threshold stays fast. Flat, one label per
    span (the default): a candidate conflicts exactly when one of its words is taken.
    """
    ranked = sorted(candidates, key=itemgetter(3), reverse=True)  # best score first; ties keep candidate order
    if flat and not multi_label:
        return _greedy_flat(ranked)
    kept: list[Span] = []
    covering: dict[int, list[Span]] = {}  # word -> kept spans over it
    for span in ranked:
        words = range(span.start, span.end + 1)
        if not any(conflicts(span, other, flat, multi_label) for w in words for other in covering.get(w, ())):
            kept.append(span)
            for w in words:
                covering.setdefault(w, []).append(span)
    return sorted(kept, key=lambda s: s.start)


def _greedy_flat(ranked: list[Span]) -> list[Span]:
    """greedy_select for flat, single-label decoding on candidates ranked best first: a set of taken words."""
    kept, taken = [], set()
    for span in ranked:
        words = range(span.start, span.end + 1)
        if taken.isdisjoint(words):
            kept.append(span)
            taken.update(words)
    return sorted(kept, key=lambda s: s.start)


def decode_spans(probs: torch.Tensor, num_words: int, threshold: float = 0.5,
                 flat: bool = True, multi_label: bool = False) -> list[Span]:
    """(W, K, C) probabilities of one text -> the selected spans."""
    return greedy_select(span_candidates(probs, num_words, threshold), flat, multi_label)


def span_order(span: Span) -> tuple[int, int, int]:
    """Candidate order of the reference's span decoder: start, width, label (ties in score keep it)."""
    return span.start, span.end - span.start, span.label


def token_order(span: Span) -> tuple[int, int, int]:
    """Candidate order of the reference's token decoder: start, label, end."""
    return span.start, span.label, span.end


def check_threshold(threshold: float) -> None:
    if isinstance(threshold, bool) or not isinstance(threshold, (int, float)):
        raise TypeError(f"threshold must be a number, got {type(threshold).__name__}")
    if not 0.0 <= threshold <= 1.0:
        raise ValueError(f"threshold must be in [0, 1], got {threshold}")
