#!/bin/sh
# Run every fuzzer for SECONDS (default 20) on a scratch copy of its seeds.
# A crash leaves its input in the build's fuzz-crashes/ folder and fails the
# run; turn each into a regression seed in tests/fuzz/seeds/NAME/.
# usage: run.sh BUILD_DIR [SECONDS]
set -eu
build=$1
seconds=${2:-20}
here=$(cd "$(dirname "$0")" && pwd)
crashes="$build/fuzz-crashes"
mkdir -p "$crashes"
status=0
for fuzzer in "$build"/tests/fuzz/fuzz_*; do
    [ -x "$fuzzer" ] || continue
    name=$(basename "$fuzzer" | sed 's/^fuzz_//')
    work=$(mktemp -d)
    [ -d "$here/seeds/$name" ] && cp -r "$here/seeds/$name/." "$work/"
    echo "fuzz $name: ${seconds}s"
    if ! "$fuzzer" -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 \
        -artifact_prefix="$crashes/$name-" -print_final_stats=0 "$work" > "$build/fuzz-$name.log" 2>&1; then
        echo "FAIL: fuzz $name crashed; see $build/fuzz-$name.log"
        tail -40 "$build/fuzz-$name.log"
        status=1
    else
        grep -E "^#[0-9]+.*DONE|Done [0-9]+ runs" "$build/fuzz-$name.log" | tail -1 || true
    fi
    rm -rf "$work"
done
exit $status
