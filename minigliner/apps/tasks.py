"""Tasks as prompts: question answering, summarisation and relation extraction with one GLiNER.

GLiNER multi-task (Stepanov & Shtopko, 2024, arXiv:2406.12925), the tasks and prompts: the label slot of the
prompt takes any text, so a task is a label. A question is the label and its answer the span; "summary" labels
the sentences worth keeping; "subject <> relation" labels the objects of that relation. Open information
extraction is the same call with relation phrases the model never saw. The token-level model suits these tasks
best, since answers and summary sentences can be longer than the span model's max_width words; the span model
works as well for short answers.
"""
from __future__ import annotations

RELATION_SEPARATOR = " <> "  # between subject and relation in a relation prompt (the paper's format)


def _check_text(text) -> None:
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, got {type(text).__name__}")


def _check_prompt(prompt, what: str) -> str:
    if not isinstance(prompt, str):
        raise TypeError(f"{what} must be a str, got {type(prompt).__name__}")
    if not prompt.strip():
        raise ValueError(f"{what} is empty")
    return " ".join(prompt.split())


def extract_answers(model, text: str, question: str, threshold: float = 0.5, top_k: int | None = None) -> list[dict]:
    """Answer spans of a question about text, best first: dicts {start, end, text, score}."""
    _check_text(text)
    question = _check_prompt(question, "question")
    found = model.predict_entities(text, [question], threshold=threshold)
    answers = sorted(({k: e[k] for k in ("start", "end", "text", "score")} for e in found),
                     key=lambda a: -a["score"])
    return answers[:top_k] if top_k is not None else answers


def summarize(model, text: str, k: int = 1, threshold: float = 0.3, label: str = "summary") -> list[dict]:
    """The k highest-scoring spans labelled `label`, in text order: dicts {start, end, text, score}."""
    _check_text(text)
    if isinstance(k, bool) or not isinstance(k, int) or k < 1:
        raise ValueError(f"k must be a positive integer, got {k!r}")
    label = _check_prompt(label, "label")
    found = model.predict_entities(text, [label], threshold=threshold)
    best = sorted(found, key=lambda e: -e["score"])[:k]
    return [{key: e[key] for key in ("start", "end", "text", "score")} for e in sorted(best, key=lambda e: e["start"])]


def relation_prompt(subject: str, relation: str) -> str:
    """The label that asks for the objects of `relation` whose subject is `subject`."""
    return _check_prompt(subject, "subject") + RELATION_SEPARATOR + _check_prompt(relation, "relation")


def extract_relations(model, text: str, subjects: list, relations: list[str],
                      threshold: float = 0.5) -> list[dict]:
    """(subject, relation, object) triples: dicts {subject, relation, object, start, end, score}.

    subjects are strings or entity dicts from predict_entities (their "text" is used); every subject is
    asked about every relation in one call, so the prompt holds len(subjects) x len(relations) labels.
    """
    _check_text(text)
    if isinstance(subjects, (str, dict)) or isinstance(relations, str):
        raise TypeError("subjects and relations must be lists")
    names = [s["text"] if isinstance(s, dict) else s for s in subjects]
    prompts = {relation_prompt(s, r): (s, r) for s in names for r in relations}
    if not prompts:
        return []
    found = model.predict_entities(text, list(prompts), threshold=threshold, multi_label=True)
    triples = []
    for e in found:
        subject, relation = prompts[e["label"]]
        if e["text"] != subject:  # a subject is never its own object
            triples.append({"subject": subject, "relation": relation, "object": e["text"],
                            "start": e["start"], "end": e["end"], "score": e["score"]})
    return sorted(triples, key=lambda t: (t["subject"], t["relation"], -t["score"]))
