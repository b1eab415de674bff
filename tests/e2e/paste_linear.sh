#!/bin/sh
# Issue 12, linear time: a paste of any length into an answer box or the
# reflection editor is taken in time linear in its length (keys are read
# first, the screen painted after), stops at the stated limits (1 KiB for
# a text answer, 64 KiB for a reflection) and says so; line mode likewise;
# report and progress stay linear in a record's entries.
. "$(dirname "$0")/tui_lib.sh"

M=$(modules_dir tui-walk.yaml)
ENV="LANG=C.UTF-8 LC_ALL=C.UTF-8"
# 40,000 characters: before, 3 s for 10k and 49 s for 40k in a text box.
awk 'BEGIN { for (i = 0; i < 4000; i++) printf "word word "; }' >"$T/paste"

goto() { # goto N: N entries down the contents from the current screen
	send t
	wait_for "Contents:" >/dev/null
	i=0
	while [ "$i" -lt "$1" ]; do
		send Down
		i=$((i + 1))
	done
	send Enter
	wait_gone "Contents:" >/dev/null
}

start 100 30 $ENV TERM=screen "$DLFL" -m "$M" -d "$T/data" -l Ann
wait_for "Learner: Ann" >/dev/null
send Enter
sleep 0.3
send Enter
wait_for "screen 1 of 12" >/dev/null
goto 4
wait_for "capital of England" >/dev/null
tm load-buffer "$T/paste"
t0=$(date +%s)
tm paste-buffer
check "a 40,000-character paste into a text box stops at 1 KiB and says so" \
	wait_for "An answer holds at most 1 KiB: the rest was not kept." 40
t1=$(date +%s)
if [ $((t1 - t0)) -le 20 ]; then ok "and takes $((t1 - t0)) s"; else not_ok "it took $((t1 - t0)) s"; fi
send Escape
goto 4
wait_for "What did you learn today" >/dev/null
send e
sleep 0.3
t0=$(date +%s)
tm paste-buffer
type_text " ZZEND"
check "a 40,000-character paste into the reflection editor is all taken" wait_for "ZZEND" 40
t1=$(date +%s)
if [ $((t1 - t0)) -le 20 ]; then ok "and takes $((t1 - t0)) s"; else not_ok "it took $((t1 - t0)) s"; fi
send C-d
wait_for "Saved" 10 >/dev/null
kill -TERM "$(dlfl_pid)"
wait_for "EXIT=0" >/dev/null
check "the reflection was kept whole" sh -c 'grep -q "word word.*ZZEND" "$1"/data/learners/*.yaml' - "$T"

# The idle timer still fires after a long paste: the loop never freezes.
start 100 30 $ENV TERM=screen "$DLFL" --kiosk --idle-timeout 3 -m "$M" -d "$T/data" -l Idle
wait_for "Learner: Idle" >/dev/null
send Enter
sleep 0.3
send Enter
wait_for "screen 1 of 12" >/dev/null
goto 8
wait_for "What did you learn today" >/dev/null
send e
sleep 0.3
t0=$(date +%s)
tm paste-buffer
check "an idle learner is logged out soon after a 40,000-character paste" \
	wait_for "Guest (nothing is stored)" 30
t1=$(date +%s)
if [ $((t1 - t0)) -le 20 ]; then ok "within $((t1 - t0)) s"; else not_ok "after $((t1 - t0)) s"; fi
kill -TERM "$(dlfl_pid)"

# Line mode: a reflection of 20,000 lines (1 MB) is cut at 64 KiB, quickly.
awk 'BEGIN { print "1"; print ""; for (i = 0; i < 8; i++) print ""; for (i = 0; i < 20000; i++) print "a line of a long pasted reflection, fifty chars"; print "."; print "q" }' >"$T/refl.in"
t0=$(date +%s)
env LANG=C.UTF-8 LC_ALL=C.UTF-8 "$DLFL" --plain -m "$M" -d "$T/plain" -l Lin <"$T/refl.in" >"$T/out" 2>&1
t1=$(date +%s)
if [ $((t1 - t0)) -le 20 ]; then ok "line mode takes a 1 MB reflection in $((t1 - t0)) s"; else
	not_ok "line mode took $((t1 - t0)) s for a 1 MB reflection"
fi
check "and says it kept 64 KiB, in the TUI's words" \
	grep -qF "A reflection holds at most 64 KiB: the rest was not kept." "$T/out"

# report and progress: a record of 100,000 screen entries (before: 262 s).
mkdir -p "$T/big/learners" && chmod 700 "$T/big" "$T/big/learners"
awk 'BEGIN { print "dlfl-record: 1\nname: Big\ncreated: 2026-01-01T00:00:00Z\nmodules:\n  - id: tui-walk\n    attempts:\n      - started: 2026-01-01T00:00:00Z\n        updated: 2026-01-01T00:00:00Z\n        screens:";
	for (i = 0; i < 100000; i++) printf "          - id: s%d\n            seen: true\n", i }' >"$T/big/learners/%42ig.yaml"
t0=$(date +%s)
"$DLFL" report -m "$M" -d "$T/big" >"$T/out" 2>&1
"$DLFL" progress -m "$M" -d "$T/big" Big >>"$T/out" 2>&1
t1=$(date +%s)
if [ $((t1 - t0)) -le 30 ] && grep -q "Progress of Big" "$T/out"; then
	ok "report and progress read 100,000 entries in $((t1 - t0)) s"
else
	not_ok "report and progress took $((t1 - t0)) s: $(head -3 "$T/out")"
fi

finish
