#!/bin/sh
# One key table (src/tui_keys.c) gives the keys, the status lines and the
# help: a key bound for one screen only (n is "new learner" on the picker,
# "no" in a yes/no question), upper case where the table says so, and a
# help screen that lists what the table holds.
. "$(dirname "$0")/tui_lib.sh"

M=$(modules_dir tui-walk.yaml)
start 100 30 LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=screen "$DLFL" -m "$M" -d "$T/data"
check "the picker's status line comes from the table" wait_for "Up/Down choose  Enter/1-9 open  n new  g guest  ? help  q quit"
send N
check "N on the picker asks a new learner's name" wait_for "New learner: type your name"
send Escape
wait_gone "New learner: type your name" >/dev/null
send q
check "q asks before quitting" wait_for "Quit dlfl?"
check "the question's status line comes from the table" on_screen "y/Enter/q yes  n no  Esc cancel"
send N
check "N in a yes/no question is no" wait_gone "Quit dlfl?"
check "and the picker is still there" on_screen "n new  g guest"
send '?'
check "? opens the help made from the table" wait_for "Help: keys"
check "the help names a key everywhere" on_screen "n, Right        next screen"
send End
check "the help names yes and no last" wait_for "n, Esc          no"
check "the help names the picker's own n" on_screen "learner picker: a new learner"
send Escape
wait_gone "Help: keys" >/dev/null
send g
check "g opens a guest's menu" wait_for "You are a guest"
check "the menu's status line comes from the table" on_screen "Up/Down choose  Enter/1-9 open  l log out  ? help  q quit"
send Enter Enter
wait_for "screen 1 of 12" >/dev/null
send n
wait_for "screen 2 of 12" >/dev/null
check "a question's status line comes from the table" on_screen "Up/Down choose  1-9/Enter pick  h hint  n next  b back  t contents  m menu  ? help  q quit"
send 1
wait_for "Hint: Look up on a clear day." >/dev/null
check "once its only hint is shown, h leaves the status line" on_screen "Up/Down choose  1-9/Enter pick  n next  b back  t contents  m menu  ? help  q quit"
send q y
check "quits" wait_for "EXIT=0"

finish
