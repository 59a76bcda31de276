"""The pieces notebooks 01-07 build, gathered for the notebooks that assemble them (as the chapters of
"LLMs from scratch" import their previous chapters): each block is copied from the notebook named above it,
and tests/test_notebooks.py checks that every copy still equals its notebook's cell.

What a notebook keeps in its own globals is set here: use_tokenizer() gives the tokenizer `tok` and the id of
<<ENT>> (`ent_id`) that encode_one_v1 reads, use_config() the encoder config `cfg` that grow_tokens_v1 reads.
"""
from __future__ import annotations

import math
import re

import torch
import torch.nn.functional as F
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

tok = ent_id = cfg = None  # set by use_tokenizer / use_config


def use_tokenizer(tokenizer, ent_token_id: int) -> None:
    """The tokenizer (with <<ENT>> and <<SEP>> added) and <<ENT>>'s id, as notebook 01 has them."""
    global tok, ent_id
    tok, ent_id = tokenizer, ent_token_id


def use_config(encoder_config) -> None:
    """The encoder config (pad_token_id for grow_tokens_v1), as notebook 02 has it."""
    global cfg
    cfg = encoder_config



# ==================== 01 · prompting ==========================================

# from 01_prompting.ipynb
ENT, SEP = "<<ENT>>", "<<SEP>>"


# from 01_prompting.ipynb
WORD_PATTERN_v1 = re.compile(r"\w+(?:[-_]\w+)*|\S")


# from 01_prompting.ipynb
def split_words_v1(text: str) -> list[tuple[str, int, int]]:
    """(word, start, end) for every word; text[start:end] == word."""
    return [(m.group(), m.start(), m.end()) for m in WORD_PATTERN_v1.finditer(text)]


# from 01_prompting.ipynb
def label_prompt_v1(labels: list[str]) -> list[str]:
    """[<<ENT>>, label_0, <<ENT>>, label_1, ..., <<SEP>>]."""
    prompt = []
    for label in labels:
        prompt += [ENT, label]
    return prompt + [SEP]


# from 01_prompting.ipynb
def encode_one_v1(words: list[str], labels: list[str]) -> tuple[list[int], list[int], list[int]]:
    """ids, text-word id of every subword (-1 elsewhere), positions of the <<ENT>> tokens."""
    prompt = label_prompt_v1(labels)
    e = tok.encode(prompt + words, is_pretokenized=True)
    wids = [-1 if i is None or i < len(prompt) else i - len(prompt) for i in e.word_ids]
    return e.ids, wids, [pos for pos, t in enumerate(e.ids) if t == ent_id]


# from 01_prompting.ipynb
def pad_batch_v1(words: list[list[str]], labels: list[list[str]]) -> dict[str, torch.Tensor]:
    rows = [encode_one_v1(w, l) for w, l in zip(words, labels)]
    B, L, C = len(rows), max(len(r[0]) for r in rows), max(len(r[2]) for r in rows)
    out = dict(input_ids=torch.full((B, L), tok.token_to_id("[PAD]")),   # (B, L)
               attention_mask=torch.zeros(B, L, dtype=torch.long),       # (B, L)
               word_ids=torch.full((B, L), -1),                          # (B, L)
               num_words=torch.tensor([len(w) for w in words]),          # (B,)
               label_positions=torch.zeros(B, C, dtype=torch.long),      # (B, C)
               label_mask=torch.zeros(B, C, dtype=torch.bool))           # (B, C)
    for b, (ids, wids, ents) in enumerate(rows):
        out["input_ids"][b, :len(ids)] = torch.tensor(ids)
        out["attention_mask"][b, :len(ids)] = 1
        out["word_ids"][b, :len(wids)] = torch.tensor(wids)
        out["label_positions"][b, :len(ents)] = torch.tensor(ents)
        out["label_mask"][b, :len(ents)] = True
    return out


# from 01_prompting.ipynb
def first_subword_v2(word_ids: torch.Tensor) -> torch.Tensor:
    """(B, L) word ids (-1 elsewhere) -> (B, L) True at the first subword of every text word."""
    left = torch.nn.functional.pad(word_ids[:, :-1], (1, 0), value=-1)  # (B, L) the neighbour on the left
    return (word_ids >= 0) & (word_ids != left)                           # (B, L)


# from 01_prompting.ipynb
def gather_words_v1(hidden: torch.Tensor, word_ids: torch.Tensor, num_words: int) -> torch.Tensor:
    """(B, L, D), (B, L) -> (B, W, D): the vector at each word's first subword; zeros where there is none."""
    B, L, D = hidden.shape
    is_first = first_subword_v2(word_ids)                                 # (B, L)
    slot = torch.where(is_first, word_ids, num_words)                     # (B, L) non-first subwords -> spare slot W
    pos = torch.zeros(B, num_words + 1, dtype=torch.long).scatter(1, slot, torch.arange(L).expand(B, L))  # (B, W+1)
    has = torch.zeros(B, num_words + 1, dtype=torch.bool).scatter(1, slot, True)                       # (B, W+1)
    out = hidden.gather(1, pos[..., None].expand(-1, -1, D)) * has[..., None]                          # (B, W+1, D)
    return out[:, :num_words]                                             # (B, W, D)


# from 01_prompting.ipynb
def gather_labels_v1(hidden: torch.Tensor, positions: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
    """(B, L, D), (B, C) -> (B, C, D): the vector at each <<ENT>>; zeros for padded labels."""
    out = hidden.gather(1, positions[..., None].expand(-1, -1, hidden.shape[-1]))  # (B, C, D)
    return out * mask[..., None]                                                   # (B, C, D)



# ==================== 02 · encoder ============================================

# from 02_encoder.ipynb
class Embeddings_v1(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.token = nn.Embedding(cfg.vocab_size, cfg.hidden_size, padding_idx=cfg.pad_token_id)
        self.position = nn.Embedding(cfg.max_position_embeddings, cfg.hidden_size)
        self.segment = nn.Embedding(cfg.type_vocab_size, cfg.hidden_size)
        self.norm = nn.LayerNorm(cfg.hidden_size, eps=cfg.layer_norm_eps)
        self.dropout = nn.Dropout(0.1)

    def forward(self, ids: torch.Tensor) -> torch.Tensor:
        """(B, L) ids -> (B, L, H)."""
        L = ids.shape[1]
        if L > self.position.num_embeddings:
            raise ValueError(f"{L} subwords but only {self.position.num_embeddings} positions")
        pos = torch.arange(L, device=ids.device)                          # (L,)
        x = self.token(ids) + self.position(pos) + self.segment.weight[0]  # (B, L, H)
        return self.dropout(self.norm(x))                                 # (B, L, H)


# from 02_encoder.ipynb
def softmax_v1(x: torch.Tensor) -> torch.Tensor:
    """Softmax over the last axis."""
    z = (x - x.amax(-1, keepdim=True)).exp()
    return z / z.sum(-1, keepdim=True)


# from 02_encoder.ipynb
def attention_v1(q, k, v, keep):
    """(B, A, L, d) q, k, v and (B, 1, 1, L) bool of real keys -> (B, A, L, d) output, (B, A, L, L) weights."""
    scores = q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1])   # (B, A, L, L) query i . key j
    scores = scores.masked_fill(~keep, -math.inf)               # (B, A, L, L) padding keys: -inf
    weights = softmax_v1(scores)                                # (B, A, L, L) rows sum to 1
    return weights @ v, weights                                 # (B, A, L, d), (B, A, L, L)


# from 02_encoder.ipynb
def split_heads_v1(x: torch.Tensor, heads: int) -> torch.Tensor:
    B, L, H = x.shape
    return x.view(B, L, heads, H // heads).transpose(1, 2)     # (B, A, L, H/A)


# from 02_encoder.ipynb
def merge_heads_v1(x: torch.Tensor) -> torch.Tensor:
    B, A, L, d = x.shape
    return x.transpose(1, 2).reshape(B, L, A * d)               # (B, L, H)


# from 02_encoder.ipynb
class SelfAttention_v1(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        H = cfg.hidden_size
        self.heads = cfg.num_attention_heads
        self.q, self.k, self.v, self.out = (nn.Linear(H, H) for _ in range(4))

    def forward(self, x, keep):
        """(B, L, H), (B, 1, 1, L) -> (B, L, H) and the (B, A, L, L) weights."""
        q, k, v = (split_heads_v1(f(x), self.heads) for f in (self.q, self.k, self.v))  # (B, A, L, H/A)
        ctx, weights = attention_v1(q, k, v, keep)              # (B, A, L, H/A), (B, A, L, L)
        return self.out(merge_heads_v1(ctx)), weights           # (B, L, H), (B, A, L, L)


# from 02_encoder.ipynb
class Block_v1(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.attn = SelfAttention_v1(cfg)
        self.attn_norm = nn.LayerNorm(cfg.hidden_size, eps=cfg.layer_norm_eps)
        self.up = nn.Linear(cfg.hidden_size, cfg.intermediate_size)
        self.down = nn.Linear(cfg.intermediate_size, cfg.hidden_size)
        self.ffn_norm = nn.LayerNorm(cfg.hidden_size, eps=cfg.layer_norm_eps)
        self.dropout = nn.Dropout(0.1)

    def forward(self, x, keep):
        """(B, L, H) -> (B, L, H) and the (B, A, L, L) attention weights."""
        a, weights = self.attn(x, keep)                                    # (B, L, H), (B, A, L, L)
        x = self.attn_norm(x + self.dropout(a))                            # (B, L, H)
        x = self.ffn_norm(x + self.dropout(self.down(F.gelu(self.up(x)))))  # (B, L, H)
        return x, weights


# from 02_encoder.ipynb
class Encoder_v1(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.embeddings = Embeddings_v1(cfg)
        self.blocks = nn.ModuleList(Block_v1(cfg) for _ in range(cfg.num_hidden_layers))

    def forward(self, ids, attention_mask, return_weights=False):
        """(B, L) ids, (B, L) 0/1 mask -> (B, L, H) [and per layer the (B, A, L, L) weights]."""
        keep = attention_mask.bool()[:, None, None, :]    # (B, 1, 1, L)
        x = self.embeddings(ids)                          # (B, L, H)
        all_weights = []
        for block in self.blocks:
            x, weights = block(x, keep)                   # (B, L, H), (B, A, L, L)
            all_weights.append(weights)
        return (x, all_weights) if return_weights else x


# from 02_encoder.ipynb
EMB_NAMES_v1 = {"word_embeddings": "token", "position_embeddings": "position",
                "token_type_embeddings": "segment", "LayerNorm": "norm"}


# from 02_encoder.ipynb
LAYER_NAMES_v1 = {"attention.self.query": "attn.q", "attention.self.key": "attn.k",
                  "attention.self.value": "attn.v", "attention.output.dense": "attn.out",
                  "attention.output.LayerNorm": "attn_norm", "intermediate.dense": "up",
                  "output.dense": "down", "output.LayerNorm": "ffn_norm"}


# from 02_encoder.ipynb
def hf_key_to_v1(key: str) -> str | None:
    """HF BERT name -> our name (None for what we do not use)."""
    if key.startswith(("pooler.", "embeddings.position_ids")):
        return None
    module, _, leaf = key.rpartition(".")                          # leaf: weight | bias
    if module.startswith("embeddings."):
        return f"embeddings.{EMB_NAMES_v1[module.removeprefix('embeddings.')]}.{leaf}"
    _, _, i, name = module.split(".", 3)                           # encoder.layer.<i>.<name>
    return f"blocks.{i}.{LAYER_NAMES_v1[name]}.{leaf}"


# from 02_encoder.ipynb
def grow_tokens_v1(encoder: Encoder_v1, n: int) -> None:
    """Append rows to the token embedding until it has n rows; new rows = mean of the old ones."""
    old = encoder.embeddings.token.weight.data                       # (V, H)
    new = torch.cat([old, old.mean(0).expand(n - old.shape[0], -1)])  # (n, H)
    encoder.embeddings.token = nn.Embedding.from_pretrained(new, freeze=False, padding_idx=cfg.pad_token_id)



# ==================== 04 · span representation ================================

# from 04_span_representation.ipynb
class FFN_v1(nn.Module):
    # d_in -> 4*d_out -> d_out, ReLU then dropout in between.
    def __init__(self, d_in, dropout, d_out=None):
        super().__init__()
        d_out = d_in if d_out is None else d_out
        self.up = nn.Linear(d_in, 4 * d_out)
        self.dropout = nn.Dropout(dropout)
        self.down = nn.Linear(4 * d_out, d_out)

    def forward(self, x):                                          # (..., d_in)
        return self.down(self.dropout(torch.relu(self.up(x))))     # (..., d_out)


# from 04_span_representation.ipynb
def word_lstm_v1(lstm, words, lengths):
    # (B, W, D) word vectors, (B,) word counts -> (B, W, D); each text is read only up to its length.
    packed = pack_padded_sequence(words, lengths.cpu(), batch_first=True, enforce_sorted=False)
    out, _ = lstm(packed)
    out, _ = pad_packed_sequence(out, batch_first=True, total_length=words.shape[1])   # (B, W, D)
    return out


# from 04_span_representation.ipynb
def word_lstm_v2(lstm, words, lengths):
    # word_lstm_v1 that accepts empty texts: their rows come out as zeros.
    out = word_lstm_v1(lstm, words, lengths.clamp(min=1))          # (B, W, D)
    return out * (lengths > 0).to(out.dtype)[:, None, None]        # (B, W, D)


# from 04_span_representation.ipynb
def enumerate_spans_v1(W, K):
    # (W*K, 2) (start, end) pairs, start-major: row i*K + k is span (i, i + k).
    starts = torch.arange(W).repeat_interleave(K)     # (W*K,)
    ends = starts + torch.arange(K).repeat(W)         # (W*K,)
    return torch.stack([starts, ends], dim=-1)        # (W*K, 2)


# from 04_span_representation.ipynb
def span_mask_v1(lengths, W, K):
    # (B,) word counts -> (B, W, K) True where the span ends inside its text.
    ends = enumerate_spans_v1(W, K)[:, 1]                         # (W*K,)
    return (ends[None, :] < lengths[:, None]).view(-1, W, K)      # (B, W, K)


# from 04_span_representation.ipynb
def span_rep_v2(marker, words, K):
    # (B, W, D) -> (B, W, K, D), all spans at once; slots past the end hold garbage.
    B, W, D = words.shape
    spans = enumerate_spans_v1(W, K).clamp(max=W - 1)             # (W*K, 2)
    start = marker["start"](words)[:, spans[:, 0]]                # (B, W*K, D)
    end = marker["end"](words)[:, spans[:, 1]]                    # (B, W*K, D)
    pair = torch.cat([start, end], dim=-1).relu()                 # (B, W*K, 2D)
    return marker["out"](pair).view(B, W, K, D)                   # (B, W, K, D)



# ==================== 05 · scoring and losses =================================

# from 05_scoring_and_losses.ipynb
def score_v2(spans, labels):
    # (B, W, K, D), (B, C, D) -> (B, W, K, C) logits.
    return torch.einsum("bwkd,bcd->bwkc", spans, labels)


# from 05_scoring_and_losses.ipynb
EPS = 1e-6


# from 05_scoring_and_losses.ipynb
def clamped_bce_v1(logits, targets):
    # Elementwise binary cross-entropy on clamped probabilities; same shape as logits.
    p = torch.sigmoid(logits)
    return -targets * torch.log(p.clamp(min=EPS)) - (1 - targets) * torch.log((1 - p).clamp(min=EPS))


# from 05_scoring_and_losses.ipynb
def binary_losses_v2(logits, targets, alpha=-1.0, gamma=0.0, label_smoothing=0.0):
    # Clamped BCE, optionally focal (alpha, gamma) and label-smoothed; same shape as logits.
    y = targets * (1 - label_smoothing) + 0.5 * label_smoothing
    p = torch.sigmoid(logits)
    loss = clamped_bce_v1(logits, y)
    if gamma > 0:
        p_true = p * y + (1 - p) * (1 - y)              # probability given to the right answer
        loss = loss * (1 - p_true) ** gamma
    if alpha >= 0:
        loss = loss * (alpha * y + (1 - alpha) * (1 - y))
    return loss


# from 05_scoring_and_losses.ipynb
def negative_mask_v1(targets, negatives, masking):
    # (B, S, C) targets -> keep-mask of the same shape (1.0 when masking is off).
    if masking == "none":
        return 1.0
    if masking == "global":                                   # any negative pair
        candidates = targets == 0
    elif masking == "label":                                  # pairs of labels absent from the example
        candidates = (targets.sum(dim=1) == 0)[:, None, :].expand_as(targets)
    else:                                                     # "span": pairs of spans with no label
        candidates = (targets.sum(dim=2) == 0)[:, :, None].expand_as(targets)
    keep = (torch.rand(targets.shape) < negatives).to(targets.dtype)    # one draw per pair
    return torch.where(candidates, keep, torch.ones_like(keep))


# from 05_scoring_and_losses.ipynb
def span_loss_v1(logits, targets, span_mask, label_mask, alpha=-1.0, gamma=0.0, label_smoothing=0.0,
                 reduction="sum", negatives=1.0, masking="none"):
    # Scalar loss; logits, targets (B, W, K, C), span_mask (B, W, K), label_mask (B, C).
    B, W, K, C = logits.shape
    logits, targets = logits.reshape(B, W * K, C), targets.reshape(B, W * K, C).float()   # (B, S, C)
    loss = binary_losses_v2(logits, targets, alpha, gamma, label_smoothing)              # (B, S, C)
    loss = loss * negative_mask_v1(targets, negatives, masking)                          # (B, S, C)
    pairs = span_mask.reshape(B, W * K, 1) & label_mask.bool()[:, None, :]              # (B, S, C)
    total = (loss * pairs).sum()
    if reduction == "sum":
        return total
    n_spans = span_mask.sum()
    return total / n_spans if n_spans > 0 else total * 0.0    # no valid span: 0, not NaN



# ==================== 06 · decoding ===========================================

# from 06_decoding.ipynb
def candidates_v2(probs, num_words, threshold):
    # Same as candidates_v1 with torch.where.
    start, width, label = torch.where(probs > threshold)                 # (N,) each
    inside = start + width < num_words                                   # (N,)
    start, width, label = start[inside], width[inside], label[inside]
    scores = probs[start, width, label]                                  # (N,)
    return list(zip(start.tolist(), (start + width).tolist(), label.tolist(), scores.tolist()))


# from 06_decoding.ipynb
def conflict_v1(a, b, flat, multi_label):
    # May spans a and b (start, end, label, score) not both be kept?
    if (a[0], a[1]) == (b[0], b[1]):
        return not multi_label
    overlap = a[0] <= b[1] and b[0] <= a[1]
    if flat:
        return overlap
    inside = (a[0] <= b[0] and b[1] <= a[1]) or (b[0] <= a[0] and a[1] <= b[1])
    return overlap and not inside


# from 06_decoding.ipynb
def greedy_v1(candidates, flat=True, multi_label=False):
    # Best-first selection of non-conflicting spans, returned sorted by start.
    kept = []
    for cand in sorted(candidates, key=lambda s: -s[3]):
        if not any(conflict_v1(cand, other, flat, multi_label) for other in kept):
            kept.append(cand)
    return sorted(kept, key=lambda s: s[0])


# from 06_decoding.ipynb
def to_entities_v1(text, words_with_offsets, spans, labels):
    # Word-index spans -> dicts with character offsets into text.
    out = []
    for s, e, c, p in spans:
        start, end = words_with_offsets[s][1], words_with_offsets[e][2]
        out.append({"start": start, "end": end, "text": text[start:end], "label": labels[c], "score": p})
    return out



# ==================== 07 · training ===========================================

# from 07_training.ipynb
def lr_factor_v1(step: int, total: int, warmup: int, schedule: str = "linear") -> float:
    """Multiplier of the base learning rate at 0-based `step`."""
    if step < warmup:
        return (step + 1) / warmup                    # 1/warmup, 2/warmup, ..., 1
    if schedule == "constant":
        return 1.0
    progress = (step - warmup) / max(1, total - warmup)  # 0 after warmup; just under 1 at the last step
    if schedule == "cosine":
        return 0.5 * (1 + math.cos(math.pi * progress))
    return max(0.0, 1 - progress)
