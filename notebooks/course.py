"""Helpers the notebooks share, kept out of sight so the cells show GLiNER, not plumbing.

- `diagram(boxes, arrows)`: boxes and labelled arrows drawn with matplotlib (the notebooks' architecture
  pictures; each notebook writes its own boxes and arrows, with the tensor shapes on the arrows).
- `reference(kind)`: the official gliner 0.2.29 on a tiny random model, built offline and quietly, with its
  folder read back by minigliner; None when gliner is not installed (it is a test-only dependency).
"""
from __future__ import annotations

import contextlib
import importlib.util
import io
import os
import sys
import tempfile
import warnings
from pathlib import Path
from typing import NamedTuple


def diagram(boxes: dict, arrows: list, size: tuple[float, float] = (11, 4), title: str = "") -> None:
    """Draw boxes {name: (x, y, text)} (centres, in units of the figure's grid) and arrows
    [(from, to, label)] between their edges; the figure shows when the cell ends (nothing is returned, so
    it is drawn once even where a trailing ";" is not honoured, as under nbval)."""
    import matplotlib.pyplot as plt
    from matplotlib.patches import FancyBboxPatch

    fig, ax = plt.subplots(figsize=size)
    ax.set_xlim(0, size[0])
    ax.set_ylim(0, size[1])
    ax.axis("off")
    extent = {}
    for name, (x, y, text) in boxes.items():
        lines = text.split("\n")
        w, h = 0.076 * max(map(len, lines)) + 0.3, 0.19 * len(lines) + 0.2   # inches: 9 pt monospace
        ax.add_patch(FancyBboxPatch((x - w / 2, y - h / 2), w, h, boxstyle="round,pad=0.02,rounding_size=0.12",
                                    facecolor="#eef3fb", edgecolor="#33527a", linewidth=1.2))
        ax.text(x, y, text, ha="center", va="center", fontsize=9, family="monospace")
        extent[name] = (x, y, w / 2, h / 2)
    for start, end, label in arrows:
        (x0, y0, w0, h0), (x1, y1, w1, h1) = extent[start], extent[end]
        a, b = _edge(x0, y0, w0, h0, x1, y1), _edge(x1, y1, w1, h1, x0, y0)
        ax.annotate("", xy=b, xytext=a, arrowprops=dict(arrowstyle="-|>", color="#33527a", lw=1.2))
        if label:  # the shape beside the arrow's middle, on its left-hand side
            (mx, my), (dx, dy) = ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2), (b[0] - a[0], b[1] - a[1])
            norm = max((dx * dx + dy * dy) ** 0.5, 1e-9)
            ax.text(mx - 0.14 * dy / norm, my + 0.14 * dx / norm, label, ha="center", va="center", fontsize=8,
                    color="#8a3b12", family="monospace", bbox=dict(facecolor="white", edgecolor="none", pad=0.5))
    if title:
        ax.set_title(title, fontsize=11)
    fig.tight_layout()


def _edge(x, y, half_w, half_h, tx, ty):
    """Where the line from a box's centre (x, y) towards (tx, ty) leaves the box."""
    dx, dy = tx - x, ty - y
    if dx == dy == 0:
        return x, y
    scale = min(half_w / abs(dx) if dx else float("inf"), half_h / abs(dy) if dy else float("inf"))
    return x + dx * scale, y + dy * scale


class Reference(NamedTuple):
    model: object    # gliner 0.2.29's model (random tiny weights; span scores spread over a useful range)
    folder: str      # the folder it saved, as gliner saves it
    ours: object     # minigliner's GLiNER read from that folder


def reference(kind: str = "span", seed: int = 0, spread: float = 0.5, **overrides) -> Reference | None:
    """gliner 0.2.29 on a tiny random BERT (D = 32, K = 12), its scores spread over a useful range as the tests
    do, and minigliner reading its folder. kind: span | token | bi (bi-encoder) | poly (bi-encoder with
    post-fusion); spread: the std of the span model's redrawn last layers; overrides go to the reference's
    config (e.g. backbone="deberta"). None without gliner. Afterwards `from reference_models import ...` works."""
    if importlib.util.find_spec("gliner") is None:
        return None
    os.environ["HF_HUB_DISABLE_PROGRESS_BARS"] = "1"        # a quiet, offline build
    tests_dir = next(p / "tests" for p in [Path.cwd(), *Path.cwd().parents]
                     if (p / "tests" / "reference_models.py").is_file())
    if str(tests_dir) not in sys.path:
        sys.path.insert(0, str(tests_dir))
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()), \
            warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import transformers
        transformers.logging.set_verbosity_error()
        transformers.logging.disable_progress_bar()
        import reference_models as rm
        tmp = tempfile.mkdtemp()
        if kind == "span":
            model = rm.spread_scores(rm.make_reference_span_model(tmp, seed=seed, **overrides), std=spread)
        elif kind == "token":
            model = rm.spread_token_scores(rm.make_reference_token_model(tmp, seed=seed, **overrides),
                                           rm.PARITY_TEXTS, rm.PARITY_LABELS)
        elif kind in ("bi", "poly"):
            model = rm.spread_scores(rm.make_reference_biencoder_model(tmp, seed=seed, post_fusion=kind == "poly",
                                                                       **overrides), std=spread)
        else:
            raise ValueError(f"kind must be span, token, bi or poly, got {kind!r}")
        folder = rm.save_reference(model, os.path.join(tmp, "saved"))
    from minigliner import GLiNER
    return Reference(model, folder, GLiNER.from_pretrained(folder))
