"""A gliner 0.2.29 user switches by changing the import: the same calls, argument orders and label forms give
the same entities (scores within 1e-4) on the same folder, here the tiny random reference."""
import warnings

import pytest
import torch
from reference_models import PARITY_EXAMPLES, PARITY_LABELS, PARITY_TEXTS

from minigliner.core.decoding import greedy_select
from minigliner.inference.jobs import text_candidates
from minigliner.core.prompt import split_words

LABEL_FORMS = {
    "one string": "person",
    "a list": ["person", "city", "date"],
    "a list with a duplicate": ["city", "person", "city"],
    "a mapping": {"person": "person name", "place": "capital city", "firm": "big company"},
    "one list per text": [["person", "city"], ["organization", "date", "person"], ["city"]],
    "one mapping per text": [{"who": "person"}, {"where": "city", "when": "date"}, {"who": "person", "where": "city"}],
    "lists and mappings": [["person"], {"where": "city"}, ["date", "city"]],
}


def same(ours: list[dict], theirs: list[dict], with_probs: bool = False) -> None:
    """Entities equal in offsets, text and label, scores (and class probabilities) within 1e-4."""
    key = lambda e: (e["start"], e["end"], e["text"], e["label"])
    assert [key(e) for e in ours] == [key(e) for e in theirs]
    for a, b in zip(ours, theirs):
        assert abs(a["score"] - b["score"]) < 1e-4
        if with_probs:
            assert list(a["class_probs"]) == list(b["class_probs"])
            assert all(abs(a["class_probs"][k] - b["class_probs"][k]) < 1e-4 for k in a["class_probs"])


@pytest.mark.parametrize("form", LABEL_FORMS)
@pytest.mark.parametrize("flat_ner,threshold", [(True, 0.3), (False, 0.2)])
def test_every_label_form_gives_gliners_entities(reference_span, tiny_model, form, flat_ner, threshold):
    ref, _ = reference_span
    labels = LABEL_FORMS[form]
    theirs = ref.inference(PARITY_TEXTS, labels, flat_ner, threshold)
    ours = tiny_model.inference(PARITY_TEXTS, labels, flat_ner, threshold)
    assert sum(map(len, theirs)) > 0
    for a, b in zip(ours, theirs, strict=True):
        same(a, b)


def test_predict_entities_takes_gliners_positional_order(reference_span, tiny_model):
    ref, _ = reference_span
    text = PARITY_TEXTS[1]
    for args in [(False, 0.2), (True, 0.3, True), (False, 0.1, False)]:
        same(tiny_model.predict_entities(text, PARITY_LABELS, *args), ref.predict_entities(text, PARITY_LABELS, *args))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)                 # gliner calls it deprecated
        theirs = ref.batch_predict_entities(PARITY_TEXTS, PARITY_LABELS, True, 0.3)
    for a, b in zip(tiny_model.batch_predict_entities(PARITY_TEXTS, PARITY_LABELS, True, 0.3), theirs, strict=True):
        same(a, b)


MANY = PARITY_LABELS + ["location", "event", "country"]


@pytest.mark.parametrize("labels", [MANY, LABEL_FORMS["a mapping"], LABEL_FORMS["one list per text"]],
                         ids=["seven labels", "mapping", "per text"])
def test_class_probs_are_gliners_five_best_labels(reference_span, tiny_model, labels):
    ref, _ = reference_span
    theirs = ref.inference(PARITY_TEXTS, labels, True, 0.2, return_class_probs=True)
    ours = tiny_model.inference(PARITY_TEXTS, labels, True, 0.2, return_class_probs=True)
    for a, b in zip(ours, theirs, strict=True):
        same(a, b, with_probs=True)
    if labels is MANY:
        assert all(len(e["class_probs"]) == 5 for row in ours for e in row) and any(ours)
        one = tiny_model.predict_entities(PARITY_TEXTS[1], MANY, threshold=0.2, return_class_probs=True)
        same(one, ref.predict_entities(PARITY_TEXTS[1], MANY, threshold=0.2, return_class_probs=True), True)


def test_device_and_evaluate_as_gliner(reference_span, tiny_model):
    ref, _ = reference_span
    assert tiny_model.device == ref.device == torch.device("cpu")
    labels = sorted({lab for ex in PARITY_EXAMPLES for *_, lab in ex["ner"]})
    for flat_ner, threshold in [(False, 0.1), (True, 0.3)]:
        report, f1 = tiny_model.evaluate(PARITY_EXAMPLES, flat_ner=flat_ner, threshold=threshold,
                                         entity_types=labels)
        ref_report, ref_f1 = ref.evaluate(PARITY_EXAMPLES, flat_ner=flat_ner, threshold=threshold,
                                          entity_types=labels)
        assert report == ref_report and abs(f1 - float(ref_f1)) < 1e-9
    assert tiny_model.evaluate(PARITY_EXAMPLES, threshold=0.1) == tiny_model.evaluate(
        PARITY_EXAMPLES, threshold=0.1, entity_types=labels)              # None: every label of the data


def test_thresholds_per_label_keep_each_labels_own_candidates(tiny_model):
    text = PARITY_TEXTS[1]
    uniform = tiny_model.predict_entities(text, PARITY_LABELS, threshold=0.25)
    assert tiny_model.predict_entities(text, PARITY_LABELS, threshold=dict.fromkeys(PARITY_LABELS, 0.25)) == uniform
    limits = {"person": 0.1, "city": 0.4, "organization": 0.2, "date": 0.5}
    for flat in (True, False):
        got = tiny_model.inference([text], PARITY_LABELS, flat, limits)[0]
        words = split_words(text)
        candidates = text_candidates(tiny_model, [[w.text for w in words]], PARITY_LABELS, 0.1)[0]
        kept = greedy_select([c for c in candidates if c.score > limits[PARITY_LABELS[c.label]]], flat)
        assert [(e["label"], e["score"]) for e in got] == [(PARITY_LABELS[s.label], s.score) for s in kept]
        assert got and all(e["score"] > limits[e["label"]] for e in got)
    per_text = tiny_model.inference(PARITY_TEXTS[:2], PARITY_LABELS, threshold=[0.5, limits])   # one batch: padding
    same(per_text[0], tiny_model.predict_entities(PARITY_TEXTS[0], PARITY_LABELS, threshold=0.5))
    same(per_text[1], tiny_model.inference([text], PARITY_LABELS, threshold=limits)[0])


@pytest.mark.parametrize("call,error,message", [
    (lambda m: m.predict_entities("John lives in Paris .", ["person"], 0.3), TypeError,
     r"flat_ner must be True or False, got 0.3; the arguments follow gliner"),
    (lambda m: m.inference(PARITY_TEXTS, [["person"], ["city"]]), ValueError, "2 label sets for 3 texts"),
    (lambda m: m.inference(PARITY_TEXTS[:2], [["person"], "city"]), TypeError, "entry 1 is a str"),
    (lambda m: m.inference(PARITY_TEXTS, {"a": "person", "b": "person"}), ValueError, "descriptions must be unique"),
    (lambda m: m.inference(PARITY_TEXTS, {"a": 1}), TypeError, "both str"),
    (lambda m: m.inference(PARITY_TEXTS, ["person", "city"], threshold={"person": 0.2, "town": 0.3}), ValueError,
     r"unknown \['town'\]; missing \['city'\]"),
    (lambda m: m.inference(PARITY_TEXTS, ["person"], threshold=[0.2, 0.3]), ValueError, "2 values for 3 texts"),
    (lambda m: m.inference(PARITY_TEXTS, ["person"], threshold={"person": 2.0}), ValueError, r"in \[0, 1\]"),
])
def test_bad_arguments_are_named(tiny_model, call, error, message):
    with pytest.raises(error, match=message):
        call(tiny_model)


@pytest.fixture(scope="module", params=["token", "bi-encoder", "poly-encoder", "marker"])
def other_pair(request, tmp_path_factory):
    """(gliner reference, minigliner loaded from its saved folder) for the other model families."""
    from reference_models import (make_reference_biencoder_model, make_reference_span_model,
                                  make_reference_token_model, save_reference, spread_scores, spread_token_scores)
    from test_reference_marker import spread_marker
    from minigliner import GLiNER
    tmp = tmp_path_factory.mktemp(request.param)
    if request.param == "token":
        ref = spread_token_scores(make_reference_token_model(str(tmp), seed=0), PARITY_TEXTS, PARITY_LABELS)
    elif request.param == "marker":
        ref = spread_marker(make_reference_span_model(str(tmp), seed=0, span_mode="marker"))
    else:
        ref = spread_scores(make_reference_biencoder_model(str(tmp), seed=0,
                                                           post_fusion=request.param == "poly-encoder"))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")                       # the unused config keys, listed at load time
        return ref, GLiNER.from_pretrained(save_reference(ref, str(tmp / "saved")))


@pytest.mark.parametrize("form", ["a list", "a mapping", "one list per text", "lists and mappings"])
def test_label_forms_on_token_bi_poly_and_marker_models(other_pair, form):
    ref, ours = other_pair
    labels = LABEL_FORMS[form]
    for flat_ner, threshold in [(True, 0.3), (False, 0.2)]:
        theirs = ref.inference(PARITY_TEXTS, labels, flat_ner, threshold)
        mine = ours.inference(PARITY_TEXTS, labels, flat_ner, threshold)
        for a, b in zip(mine, theirs, strict=True):
            same(a, b)
    if ours.token_level:                                      # gliner's token models give no class_probs
        assert all("class_probs" not in e for row in ours.inference(PARITY_TEXTS, labels, True, 0.2,
                                                                     return_class_probs=True) for e in row)
