#!/bin/sh
# A new export format is one file and one row: a copy of the tree with
# src/export_lines.c added (its writer, declared in the file itself) and
# one row in src/export.c's registry, and nothing else changed, builds;
# `dlfl export LEARNER --format lines` writes it, `dlfl --help` lists it
# and an unknown format's error names it.
set -u
cd "$(dirname "$0")/../.." || exit 1
. tests/e2e/export_fixture.inc

# The sources and the objects already built, so only the new file and
# export.c (and what is made from them) compile again.
t=$tmp/tree
tree_copy "$t"

cat >"$t/src/export_lines.c" <<'C'
/* One line a module the learner has a record of: "NAME: MODULE". */
#include <stdlib.h>

#include "dlfl/export.h"

export_write_fn export_lines_write;

bool export_lines_write(FILE *out, const struct catalog *c, const struct learner_record *r,
                        const struct settings *settings, time_t now, const char **err)
{
        size_t n, *order = export_module_order(c, r, &n);

        (void)settings;
        (void)now;
        if (n == 0) {
                free(order);
                *err = "nothing to export";
                return false;
        }
        for (size_t k = 0; k < n; k++)
                fprintf(out, "%s: %s\n", r->name, r->modules[order[k]].module);
        free(order);
        return true;
}
C
awk '{ print }
/^#define EXPORT_FORMATS\(X\)/ {
	print "        X(\"lines\", export_lines_write, \"one line per module (text)\", \"txt\", false) \\"
}' "$root/src/export.c" >"$t/src/export.c.new" && mv "$t/src/export.c.new" "$t/src/export.c"
changed=$(tree_changed "$t")
[ "$changed" = "Files $root/src/export.c and $t/src/export.c differ
Only in $t/src: export_lines.c" ] &&
	ok "the new format is one new file and a change to src/export.c alone" ||
	{ not_ok "the new format is one new file and a change to src/export.c alone"; echo "$changed"; }

if tree_make "$t"; then ok "the tree with the new format builds"; else
	not_ok "the tree with the new format builds"
	exit 0
fi

"$DL" export "$ANN" --format lines >"$tmp/out" 2>"$tmp/err"
check "export --format lines exits 0" test $? -eq 0
has "it writes the learner's first module" "$ANN: e2e-data"
has "and the second" "$ANN: e2e-second"
"$DL" export Bob --format lines >"$tmp/out" 2>"$tmp/err"
check "with nothing to export it says so and exits 1" test $? -eq 1
has "naming why" "nothing to export" "$tmp/err"
"$DL" --help >"$tmp/out" 2>&1
check "--help lists the new format with its description" \
	grep -qE '^  lines +one line per module \(text\)$' "$tmp/out"
"$DL" export "$ANN" --format nope >"$tmp/out" 2>"$tmp/err"
check "an unknown format is a usage error" test $? -eq 2
has "whose message names the new format" "lines" "$tmp/err"
has "beside the others" "certificate" "$tmp/err"
finish
