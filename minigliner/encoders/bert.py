"""A BERT-style transformer encoder written from scratch, loading HF BERT weights.

Devlin et al., 2019 (BERT), on Vaswani et al., 2017 (Transformer, §3.2-3.3).
Shapes: B batch, L subwords, H width, A heads.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, fields, replace
from pathlib import Path

import torch
import torch.nn.functional as F
from torch import nn

from ..folders.weights import check_and_load, read_state_dict

ACTIVATIONS = {
    "gelu": lambda x: F.gelu(x),                           # erf form, as in BERT
    "gelu_new": lambda x: F.gelu(x, approximate="tanh"),   # tanh approximation (GPT-2 style)
    "gelu_pytorch_tanh": lambda x: F.gelu(x, approximate="tanh"),
    "relu": F.relu,
    "silu": F.silu,
}


@dataclass(frozen=True)
class EncoderConfig:
    """The fields of a HF BERT config.json that the encoder needs."""

    vocab_size: int = 30522               # rows of the token embedding
    hidden_size: int = 384                # H
    num_hidden_layers: int = 6            # transformer blocks
    num_attention_heads: int = 12         # A; H must divide by A
    intermediate_size: int = 1536         # feed-forward inner width
    hidden_act: str = "gelu"              # feed-forward activation (a key of ACTIVATIONS)
    hidden_dropout_prob: float = 0.1      # dropout after embeddings, attention output, feed-forward
    attention_probs_dropout_prob: float = 0.1  # dropout on attention weights
    max_position_embeddings: int = 512    # longest input in subwords
    type_vocab_size: int = 2              # segment embeddings (only segment 0 is used)
    layer_norm_eps: float = 1e-12         # LayerNorm epsilon
    pad_token_id: int = 0                 # id of [PAD]

    @classmethod
    def from_json(cls, path: str | Path) -> "EncoderConfig":
        return cls.from_dict(json.loads(Path(path).read_text()), source=str(path))

    @classmethod
    def from_dict(cls, raw: dict, source: str = "encoder config") -> "EncoderConfig":
        """From a HF config dict; refuses, naming `source`, what is not a BERT-style encoder."""
        model_type = raw.get("model_type", "bert")
        if model_type not in ("bert", "electra") or raw.get(
            "position_embedding_type", "absolute") != "absolute":
            raise ValueError(f"{source}: model_type={model_type!r} with position_embedding_type="
                             f"{raw.get('position_embedding_type')!r} is not a BERT-style encoder")
        if raw.get("hidden_act", "gelu") not in ACTIVATIONS:
            raise ValueError(f"{source}: unsupported hidden_act {raw['hidden_act']!r}")
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in raw.items() if k in names and v is not None})

    def to_dict(self) -> dict:
        return {"model_type": "bert", **{f.name: getattr(self, f.name) for f in fields(self)}}


class Embeddings(nn.Module):
    """Token + position + segment embeddings, then LayerNorm and dropout (BERT §3)."""

    def __init__(self, cfg: EncoderConfig):
        super().__init__()
        self.token = nn.Embedding(cfg.vocab_size, cfg.hidden_size, padding_idx=cfg.pad_token_id)
        self.position = nn.Embedding(cfg.max_position_embeddings, cfg.hidden_size)
        self.segment = nn.Embedding(cfg.type_vocab_size, cfg.hidden_size)
        self.norm = nn.LayerNorm(cfg.hidden_size, eps=cfg.layer_norm_eps)
        self.dropout = nn.Dropout(cfg.hidden_dropout_prob)

    def forward(self, input_ids: torch.Tensor) -> torch.Tensor:
        """(B, L) ids -> (B, L, H)."""
        L = input_ids.shape[1]
        if L > self.position.num_embeddings:
            raise ValueError(f"input of {L} subwords is longer than the encoder's "
                             f"{self.position.num_embeddings} positions")
        positions = torch.arange(L, device=input_ids.device)          # (L,)
        x = self.token(input_ids) + self.position(positions)           # (B, L, H)
        x = x + self.segment.weight[0]                                 # (B, L, H) segment 0 everywhere
        return self.dropout(self.norm(x))                              # (B, L, H)


class SelfAttention(nn.Module):
    """Multi-head scaled dot-product self-attention (Transformer §3.2.2)."""

    def __init__(self, cfg: EncoderConfig):
        super().__init__()
        H, A = cfg.hidden_size, cfg.num_attention_heads
        if H % A:
            raise ValueError(f"hidden_size {H} is not divisible by num_attention_heads {A}")
        self.heads = A
        self.q, self.k, self.v, self.out = (nn.Linear(H, H) for _ in range(4))
        self.attn_dropout = cfg.attention_probs_dropout_prob

    def forward(self, x: torch.Tensor, keep: torch.Tensor | None) -> torch.Tensor:
        """(B, L, H), (B, 1, 1, L) bool of real keys (None: all real) -> (B, L, H)."""
        B, L, H = x.shape
        split = lambda t: t.view(B, L, self.heads, H // self.heads).transpose(1, 2)  # (B, A, L, H/A)
        q, k, v = split(self.q(x)), split(self.k(x)), split(self.v(x))            # (B, A, L, H/A)
        p = self.attn_dropout if self.training else 0.0
        ctx = F.scaled_dot_product_attention(q, k, v, attn_mask=keep, dropout_p=p)  # (B, A, L, H/A)
        return self.out(ctx.transpose(1, 2).reshape(B, L, H))                      # (B, L, H)


class Block(nn.Module):
    """One post-LayerNorm transformer block: attention, then feed-forward (Transformer §3.1)."""

    def __init__(self, cfg: EncoderConfig):
        super().__init__()
        self.attn = SelfAttention(cfg)
        self.attn_norm = nn.LayerNorm(cfg.hidden_size, eps=cfg.layer_norm_eps)
        self.up = nn.Linear(cfg.hidden_size, cfg.intermediate_size)
        self.down = nn.Linear(cfg.intermediate_size, cfg.hidden_size)
        self.ffn_norm = nn.LayerNorm(cfg.hidden_size, eps=cfg.layer_norm_eps)
        self.act = ACTIVATIONS[cfg.hidden_act]
        self.dropout = nn.Dropout(cfg.hidden_dropout_prob)

    def forward(self, x: torch.Tensor, keep: torch.Tensor | None) -> torch.Tensor:
        """(B, L, H) -> (B, L, H)."""
        x = self.attn_norm(x + self.dropout(self.attn(x, keep)))             # (B, L, H)
        return self.ffn_norm(x + self.dropout(self.down(self.act(self.up(x)))))  # (B, L, H)


class Encoder(nn.Module):
    """The BERT encoder: embeddings and a stack of blocks; no pooler."""

    def __init__(self, cfg: EncoderConfig):
        super().__init__()
        self.config = cfg
        self.embeddings = Embeddings(cfg)
        self.blocks = nn.ModuleList(Block(cfg) for _ in range(cfg.num_hidden_layers))

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        """(B, L) ids and (B, L) 0/1 mask -> (B, L, H) contextual vectors."""
        keep = attention_mask.bool()[:, None, None, :]    # (B, 1, 1, L)
        if bool(keep.all()):
            keep = None  # no padding: let attention take its fastest, unmasked kernel
        x = self.embeddings(input_ids)                    # (B, L, H)
        for block in self.blocks:
            x = block(x, keep)                            # (B, L, H)
        return x

    def resize_token_embeddings(self, n: int) -> None:
        """Grow (or shrink) the token embedding to n rows, keeping the old rows."""
        self.embeddings.token = grow_embedding(self.embeddings.token, n, self.config.pad_token_id)
        self.config = replace(self.config, vocab_size=n)

    @classmethod
    def from_folder(cls, folder: str | Path) -> "Encoder":
        """Build from a HF BERT folder (config.json + model.safetensors or pytorch_model.bin)."""
        folder = Path(folder)
        if not (folder / "config.json").is_file():
            raise FileNotFoundError(f"{folder}: no config.json; not a BERT checkpoint folder")
        model = cls(EncoderConfig.from_json(folder / "config.json"))
        hf = read_state_dict(folder)
        check_and_load(model, hf_bert_to_ours(hf), source=str(folder))
        return model


def grow_embedding(old: nn.Embedding, n: int, pad_token_id: int) -> nn.Embedding:
    """A copy of `old` with n rows: the old rows kept, new rows near their mean (plus small noise)."""
    weight = old.weight.data                                           # (V, H)
    if n == weight.shape[0]:
        return old
    new = weight.new_empty(n, weight.shape[1])                         # (n, H)
    keep = min(n, weight.shape[0])
    new[:keep] = weight[:keep]
    if n > keep:
        noise = torch.randn(n - keep, weight.shape[1], dtype=weight.dtype, device=weight.device)
        new[keep:] = weight.mean(0) + 0.02 * noise * weight.std()
    grown = nn.Embedding(n, weight.shape[1], padding_idx=pad_token_id)
    grown.weight.data = new
    return grown


# HF BERT parameter names -> ours; the only place that speaks HF's names.
_LAYER_MAP = {
    "attention.self.query": "attn.q", "attention.self.key": "attn.k",
    "attention.self.value": "attn.v", "attention.output.dense": "attn.out",
    "attention.output.LayerNorm": "attn_norm", "intermediate.dense": "up",
    "output.dense": "down", "output.LayerNorm": "ffn_norm",
}
_EMB_MAP = {"word_embeddings": "token", "position_embeddings": "position",
            "token_type_embeddings": "segment", "LayerNorm": "norm"}
# Keys of a BERT checkpoint that the encoder does not use (heads, pooler, buffers).
_UNUSED_PREFIXES = ("pooler.", "cls.", "lm_head.", "embeddings.position_ids", "classifier.", "qa_outputs.")


def hf_bert_to_ours(state: dict[str, torch.Tensor]) -> dict[str, torch.Tensor]:
    """Rename a HF BertModel (or BertFor*) state dict to this module's names; drop heads."""
    out = {}
    for key, value in state.items():
        for prefix in ("bert.", "electra.", "model."):
            if key.startswith(prefix):
                key = key[len(prefix):]
        if key.startswith(_UNUSED_PREFIXES):
            continue
        out[_rename(key)] = value
    return out


def _rename(key: str) -> str:
    key = key.replace(".gamma", ".weight").replace(".beta", ".bias")  # very old checkpoints
    if key.startswith("embeddings."):
        name, _, leaf = key[len("embeddings."):].rpartition(".")
        return f"embeddings.{_EMB_MAP.get(name, name)}.{leaf}"
    if key.startswith("encoder.layer."):
        i, rest = key[len("encoder.layer."):].split(".", 1)
        name, _, leaf = rest.rpartition(".")
        return f"blocks.{i}.{_LAYER_MAP.get(name, name)}.{leaf}"
    return key
