#!/bin/sh
# dlfl export's command line: usage errors exit 2, an unknown learner 1
# with a message, -o writes the same bytes durably (mode 0600) and says
# plainly when it cannot.
cd "$(dirname "$0")/../.." || exit 1
. tests/e2e/export_fixture.inc

expect() { # expect DESCRIPTION STATUS COMMAND...
	d=$1 want=$2
	shift 2
	"$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	if [ "$rc" -eq "$want" ]; then ok "$d (exit $want)"; else not_ok "$d (exit $rc, wanted $want)"; fi
}

expect "unknown format" 2 "$DLFL" export Bob --format pdf
check "unknown format is named" grep -q "pdf" "$tmp/err"
expect "no format" 2 "$DLFL" export Bob
expect "no learner" 2 "$DLFL" export --format csv
expect "two learners" 2 "$DLFL" export Bob Ann --format csv
expect "unknown learner" 1 "$DLFL" export Nobody --format csv
check "unknown learner is named" grep -q "Nobody" "$tmp/err"
check "nothing on stdout for an unknown learner" test ! -s "$tmp/out"
bom=$(printf '\357\273\277') # CSV starts with a byte order mark
expect "a learner's name in other letter case" 0 "$DLFL" export bob --format csv
check "that finds the learner" grep -q "^${bom}learner," "$tmp/out"

"$DLFL" export "$ANN" --format cpd >"$tmp/stdout.md" 2>/dev/null
expect "-o FILE" 0 "$DLFL" export "$ANN" --format cpd -o "$tmp/log.md"
check "-o writes nothing to stdout" test ! -s "$tmp/out"
check "-o writes what stdout gets" cmp -s "$tmp/stdout.md" "$tmp/log.md"
mode=$(ls -l "$tmp/log.md" | cut -c1-10)
if [ "$mode" = "-rw-------" ]; then ok "-o file is private (0600)"; else not_ok "-o file mode $mode"; fi
echo old >"$tmp/old.csv"
expect "-o replaces an existing file" 0 "$DLFL" export "$ANN" --format csv -o "$tmp/old.csv"
check "with the export" grep -q "^${bom}learner," "$tmp/old.csv"
check "leaving no temporary file" sh -c "! ls -A '$tmp' | grep -q '^\.'"
expect "-o into a missing directory" 1 "$DLFL" export "$ANN" --format csv -o "$tmp/nope/x.csv"
check "says why" grep -q "nope/x.csv" "$tmp/err"
mkdir "$tmp/adir"
expect "-o onto a directory" 1 "$DLFL" export "$ANN" --format csv -o "$tmp/adir"
check "says why" grep -qi "directory" "$tmp/err"
expect "-o - is stdout" 0 "$DLFL" export "$ANN" --format csv -o -
check "with the export" grep -q "^${bom}learner," "$tmp/out"
# Issue 12: a FIFO or a device at the path is written into, never replaced.
mkfifo "$tmp/fifo"
cat "$tmp/fifo" >"$tmp/from-fifo" &
reader=$!
expect "-o FIFO" 0 "$DLFL" export "$ANN" --format csv -o "$tmp/fifo"
wait "$reader"
check "the FIFO is still a FIFO" test -p "$tmp/fifo"
check "and its reader got the export" grep -q "^${bom}learner," "$tmp/from-fifo"
expect "-o /dev/null" 0 "$DLFL" export "$ANN" --format csv -o /dev/null
check "/dev/null is still a character device" test -c /dev/null
echo target >"$tmp/target.csv"
ln -s target.csv "$tmp/link.csv"
expect "-o through a symbolic link" 0 "$DLFL" export "$ANN" --format csv -o "$tmp/link.csv"
check "the link stays a link" test -L "$tmp/link.csv"
check "and its target holds the export" grep -q "^${bom}learner," "$tmp/target.csv"
expect "a certificate with nothing passed is refused" 1 "$DLFL" export "$ZOE" --format certificate -o "$tmp/cert.txt"
check "and writes no file" test ! -e "$tmp/cert.txt"
if [ -w /dev/full ]; then
	"$DLFL" export "$ANN" --format cpd >/dev/full 2>"$tmp/err"
	if [ $? -eq 1 ] && [ -s "$tmp/err" ]; then ok "a full stdout is reported"; else not_ok "a full stdout is reported"; fi
fi
printf 'dlfl-record: 1\nname: "Carl"\nmodules: [\n' >"$tmp/data/learners/$(key Carl).yaml"
expect "an unreadable record" 1 "$DLFL" export Carl --format csv
check "says which file" grep -q "$(key Carl).yaml" "$tmp/err"

[ "$failures" -eq 0 ]
