"""GLiNER: the pieces wired together, plus prediction (Zaratiana et al., 2023; token head: Stepanov & Shtopko, 2024).

Shapes: B batch, L subwords, W words, K max span width, C labels, D hidden, H encoder width.
"""
from __future__ import annotations

import re
import warnings

import torch
from torch import nn

from .config import GLiNERConfig
from .data import span_targets
from .decoding import Span, greedy_select, span_candidates
from .encoder import Encoder
from .layers import FFN, WordLSTM
from .losses import span_loss
from .prompt import PromptBatch, encode_prompts, gather_labels, label_prompt, pool_words, split_words
from .spans import SpanMarker, score_spans, span_mask
from .token_head import TokenScorer, token_candidates, token_loss, token_targets
from .windows import plan_windows

SURROGATE = re.compile("[\ud800-\udfff]")  # halves of UTF-16 pairs: a str holding one cannot be encoded


class GLiNER(nn.Module):
    """Encoder -> word and label vectors -> span x label logits (GLiNER §2, Fig. 2), or, with
    span_mode="token_level", word x label start/end/inside logits (GLiNER multi-task §3)."""

    def __init__(self, config: GLiNERConfig, encoder: Encoder, tokenizer):
        super().__init__()
        self.config, self.tokenizer, self.encoder = config, tokenizer, encoder
        H, D = encoder.config.hidden_size, config.hidden_size
        self.project = nn.Linear(H, D) if H != D else nn.Identity()  # encoder width -> D
        self.rnn = WordLSTM(D, config.num_rnn_layers) if config.num_rnn_layers > 0 else None
        self.token_level = config.span_mode == "token_level"
        if self.token_level:
            self.token_head = TokenScorer(D, config.dropout)
        else:
            self.span_rep = SpanMarker(D, config.max_width, config.dropout)
            self.label_ffn = FFN(D, config.dropout)

    # ---- the forward pass ------------------------------------------------------------
    def encode(self, batch: PromptBatch) -> tuple[torch.Tensor, torch.Tensor]:
        """Prompted texts -> word vectors (B, W, D) after the BiLSTM and raw label vectors (B, C, D)."""
        hidden = self.project(self.encoder(batch.input_ids, batch.attention_mask))   # (B, L, D)
        W = int(batch.num_words.max())
        words = pool_words(hidden, batch.word_ids, W, self.config.subword_pooling)   # (B, W, D)
        if self.rnn is not None:
            words = self.rnn(words, batch.num_words)                                  # (B, W, D)
        labels = gather_labels(hidden, batch.label_positions, batch.label_mask)      # (B, C, D)
        return words, labels

    def forward(self, batch: PromptBatch) -> tuple[torch.Tensor, torch.Tensor]:
        """Prompted texts -> span x label logits (B, W, K, C) and the valid-span mask (B, W, K);
        token model: start/end/inside logits (B, W, C, 3) and the word mask (B, W)."""
        words, labels = self.encode(batch)                                # (B, W, D), (B, C, D)
        if self.token_level:
            W = words.shape[1]
            word_mask = torch.arange(W, device=words.device)[None, :] < batch.num_words[:, None]  # (B, W)
            return self.token_head(words, labels), word_mask              # (B, W, C, 3), (B, W)
        spans = self.span_rep(words)                                      # (B, W, K, D)
        logits = score_spans(spans, self.label_ffn(labels))               # (B, W, K, C)
        return logits, span_mask(batch.num_words, words.shape[1], self.config.max_width)

    def loss(self, batch: PromptBatch, targets: torch.Tensor, **overrides) -> torch.Tensor:
        """Training loss on 0/1 targets, (B, W, K, C) or token model (B, W, C, 3); config loss settings unless overridden."""
        logits, mask = self(batch)
        c = self.config
        settings = dict(alpha=c.loss_alpha, gamma=c.loss_gamma, label_smoothing=c.label_smoothing,
                        reduction=c.loss_reduction, clamp=c.loss_clamp)
        if self.token_level:
            return token_loss(logits, targets, mask, batch.label_mask, **{**settings, **overrides})
        settings.update(negatives=c.negatives, masking=c.masking)
        return span_loss(logits, targets, mask, batch.label_mask, **{**settings, **overrides})

    def targets(self, examples: list[dict], labels: list[list[str]], num_words: int) -> tuple[torch.Tensor, int]:
        """Training targets for this head, and how many gold entities it cannot represent."""
        if self.token_level:
            return token_targets(examples, labels, num_words), 0  # no width limit
        return span_targets(examples, labels, num_words, self.config.max_width)

    def prompt_batch(self, words: list[list[str]], labels: list[list[str]]) -> PromptBatch:
        """Tokenize words and label prompts into a padded batch on the model's device."""
        batch = encode_prompts(self.tokenizer, words, labels, self.config.ent_token,
                               self.config.sep_token, self.encoder.config.max_position_embeddings)
        device = next(self.parameters()).device
        return PromptBatch(*(t.to(device) for t in vars(batch).values()))

    # ---- prediction --------------------------------------------------------------------
    def predict_entities(self, text: str, labels: list[str], threshold: float = 0.5,
                         flat_ner: bool = True, multi_label: bool = False) -> list[dict]:
        """Entities of one text: dicts {start, end, text, label, score} with character offsets."""
        return self.inference([text], labels, threshold, flat_ner, multi_label)[0]

    def inference(self, texts: list[str], labels: list[str], threshold: float = 0.5,
                  flat_ner: bool = True, multi_label: bool = False, batch_size: int = 8) -> list[list[dict]]:
        """Entities of many texts, batch_size windows at a time; long texts are split into windows."""
        if isinstance(texts, str):
            raise TypeError("texts must be a list of strings; use predict_entities for one text")
        for t in texts:
            if not isinstance(t, str):
                raise TypeError(f"every text must be a str, got {type(t).__name__}")
        labels = check_labels(labels)
        for i, text in enumerate(texts):
            check_text(text, f"text {i}")
        words = [split_words(t) for t in texts]
        spans = self.predict_spans([[w.text for w in ws] for ws in words], labels, threshold,
                                   flat_ner, multi_label, batch_size)
        return [[self._entity(text, ws, labels, span) for span in text_spans]
                for text, ws, text_spans in zip(texts, words, spans)]

    @torch.inference_mode()
    def predict_spans(self, words: list[list[str]], labels: list[str], threshold: float = 0.5,
                      flat_ner: bool = True, multi_label: bool = False, batch_size: int = 8) -> list[list[Span]]:
        """Selected spans (word indices) of pre-split texts; labels must be free of duplicates."""
        check_threshold(threshold)
        was_training = self.training
        self.eval()
        try:
            candidates = self._candidates(words, labels, threshold, batch_size)
        finally:
            self.train(was_training)
        order = _token_order if self.token_level else _span_order
        return [greedy_select(sorted(c.values(), key=order), flat_ner, multi_label) for c in candidates]

    def _candidates(self, words: list[list[str]], labels: list[str], threshold: float,
                    batch_size: int) -> list[dict[tuple, Span]]:
        """Candidate spans of every text over all its windows, keyed by (start, end, label) in text words."""
        planned = [self._windows(w, labels) if w else (w, []) for w in words]  # (words as read, windows)
        jobs = [(i, s, e) for i, (_, windows) in enumerate(planned) for s, e in windows]
        candidates: list[dict[tuple, Span]] = [{} for _ in words]
        for b in range(0, len(jobs), batch_size):
            chunk = jobs[b:b + batch_size]
            batch = self.prompt_batch([planned[i][0][s:e] for i, s, e in chunk], [labels] * len(chunk))
            probs = torch.sigmoid(self(batch)[0])                  # (B, W, K, C) or token model (B, W, C, 3)
            for row, (i, s, e) in enumerate(chunk):
                found = (token_candidates(probs[row], e - s, threshold, self.config.token_scoring)
                         if self.token_level else span_candidates(probs[row], e - s, threshold))
                for span in found:
                    key = (span.start + s, span.end + s, span.label)           # window -> text word offsets
                    if key not in candidates[i] or candidates[i][key].score < span.score:
                        candidates[i][key] = Span(*key, span.score)
        return candidates

    def _windows(self, words: list[str], labels: list[str]) -> tuple[list[str], list[tuple[int, int]]]:
        """The words as the encoder reads them, and [start, end) windows that fit max_len words and its positions.

        A word too long for any window (e.g. thousands of CJK characters without a space) is read as the
        unknown token, with a warning; its character offsets, and so the returned text, stay the original's.
        """
        prompt = label_prompt(labels, self.config.ent_token, self.config.sep_token)
        prompt_cost = len(self.tokenizer.encode(prompt, is_pretokenized=True).ids)  # includes [CLS], [SEP]
        positions = self.encoder.config.max_position_embeddings
        if prompt_cost >= positions:
            raise ValueError(f"the label prompt is {prompt_cost} subwords ({len(labels)} labels), but the encoder "
                             f"reads at most {positions}, text included; use fewer or shorter labels")
        costs = [len(e.ids) for e in self.tokenizer.encode_batch(
            [[w] for w in words], is_pretokenized=True, add_special_tokens=False)]
        budget = positions - prompt_cost
        too_long = [i for i, c in enumerate(costs) if c > budget]
        if too_long:
            unk = getattr(self.tokenizer.model, "unk_token", None) or "[UNK]"
            warnings.warn(f"{len(too_long)} words are longer than the {budget} subwords left after the label prompt "
                          f"(word {too_long[0]} is {costs[too_long[0]]}); the model reads them as {unk}")
            words = [unk if c > budget else w for w, c in zip(words, costs)]
            costs = [1 if c > budget else c for c in costs]
        return words, plan_windows(costs, budget, self.config.max_len, self.config.window_stride)

    # ---- folders -----------------------------------------------------------------------
    @classmethod
    def from_encoder(cls, config: GLiNERConfig) -> "GLiNER":
        """A new, untrained GLiNER on the pretrained encoder folder named by config.encoder."""
        from .checkpoint import build_from_encoder
        return build_from_encoder(config)

    @classmethod
    def from_pretrained(cls, folder) -> "GLiNER":
        """Load a saved minigliner folder, or an official gliner span folder (BERT encoder)."""
        from .checkpoint import load
        return load(folder)

    def save_pretrained(self, folder) -> None:
        """Save config, encoder config, weights (safetensors) and tokenizer into folder."""
        from .checkpoint import save
        save(self, folder)

    @staticmethod
    def _entity(text: str, words, labels: list[str], span: Span) -> dict:
        start, end = words[span.start].start, words[span.end].end
        return {"start": start, "end": end, "text": text[start:end], "label": labels[span.label],
                "score": span.score}


def _span_order(span: Span) -> tuple[int, int, int]:
    """Candidate order of the reference's span decoder: start, width, label (ties in score keep it)."""
    return span.start, span.end - span.start, span.label


def _token_order(span: Span) -> tuple[int, int, int]:
    """Candidate order of the reference's token decoder: start, label, end."""
    return span.start, span.label, span.end


def check_labels(labels) -> list[str]:
    """Validate a label list; duplicates are dropped (first kept) since they would score identically."""
    if isinstance(labels, str) or not isinstance(labels, (list, tuple)):
        raise TypeError(f"labels must be a list of strings, got {type(labels).__name__}")
    if not labels:
        raise ValueError("labels is empty: give at least one entity label")
    for label in labels:
        if not isinstance(label, str):
            raise TypeError(f"every label must be a str, got {label!r} ({type(label).__name__})")
        if not label.strip():
            raise ValueError(f"labels must be non-empty strings, got {label!r}")
        check_text(label, f"label {label[:20]!r}")
    return list(dict.fromkeys(labels))


def check_text(text: str, what: str) -> None:
    """Refuse a lone surrogate (text decoded with errors='surrogateescape', or bad JSON escapes): not Unicode text."""
    bad = SURROGATE.search(text)
    if bad:
        raise ValueError(f"{what} holds a lone surrogate {bad.group()!r} at character {bad.start()}: not valid Unicode; "
                         f"decode the input as UTF-8 with errors='replace'")


def check_threshold(threshold: float) -> None:
    if isinstance(threshold, bool) or not isinstance(threshold, (int, float)):
        raise TypeError(f"threshold must be a number, got {type(threshold).__name__}")
    if not 0.0 <= threshold <= 1.0:
        raise ValueError(f"threshold must be in [0, 1], got {threshold}")
