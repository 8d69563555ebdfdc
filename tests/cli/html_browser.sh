#!/bin/sh
# The HTML report renders in a real browser: headless Chromium takes a
# screenshot of the page and the screenshot must show content (charts and
# table), not a blank page. Skipped (exit 0, saying so) where Chromium is not
# installed; .ci/deps installs it for the test suite.
# usage: html_browser.sh STANCE_BIN SOURCE_DIR
set -u
bin=$1
src=$2
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
    echo "SKIP: no chromium on this machine"
    exit 0
fi
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
i=0
: > "$dir/s.jsonl"
for c in USA RUS CHN FRA; do
    for t in USA RUS CHN; do
        for m in 01 02 03 04; do
            i=$((i + 1))
            case $(( (i * i + ${#c} * ${#t} + i / 5) % 3 )) in 0) s=conciliatory ;; 1) s=adversarial ;; *) s=neutral ;; esac
            echo "{\"country\":\"$c\",\"actor\":\"$c ministry\",\"target\":\"$t\",\"date\":\"2015-$m-1$((i % 9))\",\"stance\":{\"label\":\"$s\"}}" >> "$dir/s.jsonl"
        done
    done
done
"$bin" report -f html --by month -o "$dir/report.html" "$dir/s.jsonl" || { echo "FAIL: report"; exit 1; }
"$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$dir/profile" --window-size=1000,1400 \
    --screenshot="$dir/shot.png" "file://$dir/report.html" > "$dir/log" 2>&1
if [ ! -s "$dir/shot.png" ]; then
    echo "FAIL: no screenshot"; cat "$dir/log"; exit 1
fi
python3 "$src/tests/png_content.py" "$dir/shot.png" 0.05 || { echo "FAIL: blank screenshot"; exit 1; }
# keep a copy for people to look at when asked
[ -n "${STANCE_KEEP_SCREENSHOT:-}" ] && cp "$dir/shot.png" "$STANCE_KEEP_SCREENSHOT"
echo "0 failed"
