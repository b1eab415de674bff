#!/bin/sh
# Installs the Debian packages dlfl needs when they are missing, and says so.
# build: libraries to compile; test: those plus the tools the tests drive.
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
if [ "${1:-build}" = test ]; then
	check_pc cmocka libcmocka-dev
	check_cmd tmux tmux
	check_cmd valgrind valgrind
	check_cmd mandoc mandoc
	check_cmd jq jq
	check_cmd faketime faketime
	check_cmd script bsdutils
	check_cmd ps procps
fi
[ -z "$need" ] && exit 0

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
