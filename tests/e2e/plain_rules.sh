#!/bin/sh
# The answering rules and line-mode wording, each as a learner meets it:
# text answers normalised ("Output." for output), a typo allowed where the
# author asked ("Right: efficient"), the same wrong answer costing nothing,
# match items lettered with "A2 B1 C3" accepted, a reflection kept as a
# draft when the input ends, the contents naming reflections and ratings,
# a skipped question said to be unanswered and listed on the summary, a
# revisited question going back to the summary, and prompts that say what
# may be typed, each line said once.
set -u
. "$(dirname "$0")/lib.sh"
fix=$root/tests/fixtures/rules
run() { printf '%b' "$1" | "$DLFL" --plain -m "$fix" -d "$tmp/$2" -l Ann >"$tmp/out" 2>&1; }

run '1\n\n\ninput\n input. \nOutput.\n\neffciient\n\nA1 B2 C3\n\nhalf a thought\n' a
has "a wrong text answer" "Not right. Try again: 2 attempts left."
has "the same answer again costs nothing" "Change it first: giving it"
if [ "$(grep -c 'Try again: 2 attempts left' "$tmp/out")" -eq 1 ] && grep -q 'You earned 0.67 of 1 point' "$tmp/out"; then
	ok "and is not counted"
else
	not_ok "and is not counted"
fi
has "Output. matches output" "Right."
if [ "$(grep -c '^Right\.$' "$tmp/out")" -eq 1 ]; then ok "Right. said once"; else not_ok "Right. said once"; fi
has "a typo allowed, with the spelling" "Right: efficient"
has "match items lettered" "A. one"
has "the prompt says how to answer a match" "A2 B1 C3"
if grep -q 'Type the number of each item' "$tmp/out"; then not_ok "A2 B1 C3 accepted"; else ok "A2 B1 C3 accepted"; fi
if grep -qE 'Not a pair: |The right pairs:' "$tmp/out"; then ok "the match is answered"; else not_ok "the match is answered"; fi
if grep -q '^> ' "$tmp/out"; then not_ok "no bare > prompt"; else ok "no bare > prompt"; fi
has "prompts say what may be typed" "Press Enter to go on: "
has "and what to type" "Type your answer: "
rec=$(ls "$tmp/a/learners/"*.yaml 2>/dev/null | head -1)
if [ -n "$rec" ] && grep -q 'draft: half a thought' "$rec"; then
	ok "a reflection cut off by the end of input is kept as a draft"
else
	not_ok "a reflection cut off by the end of input is kept as a draft"
fi
run '\nt\n\nq\n' a
has "resuming shows the draft" "Your draft, not yet submitted: half a thought"
has "the contents name a reflection" "Reflection: What will you change?"
has "the contents name a rating" "Rating: How sure are you?"

run '1\n\n\n\n\n\n\n\n1\noutput\n\nq\n' b
has "a skipped question is said to be unanswered" "Left unanswered: it is listed on the module summary"
has "and listed on the summary" "(screen 2, not answered)"
sed -n '/^Summary: Answering Rules/,$p' "$tmp/out" >"$tmp/after"
mv "$tmp/after" "$tmp/out"
if [ "$(grep -c '^Summary: Answering Rules' "$tmp/out")" -eq 2 ] &&
	awk '/What comes out of a process/ { q = 1 } q && /^Summary: Answering Rules/ { s = 1 } END { exit !s }' "$tmp/out"; then
	ok "from a revisited question, Enter returns to the summary"
else
	not_ok "from a revisited question, Enter returns to the summary"
fi
hasnt "and not to the next screen" "Answering Rules / Only / screen 3 of 6"
