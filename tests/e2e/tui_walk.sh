#!/bin/sh
# The ncurses player at 80x24: a new learner walks a whole module, every
# question kind answered wrong and then right, a case study, the summary,
# the contents and help, and quitting restores the terminal.
. "$(dirname "$0")/tui_lib.sh"

M=$(modules_dir tui-walk.yaml)
start 80 24 LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=screen "$DLFL" -m "$M" -d "$T/data"

check "picker offers a new learner and a guest" wait_for "Guest (nothing is stored)"
send n
check "new learner asks for a name" wait_for "type your name"
type_text "Ann Walker"
send Enter
check "menu lists the module, its minutes and status" wait_for "not started; about 5 minutes"
check "menu shows who is learning" on_screen "Learner: Ann Walker"
send Enter
check "intro shows outcomes" wait_for "Walk every screen"
check "intro shows sections with completion" on_screen "Asking (0 of 9 screens done)"
check "intro names the PKSB areas" on_screen "IT and communication"
check "intro says when the content was checked" on_screen "Content checked on 29 November 2026"
send Enter
check "lesson has the title bar: module, section, screen n of m" \
	wait_for "Walk Module · Reading"
check "title bar says screen 1 of 12" on_screen "screen 1 of 12"
check "lesson renders Markdown headings and lists" on_screen "• bullet one"
check "lesson status line shows its keys" on_screen "Space more"
check "long lesson shows a position indicator" on_screen "1-21/"
send Space
check "Space pages down a long lesson" wait_for "End of lesson marker."
check "links are shown with their address" on_screen "the guide <https://example.org/guide>"
send Space
check "Space at the end moves on" wait_for "screen 2 of 12"

# single
check "single question shows numbered choices" on_screen "1. ( ) Green"
send 1
check "single: a wrong pick says so in words" wait_for "Not right. Try again"
check "single: per-choice feedback" on_screen "Grass is green."
send h
check "single: h gives the hint after a wrong attempt" wait_for "Hint: Look up on a clear day."
send 2
check "single: the right pick says Right." wait_for "Right."
check "single: the explanation once settled" on_screen "Rayleigh scattering"
check "single: the right answer once settled" on_screen "The right answer: Blue"
send Enter
check "Enter goes on once settled" wait_for "screen 3 of 12"

# multiple
send 1
wait_for "[x] One" >/dev/null
send Enter
check "multiple: a wrong set says Not right" wait_for "Not right. Try again"
send 1 2 3
check "multiple: ticks show as [x]" wait_for "[x] Four"
send Enter
check "multiple: the right set is Right." wait_for "Right."
send Enter
wait_for "screen 4 of 12" >/dev/null

# true-false (one attempt): wrong here, right after a restart below
send 2
check "true-false: wrong settles it with no attempts left" wait_for "no attempts are left"
check "true-false: the right answer is shown" on_screen "The right answer: True"
send Enter
wait_for "screen 5 of 12" >/dev/null

# text
check "text: the editor is ready for typing" on_screen "Type your answer"
type_text "Paris"
send Enter
check "text: a wrong answer says Not right" wait_for "Not right. Try again"
send C-u
type_text "london"
send Enter
check "text: the right answer (any case) is Right." wait_for "Right."
send Enter
wait_for "screen 6 of 12" >/dev/null

# numeric
type_text "41"
send Enter
check "numeric: a wrong number says Not right" wait_for "Not right. Try again"
send BSpace BSpace
type_text "42"
send Enter
check "numeric: the right number is Right." wait_for "Right."
send Enter
wait_for "screen 7 of 12" >/dev/null

# order: items are shuffled; read them off the screen and move them.
order_now() { screen | sed -n 's/^.* [0-9]\. [^A-Za-z]*\(Alpha\|Bravo\|Charlie\)$/\1/p' | tr '\n' ' '; }
wait_order() { # wait_order "A B C ": until the screen shows this order
	j=0
	while [ "$j" -lt 200 ]; do
		[ "$(order_now)" = "$1" ] && return 0
		sleep 0.05
		j=$((j + 1))
	done
	return 1
}
arrange() { # arrange ITEM... : moves the items into this order
	i=1
	for want in "$@"; do
		cur=$(order_now)
		p=1
		for have in $cur; do
			[ "$have" = "$want" ] && break
			p=$((p + 1))
		done
		# What the screen should show once the item has moved up to i.
		next=
		k=1
		for have in $cur; do
			[ "$k" -eq "$i" ] && next="$next$want "
			[ "$have" != "$want" ] && next="$next$have "
			k=$((k + 1))
		done
		send "$p" Space
		n=$((p - i))
		while [ "$n" -gt 0 ]; do
			send Up
			n=$((n - 1))
		done
		send Space
		wait_order "$next" || echo "# order: wanted '$next', got '$(order_now)'" >&2
		wait_gone "move the item" >/dev/null
		i=$((i + 1))
	done
}
wait_for "Charlie" >/dev/null
arrange Charlie Bravo Alpha
check "order: items moved into the learner's order" \
	sh -c '[ "$1" = "Charlie Bravo Alpha " ]' - "$(order_now)"
send Enter
check "order: a wrong order says Not right" wait_for "Not right. Try again"
arrange Alpha Bravo Charlie
send Enter
check "order: the right order is Right." wait_for "Right."
send Enter
wait_for "screen 8 of 12" >/dev/null

# match: the right-hand items are shuffled; find their numbers.
num_of() { screen | sed -n "s/^ *\([0-9]\)\. $1\$/\1/p" | head -n 1; }
check "match: the right-hand items under line mode's heading" wait_for "Matches:"
meow=$(num_of Meow)
woof=$(num_of Woof)
moo=$(num_of Moo)
send "$woof" "$moo" "$meow"
send Enter
check "match: wrong pairs say Not right" wait_for "Not right. Try again"
send Home "$meow" "$woof" "$moo"
send Enter
check "match: the right pairs are Right." wait_for "Right."
send Enter
wait_for "screen 9 of 12" >/dev/null

# reflection
check "reflection: the status line shows how to save" on_screen "Ctrl-D/F2 save"
send C-d
check "reflection: an empty one is refused" wait_for "Write something first."
type_text "I learnt to walk."
send Enter
type_text "And to talk."
send C-d
check "reflection: saved" wait_for "Saved."
check "reflection: the text is shown back" on_screen "And to talk."
send Enter
wait_for "screen 10 of 12" >/dev/null

# rating
send 4
check "rating: picking a level records it" wait_for "Saved: Proficient."
send Enter

# case study
check "case study shows its scenario" wait_for "A laptop holding borrower data"
send Enter
check "case study shows the first step and its choices" wait_for "1. Ignore it"
send 1
check "case study: a choice's feedback" wait_for "Ignoring it lets harm grow."
check "case study: the ending in words" on_screen "A poor ending"
send r
check "case study: r walks it again" wait_for "What do you do first?"
send 2
check "case study: the good ending" wait_for "A good ending."
send Enter
check "case study: the reflection prompt" wait_for "Write your reflection"
type_text "Lock laptops away."
send F2
check "case study: the reflection is saved" wait_for "Your reflection: Lock laptops away."
send Enter
check "a case study with no steps shows its scenario" wait_for "Think about the last time"
check "and offers its reflection" on_screen "Reflect: What helped them most?"
send Enter
type_text "Patience."
send C-d
check "the scenario's reflection is saved" wait_for "Your reflection: Patience."
send Enter

# summary
check "summary shows the score" wait_for "Score: "
check "summary says passed in words" on_screen "Result: passed."
check "summary lists the questions to revisit" on_screen "Water is wet."
check "summary shows the time spent" on_screen "Time spent:"

# contents and help
send t
check "t opens the table of contents" wait_for "Contents: Walk Module"
check "contents marks completed screens" on_screen "Lesson: A long lesson (done)"
send Escape
send '?'
check "? opens help listing the keys" wait_for "Help: keys"
check "help lists the order keys" on_screen "Space picks up"
send Escape
wait_gone "Help: keys" >/dev/null

# start again, then true-false right
send r
check "starting again asks first" wait_for "Start the whole module again?"
send y
check "a new attempt starts at the first screen" wait_for "screen 1 of 12"
send n n n
wait_for "Water is wet." >/dev/null
send 1
check "true-false: the right pick is Right." wait_for "Right."

# the module menu shows progress; quitting asks, then restores the terminal
send m
check "m returns to the module menu with progress" wait_for "in progress"
send q
check "q asks before quitting" wait_for "Quit dlfl?"
send n
wait_gone "Quit dlfl?" >/dev/null
send q
wait_for "Quit dlfl?" >/dev/null
send y
check "quitting exits 0" wait_for "EXIT=0"
check "the terminal is restored (no player left on screen)" not_on_screen "Learner: Ann"
check "progress was saved to the learner's record" \
	grep -q "q-reflection" "$T"/data/learners/*.yaml

finish
