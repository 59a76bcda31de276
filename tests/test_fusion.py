"""Post-fusion blocks: schema parsing, padding masks, and the configs that are refused."""
import pytest
import torch

from minigliner import GLiNERConfig
from minigliner.variants.fusion import CrossAttentionBlock, HeadAttention, PostFusion, SelfAttentionBlock, parse_schema


def test_parse_schema():
    assert parse_schema("l2l-l2t-t2t") == ["l2l", "l2t", "t2t"]
    assert parse_schema("t2l") == ["t2l"]


@pytest.mark.parametrize("schema,words", [("", "steps must be dash-separated"), ("l2l-x2y", r"unknown \['x2y'\]"),
                                          ("l2l--t2t", r"unknown \[''\]"), ("L2L", r"unknown \['L2L'\]")])
def test_bad_schemas_raise(schema, words):
    with pytest.raises(ValueError, match=words):
        parse_schema(schema)


@pytest.mark.parametrize("change,words", [
    (dict(post_fusion_schema="l2l-l2t"), "post_fusion_schema needs a bi-encoder: set labels_encoder"),
    (dict(labels_encoder="x", post_fusion_schema="l2l-w2w"), r"unknown \['w2w'\]"),
    (dict(labels_encoder="x", num_post_fusion_layers=0), "num_post_fusion_layers must be at least 1, got 0"),
])
def test_unsupported_fusion_configs_are_refused(change, words):
    with pytest.raises(ValueError, match=words):
        GLiNERConfig(**change)


def test_heads_must_divide_the_hidden_size():
    with pytest.raises(ValueError, match="hidden_size 30 is not divisible by 4 attention heads"):
        HeadAttention(30, 4, 0.0)


def test_padding_changes_nothing_for_real_positions():
    """A text and its labels fused alone equal the same rows fused inside a padded batch."""
    torch.manual_seed(0)
    fusion = PostFusion(16, 2, "t2l-l2l-t2t-l2t", num_layers=2, dropout=0.0).eval()
    words, labels = torch.randn(2, 7, 16), torch.randn(2, 5, 16)              # (B, W, D), (B, C, D)
    word_mask = torch.tensor([[True] * 4 + [False] * 3, [True] * 7])
    label_mask = torch.tensor([[True] * 2 + [False] * 3, [True] * 5])
    w, l = fusion(words, labels, word_mask, label_mask)
    w0, l0 = fusion(words[:1, :4], labels[:1, :2], word_mask[:1, :4], label_mask[:1, :2])
    torch.testing.assert_close(w[0, :4], w0[0], atol=1e-6, rtol=0)
    torch.testing.assert_close(l[0, :2], l0[0], atol=1e-6, rtol=0)
    padded = labels.clone()
    padded[0, 2:] = 1e4                                                       # garbage in padding stays out
    w2, l2 = fusion(words, padded, word_mask, label_mask)
    torch.testing.assert_close(w2[0, :4], w[0, :4], atol=1e-6, rtol=0)
    torch.testing.assert_close(l2[0, :2], l[0, :2], atol=1e-6, rtol=0)


def test_a_query_with_nothing_to_attend_to_gets_zeros_not_nan():
    attention = HeadAttention(8, 2, 0.0)
    q, k = torch.randn(1, 3, 8), torch.randn(1, 4, 8)
    out = attention(q, k, k, torch.tensor([[True, False, True]]), torch.zeros(1, 4, dtype=torch.bool))
    assert torch.equal(out, torch.zeros(1, 3, 8))
    out = attention(q, k, k, torch.tensor([[True, False, True]]), torch.ones(1, 4, dtype=torch.bool))
    assert torch.isfinite(out).all() and torch.equal(out[0, 1], torch.zeros(8)) and out[0, 0].abs().sum() > 0


def test_blocks_are_residual_and_normalized():
    """With the attention output zeroed, a block is LN_out(LN_in(x)); the cross block does not normalize `other`."""
    torch.manual_seed(0)
    block = SelfAttentionBlock(8, 2, 0.0).eval()
    x = torch.randn(2, 3, 8)
    mask = torch.ones(2, 3, dtype=torch.bool)
    with torch.no_grad():
        block.attention.v.weight.zero_()
        block.attention.v.bias.zero_()
    torch.testing.assert_close(block(x, mask), block.norm_out(block.norm_in(x)))
    cross = CrossAttentionBlock(8, 2, 0.0).eval()
    other = torch.randn(2, 4, 8)
    out = cross(x, other, mask, torch.ones(2, 4, dtype=torch.bool))
    scaled = cross(x, other * 3.0, mask, torch.ones(2, 4, dtype=torch.bool))
    assert not torch.allclose(out, scaled, atol=1e-3)                         # `other` enters un-normalized


def test_the_schema_order_is_followed():
    """l2t then t2l differs from t2l then l2t (same blocks, other order)."""
    torch.manual_seed(0)
    a = PostFusion(8, 2, "l2t-t2l", 1, 0.0).eval()
    b = PostFusion(8, 2, "t2l-l2t", 1, 0.0).eval()
    b.layers[0][0].load_state_dict(a.layers[0][1].state_dict())
    b.layers[0][1].load_state_dict(a.layers[0][0].state_dict())
    words, labels = torch.randn(1, 5, 8), torch.randn(1, 3, 8)
    masks = torch.ones(1, 5, dtype=torch.bool), torch.ones(1, 3, dtype=torch.bool)
    wa, la = a(words, labels, *masks)
    wb, lb = b(words, labels, *masks)
    assert not torch.allclose(wa, wb, atol=1e-4) and not torch.allclose(la, lb, atol=1e-4)
