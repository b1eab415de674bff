#!/bin/sh
# One walk through the ncurses player under valgrind: no memory errors and
# no definite leaks (ncurses' own still-reachable memory is not counted).
. "$(dirname "$0")/tui_lib.sh"

if ! command -v valgrind >/dev/null 2>&1; then
	echo "ok - valgrind walk # SKIP valgrind not installed"
	exit 0
fi
# valgrind cannot run a sanitizer build; that build checks itself.
if [ "${SANITIZE:-}" = 1 ] || grep -q __asan_init "$DLFL" 2>/dev/null; then
	echo "ok - valgrind walk # SKIP sanitizer build"
	exit 0
fi
M=$(modules_dir tui-walk.yaml)
start 80 24 LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=screen valgrind --error-exitcode=99 \
	--leak-check=full --errors-for-leak-kinds=definite --log-file="$T/vg.log" \
	"$DLFL" -m "$M" -d "$T/data"
W=60
if wait_for "Guest (nothing is stored)" $W; then ok "valgrind: picker"; else
	not_ok "valgrind: picker (see $T/vg.log)"
	exit 1
fi
send n
wait_for "type your name" $W >/dev/null
type_text "Val"
send Enter
check "valgrind: menu" wait_for "not started" $W
send Enter Enter
check "valgrind: lesson" wait_for "screen 1 of 12" $W
send Space Space
check "valgrind: single question" wait_for "Which colour" $W
send 1
wait_for "Not right" $W >/dev/null
send h 2
check "valgrind: answered" wait_for "Rayleigh" $W
send Enter 2 Enter
wait_for "Not right" $W >/dev/null
send n
wait_for "Water is wet" $W >/dev/null
send 1 Enter
wait_for "capital of England" $W >/dev/null
type_text "London"
send Enter
check "valgrind: text answered" wait_for "Right." $W
send Enter
wait_for "6 times 7" $W >/dev/null
type_text "42"
send Enter
wait_for "Forty-two" $W >/dev/null
send Enter n n
wait_for "What did you learn" $W >/dev/null
type_text "Reflecting."
send C-d
wait_for "Saved." $W >/dev/null
send Enter 3
wait_for "Saved: Developing." $W >/dev/null
send Enter Enter 2 Enter
wait_for "Write your reflection" $W >/dev/null
type_text "Done."
send F2
wait_for "Your reflection" $W >/dev/null
send Enter
wait_for "Think about the last time" $W >/dev/null
send Enter
type_text "Patience."
send C-d
wait_for "Your reflection: Patience." $W >/dev/null
send Enter
check "valgrind: summary" wait_for "Score:" $W
send t
wait_for "Contents:" $W >/dev/null
send Escape '?'
wait_for "Help: keys" $W >/dev/null
resize 50 15
resize 20 5
resize 80 24
send Escape m l
check "valgrind: back at the picker" wait_for "Guest (nothing is stored)" $W
send g
wait_for "nothing you do is stored" $W >/dev/null
send q y
check "valgrind: exits 0 (no errors, no definite leaks)" wait_for "EXIT=0" $W
grep -E "ERROR SUMMARY|definitely lost" "$T/vg.log" | sed 's/^/# /'

finish
