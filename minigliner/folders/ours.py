"""Saving and loading minigliner's own model folders (the official gliner layout is read by folders/gliner.py).

Own format: minigliner_config.json, encoder_config.json, model.safetensors, tokenizer.json,
and for a bi-encoder label_encoder/{encoder_config.json, tokenizer.json}. An encoder_config.json
names its family by model_type (BERT or DeBERTa, see encoders/backbone.py).
"""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from safetensors.torch import save_file

from ..encoders.backbone import build_encoder, encoder_config, keep_layers, load_encoder
from ..config import GLiNERConfig
from .gliner import load_gliner
from ..variants.label_encoder import LabelEncoder
from .hub import download_gliner, is_hub_id, resolve_encoder
from ..encoders.tokenizers import add_marker_tokens, load_tokenizer
from .weights import Parts, read_state_dict

OWN_CONFIG, ENCODER_CONFIG, LABEL_FOLDER = "minigliner_config.json", "encoder_config.json", "label_encoder"


def parts_from_encoder(config: GLiNERConfig) -> Parts:
    """The parts of a new GLiNER on a pretrained encoder folder: markers added to the tokenizer and embeddings
    resized (uni-encoder), or a second pretrained encoder for the labels (bi-encoder, text read without markers)."""
    folder = resolve_encoder(config.encoder)
    encoder = load_encoder(folder)
    if config.encoder_layers:
        keep_layers(encoder, config.encoder_layers)
    tokenizer = load_tokenizer(folder)
    if config.labels_encoder:
        label_folder = resolve_encoder(config.labels_encoder)
        labels = LabelEncoder(load_encoder(label_folder), load_tokenizer(label_folder), config.hidden_size)
        return Parts(config, encoder, tokenizer, labels)
    add_marker_tokens(tokenizer, config.ent_token, config.sep_token)
    encoder.resize_token_embeddings(tokenizer.get_vocab_size())
    return Parts(config, encoder, tokenizer)


def save(model, folder: str | Path) -> None:
    """Write the model to `folder` in minigliner's format; each file is written atomically."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    state = {k: v.detach().contiguous().cpu() for k, v in model.state_dict().items()}
    _atomic(folder / "model.safetensors", lambda p: save_file(state, p))
    _atomic(folder / OWN_CONFIG, lambda p: model.config.to_json(p))
    _write_encoder(folder, model.encoder, model.tokenizer)
    if model.label_encoder is not None:
        (folder / LABEL_FOLDER).mkdir(exist_ok=True)
        _write_encoder(folder / LABEL_FOLDER, model.label_encoder.encoder, model.label_encoder.tokenizer)


def load(folder: str | Path) -> Parts:
    """The parts of a minigliner folder or an official gliner folder (span or token; uni-, bi- or poly-encoder;
    BERT or DeBERTa); a hub id 'owner/name' that is not a local folder is downloaded first."""
    if not Path(folder).is_dir() and is_hub_id(str(folder)):
        folder = download_gliner(str(folder))
    folder = Path(folder)
    if not folder.is_dir():
        raise FileNotFoundError(f"{folder}: no such model folder")
    if (folder / OWN_CONFIG).is_file():
        return _load_own(folder)
    if (folder / "gliner_config.json").is_file():
        return load_gliner(folder)
    raise FileNotFoundError(f"{folder}: neither {OWN_CONFIG} nor gliner_config.json found")


def _load_own(folder: Path) -> Parts:
    config = GLiNERConfig.from_json(folder / OWN_CONFIG)
    labels = None
    if config.labels_encoder:
        sub = folder / LABEL_FOLDER
        labels = LabelEncoder(_read_encoder(sub), load_tokenizer(sub), config.hidden_size)
    return Parts(config, _read_encoder(folder), load_tokenizer(folder), labels, read_state_dict(folder), str(folder))


def _write_encoder(folder: Path, encoder, tokenizer) -> None:
    """An encoder's config (its family in model_type) and its tokenizer, into folder."""
    text = json.dumps(encoder.config.to_dict(), indent=2) + "\n"
    _atomic(folder / ENCODER_CONFIG, lambda p: Path(p).write_text(text))
    _atomic(folder / "tokenizer.json", lambda p: tokenizer.save(str(p)))


def _read_encoder(folder: Path):
    """A randomly initialised encoder of the family that folder's encoder_config.json names."""
    raw = json.loads((folder / ENCODER_CONFIG).read_text())
    return build_encoder(encoder_config(raw, source=str(folder / ENCODER_CONFIG)))


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
