#!/bin/sh
# make install and uninstall into a DESTDIR, and the binary copied alone.
set -u
. "$(dirname "$0")/lib.sh"

make -s install DESTDIR="$tmp/root" PREFIX=/usr SANITIZE="${SANITIZE:-}" >"$tmp/log" 2>&1
check "make install succeeds" [ $? -eq 0 ]
r=$tmp/root/usr
check "installs bin/dlfl" eval '[ -x "$r/bin/dlfl" ]'
check "installs the five modules" eval '[ "$(ls "$r/share/dlfl/modules/"*.yaml | wc -l)" -eq 5 ]'
check "installs dlfl.1" eval '[ -f "$r/share/man/man1/dlfl.1" ]'
check "installs dlfl-module.5" eval '[ -f "$r/share/man/man5/dlfl-module.5" ]'
check "installs the README" eval '[ -f "$r/share/doc/dlfl/README.md" ]'
make -s uninstall DESTDIR="$tmp/root" PREFIX=/usr SANITIZE="${SANITIZE:-}" >"$tmp/log" 2>&1
check "make uninstall removes every file" eval '[ -z "$(find "$r" -type f)" ]'

# The binary alone, in a directory of its own, with no module directory.
mkdir -p "$tmp/alone" "$tmp/home"
cp "$DLFL" "$tmp/alone/dlfl"
(cd "$tmp/alone" && env -u DLFL_MODULES HOME="$tmp/home" ./dlfl list) >"$tmp/list" 2>&1
check "copied binary lists five modules" eval '[ "$(grep -c "built in" "$tmp/list")" -eq 5 ]'
check "in the menu order" eval 'awk "NR>1 {print \$1}" "$tmp/list" | tr "\n" " " | grep -q "^digital-leadership digital-creativity data-stewardship digital-impact digital-marketing $"'
printf 'q\n' | (cd "$tmp/alone" && env -u DLFL_MODULES HOME="$tmp/home" ./dlfl --plain -l Alone) >"$tmp/play" 2>&1
check "copied binary plays a built-in module" eval 'grep -q "Digital Marketing" "$tmp/play"'
