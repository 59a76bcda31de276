"""Parity with gliner 0.2.29's span model on identical tiny random weights."""
import pytest
import torch
from reference_models import (PARITY_EXAMPLES, PARITY_LABEL_SETS, PARITY_TEXTS, reference_entities,
                              reference_forward, reference_loss)

from minigliner.training.targets import span_targets
from minigliner.core.prompt import split_words

TEXTS = PARITY_TEXTS
LABEL_SETS = PARITY_LABEL_SETS


def ours_forward(model, texts, labels):
    words = [[w.text for w in split_words(t)] for t in texts]
    batch = model.prompt_batch(words, [labels] * len(texts))
    with torch.no_grad():
        word_vectors, label_raw = model.encode(batch)
        logits, mask = model(batch)
        label_vectors = model.label_ffn(label_raw)
    return batch, word_vectors, label_raw, label_vectors, logits, mask


@pytest.mark.parametrize("labels", LABEL_SETS)
def test_vectors_and_logits_match(reference_span, tiny_model, labels):
    ref, _ = reference_span
    r = reference_forward(ref, TEXTS, labels)
    batch, words, label_raw, label_vectors, logits, mask = ours_forward(tiny_model, TEXTS, labels)
    assert torch.equal(mask, r["span_mask"].bool())
    valid_words = r["word_mask"].bool()
    torch.testing.assert_close(words[valid_words], r["word_vectors"][valid_words], atol=1e-5, rtol=0)
    torch.testing.assert_close(label_raw, r["label_vectors_pre_ffn"], atol=1e-5, rtol=0)
    torch.testing.assert_close(label_vectors, r["label_vectors"], atol=1e-5, rtol=0)
    torch.testing.assert_close(logits[mask], r["span_logits"][mask], atol=1e-5, rtol=0)
    assert logits.shape == r["span_logits"].shape


EXAMPLES = PARITY_EXAMPLES
LOSSES = [dict(reduction="sum"), dict(reduction="mean"), dict(alpha=0.75, gamma=2.0),
          dict(label_smoothing=0.1), dict(alpha=0.75, gamma=2.0, label_smoothing=0.1, reduction="mean")]


@pytest.mark.parametrize("settings", LOSSES, ids=lambda s: ",".join(f"{k}={v}" for k, v in s.items()))
def test_losses_match(reference_span, tiny_model, settings):
    ref, _ = reference_span
    labels = [["person", "city", "date", "organization"], ["city", "person"], ["organization", "date"]]
    ref_loss, _ = reference_loss(ref, EXAMPLES, labels, **settings)
    batch = tiny_model.prompt_batch([ex["tokenized_text"] for ex in EXAMPLES], labels)
    targets, too_wide = span_targets(EXAMPLES, labels, int(batch.num_words.max()), 12)
    ours = {"alpha": "alpha", "gamma": "gamma", "label_smoothing": "label_smoothing", "reduction": "reduction"}
    with torch.no_grad():
        loss = tiny_model.loss(batch, targets, **{ours[k]: v for k, v in settings.items()})
    assert too_wide == 0
    torch.testing.assert_close(loss, ref_loss.to(loss.dtype), atol=1e-5, rtol=1e-6)


@pytest.mark.parametrize("threshold", [0.0, 0.3, 0.5])
@pytest.mark.parametrize("flat,multi", [(True, False), (False, False), (True, True), (False, True)])
@pytest.mark.parametrize("labels", LABEL_SETS)
def test_decoded_entities_match(reference_span, tiny_model, threshold, flat, multi, labels):
    ref, _ = reference_span
    theirs = reference_entities(ref, TEXTS, labels, threshold=threshold, flat_ner=flat, multi_label=multi)
    ours = tiny_model.inference(TEXTS, labels, threshold=threshold, flat_ner=flat, multi_label=multi)
    key = lambda ents: [(e["start"], e["end"], e["text"], e["label"]) for e in ents]
    assert [key(x) for x in ours] == [key(x) for x in theirs]
    for a, b in zip(ours, theirs):
        assert [e["score"] for e in a] == pytest.approx([e["score"] for e in b], abs=1e-6)
    assert sum(map(len, ours)) > 0 or threshold == 0.5  # the spread weights give entities to compare


def test_thresholds_select_different_entities(reference_span, tiny_model):
    """Guard: the comparison above is not vacuous; the three thresholds decode differently."""
    counts = [sum(map(len, tiny_model.inference(TEXTS, LABEL_SETS[0], threshold=t, flat_ner=False)))
              for t in (0.0, 0.3, 0.5)]
    assert counts[0] > counts[1] > counts[2] >= 0, counts
