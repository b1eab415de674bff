#!/bin/sh
# Installs the Debian packages dlfl needs when they are missing, and says so.
# build: libraries to compile; test: those plus the tools the tests drive,
# and with a build directory (scripts/deps.sh test BUILD), the test LRS from
# npm (Learning Locker's xapi-statements and xapi-validation) cached in
# BUILD/npm.
set -u
need=""
check_pc() { pkg-config --exists "$1" 2>/dev/null || need="$need $2"; }
check_cmd() { command -v "$1" >/dev/null 2>&1 || need="$need $2"; }

command -v pkg-config >/dev/null 2>&1 || need="$need pkg-config"
check_cmd cc gcc
check_cmd make make
check_pc ncursesw libncurses-dev
check_pc yaml-0.1 libyaml-dev
check_pc md4c libmd4c-dev
check_pc libsodium libsodium-dev
check_pc libutf8proc libutf8proc-dev
check_pc libcurl libcurl4-openssl-dev
check_pc pangocairo libpango1.0-dev
check_pc cairo-pdf libcairo2-dev
# The certificate's fonts: DejaVu for Latin, Greek and Cyrillic, Noto CJK
# for Chinese, Japanese and Korean names.
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf ] || need="$need fonts-dejavu-core"
fc-list 2>/dev/null | grep -q "CJK" || need="$need fonts-noto-cjk"
if [ "${1:-build}" = test ]; then
	check_pc cmocka libcmocka-dev
	check_cmd tmux tmux
	check_cmd valgrind valgrind
	check_cmd mandoc mandoc
	check_cmd jq jq
	check_cmd faketime faketime
	check_cmd script bsdutils
	check_cmd ps procps
	check_cmd node nodejs
	check_cmd npm npm
	check_cmd pdftotext poppler-utils
	check_cmd cppcheck cppcheck
fi

# The LRS the sync tests start: installed once, offline afterwards.
lrs_cache() {
	dir=$1/npm
	[ -f "$dir/node_modules/xapi-statements/dist/server.js" ] &&
		[ -f "$dir/node_modules/xapi-validation/dist/index.js" ] && return 0
	command -v npm >/dev/null 2>&1 || return 0
	echo "dlfl: installing the test LRS (npm xapi-statements@5.0.1) into $dir" >&2
	mkdir -p "$dir" &&
		npm install --prefix "$dir" --no-audit --no-fund --loglevel=error \
			xapi-statements@5.0.1 xapi-validation@2.1.4 >&2 ||
		echo "dlfl: npm could not install the test LRS; the LRS tests will say SKIP" >&2
	return 0
}
if [ -z "$need" ]; then
	[ "${1:-build}" = test ] && [ -n "${2:-}" ] && lrs_cache "$2"
	exit 0
fi

echo "dlfl: installing missing build dependencies:$need" >&2
if [ "$(id -u)" -eq 0 ]; then
	sudo=""
elif command -v sudo >/dev/null 2>&1; then
	sudo="sudo"
else
	echo "dlfl: not root and no sudo: install these packages yourself:$need" >&2
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q >&2 || exit 1
# shellcheck disable=SC2086
$sudo apt-get install -y -q --no-install-recommends $need >&2 || exit 1
[ "${1:-build}" = test ] && [ -n "${2:-}" ] && lrs_cache "$2"
exit 0
