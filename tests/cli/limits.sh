#!/bin/sh
# Limits and adversarial sizes: a 10 MB article made of quotes and speakers
# (no quadratic work: the test's CTest timeout is far below what a quadratic
# pass would need), a 1 MB token, and articles over --max-article-size.
# usage: limits.sh STANCE_BIN SOURCE_DIR
set -u
bin=$1
src=$2
. "$src/tests/cli/lib.sh"

python3 - "$dir/quotes.txt" <<'PY'
import sys
parts = ['"We will not accept this, "not" at all," Lavrov said, "and we mean it." ',
         'Kerry said Moscow rejected "the offer" while the Kremlin said, ',
         '\u201cNo\u201d \u00abYes\u00bb "" ', 'The U.S. said it ', 'A senior official, who ']
out, n = [], 0
while n < 10_000_000:
    p = parts[len(out) % len(parts)]
    out.append(p)
    n += len(p.encode())
open(sys.argv[1], "w").write("A paragraph of quotes\n" + "".join(out) + "\n")
PY
"$bin" extract -q --max-article-size 20000000 "$dir/quotes.txt" > "$dir/quotes.jsonl" || fail "10 MB article"
n=$(grep -c '"actor":"Sergey Lavrov"' "$dir/quotes.jsonl")
[ "$n" -gt 40000 ] || fail "10 MB article: only $n statements of Lavrov"

python3 -c 'print("Token"); print("A" * 1000000 + " said " + "b" * 1000000 + ".")' > "$dir/token.txt"
"$bin" score -q "$dir/token.txt" > "$dir/token.jsonl" || fail "1 MB token"
[ "$(grep -c . "$dir/token.jsonl")" -eq 1 ] || fail "1 MB token: $(grep -c . "$dir/token.jsonl") statements"

printf 'Title\n%s\n' "$(printf 'Kerry said yes. %.0s' $(seq 200))" > "$dir/long.txt"
"$bin" extract --max-article-size 1000 "$dir/long.txt" > /dev/null 2> "$dir/err" || fail "a skipped article is not a failure"
grep -q "long.txt" "$dir/err" && grep -q "1 skipped" "$dir/err" || fail "over --max-article-size: $(cat "$dir/err")"
finish
