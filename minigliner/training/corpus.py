"""A corpus on disk: one data file (GLiNER JSON or BIO) and its label set, from the label.txt beside it
and the natural-language names of label_names.json (e.g. PER -> person).
"""
from __future__ import annotations

from pathlib import Path

from .reading import LoadReport, label_name, load_label_names, read_bio, read_gliner_json
from .data_checks import read_utf8


def dataset_labels(folder: str | Path, names: dict[str, str] | None = None) -> list[str]:
    """A BIO dataset's label set: the codes of its label.txt as natural-language names, in file order."""
    path = Path(folder) / "label.txt"
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no label.txt beside the data; give the labels explicitly")
    codes = [line.strip() for line in read_utf8(path).splitlines() if line.strip()]
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
