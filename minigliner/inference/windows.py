"""Splitting a long text into overlapping windows, and a long label list into groups, that each fit the encoder.

GLiNER reads at most a few hundred words at once; the reference cuts the rest
off with a warning. Here a long text becomes overlapping windows whose entities
are merged, so nothing is lost.
"""
from __future__ import annotations

from typing import NamedTuple

PROMPT_EXTRA = 3  # subwords of a uni-encoder input besides labels and words: [CLS], <<SEP>>, [SEP]


class Job(NamedTuple):
    """One encoder input: words [start, end) of text `text`, read with labels [label_lo, label_hi) of the list."""
    text: int
    start: int
    end: int
    label_lo: int
    label_hi: int


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


def plan_label_groups(costs: list[int], budget: int) -> list[tuple[int, int]]:
    """Split labels 0..len(costs) into consecutive [lo, hi) groups whose prompt parts cost at most `budget` subwords.

    costs[i] is what label i adds to the uni-encoder's prompt (its subwords plus its <<ENT>>).
    Each group is then read in its own prompt and the groups' entities are merged, so no label
    is dropped when all of them do not fit the encoder at once.
    """
    if any(c > budget for c in costs):
        worst = max(range(len(costs)), key=costs.__getitem__)
        raise ValueError(f"label {worst} alone takes {costs[worst]} subwords of prompt, more than the {budget} "
                         f"the encoder can spare next to the text; shorten it")
    groups, lo, used = [], 0, 0
    for i, c in enumerate(costs):
        if used + c > budget:
            groups.append((lo, i))
            lo, used = i, 0
        used += c
    groups.append((lo, len(costs)))
    return groups


def plan_prompts(costs: list[int], label_costs: list[int], positions: int,
                 labels_in_prompt: bool = True) -> tuple[list[tuple[int, int]], list[int]]:
    """Label groups [lo, hi) of one text (word costs `costs`) and the subwords each group's input takes besides words.

    The uni-encoder's prompt may take what the text leaves, but at most half the positions when the
    text is long; more labels are split into groups read separately. A bi-encoder
    (labels_in_prompt=False) reads all labels at once, apart from the text: only [CLS] and [SEP].
    """
    if not labels_in_prompt:
        return [(0, len(label_costs))], [2]
    spare = positions - PROMPT_EXTRA - min(sum(costs), positions // 2)
    groups = plan_label_groups(label_costs, spare)
    return groups, [PROMPT_EXTRA + sum(label_costs[lo:hi]) for lo, hi in groups]


def word_budget(costs: list[int], label_costs: list[int], positions: int, labels_in_prompt: bool = True) -> int:
    """The most subwords one word of this text may take: what the fullest of its label groups' prompts leaves.

    A longer word fits no window. Once such words are read as one subword each, every other word still
    fits: either the text is still long and its groups are the same, or it is at most half the positions
    and every prompt leaves at least the whole text.
    """
    return positions - max(plan_prompts(costs, label_costs, positions, labels_in_prompt)[1])


def plan_jobs(text_costs: list[list[int]], label_costs: list[int], positions: int, max_words: int, stride: int,
              labels_in_prompt: bool = True) -> list[Job]:
    """A Job for every window of every non-empty text and every label group.

    text_costs[i][w]: subwords of word w of text i; label_costs[c]: prompt subwords of label c (with its
    <<ENT>>). Groups and prompt costs per text come from plan_prompts.
    """
    jobs = []
    for i, costs in enumerate(text_costs):
        if not costs:
            continue
        groups, prompt_costs = plan_prompts(costs, label_costs, positions, labels_in_prompt)
        for (lo, hi), prompt_cost in zip(groups, prompt_costs):
            jobs += [Job(i, s, e, lo, hi) for s, e in plan_windows(costs, positions - prompt_cost, max_words, stride)]
    return jobs
