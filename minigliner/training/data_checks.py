"""Checking NER data as it is read: where each problem is, what to do about it, and a summary.

Every problem is named by file and line. A reader either stops at the first one
(on_error="raise") or leaves the bad entity or sentence out and lists it in the
report (on_error="skip"); nothing is dropped without a line in the report.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ON_ERROR = ("raise", "skip")     # stop at a problem, or leave out the bad entity/sentence and list it
ORPHAN_I = ("repair", "refuse")  # an I- tag without its B-: start an entity there (counted), or a problem


@dataclass
class LoadReport:
    """What a reader saw: counts, and what it repaired, skipped or found too wide (each 'file:line: what')."""

    sentences: int = 0
    entities: int = 0
    types: Counter = field(default_factory=Counter)
    repaired: list[str] = field(default_factory=list)   # fixed by rule, kept
    skipped: list[str] = field(default_factory=list)    # left out (on_error="skip")
    too_wide: list[str] = field(default_factory=list)   # kept, but wider than max_width words
    max_width: int | None = None                        # the width too_wide was checked against

    def summary(self) -> str:
        wide = f", {len(self.too_wide)} wider than max_width={self.max_width}" if self.max_width else ""
        return (f"{self.sentences} sentences, {self.entities} entities, {len(self.types)} types; "
                f"{len(self.repaired)} repaired, {len(self.skipped)} skipped{wide}")

    def details(self, limit: int = 5) -> list[str]:
        """The first `limit` lines of each list, for printing under the summary."""
        return [f"{kind}: {line}" for kind in ("repaired", "skipped", "too_wide")
                for line in getattr(self, kind)[:limit]]


class Checker:
    """Applies a reader's rules (known labels, max_width, on_error) and records into a LoadReport."""

    def __init__(self, report: LoadReport, on_error: str = "raise", labels=None, max_width: int | None = None):
        if on_error not in ON_ERROR:
            raise ValueError(f"on_error must be one of {ON_ERROR}, got {on_error!r}")
        if max_width is not None and max_width < 1:
            raise ValueError(f"max_width must be positive, got {max_width}")
        if isinstance(labels, str):
            raise TypeError("labels must be a collection of label names, not one string")
        self.report, self.on_error, self.max_width = report, on_error, max_width
        self.labels = None if labels is None else set(labels)
        report.max_width = max_width or report.max_width

    def problem(self, where: str, message: str, what: str) -> None:
        """Raise `where: message`, or (on_error="skip") list it as skipped, saying what was left out."""
        if self.on_error == "raise":
            raise ValueError(f"{where}: {message}")
        self.report.skipped.append(f"{where}: {message}; {what} left out")

    def entity(self, where: str, ent: list, num_words: int, names: tuple[str, ...] = ()) -> bool:
        """Is [start, end_inclusive, label] usable? Bad ones are problems; too wide ones are only listed.

        names: other spellings of the label (e.g. the BIO tag code) that the label list may hold.
        """
        s, e, label = ent
        if not 0 <= s <= e < num_words:
            self.problem(where, f"entity {ent!r} is out of range for {num_words} words "
                                f"(end is inclusive) or reversed", "entity")
            return False
        if self.labels is not None and not ({label, *names} & self.labels):
            self.problem(where, f"entity {ent!r} has label {label!r}, which is not in the label list", "entity")
            return False
        if self.max_width is not None and e - s >= self.max_width:
            self.report.too_wide.append(f"{where}: entity {ent!r} is {e - s + 1} words wide, more than "
                                        f"max_width={self.max_width} (the span model cannot learn it)")
        return True

    def words(self, where: str, words: list[str]) -> bool:
        """A sentence needs words, none of them empty or only whitespace."""
        if not words:
            self.problem(where, "empty sentence (no words)", "sentence")
            return False
        blank = next((i for i, w in enumerate(words) if not w.strip()), None)
        if blank is not None:
            self.problem(where, f"word {blank} is empty or only whitespace ({words[blank]!r})", "sentence")
            return False
        return True

    def count(self, examples: list[dict]) -> None:
        """Add the kept examples to the report's counts."""
        for ex in examples:
            self.report.sentences += 1
            self.report.entities += len(ex["ner"])
            self.report.types.update(label for *_, label in ex["ner"])


def read_utf8(path: Path) -> str:
    """The file's text (a UTF-8 byte-order mark is dropped); other encodings fail naming the line and byte."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        hint = " (it looks like UTF-16)" if data[:2] in (b"\xff\xfe", b"\xfe\xff") else ""
        raise ValueError(f"{path}:{line}: not UTF-8{hint}: byte 0x{data[err.start]:02x} at byte offset "
                         f"{err.start} ({err.reason}); re-save the file as UTF-8") from None
