#!/bin/sh
# Plain mode end to end: a whole module with every kind of screen, some
# questions answered wrongly on purpose; the feedback printed, the final
# score to the decimal, and no escape byte anywhere in the output.
set -u
. "$(dirname "$0")/lib.sh"
fix=$root/tests/fixtures/plain


# The shown orders are stable for a learner: read them from a first run
# (jumping through the contents to the order and match screens).
printf '1\n\nt\n7\n' | "$DLFL" --plain -m "$fix" -d "$tmp/probe" -l ann >"$tmp/p1" 2>&1
printf '1\n\nt\n8\n' | "$DLFL" --plain -m "$fix" -d "$tmp/probe2" -l ann >"$tmp/p2" 2>&1
shown() { # FILE AFTER TEXT: the number shown for TEXT after the line AFTER
	awk -v after="$2" -v text="$3" '
		index($0, after) { on = 1; next }
		on && $0 ~ /^[0-9]+\. / { n = $1; sub(/\.$/, "", n); t = $0; sub(/^[0-9]+\. /, "", t)
			if (t == text) { print n; exit } }' "$1"
}
order="$(shown "$tmp/p1" 'screen 7 of 12' 'Receive the request') $(shown "$tmp/p1" 'screen 7 of 12' 'Check identity') $(shown "$tmp/p1" 'screen 7 of 12' 'Send the data')"
match="$(shown "$tmp/p2" 'Matches:' 'Two years'),$(shown "$tmp/p2" 'Matches:' 'Thirty days'),$(shown "$tmp/p2" 'Matches:' 'Six years')"
case $order in *[0-9]\ [0-9]\ [0-9]) ok "order items are listed" ;; *) not_ok "order items are listed ($order)" ;; esac
case $match in [0-9],[0-9],[0-9]) ok "match items are listed" ;; *) not_ok "match items are listed ($match)" ;; esac

# Right on the first try: text, numeric (after junk), order, match.
# Wrong first: single (0.67), multiple (0.67); true-false wrong (0).
# Score 0.67 + 0.67 + 0 + 1 + 1 + 1 + 1 = 5.34 of 7 = 76.28...%, shown 76.2%
# (one decimal, rounded down).
cat >"$tmp/in" <<IN
1


1
h
2

1
1, 3

1

  public   TASK 

abc
3.45

$order

$match

1
1
2

I would ask
what the data is for.
.

4

2
1
Ask first.
.

q
IN
"$DLFL" --plain -m "$fix" -d "$tmp/data" -l ann <"$tmp/in" >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ "$rc" -eq 0 ]; then ok "exits 0 after q"; else not_ok "exits 0 after q (got $rc)"; cat "$tmp/err"; fi
has "lesson Markdown rendered" "This lesson has strong text and a list:"
has "wrong answers are said in words" "Not right."
has "per-choice feedback of the pick" "Consent can be withdrawn."
has "attempts left are said" "Try again: 1 attempt left."
has "a hint after a wrong answer" "Hint: Think about why the library exists."
has "right answers are said in words" "Right."
has "penalty applied to the points" "You earned 0.67 of 1 point."
has "true-false feedback for the value picked" "Not so, if nobody can be identified."
has "a settled question shows the right answer" "The right answer: False"
has "a settled question shows the explanation" "Truly anonymous data is not personal data."
has "junk for a number is refused" "That is not a number"
has "general feedback when right" "Well remembered."
has "practice questions are marked" "Practice question (not scored)"
has "the same wrong answer again costs no attempt" "Change it first: giving it"
has "a reflection is saved" "Saved."
has "a rating is recorded" "Saved: Proficient."
has "case-study choice feedback" "A good first question."
has "case-study ending" "A good ending."
has "case-study reflection offered" "Reflect: What would you do in your own branch?"
has "summary score to one decimal, rounded down" "Score: 5.34 of 7 points (76.2%); the pass mark is 60%."
has "summary result" "Result: passed."
has "summary time" "Time spent:"
has "questions to revisit" "1. Anonymous statistics are personal data. (screen 4, not right)"
if grep -q "$(printf '\033')" "$tmp/out"; then not_ok "no escape byte in the output"; else ok "no escape byte in the output"; fi
if awk 'length($0) > 80 { bad = 1 } END { exit bad }' "$tmp/out"; then ok "lines fit 80 columns"; else not_ok "lines fit 80 columns"; fi
rec=$(ls "$tmp/data/learners/"*.yaml 2>/dev/null | head -1)
if [ -n "$rec" ] && grep -q 'I would ask' "$rec" && grep -q 'good' "$rec"; then
	ok "the reflection and the ending are in the record"
else
	not_ok "the reflection and the ending are in the record"
fi

# The menu afterwards shows the module passed with its score.
printf 'q\n' | "$DLFL" --plain -m "$fix" -d "$tmp/data" -l ann >"$tmp/out" 2>&1
has "the menu shows the result" "1. Plain Everything (passed, 76.2%; about 10 minutes)"
