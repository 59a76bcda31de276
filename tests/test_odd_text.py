"""Odd text: the returned entity text is always original[start:end], whatever the script, spacing or length."""
import pytest

from minigliner.core.prompt import split_words

LABELS = ["person", "city"]

ODD = {
    "accents": "Zoë and Renée visited Zürich, São Paulo and Kraków.",
    "combining marks": "Zoe\u0308 met Rene\u0301e in Zu\u0308rich .",        # e + combining diaeresis / acute
    "cjk": "东京是日本的首都。 Tokyo 和 大阪 are cities 。",
    "emoji": "🙂 Anna 👩‍👩‍👧 met 🇫🇷 Paul in Paris 🎉🎉",
    "arabic rtl": "ذهب محمد إلى القاهرة مع سارة .",
    "hebrew rtl with ltr": "דוד גר ב Tel Aviv עם שרה .",
    "tabs and newlines": "John\tlives\nin\r\nParis\t\t.\n\n",
    "repeated spaces": "   John      lives   in     Paris   .   ",
    "punctuation only": "?!... ,,, --- ??? !!! (((",
    "zero width and nbsp": "John\u200bSmith\u00a0lives\u2003in\ufeffParis",
    "one 5000-character latin word": "x" * 5000,
    "one 5000-character accented word": "é" * 5000,
    "5000 emoji": "🙂" * 5000,
}


def check_offsets(text, entities):
    starts = {w.start for w in split_words(text)}
    ends = {w.end for w in split_words(text)}
    for e in entities:
        assert 0 <= e["start"] < e["end"] <= len(text)
        assert e["text"] == text[e["start"]:e["end"]]
        assert e["start"] in starts and e["end"] in ends       # on word boundaries, never inside a word


@pytest.mark.parametrize("name", ODD)
@pytest.mark.parametrize("flat,multi", [(True, False), (False, True)])
def test_entity_text_is_the_original_slice(tiny_model, name, flat, multi):
    text = ODD[name]
    entities = tiny_model.predict_entities(text, LABELS, threshold=0.0, flat_ner=flat, multi_label=multi)
    assert entities                                               # threshold 0: something is always returned
    check_offsets(text, entities)


def test_a_huge_cjk_word_is_read_as_unknown_with_a_warning(tiny_model):
    """5000 CJK characters are 5000 subwords: more than any window; the word is read as [UNK], offsets kept."""
    huge, short = "东" * 5000, "x" * 150                      # WordPiece reads a 150-character word as [UNK] too
    assert tiny_model.tokenizer.encode([short], is_pretokenized=True, add_special_tokens=False).tokens == ["[UNK]"]
    text = f"Anna met {huge} in Paris ."
    with pytest.warns(UserWarning, match=r"1 words are longer than the \d+ subwords left after the label prompt "
                                         r"\(word 2 is 5000\); the model reads them as \[UNK\]"):
        got = tiny_model.predict_entities(text, LABELS, threshold=0.0, flat_ner=False)
    check_offsets(text, got)
    assert any(e["text"] == huge for e in got)
    same = tiny_model.predict_entities(f"Anna met {short} in Paris .", LABELS, threshold=0.0, flat_ner=False)
    shift = len(huge) - len(short)
    key = lambda e: (e["text"].replace(huge, short), e["label"], round(e["score"], 6))
    assert [key(e) for e in got] == [key(e) for e in same]                  # the same scores: [UNK] either way
    assert [e["start"] for e in got if e["start"] > 10] == [e["start"] + shift for e in same if e["start"] > 10]


@pytest.mark.parametrize("text,spare", [("John lives in Paris .", 504), ("John lives in Paris . " * 60, 253)])
def test_a_label_longer_than_any_prompt_raises_clearly(tiny_model, text, spare):
    """Too many labels are split into groups (tests/test_windows.py); one label too long for any group is an error.
    The prompt may take what the text leaves, at most half of the 512 positions when the text is long."""
    labels = ["person", "东" * 600, "city"]
    with pytest.raises(ValueError, match=rf"label 1 alone takes 601 subwords of prompt, more than the {spare} "
                                         r"the encoder can spare next to the text; shorten it"):
        tiny_model.predict_entities(text, labels)


def test_a_huge_word_among_labels_split_into_groups_is_read_as_unknown(tiny_model):
    """320 labels need several prompts; the word must fit next to the fullest one, else it is read as [UNK]."""
    labels = [f"{w} type {i}" for i, w in enumerate(["person", "city", "date", "company", "team"] * 64)]
    text = f"Anna met {'东' * 400} in Paris ."
    with pytest.warns(UserWarning, match=r"1 words are longer than the \d+ subwords left after the label prompt "
                                         r"\(word 2 is 400\)"):
        got = tiny_model.predict_entities(text, labels, threshold=0.0, flat_ner=False, multi_label=True)
    check_offsets(text, got)
    assert {e["label"] for e in got} - set(labels[:100])       # labels of later groups are read too


def test_a_label_prompt_that_just_fits_still_predicts(tiny_model):
    labels = [f"label {i}" for i in range(55)]
    cost = len(tiny_model.tokenizer.encode(
        [p for lab in labels for p in ("<<ENT>>", lab)] + ["<<SEP>>"], is_pretokenized=True).ids)
    assert 400 < cost < 512
    text = "John lives in Paris . " * 40                            # forces many small windows
    check_offsets(text, tiny_model.predict_entities(text, labels, threshold=0.0))


@pytest.mark.parametrize("text,labels,words", [
    ("John \ud800 lives", LABELS, r"text holds a lone surrogate '\\ud800' at character 5: not valid Unicode"),
    ("John lives", ["person", "ci\udcfft"], r"label 'ci\\udcfft' holds a lone surrogate"),
])
def test_lone_surrogates_raise_clearly(tiny_model, text, labels, words):
    with pytest.raises(ValueError, match=words):
        tiny_model.predict_entities(text, labels)
