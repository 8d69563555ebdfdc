#!/bin/sh
# stance run takes every report option and gives the report that
# stance score | stance report gives with the same options (the two option
# groups once shared ids: --by month read as --no-builtin-gazetteer).
# usage: run_options.sh STANCE_BIN SOURCE_DIR
set -u
bin=$1
src=$2
. "$src/tests/cli/lib.sh"
articles=$src/tests/data/e2e/articles.jsonl
"$bin" score -q "$articles" > "$dir/scored.jsonl" || fail "score"
while read -r options; do
    # shellcheck disable=SC2086
    "$bin" run -q $options "$articles" > "$dir/run.out" 2> "$dir/run.err" || fail "run $options: exit $?: $(cat "$dir/run.err")"
    # shellcheck disable=SC2086
    "$bin" report $options "$dir/scored.jsonl" > "$dir/report.out" 2>&1 || fail "report $options: exit $?"
    cmp -s "$dir/run.out" "$dir/report.out" || fail "run $options differs from score | report"
done <<'OPTIONS'
-f json
-f csv
-f markdown
-f html
--by day -f json
--by week -f json
--by month -f json
--country NOR -f json
--country NOR,ISL -f json
--actor Oslo -f json
--since 2019-03-05 -f json
--until 2019-03-04 -f json
--min-count 2
--top-actors 1
--compare 1 -f json
OPTIONS
# the filters filter: a report of one country holds that country only
"$bin" run -q --country NOR -f json "$articles" | python3 -c '
import json, sys
r = json.load(sys.stdin)
codes = [c["country"] for c in r["countries"]]
sys.exit(0 if codes == ["NOR"] and r["filtered_out"] > 0 else "countries %s" % codes)' || fail "--country NOR did not filter"
"$bin" run -q --by month -f json "$articles" | python3 -c '
import json, sys
codes = {c["country"] for c in json.load(sys.stdin)["countries"]}
sys.exit(0 if {"NOR", "ISL"} <= codes else "countries %s" % codes)' || fail "--by month lost the countries"
finish
