#!/bin/sh
# The shipped modules as a learning lead would check them: no answer can be
# guessed from its length or a pattern, and each module is mapped, dated and
# of a sensible length.
set -u
. "$(dirname "$0")/lib.sh"
stats_bin=$root/${BUILD:-build}/tools/assess_stats

if ! "$stats_bin" "$root"/modules/*.yaml >"$tmp/stats"; then
	not_ok "every shipped module loads"
	exit 1
fi
ok "every shipped module loads"

val() { # LINE KEY
	echo "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"
}

all_true=0
all_false=0
all_typos=0
all_text=0
while read -r line; do
	id=${line%% *}
	minutes=$(val "$line" minutes)
	pksb=$(val "$line" pksb)
	reviewed=$(val "$line" reviewed)
	t=$(val "$line" tf_true)
	f=$(val "$line" tf_false)
	choice=$(val "$line" choice)
	longest=$(val "$line" longest_right)
	shortest=$(val "$line" shortest_right)
	typos=$(val "$line" text_typos)
	all_true=$((all_true + t))
	all_false=$((all_false + f))
	all_typos=$((all_typos + typos))
	all_text=$((all_text + $(val "$line" text)))

	if [ "$minutes" -ge 25 ] && [ "$minutes" -le 45 ]; then ok "$id: takes 25 to 45 minutes"; else
		not_ok "$id: takes 25 to 45 minutes (says $minutes)"; fi
	if [ "$pksb" -ge 1 ]; then ok "$id: names its PKSB areas"; else not_ok "$id: names its PKSB areas"; fi
	if [ "$reviewed" != none ]; then ok "$id: says when it was checked"; else
		not_ok "$id: says when it was checked"; fi
	# Two or more true-false questions must not all have the same answer.
	if [ $((t + f)) -lt 2 ] || { [ "$t" -gt 0 ] && [ "$f" -gt 0 ]; }; then
		ok "$id: true-false answers are not all the same"
	else
		not_ok "$id: true-false answers are not all the same ($t true, $f false)"
	fi
	# The right answer is the longest choice in at most a third of the
	# choice questions (rounded up).
	if [ $((longest * 3)) -le $((choice + 2)) ]; then
		ok "$id: the right answer is rarely the longest choice"
	else
		not_ok "$id: the right answer is rarely the longest choice ($longest of $choice)"
	fi
	if [ $((shortest * 3)) -le $((choice + 2)) ]; then
		ok "$id: the right answer is rarely the shortest choice"
	else
		not_ok "$id: the right answer is rarely the shortest choice ($shortest of $choice)"
	fi
done <"$tmp/stats"

total=$((all_true + all_false))
if [ "$total" -gt 0 ] && [ $((all_true * 3)) -ge "$total" ] && [ $((all_false * 3)) -ge "$total" ]; then
	ok "true-false answers are a real mix across the modules"
else
	not_ok "true-false answers are a real mix across the modules ($all_true true, $all_false false)"
fi
if [ "$all_typos" -ge 1 ] && [ "$all_typos" -eq "$all_text" ]; then
	ok "text questions allow typos where spelling is not the point"
else
	not_ok "text questions allow typos where spelling is not the point ($all_typos of $all_text)"
fi
