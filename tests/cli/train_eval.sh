#!/bin/sh
# stance train and stance eval from the command line.
# usage: train_eval.sh STANCE_BIN SOURCE_DIR
set -u
bin=$1
. "$2/tests/cli/lib.sh"

for i in 1 2 3 4 5 6; do
    echo "{\"id\":\"c$i\",\"text\":\"we welcome the talks and thank partners $i\",\"stance\":\"conciliatory\"}"
    echo "{\"id\":\"a$i\",\"text\":\"we condemn the attack and threaten retaliation $i\",\"stance\":\"adversarial\"}"
    echo "{\"id\":\"n$i\",\"text\":\"the meeting is scheduled for friday in geneva $i\",\"stance\":\"neutral\"}"
done > "$dir/train.jsonl"
SOURCE_DATE_EPOCH=1700000000 "$bin" train --label-field stance --folds 3 -o "$dir/m1" "$dir/train.jsonl" || fail "train exit $?"
SOURCE_DATE_EPOCH=1700000000 "$bin" train --label-field stance --folds 3 -o "$dir/m2" "$dir/train.jsonl" || fail "train 2 exit $?"
cmp -s "$dir/m1" "$dir/m2" || fail "two trainings differ"
head -c 15 "$dir/m1" | grep -q "^STANCE-MODEL 1 " || fail "no model header"

out=$("$bin" eval -m "$dir/m1" --label-field stance "$dir/train.jsonl") || fail "eval exit $?"
echo "$out" | grep -q "^18 records  accuracy 1.0000" || fail "eval table: $out"
"$bin" eval -m "$dir/m1" --label-field stance --json --predictions "$dir/p.jsonl" "$dir/train.jsonl" > "$dir/e.json" || fail "eval --json"
grep -q '"macro_f1":' "$dir/e.json" || fail "json lacks macro_f1"
[ "$(wc -l < "$dir/p.jsonl")" -eq 18 ] || fail "predictions: one line per record"
head -1 "$dir/p.jsonl" | grep -q '"id":"c1".*"gold":"conciliatory","label":"conciliatory","p":{"conciliatory":' || fail "prediction line: $(head -1 "$dir/p.jsonl")"

# labels the model does not know: the file and line are named
printf '{"text":"x","stance":"neutral"}\n{"text":"y","stance":"hostile"}\n' > "$dir/odd.jsonl"
"$bin" eval -m "$dir/m1" --label-field stance "$dir/odd.jsonl" > /dev/null 2> "$dir/err"; [ $? -eq 1 ] || fail "unknown label exit"
grep -q "odd.jsonl:2: unknown label 'hostile'" "$dir/err" || fail "message: $(cat "$dir/err")"
# a truncated or foreign model is refused, no crash
head -c 100 "$dir/m1" > "$dir/cut"
"$bin" eval -m "$dir/cut" --label-field stance "$dir/train.jsonl" > /dev/null 2> "$dir/err"; [ $? -eq 1 ] || fail "truncated model exit"
grep -q "cut: model file is truncated" "$dir/err" || fail "truncated message: $(cat "$dir/err")"
"$bin" eval -m "$dir/train.jsonl" "$dir/train.jsonl" > /dev/null 2> "$dir/err"; [ $? -eq 1 ] || fail "foreign model exit"
grep -q "not a stance model file" "$dir/err" || fail "foreign message"
# one class only, and usage errors
printf '{"text":"a","label":"x"}\n{"text":"b","label":"x"}\n' > "$dir/one.jsonl"
"$bin" train --folds 2 -o "$dir/m3" "$dir/one.jsonl" 2> "$dir/err"; [ $? -eq 1 ] || fail "one-class exit"
[ ! -e "$dir/m3" ] || fail "model written for a failed training"
"$bin" train "$dir/train.jsonl" 2>/dev/null; [ $? -eq 2 ] || fail "missing -o exit"
"$bin" train --C 0 -o x "$dir/train.jsonl" 2>/dev/null; [ $? -eq 2 ] || fail "bad C exit"
"$bin" train --class-weight heavy -o x "$dir/train.jsonl" 2>/dev/null; [ $? -eq 2 ] || fail "bad weight exit"
"$bin" eval "$dir/train.jsonl" 2>/dev/null; [ $? -eq 2 ] || fail "eval without model exit"

finish
