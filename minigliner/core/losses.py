"""Span classification losses: clamped BCE, focal loss, label smoothing, negative sampling.

GLiNER §2.3 trains every (span, label) pair as an independent binary decision.
Shapes: B batch, W words, K max span width, C labels.
"""
from __future__ import annotations

import torch
import torch.nn.functional as F

EPS = 1e-6  # probabilities are clamped here before the log, so a loss term never exceeds -log(1e-6) ~ 13.8


def binary_losses(logits: torch.Tensor, targets: torch.Tensor, alpha: float = -1.0,
                  gamma: float = 0.0, label_smoothing: float = 0.0, clamp: bool = True) -> torch.Tensor:
    """Elementwise BCE, optionally focal (Lin et al., 2017, eq. 5) and label-smoothed; same shape as logits.

    clamp=True takes log(max(p, 1e-6)) as the reference does: a pair that is wrong with
    |logit| > 13.8 then has no gradient at all. clamp=False uses the exact log-sigmoid.
    """
    y = targets * (1 - label_smoothing) + 0.5 * label_smoothing   # smoothed targets, no gradient
    p = torch.sigmoid(logits)
    if clamp:
        log_p, log_not_p = torch.log(p.clamp(min=EPS)), torch.log((1 - p).clamp(min=EPS))
    else:
        log_p, log_not_p = F.logsigmoid(logits), F.logsigmoid(-logits)
    loss = -y * log_p - (1 - y) * log_not_p
    if gamma > 0:  # focal: down-weight pairs the model already gets right
        p_true = p * y + (1 - p) * (1 - y)
        loss = loss * (1 - p_true) ** gamma
    if alpha >= 0:  # weight positives by alpha and negatives by 1 - alpha
        loss = loss * (alpha * y + (1 - alpha) * (1 - y))
    return loss


def negative_mask(targets: torch.Tensor, negatives: float, masking: str) -> torch.Tensor | float:
    """Keep each negative with probability `negatives`; (B, S, C) targets -> mask of the same shape, or 1.0."""
    if masking == "none":
        return 1.0
    # The modes differ in which pairs may be dropped; each such pair is then kept on its own draw.
    if masking == "global":      # any negative (span, label) pair
        candidates = targets == 0                                   # (B, S, C)
    elif masking == "label":     # pairs of labels that have no positive span in the example
        candidates = (targets.sum(dim=1) == 0)[:, None, :].expand_as(targets)   # (B, S, C)
    elif masking == "span":      # pairs of spans that have no positive label
        candidates = (targets.sum(dim=2) == 0)[:, :, None].expand_as(targets)   # (B, S, C)
    else:
        raise ValueError(f"masking must be none, global, label or span, got {masking!r}")
    keep = (torch.rand(targets.shape, device=targets.device) < negatives).to(targets.dtype)
    return torch.where(candidates, keep, torch.ones_like(keep))   # (B, S, C)


def span_loss(logits: torch.Tensor, targets: torch.Tensor, span_mask: torch.Tensor,
              label_mask: torch.Tensor, alpha: float = -1.0, gamma: float = 0.0,
              label_smoothing: float = 0.0, reduction: str = "sum", negatives: float = 1.0,
              masking: str = "none", clamp: bool = True) -> torch.Tensor:
    """Scalar loss over valid spans and labels; logits, targets (B, W, K, C), span_mask (B, W, K), label_mask (B, C)."""
    B, W, K, C = logits.shape
    logits, targets = logits.reshape(B, W * K, C), targets.reshape(B, W * K, C).to(logits.dtype)  # (B, S, C)
    loss = binary_losses(logits, targets, alpha, gamma, label_smoothing, clamp)   # (B, S, C)
    loss = loss * negative_mask(targets, negatives, masking)               # (B, S, C)
    valid = span_mask.reshape(B, W * K, 1) & label_mask.bool()[:, None, :]  # (B, S, C)
    # mean is per valid span, as the reference does (not per span x label pair)
    return reduce_loss((loss * valid).sum(), span_mask.sum(), reduction)


def reduce_loss(total: torch.Tensor, count: torch.Tensor, reduction: str) -> torch.Tensor:
    """The summed loss as is ("sum"), or divided by count ("mean"; 0 when count is 0)."""
    if reduction == "sum":
        return total
    if reduction == "mean":
        return total / count if count > 0 else total * 0.0
    raise ValueError(f"reduction must be 'sum' or 'mean', got {reduction!r}")
