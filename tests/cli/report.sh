#!/bin/sh
# stance report from the command line: formats, stdin, merge, exit codes,
# messages naming file and line, and no half-written output on failure.
# usage: report.sh STANCE_BIN SOURCE_DIR
set -u
bin=$1
. "$2/tests/cli/lib.sh"

cat > "$dir/a.jsonl" <<'JSONL'
{"article_id":"a","date":"2015-12-15","country":"USA","actor":"John Kerry","target":"RUS","stance":{"label":"conciliatory"},"sentiment":{"label":"positive"}}
{"article_id":"a","date":"2015-12-15","country":"RUS","actor":"Kremlin","target":"USA","stance":{"label":"adversarial"},"sentiment":{"label":"negative"}}
JSONL
cat > "$dir/b.jsonl" <<'JSONL'
{"article_id":"b","date":"2016-01-20","country":"USA","actor":"John Kerry","stance":{"label":"neutral"}}
{"article_id":"b","date":"2016-01-21","country":"RUS","actor":"Sergey Lavrov","target":"USA","stance":{"label":"adversarial"}}
JSONL

# the table names both countries and their actors
out=$("$bin" report "$dir/a.jsonl" "$dir/b.jsonl") || fail "table exit $?"
echo "$out" | grep -q "^USA  *2 " || fail "table lacks the USA row: $out"
echo "$out" | grep -q "Kremlin (1)" || fail "table lacks the Kremlin"

# stdin works like a file
out2=$(cat "$dir/a.jsonl" "$dir/b.jsonl" | "$bin" report) || fail "stdin exit $?"
[ "$out" = "$out2" ] || fail "stdin and files differ"

# the merge of two shard reports equals the report of both files
"$bin" report -f json --by month -o "$dir/ra.json" "$dir/a.jsonl" || fail "json a"
"$bin" report -f json --by month -o "$dir/rb.json" "$dir/b.jsonl" || fail "json b"
"$bin" report -f json --by month "$dir/a.jsonl" "$dir/b.jsonl" > "$dir/whole.json" || fail "json whole"
"$bin" report --merge -f json --by month "$dir/ra.json" "$dir/rb.json" > "$dir/merged.json" || fail "merge"
cmp -s "$dir/whole.json" "$dir/merged.json" || fail "merge differs from whole"
# merging reports made by another period is refused
"$bin" report --merge --by week "$dir/ra.json" > /dev/null 2> "$dir/err"
[ $? -eq 1 ] || fail "mismatched merge should exit 1"
grep -q "ra.json: report is by month but the merge is by week" "$dir/err" || fail "message: $(cat "$dir/err")"

# every format writes something of its kind
"$bin" report -f csv "$dir/a.jsonl" | head -1 | grep -q "^country,row,key,n," || fail "csv header"
"$bin" report -f markdown "$dir/a.jsonl" | grep -q "^| USA " || fail "markdown row"
"$bin" report -f html "$dir/a.jsonl" | grep -q "<svg class=\"chart\" id=\"shares\"" || fail "html chart"

# bad lines: named, skipped and counted; --strict stops with exit 1
printf '%s\n' '{"country":"USA","stance":"neutral"}' 'garbage' '{"country":"USA","stance":"odd"}' > "$dir/bad.jsonl"
"$bin" report "$dir/bad.jsonl" > /dev/null 2> "$dir/err" || fail "skip mode should succeed"
grep -q "bad.jsonl:2: not a JSON object" "$dir/err" || fail "line 2 not named: $(cat "$dir/err")"
grep -q "bad.jsonl:3: unknown stance label 'odd'" "$dir/err" || fail "line 3 not named"
grep -q "2 bad lines skipped" "$dir/err" || fail "no summary"
"$bin" report --strict -o "$dir/out.txt" "$dir/bad.jsonl" > /dev/null 2>&1
[ $? -eq 1 ] || fail "--strict should exit 1"
[ ! -e "$dir/out.txt" ] || fail "output written despite failure"
ls "$dir" | grep -q "tmp" && fail "temporary file left behind"

# missing file, binary file, usage errors
"$bin" report "$dir/nope.jsonl" > /dev/null 2> "$dir/err"; [ $? -eq 1 ] || fail "missing file exit"
grep -q "nope.jsonl: cannot open" "$dir/err" || fail "missing file message"
printf 'ab\000cd\n' > "$dir/bin.jsonl"
"$bin" report --strict "$dir/bin.jsonl" > /dev/null 2> "$dir/err"; [ $? -eq 1 ] || fail "binary exit"
grep -q "bin.jsonl:1: NUL byte" "$dir/err" || fail "binary message: $(cat "$dir/err")"
"$bin" report --format pdf "$dir/a.jsonl" > /dev/null 2>&1; [ $? -eq 2 ] || fail "bad format should exit 2"
"$bin" report --by year "$dir/a.jsonl" > /dev/null 2>&1; [ $? -eq 2 ] || fail "bad period should exit 2"
"$bin" report --since 2015-02-30 "$dir/a.jsonl" > /dev/null 2>&1; [ $? -eq 2 ] || fail "bad date should exit 2"
"$bin" report --bogus > /dev/null 2>&1; [ $? -eq 2 ] || fail "unknown option should exit 2"
"$bin" report --by > /dev/null 2>&1; [ $? -eq 2 ] || fail "missing argument should exit 2"

finish
