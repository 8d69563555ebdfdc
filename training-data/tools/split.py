#!/usr/bin/env python3
"""Assign each statement to train, dev or test, for good.

The split is a function of the statement id alone (SHA-256 of the id, mod 10:
0 -> test, 1 -> dev, else train), so adding statements never moves old ones
between splits. Reads JSONL files of statements (the current split files and any new shard),
writes OUT_DIR/{train,dev,test}.jsonl sorted by id. To add statements:
  split.py training-data/statements training-data/statements/*.jsonl NEW.jsonl

usage: split.py OUT_DIR STATEMENTS.jsonl...
"""
import hashlib
import json
import sys


def split_of(statement_id):
    digit = int(hashlib.sha256(statement_id.encode("utf-8")).hexdigest(), 16) % 10
    return "test" if digit == 0 else "dev" if digit == 1 else "train"


def main(argv):
    if len(argv) < 3:
        sys.exit(__doc__)
    out_dir, paths = argv[1], argv[2:]
    splits = {"train": [], "dev": [], "test": []}
    seen = set()
    # read everything before writing: the split files may be among the inputs
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as e:
                    sys.exit(f"{path}:{number}: {e}")
                if record["id"] in seen:
                    sys.exit(f"{path}:{number}: duplicate id {record['id']}")
                seen.add(record["id"])
                splits[split_of(record["id"])].append(record)
    for name, records in splits.items():
        records.sort(key=lambda r: r["id"])
        with open(f"{out_dir}/{name}.jsonl", "w", encoding="utf-8") as f:
            for r in records:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        print(f"{name}: {len(records)}")


if __name__ == "__main__":
    main(sys.argv)
