"""Older gliner folders: model_name and no encoder_config, numbers written as strings, keys minigliner does not
use (listed once at load time), settings that would change the outputs refused by name."""
import json
import shutil
import warnings

import pytest
import torch
from reference_models import PARITY_LABELS, PARITY_TEXTS

from minigliner import GLiNER


def rewrite(folder, tmp_path, change):
    """A copy of the saved reference folder whose gliner_config.json went through change(raw)."""
    copy = tmp_path / "old"
    shutil.copytree(folder, copy)
    raw = json.loads((copy / "gliner_config.json").read_text())
    change(raw)
    (copy / "gliner_config.json").write_text(json.dumps(raw))
    return copy


def test_an_old_config_loads_and_predicts_as_the_new_one(reference_span, tiny_model, tmp_path):
    _, folder = reference_span
    backbone = folder.parent / "bert"                                  # the tiny BERT the reference was built on

    def old(raw):
        raw.pop("encoder_config")
        raw.update(model_name=str(backbone), max_width="12", hidden_size="32", dropout="0.4", max_len="384",
                   vocab_size=str(raw["vocab_size"]), lr_encoder="1e-5", lr_others="5e-5", num_steps="30000",
                   train_data="data/pilener_train.json")
    with pytest.warns(UserWarning, match=r"keys minigliner does not use .*lr_encoder, lr_others.*num_steps") as seen:
        loaded = GLiNER.from_pretrained(rewrite(folder, tmp_path, old))
    assert sum("does not use" in str(w.message) for w in seen) == 1   # listed once
    assert (loaded.config.max_width, loaded.config.hidden_size, loaded.config.dropout) == (12, 32, 0.4)
    assert loaded.inference(PARITY_TEXTS, PARITY_LABELS, threshold=0.3) == tiny_model.inference(
        PARITY_TEXTS, PARITY_LABELS, threshold=0.3)


@pytest.mark.parametrize("key,value,message", [
    ("max_width", "twelve", r"max_width='twelve' is not a number"),
    ("max_width", "12.5", "must be a whole number"),
    ("represent_spans", True, "a token model with a span layer"),
    ("span_encoder_config", {"type": "rnn"}, "a context encoder on the spans"),
])
def test_what_cannot_be_read_is_refused_by_name(reference_span, tmp_path, key, value, message):
    _, folder = reference_span
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with pytest.raises(ValueError, match=message):
            GLiNER.from_pretrained(rewrite(folder, tmp_path, lambda raw: raw.update({key: value})))


def test_chinese_and_japanese_splitters_read_characters_and_others_are_named(reference_span, tiny_model, tmp_path):
    from minigliner.core.prompt import split_words
    assert [w.text for w in split_words("李白住在长安。Li Bai lived in Chang'an.", "char")][:7] == \
        ["李", "白", "住", "在", "长", "安", "。"]
    assert [w.text for w in split_words("李白住在长安", "whitespace")] == ["李白住在长安"]
    _, folder = reference_span
    with pytest.warns(UserWarning, match=r"words_splitter_type='jieba' .* each Chinese or Japanese character"):
        loaded = GLiNER.from_pretrained(rewrite(folder, tmp_path, lambda raw: raw.update(words_splitter_type="jieba")))
    assert loaded.config.words_splitter == "char"
    text = "李白住在长安"
    assert all(e["end"] - e["start"] <= 12 and text[e["start"]:e["end"]] == e["text"]
               for e in loaded.predict_entities(text, ["person", "city"], threshold=0.0))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with pytest.raises(ValueError, match="words_splitter_type='spacy' is not supported .*its own package"):
            GLiNER.from_pretrained(rewrite(folder, tmp_path / "b", lambda raw: raw.update(words_splitter_type="spacy")))
