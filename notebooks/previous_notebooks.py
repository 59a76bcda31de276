"""The pieces notebooks 01-07 build, and notebook 14's assembly of them, gathered for the notebooks that use them
(as the chapters of "LLMs from scratch" import their previous chapters): each block is copied from the notebook
named above it, and tests/test_notebooks.py checks that every copy still equals its notebook's cell.

What a notebook keeps in its own globals is set here: use_tokenizer() gives the tokenizer `tok` and the id of
<<ENT>> (`ent_id`) that encode_one_v1 reads, use_config() the encoder config `cfg` that grow_tokens_v1 reads.
"""
from __future__ import annotations

import math
import random
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


# ==================== 14 · your own GLiNER (for its solutions) ====================

# from 14_your_own_gliner.ipynb
def sample_labels_v1(batch, max_types, max_neg_type_ratio, rng):
    """Each example's labels: its own types, then up to ratio x entities of the batch's other types (GLiNER §3)."""
    pool = sorted({lab for ex in batch for *_, lab in ex["ner"]})
    rng.shuffle(pool)                                                  # the batch's types, in a random order
    labels = []
    for ex in batch:
        ratio = rng.randint(0, max_neg_type_ratio) if max_neg_type_ratio else 0
        own = sorted({lab for *_, lab in ex["ner"]})
        rng.shuffle(own)
        negatives = [lab for lab in pool[:len(ex["ner"]) * ratio] if lab not in own]
        types = (own + negatives)[:max_types] or pool[:1] or ["entity"]   # never an empty prompt
        rng.shuffle(types)                                             # no position gives the answer away
        labels.append(types)
    return labels


# from 14_your_own_gliner.ipynb
def span_targets_v1(batch, labels, W, K):
    """(B, W, K, C) targets: 1 where span (start, width) of example b has label c."""
    targets = torch.zeros(len(batch), W, K, max(map(len, labels)))   # (B, W, K, C)
    for b, (ex, ex_labels) in enumerate(zip(batch, labels)):
        for s, e, lab in ex["ner"]:
            if e - s < K and lab in ex_labels:
                targets[b, s, e - s, ex_labels.index(lab)] = 1.0
    return targets


# from 14_your_own_gliner.ipynb
def batches_v1(examples, batch_size, rng):
    """Endless batches, a new shuffled order each epoch."""
    order = list(range(len(examples)))
    while True:
        rng.shuffle(order)
        for i in range(0, len(order), batch_size):
            yield [examples[j] for j in order[i:i + batch_size]]


def make_optimizer_v1(model, lr_encoder, lr_others, weight_decay=0.01):
    """AdamW, four groups: encoder or not x decayed (matrices) or not (biases, LayerNorms)."""
    groups = {}
    for name, p in model.named_parameters():
        lr = lr_encoder if name.startswith("encoder.") else lr_others
        groups.setdefault((lr, weight_decay if p.ndim >= 2 else 0.0), []).append(p)
    return torch.optim.AdamW([{"params": ps, "lr": lr, "weight_decay": wd, "base_lr": lr}
                              for (lr, wd), ps in groups.items()], fused=True)   # one kernel for all weights


# from 14_your_own_gliner.ipynb
class GLiNER_v1(nn.Module):
    """The notebooks' pieces wired as GLiNER §2: prompt -> encoder -> words and labels -> span x label logits."""

    def __init__(self, enc_cfg, D, K=12, dropout=0.4):
        super().__init__()
        self.K = K
        self.encoder = Encoder_v1(enc_cfg)                                          # 02
        H = enc_cfg.hidden_size
        self.project = nn.Linear(H, D) if H != D else nn.Identity()                 # encoder width -> D
        self.rnn = nn.Module()
        self.rnn.lstm = nn.LSTM(D, D // 2, bidirectional=True, batch_first=True)    # 04
        self.span_rep = nn.ModuleDict({"start": FFN_v1(D, dropout), "end": FFN_v1(D, dropout),
                                       "out": FFN_v1(2 * D, dropout, D)})           # 04, markerV0
        self.label_ffn = FFN_v1(D, dropout)                                         # 04, the label FFN

    def forward(self, batch):
        """pad_batch_v1's dict -> logits (B, W, K, C) and the valid-span mask (B, W, K)."""
        hidden = self.project(self.encoder(batch["input_ids"], batch["attention_mask"]))  # (B, L, D)
        W = int(batch["num_words"].max())
        words = gather_words_v1(hidden, batch["word_ids"], W)                      # (B, W, D)
        words = word_lstm_v2(self.rnn.lstm, words, batch["num_words"])             # (B, W, D)
        labels = gather_labels_v1(hidden, batch["label_positions"], batch["label_mask"])  # (B, C, D)
        spans = span_rep_v2(self.span_rep, words, self.K)                          # (B, W, K, D)
        logits = score_v2(spans, self.label_ffn(labels))                           # (B, W, K, C)
        return logits, span_mask_v1(batch["num_words"], W, self.K)                 # (B, W, K)


# from 14_your_own_gliner.ipynb
def train_v1(model, examples, steps, batch_size=8, lr_encoder=5e-5, lr_others=1e-3, warmup_ratio=0.1,
             max_types=25, max_neg_type_ratio=1, rng=None):
    """Train in place; the loss of every step."""
    rng = rng or random.Random(0)
    optimizer = make_optimizer_v1(model, lr_encoder, lr_others)
    stream, warmup, losses = batches_v1(examples, batch_size, rng), int(warmup_ratio * steps), []
    model.train()
    for step in range(steps):
        batch = next(stream)
        labels = sample_labels_v1(batch, max_types, max_neg_type_ratio, rng)
        prompts = pad_batch_v1([ex["tokenized_text"] for ex in batch], labels)
        logits, mask = model(prompts)                                              # (B, W, K, C), (B, W, K)
        targets = span_targets_v1(batch, labels, logits.shape[1], model.K)         # (B, W, K, C)
        loss = span_loss_v1(logits, targets, mask, prompts["label_mask"])
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        for group in optimizer.param_groups:
            group["lr"] = group["base_lr"] * lr_factor_v1(step, steps, warmup)
        optimizer.step()
        losses.append(loss.item())
    model.eval()
    return losses


# from 14_your_own_gliner.ipynb
def predict_v1(model, text, labels, threshold=0.5):
    """Entities of one text, with the v1 pieces only."""
    words = split_words_v1(text)
    prompts = pad_batch_v1([[w for w, _, _ in words]], [labels])
    with torch.no_grad():
        probs = torch.sigmoid(model(prompts)[0][0])                    # (W, K, C)
    spans = greedy_v1(candidates_v2(probs, len(words), threshold))
    return to_entities_v1(text, words, spans, labels)
