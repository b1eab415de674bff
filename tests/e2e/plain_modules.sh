#!/bin/sh
# Plain mode across modules: the summary's way on to the next module, a
# failed module started again (the earlier attempt kept), the menu status.
set -u
. "$(dirname "$0")/lib.sh"
fix=$root/tests/fixtures/plain-two

run() {
	printf '%b' "$1" | "$DLFL" --plain -m "$fix" -d "$tmp/data" -l Ann >"$tmp/out" 2>"$tmp/err"
	rc=$?
}

run '1\n\n2\n\n\n\n\n'
has "a wrong true-false answer settles at once" "Not right, and no attempts are left."
has "complete but under the pass mark" "Result: not passed."
has "the summary offers the next module" "Next module: Second Steps"
has "Enter goes on to the next module's intro" "Press Enter to start: "
has "a module with no scored points passes on completion" "Result: passed."
has "the score with nothing scored" "Nothing in this module is scored."
if [ "$rc" -eq 0 ]; then ok "end of input exits 0"; else not_ok "end of input exits 0 (got $rc)"; fi

run 'q\n'
has "the menu says not passed, with the score" "1. First Steps (not passed, 0.0%)"
has "the menu shows a passed module" "2. Second Steps (passed)"

run '1\nr\n1\n\n'
has "starting again shows the first screen" "First Steps / Only / screen 1 of 1"
has "the new attempt is scored afresh" "Score: 1 of 1 point (100.0%); the pass mark is 100%."
has "and passes" "Result: passed."
rec=$(grep -l '^name: Ann$' "$tmp/data/learners/"*.yaml 2>/dev/null)
if [ -n "$rec" ] && [ "$(grep -c 'started:' "$rec")" -ge 3 ]; then
	ok "the earlier attempt stays in the record"
else
	not_ok "the earlier attempt stays in the record"
fi
