"""Reading NER data (GLiNER JSON, BIO) and turning examples into training targets.

An example is GLiNER JSON: {"tokenized_text": [words], "ner": [[start, end_inclusive, label], ...]}.
Shapes: B batch, W words, K max span width, C labels.
"""
from __future__ import annotations

import json
import random
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import torch


@dataclass
class LoadReport:
    """What a reader saw: counts, and what it repaired or could not use."""

    sentences: int = 0
    entities: int = 0
    types: Counter = field(default_factory=Counter)
    repaired: list[str] = field(default_factory=list)  # "file:line: what was done"
    skipped: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (f"{self.sentences} sentences, {self.entities} entities, {len(self.types)} types; "
                f"{len(self.repaired)} repaired, {len(self.skipped)} skipped")


def read_gliner_json(path: str | Path, report: LoadReport | None = None) -> list[dict]:
    """Read and validate a GLiNER JSON list (or JSON-lines) file; errors name the file and example."""
    path, report = Path(path), report if report is not None else LoadReport()
    text = path.read_text(encoding="utf-8")
    records = _parse_json(text, path)
    examples = [_check_example(r, f"{path}: example {i}") for i, r in enumerate(records)]
    for ex in examples:
        report.sentences += 1
        report.entities += len(ex["ner"])
        report.types.update(label for *_, label in ex["ner"])
    return examples


def _parse_json(text: str, path: Path) -> list:
    """A JSON list, or JSON lines (blank lines ignored); a syntax error names the file and line."""
    if text.lstrip().startswith("["):
        try:
            return json.loads(text)
        except json.JSONDecodeError as err:
            raise ValueError(f"{path}:{err.lineno}: invalid JSON: {err.msg}") from None
    records = []
    for lineno, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as err:
                raise ValueError(f"{path}:{lineno}: invalid JSON: {err.msg}") from None
    return records


def _check_example(record, where: str) -> dict:
    if not isinstance(record, dict) or "tokenized_text" not in record:
        raise ValueError(f"{where}: expected an object with 'tokenized_text' and 'ner'")
    words = record["tokenized_text"]
    if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
        raise ValueError(f"{where}: 'tokenized_text' must be a list of strings")
    ner = []
    if not isinstance(record.get("ner", []), list):
        raise ValueError(f"{where}: 'ner' must be a list of [start, end, label]")
    for ent in record.get("ner", []):
        if not (isinstance(ent, (list, tuple)) and len(ent) == 3 and isinstance(ent[2], str)
                and all(isinstance(i, int) and not isinstance(i, bool) for i in ent[:2])):
            raise ValueError(f"{where}: entity {ent!r} is not [start, end, label] with integer word indices")
        s, e, label = ent
        if not 0 <= s <= e < len(words):
            raise ValueError(f"{where}: entity {ent!r} is out of range for {len(words)} words "
                             f"(end is inclusive) or reversed")
        ner.append([s, e, label])
    return {"tokenized_text": words, "ner": ner}


def read_bio(path: str | Path, label_names: dict[str, str] | None = None,
             report: LoadReport | None = None) -> list[dict]:
    """Read `word<TAB>tag` lines (blank line between sentences), BIO or BIOES; an I- without its B- starts
    an entity (counted)."""
    path, report = Path(path), report if report is not None else LoadReport()
    examples, words, ner, open_ent = [], [], [], None
    lines = path.read_text(encoding="utf-8").splitlines()
    for lineno, line in enumerate(lines + [""], start=1):
        if not line.strip():
            if words:
                examples.append({"tokenized_text": words, "ner": ner})
            words, ner, open_ent = [], [], None
            continue
        if "\t" not in line:
            raise ValueError(f"{path}:{lineno}: expected 'word<TAB>tag', got {line!r}")
        word, tag = line.rsplit("\t", 1)
        tag, i = tag.strip(), len(words)
        words.append(word)
        if tag == "O":
            open_ent = None
            continue
        prefix, _, code = tag.partition("-")
        if prefix not in ("B", "I", "E", "S") or not code:
            raise ValueError(f"{path}:{lineno}: tag {tag!r} is not O, B-type or I-type (or BIOES E-/S-type)")
        label = label_name(code, label_names)
        inside = prefix in ("I", "E")  # BIOES: E- ends an entity as I- continues it; S- is a one-word entity
        if inside and open_ent is not None and open_ent[2] == label:
            open_ent[1] = i
        else:
            if inside:
                report.repaired.append(f"{path}:{lineno}: {tag} without a B-{code} before it; started a new entity")
            open_ent = [i, i, label]
            ner.append(open_ent)
        if prefix in ("E", "S"):
            open_ent = None
    for ex in examples:
        report.sentences += 1
        report.entities += len(ex["ner"])
        report.types.update(label for *_, label in ex["ner"])
    return examples


def label_name(code: str, names: dict[str, str] | None) -> str:
    """A tag code as natural-language label text: the mapping if given, else '_' -> ' ' and lower case."""
    if names and code in names:
        return names[code]
    return code.replace("_", " ").lower()


def load_label_names(path: str | Path, dataset: str) -> dict[str, str]:
    """The code -> name mapping of one dataset from a label_names.json file ({} if it has none)."""
    table = json.loads(Path(path).read_text(encoding="utf-8"))
    return table.get(dataset, {})


def dataset_labels(folder: str | Path, names: dict[str, str] | None = None) -> list[str]:
    """A BIO dataset's label set: the codes of its label.txt as natural-language names, in file order."""
    path = Path(folder) / "label.txt"
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no label.txt beside the data; give the labels explicitly")
    codes = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return list(dict.fromkeys(label_name(code, names) for code in codes))


def read_dataset(path: str | Path, label_names: str | Path | None = None,
                 report: LoadReport | None = None) -> tuple[list[dict], list[str]]:
    """Examples and label set of one file: GLiNER JSON (labels found in it) or BIO (.txt/.bio; labels from
    the label.txt beside it, or found in it when there is none), codes named by label_names.json."""
    path = Path(path)
    if path.suffix in (".json", ".jsonl"):
        examples = read_gliner_json(path, report)
        return examples, sorted({lab for ex in examples for *_, lab in ex["ner"]})
    names = load_label_names(label_names, path.parent.name) if label_names else None
    examples = read_bio(path, names, report)
    if (path.parent / "label.txt").is_file():
        return examples, dataset_labels(path.parent, names)
    return examples, sorted({lab for ex in examples for *_, lab in ex["ner"]})


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


def sample_labels(batch: list[dict], max_types: int, max_neg_type_ratio: int,
                  rng: random.Random) -> list[list[str]]:
    """Per-example label lists: its own types, its known negatives, then negatives drawn from the batch,
    capped, shuffled (GLiNER §3).

    An example's optional "negatives" key lists types known to be absent from it (e.g. the rest of its
    dataset's label set); they come before the batch's. Unlike the reference, the cap drops negatives
    before it drops any of the example's own types.
    """
    pool = sorted({label for ex in batch for *_, label in ex["ner"]})
    rng.shuffle(pool)
    labels = []
    for ex in batch:
        ratio = rng.randint(0, max_neg_type_ratio) if max_neg_type_ratio else 0
        own = sorted({lab for *_, lab in ex["ner"]})
        rng.shuffle(own)
        known = sorted(set(ex.get("negatives", ())) - set(own))
        rng.shuffle(known)  # no draw from rng when there are none: examples without the key sample as before
        negatives = known + [lab for lab in pool[:len(ex["ner"]) * ratio] if lab not in own and lab not in known]
        types = (own + negatives)[:max_types] or pool[:1] or ["entity"]
        rng.shuffle(types)
        labels.append(types)
    return labels


def span_targets(batch: list[dict], labels: list[list[str]], num_words: int,
                 max_width: int) -> tuple[torch.Tensor, int]:
    """(B, W, K, C) 0/1 targets, and how many gold entities are wider than max_width (not representable)."""
    C = max(len(l) for l in labels)
    targets = torch.zeros(len(batch), num_words, max_width, C)    # (B, W, K, C)
    too_wide = 0
    for b, (ex, ex_labels) in enumerate(zip(batch, labels)):
        index = {lab: c for c, lab in enumerate(ex_labels)}
        for s, e, lab in ex["ner"]:
            if e - s >= max_width:
                too_wide += 1
            elif lab in index:
                targets[b, s, e - s, index[lab]] = 1.0
    return targets, too_wide
