"""The bi-encoder's label encoder: a sentence encoder that turns each label name into one vector.

The uni-encoder reads all labels inside the text's prompt, so every call pays for every label
and the prompt runs out of positions. The bi-encoder GLiNER (Knowledgator's gliner-bi models,
2024) encodes each label alone with a sentence encoder (Sentence-BERT's masked mean pooling,
Reimers & Gurevych, 2019, §3) so that a label set can be encoded once and reused.
Shapes: N label names, T label subwords, H label-encoder width, D hidden.
"""
from __future__ import annotations

import torch
from tokenizers import Tokenizer
from torch import nn

from ..encoders.bert import Encoder

CHUNK = 256  # labels encoded per encoder call; bounds memory for very large label sets


def mean_pool(hidden: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
    """Average of the real subwords, [CLS] and [SEP] included: (N, T, H), (N, T) 0/1 -> (N, H)."""
    weights = mask.to(hidden.dtype)[..., None]                          # (N, T, 1)
    return (hidden * weights).sum(1) / weights.sum(1).clamp(min=1e-9)   # (N, H)


class LabelEncoder(nn.Module):
    """Label names -> (N, D) vectors: encoder, masked mean pooling, then Linear(H, D) when H != D.

    The reference projects every subword and then pools; a Linear commutes with a weighted
    mean whose weights sum to one, so pooling first gives the same vectors for less work.
    In eval mode without gradients, vectors are cached by label text; the cache is dropped
    whenever a weight of this module changes (training step, load, in-place edit).
    """

    def __init__(self, encoder: Encoder, tokenizer: Tokenizer, hidden_size: int):
        super().__init__()
        self.encoder, self.tokenizer = encoder, tokenizer
        H = encoder.config.hidden_size
        self.project = nn.Linear(H, hidden_size) if H != hidden_size else nn.Identity()  # H -> D
        self._cache: dict[str, torch.Tensor] = {}
        self._cache_key: tuple = ()

    def tokenize(self, labels: list[str]) -> tuple[torch.Tensor, torch.Tensor]:
        """Each label alone as "[CLS] label [SEP]", padded: ids (N, T) and 0/1 mask (N, T) on the module's device."""
        rows = [e.ids for e in self.tokenizer.encode_batch(labels)]
        limit = self.encoder.config.max_position_embeddings
        for label, ids in zip(labels, rows):
            if len(ids) > limit:
                raise ValueError(f"label {label[:40]!r} is {len(ids)} subwords, more than the label "
                                 f"encoder's {limit} positions; shorten it")
        T = max(len(r) for r in rows)
        pad = self.tokenizer.token_to_id("[PAD]") or 0
        device = self.encoder.embeddings.token.weight.device
        ids = torch.full((len(rows), T), pad, dtype=torch.long)         # (N, T)
        mask = torch.zeros(len(rows), T, dtype=torch.long)              # (N, T)
        for n, r in enumerate(rows):
            ids[n, :len(r)] = torch.tensor(r)
            mask[n, :len(r)] = 1
        return ids.to(device), mask.to(device)

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        """(N, T) ids and mask -> (N, D) label vectors."""
        hidden = self.encoder(input_ids, attention_mask)                # (N, T, H)
        return self.project(mean_pool(hidden, attention_mask))          # (N, D)

    def embed(self, labels: list[str]) -> torch.Tensor:
        """(N, D) vectors of label names, in order; served from the cache when it may be used."""
        if not labels:
            raise ValueError("no labels to encode")
        if self.training or torch.is_grad_enabled():  # training: always fresh, with gradients
            return torch.cat([self(*self.tokenize(labels[i:i + CHUNK])) for i in range(0, len(labels), CHUNK)])
        self._drop_stale_cache()
        missing = [label for label in dict.fromkeys(labels) if label not in self._cache]
        for i in range(0, len(missing), CHUNK):
            chunk = missing[i:i + CHUNK]
            self._cache.update(zip(chunk, self(*self.tokenize(chunk))))  # each (D,)
        return torch.stack([self._cache[label] for label in labels])     # (N, D)

    def clear_cache(self) -> None:
        self._cache.clear()

    def cached_labels(self) -> list[str]:
        return list(self._cache)

    def _drop_stale_cache(self) -> None:
        """Forget cached vectors when any weight changed in place, or moved to another device or dtype."""
        first = next(self.parameters())
        key = (sum(p._version for p in self.parameters()), first.device, first.dtype)
        if key != self._cache_key:
            self._cache.clear()
            self._cache_key = key


def check_label_vectors(labels: list[str], vectors: torch.Tensor, label_encoder, hidden_size: int) -> None:
    """Refuse label vectors given to a uni-encoder, or that do not fit the label list: (C, D)."""
    if label_encoder is None:
        raise ValueError("label_embeddings need a bi-encoder (config.labels_encoder)")
    if len(set(labels)) != len(labels):
        raise ValueError("with label_embeddings, labels must be free of duplicates (one row per label)")
    if vectors.dim() != 2 or vectors.shape != (len(labels), hidden_size):
        raise ValueError(f"label_embeddings must be ({len(labels)}, {hidden_size}) for "
                         f"{len(labels)} labels, got {tuple(vectors.shape)}")
