"""GLiNER: the pieces wired together, plus prediction (Zaratiana et al., 2023; token head: Stepanov & Shtopko, 2024).

Labels are read in the text's prompt (uni-encoder), or by their own label encoder (bi-encoder),
optionally followed by post-fusion attention between labels and words (poly-encoder).
Shapes: B batch, L subwords, W words, K max span width, C labels, D hidden, H encoder width.
"""
from __future__ import annotations

import re

import torch
from torch import nn

from . import checkpoint
from .candidates import candidate_spans
from .config import GLiNERConfig
from .data import span_targets
from .decoding import Span, greedy_select
from .encoder import Encoder
from .factorized import score_spans_factorized
from .fusion import PostFusion
from .label_encoder import LabelEncoder, check_label_vectors
from .layers import FFN, WordLSTM
from .losses import span_loss
from .prompt import PromptBatch, encode_prompts, encode_texts, gather_labels, pool_words, split_words
from .spans import SpanMarker, score_spans, span_mask, word_mask
from .token_head import TokenScorer, token_loss, token_targets
from .weights import Parts, check_and_load

SURROGATE = re.compile("[\ud800-\udfff]")  # halves of UTF-16 pairs: a str holding one cannot be encoded


class GLiNER(nn.Module):
    """Encoder -> word and label vectors -> span x label logits (GLiNER §2, Fig. 2), or, with
    span_mode="token_level", word x label start/end/inside logits (GLiNER multi-task §3).
    With a label_encoder (config.labels_encoder) the text is read without a prompt (bi-encoder)."""

    def __init__(self, config: GLiNERConfig, encoder: Encoder, tokenizer, label_encoder: LabelEncoder | None = None):
        super().__init__()
        if bool(config.labels_encoder) != (label_encoder is not None):
            raise ValueError("config.labels_encoder and the label_encoder argument go together: give both "
                             "(bi-encoder) or neither (uni-encoder)")
        self.config, self.tokenizer, self.encoder = config, tokenizer, encoder
        H, D = encoder.config.hidden_size, config.hidden_size
        self.project = nn.Linear(H, D) if H != D else nn.Identity()  # encoder width -> D
        self.rnn = WordLSTM(D, config.num_rnn_layers) if config.num_rnn_layers > 0 else None
        self.label_encoder = label_encoder
        self.fusion = PostFusion(D, encoder.config.num_attention_heads, config.post_fusion_schema,
                                 config.num_post_fusion_layers, config.dropout) if config.post_fusion_schema else None
        self.token_level = config.span_mode == "token_level"
        if self.token_level:
            self.token_head = TokenScorer(D, config.dropout)
        else:
            self.span_rep = SpanMarker(D, config.max_width, config.dropout)
            self.label_ffn = FFN(D, config.dropout)

    # ---- the forward pass ------------------------------------------------------------
    def encode(self, batch: PromptBatch, label_vectors: torch.Tensor | None = None) -> tuple[torch.Tensor, torch.Tensor]:
        """Texts -> word vectors (B, W, D) after the BiLSTM (and fusion) and label vectors before the head:
        (B, C, D), or (C, D) shared by the whole batch (bi-encoder without fusion, one label list).

        Bi-encoder: label_vectors (N, D) are the vectors of batch.label_set (encoded here when None).
        """
        hidden = self.project(self.encoder(batch.input_ids, batch.attention_mask))   # (B, L, D)
        W = int(batch.num_words.max())
        words = pool_words(hidden, batch.word_ids, W, self.config.subword_pooling)   # (B, W, D)
        if self.rnn is not None:
            words = self.rnn(words, batch.num_words)                                  # (B, W, D)
        if self.label_encoder is None:
            return words, gather_labels(hidden, batch.label_positions, batch.label_mask)  # (B, C, D)
        if label_vectors is None:
            label_vectors = self.label_encoder.embed(list(batch.label_set))          # (N, D)
        if self.fusion is None and batch.shares_labels():
            return words, label_vectors                                               # (C, D)
        mask = batch.label_mask[..., None]                                            # (B, C, 1)
        labels = label_vectors[batch.label_positions] * mask                          # (B, C, D)
        if self.fusion is not None:
            words, labels = self.fusion(words, labels, word_mask(batch.num_words, W), batch.label_mask)
            labels = labels * mask                                                    # (B, C, D)
        return words, labels

    def forward(self, batch: PromptBatch, label_vectors: torch.Tensor | None = None,
                fast: bool = False) -> tuple[torch.Tensor, torch.Tensor]:
        """Texts -> span x label logits (B, W, K, C) and the valid-span mask (B, W, K);
        token model: start/end/inside logits (B, W, C, 3) and the word mask (B, W).

        fast=True scores spans in the factorized form (minigliner.factorized), and the token head splits its
        first layer by the parts of the pair (TokenScorer): the same logits up to float rounding, fewer FLOPs.
        """
        words, labels = self.encode(batch, label_vectors)                 # (B, W, D), (B, C, D) or (C, D)
        if self.token_level:
            return self.token_head(words, labels, fast), word_mask(batch.num_words, words.shape[1])  # (B, W, C, 3), (B, W)
        if fast:
            logits = score_spans_factorized(self.span_rep, words, self.label_ffn(labels))  # (B, W, K, C)
        else:
            spans = self.span_rep(words)                                  # (B, W, K, D)
            logits = score_spans(spans, self.label_ffn(labels))           # (B, W, K, C)
        return logits, span_mask(batch.num_words, words.shape[1], self.config.max_width)

    def loss(self, batch: PromptBatch, targets: torch.Tensor, fast: bool = False, **overrides) -> torch.Tensor:
        """Training loss on 0/1 targets, (B, W, K, C) or token model (B, W, C, 3); config loss settings unless
        overridden. fast: as in forward (dropout sits where the split keeps it exact)."""
        logits, mask = self(batch, fast=fast)
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
        """Tokenize words and label prompts (bi-encoder: words alone) into a padded batch on the model's device."""
        positions = self.encoder.config.max_position_embeddings
        if self.label_encoder is None:
            batch = encode_prompts(self.tokenizer, words, labels, self.config.ent_token,
                                   self.config.sep_token, positions)
        else:
            batch = encode_texts(self.tokenizer, words, labels, positions)
        return batch.to(next(self.parameters()).device)

    @torch.no_grad()
    def encode_labels(self, labels: list[str]) -> torch.Tensor:
        """Bi-encoder label vectors (C, D) in eval mode, cached by label text: encode a label set once and
        pass it to inference(label_embeddings=...), or let predict_entities reuse the cache."""
        if self.label_encoder is None:
            raise ValueError("encode_labels needs a bi-encoder (config.labels_encoder); a uni-encoder reads "
                             "its labels inside each text's prompt")
        check_labels(labels)
        was_training = self.label_encoder.training
        self.label_encoder.eval()
        try:
            return self.label_encoder.embed(list(labels))                 # (C, D)
        finally:
            self.label_encoder.train(was_training)

    # ---- prediction --------------------------------------------------------------------
    def predict_entities(self, text: str, labels: list[str], threshold: float = 0.5, flat_ner: bool = True,
                         multi_label: bool = False, label_embeddings: torch.Tensor | None = None,
                         fast: bool = False) -> list[dict]:
        """Entities of one text: dicts {start, end, text, label, score} with character offsets."""
        return self.inference([text], labels, threshold, flat_ner, multi_label, label_embeddings=label_embeddings,
                              fast=fast)[0]

    def inference(self, texts: list[str], labels: list[str], threshold: float = 0.5, flat_ner: bool = True,
                  multi_label: bool = False, batch_size: int = 8,
                  label_embeddings: torch.Tensor | None = None, fast: bool = False) -> list[list[dict]]:
        """Entities of many texts, batch_size windows at a time (windows of similar length together);
        long texts are split into windows. fast=True: factorized span scoring (see forward).

        Bi-encoder: label_embeddings (C, D) from encode_labels(labels) skip the label encoder;
        without them the label vectors come from the cache (encoded on first use).
        """
        if isinstance(texts, str):
            raise TypeError("texts must be a list of strings; use predict_entities for one text")
        for t in texts:
            if not isinstance(t, str):
                raise TypeError(f"every text must be a str, got {type(t).__name__}")
        if label_embeddings is not None:
            check_label_vectors(labels, label_embeddings, self.label_encoder, self.config.hidden_size)
        labels = check_labels(labels)
        for i, text in enumerate(texts):
            check_text(text, f"text {i}")
        words = [split_words(t) for t in texts]
        spans = self.predict_spans([[w.text for w in ws] for ws in words], labels, threshold,
                                   flat_ner, multi_label, batch_size, label_embeddings, fast)
        return [[self._entity(text, ws, labels, span) for span in text_spans]
                for text, ws, text_spans in zip(texts, words, spans)]

    def predict_spans(self, words: list[list[str]], labels: list[str], threshold: float = 0.5,
                      flat_ner: bool = True, multi_label: bool = False, batch_size: int = 8,
                      label_embeddings: torch.Tensor | None = None, fast: bool = False) -> list[list[Span]]:
        """Selected spans (word indices) of pre-split texts; labels must be free of duplicates."""
        best_only = flat_ner and not multi_label  # a span's other labels could never be kept (batch_span_candidates)
        candidates = self.candidate_spans(words, labels, threshold, batch_size, label_embeddings, fast, best_only)
        return [greedy_select(c, flat_ner, multi_label) for c in candidates]

    def candidate_spans(self, words: list[list[str]], labels: list[str], threshold: float = 0.5,
                        batch_size: int = 8, label_embeddings: torch.Tensor | None = None,
                        fast: bool = False, best_label_only: bool = False) -> list[list[Span]]:
        """Every span above threshold of each pre-split text, before selection (candidates.candidate_spans)."""
        return candidate_spans(self, words, labels, threshold, batch_size, label_embeddings, fast, best_label_only)

    # ---- folders -----------------------------------------------------------------------
    @classmethod
    def from_parts(cls, parts: Parts) -> "GLiNER":
        """Assemble a loader's parts; when they carry a state dict, load it (every key and shape checked), eval mode."""
        model = cls(parts.config, parts.encoder, parts.tokenizer, parts.label_encoder)
        if parts.state is None:
            return model
        check_and_load(model, parts.state, source=parts.source)
        return model.eval()

    @classmethod
    def from_encoder(cls, config: GLiNERConfig) -> "GLiNER":
        """A new, untrained GLiNER on the pretrained encoder folder named by config.encoder."""
        return cls.from_parts(checkpoint.parts_from_encoder(config))

    @classmethod
    def from_pretrained(cls, folder) -> "GLiNER":
        """Load a saved minigliner folder, or an official gliner folder (checkpoint.load says which)."""
        return cls.from_parts(checkpoint.load(folder))

    def save_pretrained(self, folder) -> None:
        """Save config, encoder config, weights (safetensors) and tokenizer into folder."""
        checkpoint.save(self, folder)

    @staticmethod
    def _entity(text: str, words, labels: list[str], span: Span) -> dict:
        start, end = words[span.start].start, words[span.end].end
        return {"start": start, "end": end, "text": text[start:end], "label": labels[span.label],
                "score": span.score}


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
