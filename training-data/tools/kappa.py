#!/usr/bin/env python3
"""Cohen's kappa between two annotations of the same statements.

Each input is JSONL with an `id` and the label fields; only ids present in
both are compared. Prints, for each field, the number of items, observed
agreement, kappa, and the confusion matrix (rows: first file, columns: second).

usage: kappa.py FIRST.jsonl SECOND.jsonl [FIELD...]   (default fields: stance sentiment)
"""
import json
import sys
from collections import Counter


def load(path):
    out = {}
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if line.strip():
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as e:
                    sys.exit(f"{path}:{number}: {e}")
                out[record["id"]] = record
    return out


def cohen_kappa(pairs):
    """kappa = (p_o - p_e) / (1 - p_e), with p_e from the two marginals."""
    n = len(pairs)
    observed = sum(a == b for a, b in pairs) / n
    first = Counter(a for a, _ in pairs)
    second = Counter(b for _, b in pairs)
    expected = sum(first[k] * second[k] for k in first) / (n * n)
    if expected == 1:
        return observed, 1.0
    return observed, (observed - expected) / (1 - expected)


def main(argv):
    if len(argv) < 3:
        sys.exit(__doc__)
    a, b = load(argv[1]), load(argv[2])
    fields = argv[3:] or ["stance", "sentiment"]
    ids = sorted(set(a) & set(b))
    if not ids:
        sys.exit("no ids in common")
    for field in fields:
        pairs = [(a[i][field], b[i][field]) for i in ids]
        observed, kappa = cohen_kappa(pairs)
        labels = sorted({x for p in pairs for x in p})
        print(f"{field}: n={len(pairs)} agreement={observed:.3f} kappa={kappa:.3f}")
        counts = Counter(pairs)
        print("  " + " " * 14 + "".join(f"{l[:12]:>14}" for l in labels))
        for row in labels:
            print(f"  {row[:12]:<14}" + "".join(f"{counts[(row, col)]:>14}" for col in labels))


if __name__ == "__main__":
    main(sys.argv)
