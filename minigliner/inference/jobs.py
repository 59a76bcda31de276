"""Prediction at any size: each text cut into windows and the label list into groups that fit the encoder,
the resulting jobs run shortest first in batches, and every span mapped back to its text's words and the
full label list (GLiNER §2.4, before selection).

GLiNER.predict_entities reads a text that fits one encoder input by itself; everything else (many texts,
long texts, long label lists, words too long for any window) comes through here.
Shapes: B batch (jobs), W words, K max span width, C labels, D hidden.
"""
from __future__ import annotations

import warnings
from collections import Counter
from functools import partial

import torch

from ..core.decoding import Span, batch_span_candidates, check_threshold, span_order, token_order
from ..core.prompt import subword_costs, text_subword_costs
from ..variants.token_head import token_candidates
from .windows import Job, plan_jobs, word_budget


def plan(model, words: list[list[str]], labels: list[str]) -> tuple[list[list[str]], list[Job], list[int]]:
    """The words as the encoder reads them, the jobs that fit it, and each job's input length in subwords
    (words and label prompt), to batch jobs of similar length together.

    A word too long for any window (e.g. thousands of CJK characters without a space) is read as the
    unknown token, with a warning; its character offsets, and so the returned text, stay the original's.
    A label too long for any prompt raises (windows.plan_label_groups; the bi-encoder: its label encoder).
    """
    in_prompt = model.label_encoder is None
    positions = model.encoder.config.max_position_embeddings
    label_costs = [c + 1 for c in subword_costs(model.tokenizer, labels)] if in_prompt else [0] * len(labels)  # + <<ENT>>
    read, text_costs = [], []
    for text_words, costs in zip(words, text_subword_costs(model.tokenizer, words)):
        if costs:
            text_words, costs = _unknown_if_too_long(model.tokenizer, text_words, costs,
                                                     word_budget(costs, label_costs, positions, in_prompt))
        read.append(text_words)
        text_costs.append(costs)
    jobs = plan_jobs(text_costs, label_costs, positions, model.config.max_len, model.config.window_stride,
                     labels_in_prompt=in_prompt)
    lengths = [sum(text_costs[j.text][j.start:j.end]) + sum(label_costs[j.label_lo:j.label_hi]) for j in jobs]
    return read, jobs, lengths


def _unknown_if_too_long(tokenizer, words: list[str], costs: list[int], budget: int) -> tuple[list[str], list[int]]:
    """Words over `budget` subwords replaced by the unknown token (1 subword), with a warning."""
    too_long = [i for i, c in enumerate(costs) if c > budget]
    if not too_long:
        return words, costs
    unk = getattr(tokenizer.model, "unk_token", None) or "[UNK]"
    warnings.warn(f"{len(too_long)} words are longer than the {budget} subwords left after the label prompt "
                  f"(word {too_long[0]} is {costs[too_long[0]]}); the model reads them as {unk}")
    return ([unk if c > budget else w for w, c in zip(words, costs)],
            [1 if c > budget else c for c in costs])


def run_jobs(model, words: list[list[str]], labels: list[str], threshold: float, batch_size: int,
             label_vectors: torch.Tensor | None, fast: bool = False, best_label_only: bool = False,
             top_labels: list[dict] | None = None) -> list[list[Span]]:
    """Candidate spans of every text over all its windows and label groups, in text words and the full
    label list, in the decoder's candidate order; a span found in several windows appears once, with its
    best score.

    Jobs run shortest first, batch_size at a time, so each batch pads little; candidates go back to
    their text by index, so the order of the output is the order of `words`. top_labels (span model): one
    dict per text, filled with {(start, end): {label: probability}} of every valid span's best labels.
    """
    read, jobs, lengths = plan(model, words, labels)
    order = sorted(range(len(jobs)), key=lengths.__getitem__)
    found: list[list[Span]] = [[] for _ in words]
    for b in range(0, len(order), batch_size):
        chunk = [jobs[j] for j in order[b:b + batch_size]]
        batch = model.prompt_batch([read[j.text][j.start:j.end] for j in chunk],
                                   [labels[j.label_lo:j.label_hi] for j in chunk])
        logits, mask = model(batch, label_vectors, fast=fast)  # (B, W, K, C) and (B, W, K), or token model (B, W, C, 3)
        probs = torch.sigmoid(logits)
        if model.token_level:
            for row, j in enumerate(chunk):
                spans = token_candidates(probs[row, :, :j.label_hi - j.label_lo], j.end - j.start, threshold,
                                         model.config.token_scoring)
                found[j.text] += [Span(sp.start + j.start, sp.end + j.start, sp.label + j.label_lo, sp.score)
                                  for sp in spans]
            continue
        if top_labels is not None:
            keep_top_labels(top_labels, probs, mask, chunk)
        row, start, end, label, score = batch_span_candidates(
            probs, mask, torch.tensor([j.label_hi - j.label_lo for j in chunk]), threshold, best_label_only)  # (N,) each
        shift = torch.tensor([j.start for j in chunk])[row]                            # (N,) window -> text words
        first = torch.tensor([j.label_lo for j in chunk])[row]                         # (N,) group -> label list
        spans = list(map(_make_span, zip((start + shift).tolist(), (end + shift).tolist(), (label + first).tolist(),
                                         score.tolist())))
        at = 0
        for j, n in zip(chunk, torch.bincount(row, minlength=len(chunk)).tolist()):  # rows come in order
            found[j.text] += spans[at:at + n]
            at += n
    windows = Counter(j.text for j in jobs)
    found = [_best_per_span(spans) if windows[i] > 1 else spans for i, spans in enumerate(found)]
    if model.token_level:
        return [sorted(spans, key=token_order) for spans in found]
    # a text read in one window: batch_span_candidates gave its spans in the span decoder's order already
    return [sorted(spans, key=span_order) if windows[i] > 1 else spans for i, spans in enumerate(found)]


def keep_top_labels(out: list[dict], probs: torch.Tensor, mask: torch.Tensor, chunk: list[Job], k: int = 5) -> None:
    """Each valid span's k best labels in each job, merged into out[text][(start, end)] = {label: probability}.

    The k best of a span over all its label groups are among the k best of each group, so this is exact.
    """
    for row, j in enumerate(chunk):
        n = j.label_hi - j.label_lo
        values, best = probs[row, ..., :n].topk(min(k, n), dim=-1)                   # (W, K, k) each
        start, width = mask[row].nonzero().unbind(1)                                  # (S,) each: valid spans
        for s, w, vs, ls in zip(start.tolist(), width.tolist(), values[start, width].tolist(),
                                best[start, width].tolist()):
            kept = out[j.text].setdefault((s + j.start, s + w + j.start), {})
            for v, c in zip(vs, ls):
                if kept.get(c + j.label_lo, -1.0) < v:
                    kept[c + j.label_lo] = v


_make_span = partial(tuple.__new__, Span)  # Span from a 4-tuple, without namedtuple's Python-level __new__


def _best_per_span(spans: list[Span]) -> list[Span]:
    """One Span per (start, end, label), the best-scoring one (several windows may see the same span)."""
    best: dict[tuple, Span] = {}
    for span in spans:
        key = span[:3]
        if key not in best or best[key].score < span.score:
            best[key] = span
    return list(best.values())


@torch.inference_mode()
def text_candidates(model, words: list[list[str]], labels: list[str], threshold: float, batch_size: int = 8,
                    label_vectors: torch.Tensor | None = None, fast: bool = False,
                    best_label_only: bool = False, top_labels: list[dict] | None = None) -> list[list[Span]]:
    """Every span above threshold of each pre-split text, before selection, in the decoder's order.

    Selecting from the candidates of a lower threshold those above a higher one gives the higher
    threshold's entities, so a threshold sweep needs one forward pass. Bi-encoder: label_vectors (C, D)
    skip the label encoder; without them they come from its cache. fast: see GLiNER.forward.
    best_label_only: only each span's best label (span model; enough for flat single-label decoding).
    top_labels: see run_jobs.
    """
    check_threshold(threshold)
    was_training = model.training
    model.eval()
    try:
        if model.label_encoder is not None and label_vectors is None:
            label_vectors = model.label_encoder.embed(labels)  # (C, D) from the cache when possible
        return run_jobs(model, words, labels, threshold, batch_size, label_vectors, fast, best_label_only, top_labels)
    finally:
        model.train(was_training)
