#!/bin/sh
# valgrind finds no error and no leak while dlfl check reads every fixture,
# good and broken. Skipped under the sanitizer build, which valgrind cannot run.
set -u
. "$(dirname "$0")/lib.sh"
if [ "${SANITIZE:-}" = 1 ] || ! command -v valgrind >/dev/null 2>&1; then
	echo "ok - valgrind check skipped (sanitizer build or no valgrind)"
	exit 0
fi
bad=0
count=0
for f in tests/fixtures/good/*.yaml tests/lint/*.yaml modules/*.yaml; do
	[ -f "$f" ] || continue
	count=$((count + 1))
	valgrind -q --error-exitcode=99 --leak-check=full --show-leak-kinds=definite,indirect \
		--errors-for-leak-kinds=definite,indirect "$DLFL" check "$f" >/dev/null 2>"$tmp/vg"
	if [ $? -eq 99 ]; then
		bad=$((bad + 1))
		echo "# valgrind found errors on $f:"
		sed 's/^/# /' "$tmp/vg" | head -20
	fi
done
if [ "$bad" -eq 0 ]; then echo "ok - valgrind clean on $count module files"; else echo "not ok - valgrind errors on $bad of $count module files"; fi
