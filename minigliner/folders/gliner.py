"""Reading the official gliner 0.2.29 folder layout: its config keys and state-dict names mapped to ours.

gliner layout: gliner_config.json (with encoder_config, and labels_encoder_config for a bi-encoder,
inside), model.safetensors or pytorch_model.bin, tokenizer.json (or the backbone's, for older folders),
labels_tokenizer/ for a bi-encoder. Text and label encoders may be any family encoders/backbone.py knows.
This is the one place that speaks the reference's key names.
"""
from __future__ import annotations

import json
import re
import warnings
from pathlib import Path

from ..encoders.backbone import build_encoder, encoder_config, hf_to_ours
from ..config import GLiNERConfig
from ..variants.label_encoder import LabelEncoder
from .hub import resolve_encoder
from ..encoders.tokenizers import add_marker_tokens, load_tokenizer, without_unembedded_tokens
from .weights import Parts, read_state_dict

TOKENIZER_FILES = ("tokenizer.json", "tokenizer_config.json", "vocab.txt", "spm.model")  # whichever a backbone has


def load_gliner(folder: Path) -> Parts:
    """The parts of a gliner folder (span or token; uni-, bi- or poly-encoder; BERT or DeBERTa), weights mapped
    to minigliner's names."""
    raw = json.loads((folder / "gliner_config.json").read_text())
    config = config_from_gliner(raw, source=str(folder))
    enc_cfg = encoder_config(_encoder_dict(raw, folder), source=f"{folder} encoder_config")
    label_cfg = _label_encoder_config(folder, raw, config)
    labels = None
    if label_cfg is not None:
        labels = LabelEncoder(build_encoder(label_cfg), load_tokenizer(folder / "labels_tokenizer"), config.hidden_size)
    tokenizer = _gliner_tokenizer(raw, folder)
    if label_cfg is not None:  # the text encoder of a bi-encoder has no rows for the markers gliner added
        tokenizer = without_unembedded_tokens(tokenizer, enc_cfg.vocab_size)
    return Parts(config, build_encoder(enc_cfg), tokenizer, labels,
                 gliner_to_ours(read_state_dict(folder), enc_cfg, label_cfg), str(folder))


def _encoder_dict(raw: dict, folder: Path) -> dict:
    """gliner_config.json's encoder_config; older checkpoints leave it null and name the backbone in model_name."""
    if raw.get("encoder_config"):
        return raw["encoder_config"]
    base = _backbone_folder(raw, folder, ("config.json",))
    found = json.loads((base / "config.json").read_text())
    vocab = int(float(raw.get("vocab_size", -1)))                   # older configs: sometimes a string
    return {**found, "vocab_size": vocab} if vocab > 0 else found


def _label_encoder_config(folder: Path, raw: dict, config: GLiNERConfig):
    """A bi-encoder folder's labels_encoder_config, of any family encoders/backbone.py knows; None for a uni-encoder."""
    if not config.labels_encoder:
        return None
    if not raw.get("labels_encoder_config"):
        raise ValueError(f"{folder}: gliner config sets labels_encoder={raw['labels_encoder']!r} but has no "
                         f"labels_encoder_config to build it from")
    label_cfg = encoder_config(raw["labels_encoder_config"], source=f"{folder} labels_encoder_config")
    if not (folder / "labels_tokenizer").is_dir():
        raise FileNotFoundError(f"{folder}: a bi-encoder folder needs labels_tokenizer/ "
                                f"(the label encoder's tokenizer)")
    return label_cfg


def _gliner_tokenizer(raw: dict, folder: Path):
    """The folder's tokenizer; older checkpoints ship none: the backbone's, plus the marker tokens."""
    if any((folder / name).is_file() for name in ("tokenizer.json", "vocab.txt", "spm.model")):
        return load_tokenizer(folder)
    tok = load_tokenizer(_backbone_folder(raw, folder, optional=TOKENIZER_FILES))
    add_marker_tokens(tok, raw.get("ent_token", "<<ENT>>"), raw.get("sep_token", "<<SEP>>"))
    return tok


def _backbone_folder(raw: dict, folder: Path, files: tuple[str, ...] = (), optional: tuple[str, ...] = ()) -> Path:
    """The folder of the backbone named by model_name (local, or downloaded: only these files, never its weights)."""
    name = raw.get("model_name") or ""
    if not name:
        raise ValueError(f"{folder}: gliner_config.json has neither encoder_config nor model_name")
    return resolve_encoder(name, files, optional)


# gliner 0.2.29 config keys -> ours, and values we cannot run (yet): named in the error.
_CONFIG_MAP = {"hidden_size": "hidden_size", "max_width": "max_width", "dropout": "dropout",
               "num_rnn_layers": "num_rnn_layers", "subtoken_pooling": "subword_pooling",
               "max_len": "max_len", "max_types": "max_types", "max_neg_type_ratio": "max_neg_type_ratio",
               "ent_token": "ent_token", "sep_token": "sep_token", "span_mode": "span_mode",
               "num_post_fusion_layers": "num_post_fusion_layers"}
_SUPPORTED = {"span_mode": ("markerV0", "marker", "token_level"),
              "embed_ent_token": (True,), "words_splitter_type": ("whitespace", "jieba", "janome"),
              "fuse_layers": (False, None),
              "labels_decoder": (None,), "relations_layer": (None,), "represent_spans": (False, None),
              "span_encoder_config": (None,)}
_WHAT = {"labels_decoder": "a label-generating model", "relations_layer": "a relation-extraction model",
         "represent_spans": "a token model with a span layer", "span_encoder_config": "a context encoder on the spans",
         "words_splitter_type": "a word splitter that needs its own package"}
_NUMBERS = {"hidden_size": int, "max_width": int, "num_rnn_layers": int, "max_len": int, "max_types": int,
            "max_neg_type_ratio": int, "num_post_fusion_layers": int, "dropout": float}
# keys read elsewhere in this module (the encoders, the tokenizer) or that only describe the file
_READ = set(_CONFIG_MAP) | set(_SUPPORTED) | {"encoder_config", "labels_encoder", "labels_encoder_config",
                                               "post_fusion_schema", "model_name", "vocab_size", "model_type",
                                               "transformers_version"}


def config_from_gliner(raw: dict, source: str) -> GLiNERConfig:
    """Map a gliner_config.json to GLiNERConfig; refuse, naming the key, what minigliner cannot run; numbers
    written as strings (older configs) are read as numbers; the keys minigliner does not use are listed once."""
    for key, allowed in _SUPPORTED.items():
        if raw.get(key, allowed[0]) not in allowed:
            what = f"{_WHAT[key]}; " if key in _WHAT else ""
            raise ValueError(f"{source}: gliner config {key}={raw[key]!r} is not supported "
                             f"({what}supported: {allowed})")
    unused = sorted(set(raw) - _READ)
    if unused:
        warnings.warn(f"{source}: gliner config keys minigliner does not use (training settings and "
                      f"bookkeeping): {', '.join(unused)}", stacklevel=2)
    values = {ours: _number(raw[theirs], theirs, source) if theirs in _NUMBERS else raw[theirs]
              for theirs, ours in _CONFIG_MAP.items() if theirs in raw}
    if raw.get("words_splitter_type") in ("jieba", "janome"):  # Chinese / Japanese word segmenters
        warnings.warn(f"{source}: words_splitter_type={raw['words_splitter_type']!r} segments words with a package "
                      f"minigliner does not use; each Chinese or Japanese character is read as a word instead "
                      f"(words_splitter='char'), so entities may differ from gliner's", stacklevel=2)
        values["words_splitter"] = "char"
    values["max_len"] = values.get("max_len", 384)
    values["window_stride"] = max(1, min(values["max_len"], (2 * values["max_len"]) // 3))
    if raw.get("labels_encoder"):  # bi-encoder; its BiLSTM weights exist but the reference never runs it
        values.update(labels_encoder=str(raw["labels_encoder"]), post_fusion_schema=raw.get("post_fusion_schema") or "",
                      num_rnn_layers=0)
    return GLiNERConfig(encoder=raw.get("model_name", ""), **values)


_HEAD_MAP = {  # prefix in gliner's state dict -> prefix in ours
    "token_rep_layer.projection.": "project.",
    "rnn.lstm.": "rnn.lstm.",
    "span_rep_layer.span_rep_layer.project_start.0.": "span_rep.start.up.",
    "span_rep_layer.span_rep_layer.project_start.3.": "span_rep.start.down.",
    "span_rep_layer.span_rep_layer.project_end.0.": "span_rep.end.up.",
    "span_rep_layer.span_rep_layer.project_end.3.": "span_rep.end.down.",
    "span_rep_layer.span_rep_layer.out_project.0.": "span_rep.out.up.",
    "span_rep_layer.span_rep_layer.out_project.3.": "span_rep.out.down.",
    "span_rep_layer.span_rep_layer.out_project.": "span_rep.out.",          # marker: a single Linear
    "prompt_rep_layer.0.": "label_ffn.up.",
    "prompt_rep_layer.3.": "label_ffn.down.",
    "scorer.proj_token.": "token_head.word_proj.",
    "scorer.proj_label.": "token_head.label_proj.",
    "scorer.out_mlp.0.": "token_head.up.",
    "scorer.out_mlp.3.": "token_head.down.",
}
_ENCODER_PREFIX = "token_rep_layer.bert_layer.model."
_LABEL_ENCODER_PREFIX = "token_rep_layer.labels_encoder.model."
# cross_fuser.layers.<i>.<j>.<name>. -> fusion.layers.<i>.<j>.<ours>.
_FUSION_KEY = re.compile(r"^cross_fuser\.layers\.(\d+)\.(\d+)\.(self_attn\.|cross_attn\.)?(\w+)\.")
_FUSION_NAMES = {"query_layer": "q", "key_layer": "k", "value_layer": "v", "pre_norm": "norm_in",
                 "post_norm": "norm_out", "q_proj": "q", "k_proj": "k", "v_proj": "v"}


def gliner_to_ours(state: dict, enc_cfg, label_cfg=None) -> dict:
    """Rename a gliner span- or token-model state dict to minigliner's names: uni-encoder (label_cfg None),
    or bi-/poly-encoder with a label encoder of label_cfg's family."""
    out = {"encoder." + k: v for k, v in hf_to_ours(_under(state, _ENCODER_PREFIX), enc_cfg).items()}
    if label_cfg is not None:
        out.update({"label_encoder.encoder." + k: v
                    for k, v in hf_to_ours(_under(state, _LABEL_ENCODER_PREFIX), label_cfg).items()})
    bi_encoder = label_cfg is not None
    for key, value in state.items():
        if key.startswith(_ENCODER_PREFIX) or (bi_encoder and key.startswith((_LABEL_ENCODER_PREFIX, "rnn."))) \
                or (not bi_encoder and key.startswith("cross_fuser.")):
            continue  # encoders done above; the reference never runs a bi-encoder's BiLSTM nor a uni-encoder's fuser
        if key.startswith("token_rep_layer.labels_projection."):
            out["label_encoder.project." + key.rsplit(".", 1)[1]] = value
            continue
        fusion = _FUSION_KEY.match(key)
        if fusion:
            i, j, attention, name = fusion.groups()
            out[f"fusion.layers.{i}.{j}.{'attention.' if attention else ''}{_FUSION_NAMES[name]}."
                + key[fusion.end():]] = value
            continue
        prefix = next((p for p in _HEAD_MAP if key.startswith(p)), None)
        out[_HEAD_MAP[prefix] + key[len(prefix):] if prefix else key] = value
    return out


def _number(value, key: str, source: str):
    """A config number, also when an older config wrote it as a string ("12", "0.4")."""
    kind = _NUMBERS[key]
    try:
        number = kind(float(value)) if kind is int and isinstance(value, str) else kind(value)
    except (TypeError, ValueError):
        raise ValueError(f"{source}: gliner config {key}={value!r} is not a number") from None
    if kind is int and float(value) != number:
        raise ValueError(f"{source}: gliner config {key}={value!r} must be a whole number")
    return number


def _under(state: dict, prefix: str) -> dict:
    """The entries of state whose key starts with prefix, with the prefix removed."""
    return {k[len(prefix):]: v for k, v in state.items() if k.startswith(prefix)}
