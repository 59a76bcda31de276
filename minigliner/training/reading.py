"""Reading NER data (GLiNER JSON, BIO), with every problem located, and splitting long examples.

An example is GLiNER JSON: {"tokenized_text": [words], "ner": [[start, end_inclusive, label], ...]}.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from .data_checks import ORPHAN_I, Checker, LoadReport, read_utf8


def read_gliner_json(path: str | Path, report: LoadReport | None = None, *, labels=None,
                     on_error: str = "raise", max_width: int | None = None) -> list[dict]:
    """Read a GLiNER JSON list (or JSON-lines) file; every problem is named by file, line and example.

    labels: the allowed label names (None = any). on_error: "raise" at the first problem, or "skip"
    the bad entity or example and list it in the report. max_width: count wider entities (kept).
    """
    path, report = Path(path), report if report is not None else LoadReport()
    check = Checker(report, on_error, labels, max_width)
    examples = []
    for i, (line, record) in enumerate(_json_records(read_utf8(path), path)):
        ex = _check_example(record, f"{path}:{line}: example {i}", check)
        if ex is not None:
            examples.append(ex)
    check.count(examples)
    return examples


def _json_records(text: str, path: Path) -> list[tuple[int, object]]:
    """(line, record) pairs of a JSON list or of JSON lines (blank lines ignored); syntax errors name the line."""
    if not text.lstrip().startswith("["):
        records = []
        for lineno, line in enumerate(text.splitlines(), start=1):
            if line.strip():
                try:
                    records.append((lineno, json.loads(line)))
                except json.JSONDecodeError as err:
                    raise ValueError(f"{path}:{lineno}: invalid JSON: {err.msg}") from None
        return records
    decoder, lines, records = json.JSONDecoder(), _LineCounter(text), []
    pos = _WS.match(text, text.index("[") + 1).end()
    while not text.startswith("]", pos):
        try:
            record, end = decoder.raw_decode(text, pos)   # one list element at a time, to know its line
        except json.JSONDecodeError as err:
            raise ValueError(f"{path}:{err.lineno}: invalid JSON: {err.msg}") from None
        records.append((lines.at(pos), record))
        pos = _WS.match(text, end).end()
        if text.startswith(",", pos):
            pos = _WS.match(text, pos + 1).end()
        elif not text.startswith("]", pos):
            raise ValueError(f"{path}:{lines.at(pos)}: invalid JSON: expected ',' or ']' after example "
                             f"{len(records) - 1}")
    if text[pos + 1:].strip():
        raise ValueError(f"{path}:{lines.at(pos)}: invalid JSON: extra data after the list")
    return records


_WS = re.compile(r"\s*")


class _LineCounter:
    """Line number of increasing character positions, counting newlines only once."""

    def __init__(self, text: str):
        self.text, self.pos, self.line = text, 0, 1

    def at(self, pos: int) -> int:
        self.line += self.text.count("\n", self.pos, pos)
        self.pos = pos
        return self.line


def _check_example(record, where: str, check: Checker) -> dict | None:
    """The example with its usable entities, or None when the example itself is unusable."""
    if not isinstance(record, dict) or "tokenized_text" not in record:
        check.problem(where, "expected an object with 'tokenized_text' and 'ner'", "example")
        return None
    words = record["tokenized_text"]
    if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
        check.problem(where, "'tokenized_text' must be a list of strings", "example")
        return None
    if not isinstance(record.get("ner", []), list):
        check.problem(where, "'ner' must be a list of [start, end, label]", "example")
        return None
    if not check.words(where, words):
        return None
    ner = []
    for ent in record.get("ner", []):
        if not (isinstance(ent, (list, tuple)) and len(ent) == 3 and isinstance(ent[2], str)
                and all(isinstance(i, int) and not isinstance(i, bool) for i in ent[:2])):
            check.problem(where, f"entity {ent!r} is not [start, end, label] with integer word indices", "entity")
        elif check.entity(where, list(ent), len(words)):
            ner.append(list(ent))
    return {"tokenized_text": words, "ner": ner}


def read_bio(path: str | Path, label_names: dict[str, str] | None = None,
             report: LoadReport | None = None, *, labels=None, on_error: str = "raise",
             orphan_i: str = "repair", max_width: int | None = None, limit: int | None = None) -> list[dict]:
    """Read `word<TAB>tag` lines (blank line between sentences); every problem is named by file and line.

    orphan_i: an I- without its B- "repair" (starts an entity, listed in report.repaired) or "refuse"
    (a problem). labels may hold tag codes or label names. on_error and max_width as read_gliner_json.
    limit: stop after that many sentences are read (the first `limit`, as examples[:limit]; None reads all).
    """
    path, report = Path(path), report if report is not None else LoadReport()
    if orphan_i not in ORPHAN_I:
        raise ValueError(f"orphan_i must be one of {ORPHAN_I}, got {orphan_i!r}")
    check = Checker(report, on_error, labels, max_width)
    examples, sentence = [], _Sentence()
    lines = read_utf8(path).splitlines()
    for lineno, line in enumerate(lines + [""], start=1):
        if line.strip():
            _bio_line(sentence, line, f"{path}:{lineno}", label_names, orphan_i, check)
            continue
        if sentence.words and sentence.ok:
            examples.append(sentence.example(check))
            if limit is not None and len(examples) >= limit:
                break
        sentence = _Sentence()
    check.count(examples)
    return examples


class _Sentence:
    """A BIO sentence being read: words, entities, and where each started."""

    def __init__(self):
        self.words, self.ner, self.where, self.codes, self.repaired = [], [], [], [], []
        self.open, self.ok = None, True   # the entity an I- may continue; False once a problem skips it

    def example(self, check: Checker) -> dict:
        """The finished example with its usable entities; its repairs go into the report."""
        check.report.repaired.extend(self.repaired)
        ner = [ent for ent, where, code in zip(self.ner, self.where, self.codes)
               if check.entity(where, ent, len(self.words), (code,))]
        return {"tokenized_text": self.words, "ner": ner}


def _bio_line(sent: _Sentence, line: str, where: str, names, orphan_i: str, check: Checker) -> None:
    """Add one `word<TAB>tag` line (BIO, or BIOES with S- and E-); a bad line is a problem that drops the sentence."""
    if not sent.ok:
        return
    if line.count("\t") != 1:
        return _bad_sentence(sent, check, where, f"expected 'word<TAB>tag' (one tab), got {line!r}")
    word, tag = line.split("\t")
    tag, i = tag.strip(), len(sent.words)
    if not word.strip() and tag == "O":
        sent.repaired.append(f"{where}: blank word {word!r} tagged O; dropped")
        return
    if not word.strip():
        return _bad_sentence(sent, check, where, f"blank word {word!r} tagged {tag}")
    sent.words.append(word)
    if tag == "O":
        sent.open = None
        return
    prefix, _, code = tag.partition("-")
    if prefix not in ("B", "I", "E", "S") or not code:
        return _bad_sentence(sent, check, where, f"tag {tag!r} is not O, B-type or I-type (nor BIOES E-type, S-type)")
    label = label_name(code, names)
    if prefix in ("I", "E") and sent.open is not None and sent.open[2] == label:
        sent.open[1] = i
    elif prefix in ("I", "E") and orphan_i == "refuse":
        return _bad_sentence(sent, check, where, f"{tag} without a B-{code} before it")
    else:
        if prefix in ("I", "E"):
            sent.repaired.append(f"{where}: {tag} without a B-{code} before it; started a new entity")
        sent.open = [i, i, label]
        sent.ner.append(sent.open)
        sent.where.append(where)
        sent.codes.append(code)
    if prefix in ("E", "S"):
        sent.open = None  # BIOES: the entity ends here


def _bad_sentence(sent: _Sentence, check: Checker, where: str, message: str) -> None:
    check.problem(where, message, "sentence")
    sent.ok = False


def label_name(code: str, names: dict[str, str] | None) -> str:
    """A tag code as natural-language label text: the mapping if given, else '_' -> ' ' and lower case."""
    if names and code in names:
        return names[code]
    return code.replace("_", " ").lower()


def load_label_names(path: str | Path, dataset: str) -> dict[str, str]:
    """The code -> name mapping of one dataset from a label_names.json file ({} if it has none)."""
    table = json.loads(Path(path).read_text(encoding="utf-8"))
    return table.get(dataset, {})


def split_long(examples: list[dict], max_words: int) -> tuple[list[dict], int]:
    """Cut examples longer than max_words into pieces; return pieces and the count of entities cut in two."""
    out, cut = [], 0
    for ex in examples:
        words = ex["tokenized_text"]
        for a in range(0, max(len(words), 1), max_words):
            b = min(a + max_words, len(words))
            ner = [[s - a, e - a, lab] for s, e, lab in ex["ner"] if a <= s and e < b]
            cut += sum(1 for s, e, _ in ex["ner"] if a <= s < b <= e)
            out.append({**ex, "tokenized_text": words[a:b], "ner": ner})  # other keys (e.g. negatives) kept
    return out, cut
