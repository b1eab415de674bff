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
quit_dlfl

start 40 12 DLFL_DATA_DIR="$T/d2" "$DLFL" -m "$PWD/tests/fixtures/small" -l Ann
wait_for "Small Screens" >/dev/null
send Enter
wait_for "Press Enter" >/dev/null
send Enter
wait_for "Wide lesson" >/dev/null
check "a scrolling lesson says its lines shown" sh -c 'tmux -L "$1" capture-pane -p | tail -n 1 | grep -qE "[0-9]+-[0-9]+/[0-9]+"' sh "$SOCK"
check "and no whole-number percent" sh -c '! tmux -L "$1" capture-pane -p | tail -n 1 | grep -qE "[0-9]%"' sh "$SOCK"
quit_dlfl

# Status lines name the keys that work: t and m on an unanswered question,
# 1-9 on the menu, and no p or f for a guest (they do nothing there).
start 120 30 DLFL_DATA_DIR="$T/d3" "$DLFL" -m "$PWD/tests/fixtures/audit" -l Ann
wait_for "Test Module" >/dev/null
check "the menu offers 1-9 and l" wait_for "Enter/1-9 open  p passphrase  f forget me  l log out"
send Enter
wait_for "Pass mark" >/dev/null
send Enter
wait_for "First lesson" >/dev/null
send n
wait_for "Pick B." >/dev/null
check "an unanswered question offers t and m" sh -c 'tmux -L "$1" capture-pane -p | tail -n 1 | grep -q "t contents  m menu"' sh "$SOCK"
quit_dlfl

start 120 30 DLFL_DATA_DIR="$T/d4" "$DLFL" -m "$PWD/tests/fixtures/audit"
wait_for "Who is learning" >/dev/null
send g
wait_for "Test Module" >/dev/null
check "a guest's menu does not offer p or f" sh -c '! tmux -L "$1" capture-pane -p | tail -n 1 | grep -q "p passphrase\|f forget me"' sh "$SOCK"
quit_dlfl
finish
