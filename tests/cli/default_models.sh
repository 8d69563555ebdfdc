#!/bin/sh
# The default models built into `stance`: a regression guard on the corpus's
# test split (macro-F1 floors the current models meet), and reproducibility
# (training again with the build's recipe gives the same bytes).
# usage: default_models.sh STANCE_BIN SOURCE_DIR
set -u
bin=$1
src=$2
. "$2/tests/cli/lib.sh"
test_split=$src/training-data/statements/test.jsonl

# floors about 0.03 below what the models measure (2026-11-25):
# stance 0.79 (0.836), sentiment 0.65 (0.688); 526 test statements
for pair in stance:0.79 sentiment:0.65; do
    task=${pair%%:*}
    floor=${pair#*:}
    "$bin" eval -m "builtin:$task" --label-field "$task" --json "$test_split" > "$dir/$task.json" || fail "eval $task"
    f1=$(sed -n 's/.*"macro_f1":[[:space:]]*\([0-9.e-]*\).*/\1/p' "$dir/$task.json" | head -1)
    echo "$task: macro-F1 $f1 on $(grep -c . "$test_split") test statements (floor $floor)"
    awk -v a="$f1" -v b="$floor" 'BEGIN { exit !(a >= b) }' || fail "$task macro-F1 $f1 below $floor"
done

# the built-in model is the one the build trained, and training is reproducible
models=$(dirname "$bin")/models
if [ -f "$models/stance.model" ]; then
    "$bin" train --word-ngrams 1-2 --sublinear-tf --negation \
        --label-field stance --date 2026-01-01T00:00:00Z -o "$dir/again.model" \
        "$src/training-data/statements/train.jsonl" || fail "train again"
    cmp -s "$models/stance.model" "$dir/again.model" || fail "training again gave other bytes"
else
    fail "no $models/stance.model"
fi
"$bin" eval -m builtin:none "$test_split" > /dev/null 2>&1; [ $? -eq 1 ] || fail "unknown built-in model"

finish
