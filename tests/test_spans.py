"""Span enumeration, the valid-span mask, the markerV0 span representation and span x label scores."""
import pytest
import torch

from minigliner.core.spans import SpanMarker, enumerate_spans, score_spans, span_mask


def test_enumeration_order_is_start_major_then_width():
    spans = enumerate_spans(3, 2)
    assert spans.shape == (6, 2) and spans.dtype == torch.long
    assert spans.tolist() == [[0, 0], [0, 1], [1, 1], [1, 2], [2, 2], [2, 3]]


@pytest.mark.parametrize("W,K", [(1, 1), (4, 3), (5, 12), (0, 4)])
def test_enumeration_shape_and_index(W, K):
    spans = enumerate_spans(W, K)
    assert spans.shape == (W * K, 2)
    for i, (s, e) in enumerate(spans.tolist()):
        assert (s, e - s) == divmod(i, K)   # flat index = start * K + width


def test_span_mask_marks_spans_ending_inside_each_text():
    mask = span_mask(torch.tensor([3, 1, 0]), num_words=3, max_width=2)
    assert mask.shape == (3, 3, 2) and mask.dtype == torch.bool
    assert mask[0].tolist() == [[True, True], [True, True], [True, False]]
    assert mask[1].tolist() == [[True, False], [False, False], [False, False]]
    assert not mask[2].any()


def test_span_mask_counts():
    lengths = torch.tensor([7, 2, 5])
    mask = span_mask(lengths, num_words=7, max_width=3)
    for b, n in enumerate(lengths.tolist()):
        assert mask[b].sum() == sum(min(3, n - s) for s in range(n))


def loop_marker(marker, words):
    B, W, D = words.shape
    K = marker.max_width
    out = torch.zeros(B, W, K, D)
    for b in range(B):
        for i in range(W):
            for k in range(K):
                j = min(i + k, W - 1)
                pair = torch.cat([marker.start(words[b, i]), marker.end(words[b, j])]).relu()
                out[b, i, k] = marker.out(pair)
    return out


def test_span_marker_equals_a_loop():
    torch.manual_seed(4)
    marker = SpanMarker(hidden_size=8, max_width=3, dropout=0.4).eval()
    words = torch.randn(2, 5, 8)
    with torch.no_grad():
        got = marker(words)
        expected = loop_marker(marker, words)
    assert got.shape == (2, 5, 3, 8)
    valid = span_mask(torch.tensor([5, 3]), 5, 3)
    torch.testing.assert_close(got[valid], expected[valid], atol=1e-5, rtol=0)
    torch.testing.assert_close(got, expected, atol=1e-5, rtol=0)  # clamped ends: same garbage as the loop


def test_span_marker_is_not_symmetric_in_start_and_end():
    """[start; end] order matters: span (0, 1) differs from span (1, 1) and from a swapped concatenation."""
    torch.manual_seed(5)
    marker = SpanMarker(hidden_size=4, max_width=2, dropout=0.0).eval()
    words = torch.randn(1, 2, 4)
    with torch.no_grad():
        out = marker(words)
        swapped = marker.out(torch.cat([marker.start(words[0, 1]), marker.end(words[0, 0])]).relu())
    assert not torch.allclose(out[0, 0, 1], swapped)


def test_span_marker_dropout_only_in_training():
    torch.manual_seed(6)
    marker = SpanMarker(hidden_size=8, max_width=2, dropout=0.5)
    words = torch.randn(1, 4, 8)
    marker.eval()
    assert torch.equal(marker(words), marker(words))
    marker.train()
    assert not torch.equal(marker(words), marker(words))


def test_one_shared_label_list_broadcasts_over_the_batch():
    spans, labels = torch.randn(3, 4, 2, 5), torch.randn(1, 6, 5)   # (B, W, K, D), (1, C, D)
    torch.testing.assert_close(score_spans(spans, labels), score_spans(spans, labels.expand(3, -1, -1)))


def test_score_spans_is_a_dot_product():
    torch.manual_seed(7)
    spans, labels = torch.randn(2, 3, 2, 5), torch.randn(2, 4, 5)
    got = score_spans(spans, labels)
    assert got.shape == (2, 3, 2, 4)
    for b in range(2):
        for w in range(3):
            for k in range(2):
                for c in range(4):
                    assert got[b, w, k, c].item() == pytest.approx(torch.dot(spans[b, w, k], labels[b, c]).item(), abs=1e-5)
