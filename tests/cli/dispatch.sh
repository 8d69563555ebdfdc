#!/bin/sh
# The program's front door: version, help for every command, usage errors.
# usage: dispatch.sh STANCE_BIN SOURCE_DIR
set -u
bin=$1
fails=0
check() { # check DESCRIPTION EXPECTED_STATUS ACTUAL_STATUS
    if [ "$2" != "$3" ]; then echo "FAIL: $1: exit $3, expected $2"; fails=$((fails + 1)); fi
}

out=$("$bin" --version); check "--version" 0 $?
echo "$out" | grep -Eq '^stance [0-9]+\.[0-9]+\.[0-9]+$' || { echo "FAIL: version line '$out'"; fails=$((fails + 1)); }

"$bin" --help >/dev/null; check "--help" 0 $?
"$bin" >/dev/null 2>&1; check "no command" 2 $?
err=$("$bin" frobnicate 2>&1 >/dev/null); check "unknown command" 2 $?
echo "$err" | grep -q "unknown command 'frobnicate'" || { echo "FAIL: message '$err'"; fails=$((fails + 1)); }

for cmd in train eval extract score report run featurize; do
    out=$("$bin" $cmd --help); check "$cmd --help" 0 $?
    echo "$out" | grep -q "stance $cmd" || { echo "FAIL: $cmd --help does not name the command"; fails=$((fails + 1)); }
done

echo "$fails failed"
[ $fails -eq 0 ]
