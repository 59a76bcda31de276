"""The bi-encoder's label encoder: pooling, projection, the label cache and its API, folders, training."""
import random
import warnings

import pytest
import torch
from reference_models import make_bert_dir

from minigliner import GLiNER, GLiNERConfig
from minigliner.variants.label_encoder import LabelEncoder, mean_pool
from minigliner.training.loop import TrainConfig, make_optimizer, train

LABELS = ["person", "city", "organization"]
TEXTS = ["John lived in Paris with Mary .", "Einstein visited Google in Berlin ."]


@pytest.fixture(scope="module")
def bi_model(tmp_path_factory):
    """A fresh bi-encoder: tiny text BERT (32) and a 48-wide label BERT, so the label projection exists."""
    tmp = tmp_path_factory.mktemp("bi")
    text = make_bert_dir(str(tmp / "text"))
    labels = make_bert_dir(str(tmp / "labels"), hidden=48, inter=96, seed=1)
    torch.manual_seed(0)
    return GLiNER.from_encoder(GLiNERConfig.tiny(text, labels_encoder=labels)).eval()


def count_label_encoder_calls(model):
    calls = []
    handle = model.label_encoder.encoder.register_forward_hook(lambda m, i, o: calls.append(i[0].shape[0]))
    return calls, handle


def test_mean_pool_ignores_padding_and_keeps_cls_sep():
    hidden = torch.arange(12.0).view(2, 3, 2)                          # (N, T, H)
    mask = torch.tensor([[1, 1, 1], [1, 1, 0]])
    torch.testing.assert_close(mean_pool(hidden, mask), torch.tensor([[2.0, 3.0], [7.0, 8.0]]))


def test_a_label_vector_does_not_depend_on_its_batch(bi_model):
    """Padding to a longer label changes nothing: pooling and attention are masked."""
    enc = bi_model.label_encoder.train(False)
    with torch.no_grad():
        alone = enc(*enc.tokenize(["city"]))                             # (1, D)
        padded = enc(*enc.tokenize(["city", "capital city of the big country"]))  # (2, D)
    mask = enc.tokenize(["city", "capital city of the big country"])[1]
    assert mask[0].sum() < mask.shape[1]                                  # "city" really was padded
    torch.testing.assert_close(padded[0], alone[0], atol=1e-6, rtol=0)


def test_pooling_then_projecting_equals_projecting_then_pooling(bi_model):
    """The reference projects each subword and then pools; the order does not matter for a Linear."""
    enc = bi_model.label_encoder
    assert isinstance(enc.project, torch.nn.Linear) and enc.project.weight.shape == (32, 48)
    ids, mask = enc.tokenize(["person", "capital city"])
    with torch.no_grad():
        hidden = enc.encoder(ids, mask)                                  # (N, T, H)
        theirs = mean_pool(enc.project(hidden), mask)                    # (N, D)
        torch.testing.assert_close(enc(ids, mask), theirs, atol=1e-6, rtol=0)


def test_encode_labels_caches_by_label_text(bi_model):
    bi_model.label_encoder.clear_cache()
    calls, handle = count_label_encoder_calls(bi_model)
    try:
        first = bi_model.encode_labels(LABELS)
        again = bi_model.encode_labels(list(reversed(LABELS)))
        assert calls == [3]                                              # the second call encoded nothing
        torch.testing.assert_close(again, first.flip(0), atol=0, rtol=0)
        more = bi_model.encode_labels(LABELS + ["date"])
        assert calls == [3, 1]                                           # only the new label
        torch.testing.assert_close(more[:3], first, atol=0, rtol=0)
    finally:
        handle.remove()
    assert set(bi_model.label_encoder.cached_labels()) == set(LABELS) | {"date"}


def test_predict_entities_reuses_the_cache_and_matches_label_embeddings(bi_model):
    bi_model.label_encoder.clear_cache()
    calls, handle = count_label_encoder_calls(bi_model)
    try:
        plain = [bi_model.predict_entities(t, LABELS, threshold=0.0, flat_ner=False) for t in TEXTS]
        assert calls == [3]                                              # labels encoded once for both texts
        vectors = bi_model.encode_labels(LABELS)
        given = bi_model.inference(TEXTS, LABELS, threshold=0.0, flat_ner=False, label_embeddings=vectors)
        assert calls == [3]
    finally:
        handle.remove()
    assert plain and all(plain)
    # one text per call vs a padded batch of two: same entities, scores equal up to float rounding
    assert [[(e["start"], e["end"], e["label"]) for e in ents] for ents in given] == \
        [[(e["start"], e["end"], e["label"]) for e in ents] for ents in plain]
    for a, b in zip(given, plain):
        assert [e["score"] for e in a] == pytest.approx([e["score"] for e in b], abs=1e-6)


def test_the_cache_is_dropped_when_weights_change(bi_model, tmp_path):
    model = GLiNER.from_pretrained(_saved(bi_model, tmp_path))
    before = model.encode_labels(["city"])
    with torch.no_grad():
        model.label_encoder.project.bias.add_(1.0)                       # an in-place edit, as an optimizer step
    after = model.encode_labels(["city"])
    torch.testing.assert_close(after, before + 1.0, atol=1e-5, rtol=0)


def test_training_bypasses_the_cache_and_trains_the_label_encoder(bi_model, tmp_path):
    model = GLiNER.from_pretrained(_saved(bi_model, tmp_path))
    model.encode_labels(LABELS)
    model.train()
    vectors = model.label_encoder.embed(LABELS)
    assert vectors.requires_grad
    examples = [{"tokenized_text": "John lived in Paris .".split(), "ner": [[0, 0, "person"], [3, 3, "city"]]}]
    groups = make_optimizer(model, TrainConfig())
    label_params = {id(p) for p in model.label_encoder.encoder.parameters()}
    assert all(g["lr"] == 1e-5 for g in groups.param_groups if any(id(p) in label_params for p in g["params"]))
    weight = model.label_encoder.encoder.blocks[0].attn.q.weight.detach().clone()
    losses = train(model, examples, TrainConfig(steps=3, batch_size=1, lr_encoder=1e-3), random.Random(0),
                   progress=False)
    assert all(torch.isfinite(torch.tensor(losses)))
    assert not torch.equal(weight, model.label_encoder.encoder.blocks[0].attn.q.weight)


def _saved(model, tmp_path):
    model.save_pretrained(tmp_path / "bi")
    return tmp_path / "bi"


def test_save_then_load_gives_identical_predictions(bi_model, tmp_path):
    loaded = GLiNER.from_pretrained(_saved(bi_model, tmp_path))
    assert (tmp_path / "bi" / "label_encoder" / "tokenizer.json").is_file()
    assert loaded.config == bi_model.config
    for a, b in zip(loaded.state_dict().values(), bi_model.state_dict().values()):
        assert torch.equal(a, b)
    assert loaded.inference(TEXTS, LABELS, threshold=0.0) == bi_model.inference(TEXTS, LABELS, threshold=0.0)


def test_the_text_is_read_without_a_prompt(bi_model):
    batch = bi_model.prompt_batch([["John", "lived"]], [LABELS])
    ids = batch.input_ids[0].tolist()
    assert ids == bi_model.tokenizer.encode(["John", "lived"], is_pretokenized=True).ids
    assert bi_model.tokenizer.token_to_id("<<ENT>>") is None            # no markers added to a bi-encoder
    assert batch.label_set == tuple(LABELS) and batch.shares_labels()


def test_a_thousand_labels_in_one_call_score_as_each_label_alone(bi_model):
    """Without fusion a label's scores do not depend on the other labels, however many there are."""
    labels = [f"type {i}" for i in range(1000)]
    words = TEXTS[0].split()
    with torch.no_grad():
        many, mask = bi_model(bi_model.prompt_batch([words], [labels]))            # (1, W, K, 1000)
        alone, _ = bi_model(bi_model.prompt_batch([words], [labels[-1:]]))          # (1, W, K, 1)
    assert many.shape[-1] == 1000
    torch.testing.assert_close(many[..., -1][mask], alone[..., 0][mask], atol=1e-5, rtol=0)
    ents = bi_model.predict_entities(TEXTS[0], labels, threshold=0.0)
    assert ents and {e["label"] for e in ents} <= set(labels)


@pytest.mark.parametrize("call,error,words", [
    (lambda m: m.inference(TEXTS, LABELS, label_embeddings=torch.zeros(2, 32)), ValueError,
     r"label_embeddings must be \(3, 32\) for 3 labels, got \(2, 32\)"),
    (lambda m: m.inference(TEXTS, ["city", "city"], label_embeddings=torch.zeros(2, 32)), ValueError,
     "labels must be free of duplicates"),
    (lambda m: m.encode_labels([]), ValueError, "labels is empty"),
    (lambda m: m.encode_labels(["city", 3]), TypeError, "every label must be a str"),
    (lambda m: m.encode_labels(["word " * 600]), ValueError, "more than the label encoder's 512 positions"),
])
def test_bad_label_inputs_raise(bi_model, call, error, words):
    with pytest.raises(error, match=words):
        call(bi_model)


def test_uni_encoders_refuse_label_embeddings(tiny_model):
    with pytest.raises(ValueError, match="encode_labels needs a bi-encoder"):
        tiny_model.encode_labels(LABELS)
    with pytest.raises(ValueError, match="label_embeddings need a bi-encoder"):
        tiny_model.inference(TEXTS, LABELS, label_embeddings=torch.zeros(3, 32))


def test_label_encoder_and_config_must_agree(bi_model, tiny_model):
    with pytest.raises(ValueError, match="config.labels_encoder and the label_encoder argument go together"):
        GLiNER(tiny_model.config, tiny_model.encoder, tiny_model.tokenizer, bi_model.label_encoder)
    with pytest.raises(ValueError, match="go together"):
        GLiNER(bi_model.config, bi_model.encoder, bi_model.tokenizer)
    assert isinstance(bi_model.label_encoder, LabelEncoder)


def test_a_word_longer_than_the_text_encoder_is_read_as_unknown(bi_model):
    """The bi-encoder's text input is only [CLS] words [SEP]: a word over 510 subwords fits no window."""
    huge = "东" * 600
    text = f"John met {huge} in Paris ."
    with pytest.warns(UserWarning, match=r"1 words are longer than the 510 subwords .*\(word 2 is 600\); "
                                         r"the model reads them as \[UNK\]"):
        got = bi_model.predict_entities(text, LABELS, threshold=0.0, flat_ner=False)
    assert any(e["text"] == huge and text[e["start"]:e["end"]] == huge for e in got)
    fits = "东" * 500                                            # 500 subwords: read as they are, no warning
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        bi_model.predict_entities(f"John met {fits} in Paris .", LABELS, threshold=0.0)
