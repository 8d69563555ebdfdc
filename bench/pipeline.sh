#!/bin/sh
# End-to-end throughput of extract, score and run on a generated corpus
# (bench/gen_articles.py, fixed seed): article text MB/s for extraction,
# articles/s and statements/s for scoring on one core and on all cores, and
# peak memory (RSS) of each run. Memory must not grow with the corpus: the
# script also runs extraction and scoring on a tenth of the corpus and prints
# both peaks.
# usage: bench/pipeline.sh [MEGABYTES] [STANCE_BIN]   (default 100, build/stance)
set -eu
mb=${1:-100}
bin=${2:-build/stance}
here=$(dirname "$0")
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cores=$(nproc)

python3 "$here/gen_articles.py" "$mb" > "$dir/big.jsonl"
python3 "$here/gen_articles.py" $(( (mb + 9) / 10 )) 7 > "$dir/small.jsonl"
articles=$(grep -c . "$dir/big.jsonl")
text_mb=$(python3 -c 'import json,sys; print(round(sum(len(json.loads(l)["text"].encode()) for l in open(sys.argv[1])) / 1e6, 1))' "$dir/big.jsonl")
echo "corpus: $articles articles, $(du -m "$dir/big.jsonl" | cut -f1) MB of JSONL, $text_mb MB of article text; $cores cores"

# run CMD...: prints "SECONDS PEAK_RSS_MB" for the command (output to $dir/out)
measure() {
    /usr/bin/time -f "%e %M" -o "$dir/time" "$@" > "$dir/out"
    awk '{ printf "%s %.0f", $1, $2 / 1024 }' "$dir/time"
}

row() { # row LABEL JOBS SECONDS RSS STATEMENTS
    awk -v l="$1" -v j="$2" -v s="$3" -v r="$4" -v n="$5" -v a="$articles" -v t="$text_mb" 'BEGIN {
        printf "%-8s %5s %9.1f %10.0f %12.0f %10.1f %9s\n", l, j, s, a / s, n / s, t / s, r }'
}

printf "%-8s %5s %9s %10s %12s %10s %9s\n" command jobs seconds articles/s statements/s "text MB/s" "peak MB"
for cmd in extract score run; do
    for jobs in 1 "$cores"; do
        case $cmd in
            run) set -- "$bin" run -q -j "$jobs" -f json "$dir/big.jsonl" ;;
            *) set -- "$bin" "$cmd" -q -j "$jobs" "$dir/big.jsonl" ;;
        esac
        read -r secs rss <<EOF2
$(measure "$@")
EOF2
        [ "$cmd" = run ] && n=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["statements"])' "$dir/out") ||
            n=$(grep -c . "$dir/out")
        row "$cmd" "$jobs" "$secs" "$rss" "$n"
        [ "$jobs" = "$cores" ] && [ "$cores" = 1 ] && break
    done
done

# memory is flat in the number of articles
for cmd in extract score; do
    small=$(measure "$bin" "$cmd" -q -j "$cores" "$dir/small.jsonl" | cut -d' ' -f2)
    big=$(measure "$bin" "$cmd" -q -j "$cores" "$dir/big.jsonl" | cut -d' ' -f2)
    echo "$cmd peak memory: $small MB on a tenth of the corpus, $big MB on all of it"
done
