#!/usr/bin/env python3
"""Generate minigliner's small multi-task data: questions, relations and summaries as labels.

GLiNER multi-task (Stepanov & Shtopko, 2024) reads a task as its label. This script writes, deterministically,
short fictional texts with three kinds of labels (GLiNER JSON, one record per line, plus a "task" key):

  question   label = a question, span = its answer           "Where was Lena Varga born?" -> "Porto"
  relation   label = "subject <> relation", span = object     "Lena Varga <> founder of"  -> "Kestrel Labs"
  summary    label = "summary", span = the sentence that      "Kestrel Labs agreed to buy ... ."
             carries the news of a short report

  data/tasks_train.json   texts built from one pool of names, cities, companies, schools and subjects
  data/tasks_eval.json    the same templates filled from a disjoint pool: every name, city, company,
                          school and subject in it is absent from tasks_train.json

Everything is fictional; the templates are the project's own. Standard library only.
Run:  python data/make_tasks.py
"""
import json
import os
import random
import re

TOKEN_RE = re.compile(r"\w+(?:[-_]\w+)*|\S")  # the same word regex as make_data.py and minigliner.core.prompt

POOLS = {  # (train pool, eval pool): disjoint by construction, checked below
    "first": (["Lena", "Tomas", "Aiko", "Rafael", "Ingrid", "Kwame", "Sofia", "Dmitri", "Nadia", "Oscar",
               "Priya", "Mateo", "Hanna", "Yusuf", "Clara", "Jonas", "Amara", "Felix", "Zora", "Emil"],
              ["Mira", "Bruno", "Keiko", "Anton", "Leila", "Hugo", "Freya", "Omar", "Selma", "Victor"]),
    "last": (["Varga", "Okonkwo", "Lindqvist", "Moreau", "Tanaka", "Herrera", "Kowalski", "Brandt", "Osei",
              "Castillo", "Novak", "Haddad", "Fischer", "Adeyemi", "Rossi", "Sato", "Marsh", "Quinn"],
             ["Delacroix", "Nakamura", "Petrov", "Alvarez", "Lindgren", "Mensah", "Costa", "Weber"]),
    "city": (["Porto", "Lyon", "Krakow", "Osaka", "Nairobi", "Valencia", "Leipzig", "Bergen", "Cusco",
              "Tampere", "Accra", "Graz", "Seville", "Gdansk", "Turin", "Hobart"],
             ["Bilbao", "Tartu", "Mombasa", "Sapporo", "Bologna", "Utrecht", "Cordoba", "Brno"]),
    "company": (["Kestrel Labs", "Norvex Systems", "Bluefin Robotics", "Tallow Foods", "Quarry Analytics",
                 "Halden Motors", "Pinecrest Media", "Orbital Textiles", "Fennick Energy", "Marlowe Pharma",
                 "Silverleaf Games", "Corvid Security"],
                ["Ashgrove Biotech", "Tidewater Shipping", "Lumen Works", "Brightmoor Foods",
                 "Cobalt Finch", "Westerly Aero"]),
    "school": (["the University of Porto", "Leipzig University", "the Osaka Institute of Art",
                "Bergen College", "the Nairobi School of Design", "Graz Technical University"],
               ["Tartu University", "the Bologna Academy of Music", "Utrecht Polytechnic"]),
    "subject": (["chemistry", "architecture", "economics", "marine biology", "computer science", "philosophy",
                 "mechanical engineering", "linguistics"],
                ["astronomy", "civil law", "music theory", "geology"]),
}


def tokenize(text):
    return TOKEN_RE.findall(text)


def find(words, phrase, after=0):
    """Word span [start, end] (inclusive) of the first occurrence of phrase at or after word `after`."""
    target = tokenize(phrase)
    for i in range(after, len(words) - len(target) + 1):
        if words[i:i + len(target)] == target:
            return i, i + len(target) - 1
    raise ValueError(f"{phrase!r} not found in {' '.join(words)!r}")


def profile(rng, pool):
    """One or two fictional people, where they were born, what they studied, what they founded."""
    first, last = rng.sample(pool["first"], 2), rng.sample(pool["last"], 2)
    p1, p2 = f"{first[0]} {last[0]}", f"{first[1]} {last[1]}"
    city1, city2, city3 = rng.sample(pool["city"], 3)
    year, company, school, subject = rng.randint(1950, 2001), rng.choice(pool["company"]), \
        rng.choice(pool["school"]), rng.choice(pool["subject"])
    born = rng.choice([f"{p1} was born in {city1} in {year}.",
                       f"Born in {city1} in {year}, {p1} grew up far from the sea.",
                       f"{p1}, who was born in {city1} in {year}, later moved to {city3}."])
    rest = rng.choice([f"{last[0]} studied {subject} at {school} and founded {company} in {city2}.",
                       f"After studying {subject} at {school}, {last[0]} founded {company}.",
                       f"{last[0]} founded {company} in {city2} after a degree in {subject} from {school}."])
    other = rng.choice(["", f" {p2}, a rival, was born in {city3} and never studied {subject}.",
                        f" {company} later hired {p2}, who was born in {city2}."])
    text = born + " " + rest + other
    facts = [(f"Where was {p1} born?", city1), (f"When was {p1} born?", str(year)),
             (f"What did {p1} study?", subject), (f"Where did {p1} study?", school),
             (f"Which company did {p1} found?", company), (f"Who founded {company}?", p1),
             (f"{p1} <> born in", city1), (f"{p1} <> founder of", company),
             (f"{company} <> founded by", p1), (f"{p1} <> studied at", school)]
    if other:
        where = city3 if "rival" in other else city2
        facts += [(f"Where was {p2} born?", where, p2), (f"{p2} <> born in", where, p2)]
    return text, facts


EVENTS = [
    "{company} agreed to buy {company2} for {n} million dollars on {day}.",
    "{person} won the election for mayor of {city} with {n} percent of the vote.",
    "Researchers at {school} discovered a new species of frog in the forests near {city}.",
    "{company} recalled {n} thousand electric scooters after reports of battery fires.",
    "A strike by {n} hundred port workers shut down the harbour of {city} for three days.",
    "{person} was named chief executive of {company} after the founder retired on {day}.",
]
FILLERS = [
    "The announcement came on a grey {day} morning.",
    "{person} declined to comment further.",
    "Reporters waited outside the building in {city} for hours.",
    "It was the {nth} such story in {city} this year.",
    "The weather in {city} stayed cold for most of the week.",
    "A spokesperson said more details would follow.",
    "{person} had spoken about the plan in an interview last spring.",
    "Local cafes were busier than usual that afternoon.",
]


def report(rng, pool):
    """A short news report: one sentence with the news (the summary) among background sentences."""
    def fill(template):
        company, company2 = rng.sample(pool["company"], 2)
        return template.format(company=company, company2=company2,
                               person=f"{rng.choice(pool['first'])} {rng.choice(pool['last'])}",
                               city=rng.choice(pool["city"]), school=rng.choice(pool["school"]),
                               n=rng.randint(2, 95), day=rng.choice(["Monday", "Tuesday", "Friday"]),
                               nth=rng.choice(["second", "third", "fourth"]))
    news = fill(rng.choice(EVENTS))
    sentences = [fill(t) for t in rng.sample(FILLERS, rng.randint(2, 4))]
    at = rng.randint(0, len(sentences))
    sentences.insert(at, news)
    return " ".join(sentences), [("summary", news)], at


def record(text, facts, task):
    """facts: (label, answer) or (label, answer, anchor): the answer is sought after the anchor phrase."""
    words, ner = tokenize(text), []
    for label, answer, *anchor in facts:
        after = find(words, anchor[0])[1] + 1 if anchor else 0
        start, end = find(words, answer, after)
        ner.append([start, end, label])
    return {"tokenized_text": words, "ner": sorted(ner), "task": task}


def build(rng, pool, n_profiles, n_reports):
    out = []
    for _ in range(n_profiles):
        text, facts = profile(rng, pool)
        keep = rng.sample(facts, rng.randint(4, min(7, len(facts))))  # a subset: labels per text stay few
        out.append(record(text, keep, "profile"))
    for _ in range(n_reports):
        text, facts, _ = report(rng, pool)
        out.append(record(text, facts, "summary"))
    rng.shuffle(out)
    return out


def check_disjoint():
    for key, (train, test) in POOLS.items():
        both = set(train) & set(test)
        assert not both, f"{key}: {both} is in both pools"


def main():
    check_disjoint()
    here = os.path.dirname(os.path.abspath(__file__))
    train_pool = {k: v[0] for k, v in POOLS.items()}
    eval_pool = {k: v[1] for k, v in POOLS.items()}
    for name, pool, n_profiles, n_reports, seed in [("tasks_train.json", train_pool, 500, 250, 0),
                                                    ("tasks_eval.json", eval_pool, 60, 40, 1)]:
        data = build(random.Random(seed), pool, n_profiles, n_reports)
        with open(os.path.join(here, name), "w", encoding="utf-8") as f:
            f.write("[\n" + ",\n".join(json.dumps(r, ensure_ascii=False) for r in data) + "\n]\n")
        print(f"{name}: {len(data)} texts, {sum(len(r['ner']) for r in data)} labelled spans")


if __name__ == "__main__":
    main()
