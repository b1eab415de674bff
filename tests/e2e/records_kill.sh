#!/bin/sh
# 200 runs of a process saving records as fast as it can, each killed with
# SIGKILL at a random moment. After every kill the record must parse and be
# exactly one of the states that were saved, never older than the last one
# seen, and saves cut short must not pile up temporary files.
set -u
. "$(dirname "$0")/lib.sh"
: "${KILL_RUNS:=200}"
pid=
on_exit() { [ -z "$pid" ] || kill -KILL "$pid" 2>/dev/null; }

needs "$DRV"
"$DRV" save "$tmp/data" "Zoë" 1 || { echo "not ok - first record saved"; exit 1; }

random_ms() { # 0-59
	od -An -N2 -tu2 /dev/urandom | awk '{ print $1 % 60 }'
}

i=0
bad=0
moved=0
last=1
while [ "$i" -lt "$KILL_RUNS" ]; do
	"$DRV" loop "$tmp/data" "Zoë" 2>"$tmp/loop.err" &
	pid=$!
	ms=$(random_ms)
	sleep "$(printf '0.%03d' "$ms")"
	kill -KILL "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	pid=
	if [ -s "$tmp/loop.err" ]; then
		echo "# run $i: $(cat "$tmp/loop.err")"
		bad=$((bad + 1))
	fi
	if seed=$("$DRV" verify "$tmp/data" "Zoë" "$last" 2>"$tmp/verify.err"); then
		[ "$seed" -gt "$last" ] && moved=$((moved + 1))
		last=$seed
	else
		echo "# run $i (killed after ${ms} ms): $(cat "$tmp/verify.err")"
		bad=$((bad + 1))
		cp "$tmp/data/learners/"*.yaml "$tmp/bad-$i.yaml" 2>/dev/null
	fi
	i=$((i + 1))
done
if [ "$bad" -eq 0 ]; then
	echo "ok - $KILL_RUNS saves killed with SIGKILL: each record parses and is the old or a new state ($moved runs moved on, last state $last)"
else
	echo "not ok - $bad of $KILL_RUNS killed runs left a bad record"
fi
[ "$moved" -gt 0 ] && echo "ok - the save loop made progress between kills" ||
	echo "not ok - the save loop never saved before being killed"

# Opening the learner removes what saves cut short left behind.
"$DRV" open "$tmp/data" "Zoë" 2>/dev/null
n=$(ls "$tmp/data/learners" | grep -c '\.tmp\.')
if [ "$n" -eq 0 ]; then
	echo "ok - no temporary files left once the learner is opened again"
else
	echo "not ok - $n temporary files left"
fi
if ls "$tmp/data/learners" | grep -q corrupt; then
	echo "not ok - a record was set aside as corrupt"
else
	echo "ok - no record was ever found corrupt"
fi
