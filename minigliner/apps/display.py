"""Entities shown in their text: labelled highlights in Jupyter (HTML), labelled brackets everywhere else.

    from minigliner.apps.display import show
    show(text, model.predict_entities(text, labels))   # a notebook cell renders it; print() gives plain text

Nested entities nest; the labels of one span found several times (multi-label decoding) are joined with "|".
"""
from __future__ import annotations

import hashlib
import html

PALETTE = ("#ffd166", "#8ecae6", "#b5e48c", "#f4a261", "#cdb4db", "#ff8fab", "#90e0ef", "#e9c46a",
           "#a3c4f3", "#ffadad")  # light backgrounds; a label keeps its colour in every cell and run


def colour(label: str) -> str:
    """A stable colour per label (a hash, so it does not depend on which labels came first)."""
    return PALETTE[int(hashlib.md5(label.encode()).hexdigest(), 16) % len(PALETTE)]


class Highlighted:
    """A text with its entities; str() is plain text, _repr_html_ is what Jupyter shows."""

    def __init__(self, text: str, entities: list[dict]):
        if not isinstance(text, str):
            raise TypeError(f"text must be a str, got {type(text).__name__}")
        merged: dict[tuple[int, int], list[str]] = {}
        for e in entities:
            start, end = e["start"], e["end"]
            if not 0 <= start < end <= len(text):
                raise ValueError(f"entity {e.get('text', '')!r} at [{start}, {end}) is outside the text "
                                 f"({len(text)} characters)")
            labels = merged.setdefault((start, end), [])
            if e["label"] not in labels:
                labels.append(e["label"])
        self.text = text
        self.spans = sorted(((s, e, "|".join(labs)) for (s, e), labs in merged.items()), key=lambda x: (x[0], -x[1]))
        for (s1, e1, _), (s2, e2, _) in zip(self.spans, self.spans[1:]):
            if s2 < e1 < e2:
                raise ValueError(f"entities [{s1}, {e1}) and [{s2}, {e2}) cross; only flat or nested ones can be shown")

    def _render(self, open_tag, close_tag, escape) -> str:
        """Walk the text once, opening and closing spans at their offsets (nested spans close innermost first)."""
        out, stack, at = [], [], 0
        for start, end, label in self.spans + [(len(self.text) + 1, 0, "")]:
            while stack and stack[-1][0] <= start:        # close every open span that ends before this one starts
                close_end, close_label = stack.pop()
                out.append(escape(self.text[at:close_end]) + close_tag(close_label))
                at = close_end
            if start > len(self.text):
                break
            out.append(escape(self.text[at:start]) + open_tag(label))
            at = start
            stack.append((end, label))
        return "".join(out) + escape(self.text[at:])

    def __str__(self) -> str:
        return self._render(lambda label: "[", lambda label: f"]({label})", lambda s: s)

    def __repr__(self) -> str:
        return str(self)

    def _repr_html_(self) -> str:
        def open_tag(label):
            return (f'<mark style="background:{colour(label)};padding:0.1em 0.25em;border-radius:0.3em;'
                    f'line-height:2">')

        def close_tag(label):
            return (f' <span style="font-size:0.7em;font-weight:bold;text-transform:uppercase">'
                    f'{html.escape(label)}</span></mark>')

        return f'<div style="line-height:2">{self._render(open_tag, close_tag, html.escape)}</div>'


def show(text: str, entities: list[dict]) -> Highlighted:
    """The text with its entities marked: HTML in Jupyter, `[span](label)` as plain text."""
    return Highlighted(text, entities)
