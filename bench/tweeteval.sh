#!/bin/sh
# TweetEval stance (SemEval-2016 task 6A): one model per target, trained on
# train+val with C chosen by cross-validation, tested on test; the five
# targets' predictions pooled; the official figure is the mean F1 of
# 'against' and 'favor' x 100. scikit-learn runs in the same go for comparison.
# usage: bench/tweeteval.sh [DATA_DIR]
set -eu
cd "$(dirname "$0")/.."
data=$(cd "${1:-../shared/data/tweeteval-stance}" && pwd)
cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DSTANCE_TESTS=OFF >/dev/null
cmake --build build-bench -j"$(nproc)" --target stance bench_predict >/dev/null
stance=$(pwd)/build-bench/stance
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
features=${STANCE_FEATURES:---word-ngrams 1-3 --char-ngrams 2-5 --char-wb --sublinear-tf --negation}
now() { date +%s.%N; }
train_secs=0
predict_secs=0
: > "$work/pooled.jsonl"
for target in abortion atheism climate feminist hillary; do
    cat "$data/$target/train_text.txt" "$data/$target/val_text.txt" > "$work/$target.txt"
    cat "$data/$target/train_labels.txt" "$data/$target/val_labels.txt" > "$work/$target.labels"
    t0=$(now)
    # shellcheck disable=SC2086
    taskset -c 0 "$stance" train $features --labels "$work/$target.labels" --label-map "$data/mapping.txt" \
        --date 2026-01-01 -o "$work/$target.model" "$work/$target.txt"
    t1=$(now)
    taskset -c 0 "$stance" eval -m "$work/$target.model" --labels "$data/$target/test_labels.txt" \
        --label-map "$data/mapping.txt" --predictions "$work/$target.pred" "$data/$target/test_text.txt" > /dev/null
    train_secs=$(echo "$train_secs + $t1 - $t0" | bc)
    # throughput with the model loaded once: the test tweets, 20 rounds
    set -- $(taskset -c 0 build-bench/bench/bench_predict "$work/$target.model" "$data/$target/test_text.txt" 20)
    predicted=$(( ${predicted:-0} + $1 ))
    predict_secs=$(echo "$predict_secs + $2" | bc)
    cat "$work/$target.pred" >> "$work/pooled.jsonl"
done
n=$(wc -l < "$work/pooled.jsonl")
# the official measure on the pooled predictions
/usr/bin/python3 - "$work/pooled.jsonl" "$train_secs" "$predict_secs" "$predicted" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
def f1(c):
    tp = sum(r["gold"] == c and r["label"] == c for r in rows)
    p = sum(r["label"] == c for r in rows); g = sum(r["gold"] == c for r in rows)
    prec = tp / p if p else 0; rec = tp / g if g else 0
    return 2 * prec * rec / (prec + rec) if prec + rec else 0
score = 100 * (f1("against") + f1("favor")) / 2
n = int(sys.argv[4])
print(f"stance   official {score:5.2f}  train {float(sys.argv[2]):6.2f} s  predict {n / float(sys.argv[3]):9.0f} texts/s")
PY
taskset -c 0 /usr/bin/python3 bench/tweeteval_sklearn.py "$data"
