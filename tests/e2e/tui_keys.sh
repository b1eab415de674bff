#!/bin/sh
# The keys of the player's contract: n/Right and b/Left move through every
# screen (an empty answer box does not trap them), k/j, PgUp/PgDn and
# Home/End scroll, m goes to the menu, q asks and Enter confirms.
. "$(dirname "$0")/tui_lib.sh"

M=$(modules_dir tui-walk.yaml)
start 80 24 LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=screen "$DLFL" -m "$M" -d "$T/data" -l Nav
wait_for "Learner: Nav" >/dev/null
send Enter Enter
check "lesson opens" wait_for "screen 1 of 12"
send j j j
check "j scrolls down" wait_for "4-"
send k
check "k scrolls up" wait_for "3-"
send NPage
check "PgDn scrolls a page" wait_gone "Start of lesson"
send PPage
check "PgUp scrolls back" wait_for "Start of lesson"
send End
check "End goes to the bottom" wait_for "End of lesson marker."
send Home
check "Home goes to the top" wait_for "Start of lesson"
k=2
while [ "$k" -le 12 ]; do
	if [ $((k % 2)) -eq 0 ]; then send Right; else send n; fi
	wait_for "screen $k of 12" 5 >/dev/null || break
	k=$((k + 1))
done
check "n and Right reach every screen, past empty answer boxes" on_screen "screen 12 of 12"
send n
check "n after the last screen shows the summary" wait_for "Summary: "
send b
check "b goes back from the summary" wait_for "screen 12 of 12"
send Left Left Left Left Left Left Left
check "Left goes back through answer boxes" wait_for "screen 5 of 12"
send Escape b
check "after Esc, b goes back from an answer box" wait_for "screen 4 of 12"
send Right Right
wait_for "6 times 7" >/dev/null
send n
check "n is a command in a numeric answer" wait_for "screen 7 of 12"
send b
wait_for "6 times 7" >/dev/null
type_text "4"
send Right
check "Right moves in a non-empty answer" on_screen "screen 6 of 12"
send m
check "m in a numeric answer returns to the menu" wait_for "Learner: Nav"
check "the menu offers Resume" on_screen "Resume where you left off: Walk Module"
send Enter
check "Resume goes straight back to the place" wait_for "screen 6 of 12"
# A second terminal on the same learner is told who holds the record.
# (A second tmux server: tmux 3.3a dies on new-window with a manual size.)
S2=$SOCK-second
tmux -L "$S2" -f /dev/null new-session -d -x 80 -y 24 "env LANG=C.UTF-8 LC_ALL=C.UTF-8 \
	TERM=screen '$DLFL' -m '$M' -d '$T/data' -l Nav; echo EXIT2=\$?; sleep 100000"
j=0
while [ "$j" -lt 200 ] && ! tmux -L "$S2" capture-pane -p | grep -q "already open"; do
	sleep 0.05
	j=$((j + 1))
done
check "a second terminal on the same learner is refused and told why" \
	sh -c 'tmux -L "$1" capture-pane -p | grep -q "already open in another session"' - "$S2"
check "the second terminal stays on the picker" \
	sh -c 'tmux -L "$1" capture-pane -p | grep -q "Guest (nothing is stored)"' - "$S2"
# Quit it properly (a hangup would do too, but LeakSanitizer builds can
# stall at exit on a vanished terminal).
tmux -L "$S2" send-keys q y
j=0
while [ "$j" -lt 200 ] && ! tmux -L "$S2" capture-pane -p | grep -q "EXIT2="; do
	sleep 0.05
	j=$((j + 1))
done
tmux -L "$S2" kill-server
send q
wait_for "Quit dlfl?" >/dev/null
send Enter
check "Enter confirms quitting" wait_for "EXIT=0"

# A guest leaves nothing behind.
start 80 24 LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=screen "$DLFL" -m "$M" -d "$T/guest"
wait_for "Guest (nothing is stored)" >/dev/null
send g
check "g starts as a guest" wait_for "nothing you do is stored"
send Enter Enter n 2
wait_for "Right." >/dev/null
send q y
wait_for "EXIT=0" >/dev/null
check "a guest leaves no record" sh -c '! ls "$1"/guest/learners/* >/dev/null 2>&1' - "$T"

finish
