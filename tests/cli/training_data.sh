#!/bin/sh
# The team's statement corpus (training-data/statements): fields and labels,
# the fixed split, each stance at least 25%, speaker and actor coverage, and
# no near-duplicates (training-data/tools/check_corpus.py), with the corpus's
# targets: at least 3,000 statements, 60 speaker codes and 300 actors; and
# the predicate lexicon (training-data/lexicon/check.py).
# usage: training_data.sh STANCE_BIN SOURCE_DIR
set -u
src=$2
. "$src/tests/cli/lib.sh"
tools=$src/training-data/tools
min_statements=3000
min_countries=60
min_actors=300

python3 "$tools/check_corpus.py" "$src/training-data/statements" "$min_statements" "$min_countries" "$min_actors" \
    > "$dir/out" || fail "corpus: $(cat "$dir/out")"
head -1 "$dir/out"

# the predicate lexicon: fields, classes, polarities, forms
python3 "$src/training-data/lexicon/check.py" "$src/training-data/lexicon/predicates.tsv" > "$dir/lex" ||
    fail "lexicon: $(cat "$dir/lex")"
printf 'a|b\tverb\tsay\t+\tspeech\n' > "$dir/bad.tsv"
python3 "$src/training-data/lexicon/check.py" "$dir/bad.tsv" > /dev/null 2>&1 && fail "lexicon checker passed a bad line"

# the checker finds what it is meant to find
mkdir "$dir/bad"
python3 - "$dir/bad" <<'PY'
import json, os, sys
sys.path.insert(0, os.environ.get("TOOLS", "."))
d = sys.argv[1]
base = {"stance": "neutral", "sentiment": "neutral", "actor": "Kremlin", "country": "RUS",
        "target": None, "kind": "indirect", "topic": "diplomacy"}
rows = [dict(base, id="t-1", text="The Kremlin said the talks would resume in Geneva next week."),
        dict(base, id="t-2", text="The Kremlin said the talks would resume in Geneva next month."),
        dict(base, id="t-3", text="Moscow expelled two diplomats.", stance="hostile")]
for split in ("train", "dev", "test"):
    open(os.path.join(d, f"{split}.jsonl"), "w").write(
        "".join(json.dumps(r) + "\n" for r in rows) if split == "train" else "")
PY
python3 "$tools/check_corpus.py" "$dir/bad" 1 1 1 > "$dir/out" && fail "a bad corpus passed"
grep -q "near-duplicate" "$dir/out" || fail "near-duplicate not found: $(cat "$dir/out")"
grep -q "stance 'hostile'" "$dir/out" || fail "unknown stance not found"
grep -q "belongs in" "$dir/out" || fail "wrong split not found"
finish
