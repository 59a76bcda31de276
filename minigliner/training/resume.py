"""Checkpoints that a training run can resume from: model, optimizer, batch order and random state.

A checkpoint folder holds the model files (folders/ours.py) and trainer_state.pt: the step, the
losses so far, the optimizer's state, the batch stream's position, the Python and torch random
states, the training config and a fingerprint of the data. Restoring all of it makes a resumed
run end with bit-identical weights to an uninterrupted one (on the same machine and device).
The folder is written under a temporary name and renamed into place, so a kill during the
write leaves the earlier checkpoints whole.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import pickle
import random
import re
import shutil
from pathlib import Path

import torch

from ..folders.weights import check_and_load, read_state_dict

TRAINER_STATE = "trainer_state.pt"
# TrainConfig fields a resumed run may change: where it writes, how often, and what it does on a bad loss.
FREE_FIELDS = ("output_dir", "save_every", "on_nonfinite")


def data_fingerprint(examples: list[dict]) -> str:
    """sha256 of the training examples, to refuse resuming on other data."""
    return hashlib.sha256(json.dumps(examples, sort_keys=True).encode()).hexdigest()


def random_state(model, rng: random.Random) -> dict:
    """The Python and torch random states (and the model's CUDA device's, if it is on one)."""
    device = next(model.parameters()).device
    return {"python": rng.getstate(), "torch": torch.get_rng_state(),
            "cuda": torch.cuda.get_rng_state(device) if device.type == "cuda" else None}


def restore_random_state(state: dict, model, rng: random.Random) -> None:
    rng.setstate(state["python"])
    torch.set_rng_state(state["torch"])
    device = next(model.parameters()).device
    if state["cuda"] is not None and device.type == "cuda":
        torch.cuda.set_rng_state(state["cuda"], device)


def save_checkpoint(folder: str | Path, model, trainer_state: dict) -> None:
    """Write model files and trainer_state.pt into a temporary folder, then rename it to `folder`."""
    folder = Path(folder)
    partial = folder.with_name(f".{folder.name}.partial")
    shutil.rmtree(partial, ignore_errors=True)      # left over from a run killed while writing
    model.save_pretrained(partial)
    torch.save(trainer_state, partial / TRAINER_STATE)
    if folder.exists():                             # a re-run writes the same step again
        old = folder.with_name(f".{folder.name}.old")
        shutil.rmtree(old, ignore_errors=True)
        os.replace(folder, old)
        os.replace(partial, folder)
        shutil.rmtree(old)
    else:
        os.replace(partial, folder)


def last_checkpoint(output_dir: str | Path) -> Path | None:
    """The checkpoint-N folder with the highest N that holds a trainer state, or None."""
    found = []
    for path in Path(output_dir).glob("checkpoint-*"):
        match = re.fullmatch(r"checkpoint-(\d+)", path.name)
        if match and (path / TRAINER_STATE).is_file():
            found.append((int(match.group(1)), path))
    return max(found)[1] if found else None


def load_trainer_state(folder: str | Path) -> dict:
    """Read trainer_state.pt with torch.load(weights_only=True); a file needing more is refused."""
    path = Path(folder) / TRAINER_STATE
    if not path.is_file():
        raise FileNotFoundError(f"{folder}: no {TRAINER_STATE}; not a checkpoint a run can resume from")
    try:
        return torch.load(path, map_location="cpu", weights_only=True)
    except (pickle.UnpicklingError, RuntimeError) as err:
        raise ValueError(f"{path}: cannot be read as a trainer state ({err})") from None


def resume(folder: str | Path, model, optimizer, stream, rng: random.Random, cfg, fingerprint: str) -> dict:
    """Load a checkpoint's weights, optimizer, batch position and random state; return its trainer state."""
    state = load_trainer_state(folder)
    check_same_run(state, cfg, fingerprint, str(folder))
    check_and_load(model, read_state_dict(folder), source=str(folder))
    optimizer.load_state_dict(state["optimizer"])
    stream.load_state_dict(state["batches"])
    restore_random_state(state["random"], model, rng)
    return state


def check_same_run(state: dict, cfg, fingerprint: str, source: str) -> None:
    """Refuse to resume with other settings or data: the result would match neither run."""
    saved, now = state["config"], dataclasses.asdict(cfg)
    changed = [f"{k}: {saved.get(k)!r} -> {v!r}" for k, v in now.items()
               if k not in FREE_FIELDS and saved.get(k) != v]
    if changed:
        raise ValueError(f"{source}: cannot resume with a different training config ({'; '.join(changed)})")
    if state["data"] != fingerprint:
        raise ValueError(f"{source}: cannot resume on different training examples than the run saved")
