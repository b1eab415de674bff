#!/bin/sh
# Issue 12, the kiosk whatever the front end: Ctrl-D in line mode logs out
# to the picker and never exits; stray signals do nothing in kiosk mode and
# save first outside it; a terminal that is gone ends the program within a
# second or two, without spinning; log-out clears what the last learner
# left on screen (and the scrollback where terminfo knows how).
. "$(dirname "$0")/tui_lib.sh"

M=$(modules_dir tui-walk.yaml)
ENV="LANG=C.UTF-8 LC_ALL=C.UTF-8"

# --- Ctrl-D in line mode (TERM=dumb chooses it) --------------------------
start 80 24 $ENV TERM=dumb "$DLFL" --kiosk -m "$M" -d "$T/data"
wait_for "Who is learning?" >/dev/null
send C-d
sleep 0.5
check "line-mode kiosk: Ctrl-D at the picker does not exit" not_on_screen "EXIT="
send n Enter
wait_for "Type your name" >/dev/null
type_text "Kim"
send Enter
wait_for "f forgets you" >/dev/null
send 1 Enter
check "line-mode kiosk: the learner reaches the module" wait_for "Press Enter"
send C-d
check "line-mode kiosk: Ctrl-D logs out" wait_for "Logged out"
check "line-mode kiosk: and the module is scrolled off the screen" not_on_screen "Press Enter"
check "line-mode kiosk: back at the picker" wait_for "Who is learning?"
check "line-mode kiosk: still running" not_on_screen "EXIT="
check "line-mode kiosk: the learner was saved" grep -q "name: Kim" "$T"/data/learners/*.yaml

# --- stray signals do nothing in kiosk mode, in both front ends -----------
for term in dumb screen; do
	start 80 24 $ENV TERM=$term "$DLFL" --kiosk -m "$M" -d "$T/data"
	if [ $term = dumb ]; then wait_for "Who is learning?" >/dev/null; else wait_for "Guest (nothing is stored)" >/dev/null; fi
	pid=$(dlfl_pid)
	for sig in TTIN TTOU USR1 USR2 ALRM INT TSTP QUIT; do kill -$sig "$pid"; done
	sleep 1
	check "kiosk ($term): SIGTTIN, SIGTTOU, SIGUSR1, SIGUSR2, SIGALRM do nothing" \
		kill -0 "$pid"
	check "kiosk ($term): not stopped either" sh -c "ps -o stat= -p $pid | grep -qv T"
	kill -TERM "$pid"
	check "kiosk ($term): SIGTERM still ends it, status 0" wait_for "EXIT=0"
done

# --- outside kiosk mode a terminating signal saves and restores -----------
start 80 24 $ENV TERM=screen "$DLFL" -m "$M" -d "$T/data" -l Sig
wait_for "Learner: Sig" >/dev/null
send Enter
wait_for "Press Enter" >/dev/null
kill -USR1 "$(dlfl_pid)"
check "SIGUSR1 ends the player cleanly" wait_for "EXIT=0"
check "with the terminal restored" not_on_screen "Learner: Sig"
check "and the learner saved" grep -q "name: Sig" "$T"/data/learners/*.yaml

# --- a terminal that is gone, with no SIGHUP -------------------------------
# setsid: dlfl is in a session of its own, so the pty is not its
# controlling terminal and killing tmux sends it no SIGHUP: it sees only
# POLLHUP and EIO.
gone() { # gone TERM
	rm -f "$T/pid"
	start 80 24 $ENV TERM=$1 setsid sh -c 'echo $$ >"$0"; exec "$@"' "$T/pid" \
		"$DLFL" --kiosk -m "$M" -d "$T/data" -l "Gone $1"
	wait_for "Gone $1" >/dev/null
	if [ "$1" = dumb ]; then send 1 Enter; else send Enter; fi
	wait_for "Press Enter" >/dev/null
	pid=$(cat "$T/pid")
	tm kill-server
	i=0
	while kill -0 "$pid" 2>/dev/null && [ $i -lt 40 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	if kill -0 "$pid" 2>/dev/null; then
		not_ok "kiosk ($1): a gone terminal ends the program"
		ps -o pid,stat,time,cmd -p "$pid" | sed 's/^/# /'
		kill -KILL "$pid"
	else
		ok "kiosk ($1): a gone terminal ends the program within 4 s"
	fi
}
gone dumb
check "kiosk (line mode): the learner was saved" grep -q "name: Gone dumb" "$T"/data/learners/*.yaml
gone screen
check "kiosk (ncurses): the learner was saved" grep -q "name: Gone screen" "$T"/data/learners/*.yaml

# --- the ncurses log-out wipes the scrollback (xterm has E3) --------------
start 80 24 $ENV TERM=xterm "$DLFL" --kiosk -m "$M" -d "$T/data" -l Wipe
wait_for "Learner: Wipe" >/dev/null
: >"$T/raw"
send q
wait_for "Guest (nothing is stored)" >/dev/null
sleep 0.3
check "kiosk: log-out clears the scrollback (E3)" grep -q "$(printf '\033\\[3J')" "$T/raw"

finish
