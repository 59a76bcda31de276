"""Which encoder a config describes: BERT-style (bert.py) or DeBERTa-v2/v3 (deberta.py), chosen by model_type.

Every encoder takes (B, L) ids and a (B, L) mask and returns (B, L, H); its config has hidden_size,
vocab_size, pad_token_id and max_position_embeddings, and it can resize its token embedding.
"""
from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import torch

from .deberta import DebertaConfig, DebertaEncoder, hf_deberta_to_ours
from .bert import Encoder, EncoderConfig, hf_bert_to_ours

FAMILIES = {  # model_type in a HF config.json -> (config class, encoder class)
    "bert": (EncoderConfig, Encoder),
    "electra": (EncoderConfig, Encoder),
    "deberta-v2": (DebertaConfig, DebertaEncoder),
}


def encoder_config(raw: dict, source: str = "encoder config") -> EncoderConfig | DebertaConfig:
    """The config of the family named by raw["model_type"] (BERT when absent); refuses other families."""
    model_type = raw.get("model_type", "bert")
    if model_type not in FAMILIES:
        raise ValueError(f"{source}: encoder model_type={model_type!r} is not supported "
                         f"(supported: {sorted(FAMILIES)})")
    return FAMILIES[model_type][0].from_dict(raw, source=source)


def build_encoder(cfg: EncoderConfig | DebertaConfig) -> Encoder | DebertaEncoder:
    """A randomly initialised encoder of cfg's family."""
    return DebertaEncoder(cfg) if isinstance(cfg, DebertaConfig) else Encoder(cfg)


def hf_to_ours(state: dict[str, torch.Tensor], cfg: EncoderConfig | DebertaConfig) -> dict[str, torch.Tensor]:
    """Rename a HF encoder state dict to minigliner's names for cfg's family."""
    return hf_deberta_to_ours(state, cfg) if isinstance(cfg, DebertaConfig) else hf_bert_to_ours(state)


def load_encoder(folder: str | Path) -> Encoder | DebertaEncoder:
    """The pretrained encoder in a HF folder (config.json + weights), of the family its config names."""
    folder = Path(folder)
    if not (folder / "config.json").is_file():
        raise FileNotFoundError(f"{folder}: no config.json; not an encoder checkpoint folder")
    raw = json.loads((folder / "config.json").read_text())
    encoder_config(raw, source=str(folder / "config.json"))  # refuses an unknown family by name
    return FAMILIES[raw.get("model_type", "bert")][1].from_folder(folder)


def keep_layers(encoder: Encoder | DebertaEncoder, n: int) -> None:
    """Keep only the first n blocks (BERT or DeBERTa): a shallower, faster encoder from pretrained weights."""
    if not 0 < n <= len(encoder.blocks):
        raise ValueError(f"encoder_layers must be in 1..{len(encoder.blocks)}, got {n}")
    encoder.blocks = encoder.blocks[:n]
    encoder.config = replace(encoder.config, num_hidden_layers=n)
