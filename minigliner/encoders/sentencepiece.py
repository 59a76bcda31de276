"""Reading a SentencePiece model file (spm.model, DeBERTa-v2/v3) into a `tokenizers` Unigram tokenizer.

The file is a protocol-buffer message; the few fields needed (the pieces with their scores and types,
and the id of the unknown piece) are read here by hand, so neither sentencepiece nor protobuf is needed.
Only the vocabulary comes from the file: the normalizer, pre-tokenizer and template are the ones the
reference puts on every DeBERTa-v2/v3 tokenizer (tokenizers.py, _deberta_pipeline).
"""
from __future__ import annotations

import struct
from pathlib import Path

from tokenizers import Tokenizer, models

# field numbers in sentencepiece_model.proto
_PIECES, _TRAINER_SPEC = 1, 2                  # ModelProto
_PIECE, _SCORE, _TYPE = 1, 2, 3                # ModelProto.SentencePiece
_UNK_ID = 40                                   # TrainerSpec (proto default 0)
_CONTROL = 3                                   # SentencePiece.Type of [PAD], [CLS], [SEP]: special tokens


def _varint(data: bytes, i: int) -> tuple[int, int]:
    value, shift = 0, 0
    while True:
        byte = data[i]
        value |= (byte & 0x7F) << shift
        i, shift = i + 1, shift + 7
        if byte < 0x80:
            return value, i


def _fields(data: bytes):
    """(field number, value) pairs of one message: ints for varints and fixed32/64, bytes for the rest."""
    i = 0
    while i < len(data):
        key, i = _varint(data, i)
        field, wire = key >> 3, key & 7
        if wire == 0:
            value, i = _varint(data, i)
        elif wire == 1:
            value, i = data[i:i + 8], i + 8
        elif wire == 2:
            size, i = _varint(data, i)
            value, i = data[i:i + size], i + size
        elif wire == 5:
            value, i = data[i:i + 4], i + 4
        else:
            raise ValueError(f"unsupported protobuf wire type {wire}")
        yield field, value


def read_spm(path: str | Path) -> tuple[list[tuple[str, float, int]], int]:
    """The (piece, score, type) list of an spm.model, in id order, and the id of the unknown piece."""
    pieces, unk_id = [], 0
    try:
        for field, value in _fields(Path(path).read_bytes()):
            if field == _PIECES:
                entry = dict(_fields(value))
                score = struct.unpack("<f", entry[_SCORE])[0] if _SCORE in entry else 0.0
                pieces.append((entry[_PIECE].decode("utf-8"), score, entry.get(_TYPE, 1)))
            elif field == _TRAINER_SPEC:
                unk_id = dict(_fields(value)).get(_UNK_ID, 0)
    except (IndexError, KeyError, UnicodeDecodeError, ValueError, struct.error) as err:
        raise ValueError(f"{path}: not a SentencePiece model file ({err})") from None
    if not pieces:
        raise ValueError(f"{path}: not a SentencePiece model file (no pieces)")
    return pieces, unk_id


def spm_tokenizer(path: str | Path, special_tokens: list[str]) -> Tokenizer:
    """A Unigram tokenizer with the file's pieces and scores; control pieces, then `special_tokens`
    ([MASK] of DeBERTa-v3 is not a piece: it gets the next id), become special tokens."""
    pieces, unk_id = read_spm(path)
    tok = Tokenizer(models.Unigram([(p, s) for p, s, _ in pieces], unk_id=unk_id, byte_fallback=False))
    tok.add_special_tokens([p for p, _, kind in pieces if kind == _CONTROL])
    tok.add_special_tokens(special_tokens)
    return tok
