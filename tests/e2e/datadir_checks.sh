#!/bin/sh
# Issue 12, the data directory and module files: records are never written
# into a data directory others can write to, nor through a symlinked
# learners/ (its target untouched), with a message like ssh's StrictModes;
# reports may still read it; a FIFO named *.yaml among the modules or the
# records never blocks.
set -u
. "$(dirname "$0")/lib.sh"
export LANG=C.UTF-8 LC_ALL=C.UTF-8
mkdir "$tmp/mods" && cp tests/fixtures/tui-walk.yaml "$tmp/mods/"

mkdir -m 700 "$tmp/open" && chmod 777 "$tmp/open"
printf 'q\n' | "$DLFL" --plain -m "$tmp/mods" -d "$tmp/open" -l Ann >"$tmp/out" 2>&1
rc=$?
if [ "$rc" -eq 1 ] && grep -q "bad modes" "$tmp/out" && grep -q "chmod go-w" "$tmp/out"; then
	ok "a data directory others can write to is refused, saying how to fix it"
else
	not_ok "a world-writable data directory (exit $rc): $(cat "$tmp/out")"
fi
[ ! -e "$tmp/open/learners" ] && ok "and nothing is written there" || not_ok "something was written"

mkdir -m 700 "$tmp/data" "$tmp/target"
chmod 755 "$tmp/target"
ln -s "$tmp/target" "$tmp/data/learners"
printf 'q\n' | "$DLFL" --plain -m "$tmp/mods" -d "$tmp/data" -l Ann >"$tmp/out" 2>&1
rc=$?
if [ "$rc" -eq 1 ] && grep -q "symbolic link" "$tmp/out"; then
	ok "a symlinked learners/ is refused"
else
	not_ok "a symlinked learners/ (exit $rc): $(cat "$tmp/out")"
fi
mode=$(stat -c %a "$tmp/target")
[ "$mode" = 755 ] && [ -z "$(ls "$tmp/target")" ] && ok "and its target is left alone" ||
	not_ok "the target became $mode: $(ls "$tmp/target")"
"$DLFL" progress -d "$tmp/data" >"$tmp/out" 2>&1
grep -q "symbolic link" "$tmp/out" && ok "nor is it followed to read records" ||
	not_ok "reading through a symlinked learners/: $(cat "$tmp/out")"
rm "$tmp/data/learners"

printf 'q\n' | "$DLFL" --plain -m "$tmp/mods" -d "$tmp/data" -l Ann >/dev/null 2>&1
mkfifo "$tmp/data/learners/%42ob.yaml" "$tmp/mods/fifo.yaml"
timeout 20 "$DLFL" progress -d "$tmp/data" >"$tmp/out" 2>&1
rc=$?
[ "$rc" -ne 124 ] && grep -q "^Ann$" "$tmp/out" && ok "a FIFO among the records does not block" ||
	not_ok "a FIFO among the records (exit $rc)"
timeout 20 "$DLFL" list -m "$tmp/mods" >"$tmp/out" 2>&1
rc=$?
if [ "$rc" -ne 124 ] && grep -q "fifo.yaml.*not a regular file" "$tmp/out"; then
	ok "a FIFO among the modules does not block, and is named"
else
	not_ok "a FIFO among the modules (exit $rc): $(cat "$tmp/out")"
fi
rm "$tmp/mods/fifo.yaml" "$tmp/data/learners/%42ob.yaml"

if [ "$(id -u)" -eq 0 ] && chown 65534:65534 "$tmp/data"; then
	printf 'q\n' | "$DLFL" --plain -m "$tmp/mods" -d "$tmp/data" -l Cy >"$tmp/out" 2>&1
	rc=$?
	[ "$rc" -eq 1 ] && grep -q "bad ownership" "$tmp/out" &&
		ok "a data directory of another user is not written to" ||
		not_ok "another user's data directory (exit $rc): $(cat "$tmp/out")"
	"$DLFL" report -m "$tmp/mods" -d "$tmp/data" >"$tmp/out" 2>&1 && grep -q "Ann" "$tmp/out" &&
		ok "but report may read it" || not_ok "report of another user's data: $(cat "$tmp/out")"
fi

finish
