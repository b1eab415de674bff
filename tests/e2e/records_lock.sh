#!/bin/sh
# Two processes on one learner: the second is refused with a message that
# says where the record is open (host and process id); once the first
# closes, or is killed, the learner opens again. Other learners, and names
# differing only by case, are not held up.
set -u
. "$(dirname "$0")/lib.sh"
holder=
on_exit() { [ -z "$holder" ] || kill -KILL "$holder" 2>/dev/null; }

needs "$DRV"

# Waits (up to 10 s, polling) until the holder says it holds the learner.
wait_holding() {
	n=0
	while ! grep -q '^holding' "$tmp/hold.out" 2>/dev/null; do
		n=$((n + 1))
		if [ "$n" -gt 200 ]; then return 1; fi
		sleep 0.05
	done
}

start_holder() {
	rm -f "$tmp/hold.out" "$tmp/fifo"
	mkfifo "$tmp/fifo"
	"$DRV" hold "$tmp/data" "$1" <"$tmp/fifo" >"$tmp/hold.out" 2>&1 &
	holder=$!
	exec 3>"$tmp/fifo" # keeps the holder waiting until fd 3 closes
	wait_holding
}

"$DRV" save "$tmp/data" Ann 1
start_holder Ann || echo "not ok - the first process opened Ann"
if "$DRV" open "$tmp/data" Ann 2>"$tmp/err"; then
	echo "not ok - a second process was refused"
else
	echo "ok - a second process on the same learner is refused"
fi
if grep -q "process $holder" "$tmp/err" && grep -q "on $(hostname)" "$tmp/err"; then
	echo "ok - the refusal names the host and the holder's process id"
else
	echo "not ok - the refusal names the host and process $holder: $(cat "$tmp/err")"
fi
if ! "$DRV" open "$tmp/data" ann 2>/dev/null && "$DRV" open "$tmp/data" Bob 2>/dev/null; then
	echo "ok - other learners open meanwhile ('ann' is Ann, so refused)"
else
	echo "not ok - other learners open meanwhile ('ann' is Ann, so refused)"
fi
exec 3>&-
wait "$holder"
holder=
if "$DRV" open "$tmp/data" Ann 2>"$tmp/err"; then
	echo "ok - once the first process closes, the learner opens"
else
	echo "not ok - once the first process closes: $(cat "$tmp/err")"
fi

# A holder killed outright leaves no stale lock behind.
start_holder Ann || echo "not ok - the holder opened Ann again"
kill -KILL "$holder"
wait "$holder" 2>/dev/null
holder=
exec 3>&-
if "$DRV" open "$tmp/data" Ann 2>"$tmp/err"; then
	echo "ok - a killed holder leaves no stale lock"
else
	echo "not ok - a killed holder leaves no stale lock: $(cat "$tmp/err")"
fi
if "$DRV" verify "$tmp/data" Ann 1 >/dev/null; then
	echo "ok - the record is unharmed by the refused opens"
else
	echo "not ok - the record is unharmed by the refused opens"
fi
