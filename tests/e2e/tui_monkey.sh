#!/bin/sh
# A thousand keys chosen at random (fixed seed) across the shipped modules,
# with resizes down below the minimum and back: the player never crashes
# and still quits cleanly.
. "$(dirname "$0")/tui_lib.sh"

MODS=$(cd "$(dirname "$0")/../../modules" && pwd)
start 80 24 LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=screen "$DLFL" -m "$MODS" -d "$T/data" -l Monkey
wait_for "Learner: Monkey" >/dev/null
set -- n b Right Left Up Down j k NPage PPage Home End Space Enter h t m '?' Escape Tab \
	1 2 3 4 5 9 C-d F2 x e r BSpace DC C-u a
awk -v n=$# 'BEGIN { srand(20261129); for (i = 0; i < 1000; i++) print int(rand() * n) + 1 }' \
	>"$T/seq"
i=0
while read -r idx; do
	eval "key=\${$idx}"
	send "$key"
	i=$((i + 1))
	if [ $((i % 100)) -eq 0 ]; then
		case $((i / 100 % 4)) in
		0) resize 80 24 ;;
		1) resize 45 13 ;;
		2) resize 120 40 ;;
		3) resize 30 8 ;;
		esac
	fi
done <"$T/seq"
resize 80 24
send Escape Escape m
check "random keys: the player is still running" wait_for "Learner: Monkey"
send q y
check "random keys: then quits cleanly" wait_for "EXIT=0"

finish
