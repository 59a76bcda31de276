"""predict_entities reads a short text itself, a few calls above the encoder, and gives what the layer for
texts of any size (inference: windows, label groups, batches by length) gives; long inputs go to that layer."""
import inspect
from pathlib import Path

import pytest
import torch
from reference_models import (PARITY_LABEL_SETS, PARITY_TEXTS, make_reference_biencoder_model,
                              make_reference_token_model, save_reference, spread_token_scores)

import minigliner
from minigliner import GLiNER
from minigliner.core.prompt import split_words

PACKAGE = Path(minigliner.__file__).parent
key = lambda ents: [(e["start"], e["end"], e["text"], e["label"]) for e in ents]


@pytest.fixture(scope="module")
def models(tiny_model, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("paths")
    token_ref = spread_token_scores(make_reference_token_model(str(tmp / "t")), PARITY_TEXTS, PARITY_LABEL_SETS[0])
    bi_ref = make_reference_biencoder_model(str(tmp / "b"))
    return {"span": tiny_model,
            "token": GLiNER.from_pretrained(save_reference(token_ref, str(tmp / "token"))),
            "bi": GLiNER.from_pretrained(save_reference(bi_ref, str(tmp / "bi")))}


@pytest.mark.parametrize("kind", ["span", "token", "bi"])
@pytest.mark.parametrize("flat,multi", [(True, False), (False, False), (False, True)])
@pytest.mark.parametrize("threshold", [0.0, 0.3, 0.5])
def test_the_short_path_gives_the_entities_and_scores_of_inference(models, kind, flat, multi, threshold):
    model = models[kind]
    for text in PARITY_TEXTS:
        for labels in PARITY_LABEL_SETS:
            words = [w.text for w in split_words(text)]
            assert model.fits(words, labels) == bool(words)  # the parity texts are short: the short path reads them
            short = model.predict_entities(text, labels, flat, threshold, multi)
            wide = model.inference([text], labels, flat, threshold, multi)[0]
            assert key(short) == key(wide)
            assert [e["score"] for e in short] == pytest.approx([e["score"] for e in wide], abs=1e-6)
    if threshold == 0.0:
        assert sum(len(model.predict_entities(t, PARITY_LABEL_SETS[0], threshold=0.0)) for t in PARITY_TEXTS) > 0


def test_a_training_model_is_read_in_eval_mode_and_left_training(models):
    model = models["span"]
    expected = model.predict_entities(PARITY_TEXTS[0], PARITY_LABEL_SETS[0], threshold=0.3)
    model.train()
    try:
        assert model.predict_entities(PARITY_TEXTS[0], PARITY_LABEL_SETS[0], threshold=0.3) == expected
        assert model.training
    finally:
        model.eval()


def test_only_what_does_not_fit_goes_to_the_layer_for_any_size(models, monkeypatch):
    model, calls = models["span"], []
    real = model.inference
    monkeypatch.setattr(model, "inference", lambda *a, **k: calls.append(a[0]) or real(*a, **k))
    model.predict_entities("John lives in Paris .", ["person", "city"])
    assert calls == []
    long_text = "John lives in Paris . " * 100                        # 500 words > max_len 384: windows
    many_labels = [f"label number {i}" for i in range(200)]            # a prompt longer than the encoder: groups
    model.predict_entities(long_text, ["person"])
    model.predict_entities("John lives in Paris .", many_labels)
    model.predict_entities("", ["person"])                             # no words: nothing to read
    assert calls == [[long_text], ["John lives in Paris ."], [""]]
    assert not model.fits(long_text.split(), ["person"]) and not model.fits(["John"], many_labels)


def test_the_encoder_is_called_at_most_four_frames_below_predict_entities(models):
    """Counting minigliner's own frames between the public call and the encoder (torch's dispatch frames aside)."""
    model, depth = models["span"], []

    def hook(module, args):
        names = [f.function for f in inspect.stack(0) if Path(f.filename).is_relative_to(PACKAGE)]  # innermost first
        depth.append(names.index("predict_entities") + 1)  # frames from predict_entities to the one calling the encoder

    handle = model.encoder.register_forward_pre_hook(hook)
    try:
        model.predict_entities("John lives in Paris .", ["person", "city"])
    finally:
        handle.remove()
    assert depth and depth[0] <= 4, depth  # predict_entities -> forward -> encode -> the encoder (issue 15: was 8)
