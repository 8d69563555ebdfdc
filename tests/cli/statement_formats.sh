#!/bin/sh
# extract and score write JSONL, CSV (RFC 4180, read back by Python's csv
# module) and a table; the CSV has the same statements as the JSONL, and a
# cell that a spreadsheet would run as a formula is defused.
# usage: statement_formats.sh STANCE_BIN SOURCE_DIR
set -u
bin=$1
src=$2
. "$src/tests/cli/lib.sh"
articles=$src/tests/data/e2e/articles.jsonl
cat "$articles" > "$dir/a.jsonl"
printf '%s\n' '{"id": "f-1", "title": "t", "date": "2020-01-02", "text": "\"=HYPERLINK(1,2) is the link,\" the minister said on Monday.\n\"-2+3 is, in short, wrong,\" the Norwegian foreign ministry said."}' >> "$dir/a.jsonl"

for cmd in extract score; do
    "$bin" $cmd -q "$dir/a.jsonl" > "$dir/$cmd.jsonl" || fail "$cmd jsonl"
    "$bin" $cmd -q -f csv "$dir/a.jsonl" > "$dir/$cmd.csv" || fail "$cmd csv"
    python3 - "$dir/$cmd.jsonl" "$dir/$cmd.csv" "$cmd" <<'PY' || fail "$cmd: CSV and JSONL differ"
import csv, json, sys
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
raw = open(sys.argv[2], encoding="utf-8", newline="").read()
assert raw.endswith("\r\n") and "\n" not in raw.replace("\r\n", ""), "line ends are not CRLF"
table = list(csv.DictReader(open(sys.argv[2], encoding="utf-8", newline="")))
assert len(table) == len(rows) and rows, f"{len(table)} rows, {len(rows)} statements"
for r, c in zip(rows, table):
    for field in ("article_id", "speaker", "kind", "verb", "content", "text"):
        want = r[field]
        got = c[field][1:] if c[field].startswith("'") and want[:1] in "=+-@" else c[field]
        assert got == want, f"{field}: {c[field]!r} != {want!r}"
    assert (c["country"] or None) == r["country"] and int(c["start"]) == r["start"]
    if sys.argv[3] == "score":
        assert c["stance"] == r["stance"]["label"]
        assert abs(float(c["stance_" + r["stance"]["label"]]) - r["stance"]["p"][r["stance"]["label"]]) < 1e-3
        assert c["sentiment"] == r["sentiment"]["label"]
formulas = [c["content"] for c in table if c["article_id"] == "f-1"]
assert formulas and all(f.startswith("'") for f in formulas), f"not defused: {formulas}"
PY
    "$bin" $cmd -q -f table "$dir/a.jsonl" > "$dir/$cmd.table" || fail "$cmd table"
    grep -q '^# f-1 (2020-01-02)$' "$dir/$cmd.table" || fail "$cmd table: no article line"
done
grep -q "adversarial\|conciliatory\|neutral" "$dir/score.table" || fail "score table: no stance"
"$bin" score -q -f xml "$dir/a.jsonl" 2> "$dir/err"; [ $? -eq 2 ] || fail "-f xml exit"
grep -q "unknown format 'xml'" "$dir/err" || fail "-f xml message"
finish
