#!/bin/sh
# The ncurses player on awkward terminals: resizes during a lesson and a
# question, a terminal too small (down to 1x1), TERM=vt100 in the C locale,
# NO_COLOR, SIGTERM during a question, and hostile module text.
. "$(dirname "$0")/tui_lib.sh"

M=$(modules_dir tui-walk.yaml tui-hostile.yaml)
U="LANG=C.UTF-8 LC_ALL=C.UTF-8"
ESC=$(printf '\033')

# Resizes: 80x24 -> 50x15 -> 132x43 during a lesson, then a question.
start 80 24 $U TERM=screen "$DLFL" -m "$M" -d "$T/data" -l Rita
wait_for "Walk Module" >/dev/null
send 2 Enter
wait_for "screen 1 of 12" >/dev/null
send Space
wait_for "Line 20 of the lesson" >/dev/null
resize 50 15
check "lesson at 50x15: title bar and status line still there" wait_for "screen 1 of 12"
check "lesson at 50x15: the reading place is kept" not_on_screen "Start of lesson"
check "lesson at 50x15: lines fit the width" \
	sh -c '[ "$(tmux -L "$1" capture-pane -p | awk "length > 50" | wc -l)" -eq 0 ]' - "$SOCK"
resize 132 43
check "lesson at 132x43: the whole lesson fits" wait_for "End of lesson marker."
resize 80 24
send n
wait_for "Which colour is the sky?" >/dev/null
resize 50 15
check "question at 50x15: prompt and choices shown" wait_for "2. ( ) Blue"
send 2
check "question at 50x15: answering works" wait_for "Right."
resize 132 43
check "question at 132x43: the answer and explanation stay" wait_for "Rayleigh scattering"

# Too small, down to 1x1, then back.
resize 20 5
check "20x5: a 'terminal too small' message" wait_for "terminal too small"
resize 1 1
resize 3 2
resize 80 24
check "after 1x1 and back to 80x24 the question is back" wait_for "Which colour is the sky?"
check "no crash at tiny sizes" not_on_screen "EXIT="

# Started in a 20x5 terminal: the message at once, the player once it grows.
send q y
wait_for "EXIT=0" >/dev/null
start 20 5 $U TERM=screen "$DLFL" -m "$M" -d "$T/data" -l Tiny
check "started at 20x5: 'terminal too small'" wait_for "terminal too small"
resize 80 24
check "grown to 80x24: the menu appears" wait_for "Learner: Tiny"
send q y
check "quits cleanly after starting too small" wait_for "EXIT=0"
start 80 24 $U TERM=screen "$DLFL" -m "$M" -d "$T/data" -l Rita
wait_for "Learner: Rita" >/dev/null
send 2 Enter
check "Rita resumes at the question she answered" wait_for "Which colour is the sky?"

# SIGTERM during a question: saves, restores the terminal, exits 0.
send Enter
wait_for "Which numbers are even?" >/dev/null
send 2
wait_for "[x] Two" >/dev/null
pid=$(dlfl_pid)
kill -TERM "$pid"
check "SIGTERM: exits 0" wait_for "EXIT=0"
check "SIGTERM: the terminal is restored" not_on_screen "screen 3 of 12"
rec=$(ls "$T"/data/learners/*.yaml 2>/dev/null | head -n 1)
check "SIGTERM: the record file exists" test -f "$rec"
check "SIGTERM: the record holds the answer given" grep -q "correct: true" "$rec"
check "SIGTERM: the record holds the position" grep -q "screen: q-multiple" "$rec"

# TERM=vt100 in the C locale: ASCII only, still works.
start 80 24 LANG=C LC_ALL=C TERM=vt100 "$DLFL" -m "$M" -d "$T/data2" -l Vic
check "vt100: the menu appears" wait_for "Walk Module"
send 2 Enter
check "vt100: ASCII title bar" wait_for "Walk Module - Reading"
send n
check "vt100: ASCII selection marker" wait_for "> 1. ( ) Green"
send 2
check "vt100: answering works" wait_for "Right."
check "vt100 C locale: nothing but ASCII is written" \
	sh -c '! LC_ALL=C grep -q "[$(printf "\200-\377")]" "$1"' - "$T/raw"
send q y
check "vt100: quits cleanly" wait_for "EXIT=0"

# Colour, and NO_COLOR / --no-color.
has_colour() { screen_e | grep -q "$ESC\[[0-9;]*\(3[0-7]\|4[0-7]\|38;5\|48;5\)[;m]"; }
start 80 24 $U TERM=screen "$DLFL" -m "$M" -d "$T/data3" -l Col
wait_for "Walk Module" >/dev/null
wait_colour() {
	j=0
	while [ "$j" -lt 100 ]; do
		has_colour && return 0
		sleep 0.05
		j=$((j + 1))
	done
	return 1
}
check "colour by default on a colour terminal" wait_colour
send q y
start 80 24 $U TERM=screen NO_COLOR=1 "$DLFL" -m "$M" -d "$T/data3" -l Col
wait_for "Walk Module" >/dev/null
if has_colour; then not_ok "NO_COLOR: no colour"; else ok "NO_COLOR: no colour"; fi
check "NO_COLOR: selection still visible (reverse video)" \
	sh -c 'tmux -L "$1" capture-pane -p -e | grep -q "$2\[7m"' - "$SOCK" "$ESC"
send q y
start 80 24 $U TERM=screen "$DLFL" --no-color -m "$M" -d "$T/data3" -l Col
wait_for "Walk Module" >/dev/null
if has_colour; then not_ok "--no-color: no colour"; else ok "--no-color: no colour"; fi
send q y

# Hostile module text is shown escaped, never sent raw.
start 80 24 $U TERM=screen "$DLFL" -m "$M" -d "$T/data4" -l Hal
wait_for "Walk Module" >/dev/null
send 1 Enter
check "hostile: the lesson shows" wait_for "done marker."
check "hostile: ESC is shown as ^[" on_screen "^[]0;x^G osc"
check "hostile: the clear-screen is shown, not done" on_screen "^[[2J clear"
check "hostile: C1 CSI is shown escaped" on_screen "<U+009B>1m csi"
check "hostile: the bidi override is shown escaped" on_screen "<U+202E> rlo"
check "hostile: no OSC reached the terminal" \
	sh -c '! LC_ALL=C grep -q -F "$(printf "\033]0;")" "$1"' - "$T/raw"
check "hostile: no raw U+009B reached the terminal" \
	sh -c '! LC_ALL=C grep -q -F "$(printf "\302\233")" "$1"' - "$T/raw"
check "hostile: no raw U+202E reached the terminal" \
	sh -c '! LC_ALL=C grep -q -F "$(printf "\342\200\256")" "$1"' - "$T/raw"
check "hostile: the window title is unchanged" \
	sh -c '! tmux -L "$1" display-message -p "#{pane_title}" | grep -q -e pwned -e "^x$"' - "$SOCK"
send n
check "hostile: question text escaped too" wait_for "Pick ^[[31m red"
send q y
check "hostile: quits cleanly" wait_for "EXIT=0"

# Each terminal type of the contract: arrows, Enter and the screens work.
for term in xterm-256color tmux-256color screen linux vt100; do
	if ! infocmp "$term" >/dev/null 2>&1; then
		echo "ok - TERM=$term # SKIP no terminfo entry"
		continue
	fi
	start 80 24 $U TERM=$term "$DLFL" -m "$M" -d "$T/data6" -l "T $term"
	wait_for "Walk Module" >/dev/null
	send Down Enter
	wait_for "Press Enter" >/dev/null
	send Enter Right
	wait_for "Which colour" >/dev/null
	send Down Down Up Enter
	check "TERM=$term: arrows and Enter answer a question" wait_for "Right."
	send q y
	check "TERM=$term: quits and restores the terminal" wait_for "EXIT=0"
done

# A save that fails is said plainly on the screen; the player goes on.
start 80 24 $U TERM=screen "$DLFL" -m "$M" -d "$T/data5" -l Sam
wait_for "Walk Module" >/dev/null
send 2 Enter
wait_for "screen 1 of 12" >/dev/null
rm -rf "$T/data5/learners"
: >"$T/data5/learners"
send n
check "a failed save is shown on the status line" wait_for "could not be saved"
check "the player goes on after a failed save" on_screen "screen 2 of 12"
send q y
check "quits after a failed save" wait_for "EXIT=0"

# A terminal curses cannot drive (no cursor addressing) gets line mode,
# decided by main, with nothing of the TUI painted first.
start 80 24 $U TERM=glasstty "$DLFL" -m "$M" -d "$T/data6"
check "no cursor addressing: line mode's picker" wait_for "Who is learning?"
type_text q
send Enter
check "no cursor addressing: line mode quits cleanly" wait_for "EXIT=0"

finish
