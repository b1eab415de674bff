#!/bin/sh
# The status area names every key that works on the screen, at 80x24 and
# on a narrow terminal. The walk goes through tests/fixtures/good/
# every-field.yaml (picker, name prompt, menu, passphrase, intro, lesson,
# every kind of question before and after answering, in an answer box, a
# case study's steps, ending and reflection, contents, summary, help and
# the yes/no questions). On each screen the keys the status area must name
# are the ones that are pressed there and seen to work (t opens the
# contents, ? the help, q asks, b goes back, m goes to the menu, ...); and
# every group "key word" on it is whole: nothing cut off at the edge.
. "$(dirname "$0")/tui_lib.sh"

M=$(modules_dir good/every-field.yaml)

# The status area as painted: the rows from the last one that begins in
# reverse video (the bar; --no-color keeps it reverse) to the bottom.
status_rows() {
	screen_e | awk '
	# Whether reverse video is on where each line begins, following the
	# SGR sequences through the lines; the status area is the run of
	# such lines at the bottom.
	{
		l[NR] = $0
		rev[NR] = on
		t = $0
		while (match(t, /\033\[[0-9;]*m/)) {
			n = split(substr(t, RSTART + 2, RLENGTH - 3), p, ";")
			if (n == 0) on = 0
			for (i = 1; i <= n; i++) {
				if (p[i] == "" || p[i] == "0" || p[i] == "27") on = 0
				else if (p[i] == "7") on = 1
			}
			if (RSTART == 1) rev[NR] = on
			t = substr(t, RSTART + RLENGTH)
		}
	}
	END {
		s = NR + 1
		# A blank line prints no SGR at all: it is never a row of keys.
		while (s > 2 && rev[s - 1] && l[s - 1] ~ /[^ ]/) s--
		for (i = s; i <= NR; i++) print l[i]
	}' | sed 's/\x1b\[[0-9;]*m//g; s/ *$//'
}
# Its groups, one a line, as a screen reader reads them row after row;
# the note of lines shown (12-31/64) is not a key.
status_groups() {
	status_rows | sed 's/^ //' | awk '{ n = split($0, g, "   *"); for (i = 1; i <= n; i++) print g[i] }' |
		grep -v '^[0-9]*-[0-9]*/[0-9]*$' | grep -v '^$'
}

# names LABEL GROUP...: every GROUP ("t contents") is on the status area,
# whole; the groups are kept in $T/LABEL for the narrow walk.
names() {
	_label=$1
	shift
	sleep 0.15
	status_groups >"$T/got"
	cp "$T/got" "$T/seen-$(echo "$_label" | tr -c 'a-z0-9\n' '_')"
	_missing=
	for _g in "$@"; do
		grep -Fxq -- "$_g" "$T/got" || _missing="$_missing [$_g]"
	done
	if [ -z "$_missing" ]; then
		ok "$_label: the status area names$(printf ' [%s]' "$@")"
	else
		not_ok "$_label: the status area lacks$_missing"
		status_rows | sed 's/^/# | /' >&2
	fi
	# At 80 columns two rows hold the keys of a screen whose text fits
	# (the loader's fit rule counts on it).
	if [ "$W" -ge 80 ] && ! status_rows | grep -qE '[0-9]+-[0-9]+/[0-9]+$'; then
		[ "$(status_rows | wc -l)" -le 2 ] || not_ok "$_label: more than two status rows at $W columns"
	fi
	# Nothing painted past the last column: each row ends before it.
	_wide=$(status_rows | awk -v w="$W" 'length($0) >= w' | wc -l)
	[ "$_wide" -eq 0 ] || not_ok "$_label: a status row reaches the edge"
}
lacks() { # lacks LABEL GROUP: GROUP is not offered here
	if status_groups | grep -Fxq -- "$2"; then not_ok "$1: names [$2], which does nothing here"; else ok "$1: no [$2]"; fi
}

# Probes: the key is pressed, seen to work, and undone.
probe_t() { send t && wait_for "Contents: Every Field" 5 >/dev/null && send Escape && wait_gone "Contents: Every Field" 5; }
probe_help() { send "$1" && wait_for "Help: keys" 5 >/dev/null && send Escape && wait_gone "Help: keys" 5; }
probe_q() { send q && wait_for "Quit dlfl?" 5 >/dev/null && send n && wait_gone "Quit dlfl?" 5; }
# Coming back to an answer box goes into it: Esc leaves it, as it was.
back_out() { if status_groups | grep -Fxq "Esc other keys"; then send Escape; fi; }
probe_b() { # probe_b N [TEXT]: b goes to screen N-1 (or TEXT), n comes back
	send b && wait_for "${2:-screen $(($1 - 1)) of}" 5 >/dev/null && send n &&
		wait_for "screen $1 of" 5 && sleep 0.15 && back_out
}
probe_m() { # m goes to the menu; Enter there (and on the intro) back to screen N
	send m && wait_for "Enter/1-9 open" 5 >/dev/null && send Enter && sleep 0.3 &&
		{ if on_screen "Press Enter to continue"; then send Enter; fi; } &&
		wait_for "screen $1 of" 5 && sleep 0.15 && back_out
}
content_probes() { # content_probes LABEL N: t, ?, q, b, m on screen N
	check "$1: t opens the contents" probe_t
	check "$1: ? opens the help" probe_help '?'
	check "$1: q asks before quitting" probe_q
	check "$1: b goes back, n comes back" probe_b "$2"
	check "$1: m goes to the menu" probe_m "$2"
}
NAV="n next|b back|t contents|m menu|? help|q quit"
# nav LABEL GROUP...: names the screen's own groups and the five of every
# content screen.
nav() {
	_l=$1
	shift
	_ifs=$IFS
	IFS='|'
	# shellcheck disable=SC2086
	set -- "$@" $NAV
	IFS=$_ifs
	names "$_l" "$@"
}

W=80
H=24
start $W $H LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=screen "$DLFL" --no-color -m "$M" -d "$T/data"
wait_for "Who is learning?" >/dev/null
names picker "Up/Down choose" "Enter/1-9 open" "n new" "g guest" "? help" "q quit"
check "picker: ? opens the help" probe_help '?'
check "picker: q asks" probe_q
send n
check "picker: n asks a new learner's name" wait_for "New learner: type your name"
names "name prompt" "Type your name" "Enter done" "Esc cancel"
type_text "Ann"
send Enter
check "the new learner's menu" wait_for "not started; about 30 minutes"
names menu "Up/Down choose" "Enter/1-9 open" "p passphrase" "f forget me" "l log out" "? help" "q quit"
check "menu: ? opens the help" probe_help '?'
check "menu: F1 opens the help" probe_help F1
check "menu: q asks" probe_q
send p
check "menu: p asks for a passphrase" wait_for "passphrase"
names passphrase "Type the passphrase" "Enter done" "Esc cancel"
send Escape
wait_for "not started; about 30 minutes" >/dev/null
send f
check "menu: f asks to type the name" wait_for "type your name"
send Escape
wait_for "not started; about 30 minutes" >/dev/null
send l
check "menu: l logs out" wait_for "Who is learning?"
send 1
wait_for "not started; about 30 minutes" >/dev/null

send Enter
check "intro" wait_for "Press Enter to start"
nav intro "Enter start"
check "intro: t opens the contents" probe_t
check "intro: q asks" probe_q
send b
check "intro: b goes back to the menu" wait_for "not started; about 30 minutes"
send Enter
wait_for "Press Enter to start" >/dev/null
send Enter
check "lesson" wait_for "screen 1 of 13"
names lesson "n/Space next" "b back" "t contents" "m menu" "? help" "q quit"
check "lesson: t opens the contents" probe_t
check "lesson: ? opens the help" probe_help '?'
check "lesson: q asks" probe_q
send b
check "lesson: b says this is the first screen" wait_for "This is the first screen."
check "lesson: m goes to the menu" probe_m 1

send n
wait_for "screen 2 of 13" >/dev/null
nav single "Up/Down choose" "1-9/Enter pick" "h hint"
content_probes single 2
send h
check "single: h gives the hint" wait_for "It is not the first."
lacks "single, its only hint given" "h hint"
send Down
check "single: Down moves the cursor" wait_for "› 2. ( ) Second"
send Up 1
check "single: 1 answers" wait_for "Try again"
send 2
check "single: settled" wait_for "Press Enter to go on."
nav "single, settled" "Enter go on"
lacks "single, settled" "h hint"
content_probes "single, settled" 2

send n
wait_for "screen 3 of 13" >/dev/null
nav multiple "Up/Down choose" "Space/1-9 tick" "Enter submit" "h hint"
check "multiple: at 80x24 every key fits two rows" test "$(status_rows | wc -l)" -le 2
content_probes multiple 3
send Down Space
check "multiple: Down and Space tick the second" wait_for "› 2. [x] 2"
send 3 3
send Enter
check "multiple: Enter submits" wait_for "Not right"
nav "multiple, wrong" "Up/Down choose" "Space/1-9 tick" "Enter submit" "h hint"
send h
check "multiple: h gives a hint" wait_for "First hint."
send 3 Enter
check "multiple: settled" wait_for "Press Enter to go on."
nav "multiple, settled" "Enter go on"

send n
wait_for "screen 4 of 13" >/dev/null
nav true-false "Up/Down choose" "1-9/Enter pick"
lacks true-false "h hint"
content_probes true-false 4
send Enter
check "true-false: Enter answers" wait_for "Press Enter to go on."

send n
wait_for "screen 5 of 13" >/dev/null
check "text: the answer box" wait_for "Type your answer"
names "text, typing" "Type" "Enter submit" "Esc other keys" "Ctrl-U clear" "F1 help" "Ctrl-C quit"
lacks "text, typing" "t contents"
check "text, typing: F1 opens the help" probe_help F1
send C-c
check "text, typing: Ctrl-C asks before quitting" wait_for "Quit dlfl?"
send n
wait_gone "Quit dlfl?" >/dev/null
type_text "Paris"
send Enter
check "text: Enter submits" wait_for "Not right"
send Escape
nav "text, after Esc" "Enter/e answer"
content_probes "text, after Esc" 5
send e
type_text "London"
send Enter
check "text: settled" wait_for "Press Enter to go on."
nav "text, settled" "Enter go on"

send n
wait_for "screen 6 of 13" >/dev/null
nav order "Up/Down/1-9 choose" "Space pick up" "Enter submit"
content_probes order 6
send Space
check "order: Space picks up" wait_for "1. ↕"
nav "order, an item picked up" "Up/Down move the item" "Space/Esc put down" "Enter submit"
check "order, picked up: t opens the contents" probe_t
check "order, picked up: q asks" probe_q
send Escape
check "order: Esc puts it down" wait_gone "1. ↕"
send Enter
check "order: Enter submits" wait_for "attempt" 5
# Another order, so a second try is a new answer; wrong or right, it settles.
send Home Space Down Space Enter
wait_for "Press Enter to go on." >/dev/null
nav "order, settled" "Enter go on"

send n
wait_for "screen 7 of 13" >/dev/null
nav match "Up/Down item" "1-9/Space its match" "Enter submit"
content_probes match 7
send Space
check "match: Space gives the next match" wait_for "A. Cat  →  1."
send Down Up 1 2 Enter
check "match: Enter submits" wait_for "attempt" 5
send Up 2 1 Enter
wait_for "Press Enter to go on." >/dev/null

send n
wait_for "screen 8 of 13" >/dev/null
check "numeric: the number box" wait_for "Type a number"
nav "numeric, typing" "Type" "Enter submit" "Esc other keys" "Ctrl-U clear"
check "numeric, typing: t opens the contents" probe_t
check "numeric, typing: ? opens the help" probe_help '?'
check "numeric, typing: q asks" probe_q
check "numeric, typing: b goes back" probe_b 8
send e
type_text "42"
send Enter
check "numeric: settled" wait_for "Press Enter to go on."

send n
wait_for "screen 9 of 13" >/dev/null
check "reflection: the box" wait_for "Ctrl-D or F2"
names "reflection, typing" "Type" "Ctrl-D/F2 save" "Esc other keys" "F1 help" "Ctrl-C quit"
check "reflection, typing: F1 opens the help" probe_help F1
send Escape
nav "reflection, after Esc" "Enter/e answer"
content_probes "reflection, after Esc" 9
send e
type_text "Much."
send F2
check "reflection: F2 saves" wait_for "Press Enter to go on."
nav "reflection, saved" "Enter go on" "e edit"

send n
wait_for "screen 10 of 13" >/dev/null
nav rating "Up/Down choose" "1-9/Enter pick"
content_probes rating 10
send 2
check "rating: 2 answers" wait_for "Press Enter to go on."
send n
wait_for "screen 11 of 13" >/dev/null
send 1
wait_for "Press Enter to go on." >/dev/null

send n
wait_for "screen 12 of 13" >/dev/null
check "case study" wait_for "Press Enter to begin."
nav "case study, before" "Enter/Space begin"
lacks "case study, before" "r walk again"
content_probes "case study, before" 12
send Enter
check "case study: Enter begins" wait_for "What do you do?"
nav "case study, a step" "Up/Down choose" "1-9/Enter pick" "r walk again"
check "case study, a step: t opens the contents" probe_t
check "case study, a step: q asks" probe_q
check "case study, a step: ? opens the help" probe_help '?'
send 2
check "case study: 2 chooses" wait_for "And then?"
send r
check "case study: r starts over" wait_for "What do you do? (1-9"
wait_gone "And then?" >/dev/null
send 2
wait_for "And then?" >/dev/null
send 1
check "case study: the ending" wait_for "A good ending."
nav "case study, ending" "Enter/e write reflection" "r walk again"
check "case study, ending: t opens the contents" probe_t
send Enter
check "case study: the reflection box" wait_for "then Ctrl-D (or F2)"
names "case study, reflection typing" "Type" "Ctrl-D/F2 save" "Esc other keys" "F1 help" "Ctrl-C quit"
type_text "Listen first."
send C-d
check "case study: Ctrl-D saves the reflection" wait_for "Your reflection: Listen first."
nav "case study, reflected" "Enter go on" "e edit reflection" "r walk again"
check "case study, reflected: b goes back" probe_b 12

send n
wait_for "screen 13 of 13" >/dev/null
nav "case study without steps" "Enter go on"
lacks "case study without steps" "r walk again"
content_probes "case study without steps" 13

send n
check "summary" wait_for "Summary: Every Field"
names summary "Up/Down choose" "Enter go" "a questions again" "r whole module again" "n menu" "b back" "t contents" "m menu" "? help" "q quit"
check "summary: t opens the contents" probe_t
check "summary: ? opens the help" probe_help '?'
check "summary: q asks" probe_q
send b
check "summary: b goes back" wait_for "screen 13 of 13"
send n
wait_for "Summary: Every Field" >/dev/null
send r
check "summary: r asks before starting again" wait_for "module again? Your earlier attempt"
names "yes/no: start again" "y yes" "n/q no" "Esc cancel"
send q
check "start again: q says no" wait_gone "module again? Your earlier attempt"
send q
wait_for "Quit dlfl?" >/dev/null
names "yes/no: quit" "y/Enter/q yes" "n no" "Esc cancel"
send Escape
wait_gone "Quit dlfl?" >/dev/null

send t
check "contents" wait_for "Contents: Every Field"
names contents "Up/Down choose" "Enter go there" "Esc/t/b close" "m menu" "? help" "q quit"
send Home
check "contents: Home moves the cursor to the top" wait_for "› Lesson: Welcome (done)"
send Down
check "contents: Down moves it on" wait_for "› Question: Pick the second. (done)"
send q
check "contents: q asks" wait_for "Quit dlfl?"
send n
wait_gone "Quit dlfl?" >/dev/null
send t '?'
check "contents: ? opens the help" wait_for "Help: keys"
names help "Esc/Enter/q/? close" "Up/Down/PgUp/PgDn/Home/End scroll"
send End
check "help: End scrolls to the bottom" wait_for "n, Esc          no"
send Enter
check "help: Enter closes it" wait_gone "Help: keys"
send t m
check "contents: m goes to the menu" wait_for "Enter/1-9 open"
send q y
check "quits" wait_for "EXIT=0"

# A narrow terminal, its minimum 40x12: up to two rows; whatever is shown
# is whole (a group seen at 80x24 on the same screen), and go on, b, ?
# and q stay.
W=40
H=12
narrow() { # narrow LABEL: checks against the 80x24 groups of LABEL
	sleep 0.15
	status_groups >"$T/narrow"
	# A screen that fits at 80x24 may scroll here: its scroll keys too.
	_seen="$T/seen-$(echo "$1" | tr -c 'a-z0-9\n' '_')"
	printf '%s\n' "PgUp/PgDn/Home/End scroll" "Up/Down/PgUp/PgDn/Home/End scroll" >>"$_seen"
	_bad=$(grep -Fxv -f "$_seen" "$T/narrow" | tr '\n' '|')
	check "$W x $H $1: every group shown is whole ($_bad)" test -z "$_bad"
	check "$W x $H $1: at most two rows" test "$(status_rows | wc -l)" -le 2
	check "$W x $H $1: ? help is named" grep -Fxq "? help" "$T/narrow"
	_wide=$(status_rows | awk -v w="$W" 'length($0) >= w' | wc -l)
	check "$W x $H $1: no row reaches the edge" test "$_wide" -eq 0
}
start $W $H LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=screen "$DLFL" --no-color -m "$M" -d "$T/data2" -l Bo
wait_for "not started" >/dev/null
narrow menu
send Enter
wait_for "Pass mark" >/dev/null
narrow intro
send Enter
wait_for "screen 1 of 13" >/dev/null
narrow lesson
send n
wait_for "screen 2 of 13" >/dev/null
narrow single
check "40x12 single: b is named" grep -Fxq "b back" "$T/narrow"
check "40x12 single: q is named" grep -Fxq "q quit" "$T/narrow"
send n
wait_for "screen 3 of 13" >/dev/null
narrow multiple
check "40x12 multiple: Enter submit is named" grep -Fxq "Enter submit" "$T/narrow"
send n
wait_for "screen 4 of 13" >/dev/null
send n
wait_for "screen 5 of 13" >/dev/null
send Escape n
wait_for "screen 6 of 13" >/dev/null
narrow order
send n
wait_for "screen 7 of 13" >/dev/null
narrow match
send t
wait_for "Contents: Every Field" >/dev/null
narrow contents
send q y
wait_for "EXIT=0" >/dev/null

finish
