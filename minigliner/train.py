"""Training the span GLiNER: batches, negative labels, AdamW with two learning rates, warmup and decay.

GLiNER §3 (training details): AdamW, 1e-5 for the encoder and 5e-5 for the rest, warmup then decay.
"""
from __future__ import annotations

import math
import random
import warnings
from dataclasses import dataclass
from pathlib import Path

import torch
from tqdm import tqdm

from .data import sample_labels, split_long


SCHEDULES = ("linear", "cosine", "constant")


@dataclass(frozen=True)
class TrainConfig:
    """Optimisation settings; the model's loss settings live in GLiNERConfig."""

    steps: int = 1000               # optimizer steps
    batch_size: int = 8             # examples per step
    lr_encoder: float = 1e-5        # learning rate of the pretrained encoder(s): text, and labels in a bi-encoder
    lr_others: float = 5e-5         # learning rate of the BiLSTM, FFNs, projections and fusion layers
    weight_decay: float = 0.01      # AdamW weight decay (not on biases and LayerNorms)
    warmup_ratio: float = 0.1       # share of steps with linearly rising learning rate
    schedule: str = "linear"        # decay after warmup: linear | cosine | constant
    max_grad_norm: float = 1.0      # gradient clipping (0 = off)
    save_every: int = 0             # write a checkpoint folder every N steps (0 = only at the end)
    output_dir: str = ""            # where checkpoints go ("" = nowhere)

    def __post_init__(self):
        if self.schedule not in SCHEDULES:
            raise ValueError(f"schedule must be one of {SCHEDULES}, got {self.schedule!r}")
        if self.steps < 1 or self.batch_size < 1:
            raise ValueError("steps and batch_size must be positive")


def lr_factor(step: int, total: int, warmup: int, schedule: str) -> float:
    """Multiplier of the base learning rate at `step` (0-based)."""
    if schedule not in SCHEDULES:
        raise ValueError(f"schedule must be one of {SCHEDULES}, got {schedule!r}")
    if step < warmup:
        return (step + 1) / warmup
    if schedule == "constant":
        return 1.0
    progress = (step - warmup) / max(1, total - warmup)
    if schedule == "cosine":
        return 0.5 * (1 + math.cos(math.pi * progress))
    return max(0.0, 1 - progress)  # linear


def make_optimizer(model, cfg: TrainConfig) -> torch.optim.AdamW:
    """AdamW with groups: encoder / rest, each with and without weight decay."""
    groups = {}
    for name, p in model.named_parameters():
        if not p.requires_grad:
            continue
        pretrained = name.startswith(("encoder.", "label_encoder.encoder."))  # the text and label encoders
        lr = cfg.lr_encoder if pretrained else cfg.lr_others
        decay = cfg.weight_decay if p.ndim >= 2 else 0.0  # no decay on biases and LayerNorm weights
        groups.setdefault((lr, decay), []).append(p)
    return torch.optim.AdamW([{"params": ps, "lr": lr, "weight_decay": wd, "base_lr": lr}
                              for (lr, wd), ps in groups.items()])


def batches(examples: list[dict], batch_size: int, rng: random.Random):
    """Endless shuffled batches, a new order each epoch."""
    order = list(range(len(examples)))
    while True:
        rng.shuffle(order)
        for i in range(0, len(order), batch_size):
            yield [examples[j] for j in order[i:i + batch_size]]


def train(model, examples: list[dict], cfg: TrainConfig, rng: random.Random | None = None,
          progress: bool = True, loss_overrides: dict | None = None) -> list[float]:
    """Train in place for cfg.steps steps; return the loss of every step.

    loss_overrides replace the model config's loss settings (e.g. label_smoothing) for this run.
    """
    if not examples:
        raise ValueError("no training examples")
    rng = rng or random.Random()
    mc = model.config
    empty = sum(1 for ex in examples if not ex["tokenized_text"])
    examples = [ex for ex in examples if ex["tokenized_text"]]
    if empty:
        warnings.warn(f"{empty} examples without words were left out of training")
    if not examples:
        raise ValueError("no training examples with words")
    examples, cut = split_long(examples, mc.max_len)
    if cut:
        warnings.warn(f"{cut} entities crossed a {mc.max_len}-word boundary when long examples were split")
    optimizer = make_optimizer(model, cfg)
    warmup = int(cfg.warmup_ratio * cfg.steps)
    model.train()
    losses, too_wide = [], 0
    bar = tqdm(range(cfg.steps), desc="training", disable=not progress)
    stream = batches(examples, cfg.batch_size, rng)
    for step in bar:
        batch = next(stream)
        labels = sample_labels(batch, mc.max_types, mc.max_neg_type_ratio, rng)
        prompts = model.prompt_batch([ex["tokenized_text"] for ex in batch], labels)
        targets, wide = model.targets(batch, labels, int(prompts.num_words.max()))
        too_wide += wide
        loss = model.loss(prompts, targets.to(prompts.input_ids.device), **(loss_overrides or {}))
        if not torch.isfinite(loss):
            raise FloatingPointError(f"loss is {loss.item()} at step {step} (batch of {len(batch)} examples, "
                                     f"first words: {batch[0]['tokenized_text'][:8]})")
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        if cfg.max_grad_norm > 0:
            torch.nn.utils.clip_grad_norm_(model.parameters(), cfg.max_grad_norm)
        factor = lr_factor(step, cfg.steps, warmup, cfg.schedule)
        for group in optimizer.param_groups:
            group["lr"] = group["base_lr"] * factor
        optimizer.step()
        losses.append(loss.item())
        bar.set_postfix(loss=f"{loss.item():.3f}")
        if cfg.output_dir and cfg.save_every and (step + 1) % cfg.save_every == 0:
            model.save_pretrained(Path(cfg.output_dir) / f"checkpoint-{step + 1}")
    if too_wide:
        warnings.warn(f"{too_wide} gold entities were wider than max_width={mc.max_width} words "
                      f"and could not be trained on")
    if cfg.output_dir:
        model.save_pretrained(cfg.output_dir)
    model.eval()
    return losses
