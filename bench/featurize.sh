#!/bin/sh
# Featurisation throughput, stance against scikit-learn, on one core.
# usage: bench/featurize.sh [DATA_DIR] [MEGABYTES]
#   DATA_DIR: the TweetEval stance folder (default ../shared/data/tweeteval-stance)
set -eu
cd "$(dirname "$0")/.."
data=${1:-../shared/data/tweeteval-stance}
mb=${2:-20}
cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DSTANCE_TESTS=OFF >/dev/null
cmake --build build-bench -j"$(nproc)" --target bench_featurize >/dev/null
corpus=$(mktemp)
trap 'rm -f "$corpus"' EXIT
# the tweets, repeated to about MB megabytes, for stable timings
cat "$data"/*/*_text.txt > "$corpus.one"
while [ "$(wc -c < "$corpus")" -lt $((mb * 1000000)) ]; do cat "$corpus.one" >> "$corpus"; done
rm -f "$corpus.one"
echo "corpus: $(wc -c < "$corpus") bytes, $(wc -l < "$corpus") texts (TweetEval stance, repeated)"
for config in "2 0 0 20000" "2 2 5 100000"; do
    set -- $config
    echo "word 1-$1, char_wb $2-$3, max_features $4, TF-IDF sublinear, L2:"
    s=$(taskset -c 0 build-bench/bench/bench_featurize "$corpus" "$@")
    k=$(taskset -c 0 /usr/bin/python3 bench/featurize_sklearn.py "$corpus" "$@")
    echo "  $s"
    echo "  $k"
    echo "$s $k" | awk '{ printf "  speed-up: %.1fx\n", $2 / $13 }'
done
