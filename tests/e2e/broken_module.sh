#!/bin/sh
# One broken module file among good ones never stops the player or `dlfl
# list`: both start with the good modules and name the broken file with its
# first error; `list` exits 0 while one module loads; `check` still fails.
set -u
cd "$(dirname "$0")/../.." || exit 1
. tests/e2e/tui_lib.sh
mods=$T/mods
mkdir -p "$mods"
cp tests/fixtures/plain-two/plain-first.yaml "$mods/"
printf 'format: 1\nid: broken\ntitle: Broken\nsummary: S\nsections: [\n' >"$mods/zz-broken.yaml"

"$DLFL" list -m "$mods" >"$T/list" 2>"$T/err"
rc=$?
check "list exits 0 with one good module" [ "$rc" -eq 0 ]
check "list shows the good module" grep -q '^plain-first ' "$T/list"
check "list names the broken file with its first error" \
	grep -q "zz-broken.yaml: [0-9]*:[0-9]*: " "$T/list"
"$DLFL" check "$mods" >/dev/null 2>&1
check "check still fails on it" [ $? -eq 1 ]

printf 'q\n' | "$DLFL" --plain -m "$mods" -d "$T/data" -l Ann >"$T/plain" 2>"$T/perr"
rc=$?
check "line mode starts and quits cleanly" [ "$rc" -eq 0 ]
check "line mode lists the good module" grep -q '1\. First Steps' "$T/plain"
check "line mode names the broken one" grep -q 'Cannot be opened: .*zz-broken.yaml' "$T/plain"

# Only broken modules: nothing to start with, exit 1.
rm "$mods/plain-first.yaml"
"$DLFL" list -m "$mods" >/dev/null 2>&1
check "list exits 1 when no module loads" [ $? -eq 1 ]
cp tests/fixtures/plain-two/plain-first.yaml "$mods/"

start 80 24 DLFL_DATA_DIR="$T/tdata" "$DLFL" -m "$mods" -l Ann
check "the player starts with a broken module beside a good one" wait_for "First Steps"
check "the menu names the broken file" wait_for "Cannot be opened:"
send q
wait_for "Quit" 5 >/dev/null && send y
check "and quits cleanly" wait_for "EXIT=0"
finish
