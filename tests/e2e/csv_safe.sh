#!/bin/sh
# CSV a manager can open safely: report --csv and export --format csv start
# with a byte order mark, and a learner named like a formula stays text
# (a leading '), parsed back by Python's csv module.
cd "$(dirname "$0")/../.." || exit 1
. tests/e2e/export_fixture.inc
if ! command -v python3 >/dev/null 2>&1; then
	ok "csv formula checks # SKIP python3 is not installed"
	exit 0
fi
for name in '=HYPERLINK("http://x.invalid","Ann")' '=1+2' '+44 20 7946 0000' '-2+3' '@SUM(A1:A9)'; do
	k=$(key "$name")
	esc=$(printf '%s' "$name" | sed 's/["\\]/\\&/g')
	sed "s/^name: .*/name: \"$(printf '%s' "$esc" | sed 's/[&/\]/\\&/g')\"/" \
		"$tmp/data/learners/$(key "$ANN").yaml" >"$tmp/data/learners/$k.yaml"
	chmod 600 "$tmp/data/learners/$k.yaml"
	"$DLFL" --format csv export -- "$name" >"$tmp/e.csv" 2>"$tmp/err" || { not_ok "export $name"; cat "$tmp/err"; continue; }
	if python3 - "$tmp/e.csv" "$name" <<'PY'
import csv, sys
raw = open(sys.argv[1], "rb").read()
assert raw.startswith(b"\xef\xbb\xbf"), "byte order mark"
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8-sig"), strict=True))
assert rows[1][0] == "'" + sys.argv[2], rows[1][0]
PY
	then ok "export --format csv keeps $name as text"; else not_ok "export --format csv keeps $name as text"; fi
done
"$DLFL" report --csv >"$tmp/r.csv" 2>"$tmp/err"
if python3 - "$tmp/r.csv" <<'PY'
import csv, re, sys
raw = open(sys.argv[1], "rb").read()
assert raw.startswith(b"\xef\xbb\xbf"), "byte order mark"
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8-sig"), strict=True))
for r in rows[1:]:
    for cell in r:
        assert not cell or cell[0] not in "=+-@\t\r", ("a live formula", cell)
names = {r[0] for r in rows[1:]}
assert "'=1+2" in names and "'@SUM(A1:A9)" in names, names
assert rows[0][-2:] == ["started (UTC)", "completed (UTC)"], rows[0]
for r in rows[1:]:
    for cell in r[-2:]:
        if cell:
            assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", cell), ("ISO 8601", cell)
PY
then ok "report --csv: no cell a spreadsheet would run, dates as date-times"; else not_ok "report --csv: no live formula"; fi
exit "$((failures > 0))"
