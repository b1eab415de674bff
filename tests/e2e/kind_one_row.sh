#!/bin/sh
# A new question kind is one row in src/kinds.c: a copy of the tree with a
# "yes-no" kind appended there (its two small functions and its row, and
# nothing else changed) builds, passes `dlfl check`, is named in the
# unknown-kind message, plays in line mode and goes out as xAPI.
set -u
. "$(dirname "$0")/lib.sh"

# The sources and the objects already built, so only kinds.c (and what is
# made from it) compiles again.
t=$tmp/tree
tree_copy "$t"

awk '
{ lines[NR] = $0 }
END {
	for (i = 1; i <= NR; i++) {
		if (lines[i] ~ /^\/\* ---- the table/) {
			print "static const char *const yn_labels[2] = {\"Yes\", \"No\"};"
			print "static const char *yn_text(const struct screen *s, size_t i)"
			print "{"
			print "        (void)s;"
			print "        return i < 2 ? yn_labels[i] : NULL;"
			print "}"
			print "static char *right_yn(const struct screen *s, const size_t *order, size_t n)"
			print "{"
			print "        (void)order;"
			print "        (void)n;"
			print "        return xstrdup(s->answer_true ? \"Yes\" : \"No\");"
			print "}"
			print ""
		}
		if (lines[i] == "};" && lines[i + 2] ~ /^const size_t kinds_table_size/) {
			print "    {.name = \"yes-no\", .label = \"Question\", .keys = tf_kind_keys,"
			print "     .attempts = 1, .checked = true, .widget = WIDGET_PICK_ONE,"
			print "     .input_rows = 2, .words_ok = true,"
			print "     .instruction = \"Type 1 for Yes or 2 for No\","
			print "     .screen_instruction = \"Yes or no? 1 for Yes, 2 for No.\","
			print "     .load = load_true_false, .options = tf_count, .option = yn_text,"
			print "     .picks_of = picks_tf, .check_picks = check_tf, .remarks = remarks_tf,"
			print "     .right_answer = right_yn, .xapi_type = \"true-false\","
			print "     .xapi_define = xapi_tf, .xapi_response = xapi_as_given},"
		}
		print lines[i]
	}
}' "$root/src/kinds.c" >"$t/src/kinds.c.new" && mv "$t/src/kinds.c.new" "$t/src/kinds.c"
changed=$(tree_changed "$t")
[ "$changed" = "Files $root/src/kinds.c and $t/src/kinds.c differ" ] &&
	ok "the new kind changes src/kinds.c alone" || { not_ok "the new kind changes src/kinds.c alone"; echo "$changed"; }

if tree_make "$t"; then ok "the tree with the new row builds"; else
	not_ok "the tree with the new row builds"
	exit 0
fi

mkdir "$tmp/m"
cat >"$tmp/m/yn.yaml" <<'EOF'
format: 1
id: yn
title: Yes or No
summary: A module with the new kind.
sections:
  - id: s
    title: S
    screens:
      - type: question
        id: q-yn
        kind: yes-no
        prompt: Is a library card free in most public libraries?
        answer: true
        explanation: Joining a public library is free in most places.
EOF
"$DL" check "$tmp/m/yn.yaml" >"$tmp/out" 2>&1 && ok "dlfl check takes the new kind" ||
	{ not_ok "dlfl check takes the new kind"; cat "$tmp/out"; }
sed 's/kind: yes-no/kind: maybe/' "$tmp/m/yn.yaml" >"$tmp/bad.yaml"
"$DL" check "$tmp/bad.yaml" >"$tmp/out" 2>&1
grep -q "numeric, rating or yes-no" "$tmp/out" && ok "the unknown-kind message names it" ||
	{ not_ok "the unknown-kind message names it"; cat "$tmp/out"; }

printf '1\n\nyes\n\nq\n' | "$DL" --plain -m "$tmp/m" -d "$tmp/data" -l ann >"$tmp/out" 2>&1
for want in "1. Yes" "2. No" "Type 1 for Yes or 2 for No" "Right"; do
	grep -qF -- "$want" "$tmp/out" && ok "line mode shows '$want'" || not_ok "line mode shows '$want'"
done
"$DL" -m "$tmp/m" -d "$tmp/data" export ann --format xapi >"$tmp/x.json" 2>&1
grep -q '"interactionType":"true-false"' "$tmp/x.json" && ok "xAPI describes the new kind" ||
	{ not_ok "xAPI describes the new kind"; head -c 600 "$tmp/x.json"; }
