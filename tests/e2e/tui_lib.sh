# Shared helpers for the ncurses player's end-to-end tests (sourced by the
# other tests/e2e/tui_*.sh after lib.sh's common start; run on its own it
# checks nothing). Each test gets a private tmux server, the temporary
# directory $T, and helpers to send keys and to wait for text on the
# screen by polling, never by fixed sleeps.
. "$(dirname "$0")/lib.sh"
TUI_FIXTURES=$root/tests/fixtures
SOCK=dlfl-test-$$
T=$tmp

tm() { tmux -L "$SOCK" "$@"; }

on_exit() {
	tmux -L "$SOCK" kill-server >/dev/null 2>&1
	tmux -L "$SOCK-second" kill-server >/dev/null 2>&1
}

# start W H ENV... : runs dlfl in a fresh pane; the pane shows EXIT=N
# when it ends. Extra arguments are env assignments and dlfl options,
# passed through "env".
start() {
	w=$1
	h=$2
	shift 2
	tm kill-server >/dev/null 2>&1
	cmd=
	for a in "$@"; do cmd="$cmd '$(printf '%s' "$a" | sed "s/'/'\\\\''/g")'"; done
	cat >"$T/run.sh" <<EOF
#!/bin/sh
# Ctrl-C reaches this shell too: it must outlive dlfl to report its status.
trap : INT QUIT
while [ ! -e "$T/go" ]; do sleep 0.05; done
env $cmd
echo "EXIT=\$?"
exec sleep 100000
EOF
	rm -f "$T/go" "$T/raw"
	# A server still shutting down from kill-server can take the new
	# session with it ("server exited unexpectedly"): wait until it is
	# gone, and start again if the new one did not stay up.
	_si=0
	while tm list-sessions >/dev/null 2>&1 && [ "$_si" -lt 100 ]; do
		sleep 0.05
		_si=$((_si + 1))
	done
	_si=0
	while [ "$_si" -lt 5 ]; do
		tm -f /dev/null new-session -d -x "$w" -y "$h" "sh '$T/run.sh'" 2>/dev/null &&
			tm has-session 2>/dev/null && break
		sleep 0.2
		_si=$((_si + 1))
	done
	tm set-option -g window-size manual >/dev/null 2>&1
	tm set-option -g status off >/dev/null 2>&1
	tm resize-window -x "$w" -y "$h" >/dev/null 2>&1
	tm pipe-pane -o "cat >>'$T/raw'"
	: >"$T/go"
}

screen() { tm capture-pane -p; }
screen_e() { tm capture-pane -p -e; }

# wait_for TEXT [SECONDS]: true once TEXT is on the screen.
wait_for() {
	_wl=$(((${2:-10}) * 20))
	_wi=0
	while [ "$_wi" -lt "$_wl" ]; do
		if screen | grep -F -q -- "$1"; then return 0; fi
		sleep 0.05
		_wi=$((_wi + 1))
	done
	echo "# timed out waiting for: $1" >&2
	screen | sed 's/^/# | /' >&2
	return 1
}

# wait_gone TEXT [SECONDS]: true once TEXT has left the screen.
wait_gone() {
	_wl=$(((${2:-10}) * 20))
	_wi=0
	while [ "$_wi" -lt "$_wl" ]; do
		if ! screen | grep -F -q -- "$1"; then return 0; fi
		sleep 0.05
		_wi=$((_wi + 1))
	done
	return 1
}

send() { tm send-keys "$@"; }
type_text() { tm send-keys -l "$1"; }
resize() { tm resize-window -x "$1" -y "$2"; }
on_screen() { screen | grep -F -q -- "$1"; }
not_on_screen() { ! screen | grep -F -q -- "$1"; }

# The pid of dlfl itself (the child of the pane's shell).
dlfl_pid() {
	pp=$(tm display-message -p '#{pane_pid}')
	for p in $(ps -o pid= --ppid "$pp"); do
		echo "$p"
		return
	done
}

modules_dir() { # modules_dir FIXTURE...: a directory holding these fixtures
	mkdir -p "$T/mods"
	for f in "$@"; do cp "$TUI_FIXTURES/$f" "$T/mods/"; done
	echo "$T/mods"
}

# quit_dlfl: q, yes to "Quit dlfl?", and wait until the program has ended.
quit_dlfl() {
	send q
	wait_for "Quit" 5 >/dev/null && send y
	wait_for "EXIT=" >/dev/null
}
