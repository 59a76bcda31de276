"""Parity with gliner 0.2.29's bi-encoder and poly-encoder (labels_encoder set, with and without
post_fusion_schema), span and token heads, on identical tiny random weights built offline."""
import pytest
import torch
from reference_models import (PARITY_EXAMPLES, PARITY_TEXTS, make_reference_biencoder_model, reference_bi_forward,
                              reference_entities, reference_loss, save_reference, spread_scores,
                              spread_token_scores)

from minigliner import GLiNER
from minigliner.training.targets import span_targets
from minigliner.core.prompt import split_words

TEXTS = PARITY_TEXTS
LABELS = ["person", "city", "organization", "date", "capital city"]
# name -> reference overrides; 48-wide label encoders exercise the label projection (48 -> 32)
VARIANTS = {
    "bi_span": dict(labels_hidden=48),
    "poly_span": dict(post_fusion=True),                       # l2l-l2t-t2t, as the issue names
    "bi_token": dict(span_mode="token_level"),
    "poly_token": dict(span_mode="token_level", labels_hidden=48, post_fusion_schema="t2l-l2l-t2t-l2t",
                       num_post_fusion_layers=2),                # every step, and a repeated schema
}


@pytest.fixture(scope="module", params=list(VARIANTS))
def pair(request, tmp_path_factory):
    """(reference, minigliner loaded from the reference's saved folder, variant name)."""
    tmp = tmp_path_factory.mktemp(request.param)
    ref = make_reference_biencoder_model(str(tmp), seed=0, **VARIANTS[request.param])
    if "token" in request.param:
        spread_token_scores(ref, TEXTS, LABELS)
    else:
        spread_scores(ref, std=0.5 if request.param == "bi_span" else 0.25)  # fused labels are LayerNormed, larger
    folder = save_reference(ref, str(tmp / "saved"))
    return ref, GLiNER.from_pretrained(folder), request.param


def test_the_variants_are_what_they_claim(pair):
    ref, ours, name = pair
    assert ours.label_encoder is not None and ours.rnn is None
    assert (ours.fusion is not None) == name.startswith("poly") == hasattr(ref.model, "cross_fuser")
    assert ours.token_level == name.endswith("token")
    projected = isinstance(ours.label_encoder.project, torch.nn.Linear)
    assert projected == hasattr(ref.model.token_rep_layer, "labels_projection")


def test_label_embeddings_match(pair):
    ref, ours, _ = pair
    theirs = ref.encode_labels(LABELS)
    mine = ours.encode_labels(LABELS)
    assert mine.shape == theirs.shape == (len(LABELS), 32)
    torch.testing.assert_close(mine, theirs, atol=1e-5, rtol=0)


def test_fused_vectors_and_logits_match(pair):
    ref, ours, name = pair
    r = reference_bi_forward(ref, TEXTS, LABELS)
    batch = ours.prompt_batch([[w.text for w in split_words(t)] for t in TEXTS], [LABELS] * len(TEXTS))
    with torch.no_grad():
        words, labels = ours.encode(batch)
        logits, mask = ours(batch)
    torch.testing.assert_close(ours.label_encoder.embed(LABELS), r["label_vectors"], atol=1e-5, rtol=0)
    labels = labels.expand(len(TEXTS), -1, -1)                     # a bi-encoder shares (C, D) across the batch
    torch.testing.assert_close(labels, r["labels"], atol=1e-5, rtol=0)
    real = r["word_mask"]
    torch.testing.assert_close(words[real], r["words"][real], atol=1e-5, rtol=0)
    assert logits.shape == r["logits"].shape
    torch.testing.assert_close(logits[mask], r["logits"][mask], atol=1e-5, rtol=0)  # valid spans / real words
    if name.startswith("poly"):  # fusion really changes the vectors: the comparison above is not of a no-op
        assert not torch.allclose(labels[0], labels[1], atol=1e-3)


EXAMPLES = PARITY_EXAMPLES
# per-example label lists of different lengths: label padding and masks are exercised
EXAMPLE_LABELS = [["person", "city", "date", "organization"], ["city", "person"], ["organization", "date"]]


@pytest.mark.parametrize("settings", [dict(reduction="sum"), dict(reduction="mean"), dict(alpha=0.75, gamma=2.0)],
                         ids=lambda s: ",".join(f"{k}={v}" for k, v in s.items()))
def test_losses_match_without_label_smoothing(pair, settings):
    ref, ours, name = pair
    ref_loss, ref_batch = reference_loss(ref, EXAMPLES, EXAMPLE_LABELS, **settings)
    batch = ours.prompt_batch([ex["tokenized_text"] for ex in EXAMPLES], EXAMPLE_LABELS)
    assert ref_batch["prompts_embedding_mask"].shape == batch.label_mask.shape    # padded per-example labels
    assert torch.equal(ref_batch["prompts_embedding_mask"].bool(), batch.label_mask)
    targets, too_wide = ours.targets(EXAMPLES, EXAMPLE_LABELS, int(batch.num_words.max()))
    with torch.no_grad():
        loss = ours.loss(batch, targets, **settings)
    assert too_wide == 0 and torch.isfinite(loss)
    torch.testing.assert_close(loss, ref_loss.to(loss.dtype), atol=1e-5, rtol=1e-6)


def key(results):
    return [[(e["start"], e["end"], e["text"], e["label"]) for e in ents] for ents in results]


def assert_same_entities(mine, theirs):
    assert key(mine) == key(theirs)
    for a, b in zip(mine, theirs):
        assert [e["score"] for e in a] == pytest.approx([e["score"] for e in b], abs=1e-5)


@pytest.mark.parametrize("threshold", [0.3, 0.5, 0.7])
@pytest.mark.parametrize("flat", [True, False])
def test_decoded_entities_match(pair, threshold, flat):
    ref, ours, _ = pair
    theirs = reference_entities(ref, TEXTS, LABELS, threshold=threshold, flat_ner=flat)
    assert_same_entities(ours.inference(TEXTS, LABELS, threshold=threshold, flat_ner=flat), theirs)


def test_entities_from_precomputed_label_embeddings_match(pair):
    ref, ours, _ = pair
    theirs = ref.batch_predict_with_embeds(TEXTS, ref.encode_labels(LABELS), LABELS, threshold=0.5, flat_ner=False)
    mine = ours.inference(TEXTS, LABELS, threshold=0.5, flat_ner=False, label_embeddings=ours.encode_labels(LABELS))
    assert_same_entities(mine, theirs)


def test_thresholds_decode_differently(pair):
    """Guard against a vacuous comparison: the spread weights give entities, and thresholds change them."""
    _, ours, _ = pair
    counts = [sum(map(len, ours.inference(TEXTS, LABELS, threshold=t, flat_ner=False))) for t in (0.3, 0.5, 0.7)]
    assert counts[0] > counts[2] > 0, counts


def test_a_text_word_spelling_a_marker_is_read_as_plain_text(pair):
    # gliner adds <<ENT>>/<<SEP>> to the text tokenizer without embedding rows for them (reference_internals.md)
    ref, ours, _ = pair
    words = ["Zoë", "met", "<<ENT>>", "and", "<<SEP>>", "in", "Paris"]
    batch = ours.prompt_batch([words], [LABELS])
    assert int(batch.input_ids.max()) < ours.encoder.config.vocab_size
    assert (batch.word_ids[0] == 2).sum() > 1                       # the marker's characters, several subwords
    plain = ours.prompt_batch([["Zoë", "met", "and", "in", "Paris"]], [LABELS])
    assert batch.input_ids[0, :3].tolist() == plain.input_ids[0, :3].tolist()   # [CLS] Zoë met: as before
    assert len(ours.predict_spans([words], LABELS, threshold=0.0)[0]) > 0
