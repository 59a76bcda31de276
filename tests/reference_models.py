"""Tiny random-weight reference GLiNER models (gliner==0.2.29), built offline.

Everything here is deterministic: a fixed hand-written WordPiece vocabulary,
seeded BERT backbones and a seeded GLiNER head.  See tests/reference_internals.md.
"""

import os
import string

import torch

# The texts every parity test runs: several subwords per word, a text shorter than max_width and one
# longer, so a batch of them is padded.
PARITY_TEXTS = [
    "John was born in Copenhagen in January .",
    "Arnold Schwarzenegger visited the museum in Paris with Mary and Peter on Monday , "
    "said the president of Google , before he moved to Zurich in March .",
    "Einstein lived in Berlin .",
]
PARITY_LABELS = ["person", "city", "organization", "date"]
PARITY_LABEL_SETS = [PARITY_LABELS, ["location"], ["person name", "capital city", "big company"]]

# Training examples for the loss parity tests (gold spans of PARITY_TEXTS-like sentences).
PARITY_EXAMPLES = [
    {"tokenized_text": "John was born in Copenhagen in January .".split(),
     "ner": [[0, 0, "person"], [4, 4, "city"], [6, 6, "date"]]},
    {"tokenized_text": "Arnold Schwarzenegger visited the museum in Paris with Mary and Peter .".split(),
     "ner": [[0, 1, "person"], [6, 6, "city"], [8, 8, "person"], [10, 10, "person"]]},
    {"tokenized_text": "Google was founded .".split(), "ner": [[0, 0, "organization"]]},
]

SPECIALS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
# Words deliberately missing (split into subwords): copenhagen, schwarzenegger,
# microsoft, barack, obama, zurich, tuesday, amazon, arnold, einstein, ...
WORDS = """the a an of in on at to for from by with and or but is was were are be been
has have had he she it they we i you his her their its this that these those not no
born lived lives live works worked work said says visited visit moved founded met
who what where when which as after before during into over under about up down out
person people city country organization company location date time place event
product name names team club group university school government party year years
day days month new old first last big small good great best many more most
john mary paul anna peter london paris berlin new york france germany google apple
january february march april may june july august september october november december
monday today yesterday president ceo capital river mountain museum hospital bank
one two three four five ten hundred thousand million dollars euros percent""".split()
PIECES = ["##s", "##es", "##ed", "##ing", "##er", "##ers", "##ly", "##ion", "##al", "##an",
          "##en", "##in", "##on", "##ar", "##or", "##ic", "##ia", "##st", "##ch", "##ag"]
CHARS = list(string.ascii_lowercase) + list(string.digits)
PUNCT = list(string.punctuation) + ["…", "–", "—", "’", "“", "”"]


def vocabulary():
    """The fixed vocabulary, in id order (no duplicates)."""
    vocab = []
    for tok in SPECIALS + WORDS + PIECES + CHARS + ["##" + c for c in CHARS] + PUNCT:
        if tok not in vocab:
            vocab.append(tok)
    return vocab


def make_tokenizer_dir(path):
    """Save a BERT-style fast tokenizer with the fixed vocabulary into `path`."""
    from tokenizers import Tokenizer, decoders, models, normalizers, pre_tokenizers, processors
    from transformers import PreTrainedTokenizerFast

    vocab = {tok: i for i, tok in enumerate(vocabulary())}
    tok = Tokenizer(models.WordPiece(vocab=vocab, unk_token="[UNK]", max_input_chars_per_word=100))
    tok.normalizer = normalizers.BertNormalizer(lowercase=True)
    tok.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    tok.decoder = decoders.WordPiece(prefix="##")
    tok.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]", pair="[CLS] $A [SEP] $B:1 [SEP]:1",
        special_tokens=[("[CLS]", vocab["[CLS]"]), ("[SEP]", vocab["[SEP]"])])
    fast = PreTrainedTokenizerFast(tokenizer_object=tok, unk_token="[UNK]", pad_token="[PAD]",
                                   cls_token="[CLS]", sep_token="[SEP]", mask_token="[MASK]",
                                   model_max_length=512)
    os.makedirs(path, exist_ok=True)
    fast.save_pretrained(path)
    return path


def make_bert_dir(path, hidden=32, layers=2, heads=2, inter=64, seed=0):
    """Save a random-init BertModel (safetensors) plus the tokenizer into `path`."""
    from transformers import BertConfig, BertModel

    make_tokenizer_dir(path)
    torch.manual_seed(seed)
    cfg = BertConfig(vocab_size=len(vocabulary()), hidden_size=hidden, num_hidden_layers=layers,
                     num_attention_heads=heads, intermediate_size=inter, max_position_embeddings=512)
    BertModel(cfg).save_pretrained(path, safe_serialization=True)
    return path


def deberta_vocabulary():
    """(piece, log-probability) pairs of a fixed SentencePiece-style Unigram vocabulary, in id order:
    DeBERTa-v3's special ids first, whole words (lower case and capitalised) above single characters,
    so that words outside WORDS split into several pieces; [MASK] last, as in DeBERTa-v3."""
    pieces = [p for w in WORDS for p in ("\u2581" + w, "\u2581" + w.capitalize())]
    pieces += ["\u2581"] + [p[2:] for p in PIECES] + list(string.ascii_letters) + list(string.digits) + PUNCT
    vocab = [(t, 0.0) for t in ("[PAD]", "[CLS]", "[SEP]", "[UNK]")]
    vocab += [(p, -2.0 - 0.001 * i if len(p) > 1 else -8.0) for i, p in enumerate(dict.fromkeys(pieces))]
    return vocab + [("[MASK]", 0.0)]


def make_deberta_tokenizer_dir(path):
    """Save a DeBERTa-v2/v3 tokenizer (Unigram, Metaspace) with the fixed vocabulary into `path`."""
    from transformers import DebertaV2Tokenizer

    os.makedirs(path, exist_ok=True)
    DebertaV2Tokenizer(vocab=deberta_vocabulary(), model_max_length=512).save_pretrained(path)
    return path


DEBERTA_V3 = dict(relative_attention=True, pos_att_type=["p2c", "c2p"], position_buckets=8,
                  max_relative_positions=-1, share_att_key=True, norm_rel_ebd="layer_norm",
                  position_biased_input=False, type_vocab_size=0, layer_norm_eps=1e-7)


def make_deberta_dir(path, hidden=32, layers=2, heads=2, inter=64, seed=0, std=0.1, **overrides):
    """Save a random DeBERTa-v3-shaped DebertaV2Model (8 position buckets) plus its tokenizer into `path`.
    Weights are redrawn with std `std` (HF's 0.02 leaves relative positions almost without effect, so
    every <<ENT>> token would get nearly the same vector); LayerNorms keep weight 1, bias 0."""
    from transformers import DebertaV2Config, DebertaV2Model

    make_deberta_tokenizer_dir(path)
    torch.manual_seed(seed)
    cfg = DebertaV2Config(vocab_size=len(deberta_vocabulary()), hidden_size=hidden, num_hidden_layers=layers,
                          num_attention_heads=heads, intermediate_size=inter, max_position_embeddings=512,
                          **{**DEBERTA_V3, **overrides})
    model = DebertaV2Model(cfg)
    with torch.no_grad():
        for name, param in model.named_parameters():
            if "LayerNorm" not in name:
                param.normal_(0.0, std)
    model.save_pretrained(path, safe_serialization=True)
    return path


BACKBONES = {"bert": make_bert_dir, "deberta": make_deberta_dir}


def make_reference_span_model(tmpdir, seed=0, backbone="bert", **config_overrides):
    """Build a tiny GLiNER (span by default) on a local BERT (or DeBERTa-v3-shaped) backbone.

    Overrides go to GLiNERConfig, e.g. span_mode="token_level",
    labels_encoder=make_bert_dir(...), post_fusion_schema="l2l-l2t-t2t".
    The backbone folder is `tmpdir/<backbone>` (created if missing).
    """
    from gliner import GLiNER, GLiNERConfig

    folder = os.path.join(tmpdir, backbone)
    if not os.path.exists(os.path.join(folder, "config.json")):
        BACKBONES[backbone](folder)
    kwargs = dict(model_name=folder, hidden_size=32, max_width=12)
    kwargs.update(config_overrides)
    torch.manual_seed(seed)  # embedding resize for the new special tokens samples the RNG
    model = GLiNER.from_config(GLiNERConfig(**kwargs), backbone_from_pretrained=True,
                               local_files_only=True)
    return model.eval()


def make_reference_token_model(tmpdir, seed=0, **overrides):
    return make_reference_span_model(tmpdir, seed, span_mode="token_level", **overrides)


def make_reference_biencoder_model(tmpdir, seed=0, post_fusion=False, labels_hidden=32, labels_backbone="bert",
                                   **overrides):
    """A bi-encoder (poly-encoder with post_fusion) whose label encoder is a tiny random BERT (or
    DeBERTa-v3-shaped) sentence-encoder folder `tmpdir/labels_<labels_backbone>_<labels_hidden>`; a width
    other than hidden_size (32) gives the model a labels_projection. Overrides may pick backbone= too."""
    labels_dir = os.path.join(tmpdir, f"labels_{labels_backbone}_{labels_hidden}")
    if not os.path.exists(os.path.join(labels_dir, "config.json")):
        BACKBONES[labels_backbone](labels_dir, hidden=labels_hidden, heads=2, inter=2 * labels_hidden, seed=1)
    if post_fusion:
        overrides.setdefault("post_fusion_schema", "l2l-l2t-t2t")
    return make_reference_span_model(tmpdir, seed, labels_encoder=labels_dir, **overrides)


@torch.no_grad()
def reference_bi_forward(model, texts, labels):
    """Bi-/poly-encoder intermediates (eval): label_vectors (C, D) from the label encoder, fused
    words (B, W, D) and labels (B, C, D) before the head, logits, word mask, batch."""
    model.eval()
    _, batch = reference_batch(model, texts, labels)
    core = model.model
    rep = core.get_representations(**{k: batch[k] for k in (
        "input_ids", "attention_mask", "labels_input_ids", "labels_attention_mask", "text_lengths", "words_mask")})
    return {"label_vectors": core.token_rep_layer.encode_labels(batch["labels_input_ids"], batch["labels_attention_mask"]),
            "words": rep.words_embedding, "labels": rep.prompts_embedding, "word_mask": rep.mask.bool(),
            "logits": core(**batch).logits, "batch": batch}


def spread_scores(model, seed=0, std=0.5):
    """Re-draw the last layers of the span and prompt FFNs (zero bias) so that
    sigmoid scores spread over ~0..0.6 instead of clustering at ~0.52-0.54;
    makes thresholds 0.3/0.5 and flat/nested decoding meaningful. In place."""
    g = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for lin in (model.model.prompt_rep_layer[3], model.model.span_rep_layer.span_rep_layer.out_project[3]):
            lin.weight.copy_(torch.randn(lin.weight.shape, generator=g) * std)
            lin.bias.zero_()
    return model


@torch.no_grad()
def spread_token_scores(model, texts, labels, seed=0, width=2.0):
    """Re-draw the token scorer's last layer so that start/end/inside probabilities spread around 0.5
    on these texts (centre each channel, then scale its logits to std `width`; inside shifted up) and
    thresholds decode differently. A large width also magnifies float32 noise in the logits."""
    g = torch.Generator().manual_seed(seed)
    last = model.model.scorer.out_mlp[3]
    last.weight.copy_(torch.randn(last.weight.shape, generator=g))
    last.bias.zero_()
    logits = model.model(**reference_batch(model, texts, labels)[1]).logits   # (B, W, C, 3)
    spread = logits.flatten(0, 2).std(0)                                       # (3,)
    last.weight.mul_(width / spread[:, None])
    last.bias.copy_(-logits.flatten(0, 2).mean(0) * width / spread + torch.tensor([0.0, 0.0, 1.0]))
    return model


def save_reference(model, path, safe_serialization=True):
    """model.save_pretrained: model.safetensors, or pytorch_model.bin with safe_serialization=False."""
    model.save_pretrained(path, safe_serialization=safe_serialization)
    return path


def load_reference(path):
    from gliner import GLiNER

    return GLiNER.from_pretrained(path, local_files_only=True).eval()


# ---------------------------------------------------------------------------
# Calling the reference pieces directly (parity tests)
# ---------------------------------------------------------------------------

def reference_batch(model, texts, labels):
    """Inference-time batch exactly as `model.inference` builds it (one chunk)."""
    prepared = model.prepare_batch(texts, labels)
    batch = model.collate_batch(prepared["input_x"], prepared["entity_types"], model.create_collator())
    return prepared, batch


@torch.no_grad()
def reference_forward(model, texts, labels):
    """Intermediate tensors of one uni-encoder span forward pass (eval mode).

    Returns word_vectors (B,W,D) = BiLSTM output fed to the span layer,
    word_vectors_pre_lstm (first-subword vectors), label_vectors (B,C,D) after
    the prompt FFN, label_vectors_pre_ffn (encoder output at <<ENT>>),
    span_logits (B,W,K,C), span_mask (B,W,K) bool, plus the batch itself.
    Empty/whitespace texts are dropped (as `inference` does).
    """
    model.eval()
    prepared, batch = reference_batch(model, texts, labels)
    core = model.model
    seen = {}
    hooks = [core.prompt_rep_layer.register_forward_hook(
        lambda m, i, o: seen.update(label_pre=i[0], label_post=o))]
    if hasattr(core, "rnn"):
        hooks.append(core.rnn.register_forward_hook(
            lambda m, i, o: seen.update(word_pre=i[0], word_post=o)))
    try:
        out = core(**batch)
    finally:
        for h in hooks:
            h.remove()
    B, W, K, C = out.logits.shape
    return {
        "word_vectors": out.words_embedding,
        "word_vectors_pre_lstm": seen.get("word_pre"),
        "label_vectors": seen["label_post"],
        "label_vectors_pre_ffn": seen["label_pre"],
        "label_mask": out.prompts_embedding_mask,
        "span_logits": out.logits,
        "span_mask": batch["span_mask"].view(B, W, K),
        "word_mask": out.mask,
        "batch": batch,
        "prepared": prepared,
    }


def reference_loss(model, examples, labels, **loss_kwargs):
    """Training loss of the reference on GLiNER JSON examples, in eval mode (no dropout).

    examples: [{"tokenized_text": [...], "ner": [[start, end_inclusive, label], ...]}]
    labels: one list shared by all examples, or one list per example.
    loss_kwargs go to UniEncoderSpanModel.loss: alpha, gamma, prob_margin,
    label_smoothing, reduction ("sum" default | "mean"), negatives, masking.
    Returns (loss, batch); batch["labels"] is (B, W*K, C).
    """
    model.eval()
    if not labels or isinstance(labels[0], str):
        labels = [list(labels)] * len(examples)  # the collator needs per-example lists
    collator = model.data_collator_class(model.config, data_processor=model.data_processor,
                                         prepare_labels=True)
    batch = collator(examples, entity_types=labels)
    loss_kwargs.setdefault("masking", "none")  # "global" would draw random numbers
    out = model.model(**batch, **loss_kwargs)
    return out.loss, batch


def reference_entities(model, texts, labels, threshold=0.5, flat_ner=True, multi_label=False,
                       batch_size=8):
    """Public decoding: list (per text) of {start, end, text, label, score} dicts."""
    return model.inference(texts, labels, flat_ner=flat_ner, threshold=threshold,
                           multi_label=multi_label, batch_size=batch_size)
