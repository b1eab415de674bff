#!/bin/sh
# The real player, killed: `dlfl --plain` walks a module forwards and back
# (saving at every screen change and answer) and is killed with SIGKILL at
# a random moment, 200 times. After each kill the record must read back,
# never be set aside as corrupt, and never lose the screens already seen.
set -u
. "$(dirname "$0")/lib.sh"
: "${KILL_RUNS:=200}"
pid=
on_exit() { [ -z "$pid" ] || kill -KILL "$pid" 2>/dev/null; }

needs "$DRV" "$DLFL"
mods=tests/fixtures/good
[ -d "$mods" ] || { echo "not ok - $mods holds a module"; exit 1; }

# Endless input: next, next, an answer, back... every line is a save.
mkfifo "$tmp/in"
# This shell holds the FIFO open at both ends, so neither the feeder's open
# nor the player's can block: a player killed before it opened the FIFO
# must not leave the feeder waiting in open() for ever.
exec 3<>"$tmp/in"
feed() {
	exec awk 'BEGIN { for (;;) { print ""; print "1"; print ""; print "b"; print ""; print "2"; fflush() } }'
}

i=0
bad=0
last=0
while [ "$i" -lt "$KILL_RUNS" ]; do
	feed 3<&- >"$tmp/in" 2>/dev/null &
	fpid=$!
	"$DLFL" --plain -d "$tmp/data" -l "Zoë" -m "$mods" 3<&- <"$tmp/in" >/dev/null 2>"$tmp/err" &
	pid=$!
	ms=$(od -An -N2 -tu2 /dev/urandom | awk '{ print $1 % 80 }')
	sleep "$(printf '0.%03d' "$ms")"
	kill -KILL "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	pid=
	kill -KILL "$fpid" 2>/dev/null
	wait "$fpid" 2>/dev/null
	if [ -f "$tmp/data/learners/%5ao%c3%ab.yaml" ]; then
		if got=$("$DRV" parse "$tmp/data" "Zoë" 2>"$tmp/perr"); then
			states=${got#* }
			if [ "$states" -lt "$last" ]; then
				echo "# run $i: $states screen states after $last"
				bad=$((bad + 1))
			fi
			last=$states
		else
			echo "# run $i (killed after ${ms} ms): $(cat "$tmp/perr")"
			bad=$((bad + 1))
		fi
	elif [ "$last" -gt 0 ]; then
		echo "# run $i: the record is gone"
		bad=$((bad + 1))
	fi
	if grep -q 'already open' "$tmp/err"; then
		echo "# run $i: a killed player left its lock behind"
		bad=$((bad + 1))
	fi
	i=$((i + 1))
done
if [ "$bad" -eq 0 ] && [ "$last" -gt 0 ]; then
	echo "ok - the player killed $KILL_RUNS times mid-session: the record always reads back ($last screen states)"
else
	echo "not ok - $bad of $KILL_RUNS killed sessions damaged the record (last $last states)"
fi
if ls "$tmp/data/learners" | grep -q corrupt; then
	echo "not ok - a record was set aside as corrupt"
else
	echo "ok - no record was ever set aside as corrupt"
fi
