#!/bin/sh
# The full-screen player as the audit found it: the intro says the pass
# mark in line mode's words, and a scrolling screen says which lines are
# shown, never a whole-number percent.
set -u
cd "$(dirname "$0")/../.." || exit 1
. tests/e2e/tui_lib.sh

start 80 24 DLFL_DATA_DIR="$T/d1" "$DLFL" -m "$PWD/tests/fixtures/audit" -l Ann
wait_for "Test Module" >/dev/null
send Enter
check "the intro shows the pass mark as line mode does" wait_for "About 5 minutes. Pass mark 70%."
send q
wait_for "Quit" 5 >/dev/null && send y
wait_for "EXIT=" >/dev/null

start 40 12 DLFL_DATA_DIR="$T/d2" "$DLFL" -m "$PWD/tests/fixtures/small" -l Ann
wait_for "Small Screens" >/dev/null
send Enter
wait_for "Press Enter" >/dev/null
send Enter
wait_for "Wide lesson" >/dev/null
check "a scrolling lesson says its lines shown" sh -c 'tmux -L "$1" capture-pane -p | tail -n 1 | grep -qE "[0-9]+-[0-9]+/[0-9]+"' sh "$SOCK"
check "and no whole-number percent" sh -c '! tmux -L "$1" capture-pane -p | tail -n 1 | grep -qE "[0-9]%"' sh "$SOCK"
send q
wait_for "Quit" 5 >/dev/null && send y
wait_for "EXIT=" >/dev/null
finish
