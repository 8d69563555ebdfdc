#!/bin/sh
# stance featurize: svmlight lines, options, errors naming file and line,
# and no output file left behind on failure.
# usage: featurize.sh STANCE_BIN SOURCE_DIR
set -u
bin=$1
. "$2/tests/cli/lib.sh"

cat > "$dir/c.jsonl" <<'JSONL'
{"text":"We welcome the talks.","label":"conciliatory"}
{"text":"We reject the talks!","label":"adversarial"}
{"text":"The talks are on Friday.","label":"neutral"}
JSONL
out=$("$bin" featurize --vocab "$dir/v.json" "$dir/c.jsonl") || fail "exit $?"
[ "$(echo "$out" | wc -l)" -eq 3 ] || fail "expected 3 lines: $out"
# every line: a label number, then INDEX:VALUE with strictly increasing indices
echo "$out" | awk '{ if ($1 !~ /^[0-9]+$/) bad=1; last=0;
    for (i = 2; i <= NF; i++) { split($i, p, ":"); if (p[1] + 0 <= last) bad=1; last = p[1] + 0 } }
    END { exit bad }' || fail "malformed svmlight lines: $out"
echo "$out" | head -1 | grep -q "^0 " || fail "first label should be 0"
grep -q '"labels":\["conciliatory","adversarial","neutral"\]' "$dir/v.json" || fail "vocab lacks labels"
grep -q '"w:welcome the"' "$dir/v.json" || fail "vocab lacks a bigram"

# options change the features: char n-grams only, hashed into 2^10 columns
out=$("$bin" featurize --word-ngrams 0 --char-ngrams 2-3 --hash-bits 10 "$dir/c.jsonl") || fail "hashing exit"
echo "$out" | awk '{ for (i = 2; i <= NF; i++) { split($i, p, ":"); if (p[1] > 1024) exit 1 } }' || fail "index beyond 2^10"
# stdin, and -o writes the same lines
"$bin" featurize -o "$dir/out.svm" - < "$dir/c.jsonl" || fail "stdin exit"
[ "$(cat "$dir/out.svm")" = "$("$bin" featurize "$dir/c.jsonl")" ] || fail "-o differs from stdout"

# bad input: file and line named, exit 1, nothing left behind
printf '{"text":"fine","label":"a"}\n{"text":"no label"}\n' > "$dir/bad.jsonl"
"$bin" featurize -o "$dir/bad.svm" "$dir/bad.jsonl" 2> "$dir/err"; [ $? -eq 1 ] || fail "bad corpus exit"
grep -q "bad.jsonl:2: field 'label' is missing" "$dir/err" || fail "message: $(cat "$dir/err")"
[ ! -e "$dir/bad.svm" ] || fail "output left behind"
printf '' > "$dir/empty.jsonl"
"$bin" featurize "$dir/empty.jsonl" 2> "$dir/err"; [ $? -eq 1 ] || fail "empty corpus exit"
grep -q "empty.jsonl: empty corpus" "$dir/err" || fail "empty message: $(cat "$dir/err")"
"$bin" featurize --min-df 5 "$dir/c.jsonl" 2> "$dir/err"; [ $? -eq 1 ] || fail "pruned-away exit"
grep -q "c.jsonl: no features left" "$dir/err" || fail "pruned message: $(cat "$dir/err")"
"$bin" featurize "$dir/missing.jsonl" 2> /dev/null; [ $? -eq 1 ] || fail "missing file exit"

# usage errors
"$bin" featurize --word-ngrams 3-1 "$dir/c.jsonl" 2>/dev/null; [ $? -eq 2 ] || fail "bad range exit"
"$bin" featurize --weighting idf "$dir/c.jsonl" 2>/dev/null; [ $? -eq 2 ] || fail "bad weighting exit"
"$bin" featurize --hash-bits 40 "$dir/c.jsonl" 2>/dev/null; [ $? -eq 2 ] || fail "bad bits exit"
"$bin" featurize 2>/dev/null; [ $? -eq 2 ] || fail "no corpus exit"

finish
