#!/bin/sh
# The end-to-end run under valgrind (memcheck): no invalid reads or writes,
# no use of uninitialised memory, no leaks, on two threads. Sanitizer builds
# cannot run under valgrind: there the test is skipped (exit 77), and the
# test command runs it on a plain build (.ci/test).
# usage: valgrind.sh STANCE_BIN SOURCE_DIR
set -u
bin=$1
src=$2
command -v valgrind > /dev/null || { echo "SKIP: valgrind is not installed"; exit 77; }
ldd "$bin" 2>/dev/null | grep -q 'libasan\|libubsan' && { echo "SKIP: a sanitizer build"; exit 77; }
. "$src/tests/cli/lib.sh"
articles=$src/tests/data/e2e/articles.jsonl
vg() {
    valgrind -q --error-exitcode=99 --leak-check=full --show-leak-kinds=definite,indirect \
        --errors-for-leak-kinds=definite,indirect "$@"
}
vg "$bin" run -j 2 -f json --statements "$dir/s.jsonl" -o "$dir/report.json" "$articles" 2> "$dir/err"
status=$?
[ $status -eq 0 ] || fail "run under valgrind exited $status: $(grep -v '^stance: run:' "$dir/err" | head -20)"
vg "$bin" report -f html -o "$dir/report.html" "$dir/s.jsonl" 2> "$dir/err" || fail "report under valgrind: $(head -20 "$dir/err")"
printf '{"id":"bad"\n' >> "$dir/bad.jsonl"
cat "$articles" >> "$dir/bad.jsonl"
vg "$bin" extract -f table "$dir/bad.jsonl" > /dev/null 2> "$dir/err" || fail "extract with a bad record under valgrind: $(head -20 "$dir/err")"
finish
