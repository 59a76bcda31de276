"""GLiNER: the pieces wired together, plus prediction (Zaratiana et al., 2023; token head: Stepanov & Shtopko, 2024).

Labels are read in the text's prompt (uni-encoder), or by their own label encoder (bi-encoder),
optionally followed by post-fusion attention between labels and words (poly-encoder).
Shapes: B batch, L subwords, W words, K max span width, C labels, D hidden, H encoder width.
"""
from __future__ import annotations

import torch
from torch import nn

from .config import GLiNERConfig
from .core.decoding import Span, check_threshold, greedy_select, span_candidates, token_order
from .core.layers import FFN, WordLSTM
from .core.losses import span_loss
from .apps.evaluate import gliner_report
from .core.prompt import (PromptBatch, check_labels, check_text, encode_prompts, encode_texts, gather_labels,
                          pool_words, split_words, subword_costs, text_subword_costs)
from .core.spans import SpanMarker, score_spans, span_mask, word_mask
from .encoders.bert import Encoder
from .folders.ours import load, parts_from_encoder, save
from .folders.weights import Parts, check_and_load
from .inference.jobs import text_candidates
from .inference.precision import check_precision, encoder_autocast
from .inference.predict import check_flags, entity, predict_texts
from .inference.requests import label_set
from .inference.windows import PROMPT_EXTRA
from .training.targets import span_targets
from .variants.factorized import score_spans_factorized
from .variants.fusion import PostFusion
from .variants.label_encoder import LabelEncoder
from .variants.token_head import TokenScorer, token_candidates, token_loss, token_targets


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
        self.precision = "float32"   # the text encoder's arithmetic: set_precision (inference/precision.py)
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
            self.span_rep = SpanMarker(D, config.max_width, config.dropout, config.span_mode)
            self.label_ffn = FFN(D, config.dropout)

    # ---- the forward pass ------------------------------------------------------------
    def encode(self, batch: PromptBatch, label_vectors: torch.Tensor | None = None) -> tuple[torch.Tensor, torch.Tensor]:
        """Texts -> word vectors (B, W, D) after the BiLSTM (and fusion) and label vectors (B, C, D) before the
        head; (1, C, D) when the whole batch shares one label list (bi-encoder without fusion): it broadcasts.

        Bi-encoder: label_vectors (N, D) are the vectors of batch.label_set (encoded here when None).
        """
        with encoder_autocast(self.precision, batch.input_ids.device):
            hidden = self.encoder(batch.input_ids, batch.attention_mask)             # (B, L, H)
        hidden = self.project(hidden.float())                                         # (B, L, D) float32
        W = int(batch.num_words.max())
        words = pool_words(hidden, batch.word_ids, W, self.config.subword_pooling)   # (B, W, D)
        if self.rnn is not None:
            words = self.rnn(words, batch.num_words)                                  # (B, W, D)
        if self.label_encoder is None:
            return words, gather_labels(hidden, batch.label_positions, batch.label_mask)  # (B, C, D)
        if label_vectors is None:
            label_vectors = self.label_encoder.embed(list(batch.label_set))          # (N, D)
        if self.fusion is None and batch.shares_labels():
            return words, label_vectors[None]                                         # (1, C, D)
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

        fast=True scores spans in the factorized form (minigliner.variants.factorized), and the token head splits its
        first layer by the parts of the pair (TokenScorer): the same logits up to float rounding, fewer FLOPs.
        """
        words, labels = self.encode(batch, label_vectors)                 # (B, W, D), (B or 1, C, D)
        if self.token_level:
            return self.token_head(words, labels, fast), word_mask(batch.num_words, words.shape[1])  # (B, W, C, 3), (B, W)
        if fast and self.span_rep.mode == "markerV0":                    # (marker's plain form is already cheap)
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

    # ---- prediction: one short text, top to bottom (GLiNER §2.4) -------------------------
    @torch.inference_mode()
    def predict_entities(self, text: str, labels, flat_ner: bool = True, threshold=0.5, multi_label: bool = False,
                         return_class_probs: bool = False, *, batch_size: int = 8,
                         label_embeddings: torch.Tensor | None = None, fast: bool = False) -> list[dict]:
        """Entities of one text: dicts {start, end, text, label, score} with character offsets; gliner 0.2.29's
        arguments, in its order. labels: a list of str (or any form of `inference`).

        A text and label list that fit one encoder input are read here, top to bottom. Everything else
        (long texts, many labels, label mappings, thresholds per label, class_probs) goes to `inference`,
        the layer of minigliner/inference/ that splits texts into windows and labels into groups.
        """
        check_flags(flat_ner, multi_label)
        short = (isinstance(text, str) and isinstance(labels, (list, tuple)) and all(isinstance(x, str) for x in labels)
                 and isinstance(threshold, (int, float)) and not return_class_probs and label_embeddings is None)
        if short:
            check_text(text, "text")
            asked = label_set(labels)                                           # checked, duplicates dropped
            words = split_words(text, self.config.words_splitter)               # words with character offsets
            short = self.fits([w.text for w in words], list(asked.prompts))
        if not short:
            return self.inference([text], labels, flat_ner, threshold, multi_label, batch_size,
                                  return_class_probs=return_class_probs, label_embeddings=label_embeddings,
                                  fast=fast)[0]
        check_threshold(threshold)
        was_training = self.training
        self.eval()
        try:
            batch = self.prompt_batch([[w.text for w in words]], [list(asked.prompts)])   # label prompt, then words
            logits, _ = self(batch, fast=fast)                                  # (1, W, K, C); token model (1, W, C, 3)
        finally:
            self.train(was_training)
        probs = torch.sigmoid(logits[0])                                        # (W, K, C); token model (W, C, 3)
        if self.token_level:
            found = token_candidates(probs, len(words), threshold, self.config.token_scoring)
            found = sorted(found, key=token_order)                              # the reference's candidate order
        else:
            found = span_candidates(probs, len(words), threshold)               # (start, width, label) order
        spans = greedy_select(found, flat_ner, multi_label)                     # best first, no conflicts
        return [entity(text, words, asked, span) for span in spans]

    def fits(self, words: list[str], labels: list[str]) -> bool:
        """Can one encoder input hold these words and every label, so no window, label group or [UNK] is needed?"""
        if not words or len(words) > self.config.max_len:
            return False
        positions = self.encoder.config.max_position_embeddings
        text = sum(text_subword_costs(self.tokenizer, [words])[0])             # as the planner counts them
        if self.label_encoder is not None:
            return 2 + text <= positions                                        # [CLS] words [SEP]
        prompt = sum(subword_costs(self.tokenizer, labels)) + len(labels)       # each label after its <<ENT>>
        return PROMPT_EXTRA + prompt + text <= positions

    # ---- prediction at any size: the layer of minigliner/inference/ --------------------------
    def inference(self, texts, labels, flat_ner: bool = True, threshold=0.5, multi_label: bool = False,
                  batch_size: int = 8, *, return_class_probs: bool = False,
                  label_embeddings: torch.Tensor | None = None, fast: bool = False) -> list[list[dict]]:
        """Entities of many texts (gliner 0.2.29's arguments, in its order), batch_size windows at a time.

        labels: a str, a list, {name: description} (the model reads the description), or one of those
        per text. threshold: a number, {label: number}, or a list with one per text. return_class_probs
        (span models): each entity's five most likely labels. Bi-encoder: label_embeddings (C, D) from
        encode_labels(labels) skip the label encoder. fast=True: see forward.
        """
        check_flags(flat_ner, multi_label)
        return predict_texts(self, texts, labels, flat_ner, threshold, multi_label, batch_size,
                             return_class_probs, label_embeddings, fast)

    def batch_predict_entities(self, texts, labels, flat_ner: bool = True, threshold=0.5,
                               multi_label: bool = False, **kwargs) -> list[list[dict]]:
        """gliner's older name for inference."""
        return self.inference(texts, labels, flat_ner, threshold, multi_label, **kwargs)

    def predict_spans(self, words: list[list[str]], labels: list[str], threshold: float = 0.5,
                      flat_ner: bool = True, multi_label: bool = False, batch_size: int = 8,
                      label_embeddings: torch.Tensor | None = None, fast: bool = False) -> list[list[Span]]:
        """Selected spans (word indices) of pre-split texts; labels must be free of duplicates."""
        best_only = flat_ner and not multi_label  # a span's other labels could never be kept (batch_span_candidates)
        found = text_candidates(self, words, labels, threshold, batch_size, label_embeddings, fast, best_only)
        return [greedy_select(c, flat_ner, multi_label) for c in found]

    def evaluate(self, test_data: list[dict], flat_ner: bool = False, multi_label: bool = False,
                 threshold: float = 0.5, batch_size: int = 12, entity_types=None) -> tuple[str, float]:
        """gliner's evaluate on GLiNER JSON examples: its report line "P: ..% R: ..% F1: ..%" and the F1."""
        return gliner_report(self, test_data, flat_ner, multi_label, threshold, batch_size, entity_types)

    @property
    def device(self) -> torch.device:
        return next(self.parameters()).device

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
        return cls.from_parts(parts_from_encoder(config))

    @classmethod
    def from_pretrained(cls, folder, precision: str = "float32") -> "GLiNER":
        """Load a saved minigliner folder, or an official gliner folder (folders.ours.load says which).

        precision="bfloat16" runs the text encoder in bfloat16 (set_precision)."""
        model = cls.from_parts(load(folder))
        model.set_precision(precision)
        return model

    def set_precision(self, precision: str) -> "GLiNER":
        """"float32" (exact) or "bfloat16" (the text encoder only; refused where the device would run it slower)."""
        check_precision(precision, self.device)
        self.precision = precision
        return self

    def save_pretrained(self, folder) -> None:
        """Save config, encoder config, weights (safetensors) and tokenizer into folder."""
        save(self, folder)
