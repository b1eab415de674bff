# The start every end-to-end script shares, sourced first by each of them:
#	. "$(dirname "$0")/lib.sh"
# (tests/run.sh does not run it on its own: it checks nothing). It moves to
# the top of the tree ($root), sets DLFL and BUILD, makes $tmp (removed on
# every way out, after the script's own on_exit), and gives the lines
# tests/run.sh counts: "ok - WHAT" and "not ok - WHAT".
cd "$(dirname "$0")/../.." || exit 1
root=$PWD
: "${DLFL:=$root/dlfl}" "${BUILD:=build}"
# The helper program the records tests drive (tests/tools/store_driver.c).
case $BUILD in
/*) DRV=$BUILD/tools/store_driver ;;
*) DRV=$root/$BUILD/tools/store_driver ;;
esac
tmp=$(mktemp -d) || exit 1
failures=0

# A script with more to undo (a process it started) redefines on_exit.
on_exit() { :; }
trap 'on_exit; rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM HUP

ok() { echo "ok - $*"; }
not_ok() {
	echo "not ok - $*"
	failures=$((failures + 1))
}
# check WHAT COMMAND...: ok when COMMAND succeeds (its output is not shown,
# what it says on stderr is, to tell why it failed).
check() {
	what=$1
	shift
	if "$@" >/dev/null; then ok "$what"; else not_ok "$what"; fi
}
# has WHAT TEXT [FILE] / hasnt WHAT TEXT [FILE]: TEXT is (is not) in FILE,
# $tmp/out unless named.
has() {
	if grep -qF -- "$2" "${3:-$tmp/out}"; then ok "$1"; else not_ok "$1 (no '$2')"; fi
}
hasnt() {
	if grep -qF -- "$2" "${3:-$tmp/out}"; then not_ok "$1 ('$2' is there)"; else ok "$1"; fi
}
# needs PROGRAM...: each is built, or the script stops here, saying so.
needs() {
	for _p in "$@"; do
		[ -x "$_p" ] || {
			not_ok "$_p is built (make unit)"
			exit 1
		}
	done
}
# inject_shim: builds the LD_PRELOAD shim that fails calls on purpose
# (tests/inject/inject.c) as $tmp/inject.so, or stops here.
inject_shim() {
	if ! cc -shared -fPIC -o "$tmp/inject.so" tests/inject/inject.c -ldl; then
		not_ok "the fault-injection shim builds"
		exit 1
	fi
	# An ASan build wants its runtime first; the shim only wraps four calls.
	ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0
	export ASAN_OPTIONS
}
# tree_copy DIR: the sources and the objects already built, copied to DIR,
# so that make there compiles only what the caller changes (a relative
# $BUILD is where the objects are, and their directory's name in DIR).
tree_copy() {
	case $BUILD in
	/*) _objs=$BUILD BUILD=$(basename "$BUILD") ;;
	*) _objs=$root/$BUILD ;;
	esac
	mkdir -p "$1/$BUILD"
	(cd "$root" && cp -Rp Makefile src include tools modules helper scripts "$1/") || exit 1
	(cd "$_objs" && find . -maxdepth 1 -type f \( -name '*.o' -o -name '*.d' -o -name '*.a' \
		-o -name 'embed_model' -o -name 'builtin_modules.c' \) -exec cp -p {} "$1/$BUILD/" \;)
}
# tree_changed DIR: how DIR's src/ and include/ differ from the tree's.
tree_changed() {
	diff -rq "$root/src" "$1/src" 2>&1
	diff -rq "$root/include" "$1/include" 2>&1
}
# tree_make DIR: builds dlfl in DIR (the log in $tmp/build); its path in
# $DL. After a failure the log's end is shown.
tree_make() {
	_prog=dlfl
	[ "${SANITIZE:-0}" = 1 ] && _prog=$BUILD/dlfl
	DL=$1/$_prog
	(cd "$1" && make --no-print-directory -j2 BUILD="$BUILD" "$_prog") >"$tmp/build" 2>&1 ||
		{ tail -20 "$tmp/build"; return 1; }
}
# finish: the script's status, 0 when nothing failed.
finish() {
	[ "$failures" -eq 0 ]
}
