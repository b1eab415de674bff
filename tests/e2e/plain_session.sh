#!/bin/sh
# Plain mode around the questions: the learner picker (new learner, guest),
# the commands at a prompt, end of input saving, resume, a locked record,
# wrapping to $COLUMNS and control characters from a module shown as ^X.
set -u
. "$(dirname "$0")/lib.sh"
fix=$root/tests/fixtures/plain
holder=
on_exit() { [ -z "$holder" ] || kill "$holder" 2>/dev/null; }

run() { # INPUT ARGS...: runs dlfl --plain with INPUT, output in $tmp/out, status in $rc
	input=$1
	shift
	printf '%b' "$input" | "$DLFL" --plain -m "$fix" -d "$tmp/data" "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
}

# The picker with nobody yet: Guest is 1; nothing is stored for a guest.
run '1\n1\n\n\nq\n'
has "the picker offers Guest" "1. Guest (nothing is stored)"
has "the picker offers a new learner" "n for a new learner"
has "a guest is told nothing is saved" "nothing you do is stored"
if [ -z "$(ls "$tmp/data/learners" 2>/dev/null | grep yaml)" ]; then ok "a guest stores nothing"; else not_ok "a guest stores nothing"; fi

# A new learner through the picker; their name is asked for.
run 'n\nZoe Smith\n1\n\n\n1\n'
has "the new learner's name is asked for" "Type your name: "
has "the module menu names the learner" "Learner: Zoe Smith"
has "the intro names the PKSB areas" "- Literacies and learning"
has "the intro says when the content was checked" "Content checked on 29 November 2026."
if [ "$rc" -eq 0 ]; then ok "end of input exits 0"; else not_ok "end of input exits 0 (got $rc)"; fi

# End of input saved the wrong answer: the picker lists Zoe, the menu
# shows the module in progress with a Resume entry that goes back there.
run '1\n2\n'
has "the picker lists the saved learner" "1. Zoe Smith"
has "the menu shows progress" "1. Plain Everything (in progress"
has "the menu has a Resume entry" "2. Resume where you left off: Plain Everything"
has "resume goes back to the screen left" "Plain Everything / Basics / screen 2 of 12"
has "resume shows the answer given" "Your answer: 1"
has "resume shows the attempts left" "Try again"

# Commands at a prompt: ? lists them, h hints, b goes back, t lists the
# contents and jumps, m returns to the menu, q quits.
run '2\n?\nh\nb\nt\n5\nm\nq\n' -l 'Zoe Smith'
has "? lists the commands" "b  back to the previous screen"
has "h gives the hint after a wrong answer" "Hint: Think about why the library exists."
has "b goes back" "Plain Everything / Basics / screen 1 of 12"
has "t lists the contents" "Contents: Plain Everything"
has "the contents mark the screen done" "1. Lesson: Welcome (done)"
has "a contents number jumps there" "Plain Everything / Basics / screen 5 of 12"
if [ "$(grep -c '^Learner: Zoe Smith' "$tmp/out")" -eq 2 ]; then ok "m returns to the module menu"; else not_ok "m returns to the module menu"; fi
if [ "$rc" -eq 0 ]; then ok "q exits 0"; else not_ok "q exits 0 (got $rc)"; fi

# An empty line goes on; a line typed on a settled question is taken by
# the next screen (a script may leave out the empty line).
run '1\n\n\n2\n1 3\n' -l Kim
has "an answer right after a settled question goes to the next" "You earned 1 of 1 point."

# Invalid answers cost no attempt.
run '1\n\n\n7\nx\n2\n' -l Lee
has "an out-of-range pick is refused" "Choose from the numbers 1 to 3."
has "words are refused for a pick" "Type a number, or ? for the commands."
has "the next valid answer still counts in full" "You earned 1 of 1 point."

# A record held by another process is refused with a message and status 1.
mkfifo "$tmp/fifo"
"$DLFL" --plain -m "$fix" -d "$tmp/data" -l Kim <"$tmp/fifo" >"$tmp/holder.out" 2>&1 &
holder=$!
exec 3>"$tmp/fifo"
i=0
while ! grep -q 'Learner: Kim' "$tmp/holder.out" 2>/dev/null && [ $i -lt 100 ]; do
	i=$((i + 1))
	sleep 0.1
done
run 'q\n' -l Kim
if [ "$rc" -eq 1 ]; then ok "a locked record exits 1"; else not_ok "a locked record exits 1 (got $rc)"; fi
if [ -s "$tmp/out" ] || [ -s "$tmp/err" ]; then ok "a locked record is explained"; else not_ok "a locked record is explained"; fi
exec 3>&-
wait "$holder"
holder=

# Wrapping to $COLUMNS.
printf '1\n\n' | COLUMNS=40 "$DLFL" --plain -m "$fix" -d "$tmp/data" -l Lee >"$tmp/out" 2>&1
if awk 'length($0) > 40 { bad = 1 } END { exit bad }' "$tmp/out"; then ok "lines fit \$COLUMNS=40"; else not_ok "lines fit \$COLUMNS=40"; fi
has "the text is still all there" "Plain Everything"

# Control characters from a module are shown as ^X, never sent raw.
printf '1\n\n\n' | "$DLFL" --plain -m "$root/tests/fixtures/plain-escape" -d "$tmp/data" -l Lee >"$tmp/out" 2>&1
has "ESC from a module is shown as ^[" "Esc ^[[31mred"
has "bidi controls are shown as code points" "<U+202E>"
if grep -q "$(printf '\033')" "$tmp/out"; then not_ok "no escape byte in the output"; else ok "no escape byte in the output"; fi

# poll FILE TEXT: waits (up to 10 s) until TEXT appears in FILE.
poll() {
	i=0
	while ! grep -qF -- "$2" "$1" 2>/dev/null && [ $i -lt 100 ]; do
		i=$((i + 1))
		sleep 0.1
	done
}

# SIGTERM while waiting for input: saves and exits 0.
rm -f "$tmp/fifo"
mkfifo "$tmp/fifo"
"$DLFL" --plain -m "$fix" -d "$tmp/data" -l Tom <"$tmp/fifo" >"$tmp/out" 2>&1 &
holder=$!
exec 3>"$tmp/fifo"
printf '1\n\n\n1\n' >&3
poll "$tmp/out" "Try again"
kill -TERM "$holder"
wait "$holder"
rc=$?
holder=
exec 3>&-
if [ "$rc" -eq 0 ]; then ok "SIGTERM exits 0"; else not_ok "SIGTERM exits 0 (got $rc)"; fi
tomrec=$(grep -l '^name: Tom$' "$tmp/data/learners/"*.yaml 2>/dev/null)
if [ -n "$tomrec" ] && grep -q 'q-single' "$tomrec"; then ok "the answer before SIGTERM is saved"; else not_ok "the answer before SIGTERM is saved"; fi

# An idle learner is saved and logged out to the picker.
rm -f "$tmp/fifo"
mkfifo "$tmp/fifo"
"$DLFL" --plain -m "$fix" -d "$tmp/data" -l Ivy --idle-timeout 1 <"$tmp/fifo" >"$tmp/out" 2>&1 &
holder=$!
exec 3>"$tmp/fifo"
printf '1\n\n' >&3
poll "$tmp/out" "Who is learning?"
exec 3>&-
wait "$holder"
holder=
has "an idle learner is logged out" "You were away for a while, so your progress was saved and you were logged out."
has "the picker follows an idle logout" "Who is learning?"

# Kiosk mode: q logs out to the picker instead of quitting.
run '1\nq\nq\n' --kiosk -l Ivy
has "q in kiosk mode logs out" "Logged out."
if grep -q '^Who is learning?' "$tmp/out" && grep -q 'there is nothing to quit' "$tmp/out"; then ok "kiosk q at the picker does not quit"; else not_ok "kiosk q at the picker does not quit"; fi

# The commands work at the name prompt too: q quits, b goes back; neither
# becomes a learner.
run 'n\nq\n'
if [ "$rc" -eq 0 ] && ! ls "$tmp/data/learners" 2>/dev/null | grep -q '^q\.yaml$'; then ok "q at the name prompt quits, making no learner"; else not_ok "q at the name prompt quits, making no learner"; fi
run 'n\nb\nn\nt\n\nq\n'
if [ "$(grep -c '^Who is learning?' "$tmp/out")" -eq 3 ] && ! ls "$tmp/data/learners" 2>/dev/null | grep -q '^[bt]\.yaml$'; then ok "b at the name prompt goes back to the picker"; else not_ok "b at the name prompt goes back to the picker"; fi
has "t at the name prompt says no module is open" "No module is open yet."

# A learner named with -l exists from the start; "forget me" deletes them.
run 'q\n' -l Del
if grep -l '^name: Del$' "$tmp/data/learners/"*.yaml >/dev/null 2>&1; then ok "-l creates the learner"; else not_ok "-l creates the learner"; fi
run 'f\n\n' -l Del
has "forget me can be declined" "Your record is kept."
# Declined, the menu is where the learner is: its prompt, not the question's.
if sed -n '/Your record is kept/,$p' "$tmp/out" | grep -q "^Type a module's number"; then
	ok "after declining, the menu's prompt is asked again"
else
	not_ok "after declining, the menu's prompt is asked again"
fi
run 'f\nDel\n' -l Del
has "forget me deletes the record" "Your record is deleted."
if grep -l '^name: Del$' "$tmp/data/learners/"*.yaml >/dev/null 2>&1; then not_ok "the record file is gone"; else ok "the record file is gone"; fi
