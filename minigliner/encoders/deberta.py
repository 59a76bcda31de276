"""DeBERTa-v2/v3 written from scratch: disentangled attention over relative positions, loading HF weights.

He et al., 2021 (DeBERTa, §3.1 disentangled attention, §3.2 no absolute positions in the layers);
He et al., 2023 (DeBERTa-v3). The block around the attention is BERT's (minigliner/encoders/bert.py).
Shapes: B batch, L subwords, H width, A heads, R = 2 * S relative buckets (S = att span).
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass, fields, replace
from pathlib import Path

import torch
import torch.nn.functional as F
from torch import nn

from .bert import ACTIVATIONS, Block, grow_embedding
from ..folders.weights import check_and_load, read_state_dict


@dataclass(frozen=True)
class DebertaConfig:
    """The fields of a HF DeBERTa-v2/v3 config.json that the encoder needs (defaults: deberta-v3-small)."""

    vocab_size: int = 128100              # rows of the token embedding
    hidden_size: int = 768                # H
    num_hidden_layers: int = 6            # transformer blocks
    num_attention_heads: int = 12         # A; H must divide by A
    intermediate_size: int = 3072         # feed-forward inner width
    hidden_act: str = "gelu"              # feed-forward activation (a key of ACTIVATIONS)
    hidden_dropout_prob: float = 0.1      # dropout after embeddings, attention output, feed-forward, rel. embeddings
    attention_probs_dropout_prob: float = 0.1  # dropout on attention weights
    max_position_embeddings: int = 512    # longest input the model was trained on; the subword budget of a window
    type_vocab_size: int = 0              # segment embeddings (0 in v3; only segment 0 is used otherwise)
    layer_norm_eps: float = 1e-7          # LayerNorm epsilon
    pad_token_id: int = 0                 # id of [PAD]
    position_biased_input: bool = False   # add absolute position embeddings to the input (v3: no, §3.2)
    position_buckets: int = 256           # S when > 0: distances are log-bucketed into 2S relative embeddings
    max_relative_positions: int = -1      # distance where log buckets reach S (-1: max_position_embeddings)
    pos_att_type: tuple[str, ...] = ("p2c", "c2p")  # which disentangled terms are added to content-to-content
    share_att_key: bool = True            # positions use the content q/k projections (v3) instead of their own
    norm_rel_ebd: str = "layer_norm"      # LayerNorm on the shared relative embeddings ("layer_norm" | "none")

    @classmethod
    def tiny(cls, **overrides) -> "DebertaConfig":
        """A two-layer, 32-wide DeBERTa-v3 shape with 8 buckets, for tests."""
        base = dict(vocab_size=60, hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
                    intermediate_size=64, position_buckets=8, max_relative_positions=64)
        return cls(**{**base, **overrides})

    @classmethod
    def from_json(cls, path: str | Path) -> "DebertaConfig":
        return cls.from_dict(json.loads(Path(path).read_text()), source=str(path))

    @classmethod
    def from_dict(cls, raw: dict, source: str = "encoder config") -> "DebertaConfig":
        """From a HF config dict; refuses, naming `source` and the value, what this encoder does not run."""
        raw = dict(raw)
        if isinstance(raw.get("pos_att_type"), str):  # old configs write "p2c|c2p"
            raw["pos_att_type"] = [p.strip() for p in raw["pos_att_type"].lower().split("|")]
        refuse = {
            "model_type": raw.get("model_type") != "deberta-v2",
            "relative_attention": raw.get("relative_attention") is not True,
            "pos_att_type": not set(raw.get("pos_att_type") or ()) <= {"c2p", "p2c"},
            "conv_kernel_size": raw.get("conv_kernel_size", 0) > 0,
            "embedding_size": raw.get("embedding_size", raw.get("hidden_size")) != raw.get("hidden_size"),
            "attention_head_size": "attention_head_size" in raw,
            "norm_rel_ebd": raw.get("norm_rel_ebd", "none") not in ("layer_norm", "none"),
            "hidden_act": raw.get("hidden_act", "gelu") not in ACTIVATIONS,
        }
        for key, bad in refuse.items():
            if bad:
                raise ValueError(f"{source}: DeBERTa config {key}={raw.get(key)!r} is not supported")
        raw["pos_att_type"] = tuple(raw.get("pos_att_type") or ())
        for key, absent in _HF_ABSENT.items():  # a key missing from config.json means HF's default, not ours
            raw.setdefault(key, absent)
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in raw.items() if k in names and v is not None})

    def to_dict(self) -> dict:
        out = {f.name: getattr(self, f.name) for f in fields(self)}
        return {"model_type": "deberta-v2", "relative_attention": True, **out,
                "pos_att_type": list(self.pos_att_type)}

    @property
    def att_span(self) -> int:
        """S: relative distances index 2S embeddings, from -S to S - 1."""
        return self.position_buckets if self.position_buckets > 0 else self.max_distance

    @property
    def max_distance(self) -> int:
        return self.max_relative_positions if self.max_relative_positions > 0 else self.max_position_embeddings


_HF_ABSENT = {"norm_rel_ebd": "none", "position_biased_input": True, "share_att_key": False,
              "position_buckets": -1, "max_relative_positions": -1}


def log_buckets(distance: torch.Tensor, buckets: int, max_distance: int) -> torch.Tensor:
    """Signed distances -> signed buckets: exact up to buckets/2, then logarithmic so that max_distance - 1
    lands on bucket buckets - 1 (DeBERTa-v2's position buckets). Any shape, integer in and out."""
    mid = buckets // 2
    size = distance.abs()
    size_safe = torch.where(size <= mid, mid, size)  # keeps log() away from 0; those values are not used
    ratio = torch.log(size_safe / mid) / torch.log(torch.tensor((max_distance - 1) / mid))  # float32, as HF
    far = torch.ceil(ratio * (mid - 1)).long() + mid
    return torch.where(size <= mid, distance, torch.sign(distance) * far)


def relative_index(L: int, cfg: DebertaConfig, device) -> torch.Tensor:
    """(L, L) row of the relative embedding for query i and key j: bucket(i - j) + S, clipped to [0, 2S)."""
    pos = torch.arange(L, device=device)
    distance = pos[:, None] - pos[None, :]                                    # (L, L) query minus key
    if cfg.position_buckets > 0:
        distance = log_buckets(distance, cfg.position_buckets, cfg.max_distance)
    S = cfg.att_span
    return (distance + S).clamp(0, 2 * S - 1)                                 # (L, L)


class DisentangledAttention(nn.Module):
    """Content-to-content + content-to-position + position-to-content attention (DeBERTa §3.1, eq. 4)."""

    def __init__(self, cfg: DebertaConfig):
        super().__init__()
        H, A = cfg.hidden_size, cfg.num_attention_heads
        if H % A:
            raise ValueError(f"hidden_size {H} is not divisible by num_attention_heads {A}")
        self.heads, self.terms = A, cfg.pos_att_type
        self.q, self.k, self.v, self.out = (nn.Linear(H, H) for _ in range(4))
        if not cfg.share_att_key:  # DeBERTa-v2: separate projections of the relative embeddings
            self.pos_k = nn.Linear(H, H) if "c2p" in self.terms else None
            self.pos_q = nn.Linear(H, H) if "p2c" in self.terms else None
        self.share = cfg.share_att_key
        self.scale = 1.0 / math.sqrt(H // A * (1 + len(self.terms)))  # 1/sqrt(3d) with both terms (§3.1)
        self.rel_dropout = nn.Dropout(cfg.hidden_dropout_prob)
        self.attn_dropout = cfg.attention_probs_dropout_prob

    def forward(self, x: torch.Tensor, keep: torch.Tensor | None, rel: torch.Tensor,
                index: torch.Tensor) -> torch.Tensor:
        """(B, L, H), (B, 1, 1, L) real keys or None, (R, H) relative embeddings, (L, L) index -> (B, L, H)."""
        B, L, H = x.shape
        split = lambda t: t.view(t.shape[0], -1, self.heads, H // self.heads).transpose(1, 2)  # (., A, ., H/A)
        q, k, v = split(self.q(x)), split(self.k(x)), split(self.v(x))         # (B, A, L, H/A)
        rel = self.rel_dropout(rel)[None]                                       # (1, R, H)
        bias = x.new_zeros(B, self.heads, L, L)                                 # (B, A, L, L)
        at = index.expand(B, self.heads, L, L)                                  # (B, A, L, L)
        if "c2p" in self.terms:  # query content i looks at the key's relative position (i - j)
            pos_k = split(self.k(rel) if self.share else self.pos_k(rel))        # (1, A, R, H/A)
            bias = bias + (q @ pos_k.transpose(-1, -2)).gather(-1, at)          # (B, A, L, L)
        if "p2c" in self.terms:  # key content j is looked at from the query's relative position
            pos_q = split(self.q(rel) if self.share else self.pos_q(rel))        # (1, A, R, H/A)
            bias = bias + (k @ pos_q.transpose(-1, -2)).gather(-1, at.transpose(-1, -2)).transpose(-1, -2)
        bias = bias * self.scale                                                # (B, A, L, L)
        if keep is not None:
            bias = bias.masked_fill(~keep, float("-inf"))                       # (B, A, L, L)
        p = self.attn_dropout if self.training else 0.0
        ctx = F.scaled_dot_product_attention(q, k, v, attn_mask=bias, dropout_p=p, scale=self.scale)
        return self.out(ctx.transpose(1, 2).reshape(B, L, H))                  # (B, L, H)


class DebertaBlock(Block):
    """BERT's post-LayerNorm block with the disentangled attention in place of the plain one."""

    def __init__(self, cfg: DebertaConfig):
        super().__init__(cfg)
        self.attn = DisentangledAttention(cfg)

    def forward(self, x, keep, rel, index):
        """(B, L, H) -> (B, L, H)."""
        x = self.attn_norm(x + self.dropout(self.attn(x, keep, rel, index)))      # (B, L, H)
        return self.ffn_norm(x + self.dropout(self.down(self.act(self.up(x)))))  # (B, L, H)


class DebertaEmbeddings(nn.Module):
    """Token embedding (+ absolute positions only if position_biased_input, + segment 0), LayerNorm, dropout."""

    def __init__(self, cfg: DebertaConfig):
        super().__init__()
        H = cfg.hidden_size
        self.token = nn.Embedding(cfg.vocab_size, H, padding_idx=cfg.pad_token_id)
        self.position = nn.Embedding(cfg.max_position_embeddings, H) if cfg.position_biased_input else None
        self.segment = nn.Embedding(cfg.type_vocab_size, H) if cfg.type_vocab_size > 0 else None
        self.norm = nn.LayerNorm(H, eps=cfg.layer_norm_eps)
        self.dropout = nn.Dropout(cfg.hidden_dropout_prob)

    def forward(self, input_ids: torch.Tensor) -> torch.Tensor:
        """(B, L) ids -> (B, L, H)."""
        x = self.token(input_ids)                                               # (B, L, H)
        if self.position is not None:
            L = input_ids.shape[1]
            if L > self.position.num_embeddings:
                raise ValueError(f"input of {L} subwords is longer than the encoder's "
                                 f"{self.position.num_embeddings} positions")
            x = x + self.position(torch.arange(L, device=input_ids.device))     # (B, L, H)
        if self.segment is not None:
            x = x + self.segment.weight[0]                                      # (B, L, H)
        return self.dropout(self.norm(x))                                       # (B, L, H)


class DebertaEncoder(nn.Module):
    """DeBERTa-v2/v3: embeddings, one shared table of relative embeddings, a stack of blocks; no pooler."""

    def __init__(self, cfg: DebertaConfig):
        super().__init__()
        self.config = cfg
        self.embeddings = DebertaEmbeddings(cfg)
        self.rel_embeddings = nn.Embedding(2 * cfg.att_span, cfg.hidden_size)  # (R, H), shared by all layers
        self.rel_norm = nn.LayerNorm(cfg.hidden_size, eps=cfg.layer_norm_eps) if cfg.norm_rel_ebd == "layer_norm" else None
        self.blocks = nn.ModuleList(DebertaBlock(cfg) for _ in range(cfg.num_hidden_layers))

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        """(B, L) ids and (B, L) 0/1 mask -> (B, L, H) contextual vectors."""
        keep = attention_mask.bool()[:, None, None, :]                          # (B, 1, 1, L)
        if bool(keep.all()):
            keep = None
        index = relative_index(input_ids.shape[1], self.config, input_ids.device)  # (L, L)
        rel = self.rel_embeddings.weight                                        # (R, H)
        if self.rel_norm is not None:
            rel = self.rel_norm(rel)                                            # (R, H)
        x = self.embeddings(input_ids)                                          # (B, L, H)
        for block in self.blocks:
            x = block(x, keep, rel, index)                                      # (B, L, H)
        return x

    def resize_token_embeddings(self, n: int) -> None:
        """Grow (or shrink) the token embedding to n rows, keeping the old rows."""
        self.embeddings.token = grow_embedding(self.embeddings.token, n, self.config.pad_token_id)
        self.config = replace(self.config, vocab_size=n)

    @classmethod
    def from_folder(cls, folder: str | Path) -> "DebertaEncoder":
        """Build from a HF DeBERTa-v2/v3 folder (config.json + model.safetensors or pytorch_model.bin)."""
        folder = Path(folder)
        if not (folder / "config.json").is_file():
            raise FileNotFoundError(f"{folder}: no config.json; not a DeBERTa checkpoint folder")
        model = cls(DebertaConfig.from_json(folder / "config.json"))
        check_and_load(model, hf_deberta_to_ours(read_state_dict(folder), model.config), source=str(folder))
        return model


# HF DeBERTa-v2 parameter names -> ours; the only place that speaks them.
_LAYER_MAP = {
    "attention.self.query_proj": "attn.q", "attention.self.key_proj": "attn.k",
    "attention.self.value_proj": "attn.v", "attention.self.pos_key_proj": "attn.pos_k",
    "attention.self.pos_query_proj": "attn.pos_q", "attention.output.dense": "attn.out",
    "attention.output.LayerNorm": "attn_norm", "intermediate.dense": "up",
    "output.dense": "down", "output.LayerNorm": "ffn_norm",
}
_TOP_MAP = {"embeddings.word_embeddings": "embeddings.token", "embeddings.position_embeddings": "embeddings.position",
            "embeddings.token_type_embeddings": "embeddings.segment", "embeddings.LayerNorm": "embeddings.norm",
            "encoder.rel_embeddings": "rel_embeddings", "encoder.LayerNorm": "rel_norm"}
# Keys of a DeBERTa checkpoint that the encoder does not use (pre-training and task heads, buffers).
_UNUSED_PREFIXES = ("lm_predictions.", "mask_predictions.", "cls.", "pooler.", "classifier.",
                    "qa_outputs.", "embeddings.position_ids")


def hf_deberta_to_ours(state: dict[str, torch.Tensor], cfg: DebertaConfig) -> dict[str, torch.Tensor]:
    """Rename a HF DebertaV2Model (or DebertaV2For*) state dict to this module's names; drop heads."""
    out = {}
    for key, value in state.items():
        key = key.removeprefix("deberta.")
        if key.startswith(_UNUSED_PREFIXES) or (
                key.startswith("embeddings.position_embeddings") and not cfg.position_biased_input):
            continue  # HF ignores a stored position table when the config does not use it
        out[_rename(key)] = value
    return out


def _rename(key: str) -> str:
    name, _, leaf = key.rpartition(".")
    if name in _TOP_MAP:
        return f"{_TOP_MAP[name]}.{leaf}"
    if key.startswith("encoder.layer."):
        i, rest = key[len("encoder.layer."):].split(".", 1)
        name, _, leaf = rest.rpartition(".")
        return f"blocks.{i}.{_LAYER_MAP.get(name, name)}.{leaf}"
    return key
