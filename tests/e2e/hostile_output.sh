#!/bin/sh
# Issue 12, one rule for control characters out: a table of hostile strings
# (ESC sequences, BEL, DEL, C1 CSI, bidi overrides) in a module and in a
# learner's typed text and record, run through every output path: line
# mode, list, progress, report (table and CSV) and every export format.
# None may write a C0 control (other than tab, newline and CSV's CR), DEL,
# a C1 control or a bidi control raw.
set -u
. "$(dirname "$0")/lib.sh"
export LANG=C.UTF-8 LC_ALL=C.UTF-8
M=tests/fixtures/hostile
D=$tmp/data

# raw FILE: true when FILE holds a raw control of the table.
c0=$(printf '[\001-\010\013\014\016-\037\177]')
c1=$(printf '\302[\200-\237]')
bidi=$(printf '\342\200[\252-\256]\\|\342\201[\246-\251]\\|\342\200[\216\217]\\|\330\234')
raw() {
	LC_ALL=C grep -q "$c0" "$1" || LC_ALL=C grep -q "$c1" "$1" || LC_ALL=C grep -q "$bidi" "$1"
}
clean() { # clean WHAT FILE
	if [ ! -s "$2" ]; then
		not_ok "$1: no output"
	elif raw "$2"; then
		not_ok "$1 writes a control character raw"
		LC_ALL=C grep -n "$c0\|$c1\|$bidi" "$2" | head -3 | od -c | head -5 | sed 's/^/# /'
	else
		ok "$1 writes no control character raw"
	fi
}

# Typed by the learner in line mode: ESC, BEL, DEL, C1, RLO in an answer
# and a reflection (the answer box and the reflection keep none of them).
hostile_line=$(printf 'typed \033]0;pwn\007 \033[2J \177 \302\233 \342\200\256 end')
printf '1\n\n\n1\n\n%s\n%s\n.\n\nq\n' "$hostile_line" "$hostile_line" |
	"$DLFL" --plain -m "$M" -d "$D" -l Ann >"$tmp/plain.out" 2>&1
clean "line mode" "$tmp/plain.out"
grep -h "typed" "$D"/learners/*.yaml >"$tmp/typed" 2>/dev/null
if [ -s "$tmp/typed" ] && ! raw "$tmp/typed" && ! grep -q '\\e\|\\x' "$tmp/typed"; then
	ok "typed text is kept without its control characters"
else
	not_ok "typed text is kept without its control characters"
fi

# A record from before the rule (or written by hand) holding raw controls.
cat >"$D/learners/%42ob.yaml" <<'YAML'
dlfl-record: 1
name: Bob
created: 2026-01-01T00:00:00Z
modules:
  - id: hostile-all
    title: "Old \e]0;t\a title \u202e"
    attempts:
      - started: 2026-01-01T00:00:00Z
        updated: 2026-01-01T00:10:00Z
        complete: true
        passed: true
        earned: 1
        possible: 1
        seconds: 60
        screens:
          - id: q-refl
            seen: true
            complete: true
            text: "Old reflection \e[2J \x07 \x7f \x9b \u202e \u2066 end"
          - id: q-evil
            seen: true
            complete: true
            settled: true
            correct: true
            attempts: 1
            points: 1
            response: "0\e[31m"
YAML
chmod 600 "$D/learners/%42ob.yaml"

"$DLFL" list -m "$M" >"$tmp/list.out" 2>&1
clean "list" "$tmp/list.out"
"$DLFL" check "$M" >"$tmp/check.out" 2>&1
[ -s "$tmp/check.out" ] && clean "check" "$tmp/check.out"
"$DLFL" progress -d "$D" >"$tmp/progress-all.out" 2>&1
clean "progress" "$tmp/progress-all.out"
for who in Ann Bob; do
	"$DLFL" progress -m "$M" -d "$D" "$who" >"$tmp/progress.out" 2>&1
	clean "progress $who" "$tmp/progress.out"
	for f in cpd csv xapi certificate; do
		"$DLFL" export -m "$M" -d "$D" "$who" --format $f >"$tmp/export.out" 2>&1
		[ "$f" = certificate ] && [ "$who" = Ann ] && continue # nothing passed
		# The certificate is a PDF: its text is what must be clean.
		if [ "$f" = certificate ] && command -v pdftotext >/dev/null 2>&1; then
			"$DLFL" export -m "$M" -d "$D" "$who" --format $f -o "$tmp/cert.pdf" 2>"$tmp/export.out"
			pdftotext -enc UTF-8 -nopgbrk "$tmp/cert.pdf" - >>"$tmp/export.out" 2>&1
		fi
		clean "export $who --format $f" "$tmp/export.out"
	done
done
"$DLFL" report -m "$M" -d "$D" >"$tmp/report.out" 2>&1
clean "report" "$tmp/report.out"
"$DLFL" report --csv -m "$M" -d "$D" >"$tmp/report.csv" 2>&1
clean "report --csv" "$tmp/report.csv"

finish
