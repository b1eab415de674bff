#!/bin/sh
# make lint: cppcheck over src/ (any finding fails), no two modules that
# call each other (from the objects in $BUILD), then duplicates over src/
# (a list of places to look, shown but never failing: the tool gives no
# verdict). Prints "ok - NAME" / "not ok - NAME" lines, as the
# end-to-end scripts do, so make check counts them.
set -u
cd "$(dirname "$0")/.."
status=0
out=${LINT_OUT:-tests/out}
mkdir -p "$out"

if command -v cppcheck >/dev/null 2>&1; then
	# The feature macros are the Makefile's. The house style declares a
	# block's variables at its top, which variableScope would undo.
	# cppcheck 2.10 does not read C11's _Noreturn as "does not return"
	# (die() would look like it falls through), so it is spelled as the
	# GNU attribute it knows.
	if cppcheck -q --std=c11 --enable=warning,style,performance,portability \
		--inline-suppr --error-exitcode=1 --suppress=variableScope \
		-Iinclude -Isrc -D_POSIX_C_SOURCE=200809L -D_XOPEN_SOURCE=700 \
		-DDLFL_VERSION='"0"' -DDLFL_DATADIR='"/"' -DDLFL_LIBEXECDIR='"/"' \
		'-D_Noreturn=__attribute__((noreturn))' \
		--template='{file}:{line}:{column}: {severity}: {message} [{id}]' \
		src >"$out/cppcheck.got" 2>&1 && [ ! -s "$out/cppcheck.got" ]; then
		echo "ok - cppcheck src"
	else
		echo "not ok - cppcheck src"
		sed 's/^/# /' "$out/cppcheck.got"
		status=1
	fi
else
	echo "not ok - cppcheck src # cppcheck is not installed (scripts/deps.sh test installs it)"
	status=1
fi

# No import circles: no two modules each call the other (text.c and
# markdown.c, export_common.c and the writers, kinds.c and export_xapi.c
# once did). Read from the built objects' symbols; a module is one file,
# or the files of one of the families below, which share a private header.
objs=${BUILD:-build}
if ls "$objs"/*.o >/dev/null 2>&1 && command -v nm >/dev/null 2>&1; then
	nm -A "$objs"/*.o 2>/dev/null | awk '
	function module(f) {
		sub(/^.*\//, "", f)
		sub(/\.o:.*/, "", f)
		if (f ~ /^(tui|plain|store|kinds|session)(_|$)/)
			sub(/_.*/, "", f)
		return f
	}
	{
		m = module($1)
		if ($2 == "U")
			uses[m] = uses[m] " " $3
		else if ($2 ~ /^[TDBR]$/)
			owner[$3] = m
	}
	END {
		for (m in uses) {
			n = split(uses[m], s, " ")
			for (i = 1; i <= n; i++)
				if ((s[i] in owner) && owner[s[i]] != m)
					dep[m, owner[s[i]]] = s[i]
		}
		for (k in dep) {
			split(k, ab, SUBSEP)
			if (((ab[2], ab[1]) in dep) && ab[1] < ab[2])
				printf "%s uses %s (%s) and %s uses %s (%s)\n", ab[1], ab[2], dep[k],
					ab[2], ab[1], dep[ab[2], ab[1]]
		}
	}' >"$out/circles.got"
	if [ -s "$out/circles.got" ]; then
		echo "not ok - no import circles between modules"
		sed 's/^/# /' "$out/circles.got"
		status=1
	else
		echo "ok - no import circles between modules"
	fi
else
	echo "ok - no import circles between modules # SKIP nothing built in $objs yet"
fi

if command -v duplicates >/dev/null 2>&1; then
	duplicates --repo src --most 40 >"$out/duplicates.got" 2>&1
	sed 's/^/# /' "$out/duplicates.got"
	echo "ok - duplicates src (places to look, not failures)"
else
	echo "ok - duplicates src # SKIP the duplicates tool is not on PATH"
fi
exit $status
