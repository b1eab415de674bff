#!/bin/sh
# Line-mode findings of the black-box audit, each as a learner meets it:
# a line typed at "Press Enter to go on" is refused there and never
# answers the next, unseen screen.
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
: "${DLFL:=$root/dlfl}"
fix=$root/tests/fixtures/audit
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
ok() { echo "ok - $1"; }
notok() { echo "not ok - $1"; }
has() { if grep -qF -- "$2" "$tmp/out"; then ok "$1"; else notok "$1 (no '$2')"; fi; }
hasnt() { if grep -qF -- "$2" "$tmp/out"; then notok "$1 ('$2' is there)"; else ok "$1"; fi; }
run() { printf '%b' "$1" | "$DLFL" --plain -m "$fix" -d "$tmp/$2" -l Ann >"$tmp/out" 2>&1; }
rec() { cat "$tmp/$1/learners/"*.yaml 2>/dev/null; }

# Single answered right, then 2 typed again at its "Press Enter to go on".
run '\n\n\n2\n2\n\nq\n' carry
has "a line at Press Enter to go on is answered with what may be typed" \
	"Press Enter to go on, or type ? for the commands."
hasnt "it does not answer the next question" "Not right"
if rec carry | sed -n '/id: q-multi/,$p' | grep -q 'attempts:'; then notok "the unseen question has no attempt"; else ok "the unseen question has no attempt"; fi
# The same after a rating: the 1 must not pick the case study's choice.
run '\n\n\nt\n10\n3\n1\n\nq\n' rate
hasnt "a line after a rating does not pick on the case study" "Ending:"
has "and the case study is shown unanswered" "Type the number of your choice"
# At the intro a stray line is refused too.
run '\nzz\n\nq\n' intro
has "a stray line at the intro is refused" "or type ? for the commands."
