"""Folders saved by gliner 0.2.29 (span and token heads, BERT and DeBERTa-v3-shaped backbones, safetensors and
pytorch_model.bin) load into minigliner and give the same logits and the same entities."""
import json
import shutil
from pathlib import Path

import pytest
import torch
from reference_models import (PARITY_LABELS, PARITY_TEXTS, make_reference_biencoder_model, make_reference_span_model,
                              reference_batch, reference_entities, save_reference, spread_scores, spread_token_scores)

from minigliner import GLiNER
from minigliner.encoders.deberta import DebertaEncoder
from minigliner.encoders.bert import Encoder
from minigliner.core.prompt import split_words

TEXTS = PARITY_TEXTS
LABELS = PARITY_LABELS
# (backbone, head, weights file): each backbone and each head is saved once as safetensors and once as .bin
CASES = [("bert", "span", True), ("deberta", "span", False), ("bert", "token", False), ("deberta", "token", True)]
ENCODERS = {"bert": Encoder, "deberta": DebertaEncoder}


@pytest.fixture(scope="module", params=CASES, ids=lambda c: f"{c[0]}-{c[1]}-{'safetensors' if c[2] else 'bin'}")
def saved(request, tmp_path_factory):
    """(case, reference model, its saved folder, minigliner loaded from that folder)."""
    backbone, head, safe = request.param
    tmp = tmp_path_factory.mktemp(f"{backbone}_{head}")
    mode = "token_level" if head == "token" else "markerV0"
    ref = make_reference_span_model(str(tmp), seed=0, backbone=backbone, span_mode=mode)
    ref = spread_token_scores(ref, TEXTS, LABELS, width=1.0) if head == "token" else spread_scores(ref)
    folder = Path(save_reference(ref, str(tmp / "saved"), safe_serialization=safe))
    weights = "model.safetensors" if safe else "pytorch_model.bin"
    assert (folder / weights).is_file() and len(list(folder.glob("*.safetensors"))) == int(safe)
    return request.param, ref, folder, GLiNER.from_pretrained(folder)


def test_encoder_family_and_token_ids_match(saved):
    (backbone, _, _), ref, _, ours = saved
    assert type(ours.encoder) is ENCODERS[backbone]
    _, batch = reference_batch(ref, TEXTS, LABELS)
    prompts = ours.prompt_batch([[w.text for w in split_words(t)] for t in TEXTS], [LABELS] * len(TEXTS))
    assert torch.equal(prompts.input_ids, batch["input_ids"])
    assert torch.equal(prompts.attention_mask, batch["attention_mask"].long())


def test_logits_match(saved):
    (_, head, _), ref, _, ours = saved
    _, batch = reference_batch(ref, TEXTS, LABELS)
    prompts = ours.prompt_batch([[w.text for w in split_words(t)] for t in TEXTS], [LABELS] * len(TEXTS))
    with torch.no_grad():
        theirs = ref.model(**batch)
        logits, mask = ours(prompts)
    expected = theirs.logits                                   # (B, W, C, 3) or (B, W, K, C)
    assert logits.shape == expected.shape
    if head == "span":
        assert torch.equal(mask, batch["span_mask"].view(mask.shape).bool())
    torch.testing.assert_close(logits[mask], expected[mask], atol=1e-5, rtol=0)


@pytest.mark.parametrize("flat", [True, False])
def test_entities_match_at_thresholds_that_select(saved, flat):
    _, ref, _, ours = saved
    key = lambda ents: [(e["start"], e["end"], e["text"], e["label"]) for e in ents]
    counts = []
    for threshold in (0.3, 0.5, 0.7):
        theirs = reference_entities(ref, TEXTS, LABELS, threshold=threshold, flat_ner=flat)
        mine = ours.inference(TEXTS, LABELS, threshold=threshold, flat_ner=flat)
        assert [key(x) for x in mine] == [key(x) for x in theirs], threshold
        for a, b in zip(mine, theirs):
            assert [e["score"] for e in a] == pytest.approx([e["score"] for e in b], abs=1e-5)
        counts.append(sum(map(len, mine)))
    assert counts[0] > 0 and counts != sorted(set(counts), reverse=True)[:1] * 3  # thresholds really select
    assert counts[0] >= counts[1] >= counts[2] and counts[0] > counts[2]
    one = ours.predict_entities(TEXTS[1], LABELS, threshold=0.3, flat_ner=flat)
    assert key(one) == key(reference_entities(ref, TEXTS[1:2], LABELS, threshold=0.3, flat_ner=flat)[0])


def test_older_folder_without_encoder_config_or_tokenizer(saved, tmp_path):
    """Checkpoints saved by older gliner (urchade/gliner_*-v2.1) hold only gliner_config.json (encoder_config null)
    and the weights; the backbone named by model_name gives the encoder config and the tokenizer."""
    (_, _, safe), ref, folder, ours = saved
    old = tmp_path / "old"
    old.mkdir()
    weights = "model.safetensors" if safe else "pytorch_model.bin"
    shutil.copy(folder / weights, old / weights)
    raw = json.loads((folder / "gliner_config.json").read_text())
    assert raw["vocab_size"] == ours.encoder.config.vocab_size          # the resized size is recorded
    (old / "gliner_config.json").write_text(json.dumps({**raw, "encoder_config": None}))
    legacy = GLiNER.from_pretrained(old)
    assert legacy.tokenizer.get_vocab() == ours.tokenizer.get_vocab()
    assert legacy.encoder.config == ours.encoder.config
    mine = legacy.inference(TEXTS, LABELS, threshold=0.3)
    theirs = reference_entities(ref, TEXTS, LABELS, threshold=0.3)
    assert [[(e["start"], e["end"], e["label"]) for e in x] for x in mine] == \
           [[(e["start"], e["end"], e["label"]) for e in x] for x in theirs]


def test_older_folder_without_model_name_is_refused(saved, tmp_path):
    _, _, folder, _ = saved
    old = tmp_path / "old"
    shutil.copytree(folder, old)
    raw = json.loads((old / "gliner_config.json").read_text())
    (old / "gliner_config.json").write_text(json.dumps({**raw, "encoder_config": None, "model_name": None}))
    with pytest.raises(ValueError, match="neither encoder_config nor model_name"):
        GLiNER.from_pretrained(old)


@pytest.mark.parametrize("backbone,labels_backbone,post_fusion",
                         [("deberta", "bert", False), ("bert", "deberta", True), ("deberta", "deberta", True)])
def test_saved_bi_and_poly_folders_on_any_backbone_match(tmp_path, backbone, labels_backbone, post_fusion):
    """Bi-/poly-encoder folders whose text or label encoder is DeBERTa: each encoder's family comes from its
    own config (encoder_config, labels_encoder_config), logits and entities equal gliner's, and minigliner's
    own folder (label_encoder/ subfolder) gives the model back."""
    ref = make_reference_biencoder_model(str(tmp_path), post_fusion=post_fusion, backbone=backbone,
                                         labels_backbone=labels_backbone)
    ref = spread_scores(ref, std=0.25 if post_fusion else 0.5)  # fused labels are LayerNormed, larger
    folder = save_reference(ref, str(tmp_path / "saved"))
    assert (Path(folder) / "labels_tokenizer").is_dir()
    ours = GLiNER.from_pretrained(folder)
    assert type(ours.encoder) is ENCODERS[backbone] and type(ours.label_encoder.encoder) is ENCODERS[labels_backbone]
    assert (ours.fusion is not None) == post_fusion
    _, batch = reference_batch(ref, TEXTS, LABELS)
    prompts = ours.prompt_batch([[w.text for w in split_words(t)] for t in TEXTS], [LABELS] * len(TEXTS))
    with torch.no_grad():
        expected = ref.model(**batch).logits                   # (B, W, K, C)
        logits, mask = ours(prompts)
    assert logits.shape == expected.shape
    torch.testing.assert_close(logits[mask], expected[mask], atol=1e-5, rtol=0)
    theirs = reference_entities(ref, TEXTS, LABELS, threshold=0.5)
    mine = ours.inference(TEXTS, LABELS, threshold=0.5)
    assert sum(map(len, theirs)) > 0
    assert [[(e["start"], e["end"], e["label"]) for e in t] for t in mine] == \
        [[(e["start"], e["end"], e["label"]) for e in t] for t in theirs]
    ours.save_pretrained(tmp_path / "own")                     # our format keeps each encoder's family
    again = GLiNER.from_pretrained(tmp_path / "own")
    assert type(again.encoder) is ENCODERS[backbone] and type(again.label_encoder.encoder) is ENCODERS[labels_backbone]
    with torch.no_grad():
        assert torch.equal(again(prompts)[0], logits)
