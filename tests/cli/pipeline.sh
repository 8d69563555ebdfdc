#!/bin/sh
# extract, score and run end to end on articles written by the team
# (tests/data/e2e): statements and countries found, scored statements and
# reports that follow their schemas, report counts equal to the statements',
# the same output on 1 or 2 threads and from stdin, bad articles skipped and
# counted, --strict, missing files, and an interrupted run that leaves nothing.
# usage: pipeline.sh STANCE_BIN SOURCE_DIR
set -u
bin=$1
src=$2
. "$src/tests/cli/lib.sh"
articles=$src/tests/data/e2e/articles.jsonl
schemas=$src/pipeline/schemas
py=python3

# extract: who said what, and from which country
"$bin" extract -q "$articles" > "$dir/x.jsonl" || fail "extract"
$py - "$dir/x.jsonl" <<'PY' || fail "extract: statements"
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
got = sorted((r["article_id"], r["country"], r["kind"]) for r in rows)
want = sorted([
    ("e2e-1", "ISL", "direct"), ("e2e-1", "NOR", "indirect"), ("e2e-1", "NOR", "act"),
    ("e2e-2", "DEU", "direct"), ("e2e-2", "KEN", "indirect"), ("e2e-2", "KEN", "indirect"),
    ("e2e-3", "IND", "indirect"), ("e2e-3", "CHN", "direct"), ("e2e-3", "IND", "indirect"),
])
if got != want:
    sys.exit(f"got {got}")
PY
# content offsets point into the article text
$py - "$dir/x.jsonl" "$articles" <<'PY' || fail "extract: offsets"
import json, sys
texts = {a["id"]: a["text"] for a in map(json.loads, open(sys.argv[2]))}
for r in map(json.loads, open(sys.argv[1])):
    text = texts[r["article_id"]]
    if text.encode()[r["start"]:r["end"]].decode() != r["content"]:
        sys.exit(f"{r['article_id']}: byte offsets {r['start']}-{r['end']} do not give the content")
    if text[r["char_start"]:r["char_end"]] != r["content"]:
        sys.exit(f"{r['article_id']}: character offsets do not give the content")
PY
"$bin" extract -q -f table "$articles" | grep -q "Norwegian foreign ministry" || fail "extract --format table"

# score: every line follows the schema; labels come from the models
"$bin" score -q "$articles" > "$dir/s.jsonl" || fail "score"
[ "$(grep -c . "$dir/s.jsonl")" -eq 9 ] || fail "score: $(grep -c . "$dir/s.jsonl") lines, expected 9"
$py "$src/tests/schema_check.py" "$schemas/scored-statement.schema.json" "$dir/s.jsonl" --jsonl > "$dir/check" ||
    fail "scored statements do not follow the schema: $(cat "$dir/check")"
"$bin" score -q -j 1 "$articles" > "$dir/s1.jsonl" && "$bin" score -q -j 2 "$articles" > "$dir/s2.jsonl" ||
    fail "score -j"
cmp -s "$dir/s1.jsonl" "$dir/s2.jsonl" || fail "-j 1 and -j 2 differ"
cmp -s "$dir/s.jsonl" "$dir/s1.jsonl" || fail "default jobs and -j 1 differ"
"$bin" score -q - < "$articles" > "$dir/stdin.jsonl" || fail "score from stdin"
cmp -s "$dir/s.jsonl" "$dir/stdin.jsonl" || fail "stdin and file differ"
"$bin" score -q --no-sentiment --terms 0 "$articles" | grep -q '"sentiment"' && fail "--no-sentiment"

# run: the report counts are those of the scored statements
"$bin" run -q -f json --statements "$dir/run.jsonl" -o "$dir/report.json" "$articles" || fail "run"
cmp -s "$dir/s.jsonl" "$dir/run.jsonl" || fail "run --statements differs from score"
$py "$src/tests/schema_check.py" "$schemas/report.schema.json" "$dir/report.json" > "$dir/check" ||
    fail "report does not follow the schema: $(cat "$dir/check")"
$py - "$dir/s.jsonl" "$dir/report.json" <<'PY' || fail "run: report counts differ from the statements"
import json, sys, collections
want = collections.Counter((r["country"], r["stance"]["label"]) for r in map(json.loads, open(sys.argv[1])))
report = json.load(open(sys.argv[2]))
got = collections.Counter()
for c in report["countries"]:
    for label, n in c["counts"].items():
        if n:
            got[(c["country"], label)] += n
assert report["statements"] == sum(want.values()), report["statements"]
if got != want:
    sys.exit(f"report {dict(got)} vs statements {dict(want)}")
PY
"$bin" score -q "$articles" | "$bin" report -f json > "$dir/piped.json" || fail "score | report"
cmp -s "$dir/report.json" "$dir/piped.json" || fail "run and score | report give different reports"
"$bin" run -q "$articles" > "$dir/table" || fail "run (table)"
grep -q "^KEN" "$dir/table" || fail "run: no KEN row in the table"

# bad articles: named, skipped, counted; --strict stops and leaves no file
cp "$articles" "$dir/bad.jsonl"
printf '{"id": "broken"\n{"id": "no-text", "title": "t"}\n' >> "$dir/bad.jsonl"
printf '{"id":"latin1","text":"caf\351"}\n' >> "$dir/bad.jsonl"
"$bin" score -o "$dir/bad.out" "$dir/bad.jsonl" 2> "$dir/err" || fail "skip mode should succeed"
grep -q "bad.jsonl:4:" "$dir/err" && grep -q "bad.jsonl:5: field 'text' is missing" "$dir/err" &&
    grep -q "bad.jsonl:6: invalid UTF-8" "$dir/err" || fail "bad lines not named: $(cat "$dir/err")"
grep -q "3 articles, 9 statements, 3 skipped" "$dir/err" || fail "summary: $(tail -1 "$dir/err")"
cmp -s "$dir/bad.out" "$dir/s.jsonl" || fail "good articles lost next to bad ones"
"$bin" score --strict -o "$dir/strict.out" "$dir/bad.jsonl" 2> "$dir/err"
[ $? -eq 1 ] || fail "--strict should exit 1"
[ -e "$dir/strict.out" ] && fail "--strict left an output file"
"$bin" extract "$dir/missing.txt" > /dev/null 2> "$dir/err"
[ $? -eq 1 ] && grep -q "missing.txt: cannot open" "$dir/err" || fail "missing file: $(cat "$dir/err")"
head -c 3000 /dev/urandom > "$dir/binary.txt"
"$bin" extract "$dir/binary.txt" > /dev/null 2> "$dir/err" || fail "a binary file is skipped"
grep -q "binary.txt" "$dir/err" || fail "binary file not named"
"$bin" score -j 0 "$articles" > /dev/null 2>&1; [ $? -eq 2 ] || fail "-j 0 is a usage error"

# an interrupted run (SIGINT or SIGTERM) writes no output file and says how far it got
for sig in INT TERM; do
    rm -f "$dir/fifo.jsonl"
    mkfifo "$dir/fifo.jsonl"
    ( cat "$articles"; sleep 30 ) > "$dir/fifo.jsonl" &
    feeder=$!
    "$bin" score -o "$dir/int.out" "$dir/fifo.jsonl" 2> "$dir/err" &
    pid=$!
    # the output is opened once the models are loaded; the three articles are
    # read in well under a second after that (slow sanitizer builds included)
    tries=0
    while ! ls -A "$dir" | grep -q '^\.int\.out\.stance-[0-9]*\.' && [ $tries -lt 600 ]; do
        sleep 0.1
        tries=$((tries + 1))
    done
    sleep 1
    kill -$sig $pid
    wait $pid
    status=$?
    kill $feeder 2>/dev/null
    [ $status -ne 0 ] || fail "SIG$sig: interrupted run exited 0"
    grep -q "interrupted after 3 articles" "$dir/err" || fail "SIG$sig: no progress report: $(cat "$dir/err")"
    [ -e "$dir/int.out" ] && fail "SIG$sig: interrupted run left its output"
    ls -A "$dir" | grep -q '\.stance-[0-9]*\.' && fail "SIG$sig: interrupted run left a temporary file"
done

finish
