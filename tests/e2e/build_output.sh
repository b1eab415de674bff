#!/bin/sh
# The build as a newcomer sees it: `make run` and `make check` build in
# parallel and print one short line a file; `make check` reports each suite
# as it finishes, so a long run shows progress.
set -u
. "$(dirname "$0")/lib.sh"

# -n still runs the recursive make lines, so this shows their flags.
make -n run 2>/dev/null | grep -q -- '--no-print-directory -j[0-9]* all' &&
	ok "make run builds in parallel" || not_ok "make run builds in parallel"
make -n check 2>/dev/null | grep -q -- '--no-print-directory -j[0-9]* ' &&
	ok "make check builds in parallel" || not_ok "make check builds in parallel"

make --no-print-directory BUILD="$tmp/b" "$tmp/b/arena.o" >"$tmp/out" 2>&1
if [ "$(cat "$tmp/out")" = "  CC     src/arena.c" ]; then ok "a compile prints one short line"; else
	not_ok "a compile prints one short line"; cat "$tmp/out"
fi
make --no-print-directory V=1 BUILD="$tmp/v" "$tmp/v/arena.o" >"$tmp/out" 2>&1
grep -q -- '-Wall' "$tmp/out" && ok "V=1 shows the whole command" || not_ok "V=1 shows the whole command"

# tests/run.sh prints a line per suite before the total.
grep -q "report \"unit \$name\"" tests/run.sh && grep -q "report \"e2e \$name\"" tests/run.sh &&
	ok "make check reports each suite as it finishes" ||
	not_ok "make check reports each suite as it finishes"

# The engine library the unit tests link holds no front end: line mode and
# the ncurses player are linked into dlfl only (main.c picks one).
lib=${BUILD:-build}/libdlfl.a
if [ -f "$lib" ]; then
	if ar t "$lib" | grep -Eq '^(tui|plain)[^/]*\.o$'; then
		not_ok "libdlfl.a holds no front end"; ar t "$lib" | grep -E '^(tui|plain)'
	else ok "libdlfl.a holds no front end"; fi
	if ar t "$lib" | grep -q '^session\.o$'; then ok "libdlfl.a holds the engine"; else
		not_ok "libdlfl.a holds the engine"; fi
fi
