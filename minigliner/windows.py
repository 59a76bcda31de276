"""Splitting a long text into overlapping windows that each fit the encoder.

GLiNER reads at most a few hundred words at once; the reference cuts the rest
off with a warning. Here a long text becomes overlapping windows whose entities
are merged, so nothing is lost.
"""
from __future__ import annotations


def plan_windows(costs: list[int], budget: int, max_words: int, stride: int) -> list[tuple[int, int]]:
    """Cover words 0..len(costs) with [start, end) windows of at most max_words words and `budget` subwords each.

    costs[i] is the number of subwords of word i. Consecutive windows start at most
    `stride` words apart and overlap, so an entity cut by one window's edge lies
    whole inside the next one when it is shorter than the overlap.
    """
    if any(c > budget for c in costs):
        worst = max(range(len(costs)), key=costs.__getitem__)
        raise ValueError(f"word {worst} alone is {costs[worst]} subwords, more than the {budget} "
                         f"left after the label prompt; use fewer labels or a longer encoder")
    n, windows, start = len(costs), [], 0
    while True:
        end, used = start, 0
        while end < n and end - start < max_words and used + costs[end] <= budget:
            used += costs[end]
            end += 1
        windows.append((start, end))
        if end >= n:
            return windows
        # the next window starts `stride` words later, but no later than 2/3 into this one (keep an overlap)
        start = min(start + stride, start + max(1, (2 * (end - start)) // 3))
