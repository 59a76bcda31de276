"""Reading weight files safely and loading them with every key and shape checked."""
from __future__ import annotations

import pickle
from pathlib import Path
from typing import Any, NamedTuple

import torch
from safetensors import SafetensorError
from safetensors.torch import load_file
from torch import nn

WEIGHT_FILES = ("model.safetensors", "pytorch_model.bin")


class Parts(NamedTuple):
    """What a folder loader returns for GLiNER to assemble (loaders never import the model class)."""

    config: Any                 # GLiNERConfig
    encoder: nn.Module          # the text encoder (weights random until state is loaded)
    tokenizer: Any              # tokenizers.Tokenizer of the text encoder
    label_encoder: Any = None   # LabelEncoder of a bi-encoder, else None
    state: dict | None = None   # the model's state dict to check and load; None: keep the encoder's weights
    source: str = ""            # where state came from, for error messages


def read_state_dict(folder: str | Path) -> dict[str, torch.Tensor]:
    """Read model.safetensors, or else pytorch_model.bin with torch.load(weights_only=True)."""
    folder = Path(folder)
    for name in WEIGHT_FILES:
        path = folder / name
        if path.is_file():
            return _check_tensors(_load_safetensors(path) if name.endswith(".safetensors") else _load_pickle(path), path)
    raise FileNotFoundError(f"{folder}: none of {WEIGHT_FILES} found")


def _load_safetensors(path: Path) -> dict[str, torch.Tensor]:
    try:
        return load_file(path)
    except SafetensorError as err:
        raise ValueError(f"{path}: not a readable safetensors file (truncated or corrupt?): {err}") from None


def _load_pickle(path: Path) -> dict[str, torch.Tensor]:
    try:
        return torch.load(path, map_location="cpu", weights_only=True)
    except pickle.UnpicklingError as err:
        raise ValueError(f"{path}: refused: the file needs more than plain tensors to load "
                         f"(arbitrary pickled objects can run code); convert it to safetensors. "
                         f"Details: {err}") from None
    except (RuntimeError, EOFError) as err:   # a zip archive cut short, or not a torch file at all
        raise ValueError(f"{path}: not a readable torch file (truncated or corrupt?): {err}") from None


def _check_tensors(state, path: Path) -> dict[str, torch.Tensor]:
    """A state dict maps names to tensors; anything else is refused naming the first odd entry."""
    if not isinstance(state, dict):
        raise ValueError(f"{path}: expected a state dict, got {type(state).__name__}")
    odd = next(((k, v) for k, v in state.items() if not isinstance(k, str) or not isinstance(v, torch.Tensor)), None)
    if odd:
        raise ValueError(f"{path}: expected a state dict of tensors, but {odd[0]!r} is a {type(odd[1]).__name__}")
    return state


def check_and_load(model: nn.Module, state: dict[str, torch.Tensor], source: str) -> None:
    """Copy state into model; raise naming every missing, unexpected or mis-shaped key."""
    expected = model.state_dict()
    missing = sorted(set(expected) - set(state))
    unexpected = sorted(set(state) - set(expected))
    shapes = [f"{k}: file {tuple(state[k].shape)} vs model {tuple(v.shape)}"
              for k, v in expected.items() if k in state and state[k].shape != v.shape]
    problems = []
    if missing:
        problems.append(f"missing keys {missing}")
    if unexpected:
        problems.append(f"unexpected keys {unexpected}")
    if shapes:
        problems.append("shape mismatches " + "; ".join(shapes))
    if problems:
        raise ValueError(f"{source}: weights do not fit the model: " + " | ".join(problems))
    with torch.no_grad():
        for key, value in expected.items():
            value.copy_(state[key])
