#!/usr/bin/env python3
"""Check the statement corpus: fields and labels, the fixed split, balance,
coverage, and near-duplicates.

Every record has the fields of ANNOTATION.md with allowed values; each
statement sits in the split its id hashes to (split.py); each stance is at
least 25% of the corpus; there are at least MIN_COUNTRIES speaker codes and
MIN_ACTORS actors and at least MIN_STATEMENTS statements; and no two texts
share more than half of their word trigrams (overlap coefficient: shared
trigrams / trigrams of the shorter text).

usage: check_corpus.py STATEMENTS_DIR [MIN_STATEMENTS MIN_COUNTRIES MIN_ACTORS]
Prints what it found and every problem; exits 1 if there is one.
"""
import collections
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from split import split_of  # noqa: E402

FIELDS = {"id", "text", "stance", "sentiment", "actor", "country", "target", "kind", "topic"}
VALUES = {
    "stance": {"conciliatory", "adversarial", "neutral"},
    "sentiment": {"positive", "negative", "neutral"},
    "kind": {"direct", "indirect", "act"},
    "topic": {"security", "trade", "climate", "elections", "sanctions", "migration", "health",
              "territory", "diplomacy", "energy", "human-rights"},
}


def trigrams(text):
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i:i + 3]) for i in range(len(words) - 2)}


def near_duplicates(rows):
    """Pairs of records sharing more than half the trigrams of the shorter one."""
    index = collections.defaultdict(list)
    grams = [trigrams(r["text"]) for _, _, r in rows]
    pairs = []
    for i, g in enumerate(grams):
        shared = collections.Counter()
        for t in g:
            for j in index[t]:
                shared[j] += 1
            index[t].append(i)
        for j, n in shared.items():
            if g and grams[j] and n / min(len(g), len(grams[j])) > 0.5:
                pairs.append((j, i))
    return pairs


def main(argv):
    if len(argv) not in (2, 5):
        sys.exit(__doc__)
    folder = argv[1]
    minimum = [int(v) for v in argv[2:]] if len(argv) == 5 else [3000, 60, 300]
    problems = []
    rows = []
    for split in ("train", "dev", "test"):
        path = os.path.join(folder, f"{split}.jsonl")
        with open(path, encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                where = f"{path}:{number}"
                try:
                    r = json.loads(line)
                except json.JSONDecodeError as e:
                    problems.append(f"{where}: {e}")
                    continue
                if set(r) != FIELDS:
                    problems.append(f"{where}: fields {sorted(set(r) ^ FIELDS)} differ")
                    continue
                for field, allowed in VALUES.items():
                    if r[field] not in allowed:
                        problems.append(f"{where}: {field} '{r[field]}' is not one of {sorted(allowed)}")
                if not (r["country"] == "IGO" or re.fullmatch(r"[A-Z]{3}", r["country"] or "")):
                    problems.append(f"{where}: country '{r['country']}' is not alpha-3 or IGO")
                if not r["text"].strip() or not r["actor"]:
                    problems.append(f"{where}: empty text or actor")
                if split_of(r["id"]) != split:
                    problems.append(f"{where}: {r['id']} belongs in {split_of(r['id'])}.jsonl")
                rows.append((path, number, r))
    ids = collections.Counter(r["id"] for _, _, r in rows)
    problems += [f"duplicate id {i}" for i, n in ids.items() if n > 1]
    n = len(rows)
    stance = collections.Counter(r["stance"] for _, _, r in rows)
    countries = {r["country"] for _, _, r in rows}
    actors = {r["actor"] for _, _, r in rows}
    print(f"{n} statements; stance {dict(stance)}; {len(countries)} speaker codes; {len(actors)} actors")
    if n < minimum[0]:
        problems.append(f"{n} statements, fewer than {minimum[0]}")
    for label in VALUES["stance"]:
        if n and stance[label] / n < 0.25:
            problems.append(f"{label} is {stance[label] / n:.1%} of the corpus, under 25%")
    if len(countries) < minimum[1]:
        problems.append(f"{len(countries)} speaker codes, fewer than {minimum[1]}")
    if len(actors) < minimum[2]:
        problems.append(f"{len(actors)} actors, fewer than {minimum[2]}")
    for i, j in near_duplicates(rows):
        a, b = rows[i], rows[j]
        problems.append(f"{b[0]}:{b[1]}: near-duplicate of {a[0]}:{a[1]} ({a[2]['id']} / {b[2]['id']})")
    for p in problems[:50]:
        print(p)
    if len(problems) > 50:
        print(f"... and {len(problems) - 50} more")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
