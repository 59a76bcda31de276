"""Post-fusion (the "poly-encoder"): after separate encoding, labels and words attend to each other.

A bi-encoder reads labels and text apart, so a label vector never sees the sentence it is
matched against. Post-fusion adds a few attention blocks on top of both encoders, in the
order given by a schema such as "l2l-l2t-t2t":
    l2l  labels attend to labels (self-attention)    t2t  words attend to words (self-attention)
    l2t  labels attend to words (cross-attention)     t2l  words attend to labels (cross-attention)
The attention is the Transformer's (Vaswani et al., 2017, §3.2.2), with padding masks.
Shapes: B batch, W words, C labels, D hidden, Q queries, S keys (W or C), A heads.
"""
from __future__ import annotations

import torch
import torch.nn.functional as F
from torch import nn

STEPS = ("l2l", "t2t", "l2t", "t2l")


def parse_schema(schema: str) -> list[str]:
    """'l2l-l2t-t2t' -> ['l2l', 'l2t', 't2t']; refuses an empty schema or an unknown step."""
    steps = schema.split("-")
    unknown = [s for s in steps if s not in STEPS]
    if not schema or unknown:
        raise ValueError(f"post_fusion_schema {schema!r}: steps must be dash-separated, each one of {STEPS}"
                         + (f"; unknown {unknown}" if unknown and schema else ""))
    return steps


class HeadAttention(nn.Module):
    """Multi-head attention with its own q/k/v projections and no output projection, as the reference."""

    def __init__(self, hidden_size: int, heads: int, dropout: float):
        super().__init__()
        if hidden_size % heads:
            raise ValueError(f"hidden_size {hidden_size} is not divisible by {heads} attention heads "
                             f"(the text encoder's head count)")
        self.heads, self.dropout = heads, dropout
        self.q, self.k, self.v = (nn.Linear(hidden_size, hidden_size) for _ in range(3))

    def forward(self, query: torch.Tensor, key: torch.Tensor, value: torch.Tensor,
                query_mask: torch.Tensor, key_mask: torch.Tensor) -> torch.Tensor:
        """(B, Q, D), (B, S, D), (B, S, D) and bool masks (B, Q), (B, S) -> (B, Q, D); padding queries get zeros."""
        B, Q, D = query.shape
        split = lambda t: t.view(B, t.shape[1], self.heads, D // self.heads).transpose(1, 2)  # (B, A, ., D/A)
        allowed = query_mask[:, :, None] & key_mask[:, None, :]         # (B, Q, S)
        empty = ~allowed.any(-1, keepdim=True)                          # (B, Q, 1) nothing to attend to
        # a row with no allowed key would be 0/0 in the softmax: let it attend anywhere, then zero it
        mask = (allowed | empty)[:, None]                               # (B, 1, Q, S)
        p = self.dropout if self.training else 0.0
        ctx = F.scaled_dot_product_attention(split(self.q(query)), split(self.k(key)), split(self.v(value)),
                                             attn_mask=mask, dropout_p=p)  # (B, A, Q, D/A)
        return ctx.transpose(1, 2).reshape(B, Q, D).masked_fill(empty, 0.0)  # (B, Q, D)


class SelfAttentionBlock(nn.Module):
    """x -> LN_out(x' + dropout(attention(x'))) with x' = LN_in(x): one sequence attends to itself."""

    def __init__(self, hidden_size: int, heads: int, dropout: float):
        super().__init__()
        D = hidden_size
        self.norm_in, self.norm_out = nn.LayerNorm(D), nn.LayerNorm(D)
        # projections before the attention's own ones: two Linears in a row, kept for the reference's weights
        self.q, self.k, self.v = (nn.Linear(D, D) for _ in range(3))
        self.attention = HeadAttention(D, heads, dropout)
        self.dropout = nn.Dropout(dropout)

    def forward(self, x: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        """(B, Q, D), (B, Q) bool -> (B, Q, D)."""
        x = self.norm_in(x)                                              # (B, Q, D)
        out = self.attention(self.q(x), self.k(x), self.v(x), mask, mask)  # (B, Q, D)
        return self.norm_out(x + self.dropout(out))                      # (B, Q, D)


class CrossAttentionBlock(nn.Module):
    """query -> LN_out(q' + dropout(attention(q', other, v(other)))) with q' = LN_in(query); `other` is not normalized."""

    def __init__(self, hidden_size: int, heads: int, dropout: float):
        super().__init__()
        D = hidden_size
        self.norm_in, self.norm_out = nn.LayerNorm(D), nn.LayerNorm(D)
        self.v = nn.Linear(D, D)
        self.attention = HeadAttention(D, heads, dropout)
        self.dropout = nn.Dropout(dropout)

    def forward(self, query: torch.Tensor, other: torch.Tensor, query_mask: torch.Tensor,
                other_mask: torch.Tensor) -> torch.Tensor:
        """(B, Q, D) attends to (B, S, D); bool masks (B, Q), (B, S) -> (B, Q, D)."""
        query = self.norm_in(query)                                                # (B, Q, D)
        out = self.attention(query, other, self.v(other), query_mask, other_mask)  # (B, Q, D)
        return self.norm_out(query + self.dropout(out))                            # (B, Q, D)


class PostFusion(nn.Module):
    """The schema's blocks, repeated num_layers times with separate weights."""

    def __init__(self, hidden_size: int, heads: int, schema: str, num_layers: int, dropout: float):
        super().__init__()
        self.steps = parse_schema(schema)
        block = lambda step: (SelfAttentionBlock if step in ("l2l", "t2t") else CrossAttentionBlock)(
            hidden_size, heads, dropout)
        self.layers = nn.ModuleList(nn.ModuleList(block(s) for s in self.steps) for _ in range(num_layers))

    def forward(self, words: torch.Tensor, labels: torch.Tensor, word_mask: torch.Tensor,
                label_mask: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """(B, W, D) words, (B, C, D) labels, bool masks (B, W), (B, C) -> fused words (B, W, D), labels (B, C, D)."""
        word_mask, label_mask = word_mask.bool(), label_mask.bool()
        for layer in self.layers:
            for step, block in zip(self.steps, layer):
                if step == "l2l":
                    labels = block(labels, label_mask)                          # (B, C, D)
                elif step == "t2t":
                    words = block(words, word_mask)                             # (B, W, D)
                elif step == "l2t":
                    labels = block(labels, words, label_mask, word_mask)        # (B, C, D)
                else:  # t2l
                    words = block(words, labels, word_mask, label_mask)         # (B, W, D)
        return words, labels
