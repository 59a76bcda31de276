"""Candidate spans of whole texts: the windows and label groups that fit the encoder, the model run on
each, and every span mapped back to text words and the full label list (GLiNER §2.4 before decoding).

Shapes: B batch (windows), W words, K max span width, C labels, D hidden.
"""
from __future__ import annotations

import warnings

import torch

from .decoding import Span, check_threshold, span_candidates, span_order, token_order
from .prompt import subword_costs
from .token_head import token_candidates
from .windows import plan_jobs, word_budget


def plan(model, words: list[list[str]], labels: list[str]) -> tuple[list[list[str]], list[tuple]]:
    """The words as the encoder reads them, and (text, start, end, label_lo, label_hi) jobs that fit it.

    A word too long for any window (e.g. thousands of CJK characters without a space) is read as the
    unknown token, with a warning; its character offsets, and so the returned text, stay the original's.
    A label too long for any prompt raises (windows.plan_label_groups; the bi-encoder: its label encoder).
    """
    in_prompt = model.label_encoder is None
    positions = model.encoder.config.max_position_embeddings
    label_costs = [c + 1 for c in subword_costs(model.tokenizer, labels)] if in_prompt else [0] * len(labels)  # + <<ENT>>
    read, text_costs = [], []
    for text_words in words:
        costs = subword_costs(model.tokenizer, text_words)
        if costs:
            text_words, costs = _unknown_if_too_long(model.tokenizer, text_words, costs,
                                                     word_budget(costs, label_costs, positions, in_prompt))
        read.append(text_words)
        text_costs.append(costs)
    return read, plan_jobs(text_costs, label_costs, positions, model.config.max_len, model.config.window_stride,
                           labels_in_prompt=in_prompt)


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


def collect(model, words: list[list[str]], labels: list[str], threshold: float, batch_size: int,
            label_vectors: torch.Tensor | None) -> list[dict[tuple, Span]]:
    """Candidate spans of every text over all its windows and label groups, keyed by (start, end, label)
    in text words and the full label list; a span seen in several windows keeps its best score."""
    read, jobs = plan(model, words, labels)
    candidates: list[dict[tuple, Span]] = [{} for _ in words]
    for b in range(0, len(jobs), batch_size):
        chunk = jobs[b:b + batch_size]
        batch = model.prompt_batch([read[i][s:e] for i, s, e, _, _ in chunk], [labels[lo:hi] for *_, lo, hi in chunk])
        probs = torch.sigmoid(model(batch, label_vectors)[0])  # (B, W, K, C) or token model (B, W, C, 3)
        for row, (i, s, e, lo, hi) in enumerate(chunk):
            if model.token_level:
                found = token_candidates(probs[row, :, :hi - lo], e - s, threshold, model.config.token_scoring)
            else:
                found = span_candidates(probs[row, ..., :hi - lo], e - s, threshold)
            for span in found:
                key = (span.start + s, span.end + s, span.label + lo)  # window, group -> text words, label list
                if key not in candidates[i] or candidates[i][key].score < span.score:
                    candidates[i][key] = Span(*key, span.score)
    return candidates


@torch.inference_mode()
def candidate_spans(model, words: list[list[str]], labels: list[str], threshold: float, batch_size: int,
                    label_vectors: torch.Tensor | None = None) -> list[list[Span]]:
    """Every span above threshold of each pre-split text, before selection, in the decoder's order.

    Selecting from the candidates of a lower threshold those above a higher one gives the higher
    threshold's entities, so a threshold sweep needs one forward pass. Bi-encoder: label_vectors (C, D)
    skip the label encoder; without them they come from its cache.
    """
    check_threshold(threshold)
    was_training = model.training
    model.eval()
    try:
        if model.label_encoder is not None and label_vectors is None:
            label_vectors = model.label_encoder.embed(labels)  # (C, D) from the cache when possible
        found = collect(model, words, labels, threshold, batch_size, label_vectors)
    finally:
        model.train(was_training)
    order = token_order if model.token_level else span_order
    return [sorted(c.values(), key=order) for c in found]
