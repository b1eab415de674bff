#!/bin/sh
# Small and wide terminals, and the answer box: at 40x12 the opening lines
# of a long question are reachable whatever the cursor, and the status line
# keeps the key that goes on, b, ? and q, in that order; at 132 columns the
# text keeps a reading width near 80; in a text box Tab gives the hint
# (named on the status line) and typed text survives leaving the screen;
# points are said after an answer; match items are lettered.
set -u
cd "$(dirname "$0")/../.." || exit 1
. tests/e2e/tui_lib.sh
fix=$PWD/tests/fixtures/small
# The status area: its rows (two at most on a terminal this short) as one
# line, the way a screen reader goes on from one to the next.
status_rows() { screen | tail -n 2 | sed 's/^ *//; s/ *$//' | awk 'NR > 1 { printf "  " } { printf "%s", $0 } END { print "" }'; }
in_order() { # the status area holds go-on, b, ?, q in this order
	status_rows | grep -qE '(Enter|n)[^ ]*( [a-z]+)*  (.*  )?b( [a-z]+)?  (.*  )?\?( [a-z]+)?  q( [a-z]+)?'
}

start 40 12 DLFL_DATA_DIR="$T/d1" "$DLFL" -m "$fix" -l Ann
wait_for "Small Screens" >/dev/null
send Enter
wait_for "Press Enter" >/dev/null
send Enter
wait_for "Wide lesson" >/dev/null
check "40x12 lesson: status keeps go-on, b, ?, q in order" in_order
send n
check "40x12 question: the first choice is shown" wait_for "1. ( ) Wrong"
check "40x12 question: status keeps go-on, b, ?, q in order" in_order
send Up Up Up Up Up Up Up Up Up Up Up Up
check "40x12: Up past the first choice scrolls to the prompt's opening" wait_for "FIRSTLINE"
send Down Down Down Down Down Down Down Down Down Down Down Down Down Down
wait_for "Also wrong" >/dev/null
send Home
check "40x12: Home reaches the first line" wait_for "FIRSTLINE"
send End
wait_for "Also wrong" >/dev/null
send PPage PPage PPage
check "40x12: PgUp reaches the first line" wait_for "FIRSTLINE"
send 2
check "40x12: answering brings the verdict into view" wait_for "Right."
send q
wait_for "Quit" 5 >/dev/null && send y
wait_for "EXIT=" >/dev/null

start 132 30 DLFL_DATA_DIR="$T/d2" "$DLFL" -m "$fix" -l Bea
wait_for "Small Screens" >/dev/null
send Enter
wait_for "Press Enter" >/dev/null
send Enter
wait_for "Wide lesson" >/dev/null
w=$(screen | sed -n '3,28p' | awk '{ sub(/ +$/, ""); if (length($0) > m) m = length($0) } END { print m }')
check "132 columns: lines keep a reading width near 80 (widest $w)" [ "$w" -le 80 ]
send n
wait_for "Also wrong" >/dev/null
send 2
check "the points earned are said" wait_for "You earned 1 of 1 point."
send Enter
wait_for "Type the word output." >/dev/null
check "a text box names the hint key on the status line" wait_for "Tab hint"
type_text "ou"
send Tab
check "Tab gives the hint in a text box" wait_for "Hint: It starts with o."
check "and types nothing" not_on_screen "ou	"
send Escape
send n
wait_for "Match them." >/dev/null
check "match items are lettered" on_screen "A. one"
check "the draft is in the record" sh -c "grep -q 'draft: ou' '$T'/d2/learners/*.yaml"
send b
wait_for "Type the word output." >/dev/null
check "typed text is back in the box when the learner comes back" sh -c "tmux -L '$SOCK' capture-pane -p | grep -qx ' *ou *'"
send Escape
send q
wait_for "Quit" 5 >/dev/null && send y
check "quits cleanly" wait_for "EXIT=0"

# The reflection editor wraps whole words, as any editor does.
words="alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november"
start 40 12 DLFL_DATA_DIR="$T/d3" "$DLFL" -m "$PWD/tests/fixtures/reflect" -l Cy
wait_for "Reflect" >/dev/null
send Enter
wait_for "Press Enter" >/dev/null
send Enter
wait_for "What will you change?" >/dev/null
type_text "$words"
wait_for "november" >/dev/null
whole=yes
for w in $words; do screen | grep -qw "$w" || whole="no ($w)"; done
check "the reflection editor breaks no word: $whole" [ "$whole" = yes ]
send Escape
send n
wait_for "A case" >/dev/null
send Enter
type_text "half written"
send Escape
send b
wait_for "What will you change?" >/dev/null
send Escape
send n
check "a case study's reflection left unsaved is kept as a draft" \
	wait_for "Your draft, not yet saved: half"
check "the draft is in the record" sh -c "grep -q 'draft: half written' '$T'/d3/learners/*.yaml"
send q
wait_for "Quit" 5 >/dev/null && send y
wait_for "EXIT=" >/dev/null
finish
