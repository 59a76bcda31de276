"""Long texts: the window plan, and end-to-end prediction over several windows."""
import copy

import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from minigliner.decoding import span_candidates
from minigliner.prompt import split_words
from minigliner.windows import plan_windows


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
