#!/bin/sh
# Runs every kind of test and ends with one line "N passed, N failed".
# Environment: DLFL (the binary under test), BUILD (the build directory).
set -u
cd "$(dirname "$0")/.."
: "${DLFL:=$PWD/dlfl}" "${BUILD:=build}"
export DLFL
out=tests/out
rm -rf "$out" && mkdir -p "$out"
passed=0
failed=0
pass() { passed=$((passed + 1)); }
# Each suite says how it went as it finishes, so a long run shows progress.
report() { printf '%-28s %s passed, %s failed\n' "$1" "$2" "$3"; }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }

# Unit tests: cmocka prints one line per case; count them.
for t in "$BUILD"/tests/test_*; do
	[ -x "$t" ] || continue
	name=$(basename "$t")
	"$t" >"$out/$name.log" 2>&1
	rc=$?
	p=$(grep -c '^\[       OK \]' "$out/$name.log")
	f=$(grep -c '^\[  FAILED  \] [a-z_]' "$out/$name.log")
	passed=$((passed + p))
	failed=$((failed + f))
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then fail "$name exited $rc (see $out/$name.log)"; fi
	[ "$f" -gt 0 ] && grep '^\[  FAILED  \] [a-z_]' "$out/$name.log" | sed "s/^/FAIL: $name: /"
	report "unit $name" "$p" "$f"
done

# Static checks (make lint): cppcheck and the import-circle check must find
# nothing; duplicates only lists places to look. Its lines are "ok - " / "not ok - " like e2e's.
LINT_OUT=$out sh scripts/lint.sh >"$out/lint.log" 2>&1
p=$(grep -c '^ok - ' "$out/lint.log")
f=$(grep -c '^not ok - ' "$out/lint.log")
passed=$((passed + p))
failed=$((failed + f))
grep '^not ok - ' "$out/lint.log" | sed "s/^/FAIL: lint: /"
[ "$f" -gt 0 ] && grep -E '^# (src/|[a-z_]+ uses )' "$out/lint.log" | head -20
report "lint (cppcheck, circles)" "$p" "$f"

# Golden diagnostics: each tests/lint/NAME.yaml with NAME.expected.
p0=$passed f0=$failed
for y in tests/lint/*.yaml; do
	[ -f "$y" ] || continue
	exp=${y%.yaml}.expected
	name=$(basename "$y" .yaml)
	(cd tests/lint && "$DLFL" check "$name.yaml" >"../../$out/lint-$name.got" 2>&1)
	if [ -f "$exp" ] && cmp -s "$exp" "$out/lint-$name.got"; then pass; else
		fail "lint $name"; diff "$exp" "$out/lint-$name.got" | head -10
	fi
done
report "lint (golden diagnostics)" $((passed - p0)) $((failed - f0))

# End-to-end scripts print "ok - NAME" or "not ok - NAME" per check
# (lib.sh and tui_lib.sh are the helpers they source, not tests).
for s in tests/e2e/*.sh; do
	[ -f "$s" ] || continue
	name=$(basename "$s" .sh)
	case $name in lib | *_lib) continue ;; esac
	sh "$s" >"$out/e2e-$name.log" 2>&1
	rc=$?
	p=$(grep -c '^ok - ' "$out/e2e-$name.log")
	f=$(grep -c '^not ok - ' "$out/e2e-$name.log")
	passed=$((passed + p))
	failed=$((failed + f))
	grep '^not ok - ' "$out/e2e-$name.log" | sed "s/^/FAIL: $name: /"
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then fail "$name exited $rc (see $out/e2e-$name.log)"; f=1; fi
	report "e2e $name" "$p" "$f"
done

# The shipped modules: no errors and no warnings.
if ls modules/*.yaml >/dev/null 2>&1; then
	if "$DLFL" check modules >"$out/modules.got" 2>&1 && [ ! -s "$out/modules.got" ]; then pass; else
		fail "dlfl check modules/"; head -20 "$out/modules.got"
	fi
fi

# The man pages are lint-clean.
for m in man/*.[15]; do
	[ -f "$m" ] || continue
	if mandoc -Tlint -Wwarning "$m" >"$out/man.got" 2>&1; then pass; else fail "mandoc -Tlint $m"; cat "$out/man.got"; fi
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
