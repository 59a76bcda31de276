"""Entity-level precision, recall and F1."""
import pytest

from minigliner.apps.evaluate import evaluate, evaluate_datasets, format_table, prf, score, threshold_curve


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


# ---- agreement with gliner 0.2.29's evaluator ----------------------------------------------------

def reference_prf(predicted, gold):
    """gliner.evaluation's micro P/R/F1 on the same (start, end, label) tuples."""
    from gliner.evaluation import BaseNEREvaluator
    evaluator = BaseNEREvaluator(gold, predicted)
    true, outs = evaluator.transform_data()
    out = evaluator.compute_prf(true, outs)
    return out["precision"], out["recall"], out["f_score"]


def random_sentences(rng, n, labels=("person", "city", "date")):
    sentences = []
    for _ in range(n):
        spans = []
        for _ in range(rng.randint(0, 5)):
            s = rng.randint(0, 9)
            spans.append((s, s + rng.randint(0, 2), rng.choice(labels)))
        sentences.append(spans)
    return sentences


def test_score_agrees_with_the_reference_evaluator_on_random_predictions():
    import random
    rng = random.Random(0)
    for trial in range(30):
        gold = random_sentences(rng, 12)
        # predictions: most gold spans kept, some relabelled or moved, some invented, some duplicated
        predicted = []
        for spans in gold:
            row = [(s, e, lab) if rng.random() < 0.6 else (s, e + 1, lab) if rng.random() < 0.5 else (s, e, "city")
                   for s, e, lab in spans if rng.random() < 0.8]
            row += random_sentences(rng, 1)[0] + row[:1]
            predicted.append(row)
        ours = score(predicted, gold)
        ref = reference_prf(predicted, gold)
        assert (ours["precision"], ours["recall"], ours["f1"]) == pytest.approx(ref, abs=1e-12), trial


def test_score_agrees_with_the_reference_evaluator_on_the_hand_example_and_empty_input():
    gold = [[(0, 0, "person"), (3, 4, "city")], [(1, 1, "person"), (5, 5, "date")], []]
    predicted = [[(0, 0, "person"), (3, 3, "city")], [(1, 1, "person"), (5, 5, "person")], [(2, 2, "city")]]
    ours = score(predicted, gold)
    assert (ours["precision"], ours["recall"], ours["f1"]) == pytest.approx(reference_prf(predicted, gold))
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")                     # the reference warns on 0/0
        assert reference_prf([[], []], [[], [(0, 0, "a")]]) == (0.0, 0.0, 0.0)
    assert (score([[], []], [[], [(0, 0, "a")]])["f1"]) == 0.0


@pytest.mark.parametrize("flat_ner", [True, False])
def test_evaluate_agrees_with_the_reference_models_own_evaluate(reference_span, tiny_model, flat_ner):
    """Same weights: gliner's model.evaluate (its decoding and evaluator) gives our F1."""
    import warnings
    ref, _ = reference_span
    examples = [
        {"tokenized_text": "John lived in Paris with Mary .".split(), "ner": [[0, 0, "person"], [3, 3, "city"]]},
        {"tokenized_text": "Peter visited Berlin on Monday .".split(), "ner": [[0, 0, "person"], [2, 2, "city"],
                                                                                [4, 4, "date"]]},
        {"tokenized_text": "Anna met Paul in London in May .".split(),
         "ner": [[0, 0, "person"], [2, 2, "person"], [4, 4, "city"], [6, 6, "date"]]},
        {"tokenized_text": "the new york museum was founded in january .".split(), "ner": [[1, 2, "city"]]},
    ]
    labels = ["person", "city", "date"]
    for threshold in (0.1, 0.2, 0.35):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            _, ref_f1 = ref.evaluate(examples, flat_ner=flat_ner, threshold=threshold, batch_size=2,
                                     entity_types=labels)
        ours = evaluate(tiny_model, examples, labels, threshold=threshold, flat_ner=flat_ner, batch_size=3)
        assert ours["f1"] == pytest.approx(float(ref_f1), abs=1e-9), threshold
        assert ours["f1"] > 0                                  # the random model gets some right


# ---- threshold curve and several datasets --------------------------------------------------------

EXAMPLES = [
    {"tokenized_text": "John lived in Paris with Mary .".split(), "ner": [[0, 0, "person"], [3, 3, "city"]]},
    {"tokenized_text": "Peter visited Berlin .".split(), "ner": [[0, 0, "person"], [2, 2, "city"]]},
    {"tokenized_text": "Anna met Paul in London in May .".split(), "ner": [[0, 0, "person"], [2, 2, "person"]]},
]


@pytest.mark.parametrize("flat_ner", [True, False])
def test_threshold_curve_equals_evaluate_at_each_threshold(tiny_model, flat_ner):
    thresholds = [0.1, 0.2, 0.3, 0.45, 0.6]
    curve = threshold_curve(tiny_model, EXAMPLES, ["person", "city"], thresholds, flat_ner=flat_ner)
    assert [c["threshold"] for c in curve] == thresholds
    for point in curve:
        expected = evaluate(tiny_model, EXAMPLES, ["person", "city"], point["threshold"], flat_ner=flat_ner)
        assert {k: v for k, v in point.items() if k != "threshold"} == expected
    assert len({round(c["precision"], 6) for c in curve}) > 1        # the curve is not flat on this model
    with pytest.raises(ValueError, match="thresholds is empty"):
        threshold_curve(tiny_model, EXAMPLES, ["person"], [])


def test_evaluate_datasets_means_the_f1_and_formats_a_table(tiny_model):
    datasets = {"one": (EXAMPLES[:2], ["person", "city"]), "two": (EXAMPLES[2:], ["person"])}
    result = evaluate_datasets(tiny_model, datasets, threshold=0.3)
    one = evaluate(tiny_model, EXAMPLES[:2], ["person", "city"], 0.3)
    two = evaluate(tiny_model, EXAMPLES[2:], ["person"], 0.3)
    assert result["datasets"]["one"]["f1"] == one["f1"] and result["datasets"]["two"]["f1"] == two["f1"]
    assert result["average_f1"] == pytest.approx((one["f1"] + two["f1"]) / 2)
    assert (result["datasets"]["one"]["sentences"], result["datasets"]["one"]["entities"]) == (2, 4)
    assert result["datasets"]["two"]["entities"] == 2 and result["datasets"]["two"]["labels"] == ["person"]
    table = format_table(result, {"one": 50.0, "two": 70.0}).splitlines()
    assert table[0].split() == ["dataset", "sentences", "entities", "P", "R", "F1", "paper"]
    assert table[1].split()[:3] == ["one", "2", "4"] and table[1].split()[-1] == "50.0"
    assert table[1].split()[-2] == f"{100 * one['f1']:.1f}"
    assert table[-1].split() == ["average", f"{100 * result['average_precision']:.1f}",
                                 f"{100 * result['average_recall']:.1f}", f"{100 * result['average_f1']:.1f}", "60.0"]
    with pytest.raises(ValueError, match="no datasets"):
        evaluate_datasets(tiny_model, {})


def test_sweep_datasets_equals_evaluate_datasets_at_each_threshold(tiny_model):
    from minigliner.apps.evaluate import sweep_datasets
    datasets = {"one": (EXAMPLES[:2], ["person", "city"]), "two": (EXAMPLES[2:], ["person"])}
    sweep = sweep_datasets(tiny_model, datasets, [0.2, 0.4], flat_ner=False)
    for point, t in zip(sweep, [0.2, 0.4]):
        for name, (examples, labels) in datasets.items():
            expected = evaluate(tiny_model, examples, labels, threshold=t, flat_ner=False)
            assert {k: point["datasets"][name][k] for k in expected} == expected
        assert point["average_f1"] == pytest.approx((point["datasets"]["one"]["f1"] + point["datasets"]["two"]["f1"]) / 2)
        assert point["threshold"] == t and point["flat_ner"] is False
    assert sweep[0]["average_f1"] != sweep[1]["average_f1"]


def test_thresholds_per_label_in_evaluate_curve_and_datasets(tiny_model):
    from minigliner.apps.evaluate import sweep_datasets
    labels = ["person", "city"]
    assert evaluate(tiny_model, EXAMPLES, labels, {"person": 0.3, "city": 0.3}) == evaluate(tiny_model, EXAMPLES,
                                                                                            labels, 0.3)
    limits = {"person": 0.15, "city": 0.45}
    by_label = evaluate(tiny_model, EXAMPLES, labels, limits, flat_ner=False)
    predicted = tiny_model.inference([" ".join(ex["tokenized_text"]) for ex in EXAMPLES], labels, False, limits)
    assert by_label["precision"] > 0 and all(e["score"] > limits[e["label"]] for row in predicted for e in row)
    curve = threshold_curve(tiny_model, EXAMPLES, labels, [0.3, limits], flat_ner=False)
    assert {k: v for k, v in curve[1].items() if k != "threshold"} == by_label and curve[1]["threshold"] == limits
    datasets = {"one": (EXAMPLES[:2], labels), "two": (EXAMPLES[2:], ["person"])}
    swept = sweep_datasets(tiny_model, datasets, [limits], flat_ner=False)[0]
    assert swept["datasets"]["two"]["f1"] == evaluate(tiny_model, EXAMPLES[2:], ["person"], {"person": 0.15},
                                                      flat_ner=False)["f1"]
    with pytest.raises(ValueError, match=r"missing \['city'\]"):
        evaluate(tiny_model, EXAMPLES, labels, {"person": 0.2})


def test_calibrated_thresholds_are_at_least_as_good_as_the_best_common_one_on_their_dev_set(tiny_model):
    from minigliner.apps.evaluate import calibrate_thresholds
    labels, grid = ["person", "city"], [0.1, 0.2, 0.3, 0.4, 0.5, 0.6]
    chosen = calibrate_thresholds(tiny_model, EXAMPLES, labels, grid)
    assert set(chosen) == set(labels) and set(chosen.values()) <= set(grid)
    best_common = max(evaluate(tiny_model, EXAMPLES, labels, t)["f1"] for t in grid)
    assert evaluate(tiny_model, EXAMPLES, labels, chosen)["f1"] >= best_common
