"""Parity with gliner 0.2.29's token-level model (span_mode="token_level") on identical tiny weights."""
import pytest
import torch
from reference_models import (PARITY_LABELS, PARITY_TEXTS, make_reference_token_model, reference_batch,
                              reference_entities, save_reference, spread_token_scores)

from minigliner import GLiNER
from minigliner.core.prompt import split_words
from minigliner.variants.token_head import token_targets

TEXTS = PARITY_TEXTS
LABELS = PARITY_LABELS


@pytest.fixture(scope="module")
def token_pair(tmp_path_factory):
    """(reference token model, minigliner loaded from its saved folder); the last MLP layer is
    redrawn in both so start/end/inside probabilities spread and thresholds decode differently."""
    tmp = tmp_path_factory.mktemp("ref_token")
    ref = spread_token_scores(make_reference_token_model(str(tmp), seed=0), TEXTS, LABELS)
    folder = save_reference(ref, str(tmp / "saved"))
    return ref, GLiNER.from_pretrained(folder)


def test_word_vectors_and_logits_match(token_pair):
    ref, ours = token_pair
    _, batch = reference_batch(ref, TEXTS, LABELS)
    with torch.no_grad():
        theirs = ref.model(**batch)
        prompts = ours.prompt_batch([[w.text for w in split_words(t)] for t in TEXTS], [LABELS] * 3)
        words, _ = ours.encode(prompts)
        logits, word_mask = ours(prompts)
    assert logits.shape == theirs.logits.shape                   # (B, W, C, 3)
    assert torch.equal(word_mask, theirs.mask.bool())
    torch.testing.assert_close(words[word_mask], theirs.words_embedding[word_mask], atol=1e-5, rtol=0)
    torch.testing.assert_close(logits[word_mask], theirs.logits[word_mask], atol=1e-5, rtol=0)


EXAMPLES = [
    {"tokenized_text": "John was born in Copenhagen in January .".split(),
     "ner": [[0, 0, "person"], [4, 4, "city"], [6, 6, "date"]]},
    {"tokenized_text": "Arnold Schwarzenegger visited the museum in Paris with Mary .".split(),
     "ner": [[0, 1, "person"], [6, 6, "city"], [8, 8, "person"]]},
]


@pytest.mark.parametrize("settings", [dict(reduction="sum"), dict(reduction="mean"),
                                      dict(alpha=0.75, gamma=2.0), dict(label_smoothing=0.1)],
                         ids=lambda s: ",".join(f"{k}={v}" for k, v in s.items()))
def test_loss_matches(token_pair, settings):
    ref, ours = token_pair
    labels = [["person", "city", "date"], ["city", "person", "organization"]]
    collator = ref.data_collator_class(ref.config, data_processor=ref.data_processor, prepare_labels=True)
    batch = collator(EXAMPLES, entity_types=labels)
    with torch.no_grad():
        theirs = ref.model(**batch, **settings).loss
        prompts = ours.prompt_batch([ex["tokenized_text"] for ex in EXAMPLES], labels)
        targets, too_wide = ours.targets(EXAMPLES, labels, int(prompts.num_words.max()))
        assert torch.equal(targets, batch["labels"].to(targets.dtype))
        loss = ours.loss(prompts, targets, **settings)
    torch.testing.assert_close(loss, theirs.to(loss.dtype), atol=1e-5, rtol=1e-6)


@pytest.mark.parametrize("threshold", [0.3, 0.5, 0.6, 0.9])
@pytest.mark.parametrize("flat", [True, False])
def test_decoded_entities_match(token_pair, threshold, flat):
    ref, ours = token_pair
    theirs = reference_entities(ref, TEXTS, LABELS, threshold=threshold, flat_ner=flat)
    mine = ours.inference(TEXTS, LABELS, threshold=threshold, flat_ner=flat)
    key = lambda ents: [(e["start"], e["end"], e["label"]) for e in ents]
    assert [key(x) for x in mine] == [key(x) for x in theirs]
    for a, b in zip(mine, theirs):
        assert [e["score"] for e in a] == pytest.approx([e["score"] for e in b], abs=1e-6)


def test_thresholds_decode_differently(token_pair):
    """Guard against a vacuous comparison above: thresholds and modes change what is decoded."""
    _, ours = token_pair
    decoded = {(t, flat): [[(e["start"], e["end"], e["label"]) for e in ents]
                           for ents in ours.inference(TEXTS, LABELS, threshold=t, flat_ner=flat)]
               for t in (0.3, 0.5, 0.6, 0.9) for flat in (True, False)}
    assert decoded[(0.5, False)] != decoded[(0.9, False)]
    assert decoded[(0.5, True)] != decoded[(0.9, True)] and decoded[(0.5, True)] != decoded[(0.5, False)]
    assert any(decoded[(0.9, False)])


def test_mean_scoring_is_the_mean_of_inside_probabilities(token_pair):
    _, ours = token_pair
    mean_model = GLiNER(ours.config.replace(token_scoring="mean"), ours.encoder, ours.tokenizer)
    mean_model.load_state_dict(ours.state_dict())
    mean_model.eval()
    text = TEXTS[1]
    words = [w.text for w in split_words(text)]
    with torch.no_grad():
        probs = torch.sigmoid(ours(ours.prompt_batch([words], [LABELS]))[0][0])   # (W, C, 3)
    ents = mean_model.predict_spans([words], LABELS, threshold=0.5, flat_ner=False)[0]
    assert ents
    for span in ents:
        expected = probs[span.start:span.end + 1, span.label, 2].mean().item()
        assert span.score == pytest.approx(expected, abs=1e-6)
