"""From span x label probabilities to entities: hand examples and properties of greedy selection."""
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from minigliner.core.decoding import Span, conflicts, decode_spans, greedy_select, nested, overlaps, span_candidates


def probs_with(W, K, C, entries):
    """(W, K, C) zeros with probabilities at (start, end_inclusive, label)."""
    probs = torch.zeros(W, K, C)
    for (s, e, c), p in entries.items():
        probs[s, e - s, c] = p
    return probs


def spans(result):
    return [(s.start, s.end, s.label) for s in result]


def test_flat_drops_overlapping_lower_scores():
    probs = probs_with(5, 3, 2, {(0, 1, 0): 0.9, (1, 2, 1): 0.8, (3, 3, 0): 0.7, (2, 4, 0): 0.6})
    assert spans(decode_spans(probs, 5, 0.5, flat=True)) == [(0, 1, 0), (3, 3, 0)]


def test_nested_keeps_contained_spans_but_not_crossing_ones():
    probs = probs_with(5, 4, 1, {(0, 3, 0): 0.9, (1, 1, 0): 0.8, (2, 4, 0): 0.85, (3, 3, 0): 0.7})
    assert spans(decode_spans(probs, 5, 0.5, flat=False)) == [(0, 3, 0), (1, 1, 0), (3, 3, 0)]
    assert spans(decode_spans(probs, 5, 0.5, flat=True)) == [(0, 3, 0)]


def test_multi_label_keeps_the_same_span_with_several_labels():
    probs = probs_with(3, 2, 3, {(0, 1, 0): 0.9, (0, 1, 2): 0.8, (1, 1, 1): 0.95})
    assert spans(decode_spans(probs, 3, 0.5, flat=True, multi_label=False)) == [(1, 1, 1)]
    # multi_label: a span may repeat with other labels, but different overlapping spans still conflict
    assert spans(decode_spans(probs, 3, 0.5, flat=True, multi_label=True)) == [(1, 1, 1)]
    probs[1, 0, 1] = 0.0
    assert spans(decode_spans(probs, 3, 0.5, flat=True, multi_label=False)) == [(0, 1, 0)]
    assert spans(decode_spans(probs, 3, 0.5, flat=True, multi_label=True)) == [(0, 1, 0), (0, 1, 2)]


def test_threshold_is_strict():
    probs = probs_with(3, 1, 1, {(0, 0, 0): 0.5, (2, 2, 0): 0.75})
    assert spans(decode_spans(probs, 3, 0.5)) == [(2, 2, 0)]
    assert spans(decode_spans(probs, 3, 0.75)) == []
    assert spans(decode_spans(probs, 3, 0.25)) == [(0, 0, 0), (2, 2, 0)]
    assert spans(decode_spans(torch.zeros(3, 1, 1), 3, 0.0)) == []  # zero is not above zero


def test_ties_keep_candidate_order():
    """Equal scores: the earlier candidate (start, then width, then label) wins."""
    probs = probs_with(4, 2, 2, {(1, 2, 0): 0.7, (0, 1, 1): 0.7, (0, 1, 0): 0.7, (2, 3, 1): 0.7})
    assert spans(span_candidates(probs, 4, 0.5)) == [(0, 1, 0), (0, 1, 1), (1, 2, 0), (2, 3, 1)]
    assert spans(decode_spans(probs, 4, 0.5, flat=True)) == [(0, 1, 0), (2, 3, 1)]
    assert spans(decode_spans(probs, 4, 0.5, flat=True, multi_label=True)) == [(0, 1, 0), (0, 1, 1), (2, 3, 1)]


def test_spans_past_the_text_are_dropped():
    probs = probs_with(6, 3, 1, {(2, 4, 0): 0.99, (3, 3, 0): 0.6, (1, 2, 0): 0.7})
    assert spans(decode_spans(probs, 4, 0.5, flat=True)) == [(1, 2, 0), (3, 3, 0)]
    assert spans(decode_spans(probs, 6, 0.5, flat=True)) == [(2, 4, 0)]


def test_candidates_carry_scores_and_results_are_sorted_by_start():
    probs = probs_with(5, 2, 2, {(4, 4, 1): 0.9, (0, 0, 0): 0.6, (2, 3, 0): 0.8})
    out = decode_spans(probs, 5, 0.5)
    assert [s.start for s in out] == [0, 2, 4]
    assert [s.score for s in out] == pytest.approx([0.6, 0.8, 0.9])
    assert all(isinstance(s, Span) and isinstance(s.start, int) for s in out)


def test_conflict_predicates():
    a, b, c, d = Span(0, 3, 0, 1.0), Span(1, 2, 0, 1.0), Span(3, 5, 0, 1.0), Span(4, 5, 0, 1.0)
    assert overlaps(a, b) and overlaps(a, c) and not overlaps(a, d)
    assert nested(a, b) and nested(b, a) and not nested(a, c)
    assert conflicts(a, b, flat=True, multi_label=False) and not conflicts(a, b, flat=False, multi_label=False)
    assert conflicts(a, c, flat=False, multi_label=False)
    same = Span(0, 3, 1, 0.5)
    assert conflicts(a, same, flat=False, multi_label=False) and not conflicts(a, same, flat=True, multi_label=True)


# ---- properties -------------------------------------------------------------------------------

@st.composite
def prob_tables(draw):
    W, K, C = draw(st.integers(1, 7)), draw(st.integers(1, 4)), draw(st.integers(1, 3))
    # binary fractions: exact in float32, so ties and "exactly at the threshold" really happen
    values = draw(st.lists(st.sampled_from([0.0, 0.125, 0.25, 0.375, 0.5, 0.5625, 0.625, 0.75, 0.875, 0.9375, 1.0]),
                           min_size=W * K * C, max_size=W * K * C))
    num_words = draw(st.integers(0, W))
    return torch.tensor(values).view(W, K, C), num_words


PROPS = settings(max_examples=150, deadline=None)


def crossing(a, b):
    return overlaps(a, b) and not nested(a, b)


@PROPS
@given(prob_tables(), st.sampled_from([0.0, 0.25, 0.5, 0.75]), st.booleans())
def test_flat_never_overlaps(table, threshold, multi):
    probs, n = table
    out = decode_spans(probs, n, threshold, flat=True, multi_label=multi)
    for i, a in enumerate(out):
        assert a.end < n and a.score > threshold
        for b in out[i + 1:]:
            if (a.start, a.end) != (b.start, b.end):
                assert not overlaps(a, b)


@PROPS
@given(prob_tables(), st.sampled_from([0.0, 0.25, 0.5, 0.75]), st.booleans())
def test_nested_never_crosses(table, threshold, multi):
    probs, n = table
    out = decode_spans(probs, n, threshold, flat=False, multi_label=multi)
    for i, a in enumerate(out):
        for b in out[i + 1:]:
            assert not crossing(a, b)


@PROPS
@given(prob_tables(), st.booleans(), st.booleans())
def test_boundaries_repeat_only_with_multi_label_and_different_labels(table, flat, multi):
    probs, n = table
    out = decode_spans(probs, n, 0.25, flat=flat, multi_label=multi)
    keys = [(s.start, s.end, s.label) for s in out]
    assert len(set(keys)) == len(keys)
    bounds = [(s.start, s.end) for s in out]
    if not multi:
        assert len(set(bounds)) == len(bounds)


@PROPS
@given(prob_tables(), st.sampled_from([0.0, 0.25, 0.5]), st.sampled_from([0.5625, 0.75, 0.875]),
       st.booleans(), st.booleans())
def test_a_higher_threshold_never_adds_entities(table, low, high, flat, multi):
    probs, n = table
    loose = decode_spans(probs, n, low, flat=flat, multi_label=multi)
    strict = decode_spans(probs, n, high, flat=flat, multi_label=multi)
    assert set(strict) <= set(loose)
    assert strict == [s for s in loose if s.score > high]  # greedy: only the weakest picks disappear


@PROPS
@given(prob_tables(), st.booleans(), st.booleans())
def test_every_dropped_candidate_is_blocked_by_a_kept_one_at_least_as_good(table, flat, multi):
    probs, n = table
    candidates = span_candidates(probs, n, 0.25)
    kept = greedy_select(candidates, flat, multi)
    assert set(kept) <= set(candidates)
    for cand in set(candidates) - set(kept):
        assert any(conflicts(cand, k, flat, multi) and k.score >= cand.score for k in kept)


# ---- best label only: the flat single-label decoder's shortcut --------------------------------

def _rows(row, start, end, label, score, B):
    out = [[] for _ in range(B)]
    for r, s, e, c, p in zip(row.tolist(), start.tolist(), end.tolist(), label.tolist(), score.tolist()):
        out[r].append(Span(s, e, c, p))
    return out


@settings(max_examples=200, deadline=None)
@given(seed=st.integers(0, 10 ** 6), levels=st.integers(2, 6), threshold=st.sampled_from([0.0, 0.3, 0.5]))
def test_best_label_only_selects_the_same_flat_entities(seed, levels, threshold):
    from minigliner.core.decoding import batch_span_candidates
    from minigliner.core.spans import span_mask
    g = torch.Generator().manual_seed(seed)
    B, W, K, C = 3, 7, 4, 5
    # few distinct values: many ties between labels of one span and between spans
    probs = torch.randint(0, levels, (B, W, K, C), generator=g).float() / (levels - 1)   # (B, W, K, C)
    probs[torch.rand(B, W, K, C, generator=g) < 0.05] = float("nan")                      # a broken score is skipped
    num_words, num_labels = torch.tensor([7, 5, 1]), torch.tensor([5, 3, 1])               # padding in W and C
    mask = span_mask(num_words, W, K)                                                      # (B, W, K)
    full = _rows(*batch_span_candidates(probs, mask, num_labels, threshold), B)
    best = _rows(*batch_span_candidates(probs, mask, num_labels, threshold, best_label_only=True), B)
    for f, b in zip(full, best):
        assert set(b) <= set(f) and len({s[:2] for s in b}) == len(b)   # a subset, one label per span
        assert greedy_select(b) == greedy_select(f)


def test_best_label_only_keeps_the_first_of_equal_labels_and_ignores_padding_labels():
    from minigliner.core.decoding import batch_span_candidates
    probs = torch.zeros(1, 2, 1, 4)
    probs[0, 0, 0] = torch.tensor([0.2, 0.9, 0.9, 0.99])   # labels 1 and 2 tie; label 3 is padding
    probs[0, 1, 0] = torch.tensor([float("nan"), 0.7, 0.1, 0.0])
    row, start, end, label, score = batch_span_candidates(probs, torch.ones(1, 2, 1, dtype=torch.bool),
                                                          torch.tensor([3]), 0.5, best_label_only=True)
    assert start.tolist() == [0, 1] and label.tolist() == [1, 1] and score.tolist() == pytest.approx([0.9, 0.7])
