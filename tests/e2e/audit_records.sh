#!/bin/sh
# Records as the audit found them: a finished attempt shows the score that
# decided its result after the module is edited; report counts as started
# only what the status words call started; the player with a data
# directory it cannot read exits 1 naming it.
set -u
. "$(dirname "$0")/lib.sh"
fix=$root/tests/fixtures/audit-edit

# Zoe passes with 1 of 2 (50.0%, pass mark 50); then a question is added.
printf '1\n\n1\n\n1\n\n' | "$DLFL" --plain -d "$tmp/d" -l Zoe -m "$fix/before" >"$tmp/out" 2>&1
has "passed with 1 of 2" "Score: 1 of 2 points (50.0%); the pass mark is 50%."
"$DLFL" progress Zoe -d "$tmp/d" -m "$fix/after" >"$tmp/out" 2>&1
has "progress keeps the score that passed" "status: passed, 50.0%"
has "and its points" "1 of 2 points (50.0%)"
hasnt "never passed under the pass mark" "33.3%"
"$DLFL" report -d "$tmp/d" -m "$fix/after" >"$tmp/out" 2>&1
has "report keeps it" "50.0%"
hasnt "report never shows the edited score" "33.3%"
printf '\nq\n' | "$DLFL" --plain -d "$tmp/d" -l Zoe -m "$fix/after" >"$tmp/out" 2>&1
has "the menu keeps it" "(passed, 50.0%)"
hasnt "the summary never shows the edited score" "33.3%"

# Ann opens the intro and leaves: not started, and not counted as started.
printf '1\n' | "$DLFL" --plain -d "$tmp/d" -l Ann -m "$fix/before" >/dev/null 2>&1
"$DLFL" report -d "$tmp/d" -m "$fix/before" >"$tmp/out" 2>&1
if grep -E '^Ann +Edited Module +not started' "$tmp/out" >/dev/null &&
	grep -E '^Edited Module +2 +1 +1 +1$' "$tmp/out" >/dev/null; then
	ok "an intro left is not started, and not counted as started"
else
	not_ok "an intro left is not started, and not counted as started"
	cat "$tmp/out"
fi

# A data directory that is a file: exit 1 with its name, no guest run.
echo x >"$tmp/afile"
printf 'q\n' | "$DLFL" --plain -d "$tmp/afile" -m "$fix/before" >"$tmp/out" 2>&1
rc=$?
if [ "$rc" -eq 1 ]; then ok "an unusable data directory exits 1"; else not_ok "an unusable data directory exits 1 (got $rc)"; fi
has "and names it" "$tmp/afile/learners cannot be read"
hasnt "no guest-only picker" "Who is learning?"

# Exports say the status in the player's words, scores with one decimal,
# and no score for a module with no scored points.
"$DLFL" export Zoe --format csv -d "$tmp/d" -m "$fix/before" >"$tmp/out" 2>&1
has "CSV export: the status words with the score" ',"passed, 50.0%",'
has "CSV export: the score with one decimal" ',50.0,1,2,'
"$DLFL" report --csv -d "$tmp/d" -m "$fix/before" >"$tmp/out" 2>&1
has "report --csv: the status words with the score" ',"passed, 50.0%",50.0,'
printf '1\n\n1\n' | "$DLFL" --plain -d "$tmp/p" -l Pat -m "$fix/before" >/dev/null 2>&1
"$DLFL" export Pat --format cpd -d "$tmp/p" -m "$fix/before" >"$tmp/out" 2>&1
has "CPD: in progress with its share done" "- Status: in progress 50.0%"
"$DLFL" report --csv -d "$tmp/p" -m "$fix/before" >"$tmp/out" 2>&1
has "report --csv: in progress with its share done" ",in progress 50.0%,"
u=$root/tests/fixtures/audit-unscored
printf '1\n\n\n\n' | "$DLFL" --plain -d "$tmp/u" -l Uma -m "$u" >/dev/null 2>&1
"$DLFL" export Uma --format csv -d "$tmp/u" -m "$u" >"$tmp/out" 2>&1
has "an unscored module passes" ',unscored,Unscored Module,1,passed,'
hasnt "and exports no score of 100" ',100,'
"$DLFL" export Uma --format cpd -d "$tmp/u" -m "$u" >"$tmp/out" 2>&1
has "CPD: passed, not scored" "- Status: passed"
