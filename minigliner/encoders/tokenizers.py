"""Tokenizers of encoder folders: tokenizer.json, vocab.txt (WordPiece) or spm.model (DeBERTa-v2/v3), and
the prompt's marker tokens added to them. They never truncate or pad: the model splits long inputs itself.
"""
from __future__ import annotations

import json
from pathlib import Path

from tokenizers import Regex, Tokenizer, normalizers, pre_tokenizers, processors
from tokenizers.implementations import BertWordPieceTokenizer

from .sentencepiece import spm_tokenizer

MARKER_TOKENS = ("[FLERT]",)  # added before <<ENT>> and <<SEP>> so token ids match official checkpoints


def load_tokenizer(folder: str | Path) -> Tokenizer:
    """Load tokenizer.json (or build WordPiece from vocab.txt); never truncates or pads by itself."""
    folder = Path(folder)
    cfg_path = folder / "tokenizer_config.json"
    settings = json.loads(cfg_path.read_text()) if cfg_path.is_file() else {}
    if (folder / "tokenizer.json").is_file():
        tok = Tokenizer.from_file(str(folder / "tokenizer.json"))
        if settings.get("tokenizer_class") in DEBERTA_TOKENIZERS:
            _deberta_pipeline(tok, settings)
    elif (folder / "vocab.txt").is_file():
        tok = BertWordPieceTokenizer(str(folder / "vocab.txt"), lowercase=settings.get("do_lower_case", True))._tokenizer
    elif (folder / "spm.model").is_file():  # DeBERTa-v2/v3 repositories ship only the SentencePiece model
        specials = [_content(settings.get(f"{k}_token", v)) for k, v in DEBERTA_SPECIALS.items()]
        tok = spm_tokenizer(folder / "spm.model", specials)
        _deberta_pipeline(tok, settings)
    else:
        raise FileNotFoundError(f"{folder}: no tokenizer.json, vocab.txt or spm.model")
    tok.no_truncation()  # long inputs are split into windows by the model, never cut here
    tok.no_padding()
    return tok


DEBERTA_TOKENIZERS = ("DebertaV2Tokenizer", "DebertaV2TokenizerFast")
DEBERTA_SPECIALS = {"bos": "[CLS]", "eos": "[SEP]", "unk": "[UNK]", "sep": "[SEP]", "pad": "[PAD]",
                    "cls": "[CLS]", "mask": "[MASK]"}  # DebertaV2Tokenizer's defaults, in the order it adds them


def _deberta_pipeline(tok: Tokenizer, settings: dict) -> None:
    """Keep tokenizer.json's Unigram vocabulary; rebuild normalizer, pre-tokenizer and template from
    tokenizer_config.json, as transformers 5 (under the reference gliner 0.2.29) does for DeBERTa-v2/v3."""
    steps = [normalizers.Lowercase()] if settings.get("do_lower_case", False) else []
    tok.normalizer = normalizers.Sequence(steps + [
        normalizers.Replace(Regex(r"\s{2,}|[\n\r\t]"), " "), normalizers.NFC(),
        normalizers.Strip(left=False, right=True)])
    scheme = "always" if settings.get("add_prefix_space", True) else "first"
    split = [pre_tokenizers.Punctuation(behavior="isolated")] if settings.get("split_by_punct", False) else []
    tok.pre_tokenizer = pre_tokenizers.Sequence(split + [pre_tokenizers.Metaspace(prepend_scheme=scheme)])
    cls, sep = (_content(settings.get(k, default)) for k, default in (("cls_token", "[CLS]"), ("sep_token", "[SEP]")))
    tok.post_processor = processors.TemplateProcessing(
        single=f"{cls}:0 $A:0 {sep}:0", pair=f"{cls}:0 $A:0 {sep}:0 $B:1 {sep}:1",
        special_tokens=[(cls, tok.token_to_id(cls) or 0), (sep, tok.token_to_id(sep) or 0)])


def _content(token) -> str:
    """A special token of tokenizer_config.json: a string, or an AddedToken dict in older files."""
    return token["content"] if isinstance(token, dict) else token


def add_marker_tokens(tok: Tokenizer, ent_token: str, sep_token: str) -> tuple[int, int]:
    """Add [FLERT], <<ENT>>, <<SEP>> as special tokens (appended to the vocabulary); return the ids of <<ENT>> and <<SEP>>."""
    tok.add_special_tokens([*MARKER_TOKENS, ent_token, sep_token])
    return tok.token_to_id(ent_token), tok.token_to_id(sep_token)


def without_unembedded_tokens(tok: Tokenizer, vocab_size: int) -> Tokenizer:
    """A copy of tok without the added tokens whose id has no embedding row (id >= vocab_size).

    gliner 0.2.29 adds [FLERT], <<ENT>>, <<SEP>> to a bi-encoder's text tokenizer but does not resize the text
    encoder's embeddings; the text encoder never reads a marker, so a text word that spells one is read as
    ordinary characters instead of an id past the embedding table."""
    spec = json.loads(tok.to_str())
    spec["added_tokens"] = [t for t in spec["added_tokens"] if t["id"] < vocab_size]
    return Tokenizer.from_str(json.dumps(spec))
