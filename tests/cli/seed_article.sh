#!/bin/sh
# The canonical example (../shared/examples/seed-article.txt): the statements a
# reader expects, with the right speakers and countries, and a report whose
# USA and RUS rows carry them. Skipped (exit 77) when ../shared is not there.
# usage: seed_article.sh STANCE_BIN SOURCE_DIR
set -u
bin=$1
src=$2
seed=$src/../shared/examples/seed-article.txt
[ -f "$seed" ] || { echo "SKIP: no $seed"; exit 77; }
. "$src/tests/cli/lib.sh"

"$bin" extract -q "$seed" > "$dir/x.jsonl" || fail "extract"
python3 - "$dir/x.jsonl" "$seed" <<'PY' || fail "the expected statements"
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
def find(pred, what):
    hits = [r for r in rows if pred(r)]
    if not hits:
        sys.exit(f"no statement of {what}; got " +
                 "; ".join(f"{r['speaker']}={r['actor']}/{r['country']}" for r in rows))
    return hits
find(lambda r: r["actor"] == "Vladimir Putin" and r["country"] == "RUS" and r["kind"] == "direct", "Putin")
find(lambda r: r["actor"] == "Russian foreign ministry" and r["country"] == "RUS", "the Russian foreign ministry")
find(lambda r: r["actor"] == "Kremlin" and r["country"] == "RUS" and r["kind"] == "act", "the Kremlin")
find(lambda r: r["actor"] == "Sergei Ryabkov" and r["country"] == "RUS", "Ryabkov")
find(lambda r: r["speaker"] == "Russian Federation" and r["country"] == "RUS", "Russian Federation")
kerry = find(lambda r: r["actor"] == "John Kerry" and r["country"] == "USA", "Kerry")
if len(kerry) < 3:
    sys.exit(f"only {len(kerry)} statements of Kerry")
find(lambda r: r["actor"] == "John Kerry" and r["verb"] == "stated", "'Kerry stated'")
find(lambda r: "senior State Department official" in r["speaker"] and r["country"] == "USA", "the senior official")
find(lambda r: r["speaker"] == "the official" and r["country"] == "USA", "'the official'")
# character offsets (curly quotes are three bytes, one character) give the content
body = open(sys.argv[2], encoding="utf-8").read().split("\n", 1)[1]
for r in rows:
    if body[r["char_start"]:r["char_end"]] != r["content"]:
        sys.exit(f"character offsets of '{r['content'][:40]}' are wrong")
# narration is not a statement: the first sentence only sets the scene
if any(r["sentence"] == 0 for r in rows):
    sys.exit("the opening narration became a statement")
PY

# the report compares USA and RUS, and counts what extract found
"$bin" run -q -f json "$seed" > "$dir/report.json" || fail "run"
python3 - "$dir/x.jsonl" "$dir/report.json" <<'PY' || fail "report rows"
import json, sys, collections
found = collections.Counter(json.loads(l)["country"] for l in open(sys.argv[1]))
report = json.load(open(sys.argv[2]))
rows = {c["country"]: c["n"] for c in report["countries"]}
for code in ("USA", "RUS"):
    if rows.get(code) != found[code]:
        sys.exit(f"{code}: report {rows.get(code)}, statements {found[code]}")
if not any({c["a"], c["b"]} == {"USA", "RUS"} for c in report["comparisons"]):
    sys.exit("no USA-RUS comparison")
PY
"$bin" run -q "$seed" | grep -q "^RUS" || fail "no RUS row in the table"
finish
