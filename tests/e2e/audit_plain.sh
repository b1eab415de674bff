#!/bin/sh
# Line-mode findings of the black-box audit, each as a learner meets it:
# a line typed at "Press Enter to go on" is refused there and never
# answers the next, unseen screen.
set -u
. "$(dirname "$0")/lib.sh"
fix=$root/tests/fixtures/audit
run() { printf '%b' "$1" | "$DLFL" --plain -m "$fix" -d "$tmp/$2" -l Ann >"$tmp/out" 2>&1; }
rec() { cat "$tmp/$1/learners/"*.yaml 2>/dev/null; }

# Single answered right, then 2 typed again at its "Press Enter to go on".
run '\n\n\n2\n2\n\nq\n' carry
has "a line at Press Enter to go on is answered with what may be typed" \
	"Press Enter to go on, or type ? for the commands."
hasnt "it does not answer the next question" "Not right"
if rec carry | sed -n '/id: q-multi/,$p' | grep -q 'attempts:'; then not_ok "the unseen question has no attempt"; else ok "the unseen question has no attempt"; fi
# The same after a rating: the 1 must not pick the case study's choice.
run '\n\n\nt\n10\n3\n1\n\nq\n' rate
hasnt "a line after a rating does not pick on the case study" " ending"
has "and the case study is shown unanswered" "Type the number of your choice"
# At the intro a stray line is refused too.
run '\nzz\n\nq\n' intro
has "a stray line at the intro is refused" "or type ? for the commands."

# Hints are said once: after a second wrong attempt only the new hint.
run '\n\n\n1\n1\n3\nq\n' hints
if [ "$(grep -c '^Hint: Hint one\.$' "$tmp/out")" -eq 1 ] && [ "$(grep -c '^Hint: Hint two\.$' "$tmp/out")" -eq 1 ]; then
	ok "after a wrong attempt only the new hint is said"
else
	not_ok "after a wrong attempt only the new hint is said"
fi
# A hint asked for with h is not said again after the next wrong answer.
run '\n\n\nh\n1\nq\n' asked
if [ "$(grep -c '^Hint: Hint one\.$' "$tmp/out")" -eq 1 ]; then
	ok "a hint asked for with h is not said again"
else
	not_ok "a hint asked for with h is not said again"
fi
has "and the wrong answer brings the next" "Hint: Hint two."

# Unreadable answers: invalid UTF-8 or junk bytes cost nothing, are said so,
# and the same prompt comes again.
for junk in 'ab\377cd' '\377\376' '\001\002'; do
	run "\\nt\\n5\\n$junk\\nq\\n" "junk$(printf '%s' "$junk" | od -An -tx1 | tr -d ' \n')"
	has "an unreadable line ($junk) is said so" "That line could not be read"
	hasnt "and costs no attempt ($junk)" "Not right"
	hasnt "and does not leave the question ($junk)" "Left unanswered"
done

# Ctrl-C, then going on: the interrupted prompt comes again in full.
mkfifo "$tmp/in"
"$DLFL" --plain -l F -m "$fix" -d "$tmp/int" <"$tmp/in" >"$tmp/out" 2>&1 &
pid=$!
exec 7>"$tmp/in"
sleep 1
kill -INT "$pid"
sleep 0.5
printf '\n' >&7
sleep 0.5
printf 'q\n' >&7
exec 7>&-
wait "$pid"
has "Ctrl-C asks, saying what may be typed" "Quit dlfl? Type y to quit, or press Enter to go on: "
if [ "$(grep -c "^Type a module's number" "$tmp/out")" -eq 2 ]; then
	ok "after going on the menu prompt is said again in full"
else
	not_ok "after going on the menu prompt is said again in full"
fi
if grep -q '^> *$' "$tmp/out"; then not_ok "no bare > prompt after Ctrl-C"; else ok "no bare > prompt after Ctrl-C"; fi

# Kiosk line mode: the picker does not offer q, and says why q does nothing.
(printf 'q\n'; sleep 1) | "$DLFL" --kiosk --plain -m "$fix" -d "$tmp/kiosk" >"$tmp/out" 2>&1 &
pid=$!
sleep 2
kill -TERM "$pid" 2>/dev/null
wait "$pid"
hasnt "the kiosk picker does not offer q" "q to quit"
has "q there is answered" "there is nothing to quit"

# A rating left unanswered is listed on the summary, as promised, and so is
# a case study not done.
run '\nt\n10\n\n\n\nq\n' rating
has "a skipped rating is promised a place on the summary" "it is listed on the module summary"
has "and has it" "Rate yourself. (screen 10, not answered)"
has "a case study not done is listed" "Case (screen 11, not done)"

# A guest is not offered "forget me" in line mode: nothing is kept.
printf '1\nq\n' | "$DLFL" --plain -m "$fix" -d "$tmp/guest" >"$tmp/out" 2>&1
has "a guest gets the menu" "Type a module's number"
hasnt "without f forgets you" "f forgets you"

# The help says a hint may be asked for before answering, as it may.
run '\n\n\n?\nq\n' help
has "help: h works before answering too" "the next hint (before answering"
