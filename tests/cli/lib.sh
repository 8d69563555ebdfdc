# Shared by the shell tests of the program: a scratch directory removed on
# exit, and a failure counter. Source it after setting `bin`.
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
# Print the tally and exit non-zero when something failed.
finish() {
    echo "$fails failed"
    [ "$fails" -eq 0 ]
}
