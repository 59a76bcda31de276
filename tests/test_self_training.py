"""Self-training: weak labels are the model's own predictions; fine-tuning on them uses label smoothing."""
import copy
import random

import pytest

from minigliner.training.self_training import self_train, weak_labels
from minigliner.training.loop import TrainConfig

TEXTS = [s.split() for s in ("John lived in Paris with Mary .", "Peter visited Berlin on Monday .",
                             "Anna met Paul in London .")]
LABELS = ["person", "city"]


def test_weak_labels_are_the_models_flat_predictions(tiny_model):
    examples = weak_labels(tiny_model, TEXTS, LABELS, threshold=0.1)
    spans = tiny_model.predict_spans(TEXTS, LABELS, 0.1, flat_ner=True)
    assert [ex["tokenized_text"] for ex in examples] == TEXTS
    assert [ex["ner"] for ex in examples] == [[[s.start, s.end, LABELS[s.label]] for s in row] for row in spans]
    assert any(ex["ner"] for ex in examples)


def test_self_training_fine_tunes_with_label_smoothing(tiny_model, monkeypatch):
    model = copy.deepcopy(tiny_model)
    seen = []
    original = type(model).loss

    def spy(self, batch, targets, **overrides):
        seen.append(overrides)
        return original(self, batch, targets, **overrides)

    monkeypatch.setattr(type(model), "loss", spy)
    before = {k: v.clone() for k, v in model.state_dict().items()}
    history = self_train(model, TEXTS, LABELS, TrainConfig(steps=3, batch_size=2), threshold=0.1,
                         label_smoothing=0.1, rng=random.Random(0), progress=False)
    assert len(history) == 1 and history[0]["examples"] > 0 and len(history[0]["losses"]) == 3
    assert seen and all(o["label_smoothing"] == 0.1 for o in seen)
    assert any((before[k] != v).any() for k, v in model.state_dict().items())


def test_self_training_refuses_when_nothing_passes_the_threshold(tiny_model):
    with pytest.raises(ValueError, match="no prediction passed threshold 1.0"):
        self_train(copy.deepcopy(tiny_model), TEXTS, LABELS, TrainConfig(steps=1), threshold=1.0, progress=False)
    with pytest.raises(ValueError, match="label_smoothing must be in"):
        self_train(tiny_model, TEXTS, LABELS, TrainConfig(steps=1), label_smoothing=1.5, progress=False)
