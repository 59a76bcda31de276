"""What a prediction call asks for, in one shape: each text's labels and each label's threshold.

gliner 0.2.29 takes labels as a string, a list, a {name: description} mapping (the model reads the
description, entities come back under the name), or one of those per text; minigliner reads the same
forms. A threshold is a number, or (minigliner, not gliner) a {label: number} mapping, or a list of either,
one per text.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..core.decoding import check_threshold
from ..core.prompt import check_labels


@dataclass(frozen=True)
class LabelSet:
    """The labels of one text: `names` come back in the entities, `prompts` are what the model reads."""

    names: tuple[str, ...]
    prompts: tuple[str, ...]


def label_set(labels) -> LabelSet:
    """One text's labels from a str, a list of str, or a {name: description} mapping; duplicates dropped."""
    if isinstance(labels, str):
        labels = [labels]
    if isinstance(labels, Mapping):
        for name, description in labels.items():
            if not isinstance(name, str) or not isinstance(description, str):
                raise TypeError(f"a label mapping maps names to descriptions, both str; got "
                                f"{name!r}: {description!r}")
        names, prompts = check_labels(list(labels)), check_labels(list(labels.values()))
        if len(prompts) != len(names):
            raise ValueError(f"label descriptions must be unique: {len(names)} names share {len(prompts)} "
                             f"descriptions, so their entities could not be told apart")
        return LabelSet(tuple(names), tuple(prompts))
    if not isinstance(labels, (list, tuple)):
        raise TypeError(f"labels must be a str, a list of str or a {{name: description}} mapping, "
                        f"got {type(labels).__name__}")
    names = tuple(check_labels(labels))
    return LabelSet(names, names)


def is_per_text(labels) -> bool:
    """gliner's rule: a non-empty list with a list or a mapping in it holds one label set per text."""
    return isinstance(labels, list) and bool(labels) and any(isinstance(x, (list, tuple, Mapping)) for x in labels)


def label_sets(labels, n_texts: int) -> list[LabelSet]:
    """The LabelSet of each of n_texts texts: one shared set, or one given per text."""
    if not is_per_text(labels):
        return [label_set(labels)] * n_texts
    if len(labels) != n_texts:
        raise ValueError(f"labels holds {len(labels)} label sets for {n_texts} texts; give one set per text, "
                         f"or one list of labels for all of them")
    for i, x in enumerate(labels):
        if not isinstance(x, (list, tuple, Mapping)):
            raise TypeError(f"per-text labels: entry {i} is a {type(x).__name__}, not a list or a mapping; "
                            f"give every text its own list (or mapping)")
    return [label_set(x) for x in labels]


def label_thresholds(threshold, labels: LabelSet) -> tuple[float, ...]:
    """One threshold per label of `labels`: a number for all, or a {label name: number} mapping covering them."""
    if isinstance(threshold, Mapping):
        unknown = sorted(set(threshold) - set(labels.names))
        missing = [n for n in labels.names if n not in threshold]
        if unknown or missing:
            raise ValueError(f"a threshold mapping needs exactly the labels asked for: "
                             f"{'unknown ' + str(unknown) if unknown else ''}"
                             f"{'; ' if unknown and missing else ''}{'missing ' + str(missing) if missing else ''}")
        for value in threshold.values():
            check_threshold(value)
        return tuple(float(threshold[n]) for n in labels.names)
    check_threshold(threshold)
    return (float(threshold),) * len(labels.names)


def text_thresholds(threshold, n_texts: int) -> list:
    """The threshold of each text: the same one for all, or a list with one per text (gliner's form)."""
    if isinstance(threshold, (list, tuple)):
        if len(threshold) != n_texts:
            raise ValueError(f"threshold holds {len(threshold)} values for {n_texts} texts; give one per text, "
                             f"or one number (or {{label: number}} mapping) for all")
        return list(threshold)
    return [threshold] * n_texts
