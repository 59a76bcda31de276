"""Words, the label prompt, subword alignment and word pooling."""
import re

import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from minigliner.core.prompt import (encode_prompts, gather_labels, label_prompt, pool_words, split_words,
                                    subword_costs, text_subword_costs)
from minigliner.encoders.tokenizers import add_marker_tokens, load_tokenizer

ENT, SEP = "<<ENT>>", "<<SEP>>"
TEXTS = [
    "Arnold Schwarzenegger visited Copenhagen on Tuesday .",
    "Zoë Saldaña met Søren Kierkegaard's great-grandson in Malmö , 1996-12-06 !",
    "東京 and 北京 are capitals 🙂 ; state_of_the_art e-mail",
    "a",
]
LABELS = [["person", "city"], ["organization name", "date"], ["capital city", "emoji", "thing"], ["x"]]


@pytest.fixture(scope="module")
def tok(minilm):
    tok = load_tokenizer(minilm)
    add_marker_tokens(tok, ENT, SEP)
    return tok


# ---- split_words ---------------------------------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("Zoë  went\tto\nMalmö.", ["Zoë", "went", "to", "Malmö", "."]),
    ("Cafe\u0301 ok", ["Cafe", "\u0301", "ok"]),        # a decomposed accent is its own word, as in gliner
    ("I 🙂 you🙂!", ["I", "🙂", "you", "🙂", "!"]),
    ("東京タワー に 行く", ["東京タワー", "に", "行く"]),
    ("  state_of-the art  ", ["state_of-the", "art"]),
    ("\t\n\r ", []),
    ("a \u200b b", ["a", "\u200b", "b"]),
])
def test_split_words_hand_examples(text, expected):
    words = split_words(text)
    assert [w.text for w in words] == expected
    for w in words:
        assert text[w.start:w.end] == w.text


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60))
def test_split_words_offsets_property(text):
    words = split_words(text)
    for w in words:
        assert text[w.start:w.end] == w.text and w.text
    assert all(a.end <= b.start for a, b in zip(words, words[1:]))
    assert "".join(w.text for w in words) == re.sub(r"\s", "", text)   # only whitespace is dropped


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40))
def test_split_words_matches_the_reference_splitter(text):
    from gliner.data_processing.tokenizer import WhitespaceTokenSplitter
    assert [(w.text, w.start, w.end) for w in split_words(text)] == list(WhitespaceTokenSplitter()(text))


# ---- the prompt and the alignment -----------------------------------------------------------

def test_label_prompt_layout():
    assert label_prompt(["a b", "c"], ENT, SEP) == [ENT, "a b", ENT, "c", SEP]


def test_marker_tokens_are_single_new_ids(tok, minilm):
    base = load_tokenizer(minilm).get_vocab_size()
    ent_id, sep_id = tok.token_to_id(ENT), tok.token_to_id(SEP)
    assert tok.get_vocab_size() == base + 3 and {ent_id, sep_id} <= set(range(base, base + 3))
    assert tok.encode([ENT, "person", SEP], is_pretokenized=True, add_special_tokens=False).ids[::2] == [ent_id, sep_id]


def test_word_ids_agree_with_transformers(tok, tmp_path):
    from transformers import PreTrainedTokenizerFast
    tok.save(str(tmp_path / "tokenizer.json"))
    fast = PreTrainedTokenizerFast(tokenizer_file=str(tmp_path / "tokenizer.json"))
    words = [[w.text for w in split_words(t)] for t in TEXTS] + [["a", "\u200b", "b"]]
    labels = LABELS + [["person"]]
    batch = encode_prompts(tok, words, labels, ENT, SEP, 512)
    split_seen = False
    for b, (ws, ls) in enumerate(zip(words, labels)):
        prompt = label_prompt(ls, ENT, SEP)
        enc = fast(prompt + ws, is_split_into_words=True)
        n = len(enc["input_ids"])
        assert batch.input_ids[b, :n].tolist() == enc["input_ids"]
        assert batch.attention_mask[b].sum() == n and not batch.attention_mask[b, n:].any()
        expected = [-1 if w is None or w < len(prompt) else w - len(prompt) for w in enc.word_ids()]
        assert batch.word_ids[b, :n].tolist() == expected
        assert (batch.word_ids[b, n:] == -1).all()
        assert batch.num_words[b] == len(ws)
        split_seen |= len(expected) - expected.count(-1) > len(ws)
    assert split_seen  # some word really has several subwords


@pytest.mark.parametrize("family", ["bert", "deberta"])
def test_text_costs_equal_each_word_tokenized_on_its_own(family, tok, tmp_path):
    from reference_models import make_deberta_tokenizer_dir
    tokenizer = tok if family == "bert" else load_tokenizer(make_deberta_tokenizer_dir(tmp_path / "deberta"))
    texts = [[w.text for w in split_words(t)] for t in TEXTS] + [["a", "\u200b", "b", "\x00"], [], ["<<ENT>>", "x"]]
    costs = text_subword_costs(tokenizer, texts)
    assert costs == [subword_costs(tokenizer, words) for words in texts]
    assert any(c > 1 for row in costs for c in row)                       # words split into several subwords
    assert family == "deberta" or 0 in costs[len(TEXTS)]                  # BERT: a word without subwords


def test_label_positions_point_at_ent_tokens(tok):
    words = [[w.text for w in split_words(t)] for t in TEXTS]
    batch = encode_prompts(tok, words, LABELS, ENT, SEP, 512)
    ent_id = tok.token_to_id(ENT)
    assert batch.label_positions.shape == batch.label_mask.shape == (len(TEXTS), 3)
    for b, labels in enumerate(LABELS):
        assert batch.label_mask[b].tolist() == [c < len(labels) for c in range(3)]
        pos = batch.label_positions[b, :len(labels)]
        assert (batch.input_ids[b, pos] == ent_id).all()
        assert pos.tolist() == (batch.input_ids[b] == ent_id).nonzero().flatten().tolist()
        # each label's text follows its <<ENT>>
        first_label_ids = tok.encode(labels[0], add_special_tokens=False).ids
        assert batch.input_ids[b, pos[0] + 1: pos[0] + 1 + len(first_label_ids)].tolist() == first_label_ids



def test_a_marker_typed_inside_a_label_or_a_text_word_is_not_a_label_position(tok):
    """Found by the property tests: a label '<<ENT>>' used to count as a second label and crash the batch."""
    labels = [["<<ENT>>", "city"], ["person <<ENT>> x", "<<SEP>>"]]
    words = [["John", "<<ENT>>", "Paris"], ["Anna"]]
    batch = encode_prompts(tok, words, labels, ENT, SEP, 512)
    assert batch.label_mask.all() and batch.label_positions.shape == (2, 2)
    for b in range(2):
        enc = tok.encode(label_prompt(labels[b], ENT, SEP) + words[b], is_pretokenized=True)
        marks = [i for i, w in enumerate(enc.word_ids) if w in (0, 2) and enc.ids[i] == tok.token_to_id(ENT)]
        assert batch.label_positions[b].tolist() == [marks[0], marks[-1]]
        assert enc.ids.count(tok.token_to_id(ENT)) > 2               # the extra markers are really in the input

def test_too_long_prompt_names_the_subword_count(tok):
    words = [["Schwarzenegger"] * 10]
    n = len(tok.encode(label_prompt(["person"], ENT, SEP) + words[0], is_pretokenized=True).ids)
    assert encode_prompts(tok, words, [["person"]], ENT, SEP, n).input_ids.shape == (1, n)  # exactly fits
    with pytest.raises(ValueError, match=rf"prompt \+ text is {n} subwords, more than the encoder's {n - 1}"):
        encode_prompts(tok, words, [["person"]], ENT, SEP, n - 1)


def test_load_tokenizer_needs_a_vocabulary(tmp_path):
    with pytest.raises(FileNotFoundError, match="no tokenizer.json, vocab.txt or spm.model"):
        load_tokenizer(tmp_path)


def test_load_tokenizer_never_truncates(minilm):
    tok = load_tokenizer(minilm)
    assert len(tok.encode(" ".join(["word"] * 700)).ids) == 702


# ---- pooling -----------------------------------------------------------------------------------

def loop_pool(hidden, word_ids, W, mode):
    B, L, D = hidden.shape
    out = torch.zeros(B, W, D)
    for b in range(B):
        for w in range(W):
            rows = [hidden[b, t] for t in range(L) if word_ids[b, t] == w]
            if not rows:
                continue
            stack = torch.stack(rows)
            out[b, w] = {"first": rows[0], "last": rows[-1], "mean": stack.mean(0),
                         "max": stack.max(0).values}[mode]
    return out


@pytest.mark.parametrize("mode", ["first", "last", "mean", "max"])
def test_pool_words_equals_a_loop(mode):
    torch.manual_seed(3)
    word_ids = torch.tensor([
        [-1, -1, 0, 0, 0, 1, 2, 2, -1, -1, -1],   # word 3 of 5 has no subwords, 4 too; padding at the end
        [-1, 0, 1, 1, 3, 3, 3, 4, -1, -1, -1],    # word 2 has no subwords
        [-1, -1, -1, 0, -1, -1, -1, -1, -1, -1, -1],
    ])
    hidden = torch.randn(3, 11, 4) - 2.0          # negative values: max must not be clipped at zero
    got = pool_words(hidden, word_ids, 5, mode)
    assert got.shape == (3, 5, 4)
    torch.testing.assert_close(got, loop_pool(hidden, word_ids, 5, mode), atol=1e-6, rtol=0)


@pytest.mark.parametrize("mode", ["first", "last", "mean", "max"])
def test_word_without_subwords_gets_zeros_and_does_not_shift_later_words(tok, mode):
    text = "Mary \u200b Schwarzenegger"
    words = [w.text for w in split_words(text)]
    assert words == ["Mary", "\u200b", "Schwarzenegger"]
    batch = encode_prompts(tok, [words, ["Mary", "Schwarzenegger"]], [["person"]] * 2, ENT, SEP, 512)
    row = batch.word_ids[0].tolist()
    assert 1 not in row and row.count(2) >= 2 and row.count(0) == 1
    torch.manual_seed(0)
    hidden = torch.randn(1, batch.input_ids.shape[1], 6)
    pooled = pool_words(hidden, batch.word_ids[:1], 3, mode)
    assert torch.equal(pooled[0, 1], torch.zeros(6))
    # the last word's vector is the one pooled from exactly its own subwords
    expected = loop_pool(hidden, batch.word_ids[:1], 3, mode)[0, 2]
    torch.testing.assert_close(pooled[0, 2], expected)
    assert not torch.equal(pooled[0, 2], torch.zeros(6))


def test_gather_labels_takes_the_ent_vectors_and_zeroes_padding():
    hidden = torch.arange(2 * 6 * 3, dtype=torch.float).view(2, 6, 3)
    positions = torch.tensor([[1, 3], [2, 0]])
    mask = torch.tensor([[True, True], [True, False]])
    out = gather_labels(hidden, positions, mask)
    assert torch.equal(out[0, 0], hidden[0, 1]) and torch.equal(out[0, 1], hidden[0, 3])
    assert torch.equal(out[1, 0], hidden[1, 2]) and torch.equal(out[1, 1], torch.zeros(3))
