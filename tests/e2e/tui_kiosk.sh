#!/bin/sh
# Public-terminal mode: Ctrl-C, Ctrl-Z and Ctrl-\ do nothing, q logs out to
# the picker, an idle learner is saved and logged out, and only SIGTERM or
# SIGHUP end the program (saving first, terminal restored).
. "$(dirname "$0")/tui_lib.sh"

M=$(modules_dir tui-walk.yaml)
# The idle timeout leaves room for a loaded machine between key presses.
start 80 24 LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=screen "$DLFL" --kiosk --idle-timeout 8 \
	-m "$M" -d "$T/data"
wait_for "Guest (nothing is stored)" >/dev/null
send q
check "kiosk: q on the picker does not exit" wait_for "Pick your name to start"
send n
wait_for "type your name" >/dev/null
type_text "Kim"
send Enter
check "kiosk: the learner reaches the menu" wait_for "Learner: Kim"
send Enter Enter
wait_for "screen 1 of 12" >/dev/null
send C-c C-z 'C-\'
send n
check "kiosk: Ctrl-C, Ctrl-Z and Ctrl-\\ do nothing" wait_for "screen 2 of 12"
pid=$(dlfl_pid)
kill -INT "$pid"
kill -TSTP "$pid"
send 2
check "kiosk: SIGINT and SIGTSTP from outside do nothing" wait_for "Right."
check "kiosk: the status line says q logs out" on_screen "q log out"
send q
check "kiosk: q logs out to the picker" wait_for "Guest (nothing is stored)"
check "kiosk: nobody's work is left on screen" not_on_screen "Which colour"
send 1
check "kiosk: the learner can log in again" wait_for "Learner: Kim"
check "kiosk: an idle learner is logged out to the picker" wait_for "Guest (nothing is stored)" 30
check "kiosk: and told so in line mode's words" \
	on_screen "You were away for a while, so your progress was saved and you were logged out."
check "kiosk: the idle learner's progress was saved" \
	grep -q "q-single" "$T"/data/learners/*.yaml
send 1
wait_for "Learner: Kim" >/dev/null
send p
wait_for "Type a passphrase" >/dev/null
type_text "kiosk pass"
send Enter
type_text "kiosk pass"
send Enter
wait_for "now has a passphrase" >/dev/null
send q
wait_for "Guest (nothing is stored)" >/dev/null
send 1
wait_for "This profile has a passphrase" >/dev/null
check "kiosk: a half-asked passphrase is dropped when idle" wait_gone "This profile has a passphrase" 15
send n
wait_for "type your name" >/dev/null
type_text "Half typed"
check "kiosk: a half-typed name is cleared when idle" wait_gone "Half typed" 15
pid=$(dlfl_pid)
kill -HUP "$pid"
check "kiosk: SIGHUP exits 0" wait_for "EXIT=0"
check "kiosk: the terminal is restored" not_on_screen "Guest (nothing is stored)"

# SIGTERM with a learner logged in saves first.
start 80 24 LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=screen "$DLFL" --kiosk -m "$M" -d "$T/data" \
	-l Kit
wait_for "Learner: Kit" >/dev/null
send Enter
wait_for "Press Enter" >/dev/null
pid=$(dlfl_pid)
kill -TERM "$pid"
check "kiosk: SIGTERM exits 0" wait_for "EXIT=0"

# Outside kiosk mode SIGINT (Ctrl-C) asks before quitting.
start 80 24 LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=screen "$DLFL" -m "$M" -d "$T/data" -l Kit
wait_for "Learner: Kit" >/dev/null
send C-c
check "Ctrl-C asks before quitting" wait_for "Quit dlfl?"
send n
wait_gone "Quit dlfl?" >/dev/null
kill -INT "$(dlfl_pid)"
check "SIGINT asks before quitting" wait_for "Quit dlfl?"
send y
check "then quits with status 0" wait_for "EXIT=0"

finish
