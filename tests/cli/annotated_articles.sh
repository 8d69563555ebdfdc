#!/bin/sh
# Articles written by the team with the statements a reader finds in them
# (tests/data/e2e/annotated.jsonl, field "expected": speaker as written,
# country, kind, in text order). Covers quotes continued over paragraphs,
# pronouns, nominals, surnames (family name first for Chinese and Korean
# names), possessives, roles qualified by other words, lists of speakers,
# "according to" as a relay, guillemets, and narration that says nothing.
# usage: annotated_articles.sh STANCE_BIN SOURCE_DIR
set -u
bin=$1
src=$2
. "$src/tests/cli/lib.sh"
data=$src/tests/data/e2e/annotated.jsonl
"$bin" extract -q "$data" > "$dir/x.jsonl" || fail "extract"
python3 - "$data" "$dir/x.jsonl" <<'PY' || fail "statements differ from the annotation"
import json, sys
expected = {}
for line in open(sys.argv[1]):
    a = json.loads(line)
    expected[a["id"]] = [(e["speaker"], e["country"], e["kind"]) for e in a["expected"]]
got = {k: [] for k in expected}
for line in open(sys.argv[2]):
    r = json.loads(line)
    got[r["article_id"]].append((r["speaker"], r["country"], r["kind"]))
bad = 0
for k in expected:
    if got[k] != expected[k]:
        bad += 1
        print(f"{k}:\n  expected {expected[k]}\n  found    {got[k]}")
total = sum(len(v) for v in expected.values())
print(f"{len(expected) - bad} of {len(expected)} articles as annotated ({total} statements)")
sys.exit(1 if bad else 0)
PY
finish
