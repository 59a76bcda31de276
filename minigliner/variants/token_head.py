"""The token-level head of GLiNER multi-task: start, end and inside scores per (word, label).

Stepanov & Shtopko, 2024 (GLiNER multi-task), §3: instead of scoring spans, every word gets three
logits per label: does an entity of that label start here, end here, or cover this word.
Shapes: B batch, W words, C labels, D hidden.
"""
from __future__ import annotations

import torch
from torch import nn

from ..core.decoding import Span
from ..core.losses import binary_losses, reduce_loss

START, END, INSIDE = 0, 1, 2


class TokenScorer(nn.Module):
    """Logits (B, W, C, 3) from word and label vectors via [w0; l0; w1*l1] and an MLP."""

    def __init__(self, hidden_size: int, dropout: float):
        super().__init__()
        D = hidden_size
        self.word_proj = nn.Linear(D, 2 * D)
        self.label_proj = nn.Linear(D, 2 * D)
        self.up = nn.Linear(3 * D, 4 * D)
        self.dropout = nn.Dropout(dropout)
        self.down = nn.Linear(4 * D, 3)

    def forward(self, words: torch.Tensor, labels: torch.Tensor, fast: bool = False) -> torch.Tensor:
        """(B, W, D) words, (B, C, D) labels ((1, C, D) shared by the batch) -> (B, W, C, 3) start / end / inside logits.

        fast=True splits `up` by the three parts of the pair: the word and label parts are projected once
        per word and once per label, not once per (word, label); the same logits up to float rounding.
        """
        (B, W, D), C = words.shape, labels.shape[-2]
        w0, w1 = self.word_proj(words).view(B, W, 1, 2, D).unbind(3)     # (B, W, 1, D) each
        l0, l1 = self.label_proj(labels).view(-1, 1, C, 2, D).unbind(3)  # (B or 1, 1, C, D) each
        if fast:
            U_w, U_l, U_wl = self.up.weight.split(D, dim=1)              # (4D, D) each
            hidden = (w0 @ U_w.T + self.up.bias) + l0 @ U_l.T + (w1 * l1) @ U_wl.T  # (B, W, C, 4D)
        else:
            pair = torch.cat([w0.expand(-1, -1, C, -1), l0.expand(B, W, -1, -1), w1 * l1], dim=-1)  # (B, W, C, 3D)
            hidden = self.up(pair)                                       # (B, W, C, 4D)
        return self.down(torch.relu(self.dropout(hidden)))              # (B, W, C, 3)


def token_targets(batch: list[dict], labels: list[list[str]], num_words: int) -> torch.Tensor:
    """(B, W, C, 3) targets: 1 at an entity's first word (start), last word (end) and every word of it (inside)."""
    C = max(len(l) for l in labels)
    targets = torch.zeros(len(batch), num_words, C, 3)                    # (B, W, C, 3)
    for b, (ex, ex_labels) in enumerate(zip(batch, labels)):
        index = {lab: c for c, lab in enumerate(ex_labels)}
        for s, e, lab in ex["ner"]:
            if lab in index:
                c = index[lab]
                targets[b, s, c, START] = targets[b, e, c, END] = 1.0
                targets[b, s:e + 1, c, INSIDE] = 1.0
    return targets


def token_loss(logits: torch.Tensor, targets: torch.Tensor, word_mask: torch.Tensor, label_mask: torch.Tensor,
               alpha: float = -1.0, gamma: float = 0.0, label_smoothing: float = 0.0,
               reduction: str = "sum", clamp: bool = True) -> torch.Tensor:
    """Scalar loss over real (word, label) pairs; mean divides by their count, W*C per text."""
    loss = binary_losses(logits, targets.to(logits.dtype), alpha, gamma, label_smoothing, clamp)  # (B, W, C, 3)
    valid = (word_mask[:, :, None] & label_mask.bool()[:, None, :])[..., None]                   # (B, W, C, 1)
    return reduce_loss((loss * valid).sum(), valid.sum(), reduction)


def token_candidates(probs: torch.Tensor, num_words: int, threshold: float, scoring: str = "min") -> list[Span]:
    """(W, C, 3) probabilities of one text -> spans whose start and end pass the threshold and whose words all stay inside.

    Start and end must be > threshold (strict), every inside probability >= threshold, as the reference.
    The score is min(inside..., start, end) ("min", the reference since 0.2.17) or the mean of the inside
    probabilities ("mean", as the paper describes). No width limit.
    """
    probs = probs[:num_words]                                              # (W, C, 3)
    starts = torch.nonzero(probs[..., START] > threshold).tolist()         # [(word, label)] in word order
    ends = torch.nonzero(probs[..., END] > threshold).tolist()
    inside_ok = probs[..., INSIDE] >= threshold                            # (W, C)
    # run[w, c]: how many words from w onwards stay inside, so span (s, e) is inside iff run[s, c] > e - s
    run = torch.zeros(num_words + 1, probs.shape[1], dtype=torch.long)
    for w in range(num_words - 1, -1, -1):
        run[w] = (run[w + 1] + 1) * inside_ok[w]
    spans = []
    for s, c in starts:
        for e, c_end in ends:
            if c_end != c or e < s or run[s, c] <= e - s:
                continue
            inside = probs[s:e + 1, c, INSIDE]
            if scoring == "min":
                score = min(inside.min().item(), probs[s, c, START].item(), probs[e, c, END].item())
            elif scoring == "mean":
                score = inside.mean().item()
            else:
                raise ValueError(f"scoring must be 'min' or 'mean', got {scoring!r}")
            spans.append(Span(s, e, c, score))
    return spans
