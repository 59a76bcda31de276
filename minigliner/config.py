"""Configuration of a GLiNER model.

Shape letters used in every module's comments:
    B batch, L subwords, W words, K max span width, C labels, D hidden size,
    H encoder width (before the optional projection to D).
"""
from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class GLiNERConfig:
    """Hyper-parameters of the span GLiNER (Zaratiana et al., 2023, §2)."""

    encoder: str = "sentence-transformers/all-MiniLM-L6-v2"  # folder (or hub id) of the BERT encoder
    encoder_layers: int = 0           # keep the first N blocks of the pretrained encoder (0 = all): smaller, faster
    hidden_size: int = 512            # D: width of word, label and span vectors
    max_width: int = 12               # K: longest span, in words (span model only)
    span_mode: str = "markerV0"       # markerV0: span model (GLiNER) | marker (NuNER Zero) | token_level: start/end/inside head
    token_scoring: str = "min"        # token model span score: min (reference >= 0.2.17) | mean (the paper)
    dropout: float = 0.4              # dropout inside every projection FFN
    num_rnn_layers: int = 1           # BiLSTM layers over the word vectors (0 = no BiLSTM)
    subword_pooling: str = "first"    # word vector from its subwords: first | last | mean | max
    words_splitter: str = "whitespace"  # text -> words: whitespace (gliner's regex) | char (each Chinese/Japanese character a word)
    max_len: int = 384                # most words per window; longer texts are split into windows
    window_stride: int = 256          # words between window starts when a text is split (overlap = max_len - stride)
    max_types: int = 25               # most labels per example during training
    max_neg_type_ratio: int = 1       # negative labels per gold entity, sampled from the batch
    ent_token: str = "<<ENT>>"        # marker before each label in the prompt
    sep_token: str = "<<SEP>>"        # marker between the labels and the text
    loss_alpha: float = -1.0          # focal alpha (weight of positives); < 0 disables it
    loss_gamma: float = 0.0           # focal gamma; 0 = plain (clamped) BCE
    label_smoothing: float = 0.0      # targets y -> y(1 - s) + s/2
    loss_reduction: str = "sum"       # sum | mean (mean divides by the number of valid spans)
    loss_clamp: bool = True           # log(max(p, 1e-6)) as the reference (no gradient past |logit| ~13.8); False = exact
    negatives: float = 1.0            # keep-probability of each negative in the loss
    masking: str = "none"             # which negatives are sampled: none | global | label | span
    # bi-encoder and poly-encoder (labels read by their own encoder instead of the prompt)
    labels_encoder: str = ""          # folder (or hub id) of a sentence encoder for label names; "" = uni-encoder (labels in the prompt)
    post_fusion_schema: str = ""      # poly-encoder: dash-separated fusion steps after encoding, e.g. "l2l-l2t-t2t"
                                      # (l2l labels<->labels, t2t words<->words, l2t labels read words, t2l words read labels); "" = none
    num_post_fusion_layers: int = 1   # how many times the schema is repeated, each time with its own weights

    def __post_init__(self):
        _check_choice("subword_pooling", self.subword_pooling, ("first", "last", "mean", "max"))
        _check_choice("span_mode", self.span_mode, ("markerV0", "marker", "token_level"))
        _check_choice("words_splitter", self.words_splitter, ("whitespace", "char"))
        _check_choice("token_scoring", self.token_scoring, ("min", "mean"))
        _check_choice("loss_reduction", self.loss_reduction, ("sum", "mean"))
        _check_choice("masking", self.masking, ("none", "global", "label", "span"))
        if self.encoder_layers < 0:
            raise ValueError(f"encoder_layers must be 0 (all) or positive, got {self.encoder_layers}")
        if self.max_width < 1 or self.hidden_size < 1 or self.max_len < 1:
            raise ValueError("max_width, hidden_size and max_len must be positive")
        if not 0 < self.window_stride <= self.max_len:
            raise ValueError(f"window_stride must be in (0, max_len], got {self.window_stride}")
        if not 0.0 <= self.dropout < 1.0:
            raise ValueError(f"dropout must be in [0, 1), got {self.dropout}")
        if self.post_fusion_schema:
            if not self.labels_encoder:
                raise ValueError("post_fusion_schema needs a bi-encoder: set labels_encoder too (in a uni-encoder "
                                 "the labels already read the text inside one encoder)")
            from .variants.fusion import parse_schema
            parse_schema(self.post_fusion_schema)
        if self.num_post_fusion_layers < 1:
            raise ValueError(f"num_post_fusion_layers must be at least 1, got {self.num_post_fusion_layers}")

    @classmethod
    def tiny(cls, encoder: str = "", **overrides) -> "GLiNERConfig":
        """A few-thousand-parameter head for tests on a tiny encoder folder."""
        base = dict(encoder=encoder, hidden_size=32, max_len=64, window_stride=48, max_types=8)
        return cls(**{**base, **overrides})

    def replace(self, **changes) -> "GLiNERConfig":
        return dataclasses.replace(self, **changes)

    def to_json(self, path: str | Path) -> None:
        Path(path).write_text(json.dumps(dataclasses.asdict(self), indent=2) + "\n")

    @classmethod
    def from_json(cls, path: str | Path) -> "GLiNERConfig":
        data = json.loads(Path(path).read_text())
        known = {f.name for f in dataclasses.fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise ValueError(f"{path}: unknown config keys {unknown}")
        return cls(**data)


def _check_choice(name: str, value: str, choices: tuple[str, ...]) -> None:
    if value not in choices:
        raise ValueError(f"{name} must be one of {choices}, got {value!r}")
