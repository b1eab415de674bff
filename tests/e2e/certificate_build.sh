#!/bin/sh
# `make` builds the certificate helper beside dlfl when cairo and pango
# are installed, so `export --format certificate` works after a plain
# build; without them it still builds dlfl and says the helper was skipped.
# The second case hides cairo and pango from pkg-config and links a dlfl
# of its own from the objects already built (no recompiling).
set -u
. "$(dirname "$0")/lib.sh"

if ! pkg-config --exists pangocairo cairo-pdf 2>/dev/null; then
	ok "the helper is built by make # SKIP cairo and pango are not installed"
else
	if [ -x "$(dirname "$DLFL")/dlfl-certificate" ]; then ok "after make, dlfl-certificate is beside dlfl"; else
		not_ok "after make, dlfl-certificate is beside dlfl"; fi
	make -n all PROG="$tmp/n/dlfl" BUILD="$BUILD" SANITIZE="${SANITIZE:-}" >"$tmp/n.out" 2>&1
	if grep -q "helper/certificate.c" "$tmp/n.out" && grep -q -- "-o $tmp/n/dlfl-certificate" "$tmp/n.out"; then
		ok "make all builds the helper with dlfl"; else not_ok "make all builds the helper with dlfl"; cat "$tmp/n.out"; fi
	for t in install check; do
		make -n "$t" PROG="$tmp/n/dlfl" BUILD="$BUILD" SANITIZE="${SANITIZE:-}" DESTDIR="$tmp/root" \
			>"$tmp/n.out" 2>&1
		if grep -q -- "-o $tmp/n/dlfl-certificate" "$tmp/n.out"; then ok "make $t builds the helper too"; else
			not_ok "make $t builds the helper too"; fi
	done
fi

# pkg-config without cairo and pango: every other .pc file, linked.
mkdir -p "$tmp/pc" "$tmp/p"
for d in $(pkg-config --variable pc_path pkg-config | tr ':' ' '); do
	for f in "$d"/*.pc; do
		[ -f "$f" ] || continue
		case $(basename "$f") in cairo* | pango*) continue ;; esac
		[ -e "$tmp/pc/$(basename "$f")" ] || ln -s "$f" "$tmp/pc/"
	done
done
if PKG_CONFIG_LIBDIR=$tmp/pc pkg-config --exists pangocairo 2>/dev/null; then
	not_ok "cairo and pango can be hidden from pkg-config"
else
	PKG_CONFIG_LIBDIR=$tmp/pc make --no-print-directory all PROG="$tmp/p/dlfl" BUILD="$BUILD" \
		SANITIZE="${SANITIZE:-}" >"$tmp/p.out" 2>"$tmp/p.err"
	rc=$?
	if [ "$rc" -eq 0 ] && [ -x "$tmp/p/dlfl" ]; then ok "without cairo and pango, make still builds dlfl"; else
		not_ok "without cairo and pango, make still builds dlfl (exit $rc)"; cat "$tmp/p.out" "$tmp/p.err"; fi
	if [ ! -e "$tmp/p/dlfl-certificate" ] && grep -q "dlfl-certificate skipped: cairo and pango" "$tmp/p.err"; then
		ok "and says the certificate helper was skipped"; else
		not_ok "and says the certificate helper was skipped"; cat "$tmp/p.err"; fi
fi
exit "$((failures > 0))"
