"""Span classification losses: clamped BCE, focal terms, label smoothing, reductions, masks, negative sampling."""
import math

import pytest
import torch

from minigliner.core.losses import EPS, binary_losses, negative_mask, span_loss


def test_binary_losses_equal_bce_with_logits_in_the_unclamped_range():
    torch.manual_seed(0)
    logits = torch.empty(2000, dtype=torch.float64).uniform_(-9.9, 9.9)
    targets = torch.randint(0, 2, (2000,)).double()
    expected = torch.nn.BCEWithLogitsLoss(reduction="none")(logits, targets)
    torch.testing.assert_close(binary_losses(logits, targets), expected, atol=1e-9, rtol=1e-9)
    # float32, as used in training: same up to float rounding of 1 - sigmoid
    got32 = binary_losses(logits.float(), targets.float())
    torch.testing.assert_close(got32.double(), expected, atol=2e-3, rtol=1e-3)


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_binary_losses_saturate_at_minus_log_eps(dtype):
    cap = -math.log(EPS)
    assert cap == pytest.approx(13.8155, abs=1e-4)
    logits = torch.tensor([-14.0, -20.0, -100.0, 14.0, 20.0, 100.0], dtype=dtype)
    wrong = torch.tensor([1.0, 1.0, 1.0, 0.0, 0.0, 0.0], dtype=dtype)   # confidently wrong
    torch.testing.assert_close(binary_losses(logits, wrong), torch.full((6,), cap, dtype=dtype), atol=1e-4, rtol=0)
    right = 1 - wrong
    assert (binary_losses(logits, right) < 1e-5).all()
    # just inside the clamp the loss still follows BCE and stays below the cap
    below = binary_losses(torch.tensor([-13.0], dtype=torch.float64), torch.tensor([1.0], dtype=torch.float64))
    assert below.item() == pytest.approx(13.0 + math.log1p(math.exp(-13.0)), abs=1e-6) and below.item() < cap


def test_focal_loss_by_hand():
    logits = torch.tensor([2.0, -1.0, 0.5, -3.0], dtype=torch.float64)
    targets = torch.tensor([1.0, 1.0, 0.0, 0.0], dtype=torch.float64)
    alpha, gamma = 0.25, 2.0
    got = binary_losses(logits, targets, alpha=alpha, gamma=gamma)
    for x, y, g in zip(logits.tolist(), targets.tolist(), got.tolist()):
        p = 1 / (1 + math.exp(-x))
        p_t = p if y == 1 else 1 - p
        a_t = alpha if y == 1 else 1 - alpha
        assert g == pytest.approx(-a_t * (1 - p_t) ** gamma * math.log(p_t), rel=1e-9)
    # gamma only, alpha only
    only_gamma = binary_losses(logits, targets, gamma=gamma)
    only_alpha = binary_losses(logits, targets, alpha=alpha)
    plain = binary_losses(logits, targets)
    p = torch.sigmoid(logits)
    p_t = torch.where(targets == 1, p, 1 - p)
    torch.testing.assert_close(only_gamma, plain * (1 - p_t) ** gamma)
    torch.testing.assert_close(only_alpha, plain * torch.where(targets == 1, alpha, 1 - alpha).double())


def test_label_smoothing_targets():
    s = 0.2
    logits = torch.tensor([1.5, -0.5, 3.0], dtype=torch.float64)
    targets = torch.tensor([1.0, 0.0, 1.0], dtype=torch.float64)
    smooth = targets * (1 - s) + s / 2                                  # 0.9, 0.1, 0.9
    assert smooth.tolist() == pytest.approx([0.9, 0.1, 0.9])
    expected = torch.nn.functional.binary_cross_entropy_with_logits(logits, smooth, reduction="none")
    torch.testing.assert_close(binary_losses(logits, targets, label_smoothing=s), expected)
    # smoothing makes even a perfect logit pay something
    assert binary_losses(torch.tensor([50.0]), torch.tensor([1.0]), label_smoothing=s).item() > 0.5


def setup_batch(B=2, W=4, K=3, C=3, seed=0):
    g = torch.Generator().manual_seed(seed)
    logits = torch.randn(B, W, K, C, generator=g)
    targets = torch.zeros(B, W, K, C)
    targets[0, 0, 1, 0] = 1
    targets[0, 2, 0, 2] = 1
    targets[1, 1, 0, 1] = 1
    lengths = torch.tensor([W, W - 1])
    from minigliner.core.spans import span_mask
    mask = span_mask(lengths, W, K)
    label_mask = torch.tensor([[True, True, True], [True, True, False]])
    return logits, targets, mask, label_mask


def test_sum_reduction_is_the_sum_over_valid_pairs():
    logits, targets, mask, label_mask = setup_batch()
    total = span_loss(logits, targets, mask, label_mask, reduction="sum")
    elem = binary_losses(logits, targets)
    valid = mask[..., None] & label_mask[:, None, None, :]
    assert total.item() == pytest.approx(elem[valid].sum().item(), rel=1e-6)


def test_mean_reduction_divides_by_valid_spans():
    logits, targets, mask, label_mask = setup_batch()
    total = span_loss(logits, targets, mask, label_mask, reduction="sum")
    mean = span_loss(logits, targets, mask, label_mask, reduction="mean")
    assert mean.item() == pytest.approx(total.item() / mask.sum().item(), rel=1e-6)
    empty = span_loss(logits, targets, torch.zeros_like(mask), label_mask, reduction="mean")
    assert empty.item() == 0.0 and not torch.isnan(empty)


def test_masked_spans_and_labels_contribute_nothing():
    logits, targets, mask, label_mask = setup_batch()
    base = span_loss(logits, targets, mask, label_mask)
    poked = logits.clone()
    poked[~mask] = 1e4                               # spans past the text
    poked[1, :, :, 2] = -1e4                         # the padded label of example 1
    changed = targets.clone()
    changed[1, :, :, 2] = 1.0
    torch.testing.assert_close(span_loss(poked, changed, mask, label_mask), base)
    poked[0, 0, 0, 0] += 5.0                         # a valid pair does count
    assert span_loss(poked, changed, mask, label_mask).item() != pytest.approx(base.item())


def test_masked_positions_get_no_gradient():
    logits, targets, mask, label_mask = setup_batch()
    logits.requires_grad_(True)
    span_loss(logits, targets, mask, label_mask).backward()
    assert (logits.grad[~mask] == 0).all() and (logits.grad[1, :, :, 2] == 0).all()
    assert (logits.grad[mask][:, :2] != 0).all()


@pytest.mark.parametrize("masking", ["global", "label", "span"])
def test_negative_mask_keeps_about_the_requested_fraction_and_every_positive(masking):
    torch.manual_seed(123)
    B, S, C = 4, 600, 8
    targets = torch.zeros(B, S, C)
    targets[:, ::7, ::3] = 1.0                            # positives spread over spans and labels
    targets[:, :, 7] = 0.0                                # label 7 never positive
    mask = negative_mask(targets, 0.3, masking)
    assert mask.shape == targets.shape
    assert (mask[targets == 1] == 1).all()                # positives are never dropped
    assert set(mask.unique().tolist()) <= {0.0, 1.0}
    if masking == "global":
        candidates = targets == 0
    elif masking == "label":
        candidates = (targets.sum(1) == 0)[:, None, :].expand_as(targets)
    else:
        candidates = (targets.sum(2) == 0)[:, :, None].expand_as(targets)
    assert candidates.sum() > 5000
    kept = mask[candidates].mean().item()
    assert kept == pytest.approx(0.3, abs=0.02)
    assert (mask[~candidates] == 1).all()                 # only the sampled kind of negative is dropped


def test_negative_mask_none_and_all():
    targets = torch.zeros(2, 5, 3)
    assert negative_mask(targets, 0.0, "none") == 1.0
    assert (negative_mask(targets, 1.0, "global") == 1).all()
    assert (negative_mask(targets, 0.0, "global") == 0).all()


def test_span_loss_with_no_negatives_kept_is_the_positive_loss():
    logits, targets, mask, label_mask = setup_batch()
    loss = span_loss(logits, targets, mask, label_mask, negatives=0.0, masking="global")
    elem = binary_losses(logits, targets)
    assert loss.item() == pytest.approx(elem[targets == 1].sum().item(), rel=1e-6)


def test_bad_reduction_raises():
    logits, targets, mask, label_mask = setup_batch()
    with pytest.raises(ValueError, match="reduction must be 'sum' or 'mean', got 'avg'"):
        span_loss(logits, targets, mask, label_mask, reduction="avg")


def test_bad_masking_raises():
    logits, targets, mask, label_mask = setup_batch()
    with pytest.raises(ValueError, match="masking must be none, global, label or span, got 'tokens'"):
        span_loss(logits, targets, mask, label_mask, masking="tokens")
    with pytest.raises(ValueError, match="masking must be"):
        negative_mask(torch.zeros(1, 2, 3), 0.5, "random")
