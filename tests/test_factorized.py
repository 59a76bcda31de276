"""The factorized (fast) span scoring gives the plain form's and the reference's logits and entities;
batched, length-sorted inference gives the one-at-a-time result in the input order."""
import copy

import pytest
import torch
from reference_models import (PARITY_LABEL_SETS, PARITY_TEXTS, make_reference_biencoder_model,
                              make_reference_token_model, reference_entities, reference_forward, save_reference, spread_scores)

from minigliner import GLiNER
from minigliner.core.decoding import batch_span_candidates, span_candidates
from minigliner.variants import factorized
from minigliner.variants.factorized import folding_pays, score_spans_factorized, span_hidden
from minigliner.core.prompt import split_words
from minigliner.core.spans import score_spans, span_mask

TEXTS = PARITY_TEXTS
LABEL_SETS = PARITY_LABEL_SETS
key = lambda ents: [(e["start"], e["end"], e["text"], e["label"]) for e in ents]


def batch_of(model, texts, labels):
    return model.prompt_batch([[w.text for w in split_words(t)] for t in texts], [labels] * len(texts))


@pytest.mark.parametrize("fold", [None, True, False])
@pytest.mark.parametrize("labels", LABEL_SETS)
def test_fast_logits_equal_the_plain_form_and_the_reference(reference_span, tiny_model, labels, fold):
    ref, _ = reference_span
    batch = batch_of(tiny_model, TEXTS, labels)
    with torch.no_grad():
        plain, mask = tiny_model(batch)
        fast, fast_mask = tiny_model(batch, fast=True)
        words, label_raw = tiny_model.encode(batch)
        forced = score_spans_factorized(tiny_model.span_rep, words, tiny_model.label_ffn(label_raw), fold=fold)
    theirs = reference_forward(ref, TEXTS, labels)["span_logits"]
    assert torch.equal(mask, fast_mask) and fast.shape == plain.shape == theirs.shape
    assert mask.sum() > 100  # the comparison covers many spans
    torch.testing.assert_close(fast[mask], plain[mask], atol=1e-5, rtol=0)
    torch.testing.assert_close(forced[mask], plain[mask], atol=1e-5, rtol=0)
    torch.testing.assert_close(fast[mask], theirs[mask], atol=1e-4, rtol=0)


@pytest.mark.parametrize("threshold", [0.0, 0.3, 0.5])
@pytest.mark.parametrize("flat,multi", [(True, False), (False, False), (False, True)])
def test_fast_decodes_the_plain_and_the_reference_entities(reference_span, tiny_model, threshold, flat, multi):
    ref, _ = reference_span
    labels = LABEL_SETS[0]
    settings = dict(threshold=threshold, flat_ner=flat, multi_label=multi)
    fast = tiny_model.inference(TEXTS, labels, fast=True, **settings)
    plain = tiny_model.inference(TEXTS, labels, **settings)
    theirs = reference_entities(ref, TEXTS, labels, **settings)
    assert [key(x) for x in fast] == [key(x) for x in plain] == [key(x) for x in theirs]
    assert sum(map(len, fast)) > 0 or threshold == 0.5
    for a, b in zip(fast, theirs):
        assert [e["score"] for e in a] == pytest.approx([e["score"] for e in b], abs=1e-5)


def test_folded_scoring_whole_and_by_width_agree(tiny_model, monkeypatch):
    calls = []
    by_width = factorized._folded_by_width
    monkeypatch.setattr(factorized, "_folded_by_width", lambda *args: calls.append(1) or by_width(*args))
    batch = batch_of(tiny_model, TEXTS, LABEL_SETS[0])
    with torch.no_grad():
        plain, mask = tiny_model(batch)
        words, labels = tiny_model.encode(batch)
        labels = tiny_model.label_ffn(labels)
        whole = score_spans_factorized(tiny_model.span_rep, words, labels, fold=True)   # small: one product
        assert not calls
        monkeypatch.setattr(factorized, "ONE_PRODUCT_MAX", 0)
        widths = score_spans_factorized(tiny_model.span_rep, words, labels, fold=True)  # one width at a time
        assert calls
    torch.testing.assert_close(whole[mask], plain[mask], atol=1e-5, rtol=0)
    torch.testing.assert_close(widths[mask], plain[mask], atol=1e-5, rtol=0)


@pytest.mark.parametrize("fold", [None, True, False])
def test_a_batch_of_empty_texts_has_no_spans_to_score(tiny_model, fold):
    D, K = tiny_model.config.hidden_size, tiny_model.config.max_width
    logits = score_spans_factorized(tiny_model.span_rep, torch.zeros(2, 0, D), torch.randn(2, 3, D), fold=fold)
    assert logits.shape == (2, 0, K, 3)


def test_folding_is_chosen_only_when_it_saves_work():
    # folded: C*4D*D + S*4D*C; unfolded: S*4D*D + S*D*C multiply-adds (S spans per text)
    assert folding_pays(8, 384, 480) and folding_pays(247, 384, 480)
    assert not folding_pays(248, 384, 480) and not folding_pays(43, 32, 10 ** 6)
    assert folding_pays(511, 384, 10 ** 7) and not folding_pays(512, 384, 10 ** 7)  # many spans: C < 4D/3


def test_many_labels_take_the_unfolded_branch_and_agree(tiny_model):
    labels = [f"label {i}" for i in range(50)]  # 50 labels at D = 32: folding would cost more
    assert not folding_pays(len(labels), tiny_model.config.hidden_size, 9 * 12)
    batch = batch_of(tiny_model, TEXTS[:1], labels)
    with torch.no_grad():
        plain, mask = tiny_model(batch)
        fast, _ = tiny_model(batch, fast=True)
    torch.testing.assert_close(fast[mask], plain[mask], atol=1e-5, rtol=0)


def test_the_fold_holds_in_training_mode_and_dropout_still_acts(tiny_model):
    model = copy.deepcopy(tiny_model).train()
    words = torch.randn(2, 7, model.config.hidden_size)                 # (B, W, D)
    labels = torch.randn(2, 3, model.config.hidden_size)                # (B, C, D)
    first, second = span_hidden(model.span_rep, words), span_hidden(model.span_rep, words)
    assert not torch.equal(first, second)  # dropout (p=0.4) draws new masks on the hidden layer
    for m in model.span_rep.modules():
        if isinstance(m, torch.nn.Dropout):
            m.p = 0.0  # training mode without the randomness: both forms must agree
    plain = score_spans(model.span_rep(words), labels)
    fast = score_spans_factorized(model.span_rep, words, labels)
    inside = span_mask(torch.tensor([7, 5]), 7, model.config.max_width)  # (B, W, K) spans that end in the text
    torch.testing.assert_close(fast[inside], plain[inside], atol=1e-5, rtol=0)
    fast.sum().backward()  # gradients flow through the factorized form
    assert model.span_rep.out.up.weight.grad.abs().sum() > 0


def test_batch_candidates_equal_the_per_window_ones():
    g = torch.Generator().manual_seed(0)
    probs = torch.rand(4, 9, 5, 6, generator=g)                     # (B, W, K, C)
    num_words, num_labels = torch.tensor([9, 3, 0, 6]), torch.tensor([6, 2, 4, 1])
    mask = span_mask(num_words, 9, 5)                               # (B, W, K)
    found = list(zip(*(t.tolist() for t in batch_span_candidates(probs, mask, num_labels, 0.6))))
    expected = [(row, s.start, s.end, s.label, s.score) for row in range(4)
                for s in span_candidates(probs[row, ..., :num_labels[row]], int(num_words[row]), 0.6)]
    assert len(found) > 20 and found == expected


def test_sorted_batches_keep_the_input_order(tiny_model):
    texts = [TEXTS[1], TEXTS[2], TEXTS[0], TEXTS[2] + " " + TEXTS[0]]  # lengths out of order
    labels = LABEL_SETS[0]
    one_by_one = [tiny_model.predict_entities(t, labels, threshold=0.3, fast=True) for t in texts]
    batched = tiny_model.inference(texts, labels, threshold=0.3, batch_size=3, fast=True)
    assert sum(map(len, batched)) > 5
    assert [key(x) for x in batched] == [key(x) for x in one_by_one]
    for a, b in zip(batched, one_by_one):
        assert [e["score"] for e in a] == pytest.approx([e["score"] for e in b], abs=1e-5)


@pytest.fixture(scope="module", params=["bi", "poly"])
def biencoder(request, tmp_path_factory):
    tmp = tmp_path_factory.mktemp(request.param)
    ref = make_reference_biencoder_model(str(tmp), seed=0, labels_hidden=48, post_fusion=request.param == "poly")
    spread_scores(ref, std=0.5 if request.param == "bi" else 0.25)
    return ref, GLiNER.from_pretrained(save_reference(ref, str(tmp / "saved")))


def test_fast_bi_and_poly_encoders_match(biencoder):
    ref, ours = biencoder
    labels = LABEL_SETS[0]
    batch = ours.prompt_batch([[w.text for w in split_words(t)] for t in TEXTS], [labels] * 3)
    with torch.no_grad():
        _, label_vectors = ours.encode(batch)
        plain, mask = ours(batch)
        fast, _ = ours(batch, fast=True)
    assert len(label_vectors) == (len(batch.input_ids) if ours.fusion is not None else 1)  # shared (1, C, D) in the bi-encoder
    torch.testing.assert_close(fast[mask], plain[mask], atol=1e-5, rtol=0)
    theirs = reference_entities(ref, TEXTS, labels, threshold=0.3, flat_ner=False)
    mine = ours.inference(TEXTS, labels, threshold=0.3, flat_ner=False, fast=True)
    assert sum(map(len, mine)) > 0 and [key(x) for x in mine] == [key(x) for x in theirs]


def test_the_token_head_split_gives_the_plain_logits_entities_and_gradients(tmp_path):
    ref = make_reference_token_model(str(tmp_path))
    ours = GLiNER.from_pretrained(save_reference(ref, str(tmp_path / "saved")))
    batch = batch_of(ours, TEXTS, LABEL_SETS[0])
    with torch.no_grad():
        (plain, mask), (fast, _) = ours(batch), ours(batch, fast=True)    # (B, W, C, 3), (B, W)
    assert mask.sum() > 20 and not torch.equal(fast, plain)  # a different sum order, not the same code path
    torch.testing.assert_close(fast[mask], plain[mask], atol=1e-5, rtol=0)
    settings = dict(threshold=0.5, flat_ner=False)
    theirs = reference_entities(ref, TEXTS, LABEL_SETS[0], **settings)
    mine = ours.inference(TEXTS, LABEL_SETS[0], fast=True, **settings)
    assert sum(map(len, mine)) > 0 and [key(x) for x in mine] == [key(x) for x in theirs]
    # training mode: the same seed draws the same dropout mask on (B, W, C, 4D), so loss and gradients agree
    ours.train()
    grads = []
    for flag in (False, True):
        ours.zero_grad()
        torch.manual_seed(1)
        ours(batch, fast=flag)[0].sum().backward()
        grads.append(ours.token_head.up.weight.grad.clone())
    assert grads[0].abs().sum() > 0
    torch.testing.assert_close(grads[1], grads[0], atol=1e-4, rtol=1e-4)


def test_plain_scoring_is_unchanged_by_the_factorized_module(tiny_model):
    """Guard: the fast path is selected by the flag only; the default forward is SpanMarker + score_spans."""
    batch = batch_of(tiny_model, TEXTS, LABEL_SETS[0])
    with torch.no_grad():
        words, labels = tiny_model.encode(batch)
        expected = score_spans(tiny_model.span_rep(words), tiny_model.label_ffn(labels))
        assert torch.equal(tiny_model(batch)[0], expected)
