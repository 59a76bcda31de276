"""Saving and loading GLiNER folders: minigliner's own format and the official gliner layout.

Own format: minigliner_config.json, encoder_config.json, model.safetensors, tokenizer.json,
and for a bi-encoder label_encoder/{encoder_config.json, tokenizer.json}.
gliner layout: gliner_config.json (with encoder_config, and labels_encoder_config for a
bi-encoder, inside), model.safetensors or pytorch_model.bin, tokenizer.json, labels_tokenizer/.
This is the one place that speaks the reference's key names.
"""
from __future__ import annotations

import json
import os
import re
import tempfile
from pathlib import Path

from safetensors.torch import save_file

from .config import GLiNERConfig
from .encoder import Encoder, EncoderConfig, hf_bert_to_ours
from .label_encoder import LabelEncoder
from .pretrained import resolve_encoder
from .prompt import add_marker_tokens, load_tokenizer
from .weights import check_and_load, read_state_dict

OWN_CONFIG, ENCODER_CONFIG, LABEL_FOLDER = "minigliner_config.json", "encoder_config.json", "label_encoder"


def build_from_encoder(config: GLiNERConfig):
    """A new GLiNER on a pretrained BERT folder: markers added to the tokenizer and embeddings resized
    (uni-encoder), or a second pretrained encoder for the labels (bi-encoder, text read without markers)."""
    from .model import GLiNER
    folder = resolve_encoder(config.encoder)
    encoder = Encoder.from_folder(folder)
    tokenizer = load_tokenizer(folder)
    if config.labels_encoder:
        label_folder = resolve_encoder(config.labels_encoder)
        labels = LabelEncoder(Encoder.from_folder(label_folder), load_tokenizer(label_folder), config.hidden_size)
        return GLiNER(config, encoder, tokenizer, labels)
    add_marker_tokens(tokenizer, config.ent_token, config.sep_token)
    encoder.resize_token_embeddings(tokenizer.get_vocab_size())
    return GLiNER(config, encoder, tokenizer)


def save(model, folder: str | Path) -> None:
    """Write the model to `folder` in minigliner's format; each file is written atomically."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    state = {k: v.detach().contiguous().cpu() for k, v in model.state_dict().items()}
    _atomic(folder / "model.safetensors", lambda p: save_file(state, p))
    _atomic(folder / OWN_CONFIG, lambda p: model.config.to_json(p))
    _atomic(folder / ENCODER_CONFIG, lambda p: Path(p).write_text(
        json.dumps(model.encoder.config.to_dict(), indent=2) + "\n"))
    _atomic(folder / "tokenizer.json", lambda p: model.tokenizer.save(str(p)))
    if model.label_encoder is not None:
        (folder / LABEL_FOLDER).mkdir(exist_ok=True)
        _atomic(folder / LABEL_FOLDER / ENCODER_CONFIG, lambda p: Path(p).write_text(
            json.dumps(model.label_encoder.encoder.config.to_dict(), indent=2) + "\n"))
        _atomic(folder / LABEL_FOLDER / "tokenizer.json", lambda p: model.label_encoder.tokenizer.save(str(p)))


def load(folder: str | Path):
    """Load a minigliner folder or an official gliner (span, BERT) folder."""
    folder = Path(folder)
    if not folder.is_dir():
        raise FileNotFoundError(f"{folder}: no such model folder")
    if (folder / OWN_CONFIG).is_file():
        return _load_own(folder)
    if (folder / "gliner_config.json").is_file():
        return _load_gliner(folder)
    raise FileNotFoundError(f"{folder}: neither {OWN_CONFIG} nor gliner_config.json found")


def _load_own(folder: Path):
    from .model import GLiNER
    config = GLiNERConfig.from_json(folder / OWN_CONFIG)
    encoder = Encoder(EncoderConfig.from_json(folder / ENCODER_CONFIG))
    labels = None
    if config.labels_encoder:
        sub = folder / LABEL_FOLDER
        labels = LabelEncoder(Encoder(EncoderConfig.from_json(sub / ENCODER_CONFIG)), load_tokenizer(sub),
                              config.hidden_size)
    model = GLiNER(config, encoder, load_tokenizer(folder), labels)
    check_and_load(model, read_state_dict(folder), source=str(folder))
    return model.eval()


def _load_gliner(folder: Path):
    from .model import GLiNER
    raw = json.loads((folder / "gliner_config.json").read_text())
    config = config_from_gliner(raw, source=str(folder))
    encoder = Encoder(EncoderConfig.from_dict(raw.get("encoder_config") or {}, source=str(folder)))
    model = GLiNER(config, encoder, load_tokenizer(folder), _gliner_label_encoder(folder, raw, config))
    check_and_load(model, gliner_to_ours(read_state_dict(folder), bi_encoder=bool(config.labels_encoder)),
                   source=str(folder))
    return model.eval()


def _gliner_label_encoder(folder: Path, raw: dict, config: GLiNERConfig) -> LabelEncoder | None:
    """The label encoder of a gliner bi-encoder folder: labels_encoder_config + labels_tokenizer/."""
    if not config.labels_encoder:
        return None
    if not raw.get("labels_encoder_config"):
        raise ValueError(f"{folder}: gliner config sets labels_encoder={raw['labels_encoder']!r} but has no "
                         f"labels_encoder_config to build it from")
    if not (folder / "labels_tokenizer").is_dir():
        raise FileNotFoundError(f"{folder}: a bi-encoder folder needs labels_tokenizer/ (the label encoder's tokenizer)")
    label_config = EncoderConfig.from_dict(raw["labels_encoder_config"], source=f"{folder} labels_encoder_config")
    return LabelEncoder(Encoder(label_config), load_tokenizer(folder / "labels_tokenizer"), config.hidden_size)


# gliner 0.2.29 config keys -> ours, and values we cannot run (yet): named in the error.
_CONFIG_MAP = {"hidden_size": "hidden_size", "max_width": "max_width", "dropout": "dropout",
               "num_rnn_layers": "num_rnn_layers", "subtoken_pooling": "subword_pooling",
               "max_len": "max_len", "max_types": "max_types", "max_neg_type_ratio": "max_neg_type_ratio",
               "ent_token": "ent_token", "sep_token": "sep_token", "span_mode": "span_mode",
               "num_post_fusion_layers": "num_post_fusion_layers"}
_SUPPORTED = {"span_mode": ("markerV0", "token_level"),
              "embed_ent_token": (True,), "words_splitter_type": ("whitespace",), "fuse_layers": (False, None),
              "labels_decoder": (None,), "relations_layer": (None,)}


def config_from_gliner(raw: dict, source: str) -> GLiNERConfig:
    """Map a gliner_config.json to GLiNERConfig; refuse, naming the key, what minigliner cannot run."""
    for key, allowed in _SUPPORTED.items():
        if raw.get(key, allowed[0]) not in allowed:
            raise ValueError(f"{source}: gliner config {key}={raw[key]!r} is not supported "
                             f"(supported: {allowed})")
    model_type = (raw.get("encoder_config") or {}).get("model_type")
    if model_type != "bert":
        raise ValueError(f"{source}: encoder model_type={model_type!r} is not supported (only 'bert')")
    values = {ours: raw[theirs] for theirs, ours in _CONFIG_MAP.items() if theirs in raw}
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


def gliner_to_ours(state: dict, bi_encoder: bool = False) -> dict:
    """Rename a gliner span- or token-model state dict (uni-, bi- or poly-encoder) to minigliner's names."""
    out = {}
    for prefix, ours in ((_ENCODER_PREFIX, "encoder."), (_LABEL_ENCODER_PREFIX, "label_encoder.encoder.")):
        sub = {k[len(prefix):]: v for k, v in state.items() if k.startswith(prefix)}
        out.update({ours + k: v for k, v in hf_bert_to_ours(sub).items()})
    for key, value in state.items():
        if key.startswith((_ENCODER_PREFIX, _LABEL_ENCODER_PREFIX)) or (bi_encoder and key.startswith("rnn.")) \
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


def _atomic(path: Path, write) -> None:
    """Write via a temporary file in the same folder, then rename: no half-written file on a crash."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix="." + path.name)
    os.close(fd)
    try:
        write(tmp)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)
