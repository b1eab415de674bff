#!/bin/sh
# A question that `dlfl check` passes as fitting 80x24 fits the player's
# screen at 80x24 whole, with its two rows of keys and a message shown
# above them; one row more and `dlfl check` warns, and the player scrolls.
. "$(dirname "$0")/tui_lib.sh"

gen() { # gen PROMPT_LINES CHOICES: a multiple question of that size
	echo "format: 1"
	echo "id: fit"
	echo "title: Fit"
	echo "summary: A question at the edge of the room an 80x24 screen has."
	echo "sections:"
	echo "  - id: s"
	echo "    title: S"
	echo "    screens:"
	echo "      - type: question"
	echo "        id: edge"
	echo "        kind: multiple"
	echo "        prompt: |"
	i=1
	while [ "$i" -le "$1" ]; do
		echo "          - PROMPT$i"
		i=$((i + 1))
	done
	echo "        explanation: Because."
	echo "        choices:"
	i=1
	while [ "$i" -le "$2" ]; do
		echo "          - text: CHOICE$i"
		[ "$i" -eq 1 ] && echo "            correct: true"
		i=$((i + 1))
	done
}
mkdir -p "$T/fits" "$T/tall"
gen 8 8 >"$T/fits/fit.yaml"
gen 9 8 >"$T/tall/fit.yaml"
check "dlfl check: 20 rows fit 80x24" test -z "$("$DLFL" check "$T/fits/fit.yaml" 2>&1)"
check "dlfl check: 21 rows do not" sh -c '"$1" check "$2" 2>&1 | grep -q "needs 21 lines at 80x24 but the screen shows 20"' sh "$DLFL" "$T/tall/fit.yaml"

# whole: the heading, the prompt's first line, the last choice, no note of
# lines shown, and the keys on two rows below the message.
whole() {
	on_screen "Question (1 point)" && on_screen "PROMPT1" && on_screen "CHOICE8" &&
		! screen | grep -qE '[0-9]+-[0-9]+/[0-9]+ *$'
}
for d in fits tall; do
	start 80 24 LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=screen "$DLFL" -m "$T/$d" -d "$T/data-$d" -l Fay
	wait_for "Fit" >/dev/null
	send Enter Enter
	wait_for "Tick every right answer" >/dev/null
	send Enter
	wait_for "Tick at least one answer with Space first." >/dev/null
	if [ "$d" = fits ]; then
		check "80x24: the question dlfl check passes is shown whole, with a message" whole
		check "80x24: with its keys on two rows" sh -c 'tmux -L "$1" capture-pane -p | tail -n 2 | grep -q "? help  q quit"' sh "$SOCK"
	else
		check "80x24: one row more scrolls" wait_for "1-20/21"
	fi
	send q y
	wait_for "EXIT=0" >/dev/null
done

finish
