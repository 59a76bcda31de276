"""Span enumeration and the markerV0 span representation (GLiNER §2.2, eq. 1).

Shapes: B batch, W words, K max span width, D hidden.
"""
from __future__ import annotations

import torch
from torch import nn

from .layers import FFN


def enumerate_spans(num_words: int, max_width: int, device=None) -> torch.Tensor:
    """Every (start, end) with end = start + k, k < K, start-major: (W*K, 2), ends may run past the text."""
    starts = torch.arange(num_words, device=device).repeat_interleave(max_width)  # (W*K,)
    widths = torch.arange(max_width, device=device).repeat(num_words)             # (W*K,)
    return torch.stack([starts, starts + widths], dim=-1)                         # (W*K, 2)


def span_mask(lengths: torch.Tensor, num_words: int, max_width: int) -> torch.Tensor:
    """(B,) word counts -> (B, W, K) True where the span ends inside its text."""
    ends = enumerate_spans(num_words, max_width, lengths.device)[:, 1]        # (W*K,)
    return (ends[None, :] < lengths[:, None]).view(len(lengths), num_words, max_width)  # (B, W, K)


def word_mask(num_words: torch.Tensor, W: int) -> torch.Tensor:
    """(B,) word counts -> (B, W) True for real words."""
    return torch.arange(W, device=num_words.device)[None, :] < num_words[:, None]


MARKER_MODES = ("markerV0", "marker")


class SpanMarker(nn.Module):
    """markerV0: span = FFN_out(relu([FFN_start(h_i); FFN_end(h_j)])) for span (i, j).
    marker (gliner's first span layer, NuNER Zero's): start/end FFNs 2D wide inside, and a single Linear out."""

    def __init__(self, hidden_size: int, max_width: int, dropout: float, mode: str = "markerV0"):
        super().__init__()
        if mode not in MARKER_MODES:
            raise ValueError(f"span marker mode must be one of {MARKER_MODES}, got {mode!r}")
        D, self.max_width, self.mode = hidden_size, max_width, mode
        inner = 4 * D if mode == "markerV0" else 2 * D
        self.start = FFN(D, dropout, hidden=inner)
        self.end = FFN(D, dropout, hidden=inner)
        self.out = FFN(2 * D, dropout, D) if mode == "markerV0" else nn.Linear(2 * D, D)

    def forward(self, words: torch.Tensor) -> torch.Tensor:
        """(B, W, D) word vectors -> (B, W, K, D) span vectors; spans past the text hold garbage, mask them."""
        B, W, D = words.shape
        spans = enumerate_spans(W, self.max_width, words.device).clamp(max=max(W - 1, 0))  # (W*K, 2)
        start = self.start(words)[:, spans[:, 0]]                  # (B, W*K, D)
        end = self.end(words)[:, spans[:, 1]]                      # (B, W*K, D)
        pair = torch.cat([start, end], dim=-1).relu()              # (B, W*K, 2D)
        return self.out(pair).view(B, W, self.max_width, D)        # (B, W, K, D)


def score_spans(span_vectors: torch.Tensor, label_vectors: torch.Tensor) -> torch.Tensor:
    """Span x label logits, a plain dot product (GLiNER §2.2, eq. 2 before the sigmoid): (B, W, K, D), (B, C, D) -> (B, W, K, C).

    Labels (1, C, D), one list shared by the batch (a bi-encoder's label set), broadcast over B.
    """
    return torch.einsum("bwkd,bcd->bwkc", span_vectors, label_vectors)
