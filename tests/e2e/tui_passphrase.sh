#!/bin/sh
# Passphrases in the player: set from the module menu, asked before the
# profile opens (a wrong one refused and slowed down), changed, removed,
# and "forget me" only from one's own menu, by typing one's name.
. "$(dirname "$0")/tui_lib.sh"

M=$(modules_dir tui-walk.yaml)
start 80 24 LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=screen "$DLFL" -m "$M" -d "$T/data" -l Pat
wait_for "Learner: Pat" >/dev/null
send p
check "p offers to set a passphrase" wait_for "Type a passphrase to protect"
type_text "open sesame"
check "the passphrase is shown as stars" wait_for "***********"
check "the passphrase itself is not shown" not_on_screen "open sesame"
send Enter
check "it is asked for again" wait_for "Type the new passphrase again"
type_text "open sesame"
send Enter
check "the passphrase is set" wait_for "Your profile now has a passphrase."
check "only a hash is stored" sh -c '! grep -q "open sesame" "$1"/data/learners/*.yaml' - "$T"
send l
wait_for "Guest (nothing is stored)" >/dev/null
send 1
check "opening the profile asks for the passphrase" wait_for "This profile has a passphrase"
type_text "wrong"
send Enter
check "a wrong passphrase is refused" wait_for "That passphrase is not right"
check "and slows down" on_screen "Please wait 1 second"
# The next try is refused until the pause is over: keep trying.
i=0
while [ "$i" -lt 10 ]; do
	type_text "open sesame"
	send Enter
	wait_for "Learner: Pat" 1 2>/dev/null && break
	i=$((i + 1))
done
check "the right passphrase opens the profile" on_screen "Learner: Pat"
send p
check "changing asks for the current one first" wait_for "Type your current passphrase"
type_text "open sesame"
send Enter
wait_for "leave it empty to remove" >/dev/null
send Enter
check "an empty new passphrase removes it" wait_for "Your passphrase is removed."
send l
wait_for "Guest (nothing is stored)" >/dev/null
send 1
check "without a passphrase the profile opens at once" wait_for "Learner: Pat"
send p
wait_for "Type a passphrase to protect" >/dev/null
type_text "abc"
send Enter
type_text "abc"
send Enter
wait_for "Your profile now has a passphrase." >/dev/null
send l
wait_for "Guest (nothing is stored)" >/dev/null
send f
check "nobody forgets a learner from the picker" wait_for "is on your module menu"
check "not even one with a passphrase" sh -c 'ls "$1"/data/learners/*.yaml >/dev/null 2>&1' - "$T"
send 1
wait_for "This profile has a passphrase" >/dev/null
lock=$(ls "$T"/data/learners/*.lock 2>/dev/null | head -1)
if [ -z "$lock" ] || flock -n "$lock" true; then
	ok "the record is not locked while its passphrase is asked"
else
	not_ok "the record is not locked while its passphrase is asked"
fi
type_text "abc"
send Enter
wait_for "Learner: Pat" >/dev/null
send f
check "forget me asks for the learner's name" wait_for "type your name to confirm"
type_text "y"
send Enter
check "a stray y keeps the record" wait_for "That is not your name"
send f
wait_for "type your name to confirm" >/dev/null
type_text "pat"
send Enter
check "the learner is forgotten" wait_for "Your record is deleted."
check "their record is gone" sh -c '! ls "$1"/data/learners/*.yaml >/dev/null 2>&1' - "$T"
send q y
check "quits cleanly" wait_for "EXIT=0"

finish
