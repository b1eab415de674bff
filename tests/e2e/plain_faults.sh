#!/bin/sh
# Issue 12, faults in line mode: when no save works (a full disk, by an
# LD_PRELOAD shim failing every rename), the learner is told once, in one
# message, and dlfl exits 1 so a script knows progress was not kept; a
# closed output (SIGPIPE) ends it cleanly.
set -u
. "$(dirname "$0")/lib.sh"

inject_shim
M=tests/fixtures/tui-walk.yaml
mkdir "$tmp/mods" && cp "$M" "$tmp/mods/"

printf '1\n\n\n\nq\n' | DLFL_INJECT='rename:1+:ENOSPC' LD_PRELOAD="$tmp/inject.so" \
	"$DLFL" --plain -m "$tmp/mods" -d "$tmp/data" -l Ann >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ "$rc" -eq 1 ]; then ok "line mode exits 1 when progress could not be saved"; else
	not_ok "line mode exits $rc when progress could not be saved"
fi
n=$(grep -o "could not be saved" "$tmp/out" | wc -l)
if [ "$n" -eq 1 ]; then ok "the failed save is said once"; else
	not_ok "the failed save is said $n times"
	sed 's/^/# /' "$tmp/out" | grep -i saved
fi

printf '1\n\n\n\nq\n' | "$DLFL" --plain -m "$tmp/mods" -d "$tmp/data2" -l Ann >"$tmp/out" 2>&1
rc=$?
if [ "$rc" -eq 0 ]; then ok "and 0 when it was saved"; else not_ok "exits $rc when it was saved"; fi

# SIGPIPE: the reader of the output goes away (| head); dlfl ends cleanly,
# saving first, with no error message and not killed by the signal.
{
	awk 'BEGIN { print "1"; for (i = 0; i < 20000; i++) print "" }' |
		"$DLFL" --plain -m "$tmp/mods" -d "$tmp/data3" -l Pip 2>"$tmp/err"
	echo $? >"$tmp/rc"
} | head -c 100 >/dev/null
rc=$(cat "$tmp/rc")
if [ "$rc" -lt 128 ] && [ ! -s "$tmp/err" ]; then ok "a closed output ends line mode cleanly (exit $rc)"; else
	not_ok "a closed output: exit $rc, $(cat "$tmp/err")"
fi
if grep -q "^name: Pip" "$tmp"/data3/learners/*.yaml 2>/dev/null; then ok "after saving"; else not_ok "nothing saved"; fi

finish
