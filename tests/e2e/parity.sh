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
phas "opened and left at the intro is still not started" "1. Parity Check (not started; about 5 minutes)"
NO_HINT="There are no more hints for this question."
plain '1\n\n\n2\n\n2\n\n1\nh\n3\n\n\nq\n'
phas "wrong answer, a hint by itself" "Hint: Not the first."
phas "no more hints, in the same words" "$NO_HINT"
phas "score to one decimal, rounded down" "Score: 2 of 3 points (66.6%); the pass mark is 70%."
phas "result" "Result: not passed."
phas "the menu status" "1. Parity Check (not passed, 66.6%; about 5 minutes)"
phas "the questions again offered" "Type a for the questions again"
cp -r "$pd" "$T/plain-again"
printf '1\n\na\n2\n\n2\n\n2\n\n\nq\n' |
	"$DLFL" --plain -m "$fix" -d "$T/plain-again" -l Ann >"$T/p.out" 2>&1
phas "the questions again: a new attempt" "The questions again: lessons count as read."
if sed -n '/The questions again: lessons/,$p' "$T/p.out" | grep -q 'screen 1 of 4'; then
	not_ok "line mode: the questions again visit no lesson"
else
	ok "line mode: the questions again visit no lesson"
fi
phas "the questions again can pass" "Result: passed."
phas "and the menu says so" "1. Parity Check (passed, 100.0%; about 5 minutes)"

# ---- TUI ----
td=$T/tui-data
start 80 24 DLFL_DATA_DIR="$td" "$DLFL" -m "$fix" -l Ann
check "TUI: menu before starting" wait_for "not started"
send Enter
check "TUI: a fresh module says start" wait_for "Press Enter to start."
send m
check "TUI: opened and left at the intro is still not started" wait_for "not started; about 5 minutes"
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
send h
check "TUI: no more hints, in the same words" wait_for "$NO_HINT"
send 3
wait_for "Press Enter to go on." >/dev/null
send Enter
check "TUI: score to one decimal, rounded down" \
	wait_for "Score: 2 of 3 points (66.6%); the pass mark is 70%."
check "TUI: result" on_screen "Result: not passed."
check "TUI: the questions again offered" on_screen "a for the questions again"
send m
check "TUI: the menu status" wait_for "not passed, 66.6%; about 5 minutes"
cp -r "$td" "$T/tui-before-again"
send Enter
wait_for "Press Enter for your summary" >/dev/null
send Enter
wait_for "Result: not passed." >/dev/null
send a
check "TUI: the questions again start at the first question, past the lesson" wait_for "First question"
check "TUI: and say what they are" on_screen "The questions again"
send m
wait_for "in progress" >/dev/null
quit_dlfl

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

# ---- the rest of the shared words, through both front ends ----
# Each phrase is asserted word for word in line mode's output and on the
# TUI's screen: the intro's facts and section lines, the way on from the
# intro, the menu row, a practice question's heading, points after an
# answer and in the score (one rule for "point"/"points"), a case study's
# ending, the offer to start again (the questions before the whole module)
# and what is said once started again; the picker's guest, the position
# (module, section, screen n of m), the contents' "you are here" and
# summary entry, the way on after the last module, and the status line's
# words for a and r.
more=$PWD/tests/fixtures/parity-more
# A sentence the TUI wrapped, read as one line.
on_screen_joined() { screen | sed 's/^ *//; s/ *$//' | tr '\n' ' ' | grep -F -q -- "$1"; }
FACTS="About 1 minute. Pass mark 80%."
SEC1_NEW="First part (0 of 2 screens done)"
SEC2_NEW="Second part (0 of 1 screen done)"
SEC1_DONE="First part (2 of 2 screens done)"
SEC2_DONE="Second part (1 of 1 screen done)"
ROW_NEW="not started; about 1 minute"
ROW_DONE="not passed, 70.0%; about 1 minute"
PRACTICE="Practice question (not scored)"
HEADING="Question (1 point)"
EARNED="You earned 0.7 of 1 point."
SCORE="Score: 0.7 of 1 point (70.0%); the pass mark is 80%."
ENDING="A poor ending: think about what could have gone differently."
CASE_ON="Press Enter to go on, or r to walk the case study again"
CASE_HEAD="Case study: A case"
SUMMARY_HEAD="Summary: Parity More"
OFFER="a for the questions again (lessons count as read), or r for the whole module again."
TO_SUMMARY="Press Enter for your summary, or r for the whole module again"
AGAIN="The whole module again: every screen is fresh. Your earlier attempt stays in your record."
LEFT="Left unanswered: it is listed on the module summary to come back to."
GUEST="Guest (nothing is stored)"
POS="screen 1 of 3"
HERE_Q="Question: A practice question (seen) (you are here)"
HERE_SUM="Module summary (you are here)"
LAST="This is the last module: Enter or m returns to the module menu."

printf '1\n\nt\n\n1\n\n1\n2\n\n1\n\nt\n\n\n1\nr\n\nq\n' |
	COLUMNS=200 "$DLFL" --plain -m "$more" -d "$T/more-plain" -l Ann >"$T/p.out" 2>&1
for w in "$ROW_NEW" "$FACTS" "$SEC1_NEW" "$SEC2_NEW" "$PRACTICE" "$HEADING" "$EARNED" \
	"$CASE_HEAD" "$ENDING" "$CASE_ON" "$SUMMARY_HEAD" "$SCORE" "$ROW_DONE" "$SEC1_DONE" "$SEC2_DONE" "$TO_SUMMARY" "$AGAIN" "$LEFT" \
	"$HERE_Q" "$HERE_SUM" "$LAST"; do
	phas "the shared words" "$w"
done
phas "the offer to start again" "Type $OFFER"
phas "the position: module, section, screen n of m" "Parity More / First part / $POS"
phas "the way on from the summary, by its words" "a for the questions again or r for the whole module again"
printf 'q\n' | "$DLFL" --plain -m "$more" -d "$T/more-plain" >"$T/p.out" 2>&1
phas "the picker's guest" "2. $GUEST"

start 120 40 DLFL_DATA_DIR="$T/more-tui" "$DLFL" -m "$more" -l Ann
check "TUI: the menu row" wait_for "$ROW_NEW"
send Enter
check "TUI: the intro's facts" wait_for "$FACTS"
check "TUI: a section's line" on_screen "$SEC1_NEW"
check "TUI: a one-screen section's line" on_screen "$SEC2_NEW"
send Enter
check "TUI: the practice question's heading" wait_for "$PRACTICE"
check "TUI: the position in the title bar" on_screen "$POS"
check "TUI: the module and section in the title bar" on_screen "Parity More · First part"
send t
check "TUI: the contents say where one is" wait_for "$HERE_Q"
check "TUI: the contents' summary entry" on_screen "Module summary"
send Escape
wait_gone "$HERE_Q" >/dev/null
send 1
wait_for "Press Enter to go on." >/dev/null
send Enter
check "TUI: a scored question's heading" wait_for "$HEADING"
send 1
wait_for "Try again" >/dev/null
send 2
check "TUI: the points earned" wait_for "$EARNED"
send Enter
wait_for "Press Enter to begin." >/dev/null
check "TUI: the case study's heading" on_screen "$CASE_HEAD"
send Enter
wait_for "What now?" >/dev/null
send 1
check "TUI: the case study's ending" wait_for "$ENDING"
check "TUI: the way on from a case study" on_screen "$CASE_ON."
send Enter
check "TUI: the score" wait_for "$SCORE"
check "TUI: the summary's heading" on_screen "$SUMMARY_HEAD"
check "TUI: the offer to start again" on_screen_joined "Press $OFFER"
check "TUI: the way on from the summary" on_screen "$LAST"
check "TUI: the status line's words for a" on_screen "a questions again"
check "TUI: the status line's words for r" on_screen "r whole module again"
send t
check "TUI: the contents say the summary is where one is" wait_for "$HERE_SUM"
send Escape
wait_gone "$HERE_SUM" >/dev/null
send m
check "TUI: the menu row after" wait_for "$ROW_DONE"
send Enter
check "TUI: the way on from a finished intro" wait_for "$TO_SUMMARY."
check "TUI: a section's line, done" on_screen "$SEC1_DONE"
check "TUI: a one-screen section's line, done" on_screen "$SEC2_DONE"
send r
wait_for "Start the whole module again?" >/dev/null
send y
check "TUI: what is said once started again" wait_for "$AGAIN"
send n
check "TUI: a question left unanswered is said to be" wait_for "$LEFT"
quit_dlfl

# The picker's guest entry.
start 120 40 DLFL_DATA_DIR="$T/more-tui" "$DLFL" -m "$more"
check "TUI: the picker's guest" wait_for "$GUEST"
send q
wait_for "Quit" 5 >/dev/null && send y
wait_for "EXIT=" >/dev/null

# "Forget me" in the same words: another name keeps the record, one's own
# deletes it.
NOT_YOU="That is not your name, so your record is kept."
FORGOTTEN="Your record is deleted."
printf 'f\nBob\nf\nann\n' | "$DLFL" --plain -m "$more" -d "$T/more-plain" -l Ann >"$T/p.out" 2>&1
phas "forget me, another name" "$NOT_YOU"
phas "forget me" "$FORGOTTEN"
start 120 40 DLFL_DATA_DIR="$T/more-tui" "$DLFL" -m "$more" -l Ann
wait_for "Learner: Ann" >/dev/null
send f
wait_for "type your name to confirm" >/dev/null
type_text "Bob"
send Enter
check "TUI: forget me, another name" wait_for "$NOT_YOU"
send f
wait_for "type your name to confirm" >/dev/null
type_text "ann"
send Enter
check "TUI: forget me" wait_for "$FORGOTTEN"
quit_dlfl

# The new-learner step, decided once (present_new_name): a name that is
# an existing learner by the store's identity opens that learner, saying
# so; a protected one still asks for its passphrase, kiosk or not; a bad
# name is refused with the same reason. The menu heading is the same words.
nd=$T/names
"$DRV" passphrase "$nd" Pat "open sesame" || not_ok "a protected learner is made"
printf 'q\n' | "$DLFL" --plain -m "$more" -d "$nd" -l Bob >/dev/null 2>&1
PASS_ASKED="This profile has a passphrase."
SAME_BOB="There is already a learner called Bob: opening that record."
SAME_PAT="There is already a learner called Pat: opening that record."
TOO_LONG="A name can be at most 64 characters long."
LONG=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
printf 'n\n%s\nbOB \nq\n' "$LONG" | "$DLFL" --plain -m "$more" -d "$nd" >"$T/p.out" 2>&1
phas "a bad new name is refused" "$TOO_LONG"
phas "a new name that is an existing learner opens that one" "$SAME_BOB"
phas "the menu heading" "Learner: Bob"
if grep -q "Modules for" "$T/p.out"; then not_ok "line mode: one menu heading"; else ok "line mode: one menu heading"; fi
printf 'n\nPAT\nwrong\n' | "$DLFL" --plain --kiosk -m "$more" -d "$nd" >"$T/p.out" 2>&1
phas "kiosk: an existing learner's name still asks the passphrase" "$PASS_ASKED"
if grep -q "Learner: Pat" "$T/p.out"; then
	not_ok "line mode: kiosk: no way into a protected record by its name"
else
	ok "line mode: kiosk: no way into a protected record by its name"
fi
start 80 24 DLFL_DATA_DIR="$nd" "$DLFL" -m "$more"
wait_for "Who is learning?" >/dev/null
send n
wait_for "New learner: type your name" >/dev/null
type_text "$LONG"
send Enter
check "TUI: a bad new name is refused" wait_for "$TOO_LONG"
send C-u
send Escape
wait_for "Who is learning?" >/dev/null
send n
wait_for "New learner: type your name" >/dev/null
type_text "bOB"
send Enter
check "TUI: a new name that is an existing learner opens that one" wait_for "$SAME_BOB"
check "TUI: the menu heading" on_screen "Learner: Bob"
quit_dlfl
start 80 24 DLFL_DATA_DIR="$nd" "$DLFL" --kiosk -m "$more"
wait_for "Who is learning?" >/dev/null
send n
wait_for "New learner: type your name" >/dev/null
type_text "PAT"
send Enter
check "TUI: kiosk: an existing learner's name still asks the passphrase" wait_for "$PASS_ASKED"
check "TUI: kiosk: no way into a protected record by its name" not_on_screen "Learner: Pat"
kill -TERM "$(dlfl_pid)"
wait_for "EXIT=" >/dev/null

# No modules: neither front end reaches a menu, and both say so alike.
empty=$T/no-modules
mkdir -p "$empty"
"$DLFL" --plain -m "$empty" -d "$nd" -l Bob </dev/null >"$T/p.out" 2>&1
phas "no modules" "dlfl: no modules found"
start 80 24 DLFL_DATA_DIR="$nd" "$DLFL" -m "$empty" -l Bob
check "TUI: no modules" wait_for "dlfl: no modules found"

# A match question: the left-hand items under no heading in either front
# end (the TUI has no row for one at 80x24), the right-hand ones under
# "Matches:".
printf '1\n\n\n2\n\noutput\n\nq\n' | "$DLFL" --plain -m "$PWD/tests/fixtures/small" -d "$T/match" -l Max >"$T/p.out" 2>&1
phas "a match question's right-hand heading" "Matches:"
if grep -q "^Items:" "$T/p.out"; then
	not_ok "line mode: no heading over a match question's left-hand items, as in the TUI"
else
	ok "line mode: no heading over a match question's left-hand items, as in the TUI"
fi
finish
