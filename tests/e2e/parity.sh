#!/bin/sh
# The same scripted learner through the same module in line mode and in the
# TUI: both say the same "started" facts, status words and score text
# (66.6%, never 67%, beside "not passed" at a pass mark of 70), and so do
# `progress`, `report` and the CSV export afterwards.
set -u
cd "$(dirname "$0")/../.." || exit 1
. tests/e2e/tui_lib.sh
fix=$PWD/tests/fixtures/parity

# ---- line mode ----
pd=$T/plain-data
plain() { printf '%b' "$1" | "$DLFL" --plain -m "$fix" -d "$pd" -l Ann >"$T/p.out" 2>&1; }
phas() { if grep -qF -- "$2" "$T/p.out"; then ok "line mode: $1"; else not_ok "line mode: $1 (no '$2')"; fi; }
plain '1\nm\nq\n' # open the module, leave at its intro
phas "a fresh module says start" "Press Enter to start"
plain 'q\n'
phas "opened and left at the intro is still not started" "1. Parity Check (not started, 5 min)"
plain '1\n\n\n2\n\n2\n\n1\n3\n\n\nq\n'
phas "wrong answer, a hint by itself" "Hint: Not the first."
phas "score to one decimal, rounded down" "Score: 2 of 3 points (66.6%); the pass mark is 70%."
phas "result" "Result: not passed."
phas "the menu status" "1. Parity Check (not passed, 66.6%, 5 min)"
phas "the questions again offered" "Type a for the questions again"
cp -r "$pd" "$T/plain-again"
printf '1\n\na\n2\n\n2\n\n2\n\n\nq\n' |
	"$DLFL" --plain -m "$fix" -d "$T/plain-again" -l Ann >"$T/p.out" 2>&1
phas "the questions again: a new attempt" "The questions again: the lessons count as read."
if sed -n '/The questions again: the lessons/,$p' "$T/p.out" | grep -q 'screen 1 of 4'; then
	not_ok "line mode: the questions again visit no lesson"
else
	ok "line mode: the questions again visit no lesson"
fi
phas "the questions again can pass" "Result: passed."
phas "and the menu says so" "1. Parity Check (passed, 100.0%, 5 min)"

# ---- TUI ----
td=$T/tui-data
start 80 24 DLFL_DATA_DIR="$td" "$DLFL" -m "$fix" -l Ann
check "TUI: menu before starting" wait_for "not started"
send Enter
check "TUI: a fresh module says start" wait_for "Press Enter to start."
send m
check "TUI: opened and left at the intro is still not started" wait_for "5 min, not started"
send Enter
wait_for "Press Enter to start." >/dev/null
send Enter
wait_for "Read me" >/dev/null
send n
wait_for "First question" >/dev/null
send 2
wait_for "Press Enter to go on." >/dev/null
send Enter
wait_for "Second question" >/dev/null
send 2
wait_for "Press Enter to go on." >/dev/null
send Enter
wait_for "Third question" >/dev/null
send 1
check "TUI: wrong answer, a hint by itself" wait_for "Hint: Not the first."
send 3
wait_for "Press Enter to go on." >/dev/null
send Enter
check "TUI: score to one decimal, rounded down" \
	wait_for "Score: 2 of 3 points (66.6%); the pass mark is 70%."
check "TUI: result" on_screen "Result: not passed."
check "TUI: the questions again offered" on_screen "a: the questions again"
send m
check "TUI: the menu status" wait_for "5 min, not passed, 66.6%"
cp -r "$td" "$T/tui-before-again"
send Enter
wait_for "Press Enter for your summary" >/dev/null
send Enter
wait_for "Result: not passed." >/dev/null
send a
check "TUI: the questions again start at the first question, past the lesson" wait_for "First question"
check "TUI: and say what they are" on_screen "The questions again"
send m
wait_for "5 min, in progress" >/dev/null
send q
wait_for "Quit" 5 >/dev/null && send y
wait_for "EXIT=" >/dev/null

# ---- the same words outside the player ----
for d in "$pd" "$T/tui-before-again"; do
	w=line
	[ "$d" = "$T/tui-before-again" ] && w=TUI
	"$DLFL" -m "$fix" -d "$d" progress Ann >"$T/prog" 2>&1
	check "progress after $w: status" grep -qF "status: not passed, 66.6%" "$T/prog"
	check "progress after $w: score" grep -qF "2 of 3 points (66.6%)" "$T/prog"
	check "progress after $w: where" grep -qF "where:  finished" "$T/prog"
	"$DLFL" -m "$fix" -d "$d" report >"$T/rep" 2>&1
	check "report after $w" grep -qE "Parity Check +not passed, 66.6% +66.6%" "$T/rep"
	"$DLFL" -m "$fix" -d "$d" export Ann --format csv >"$T/csv" 2>&1
	check "CSV export after $w" grep -qF ',"not passed, 66.6%",' "$T/csv"
	check "CSV export score after $w" grep -qF ',66.6,' "$T/csv"
done
finish
