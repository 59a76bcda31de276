"""Checks of training examples before the first step, so that no batch fails an hour into a run.

Every example must be well formed (words, entities inside the text, valid label names) and must fit the
encoder: [CLS] + the longest label prompt a batch can give it + its words + [SEP] within the encoder's
positions. A bad example is refused, naming it; a long one is split into pieces that fit; a piece that
cannot fit (one word longer than the room left) is skipped and counted. Nothing is dropped silently.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..core.prompt import check_text
from ..core.prompt import subword_costs, text_subword_costs


@dataclass
class FitReport:
    """What fitting the examples to the encoder did."""

    room: int = 0           # subwords left for the words next to the longest possible prompt
    split: int = 0          # examples longer than room, split into pieces
    cut: int = 0            # entities that crossed a split and were lost
    skipped: int = 0        # pieces that could not fit (a single word longer than room), left out

    def summary(self) -> str:
        return (f"{self.split} examples split to fit {self.room} subwords beside the prompt ({self.cut} entities "
                f"cut), {self.skipped} pieces left out (one word longer than that)")


def check_example(ex, i: int) -> None:
    """Refuse a malformed example, naming it: words, [start, end, label] entities inside them, label names."""
    where = f"training example {i}"
    if not isinstance(ex, dict) or not isinstance(ex.get("tokenized_text"), list):
        raise ValueError(f"{where}: expected a dict with 'tokenized_text' (a list of words) and 'ner'")
    words = ex["tokenized_text"]
    where += f" (first words {words[:6]})"
    if not all(isinstance(w, str) and w for w in words):
        raise ValueError(f"{where}: every word must be a non-empty string")
    for ent in ex.get("ner", []):
        ok = isinstance(ent, (list, tuple)) and len(ent) == 3 and all(
            isinstance(x, int) and not isinstance(x, bool) for x in ent[:2])
        if not ok or not 0 <= ent[0] <= ent[1] < len(words):
            raise ValueError(f"{where}: entity {ent!r} is not [start, end, label] inside its {len(words)} words")
        check_label(ent[2], where)
    for label in ex.get("negatives", ()):
        check_label(label, where)


def check_label(label, where: str) -> None:
    if not isinstance(label, str) or not label.strip():
        raise ValueError(f"{where}: label {label!r} must be a non-empty string")
    check_text(label, f"{where}: label {label[:20]!r}")


def prompt_room(model, labels: set[str]) -> int:
    """Subwords left for a text beside the longest prompt of max_types of these labels (bi-encoder: no prompt)."""
    positions = model.encoder.config.max_position_embeddings
    if model.label_encoder is not None:
        return positions - 2                                                   # [CLS] words [SEP]
    costs = sorted(subword_costs(model.tokenizer, sorted(labels)), reverse=True)[:model.config.max_types]
    return positions - 2 - sum(1 + c for c in costs) - 1                       # <<ENT>> label ... <<SEP>>


def fit_positions(examples: list[dict], model, labels: set[str]) -> tuple[list[dict], FitReport]:
    """Examples whose words fit beside any prompt a batch can give them; longer ones split at word
    boundaries into pieces that do (entities inside a piece kept, those across a split counted)."""
    report = FitReport(room=prompt_room(model, labels))
    if report.room < 1:
        raise ValueError(f"the {model.config.max_types} longest labels leave no room for text in the encoder's "
                         f"{model.encoder.config.max_position_embeddings} positions; use fewer or shorter labels")
    out = []
    for ex, costs in zip(examples, text_subword_costs(model.tokenizer, [ex["tokenized_text"] for ex in examples])):
        if sum(costs) <= report.room:
            out.append(ex)
            continue
        report.split += 1
        for a, b in pieces(costs, report.room):
            if sum(costs[a:b]) > report.room:
                report.skipped += 1
                continue
            out.append({**ex, "tokenized_text": ex["tokenized_text"][a:b],
                        "ner": [[s - a, e - a, lab] for s, e, lab in ex["ner"] if a <= s and e < b]})
        report.cut += sum(1 for s, e, _ in ex["ner"] if any(a <= s < b <= e for a, b in pieces(costs, report.room)))
    return out, report


def pieces(costs: list[int], room: int) -> list[tuple[int, int]]:
    """Consecutive word ranges [a, b) whose subword costs add up to at most room (a word alone may exceed it)."""
    ranges, a, total = [], 0, 0
    for i, c in enumerate(costs):
        if i > a and total + c > room:
            ranges.append((a, i))
            a, total = i, 0
        total += c
    return ranges + [(a, len(costs))] if costs else ranges
