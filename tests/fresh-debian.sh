#!/bin/sh
# Proves the fresh-machine path: a minimal Debian 12 (debootstrap
# --variant=minbase, plus only make), the
# repository cloned inside, `make run` with stdin closed, then `make check`.
# Everything else must be installed by scripts/deps.sh, so a missing install
# step fails here. Needs root and the network (a Debian mirror).
# Usage: sh tests/fresh-debian.sh [MIRROR]   (default deb.debian.org)
# Environment: KEEP=1 leaves the tree in place; FRESH_CHECK_ARGS passes
# arguments to `make check` inside (for example SANITIZE=1).
set -u
repo=$(cd "$(dirname "$0")/.." && pwd)
mirror=${1:-http://deb.debian.org/debian}
say() { printf 'fresh-debian: %s\n' "$*" >&2; }

if [ "$(id -u)" -ne 0 ]; then
	say "needs root (debootstrap, chroot, mount)"
	exit 2
fi
if ! command -v debootstrap >/dev/null 2>&1; then
	say "installing debootstrap"
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
		debootstrap >&2 || exit 1
fi

root=$(mktemp -d "${TMPDIR:-/tmp}/dlfl-fresh.XXXXXX") || exit 1
# The tree's / must be searchable by everyone: tests run programs as nobody.
chmod 755 "$root"
mounted=""
cleanup() {
	for m in $mounted; do umount -R -l "$root$m" 2>/dev/null; done
	if [ -n "$(awk -v r="$root/" 'index($2, r) == 1' /proc/mounts)" ]; then
		say "mounts remain under $root: not removing it"
		return
	fi
	if [ "${KEEP:-0}" = 1 ]; then say "tree kept in $root"; else rm -rf "$root"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

say "debootstrap bookworm (minbase) into $root"
if ! debootstrap --variant=minbase --include=make bookworm "$root" \
	"$mirror" >"$root.debootstrap.log" 2>&1; then
	tail -20 "$root.debootstrap.log" >&2
	say "FAIL: debootstrap"
	exit 1
fi
rm -f "$root.debootstrap.log"
cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null
# /dev recursively, so /dev/pts comes too: tmux needs pseudo-terminals.
mount -t proc proc "$root/proc" || { say "FAIL: mount /proc"; exit 1; }
mounted="/proc"
for m in /sys /dev; do
	mount --rbind "$m" "$root$m" && mount --make-rslave "$root$m" ||
		{ say "FAIL: mount $m"; exit 1; }
	mounted="$m $mounted"
done

# The committed state of this repository, as a user would clone it.
say "cloning $repo"
git clone -q "$repo" "$root/src/dlfl" || { say "FAIL: git clone"; exit 1; }

# TERM unset and stdin closed: `make run` must install, build and quit
# cleanly on end of input (line mode), with no question asked.
say "make run (stdin closed)"
if chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
	sh -c 'cd /src/dlfl && make run' </dev/null >"$root/run.log" 2>&1; then
	run=ok
else
	run=FAIL
	tail -20 "$root/run.log" >&2
fi
say "make run: $run"

say "make check ${FRESH_CHECK_ARGS:-}"
# shellcheck disable=SC2016
chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
	TERM=xterm sh -c 'cd /src/dlfl && make check '"${FRESH_CHECK_ARGS:-}" \
	</dev/null >"$root/check.log" 2>&1
check=$?
grep '^FAIL' "$root/check.log" >&2
last=$(tail -1 "$root/check.log")
say "make check: $last"
if [ "$run" = ok ] && [ "$check" -eq 0 ]; then
	say "PASS: make run and make check on a fresh Debian 12"
	exit 0
fi
tail -30 "$root/check.log" >&2
say "FAIL"
exit 1
