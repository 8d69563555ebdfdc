#!/bin/sh
# -o to what is not a plain new file: a device, a FIFO, a symlink, an
# existing private file. Devices and FIFOs are written directly and stay what
# they were; a symlink keeps pointing at its file, which is replaced; a
# replaced file keeps its mode.
# usage: outputs.sh STANCE_BIN SOURCE_DIR
set -u
bin=$1
src=$2
. "$src/tests/cli/lib.sh"
articles=$src/tests/data/e2e/articles.jsonl
"$bin" score -q "$articles" > "$dir/want.jsonl" || fail "score to stdout"

# a device: written, not replaced (as root, replacing /dev/null breaks the machine)
"$bin" score -q -o /dev/null "$articles" || fail "-o /dev/null exit $?"
[ -c /dev/null ] || fail "/dev/null is no longer a character device"
"$bin" score -q -o /dev/stdout "$articles" > "$dir/stdout.jsonl" || fail "-o /dev/stdout exit $?"
cmp -s "$dir/want.jsonl" "$dir/stdout.jsonl" || fail "-o /dev/stdout: not the output"

# a FIFO: its reader gets the output and the FIFO stays a FIFO
mkfifo "$dir/fifo"
cat "$dir/fifo" > "$dir/from-fifo" &
reader=$!
"$bin" score -q -o "$dir/fifo" "$articles" || fail "-o FIFO exit $?"
wait $reader
[ -p "$dir/fifo" ] || fail "the FIFO was replaced"
cmp -s "$dir/want.jsonl" "$dir/from-fifo" || fail "-o FIFO: the reader did not get the output"

# a symlink: the file it names is replaced, the link stays
echo old > "$dir/real.jsonl"
ln -s real.jsonl "$dir/link.jsonl"
"$bin" score -q -o "$dir/link.jsonl" "$articles" || fail "-o symlink exit $?"
[ -L "$dir/link.jsonl" ] || fail "the symlink was replaced by a file"
cmp -s "$dir/want.jsonl" "$dir/real.jsonl" || fail "-o symlink: its file does not hold the output"

# a dangling symlink: the file it names is created
ln -s made.jsonl "$dir/dangling.jsonl"
"$bin" score -q -o "$dir/dangling.jsonl" "$articles" || fail "-o dangling symlink exit $?"
[ -L "$dir/dangling.jsonl" ] && cmp -s "$dir/want.jsonl" "$dir/made.jsonl" ||
    fail "-o dangling symlink: the named file was not created"

# an existing private file keeps its mode; a new file gets the umask's
echo old > "$dir/private.jsonl"
chmod 600 "$dir/private.jsonl"
"$bin" score -q -o "$dir/private.jsonl" "$articles" || fail "-o private file exit $?"
[ "$(stat -c %a "$dir/private.jsonl")" = 600 ] || fail "mode became $(stat -c %a "$dir/private.jsonl")"
(umask 027 && "$bin" score -q -o "$dir/new.jsonl" "$articles") || fail "-o new file exit $?"
[ "$(stat -c %a "$dir/new.jsonl")" = 640 ] || fail "a new file under umask 027 has mode $(stat -c %a "$dir/new.jsonl")"

# the temporaries are hidden and gone
ls -A "$dir" | grep -q 'stance-[0-9]*\.' && fail "a temporary file was left: $(ls -A "$dir")"
finish
