"""Entity-level precision, recall and F1."""
import pytest

from minigliner.evaluate import evaluate, prf, score


def test_score_by_hand():
    gold = [[(0, 0, "person"), (3, 4, "city")],
            [(1, 1, "person"), (5, 5, "date")],
            []]
    predicted = [[(0, 0, "person"), (3, 3, "city")],          # one right, one with a wrong boundary
                 [(1, 1, "person"), (5, 5, "person")],         # one right, one with the wrong label
                 [(2, 2, "city")]]                             # a false positive
    result = score(predicted, gold)
    # 5 predicted, 4 gold, 2 correct
    assert result["precision"] == pytest.approx(2 / 5)
    assert result["recall"] == pytest.approx(2 / 4)
    assert result["f1"] == pytest.approx(2 * 0.4 * 0.5 / 0.9)
    per = result["per_label"]
    assert list(per) == ["city", "date", "person"]
    assert per["person"] == pytest.approx({"precision": 2 / 3, "recall": 1.0, "f1": 0.8})
    assert per["city"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0}      # 2 predicted, 1 gold, 0 correct
    assert per["date"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0}      # never predicted


def test_score_counts_duplicates_once_and_accepts_lists():
    gold = [[[0, 1, "org"]]]
    assert score([[[0, 1, "org"], (0, 1, "org")]], gold)["f1"] == 1.0


def test_score_perfect_and_empty():
    gold = [[(0, 1, "a")], [(2, 2, "b")]]
    assert score(gold, gold)["f1"] == 1.0
    assert score([[], []], [[], []]) == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "per_label": {}}


def test_prf_is_zero_where_undefined():
    assert prf(0, 3, 0) == {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    assert prf(4, 0, 0)["recall"] == 0.0
    assert prf(4, 2, 2) == pytest.approx({"precision": 0.5, "recall": 1.0, "f1": 2 / 3})


def test_mismatched_lengths_raise():
    with pytest.raises(ValueError, match="2 predicted sentences but 3 gold sentences"):
        score([[], []], [[], [], []])


def test_evaluate_scores_the_models_own_predictions(tiny_model):
    examples = [
        {"tokenized_text": "John lived in Paris with Mary .".split(), "ner": [[0, 0, "person"], [3, 3, "city"]]},
        {"tokenized_text": "Peter visited Berlin .".split(), "ner": [[0, 0, "person"], [2, 2, "city"], [3, 3, "other"]]},
    ]
    labels = ["person", "city"]
    spans = tiny_model.predict_spans([ex["tokenized_text"] for ex in examples], labels, 0.1)
    predicted = [[(s.start, s.end, labels[s.label]) for s in row] for row in spans]
    gold = [[(0, 0, "person"), (3, 3, "city")], [(0, 0, "person"), (2, 2, "city")]]   # "other" is not asked for
    assert evaluate(tiny_model, examples, labels, threshold=0.1) == score(predicted, gold)
    assert sum(map(len, predicted)) > 0
    with pytest.raises(ValueError, match="labels is empty"):
        evaluate(tiny_model, examples, [])
