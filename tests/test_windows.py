"""Long texts: the window plan, and end-to-end prediction over several windows."""
import copy

import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from minigliner.core.decoding import span_candidates
from minigliner.core.prompt import split_words
from minigliner.inference.windows import plan_windows


@st.composite
def plans(draw):
    budget = draw(st.integers(1, 12))
    costs = draw(st.lists(st.integers(0, budget), min_size=1, max_size=60))
    max_words = draw(st.integers(1, 15))
    stride = draw(st.integers(1, max_words))
    return costs, budget, max_words, stride


@settings(max_examples=300, deadline=None)
@given(plans())
def test_windows_cover_respect_limits_and_overlap(plan):
    costs, budget, max_words, stride = plan
    windows = plan_windows(costs, budget, max_words, stride)
    assert windows[0][0] == 0 and windows[-1][1] == len(costs)
    covered = set()
    for s, e in windows:
        assert 0 <= s < e <= len(costs)                       # never empty
        assert e - s <= max_words                             # word limit
        assert sum(costs[s:e]) <= budget                      # subword limit
        covered |= set(range(s, e))
    assert covered == set(range(len(costs)))                  # every word is read
    for (s1, e1), (s2, e2) in zip(windows, windows[1:]):
        assert s1 < s2 and e1 <= e2                            # moving forward
        assert s2 - s1 <= stride                               # at most stride apart
        if e1 - s1 > 1:
            assert s2 < e1                                    # consecutive windows overlap


def test_plan_windows_hand_example():
    assert plan_windows([1] * 10, budget=100, max_words=4, stride=2) == [(0, 4), (2, 6), (4, 8), (6, 10)]
    assert plan_windows([1] * 3, budget=100, max_words=4, stride=2) == [(0, 3)]
    # the subword budget binds before the word limit: costs 3+3 > 5
    assert plan_windows([3, 1, 1, 3, 1], budget=5, max_words=10, stride=10) == [(0, 3), (2, 5)]


def test_a_word_longer_than_the_budget_raises():
    with pytest.raises(ValueError, match=r"word 2 alone is 9 subwords, more than the 8 left after the label prompt"):
        plan_windows([1, 2, 9, 1], budget=8, max_words=5, stride=3)


# ---- end to end --------------------------------------------------------------------------------

SENTENCE = "John lived in Paris with Mary . "
LABELS = ["person", "city"]


def windowed(model, max_len, stride):
    m = copy.deepcopy(model)
    m.config = m.config.replace(max_len=max_len, window_stride=stride)
    return m


def test_long_text_gives_entities_across_the_whole_text(tiny_model):
    m = windowed(tiny_model, max_len=10, stride=6)
    text = SENTENCE * 12                                           # 84 words, 14 windows
    words = split_words(text)
    assert len(words) > 8 * m.config.max_len
    entities = m.predict_entities(text, LABELS, threshold=0.3)
    assert entities
    for e in entities:
        assert e["text"] == text[e["start"]:e["end"]]
        assert any(w.start == e["start"] for w in words) and any(w.end == e["end"] for w in words)
    first_window_end = words[m.config.max_len - 1].end
    assert max(e["start"] for e in entities) > 5 * first_window_end   # found far past the first window
    assert min(e["start"] for e in entities) < first_window_end        # and in the first one
    starts = [e["start"] for e in entities]
    assert starts == sorted(starts)


def test_window_entities_have_their_best_window_score(tiny_model):
    """Each entity's score is the best probability of that span over the windows that contain it whole."""
    m = windowed(tiny_model, max_len=9, stride=5)
    text = SENTENCE * 5
    words = [w.text for w in split_words(text)]
    spans = m.predict_spans([words], LABELS, threshold=0.3, flat_ner=False)[0]
    assert spans and max(s.start for s in spans) >= m.config.max_len
    windows = plan_windows([1] * len(words), 10 ** 6, m.config.max_len, m.config.window_stride)
    assert len(windows) > 3
    best = {}
    with torch.no_grad():
        for s, e in windows:
            probs = torch.sigmoid(m(m.prompt_batch([words[s:e]], [LABELS]))[0][0])
            for c in span_candidates(probs, e - s, 0.3):
                key = (c.start + s, c.end + s, c.label)
                best[key] = max(best.get(key, 0.0), c.score)
    for span in spans:
        assert span.score == pytest.approx(best[(span.start, span.end, span.label)], abs=1e-5)


def test_a_one_window_text_is_unchanged(tiny_model):
    text = "John lived in Paris with Mary , said the president of Google ."
    assert len(split_words(text)) <= 13
    m = windowed(tiny_model, max_len=13, stride=5)
    for threshold in (0.0, 0.3):
        before = tiny_model.predict_entities(text, LABELS, threshold=threshold, flat_ner=False)
        after = m.predict_entities(text, LABELS, threshold=threshold, flat_ner=False)
        assert before
        assert [(e["start"], e["end"], e["label"]) for e in after] == [(e["start"], e["end"], e["label"]) for e in before]
        assert [e["score"] for e in after] == pytest.approx([e["score"] for e in before], abs=1e-6)


def test_the_encoder_position_limit_also_makes_windows(tiny_model):
    """Fewer words than max_len but more subwords than the encoder has positions: still windows, whole text read."""
    m = windowed(tiny_model, max_len=384, stride=256)
    text = "Schwarzenegger visited Copenhagen with Mary . " * 30            # 180 words
    words = split_words(text)
    costs = [len(m.tokenizer.encode(w.text, add_special_tokens=False).ids) for w in words]
    positions = m.encoder.config.max_position_embeddings
    assert len(words) < m.config.max_len and sum(costs) > positions
    # the first window cannot reach past the word where the subwords alone overflow the encoder
    overflow = next(i for i in range(len(costs)) if sum(costs[:i + 1]) > positions)
    entities = m.predict_entities(text, LABELS, threshold=0.0)
    assert all(e["text"] == text[e["start"]:e["end"]] for e in entities)
    assert any(e["start"] > words[overflow].start for e in entities)
    assert entities[-1]["end"] == words[-1].end                      # threshold 0: the last word is covered


# ---- label groups: a uni-encoder prompt that does not fit ---------------------------------------

from minigliner.core.prompt import subword_costs  # noqa: E402
from minigliner.inference.windows import plan_jobs, plan_label_groups  # noqa: E402


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(1, 6), min_size=1, max_size=80), st.integers(6, 30))
def test_label_groups_cover_every_label_once_within_budget(costs, budget):
    groups = plan_label_groups(costs, budget)
    assert groups[0][0] == 0 and groups[-1][1] == len(costs)
    for (lo, hi), (lo2, _) in zip(groups, groups[1:] + [(len(costs), None)]):
        assert lo < hi == lo2                                  # consecutive, none empty, none skipped
        assert sum(costs[lo:hi]) <= budget
    for (lo, hi), (lo2, hi2) in zip(groups, groups[1:]):
        assert sum(costs[lo:hi]) + costs[lo2] > budget         # greedy: a group is full before the next starts


def test_a_label_longer_than_the_budget_raises():
    with pytest.raises(ValueError, match="label 1 alone takes 40 subwords of prompt, more than the 30"):
        plan_label_groups([3, 40, 2], 30)


def test_plan_jobs_keeps_one_prompt_when_it_fits_and_splits_when_it_does_not():
    assert plan_jobs([[1] * 10], [2] * 5, positions=100, max_words=50, stride=30) == [(0, 0, 10, 0, 5)]
    # 40 labels of 3 subwords = 120 > 100 - 3 - min(10, 50): two groups, each reading the whole text
    jobs = plan_jobs([[1] * 10], [3] * 40, positions=100, max_words=50, stride=30)
    assert [(lo, hi) for *_, lo, hi in jobs] == [(0, 29), (29, 40)] and all(j[1:3] == (0, 10) for j in jobs)
    # bi-encoder: labels are not in the input, every label at once
    assert plan_jobs([[1] * 10], [3] * 400, 100, 50, 30, labels_in_prompt=False) == [(0, 0, 10, 0, 400)]


MANY = [f"{w} type" for w in ("person", "city", "date", "company", "team", "river", "museum", "bank")] * 40


def test_too_many_labels_for_one_prompt_are_split_and_merged(tiny_model):
    """320 labels (~1,000 prompt subwords) overflow the 512 positions: no error, no label dropped,
    and every entity's score is the probability of its label group's prompt."""
    labels = [f"{label} {i}" for i, label in enumerate(MANY)]
    text = "John lived in Paris with Mary ."
    words = [w.text for w in split_words(text)]
    label_costs = [c + 1 for c in subword_costs(tiny_model.tokenizer, labels)]
    assert sum(label_costs) > tiny_model.encoder.config.max_position_embeddings
    cfg = tiny_model.config
    jobs = plan_jobs([subword_costs(tiny_model.tokenizer, words)], label_costs, 512, cfg.max_len, cfg.window_stride)
    assert len(jobs) > 1 and jobs[-1][4] == len(labels)
    spans = tiny_model.predict_spans([words], labels, threshold=0.0, flat_ner=True)[0]
    assert spans
    with torch.no_grad():
        for span in spans:
            _, s, e, lo, hi = next(j for j in jobs if j[3] <= span.label < j[4])
            probs = torch.sigmoid(tiny_model(tiny_model.prompt_batch([words[s:e]], [labels[lo:hi]]))[0][0])
            assert span.score == pytest.approx(probs[span.start - s, span.end - span.start, span.label - lo].item(),
                                               abs=1e-6)
    # the best label of each word may come from any group: the last group is read, not dropped
    nested = tiny_model.predict_spans([words], labels, threshold=0.0, flat_ner=False, multi_label=True)[0]
    assert max(s.label for s in nested) >= jobs[-1][3]
