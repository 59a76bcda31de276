"""Saving and loading GLiNER folders: minigliner's own format and the official gliner layout.

Own format: minigliner_config.json, encoder_config.json, model.safetensors, tokenizer.json.
gliner layout: gliner_config.json (with encoder_config inside), model.safetensors or
pytorch_model.bin, tokenizer.json. This is the one place that speaks the reference's key names.
"""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from safetensors.torch import save_file

from .config import GLiNERConfig
from .backbone import build_encoder, encoder_config, hf_to_ours, load_encoder
from .pretrained import download_gliner, is_hub_id, resolve_encoder
from .prompt import add_marker_tokens, load_tokenizer
from .weights import check_and_load, read_state_dict

OWN_CONFIG, ENCODER_CONFIG = "minigliner_config.json", "encoder_config.json"
TOKENIZER_FILES = ("tokenizer.json", "tokenizer_config.json", "vocab.txt", "spm.model")  # whichever a backbone has


def build_from_encoder(config: GLiNERConfig):
    """A new GLiNER on a pretrained encoder folder: markers added to the tokenizer, embeddings resized."""
    from .model import GLiNER
    folder = resolve_encoder(config.encoder)
    encoder = load_encoder(folder)
    tokenizer = load_tokenizer(folder)
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


def load(folder: str | Path):
    """Load a minigliner folder or an official gliner folder (span or token, BERT or DeBERTa);
    a hub id 'owner/name' that is not a local folder is downloaded first."""
    if not Path(folder).is_dir() and is_hub_id(str(folder)):
        folder = download_gliner(str(folder))
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
    raw = json.loads((folder / ENCODER_CONFIG).read_text())
    encoder = build_encoder(encoder_config(raw, source=str(folder / ENCODER_CONFIG)))
    model = GLiNER(config, encoder, load_tokenizer(folder))
    check_and_load(model, read_state_dict(folder), source=str(folder))
    return model.eval()


def _load_gliner(folder: Path):
    from .model import GLiNER
    raw = json.loads((folder / "gliner_config.json").read_text())
    config = config_from_gliner(raw, source=str(folder))
    enc_cfg = encoder_config(_encoder_dict(raw, folder), source=f"{folder} encoder_config")
    model = GLiNER(config, build_encoder(enc_cfg), _gliner_tokenizer(raw, folder))
    check_and_load(model, gliner_to_ours(read_state_dict(folder), enc_cfg), source=str(folder))
    return model.eval()


def _encoder_dict(raw: dict, folder: Path) -> dict:
    """gliner_config.json's encoder_config; older checkpoints leave it null and name the backbone in model_name."""
    if raw.get("encoder_config"):
        return raw["encoder_config"]
    base = _backbone_folder(raw, folder, ("config.json",))
    found = json.loads((base / "config.json").read_text())
    return {**found, "vocab_size": raw["vocab_size"]} if raw.get("vocab_size", -1) > 0 else found


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
               "ent_token": "ent_token", "sep_token": "sep_token", "span_mode": "span_mode"}
_SUPPORTED = {"span_mode": ("markerV0", "token_level"), "labels_encoder": (None,), "post_fusion_schema": ("", None),
              "embed_ent_token": (True,), "words_splitter_type": ("whitespace",), "fuse_layers": (False, None),
              "labels_decoder": (None,), "relations_layer": (None,)}
_WHAT = {"labels_encoder": "a bi-encoder", "post_fusion_schema": "a post-fusion (poly-encoder) model",
         "labels_decoder": "a label-generating model", "relations_layer": "a relation-extraction model"}


def config_from_gliner(raw: dict, source: str) -> GLiNERConfig:
    """Map a gliner_config.json to GLiNERConfig; refuse, naming the key, what minigliner cannot run."""
    for key, allowed in _SUPPORTED.items():
        if raw.get(key, allowed[0]) not in allowed:
            what = f"{_WHAT[key]}; " if key in _WHAT else ""
            raise ValueError(f"{source}: gliner config {key}={raw[key]!r} is not supported "
                             f"({what}supported: {allowed})")
    values = {ours: raw[theirs] for theirs, ours in _CONFIG_MAP.items() if theirs in raw}
    values["max_len"] = values.get("max_len", 384)
    values["window_stride"] = max(1, min(values["max_len"], (2 * values["max_len"]) // 3))
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


def gliner_to_ours(state: dict, enc_cfg) -> dict:
    """Rename a gliner span or token model's state dict to minigliner's parameter names."""
    encoder = {k[len(_ENCODER_PREFIX):]: v for k, v in state.items() if k.startswith(_ENCODER_PREFIX)}
    out = {"encoder." + k: v for k, v in hf_to_ours(encoder, enc_cfg).items()}
    for key, value in state.items():
        if key.startswith(_ENCODER_PREFIX):
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
