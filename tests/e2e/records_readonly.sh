#!/bin/sh
# A data directory that cannot be written: the learner's progress still
# opens (read from the existing record), each save fails with a plain
# message and leaves the record as it was, and once the directory is
# writable again the next save succeeds. Run as an ordinary user (root
# ignores permissions, so as root the driver runs as nobody via setpriv).
set -u
. "$(dirname "$0")/lib.sh"
on_exit() { chmod -R u+w "$tmp" 2>/dev/null; }

needs "$DRV"
as_user=
if [ "$(id -u)" -eq 0 ]; then
	if ! command -v setpriv >/dev/null 2>&1 || ! id nobody >/dev/null 2>&1; then
		echo "ok - # skip: running as root without setpriv"
		exit 0
	fi
	as_user="setpriv --reuid=nobody --regid=$(id -g nobody) --clear-groups"
	chmod 755 "$tmp" && chown nobody "$tmp"
	# The build tree may sit where nobody cannot reach it.
	cp "$DRV" "$tmp/store_driver" && chmod 755 "$tmp/store_driver"
	DRV=$tmp/store_driver
fi
d=$tmp/data
$as_user "$DRV" save "$d" Ann 1 || { echo "not ok - first record saved"; exit 1; }
cp "$d/learners/%41nn.yaml" "$tmp/old.yaml"
"$DRV" save "$tmp/ref" Ann 2 2>/dev/null; cp "$tmp/ref/learners/%41nn.yaml" "$tmp/new.yaml" 2>/dev/null
chmod 644 "$tmp/old.yaml" "$tmp/new.yaml" 2>/dev/null
chmod 500 "$d/learners"
out=$($as_user "$DRV" inject "$d" Ann 2 "$tmp/old.yaml" "$tmp/new.yaml" 2>&1)
case $out in
*"first=failed file=old tmp=0 message=[Progress could not be saved: permission was denied"*"second=failed file2=old"*)
	echo "ok - a read-only directory: opened, saves refused plainly, record unchanged" ;;
*) echo "not ok - a read-only directory: $out" ;;
esac
chmod 700 "$d/learners"
out=$($as_user "$DRV" inject "$d" Ann 2 "$tmp/old.yaml" "$tmp/new.yaml" 2>&1)
case $out in
*"first=saved file=new"*) echo "ok - writable again: the next save succeeds" ;;
*) echo "not ok - writable again: $out" ;;
esac
