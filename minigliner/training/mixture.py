"""A training mixture: labelled corpora, Pile-NER passages, known negative types, sampling weights.

GLiNER §3 trains on Pile-NER: passages whose entity types were named freely by an LLM. Here a small
Pile-NER slice (mentions given as strings, so their word offsets must be found) is mixed with BIO
corpora whose tag codes are turned into label names. Every example carries "negatives": types known
to be absent from it (the rest of its corpus's label set; for Pile-NER the types asked about whose
answer was empty), which sample_labels asks before the batch's. Datasets are drawn with
temperature sampling over their sizes, p_i ~ n_i^(1/T), so large corpora do not drown small ones.
"""
from __future__ import annotations

import json
import random
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .corpus import dataset_labels
from .reading import LoadReport, load_label_names, read_bio, split_long
from ..core.prompt import split_words

SPLITS = ("train.txt", "dev.txt")  # the first present is trained on; test.txt stays held out
PILE_FILE = "slimer_pilener_validation.jsonl"


def read_corpus(folder: str | Path, label_names: str | Path | None = None,
                report: LoadReport | None = None, limit: int | None = None) -> list[dict]:
    """A BIO corpus's training split (train.txt, else dev.txt; its first `limit` sentences if given) with
    label names and known negatives."""
    folder = Path(folder)
    if "zeroshot" in folder.resolve().parts:
        raise ValueError(f"{folder}: the zero-shot sets are for evaluation only, never training")
    split = next((folder / s for s in SPLITS if (folder / s).is_file()), None)
    if split is None:
        raise FileNotFoundError(f"{folder}: no {' or '.join(SPLITS)}")
    names = load_label_names(label_names, folder.name) if label_names else None
    labels = dataset_labels(folder, names)
    examples = read_bio(split, names, report, limit=limit)
    for ex in examples:
        own = {lab for *_, lab in ex["ner"]}
        ex["negatives"] = [lab for lab in labels if lab not in own]
    return examples


@dataclass
class PileReport:
    """What reading the Pile-NER slice found, and what it had to skip."""

    records: int = 0          # (passage, type) question records read
    passages: int = 0         # examples after merging the records of one passage
    mentions: int = 0         # gold mention strings
    matched: int = 0          # mention strings found in the passage's words
    entities: int = 0         # labelled spans (a string found twice labels two spans)
    unmatched: list[str] = field(default_factory=list)  # "passage id: type: mention" not found

    def summary(self) -> str:
        return (f"{self.records} records -> {self.passages} passages, {self.entities} entities; "
                f"{self.matched} of {self.mentions} mentions found, {len(self.unmatched)} skipped")


def find_mention(words: list[str], mention: list[str]) -> list[int]:
    """Start indices of every occurrence of the word sequence `mention` in `words`."""
    n = len(mention)
    if n == 0:
        return []
    return [i for i in range(len(words) - n + 1) if words[i:i + n] == mention]


def read_pilener(path: str | Path, report: PileReport | None = None) -> list[dict]:
    """One example per passage from per-(passage, type) records; each mention string labels every
    occurrence of its words; mentions not found are skipped and listed in the report."""
    path, report = Path(path), report if report is not None else PileReport()
    passages: dict[str, dict] = {}
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        record = json.loads(line)
        missing = {"doc_question_pairID", "tagName", "input", "output"} - set(record)
        if missing:
            raise ValueError(f"{path}:{lineno}: record lacks {sorted(missing)}")
        report.records += 1
        pid = record["doc_question_pairID"].split(":")[0]
        passage = passages.setdefault(pid, {"words": [w.text for w in split_words(record["input"])],
                                            "spans": set(), "empty": set(), "input": record["input"]})
        if passage["input"] != record["input"]:
            raise ValueError(f"{path}:{lineno}: passage {pid} has two different texts")
        mentions = json.loads(record["output"])
        label = record["tagName"].strip().lower()
        if not mentions:
            passage["empty"].add(label)
        for mention in mentions:
            report.mentions += 1
            words = [w.text for w in split_words(mention)]
            starts = find_mention(passage["words"], words)
            if not starts:
                report.unmatched.append(f"{pid}: {label}: {mention!r}")
                continue
            report.matched += 1
            passage["spans"].update((s, s + len(words) - 1, label) for s in starts)
    examples = []
    for pid, p in passages.items():
        ner = [list(span) for span in sorted(p["spans"])]
        own = {lab for *_, lab in ner}
        examples.append({"tokenized_text": p["words"], "ner": ner,
                         "negatives": sorted(p["empty"] - own), "source": f"pilener:{pid}"})
        report.entities += len(ner)
    report.passages = len(examples)
    return examples


def temperature_weights(sizes: dict[str, int], temperature: float = 2.0, label_counts: dict[str, int] | None = None,
                        variety: float = 0.0) -> dict[str, float]:
    """Sampling probability of each dataset, proportional to size^(1/temperature) x labels^variety.

    temperature 1 = by size, large = uniform; variety > 0 favours datasets with many label names (zero-shot
    transfer is transfer across label names, and a corpus of one type teaches only that one name).
    """
    if temperature <= 0:
        raise ValueError(f"temperature must be positive, got {temperature}")
    if not sizes or any(n <= 0 for n in sizes.values()):
        raise ValueError(f"every dataset needs examples, got sizes {sizes}")
    if variety and (label_counts is None or set(label_counts) != set(sizes) or min(label_counts.values()) < 1):
        raise ValueError(f"variety needs a label count of at least 1 for every dataset, got {label_counts}")
    raw = {name: n ** (1.0 / temperature) * (label_counts[name] ** variety if variety else 1.0)
           for name, n in sizes.items()}
    total = sum(raw.values())
    return {name: w / total for name, w in raw.items()}


def label_set(examples: list[dict]) -> set[str]:
    """Every label name an example of the list is annotated or asked with (entities and known negatives)."""
    return {lab for ex in examples for lab in [e[2] for e in ex["ner"]] + list(ex.get("negatives", ()))}


def leave_out(examples: list[dict], labels: set[str]) -> tuple[list[dict], int]:
    """The examples without these labels, as entities or negatives (the "strict" setting), and how many
    entities went. Their words stay: the text is unlabelled there, as a corpus without the type would be."""
    out, removed = [], 0
    for ex in examples:
        ner = [e for e in ex["ner"] if e[2] not in labels]
        removed += len(ex["ner"]) - len(ner)
        out.append({**ex, "ner": ner, "negatives": [lab for lab in ex.get("negatives", ()) if lab not in labels]})
    return out, removed


def sample_mixture(datasets: dict[str, list[dict]], total: int, weights: dict[str, float],
                   rng: random.Random) -> list[dict]:
    """`total` examples drawn by dataset weight, each dataset without repeats until it runs out, shuffled.

    Counts are the weights times total, rounded by largest remainder so they add up to total.
    """
    if set(weights) != set(datasets):
        raise ValueError(f"weights name {sorted(weights)} but the datasets are {sorted(datasets)}")
    exact = {name: total * w / sum(weights.values()) for name, w in weights.items()}
    counts = {name: int(x) for name, x in exact.items()}
    for name in sorted(exact, key=lambda n: counts[n] - exact[n])[:total - sum(counts.values())]:
        counts[name] += 1
    mixture = []
    for name in sorted(datasets):
        examples = datasets[name]
        while counts[name] > 0:  # whole shuffled passes: every example once before any twice
            order = list(range(len(examples)))
            rng.shuffle(order)
            take = order[:counts[name]]
            mixture += [{**examples[i], "dataset": name} for i in take]
            counts[name] -= len(take)
    rng.shuffle(mixture)
    return mixture


@dataclass
class Pool:
    """The training pool: examples per dataset and what reading them found."""

    datasets: dict[str, list[dict]]                        # dataset name -> examples (pieces of <= max_words)
    reports: dict[str, LoadReport | PileReport]            # what each reader saw, repaired or skipped
    cut: dict[str, int]                                    # entities lost where long examples were cut
    left_out: dict[str, int] = field(default_factory=dict)  # entities removed with the left-out labels
    empty: dict[str, int] = field(default_factory=dict)     # pieces with neither an entity nor a known negative, dropped

    def summary(self) -> str:
        return "\n".join(f"{name:22} {len(exs):6d} examples; {self.reports[name].summary()}; "
                         f"{self.cut[name]} entities cut by splitting; {self.left_out.get(name, 0)} left out with "
                         f"their labels; {self.empty.get(name, 0)} pieces with nothing to ask dropped"
                         for name, exs in self.datasets.items())


def training_pool(root: str | Path, max_words: int = 64, skip: tuple[str, ...] = (),
                  leave_out_labels: frozenset[str] | set[str] = frozenset(), limit: int | None = None) -> Pool:
    """Every corpus under root/train and the Pile-NER slice, cut into pieces of at most max_words words.

    Corpora without a train split are trained on their dev split; test splits stay held out. Names in
    `skip` (folder names, or "pilener") are left out, and so are the labels in leave_out_labels (entities and
    negatives). A piece with neither an entity nor a known negative is dropped (nothing can be asked of it
    without guessing a type it lacks). limit reads only the first `limit` sentences of each BIO corpus (quick
    runs). root/zeroshot is never read.
    """
    root = Path(root)
    names = root / "label_names.json"
    datasets, reports = {}, {}
    for folder in sorted(p for p in (root / "train").iterdir() if p.is_dir() and p.name not in skip):
        reports[folder.name] = LoadReport()
        datasets[folder.name] = read_corpus(folder, names if names.is_file() else None, reports[folder.name],
                                              limit)
    pile = root / "pilener_subset" / PILE_FILE
    if pile.is_file() and "pilener" not in skip:
        reports["pilener"] = PileReport()
        datasets["pilener"] = read_pilener(pile, reports["pilener"])
    cut, removed, empty = {}, {}, {}
    for name in datasets:
        pieces, cut[name] = split_pieces(datasets[name], max_words)
        pieces, removed[name] = leave_out(pieces, set(leave_out_labels))
        kept = [ex for ex in pieces if ex["tokenized_text"] and (ex["ner"] or ex["negatives"])]
        empty[name], datasets[name] = len(pieces) - len(kept), kept
    return Pool({name: exs for name, exs in datasets.items() if exs}, reports, cut, removed, empty)


def split_pieces(examples: list[dict], max_words: int) -> tuple[list[dict], int]:
    """split_long, with each piece's known negatives recomputed: every type its example was asked about
    (entities and negatives) that has no entity in the piece. The corpus annotates that type everywhere,
    so a piece without one lacks it; the entities cut in two are counted."""
    asked = [{"asked": sorted(set(ex.get("negatives", ())) | {e[2] for e in ex["ner"]}), **ex} for ex in examples]
    pieces, cut = split_long(asked, max_words)
    out = []
    for piece in pieces:
        own = {e[2] for e in piece["ner"]}
        out.append({k: v for k, v in piece.items() if k != "asked"} |
                   {"negatives": [lab for lab in piece["asked"] if lab not in own]})
    return out, cut


def by_source(examples: list[dict]) -> dict[str, int]:
    """How many examples of a mixture came from each dataset."""
    counts: dict[str, int] = defaultdict(int)
    for ex in examples:
        counts[ex.get("dataset", "?")] += 1
    return dict(sorted(counts.items()))
