#!/bin/sh
# dlfl check, list, --help and --version as an author or librarian meets them.
set -u
. "$(dirname "$0")/lib.sh"
n=0
expect() { # expect NAME WANTED-STATUS COMMAND...
	name=$1 want=$2
	shift 2
	"$@" >"$tmp/out" 2>"$tmp/err"
	got=$?
	if [ "$got" -eq "$want" ]; then ok "$name"; else not_ok "$name (exit $got, wanted $want)"; cat "$tmp/out" "$tmp/err"; fi
}
good=tests/fixtures/good/every-field.yaml

expect "check accepts a module using every field" 0 "$DLFL" check "$good"
[ ! -s "$tmp/out" ] && ok "check prints nothing for a clean module" || not_ok "check prints nothing for a clean module"
expect "check with no argument is a usage error" 2 "$DLFL" check
expect "unknown command is a usage error" 2 "$DLFL" frobnicate
expect "unknown option is a usage error" 2 "$DLFL" --frobnicate
expect "--help exits 0" 0 "$DLFL" --help
grep -q 'dlfl check' "$tmp/out" && ok "--help names the commands" || not_ok "--help names the commands"
# The export formats come from their registry: each named with what it is.
for f in cpd xapi csv certificate; do
	grep -qE "^  $f +[A-Za-z]" "$tmp/out" && ok "--help lists export format $f" ||
		{ not_ok "--help lists export format $f"; cat "$tmp/out"; }
done
# Every message that is not FILE:LINE:COL starts with the program's name,
# even when the program is run by a path (getopt's own would name the path).
expect "unknown short option is a usage error" 2 "$DLFL" -x
grep -qx "dlfl: unknown option '-x'" "$tmp/err" && ok "unknown option: dlfl: prefix" ||
	{ not_ok "unknown option: dlfl: prefix"; cat "$tmp/err"; }
expect "option without its value is a usage error" 2 "$DLFL" --format
grep -qx "dlfl: --format needs a value" "$tmp/err" && ok "missing value: dlfl: prefix" ||
	{ not_ok "missing value: dlfl: prefix"; cat "$tmp/err"; }
expect "--version exits 0" 0 "$DLFL" --version
grep -q '^dlfl [0-9]' "$tmp/out" && ok "--version prints the version" || not_ok "--version prints the version"
expect "missing file is an error" 1 "$DLFL" check "$tmp/nope.yaml"
grep -q "nope.yaml:1:1: error: cannot open" "$tmp/out" && ok "missing file is named, at 1:1" || not_ok "missing file is named, at 1:1"
# Every diagnostic has FILE:LINE:COLUMN, a file too big as well.
head -c 8388618 /dev/zero | tr '\0' '#' >"$tmp/huge.yaml"
expect "a file over 8 MiB is an error" 1 "$DLFL" check "$tmp/huge.yaml"
grep -q "huge.yaml:1:1: error: file is" "$tmp/out" && ok "a file too big is put at 1:1" || not_ok "a file too big is put at 1:1"
# Options of other commands are usage errors, never silently dropped.
for a in "report -o $tmp/x.csv" "list --csv" "list --format csv" "progress --csv" "check --csv $good" "-o $tmp/y list" "--csv --plain" "--format cpd" "-l Ann report"; do
	# shellcheck disable=SC2086
	expect "dlfl $a is a usage error" 2 "$DLFL" -d "$tmp/data" $a
	grep -q "^dlfl: .*take" "$tmp/err" && ok "dlfl $a says why" || not_ok "dlfl $a says why"
done
[ ! -e "$tmp/x.csv" ] && [ ! -e "$tmp/y" ] && ok "nothing is written for a dropped -o" || not_ok "nothing is written for a dropped -o"

# A directory: *.yaml and *.yml in name order; others ignored; duplicate ids.
mkdir "$tmp/dir"
cp "$good" "$tmp/dir/a.yaml"
cp "$good" "$tmp/dir/b.yml"
echo "not a module" >"$tmp/dir/notes.txt"
expect "duplicate module id across files is an error" 1 "$DLFL" check "$tmp/dir"
grep -q "b.yml:3:5: error: module id 'every-field' is already used by $tmp/dir/a.yaml" "$tmp/out" &&
	ok "duplicate id names both files" || { not_ok "duplicate id names both files"; cat "$tmp/out"; }
rm "$tmp/dir/b.yml"
expect "directory with one module passes" 0 "$DLFL" check "$tmp/dir"
mkdir "$tmp/empty"
expect "empty directory is only a warning" 0 "$DLFL" check "$tmp/empty"
grep -q "warning: no module files" "$tmp/out" && ok "empty directory is reported" || not_ok "empty directory is reported"

# Every problem, not only the first, across several files.
expect "several bad files" 1 "$DLFL" check tests/lint/missing-id.yaml tests/lint/bad-kind.yaml
[ "$(grep -c ': error: ' "$tmp/out")" -eq 2 ] && ok "errors from every file" || not_ok "errors from every file"

# Limits: a file over 8 MiB; 100,000 opening brackets refused at once.
{ printf 'format: 1\nid: big\ntitle: "'; head -c 8400000 /dev/zero | tr '\0' 'a'; printf '"\n'; } >"$tmp/big.yaml"
expect "file over 8 MiB refused" 1 "$DLFL" check "$tmp/big.yaml"
grep -q "at most 8 MiB" "$tmp/out" && ok "size limit named" || not_ok "size limit named"
{ printf 'format: 1\nid: s\ntitle: "'; head -c 1100000 /dev/zero | tr '\0' 'a'; printf '"\n'; } >"$tmp/scalar.yaml"
expect "scalar over 1 MiB refused" 1 "$DLFL" check "$tmp/scalar.yaml"
grep -q "3:8: error: value is 1100000 bytes" "$tmp/out" && ok "scalar limit named" || { not_ok "scalar limit named"; cat "$tmp/out"; }
{ printf 'x: '; head -c 100000 /dev/zero | tr '\0' '['; } >"$tmp/deep.yaml"
expect "100,000 brackets refused" 1 "$DLFL" check "$tmp/deep.yaml"
grep -q "nesting deeper than 64" "$tmp/out" && ok "depth limit named" || not_ok "depth limit named"

# Module discovery for the player and list: -m, $DLFL_MODULES.
expect "list with -m" 0 "$DLFL" list -m tests/fixtures/good
grep -q "^every-field  *Every Field  *3  *13  *30" "$tmp/out" && ok "list shows id, title, sections, screens, minutes" ||
	{ not_ok "list shows id, title, sections, screens, minutes"; cat "$tmp/out"; }
DLFL_MODULES=tests/fixtures/good expect "list with DLFL_MODULES" 0 "$DLFL" list
grep -q "^every-field" "$tmp/out" && ok "DLFL_MODULES is honoured" || not_ok "DLFL_MODULES is honoured"
expect "list with a broken module fails" 1 "$DLFL" list -m tests/lint/bad-kind.yaml
grep -q "bad-kind.yaml:11:15: error" "$tmp/err" && ok "list reports module errors on stderr" || not_ok "list reports module errors on stderr"
