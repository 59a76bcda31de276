"""Parity with gliner 0.2.29's `marker` span mode (NuNER Zero's: max_width 1) on identical tiny random weights."""
import pytest
import torch
from reference_models import (PARITY_LABEL_SETS, PARITY_TEXTS, make_reference_span_model, reference_entities,
                              reference_forward, save_reference)

from minigliner import GLiNER
from minigliner.core.prompt import split_words


def spread_marker(model, seed=0, std=0.5):
    """Redraw the label FFN's last layer and the marker's out Linear so scores spread over thresholds."""
    g = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for lin in (model.model.prompt_rep_layer[3], model.model.span_rep_layer.span_rep_layer.out_project):
            lin.weight.copy_(torch.randn(lin.weight.shape, generator=g) * std)
            lin.bias.zero_()
    return model


@pytest.fixture(scope="module", params=[12, 1], ids=["max_width 12", "max_width 1 (NuNER Zero)"])
def marker_pair(request, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("ref_marker")
    ref = spread_marker(make_reference_span_model(str(tmp), seed=0, span_mode="marker", max_width=request.param))
    folder = save_reference(ref, str(tmp / "saved"))
    return ref, GLiNER.from_pretrained(folder)


@pytest.mark.parametrize("labels", PARITY_LABEL_SETS)
def test_marker_logits_match(marker_pair, labels):
    ref, ours = marker_pair
    r = reference_forward(ref, PARITY_TEXTS, labels)
    batch = ours.prompt_batch([[w.text for w in split_words(t)] for t in PARITY_TEXTS], [labels] * len(PARITY_TEXTS))
    assert ours.config.span_mode == "marker" and ours.span_rep.mode == "marker"
    with torch.no_grad():
        logits, mask = ours(batch)                                     # (B, W, K, C), (B, W, K)
        fast, _ = ours(batch, fast=True)
    assert torch.equal(mask, r["span_mask"].bool()) and logits.shape == r["span_logits"].shape
    torch.testing.assert_close(logits[mask], r["span_logits"][mask], atol=1e-5, rtol=0)
    assert torch.equal(fast, logits)                                   # fast reads marker's plain form


@pytest.mark.parametrize("threshold", [0.3, 0.5])
@pytest.mark.parametrize("flat", [True, False])
def test_marker_entities_match(marker_pair, threshold, flat):
    ref, ours = marker_pair
    for labels in PARITY_LABEL_SETS:
        theirs = reference_entities(ref, PARITY_TEXTS, labels, threshold, flat)
        mine = ours.inference(PARITY_TEXTS, labels, flat, threshold)
        key = lambda rows: [[(e["start"], e["end"], e["label"], round(e["score"], 4)) for e in row] for row in rows]
        assert key(mine) == key(theirs)
    assert sum(len(r) for r in ours.inference(PARITY_TEXTS, PARITY_LABEL_SETS[0], threshold=0.3)) > 0


def test_a_span_mode_no_published_checkpoint_uses_is_refused_by_name(tmp_path):
    ref = make_reference_span_model(str(tmp_path), seed=0, span_mode="query")
    folder = save_reference(ref, str(tmp_path / "saved"))
    with pytest.raises(ValueError, match="span_mode='query' is not supported"):
        GLiNER.from_pretrained(folder)
