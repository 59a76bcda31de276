"""The GLiNER model's public surface: input checks, prediction output, batching, saving and loading."""
import json
import shutil

import pytest
import torch
from safetensors.torch import load_file, save_file

from minigliner import GLiNER, GLiNERConfig
from minigliner.core.prompt import split_words

TEXTS = [
    "John was born in Copenhagen in January .",
    "Arnold Schwarzenegger visited the museum in Paris with Mary and Peter on Monday , "
    "said the president of Google , before he moved to Zurich in March .",
    "Einstein lived in Berlin .",
    "",
    "Mary met Paul in London .",
    "Google and Apple are big companies in New York .",
]
LABELS = ["person", "city", "organization", "date"]


@pytest.fixture(scope="module")
def saved(tiny_model, tmp_path_factory):
    folder = tmp_path_factory.mktemp("saved") / "model"
    tiny_model.save_pretrained(folder)
    return folder


# ---- bad input ------------------------------------------------------------------------------

def test_empty_text_gives_no_entities(tiny_model):
    assert tiny_model.predict_entities("", LABELS, threshold=0.0) == []
    assert tiny_model.predict_entities(" \t\n ", LABELS, threshold=0.0) == []
    assert tiny_model.inference(["", "John"], LABELS, threshold=0.0)[0] == []
    assert tiny_model.inference([], LABELS) == []


def test_empty_label_list_raises(tiny_model):
    with pytest.raises(ValueError, match="labels is empty"):
        tiny_model.predict_entities("John lives in Paris .", [])


@pytest.mark.parametrize("labels,words", [
    (["person", 3], r"every label must be a str, got 3 \(int\)"),
    (["person", None], "every label must be a str"),
    ({"person"}, r"labels must be a str, a list of str or a \{name: description\} mapping, got set"),
    (("person", 3), r"every label must be a str, got 3 \(int\)"),
])
def test_non_string_labels_raise_type_error(tiny_model, labels, words):
    with pytest.raises(TypeError, match=words):
        tiny_model.predict_entities("John lives in Paris .", labels)


@pytest.mark.parametrize("label", ["", "   ", "\t"])
def test_blank_label_raises(tiny_model, label):
    with pytest.raises(ValueError, match="labels must be non-empty strings"):
        tiny_model.predict_entities("John lives in Paris .", ["person", label])


@pytest.mark.parametrize("threshold,error,words", [
    (-0.1, ValueError, r"threshold must be in \[0, 1\], got -0.1"),
    (1.5, ValueError, r"threshold must be in \[0, 1\], got 1.5"),
    (float("nan"), ValueError, r"threshold must be in \[0, 1\]"),
    ("0.5", TypeError, "threshold must be a number, got str"),
    (None, TypeError, "threshold must be a number, got NoneType"),
    (True, TypeError, "threshold must be a number, got bool"),
])
def test_bad_threshold_raises(tiny_model, threshold, error, words):
    with pytest.raises(error, match=words):
        tiny_model.predict_entities("John lives in Paris .", LABELS, threshold=threshold)
    with pytest.raises(error, match=words):   # also when there is nothing to predict
        tiny_model.predict_entities("", LABELS, threshold=threshold)


def test_threshold_bounds_are_allowed(tiny_model):
    assert tiny_model.predict_entities("John lives in Paris .", LABELS, threshold=1) == []
    assert tiny_model.predict_entities("John lives in Paris .", LABELS, threshold=0)


def test_a_text_as_str_is_one_text_and_other_types_raise(tiny_model):
    text = "John lives in Paris ."
    assert tiny_model.inference(text, LABELS, threshold=0.3) == tiny_model.inference([text], LABELS, threshold=0.3)
    with pytest.raises(TypeError, match="every text must be a str, got bytes for text 1"):
        tiny_model.inference(["ok", b"John"], LABELS)


def test_duplicate_labels_give_the_deduplicated_result(tiny_model):
    dup = tiny_model.inference(TEXTS, ["person", "city", "person", "date", "city"], threshold=0.3)
    dedup = tiny_model.inference(TEXTS, ["person", "city", "date"], threshold=0.3)
    assert sum(map(len, dedup)) > 0
    assert dup == dedup


# ---- prediction output --------------------------------------------------------------------------

def test_predict_entities_returns_offsets_into_the_original_text(tiny_model):
    text = "  Zoë  met\tArnold Schwarzenegger in\nZürich 🙂 on \u200b Monday ,  said Google .  "
    entities = tiny_model.predict_entities(text, LABELS, threshold=0.2, flat_ner=False)
    assert len(entities) >= 3
    words = split_words(text)
    for e in entities:
        assert set(e) == {"start", "end", "text", "label", "score"}
        assert isinstance(e["start"], int) and isinstance(e["end"], int) and isinstance(e["score"], float)
        assert e["text"] == text[e["start"]:e["end"]] and e["text"] == e["text"].strip()
        assert e["label"] in LABELS and 0.2 < e["score"] <= 1.0
        assert e["start"] in {w.start for w in words} and e["end"] in {w.end for w in words}


def test_predict_entities_is_inference_of_one_text(tiny_model):
    for text in TEXTS[:3]:
        assert tiny_model.predict_entities(text, LABELS, threshold=0.3) == \
            tiny_model.inference([text], LABELS, threshold=0.3)[0]


def test_batch_size_does_not_change_the_result(tiny_model):
    one = tiny_model.inference(TEXTS, LABELS, threshold=0.3, flat_ner=False, batch_size=1)
    eight = tiny_model.inference(TEXTS, LABELS, threshold=0.3, flat_ner=False, batch_size=8)
    key = lambda ents: [(e["start"], e["end"], e["label"]) for e in ents]
    assert sum(map(len, one)) > 5
    assert [key(x) for x in one] == [key(x) for x in eight]
    for a, b in zip(one, eight):
        assert [e["score"] for e in a] == pytest.approx([e["score"] for e in b], abs=1e-5)


def test_inference_restores_training_mode(tiny_model):
    import copy
    m = copy.deepcopy(tiny_model).train()
    m.predict_entities("John lives in Paris .", LABELS)
    assert m.training


# ---- saving and loading -------------------------------------------------------------------------

def logits_of(model, texts=TEXTS[:3]):
    batch = model.prompt_batch([[w.text for w in split_words(t)] for t in texts], [LABELS] * len(texts))
    with torch.no_grad():
        return model(batch)[0]


def test_save_then_load_is_bit_identical(tiny_model, saved):
    assert {p.name for p in saved.iterdir()} == {"minigliner_config.json", "encoder_config.json",
                                                 "model.safetensors", "tokenizer.json"}
    loaded = GLiNER.from_pretrained(saved)
    assert not loaded.training and loaded.config == tiny_model.config
    assert torch.equal(logits_of(loaded), logits_of(tiny_model))
    assert loaded.inference(TEXTS, LABELS, threshold=0.3) == tiny_model.inference(TEXTS, LABELS, threshold=0.3)


def test_saving_twice_overwrites_cleanly(tiny_model, tmp_path):
    tiny_model.save_pretrained(tmp_path)
    tiny_model.save_pretrained(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["minigliner_config.json", "encoder_config.json", "model.safetensors", "tokenizer.json"])


def test_loading_a_folder_with_missing_keys_names_them(saved, tmp_path):
    folder = tmp_path / "broken"
    shutil.copytree(saved, folder)
    state = load_file(folder / "model.safetensors")
    del state["span_rep.start.up.weight"], state["label_ffn.down.bias"]
    save_file(state, folder / "model.safetensors")
    with pytest.raises(ValueError, match=r"missing keys \['label_ffn\.down\.bias', 'span_rep\.start\.up\.weight'\]") as err:
        GLiNER.from_pretrained(folder)
    assert str(folder) in str(err.value)


def test_loading_a_folder_without_config_raises(tmp_path):
    with pytest.raises(FileNotFoundError, match="neither minigliner_config.json nor gliner_config.json"):
        GLiNER.from_pretrained(tmp_path)


def test_unknown_config_keys_are_named(saved, tmp_path):
    folder = tmp_path / "odd"
    shutil.copytree(saved, folder)
    cfg = json.loads((folder / "minigliner_config.json").read_text())
    (folder / "minigliner_config.json").write_text(json.dumps({**cfg, "flux_capacitor": 1}))
    with pytest.raises(ValueError, match=r"unknown config keys \['flux_capacitor'\]"):
        GLiNER.from_pretrained(folder)


@pytest.mark.parametrize("change,words", [
    ({"span_mode": "markerV1"}, "span_mode='markerV1' is not supported"),
    ({"labels_decoder": "some/gpt"}, r"labels_decoder='some/gpt' is not supported \(a label-generating model"),
    ({"relations_layer": "some"}, r"relations_layer='some' is not supported \(a relation-extraction model"),
    ({"labels_encoder": "some/bert"}, "labels_encoder='some/bert' but has no labels_encoder_config"),
    ({"labels_encoder": "some/bert", "labels_encoder_config": {"model_type": "roberta"}},
     r"labels_encoder_config: encoder model_type='roberta' is not supported \(supported: "),
    ({"encoder_config": {"model_type": "roberta"}}, r"encoder model_type='roberta' is not supported \(supported: "
                                                    r"\['bert', 'deberta-v2', 'electra'\]\)"),
    ({"encoder_config": {"model_type": "deberta-v2", "relative_attention": True, "conv_kernel_size": 3}},
     "DeBERTa config conv_kernel_size=3 is not supported"),
])
def test_unsupported_gliner_configs_are_named(reference_span, tmp_path, change, words):
    folder = tmp_path / "gliner"
    shutil.copytree(reference_span[1], folder)
    cfg = json.loads((folder / "gliner_config.json").read_text())
    (folder / "gliner_config.json").write_text(json.dumps({**cfg, **change}))
    with pytest.raises(ValueError, match=words):
        GLiNER.from_pretrained(folder)


# ---- configuration ----------------------------------------------------------------------------------

@pytest.mark.parametrize("change,words", [
    ({"subword_pooling": "avg"}, "subword_pooling must be one of"),
    ({"loss_reduction": "none"}, "loss_reduction must be one of"),
    ({"masking": "all"}, "masking must be one of"),
    ({"max_width": 0}, "max_width, hidden_size and max_len must be positive"),
    ({"window_stride": 500}, r"window_stride must be in \(0, max_len\], got 500"),
    ({"window_stride": 0}, r"window_stride must be in \(0, max_len\]"),
    ({"dropout": 1.0}, r"dropout must be in \[0, 1\), got 1.0"),
])
def test_bad_config_values_raise(change, words):
    with pytest.raises(ValueError, match=words):
        GLiNERConfig(**change)


def test_odd_hidden_size_cannot_feed_the_bilstm(tiny_model):
    from minigliner.encoders.bert import Encoder
    enc = Encoder(tiny_model.encoder.config)
    with pytest.raises(ValueError, match="hidden_size must be even for a BiLSTM, got 33"):
        GLiNER(tiny_model.config.replace(hidden_size=33), enc, tiny_model.tokenizer)
    model = GLiNER(tiny_model.config.replace(hidden_size=33, num_rnn_layers=0), enc, tiny_model.tokenizer)
    assert model.rnn is None


def test_the_bilstm_reads_a_text_the_same_with_or_without_padding_beside_it():
    from minigliner.core.layers import WordLSTM
    torch.manual_seed(0)
    lstm = WordLSTM(16).eval()
    words = torch.randn(2, 6, 16)                                     # (B, W, D)
    with torch.no_grad():
        full = lstm(words, torch.tensor([6, 6]))                      # no padding: read unpacked
        padded = lstm(words, torch.tensor([6, 4]))                    # padding: read packed
        alone = lstm(words[1:, :4], torch.tensor([4]))                # the short text by itself, unpacked
    torch.testing.assert_close(padded[0], full[0], atol=1e-6, rtol=0)
    torch.testing.assert_close(padded[1, :4], alone[0], atol=1e-6, rtol=0)
    assert not torch.allclose(padded[1, :4], full[1, :4])  # the backward pass starts at the text's own end
    assert torch.equal(padded[1, 4:], torch.zeros(2, 16))


def test_from_encoder_builds_a_working_untrained_model(tiny_bert):
    model = GLiNER.from_encoder(GLiNERConfig.tiny(str(tiny_bert)))
    vocab = model.tokenizer.get_vocab_size()
    assert model.encoder.config.vocab_size == vocab == model.encoder.embeddings.token.weight.shape[0]
    assert model.tokenizer.token_to_id("<<ENT>>") == vocab - 2 and model.tokenizer.token_to_id("<<SEP>>") == vocab - 1
    entities = model.eval().predict_entities("John lived in Paris .", ["person"], threshold=0.0)
    assert entities and all(e["text"] == "John lived in Paris ."[e["start"]:e["end"]] for e in entities)


def test_loading_a_missing_folder_says_so(tmp_path):
    with pytest.raises(FileNotFoundError, match="no such model folder"):
        GLiNER.from_pretrained(tmp_path / "not-there")


def test_encoder_layers_keeps_the_first_pretrained_blocks_and_saves_them(tiny_bert, tmp_path):
    from minigliner.encoders.bert import Encoder
    full = Encoder.from_folder(tiny_bert).eval()
    model = GLiNER.from_encoder(GLiNERConfig.tiny(str(tiny_bert), encoder_layers=1)).eval()
    assert len(model.encoder.blocks) == model.encoder.config.num_hidden_layers == 1 < len(full.blocks)
    ids, mask = torch.tensor([[2, 5, 6, 7, 3]]), torch.ones(1, 5, dtype=torch.long)
    with torch.no_grad():
        expected = full.blocks[0](full.embeddings(ids), None)                     # (1, L, H) after block 1
        torch.testing.assert_close(model.encoder(ids, mask), expected)
    model.save_pretrained(tmp_path / "shallow")
    again = GLiNER.from_pretrained(tmp_path / "shallow")
    assert len(again.encoder.blocks) == 1
    text = "John lived in Paris ."
    assert again.predict_entities(text, ["person"], threshold=0.0) == model.predict_entities(text, ["person"],
                                                                                              threshold=0.0)
    with pytest.raises(ValueError, match=r"encoder_layers must be in 1..2, got 3"):
        GLiNER.from_encoder(GLiNERConfig.tiny(str(tiny_bert), encoder_layers=3))
