"""Training the span GLiNER: batches, negative labels, AdamW with two learning rates, warmup and decay.

GLiNER §3 (training details): AdamW, 1e-5 for the encoder and 5e-5 for the rest, warmup then decay.
A NaN/inf loss or gradient stops the run naming the step and batch (or skips the batch, counted);
checkpoints can be resumed bit-identically (training/resume.py).
"""
from __future__ import annotations

import dataclasses
import math
import random
import warnings
from dataclasses import dataclass
from pathlib import Path

import torch
from tqdm import tqdm

from .reading import split_long
from .targets import NEGATIVE_SOURCES, sample_labels
from .example_checks import check_example, fit_positions
from .resume import data_fingerprint, random_state, resume, save_checkpoint


SCHEDULES = ("linear", "cosine", "constant")
ON_NONFINITE = ("raise", "skip")


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
    on_nonfinite: str = "raise"     # NaN/inf loss or gradient: raise (naming step and batch) | skip the batch
    # which labels each example is asked about (training.targets.sample_labels); the model config holds max_types
    negatives_from: str = "batch"   # batch: known negatives, then other types of the batch (gliner) | known: only
                                    # the example's known negatives (its corpus's types it lacks), never another corpus's
    neg_ratio: float = 1.0          # known: negative labels per positive type of the example (at least 1; inf = all)
    label_drop: float = 0.0         # drop each of an example's labels with probability q ~ U(0, label_drop)
    factorized: bool = False        # the fast forward (GLiNER.forward fast=True, span or token head): same loss, less time

    def __post_init__(self):
        if self.on_nonfinite not in ON_NONFINITE:
            raise ValueError(f"on_nonfinite must be one of {ON_NONFINITE}, got {self.on_nonfinite!r}")
        if self.schedule not in SCHEDULES:
            raise ValueError(f"schedule must be one of {SCHEDULES}, got {self.schedule!r}")
        if self.negatives_from not in NEGATIVE_SOURCES:
            raise ValueError(f"negatives_from must be one of {NEGATIVE_SOURCES}, got {self.negatives_from!r}")
        if not 0.0 <= self.label_drop < 1.0 or self.neg_ratio < 0:
            raise ValueError(f"label_drop must be in [0, 1) and neg_ratio >= 0, got {self.label_drop}, {self.neg_ratio}")
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
    """AdamW with groups: encoder / rest, each with and without weight decay.

    fused: PyTorch's one-kernel AdamW, the same update as the per-tensor loop to float rounding; on 2 CPU
    cores it takes 22 ms a step for MiniLM's 29M parameters instead of 115 ms.
    """
    groups = {}
    for name, p in model.named_parameters():
        if not p.requires_grad:
            continue
        pretrained = name.startswith(("encoder.", "label_encoder.encoder."))  # the text and label encoders
        lr = cfg.lr_encoder if pretrained else cfg.lr_others
        decay = cfg.weight_decay if p.ndim >= 2 else 0.0  # no decay on biases and LayerNorm weights
        groups.setdefault((lr, decay), []).append(p)
    fused = all(p.device.type in ("cpu", "cuda") and p.is_floating_point() for ps in groups.values() for p in ps)
    return torch.optim.AdamW([{"params": ps, "lr": lr, "weight_decay": wd, "base_lr": lr}
                              for (lr, wd), ps in groups.items()], fused=fused or None)


class BatchStream:
    """Endless shuffled batches, a new order each epoch; its position can be saved and restored."""

    def __init__(self, examples: list, batch_size: int, rng: random.Random):
        self.examples, self.batch_size, self.rng = examples, batch_size, rng
        self.order, self.pos = list(range(len(examples))), len(examples)  # at the end: shuffle first
        self.last: list[int] = []  # indices of the latest batch, for error messages

    def __iter__(self):
        return self

    def __next__(self) -> list:
        if self.pos >= len(self.order):
            self.rng.shuffle(self.order)
            self.pos = 0
        self.last = self.order[self.pos:self.pos + self.batch_size]
        self.pos += self.batch_size
        return [self.examples[j] for j in self.last]

    def state_dict(self) -> dict:
        return {"order": list(self.order), "pos": self.pos}

    def load_state_dict(self, state: dict) -> None:
        if sorted(state["order"]) != list(range(len(self.examples))):
            raise ValueError("saved batch order does not fit the number of training examples")
        self.order, self.pos = list(state["order"]), state["pos"]


def batches(examples: list, batch_size: int, rng: random.Random) -> BatchStream:
    """Endless shuffled batches, a new order each epoch."""
    return BatchStream(examples, batch_size, rng)


def train(model, examples: list[dict], cfg: TrainConfig, rng: random.Random | None = None,
          progress: bool = True, loss_overrides: dict | None = None,
          resume_from: str | Path | None = None) -> list[float]:
    """Train in place for cfg.steps steps; return the loss of every trained step.

    loss_overrides replace the model config's loss settings (e.g. label_smoothing) for this run.
    resume_from: a checkpoint folder (see resume.last_checkpoint) to continue from, bit-identically.
    """
    rng = rng or random.Random()
    examples = prepare_examples(examples, model)
    optimizer = make_optimizer(model, cfg)
    stream = BatchStream(examples, cfg.batch_size, rng)
    fingerprint = data_fingerprint(examples)
    run = {"step": 0, "losses": [], "skipped": []}
    if resume_from is not None:
        state = resume(resume_from, model, optimizer, stream, rng, cfg, fingerprint)
        run = {key: state[key] for key in run}
    model.train()
    bar = tqdm(range(run["step"], cfg.steps), desc="training", disable=not progress,
               initial=run["step"], total=cfg.steps)
    for step in bar:
        loss = train_step(model, optimizer, stream, step, cfg, rng, loss_overrides)
        if loss is None:
            run["skipped"].append(step)
        else:
            run["losses"].append(loss)
            bar.set_postfix(loss=f"{loss:.3f}")
        run["step"] = step + 1
        if cfg.output_dir and cfg.save_every and (step + 1) % cfg.save_every == 0:
            save_checkpoint(Path(cfg.output_dir) / f"checkpoint-{step + 1}", model, {
                **run, "optimizer": optimizer.state_dict(), "batches": stream.state_dict(),
                "random": random_state(model, rng), "config": dataclasses.asdict(cfg), "data": fingerprint})
    if run["skipped"]:
        warnings.warn(f"skipped {len(run['skipped'])} batches with a non-finite loss or gradient "
                      f"(steps {run['skipped'][:20]})")
    if cfg.output_dir:
        model.save_pretrained(cfg.output_dir)
    model.eval()
    return run["losses"]


def train_step(model, optimizer, stream: BatchStream, step: int, cfg: TrainConfig, rng: random.Random,
               loss_overrides: dict | None) -> float | None:
    """One optimizer step on the next batch; its loss, or None when a non-finite batch was skipped."""
    mc, batch = model.config, next(stream)
    labels = sample_labels(batch, mc.max_types, mc.max_neg_type_ratio, rng, negatives_from=cfg.negatives_from,
                           neg_ratio=cfg.neg_ratio, label_drop=cfg.label_drop)
    prompts = model.prompt_batch([ex["tokenized_text"] for ex in batch], labels)
    targets, _ = model.targets(batch, labels, int(prompts.num_words.max()))
    loss = model.loss(prompts, targets.to(prompts.input_ids.device), fast=cfg.factorized, **(loss_overrides or {}))
    optimizer.zero_grad(set_to_none=True)
    if not torch.isfinite(loss):
        return _nonfinite(f"loss is {loss.item()}", step, batch, stream.last, cfg)
    loss.backward()
    if cfg.max_grad_norm > 0:
        norm = torch.nn.utils.clip_grad_norm_(model.parameters(), cfg.max_grad_norm)
        if not torch.isfinite(norm):
            optimizer.zero_grad(set_to_none=True)
            return _nonfinite(f"gradient norm is {norm.item()}", step, batch, stream.last, cfg)
    factor = lr_factor(step, cfg.steps, int(cfg.warmup_ratio * cfg.steps), cfg.schedule)
    for group in optimizer.param_groups:
        group["lr"] = group["base_lr"] * factor
    optimizer.step()
    return loss.item()


def _nonfinite(what: str, step: int, batch: list[dict], indices: list[int], cfg: TrainConfig) -> None:
    """Stop with a message naming the step and batch, or (on_nonfinite="skip") let the step be skipped."""
    if cfg.on_nonfinite == "raise":
        raise FloatingPointError(f"{what} at step {step} (batch of {len(batch)} examples: training examples "
                                 f"{indices}, first words: {batch[0]['tokenized_text'][:8]}); "
                                 f"TrainConfig(on_nonfinite='skip') skips such batches")
    return None


def prepare_examples(examples: list[dict], model) -> list[dict]:
    """Every example checked before the first step (train_checks): malformed ones refused by index, long ones
    split into max_len words and then into pieces that fit the encoder beside the longest possible prompt;
    warns what cannot be learned."""
    if not examples:
        raise ValueError("no training examples")
    for i, ex in enumerate(examples):
        check_example(ex, i)
    mc = model.config
    kept = [ex for ex in examples if ex["tokenized_text"]]
    if len(kept) < len(examples):
        warnings.warn(f"{len(examples) - len(kept)} examples without words were left out of training")
    if not kept:
        raise ValueError("no training examples with words")
    kept, cut = split_long(kept, mc.max_len)
    if cut:
        warnings.warn(f"{cut} entities crossed a {mc.max_len}-word boundary when long examples were split")
    labels = {lab for ex in kept for lab in [e[2] for e in ex["ner"]] + list(ex.get("negatives", ()))}
    kept, fit = fit_positions(kept, model, labels or {"entity"})
    if fit.split:
        warnings.warn(fit.summary())
    if not kept:
        raise ValueError("no training example fits the encoder")
    total = sum(len(ex["ner"]) for ex in kept)
    wide = 0 if mc.span_mode == "token_level" else sum(
        1 for ex in kept for s, e, _ in ex["ner"] if e - s >= mc.max_width)
    if wide:
        warnings.warn(f"{wide} of {total} gold entities are wider than max_width={mc.max_width} words; "
                      f"the span model cannot learn them (they stay in the text)")
    return kept
