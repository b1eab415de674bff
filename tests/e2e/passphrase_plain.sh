#!/bin/sh
# Issue 12, passphrases: never echoed in line mode (the terminal's echo is
# turned off); the record is not locked while its passphrase is asked; the
# pause after wrong tries is per learner and kept on disk, so neither a new
# process nor logging into another profile resets it; "forget me" needs the
# learner's own name typed, and nobody forgets another learner; look-alike
# names are refused or are one learner.
. "$(dirname "$0")/tui_lib.sh"

M=$(modules_dir tui-walk.yaml)
ENV="LANG=C.UTF-8 LC_ALL=C.UTF-8"
"$DRV" passphrase "$T/data" Pat "open sesame" || not_ok "a protected learner is made"
printf 'q\n' | "$DLFL" --plain -m "$M" -d "$T/data" -l Bob >/dev/null 2>&1 ||
	not_ok "an unprotected learner is made"

# --- no echo, no lock while asked -----------------------------------------
start 80 24 $ENV TERM=dumb "$DLFL" --kiosk -m "$M" -d "$T/data"
wait_for "Who is learning?" >/dev/null
send 2 Enter
check "line mode asks for the passphrase" wait_for "Passphrase"
check "in the TUI's words" on_screen "This profile has a passphrase."
lock=$(ls "$T"/data/learners/*.lock 2>/dev/null | head -1)
if [ -z "$lock" ] || flock -n "$lock" true; then
	ok "the record is not locked while its passphrase is asked"
else
	not_ok "the record is not locked while its passphrase is asked"
fi
check "another process may open it meanwhile" "$DRV" open "$T/data" Pat
type_text "open sesame"
sleep 0.3
check "the passphrase is not echoed" not_on_screen "open sesame"
send Enter
check "the right passphrase opens the profile" wait_for "Learner: Pat"
check "and now the record is locked" sh -c '! "$1" open "$2" Pat 2>/dev/null' - "$DRV" "$T/data"
send q Enter
wait_for "Logged out" >/dev/null
kill -TERM "$(dlfl_pid)"
wait_for "EXIT=0" >/dev/null

# --- the pause after wrong tries survives new processes -------------------
run_plain() { # run_plain INPUT ARGS...
	input=$1
	shift
	printf "$input" | env LANG=C.UTF-8 LC_ALL=C.UTF-8 "$DLFL" --plain -m "$M" -d "$T/data" "$@" \
		>"$T/out" 2>&1
}
run_plain '2\nwrong\nq\n'
run_plain '2\nwrong\nq\n'
run_plain '2\nwrong\nq\n'
check "wrong tries are counted beside the lock file" grep -q "^3 " "$T"/data/learners/%50at.tries
run_plain '1\nq\n2\nwrong\n' --kiosk
check "logging into another profile does not reset the pause" grep -q "Please wait" "$T/out"
before=$(date +%s)
run_plain '2\nopen sesame\nq\n'
after=$(date +%s)
check "a new process still waits before the next try" grep -q "Please wait" "$T/out"
if [ $((after - before)) -ge 3 ]; then ok "and it does wait"; else not_ok "it waited $((after - before)) s"; fi
check "the right passphrase then clears the count" sh -c '! ls "$1"/data/learners/*.tries 2>/dev/null' - "$T"

# --- forget me ------------------------------------------------------------
run_plain '1\nf\nyes\nq\n'
check "a stray yes does not forget" grep -q "That is not your name, so your record is kept." "$T/out"
run_plain '1\nf\nBOB\nq\n'
check "the learner's own name (any case) forgets them" grep -q "Your record is deleted" "$T/out"
check "and their record is gone" sh -c '! grep -l "^name: Bob$" "$1"/data/learners/*.yaml 2>/dev/null' - "$T"

# --- look-alike names -------------------------------------------------------
run_plain 'n\nAlice\342\200\213\nq\n'
check "a name with a zero-width space is refused" grep -q "cannot contain invisible" "$T/out"
run_plain 'n\nZoe\314\210\nq\n'
run_plain 'n\nZO\303\213\nq\n'
# Only the name line counts: "Zo" can also turn up in Pat's passphrase hash.
n=$(grep -il '^name: "\{0,1\}zo' "$T"/data/learners/*.yaml | wc -l)
if [ "$n" -eq 1 ]; then ok "Zoë in NFD and ZOË in NFC are one learner"; else not_ok "$n records for Zoë"; fi

finish
