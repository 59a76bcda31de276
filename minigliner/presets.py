"""Recipes in one place: a model config, a training config, and (for corpus mixtures) sampling settings.

GLiNERConfig and TrainConfig keep the reference's and the paper's values as their defaults, so that
loading gliner folders and the parity tests never depend on a recipe. Everything that trains starts from
a recipe here and overrides only what it says: the command line (`train --preset`), `make demo`, the
benchmarks and the notebooks.
"""
from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass

from .config import GLiNERConfig
from .training.loop import TrainConfig


@dataclass(frozen=True)
class Recipe:
    """How to train: the model, the optimisation, the mixture of corpora (benchmarks/zeroshot.py), and why."""

    model: GLiNERConfig
    train: TrainConfig
    temperature: float = 2.0   # mixture: dataset sampling p ~ size^(1/T) x label_names^variety
    variety: float = 0.0       # mixture: weight of a dataset's number of label names
    max_words: int = 64        # mixture: training examples are cut into pieces this long
    why: str = ""              # where the numbers come from

    def replace(self, **changes) -> "Recipe":
        """A copy with each change applied where its name lives: the recipe, the model or the training config."""
        own = {f.name for f in dataclasses.fields(self)} - {"model", "train"}
        model_keys = {f.name for f in dataclasses.fields(GLiNERConfig)}
        train_keys = {f.name for f in dataclasses.fields(TrainConfig)}
        unknown = set(changes) - own - model_keys - train_keys
        if unknown:
            raise ValueError(f"no recipe, model or training setting is called {sorted(unknown)}")
        return dataclasses.replace(
            self, model=dataclasses.replace(self.model, **{k: v for k, v in changes.items() if k in model_keys}),
            train=dataclasses.replace(self.train, **{k: v for k, v in changes.items() if k in train_keys}),
            **{k: v for k, v in changes.items() if k in own})


# the settings every CPU recipe shares: MiniLM (the offline package; an error naming it when it is missing) at its own width, light dropout, the exact loss, fast training
_CPU_MODEL = GLiNERConfig(encoder="minilm", hidden_size=384, dropout=0.1, loss_clamp=False)

PRESETS = {
    "paper": Recipe(
        GLiNERConfig(), TrainConfig(),
        why="GLiNER §3 and gliner 0.2.29's defaults: lr 1e-5 / 5e-5, dropout 0.4, clamped BCE; needs a GPU's steps"),
    "cpu": Recipe(
        _CPU_MODEL, TrainConfig(steps=600, lr_encoder=5e-5, lr_others=1e-3, factorized=True),
        why="learns in minutes on 2 CPU cores (README); the command line's default"),
    "demo": Recipe(
        dataclasses.replace(_CPU_MODEL, max_neg_type_ratio=8),
        TrainConfig(steps=1000, lr_encoder=1e-4, lr_others=2e-3, factorized=True),
        why="make demo: up to 8x negative types per prompt lifted eval_unseen F1 from 6.4 to 29.5 (RESULTS.md)"),
    "tasks": Recipe(
        dataclasses.replace(_CPU_MODEL, span_mode="token_level", encoder_layers=3),
        TrainConfig(steps=400, batch_size=4, lr_encoder=1e-4, lr_others=2e-3, factorized=True),
        why="notebook 09 and tests/test_tasks.py: on data/tasks_train.json, 82% of questions and 89% of relations "
            "about unseen names answered exactly, 202 s on one thread (make test's); MiniLM's first 3 layers "
            "(2 layers: 65% / 18%); 400 steps (300: 81% / 82%, 200: 3% / 1%)"),
    "zeroshot": Recipe(
        _CPU_MODEL,
        TrainConfig(steps=6300, lr_encoder=1e-4, lr_others=2e-3, negatives_from="known", neg_ratio=math.inf,
                    factorized=True),
        temperature=2.0, variety=0.5, max_words=64,
        why="benchmarks/zeroshot.py: the heldout probes' winner (RESULTS.md); 6300 steps: 105.7 min at 1.01 s/step"),
}


def preset(name: str) -> Recipe:
    """The recipe called `name` (one of PRESETS)."""
    if name not in PRESETS:
        raise ValueError(f"no preset {name!r}; choose one of {sorted(PRESETS)}")
    return PRESETS[name]
