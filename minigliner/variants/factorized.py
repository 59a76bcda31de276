"""Factorized markerV0 scoring: the same span x label logits without a 2D-wide input or a D-wide output per span.

markerV0 (GLiNER §2.2, eq. 1-2) scores span (i, j) against label c as

    logit = q_c . (W2 drop(relu(W1 [relu(s_i); relu(e_j)] + b1)) + b2)

with s_i, e_j the start and end FFN outputs of words i and j, and q_c the label vector after its FFN.
Two rewrites, exact up to float rounding:
1. W1 [x; y] = W1[:, :D] x + W1[:, D:] y: the first layer of the span FFN splits into a start part and
   an end part computed once per word and added per span (W words, not W*K spans, go through W1).
2. q_c . (W2 h + b2) = (W2^T q_c) . h + q_c . b2: the last layer folds into the label side, so each
   logit is a dot product of the span's hidden 4D vector h with the label's pre-multiplied vector.
Dropout sits on h, before W2, so the fold holds in training too; in eval mode (dropout = identity) the
logits equal SpanMarker + score_spans.
Shapes: B batch, W words, K max span width, C labels, D hidden; 4D is the span FFN's hidden width.
"""
from __future__ import annotations

import torch
import torch.nn.functional as F

from ..core.spans import SpanMarker

ONE_PRODUCT_MAX = 1 << 20  # hidden-layer elements (B*W*K*4D) up to which folded scoring makes it whole: 4 MB


def word_parts(marker: SpanMarker, words: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """(B, W, D) word vectors -> start part (B, W, 4D), bias included, and end part (B, W, 4D) of the span FFN's
    first layer."""
    D = words.shape[-1]
    up = marker.out.up                                                     # Linear(2D, 4D)
    start = marker.start(words).relu() @ up.weight[:, :D].T + up.bias     # (B, W, 4D)
    end = marker.end(words).relu() @ up.weight[:, D:].T                   # (B, W, 4D)
    return start, end


def span_hidden(marker: SpanMarker, words: torch.Tensor) -> torch.Tensor:
    """(B, W, D) word vectors -> (B, W, K, 4D) hidden layer of the span FFN; spans past the text hold garbage,
    mask them."""
    start, end = word_parts(marker, words)                                 # (B, W, 4D) each
    K = marker.max_width
    # end part of span (i, i + k) is row i + k: a sliding window over the end rows (a view, no copy);
    # rows past the text are zeros (the plain form repeats the last word there: both are masked)
    ends = F.pad(end, (0, 0, 0, K - 1)).unfold(1, K, 1).transpose(2, 3)   # (B, W, K, 4D)
    return marker.out.dropout((start[:, :, None, :] + ends).relu_())      # (B, W, K, 4D)


def fold_labels(marker: SpanMarker, label_vectors: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """Label vectors (B, C, D) after the label FFN ((1, C, D) when shared) -> W2^T q (B, C, 4D) and q . b2 (B, C)."""
    down = marker.out.down                                                 # Linear(4D, D)
    return label_vectors @ down.weight, label_vectors @ down.bias


def folding_pays(num_labels: int, hidden_size: int, num_spans: int) -> bool:
    """Does folding take fewer multiply-adds per text: C*4D*D once plus 4D per span and label (folded), against
    4D*D per span plus D per span and label (W2 applied)? With many spans: while C < 4D/3."""
    C, D, S = num_labels, hidden_size, num_spans
    return C * 4 * D * D + S * 4 * D * C < S * 4 * D * D + S * D * C


def score_spans_factorized(marker: SpanMarker, words: torch.Tensor, label_vectors: torch.Tensor,
                           fold: bool | None = None) -> torch.Tensor:
    """(B, W, D) words, (B, C, D) labels after the label FFN ((1, C, D) shared by the batch) -> (B, W, K, C) logits.

    fold=None folds W2 into the labels when that needs fewer multiply-adds (few labels); else W2 is applied
    to each span's hidden vector and the result dotted with the labels (still without the per-span first layer).
    Folded, a hidden layer of up to ONE_PRODUCT_MAX elements is made whole, a larger one one width at a time.
    """
    B, W, D = words.shape
    if W == 0:  # a batch of empty texts: no spans (span_hidden's sliding window needs a row)
        return words.new_zeros(B, 0, marker.max_width, label_vectors.shape[-2])  # (B, 0, K, C)
    if fold is None:
        fold = folding_pays(label_vectors.shape[-2], words.shape[-1], words.shape[1] * marker.max_width)
    if not fold:
        spans = marker.out.down(span_hidden(marker, words))                # (B, W, K, D)
        return torch.einsum("bwkd,bcd->bwkc", spans, label_vectors)       # (B, W, K, C)
    folded, offset = fold_labels(marker, label_vectors)                    # (B, C, 4D), (B, C)
    # one label list for the whole batch: one (4D, C) matrix, so each product is a single matmul
    weights = folded[0].T if len(folded) == 1 else folded.transpose(1, 2)  # (4D, C) or (B, 4D, C)
    if B * W * marker.max_width * 4 * D > ONE_PRODUCT_MAX:
        return _folded_by_width(marker, words, weights, offset)
    # a small hidden layer (one short text): made whole and dotted with the labels in one product, since
    # twelve width steps of small operations cost more than the cache traffic they would save
    logits = span_hidden(marker, words).flatten(1, 2) @ weights            # (B, W*K, C)
    return logits.view(B, W, marker.max_width, -1) + offset[:, None, None, :]  # (B, W, K, C)


def _folded_by_width(marker: SpanMarker, words: torch.Tensor, weights: torch.Tensor,
                     offset: torch.Tensor) -> torch.Tensor:
    """Folded scoring one span width at a time, labels (4D, C) or (B, 4D, C): each (B, W, 4D) slice of the hidden
    layer is made and dotted with the labels while it is in cache, never the whole (B, W, K, 4D) tensor.
    -> (B, W, K, C) logits."""
    start, end = word_parts(marker, words)                                 # (B, W, 4D) each
    B, W, _ = start.shape
    logits = words.new_zeros(B, W, marker.max_width, weights.shape[-1])    # (B, W, K, C) spans past the text: 0, masked
    for k in range(min(marker.max_width, W)):  # span (i, i + k): start row i plus end row i + k
        hidden = marker.out.dropout((start[:, :W - k] + end[:, k:]).relu_())  # (B, W-k, 4D)
        logits[:, :W - k, k] = hidden @ weights                            # (B, W-k, C)
    return logits + offset[:, None, None, :]                               # (B, W, K, C)
