"""Small building blocks of the GLiNER head: the projection FFN and the word BiLSTM.

Shapes: B batch, W words, D hidden.
"""
from __future__ import annotations

import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence


class FFN(nn.Module):
    """Two-layer projection d_in -> hidden (4*d_out unless given) -> d_out with ReLU and dropout (GLiNER §2.2)."""

    def __init__(self, d_in: int, dropout: float, d_out: int | None = None, hidden: int | None = None):
        super().__init__()
        d_out = d_in if d_out is None else d_out
        hidden = 4 * d_out if hidden is None else hidden
        self.up = nn.Linear(d_in, hidden)
        self.dropout = nn.Dropout(dropout)
        self.down = nn.Linear(hidden, d_out)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """(..., d_in) -> (..., d_out)."""
        return self.down(self.dropout(torch.relu(self.up(x))))


class WordLSTM(nn.Module):
    """Bidirectional LSTM over word vectors, skipping padding (GLiNER §2.2, "further refined with a BiLSTM")."""

    def __init__(self, hidden_size: int, num_layers: int = 1):
        super().__init__()
        if hidden_size % 2:
            raise ValueError(f"hidden_size must be even for a BiLSTM, got {hidden_size}")
        self.lstm = nn.LSTM(hidden_size, hidden_size // 2, num_layers=num_layers,
                            bidirectional=True, batch_first=True)

    def forward(self, words: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
        """(B, W, D) word vectors and (B,) word counts -> (B, W, D); padding rows are zero."""
        W = words.shape[1]
        if W and bool((lengths == W).all()):  # no padding (one text, or texts of one length): no packing to do
            return self.lstm(words)[0]                                         # (B, W, D)
        packed = pack_padded_sequence(words, lengths.clamp(min=1).cpu(), batch_first=True,
                                      enforce_sorted=False)
        out, _ = self.lstm(packed)
        out, _ = pad_packed_sequence(out, batch_first=True, total_length=W)   # (B, W, D)
        return out * (lengths > 0).to(out.dtype)[:, None, None]               # an empty text stays zero
