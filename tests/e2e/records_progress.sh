#!/bin/sh
# `dlfl progress`: without a learner the learners' names (real names, one a
# line, hostile ones included); with one, a block per module with status,
# score, time and position, modules no longer installed included; an
# unknown learner is an error. The store's files keep their modes.
set -u
. "$(dirname "$0")/lib.sh"

needs "$DRV" "$DLFL"
export LC_ALL=C.UTF-8
d=$tmp/data

out=$("$DLFL" progress -d "$d" 2>"$tmp/err")
if [ $? -eq 0 ] && [ -z "$out" ]; then
	echo "ok - no learners yet: an empty list"
else
	echo "not ok - no learners yet: [$out] $(cat "$tmp/err")"
fi
[ -e "$d" ] && echo "not ok - listing created the data directory" ||
	echo "ok - listing creates nothing"

for name in "Zoë" "../x" "/etc/x" ".hidden" "..." "😀"; do
	"$DRV" save "$d" "$name" 3 || echo "not ok - saved $name"
done
out=$("$DLFL" progress -d "$d")
want=$(printf '%s\n' "..." "../x" ".hidden" "/etc/x" "Zoë" "😀")
got=$(printf '%s\n' "$out" | sort)
want=$(printf '%s\n' "$want" | sort)
if [ "$got" = "$want" ]; then
	echo "ok - the list gives every learner's real name"
else
	echo "not ok - the list: [$out]"
fi
n=$(ls "$d/learners" | grep -c '\.yaml$')
[ "$n" -eq 6 ] && echo "ok - six names, six files, all inside learners/" ||
	echo "not ok - $n record files for six names"
[ ! -e /etc/x.yaml ] && [ ! -e "$d/x.yaml" ] && [ ! -e "$tmp/x.yaml" ] &&
	echo "ok - no file outside learners/" || echo "not ok - a file escaped learners/"

modes=$(stat -c '%a' "$d" "$d/learners" | tr '\n' ' ')
[ "$modes" = "700 700 " ] && echo "ok - directories 0700" || echo "not ok - directories: $modes"
bad=$(find "$d/learners" -type f ! -perm 600 | wc -l)
[ "$bad" -eq 0 ] && echo "ok - files 0600" || echo "not ok - $bad files not 0600"

DLFL_DATA_DIR=$d "$DLFL" progress "ZOË" >"$tmp/out" 2>"$tmp/err"
rc=$?
if grep -q '^Progress of Zoë' "$tmp/out" && grep -q 'module-0' "$tmp/out" &&
	grep -q 'status:' "$tmp/out" && grep -q 'score:' "$tmp/out" &&
	grep -q 'time:' "$tmp/out" && grep -q 'where:' "$tmp/out"; then
	echo "ok - a learner's progress: status, score, time, where (rc $rc)"
else
	echo "not ok - a learner's progress: $(cat "$tmp/out" "$tmp/err")"
fi
if grep -q 'not installed' "$tmp/out"; then
	echo "ok - progress in modules no longer installed is still shown"
else
	echo "not ok - progress in modules no longer installed is still shown"
fi

"$DLFL" progress -d "$d" "Nobody" >/dev/null 2>"$tmp/err"
rc=$?
if [ "$rc" -eq 1 ] && grep -q 'no learner called Nobody' "$tmp/err"; then
	echo "ok - an unknown learner is an error that says so"
else
	echo "not ok - an unknown learner: rc $rc, $(cat "$tmp/err")"
fi
"$DLFL" progress -d "$d" a b >/dev/null 2>&1
[ $? -eq 2 ] && echo "ok - two learners is a usage error" || echo "not ok - two learners is a usage error"

# A damaged record is reported, never changed, by a read-only command.
printf 'dlfl-record: 1\nname: [broken\n' >"$d/learners/%2e%2e%2e.yaml"
sum=$(cksum <"$d/learners/%2e%2e%2e.yaml")
"$DLFL" progress -d "$d" "..." >/dev/null 2>"$tmp/err"
rc=$?
if [ "$rc" -eq 1 ] && [ "$(cksum <"$d/learners/%2e%2e%2e.yaml")" = "$sum" ]; then
	echo "ok - a damaged record is reported and left alone by progress"
else
	echo "not ok - a damaged record: rc $rc $(cat "$tmp/err")"
fi
