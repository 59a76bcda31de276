"""Words, the label prompt, and the alignment of words to subwords (GLiNER §2.1).

The encoder reads "[CLS] <<ENT>> label_1 <<ENT>> label_2 ... <<SEP>> word_1 ... word_W [SEP]";
a bi-encoder's text encoder reads "[CLS] word_1 ... word_W [SEP]" (labels go to their own encoder).
Shapes: B batch, L subwords, W words, C labels, D hidden.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace

import torch
from tokenizers import Tokenizer

SURROGATE = re.compile("[\ud800-\udfff]")  # halves of UTF-16 pairs: a str holding one cannot be encoded
WORD_PATTERN = re.compile(r"\w+(?:[-_]\w+)*|\S")  # words and single punctuation marks, as the reference splits


@dataclass(frozen=True)
class Word:
    text: str
    start: int  # character offset of the first character
    end: int    # character offset one past the last character


# Han, kana and CJK compatibility ideographs: scripts written without spaces between words
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_NOT_CJK_WORD = rf"(?:(?![{_CJK}])\w)+"
SPLITTERS = {"whitespace": WORD_PATTERN,   # gliner's default splitter: runs of word characters, or one other character
             "char": re.compile(rf"[{_CJK}]|{_NOT_CJK_WORD}(?:[-_]{_NOT_CJK_WORD})*|\S")}  # each CJK character a word


def split_words(text: str, splitter: str = "whitespace") -> list[Word]:
    """Split text into words with character offsets; text[w.start:w.end] == w.text. splitter "char" makes each
    Chinese or Japanese character a word (a run of Han characters is otherwise one word)."""
    if splitter not in SPLITTERS:
        raise ValueError(f"words splitter must be one of {sorted(SPLITTERS)}, got {splitter!r}")
    return [Word(m.group(), m.start(), m.end()) for m in SPLITTERS[splitter].finditer(text)]


def label_prompt(labels: list[str], ent_token: str, sep_token: str) -> list[str]:
    """[<<ENT>>, label_1, <<ENT>>, label_2, ..., <<SEP>>]: each label is one pre-split 'word'."""
    return [piece for label in labels for piece in (ent_token, label)] + [sep_token]


def subword_costs(tok: Tokenizer, items: list[str]) -> list[int]:
    """Subwords of each pre-split item (word or label) on its own, without [CLS]/[SEP]."""
    if not items:
        return []
    return [len(e.ids) for e in tok.encode_batch([[x] for x in items], is_pretokenized=True, add_special_tokens=False)]


def text_subword_costs(tok: Tokenizer, texts: list[list[str]]) -> list[list[int]]:
    """subword_costs of every word of many pre-split texts, one tokenizer call for all: a pre-split word is
    tokenized on its own in context too, so counting each word's subwords in its text gives the same numbers."""
    costs = [[0] * len(words) for words in texts]
    for row, enc in zip(costs, tok.encode_batch(texts, is_pretokenized=True, add_special_tokens=False)):
        for w in enc.word_ids:
            row[w] += 1
    return costs


@dataclass
class PromptBatch:
    """Tokenized prompts + texts of a batch, padded to the longest."""

    input_ids: torch.Tensor       # (B, L)
    attention_mask: torch.Tensor  # (B, L) 1 for real subwords
    word_ids: torch.Tensor        # (B, L) index of the text word a subword belongs to, -1 elsewhere
    num_words: torch.Tensor       # (B,) words in each text
    label_positions: torch.Tensor  # (B, C) uni: position of each label's <<ENT>> token; bi: its row in label_set (0 for padding)
    label_mask: torch.Tensor      # (B, C) True for real labels
    label_set: tuple[str, ...] = ()  # bi-encoder: the batch's distinct labels, each encoded once

    def to(self, device) -> "PromptBatch":
        tensors = {f.name: getattr(self, f.name).to(device) for f in fields(self) if f.name != "label_set"}
        return replace(self, **tensors)

    def shares_labels(self) -> bool:
        """Does every text use all of label_set, in order (one label list for the whole batch)?"""
        C = self.label_positions.shape[1]
        order = torch.arange(C, device=self.label_positions.device)
        return C == len(self.label_set) and bool(self.label_mask.all()) and bool(
            (self.label_positions == order).all())


def encode_prompts(tok: Tokenizer, words: list[list[str]], labels: list[list[str]],
                   ent_token: str, sep_token: str, max_subwords: int) -> PromptBatch:
    """Tokenize label prompt + words for each example; raise if one is longer than max_subwords."""
    ent_id = tok.token_to_id(ent_token)
    rows = []
    prompts = [label_prompt(text_labels, ent_token, sep_token) for text_labels in labels]
    encodings = tok.encode_batch([p + w for p, w in zip(prompts, words, strict=True)], is_pretokenized=True)
    for text_words, prompt, enc in zip(words, prompts, encodings):
        if len(enc.ids) > max_subwords:
            raise ValueError(f"prompt + text is {len(enc.ids)} subwords, more than the encoder's "
                             f"{max_subwords}; use fewer or shorter labels or a smaller max_len")
        offset = len(prompt)  # pre-split items before the first text word
        word_ids = [-1 if w is None or w < offset else w - offset for w in enc.word_ids]
        # the markers themselves (prompt items 0, 2, 4, ...), not an <<ENT>> typed inside a label or a text word
        ents = [i for i, (t, w) in enumerate(zip(enc.ids, enc.word_ids))
                if t == ent_id and w is not None and w < offset - 1 and w % 2 == 0]
        rows.append((enc.ids, word_ids, len(text_words), ents))
    return _pad(rows, tok.token_to_id("[PAD]") or 0, max(len(l) for l in labels))


def encode_texts(tok: Tokenizer, words: list[list[str]], labels: list[list[str]], max_subwords: int) -> PromptBatch:
    """Tokenize the words alone (bi-encoder); label_positions index each text's labels in label_set."""
    label_set = list(dict.fromkeys(label for text_labels in labels for label in text_labels))
    row_of = {label: i for i, label in enumerate(label_set)}
    rows = []
    for text_words, text_labels, enc in zip(words, labels, tok.encode_batch(words, is_pretokenized=True), strict=True):
        if len(enc.ids) > max_subwords:
            raise ValueError(f"text is {len(enc.ids)} subwords, more than the encoder's {max_subwords}; "
                             f"use a smaller max_len")
        word_ids = [-1 if w is None else w for w in enc.word_ids]
        rows.append((enc.ids, word_ids, len(text_words), [row_of[label] for label in text_labels]))
    batch = _pad(rows, tok.token_to_id("[PAD]") or 0, max(len(l) for l in labels))
    return replace(batch, label_set=tuple(label_set))


def _pad(rows: list, pad_id: int, C: int) -> PromptBatch:
    B, L = len(rows), max(len(r[0]) for r in rows)
    ids = torch.full((B, L), pad_id, dtype=torch.long)          # (B, L)
    word_ids = torch.full((B, L), -1, dtype=torch.long)         # (B, L)
    positions = torch.zeros(B, C, dtype=torch.long)             # (B, C)
    for b, (row_ids, row_words, _, ents) in enumerate(rows):
        ids[b, :len(row_ids)] = torch.tensor(row_ids)
        word_ids[b, :len(row_words)] = torch.tensor(row_words)
        positions[b, :len(ents)] = torch.tensor(ents, dtype=torch.long)
    attention = (torch.arange(L)[None, :] < torch.tensor([len(r[0]) for r in rows])[:, None]).long()
    label_mask = torch.arange(C)[None, :] < torch.tensor([len(r[3]) for r in rows])[:, None]  # (B, C)
    num_words = torch.tensor([r[2] for r in rows], dtype=torch.long)  # (B,)
    return PromptBatch(ids, attention, word_ids, num_words, positions, label_mask)


def pool_words(hidden: torch.Tensor, word_ids: torch.Tensor, num_words: int, mode: str = "first") -> torch.Tensor:
    """Subword vectors to word vectors: (B, L, D), (B, L) -> (B, W, D); a word without subwords gets zeros."""
    B, L, D = hidden.shape
    out = hidden.new_zeros(B, num_words + 1, D)                 # (B, W+1, D) slot W collects non-text subwords
    target = torch.where(word_ids < 0, num_words, word_ids)     # (B, L)
    if mode in ("first", "last"):
        pos = torch.arange(L, device=hidden.device).expand(B, L)  # (B, L)
        order = pos if mode == "last" else L - 1 - pos           # the surviving write is the wanted subword
        sel = torch.zeros(B, num_words + 1, dtype=torch.long, device=hidden.device).scatter_reduce(
            1, target, order, reduce="amax", include_self=False)  # (B, W+1)
        sel = sel if mode == "last" else L - 1 - sel
        has = torch.zeros_like(sel, dtype=torch.bool).scatter(1, target, True)  # (B, W+1)
        out = hidden.gather(1, sel[..., None].expand(-1, -1, D)) * has[..., None]  # (B, W+1, D)
    else:
        index = target[..., None].expand(-1, -1, D)              # (B, L, D)
        out = out.scatter_reduce(1, index, hidden, reduce="mean" if mode == "mean" else "amax",
                                 include_self=False)             # (B, W+1, D)
    return out[:, :num_words]                                    # (B, W, D)


def gather_labels(hidden: torch.Tensor, positions: torch.Tensor, label_mask: torch.Tensor) -> torch.Tensor:
    """Label vectors = encoder output at each <<ENT>>: (B, L, D), (B, C) -> (B, C, D), zeros for padding."""
    out = hidden.gather(1, positions[..., None].expand(-1, -1, hidden.shape[-1]))  # (B, C, D)
    return out * label_mask[..., None]                                              # (B, C, D)


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
