#!/bin/sh
# The man pages as a reader sees them: every quote closed where it opens
# (mdoc nests a second quoting macro on one line inside the first, which
# printed dlfl-module(5)'s YAML tags as `!!str, `!!int ... '''').
# (col is not in a minimal Debian: sed strips the overstrikes.)
set -u
. "$(dirname "$0")/lib.sh"
for m in man/dlfl.1 man/dlfl-module.5; do
	out=$(mandoc -Tascii "$m" | sed 's/.\x08//g')
	if printf '%s\n' "$out" | grep -q "'''"; then
		not_ok "$m: no run of closing quotes"
		printf '%s\n' "$out" | grep -n "'''" | head -3
	else
		ok "$m: no run of closing quotes"
	fi
done
mandoc -Tascii man/dlfl-module.5 | sed 's/.\x08//g' | grep -q "(\`!!str', \`!!int'," &&
	ok "dlfl-module(5): each YAML tag quoted on its own" ||
	not_ok "dlfl-module(5): each YAML tag quoted on its own"
