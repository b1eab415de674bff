#!/bin/sh
# dlfl report: every learner by every module and per-module totals, as an
# aligned table within 80 columns (names cut by display width, never
# mid-character) or as CSV that parses back.
cd "$(dirname "$0")/../.." || exit 1
. tests/e2e/export_fixture.inc

if "$DLFL" report >"$tmp/r.txt" 2>"$tmp/err"; then ok "report exits 0"; else not_ok "report exits 0"; cat "$tmp/err"; fi
row() { grep -qE -- "$2" "$tmp/r.txt" && ok "report: $1" || not_ok "report: $1"; }
row "a header" '^Learner +Module +Status +Score +Minutes$'
row "a passed module with score and time" '^O.Neil, Ann .* +Data, "care" & you +passed, 81.0% +81.0% +61$'
row "an unfinished module without a score" '^ +Second module +in progress 50.0% +- +5$'
row "a learner who started nothing" '^Bob +Data, "care" & you +not started +- +-$'
row "a UTF-8 name" '^Zoë 李 +Data'
row "totals for the first module" '^Data, "care" & you +3 +1 +1 +1$'
row "totals for the second module" '^Second module +3 +2 +0 +0$'
if python3 -c 1 2>/dev/null; then
	if python3 - "$tmp/r.txt" <<'PY'
import sys, unicodedata
def width(s):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
assert all(width(l) <= 80 for l in lines)
# Columns line up: "Data, ..." starts at the same column on every row.
cols = {width(l[:l.index("Data,")]) for l in lines if "Data," in l and not l.startswith("Data,")}
assert len(cols) == 1, cols
PY
	then ok "report: within 80 columns, aligned by display width"; else not_ok "report: aligned"; fi
else
	ok "report: alignment # SKIP python3 is not installed"
fi

# A long name is cut by display width with an ellipsis, never mid-character.
LONG='长长长长长长长长长长长长'
record "$LONG" "modules: []"
"$DLFL" report >"$tmp/r2.txt" 2>/dev/null
if grep -q '^长长长长长长长长…  ' "$tmp/r2.txt"; then ok "report: a wide name is cut by display width"; else
	not_ok "report: a wide name is cut by display width"; grep '长' "$tmp/r2.txt"; fi
check "report: the output is valid UTF-8" iconv -f UTF-8 -t UTF-8 "$tmp/r2.txt"

if "$DLFL" report --csv >"$tmp/r.csv" 2>"$tmp/err"; then ok "report --csv exits 0"; else not_ok "report --csv exits 0"; fi
if python3 -c 1 2>/dev/null; then
	if python3 - "$tmp/r.csv" "$ANN" "$LONG" >"$tmp/py.out" 2>&1 <<'PY'
import csv, sys
raw = open(sys.argv[1], "rb").read()
assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
assert raw.startswith(b"\xef\xbb\xbf"), "a byte order mark first"
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8-sig"), strict=True))
head = rows[0]
assert head[:4] == ["learner", "module", "title", "status"], head
by = {(r[0], r[1]): dict(zip(head, r)) for r in rows[1:]}
assert len(rows) == 1 + 4 * 2, len(rows)
a = by[(sys.argv[2], "e2e-data")]
assert a["title"] == 'Data, "care" & you' and a["status"] == "passed, 81.0%" and a["score"] == "81.0" and a["passed"] == "yes", a
assert a["score"] == "81.0" and a["minutes"] == "61", a
assert by[(sys.argv[3], "e2e-second")]["status"] == "not started"
PY
	then ok "report --csv: parsed back, names whole"; else not_ok "report --csv: parsed back"; cat "$tmp/py.out"; fi
else
	ok "report --csv parse # SKIP python3 is not installed"
fi

if "$DLFL" report extra >/dev/null 2>&1; then not_ok "report with an argument is a usage error"; else
	[ $? -eq 2 ] && ok "report with an argument is a usage error" || not_ok "report with an argument exits 2"; fi
DLFL_DATA_DIR="$tmp/empty" "$DLFL" report >"$tmp/e.txt" 2>&1
if [ $? -eq 0 ] && grep -q "no learners yet" "$tmp/e.txt"; then ok "report with no learners"; else
	not_ok "report with no learners"; fi

# A record that cannot be read is named on stderr; the rest is reported.
printf 'dlfl-record: 1\nname: "Carl"\nmodules: [\n' >"$tmp/data/learners/$(key Carl).yaml"
"$DLFL" report >"$tmp/r3.txt" 2>"$tmp/err"
rc=$?
if [ "$rc" -eq 1 ] && grep -q "Carl" "$tmp/err" && grep -q "^Bob " "$tmp/r3.txt"; then
	ok "report: an unreadable record is named, the rest reported, exit 1"; else
	not_ok "report: an unreadable record (exit $rc)"; fi

[ "$failures" -eq 0 ]
