#!/bin/sh
# A new screen is one file per front end and one table entry: a copy of
# the tree with an "about" screen added to each front end (src/plain_about.c
# and src/tui_about.c, an entry in PLAIN_SCREENS and TUI_SCREENS, and as its
# way in one command row in plain.c and one key row in tui_keys.c, nothing
# else changed) builds, and the screen opens and closes in line mode and in
# the TUI.
. "$(dirname "$0")/tui_lib.sh"

# The sources and the objects already built, so only what the new screens
# touch compiles again.
t=$tmp/tree
tree_copy "$t"

# after FILE PATTERN LINE: LINE inserted after the first line matching PATTERN.
after() {
	awk -v pat="$2" -v add="$3" '{ print } !done && $0 ~ pat { print add; done = 1 }' \
		"$t/$1" >"$t/$1.new" && mv "$t/$1.new" "$t/$1"
}

cat >"$t/src/plain_about.c" <<'EOF'
#include "plain_impl.h"

static void about_show(struct plain *p, struct session *s, const struct screen *sc)
{
        (void)s;
        (void)sc;
        plain_say(p, "About: a screen added as one file.");
        plain_ask(p, "Press Enter to go back");
}

static enum flow about_line(struct plain *p, struct session *s, const char *t)
{
        (void)s;
        if (t[0] != '\0') {
                plain_say(p, "Press Enter to go back.");
                return FLOW_STAY;
        }
        return plain_back(p);
}

const struct plain_screen plain_about_screen = {.show = about_show, .line = about_line};
EOF
after src/plain_impl.h '^#define PLAIN_SCREENS\\(X\\)' '        X(about) \'
after src/plain.c '^} commands\\[\\] = \\{' "    {'v', \"about this program\", NULL, &plain_about_screen},"

cat >"$t/src/tui_about.c" <<'EOF'
#include "tui.h"

static void about_draw(struct tui *t)
{
        int y, x, h, w;

        tui_box(t, 5, 44, &y, &x, &h, &w);
        tui_put(t, y + 1, x + 1, w - 2, "About: a screen added as one file.", A_BOLD);
        tui_status_of(t, NULL, TKW(TA_ESC, "close"));
}

const struct tui_screen tui_about_screen = {.name = "about", .draw = about_draw};
EOF
after src/tui.h '^#define TUI_SCREENS\\(X\\)' '        X(about) \'
after src/tui_keys.c '^ *GROUP\\("Everywhere"\\),' \
	"    OPEN(about, NULL, \"v\", \"about\", \"v\", \"about this program\", CH('v')),"

changed=$(tree_changed "$t" | sed "s|$root/||; s|$t/||" | sort)
want="Files src/plain.c and src/plain.c differ
Files src/plain_impl.h and src/plain_impl.h differ
Files src/tui.h and src/tui.h differ
Files src/tui_keys.c and src/tui_keys.c differ
Only in src: plain_about.c
Only in src: tui_about.c"
if [ "$changed" = "$want" ]; then
	ok "the new screens are two files, a table entry each and a row each to reach them"
else
	not_ok "the new screens are two files, a table entry each and a row each to reach them"
	echo "$changed" | sed 's/^/# /'
fi
for f in plain.c plain_impl.h tui.h tui_keys.c; do
	n=$(diff "$root/src/$f" "$t/src/$f" | grep -c '^>')
	d=$(diff "$root/src/$f" "$t/src/$f" | grep -c '^<')
	[ "$n" -eq 1 ] && [ "$d" -eq 0 ] && ok "src/$f gains one line" ||
		not_ok "src/$f gains one line ($n added, $d removed)"
done

if tree_make "$t"; then
	ok "the tree with the new screens builds"
else
	not_ok "the tree with the new screens builds"
	exit 1
fi
M=$(modules_dir tui-walk.yaml)

# Line mode: the menu, the intro, the first screen; v opens the new
# screen, Enter goes back to the first screen's prompt.
printf '\n\nv\nx\n\n?\nq\n' | LANG=C.UTF-8 LC_ALL=C.UTF-8 COLUMNS=80 \
	"$DL" --plain -m "$M" -d "$tmp/data" -l ann >"$tmp/out" 2>&1
check "line mode: v opens the new screen" grep -qF "About: a screen added as one file." "$tmp/out"
check "line mode: the new screen's own prompt" grep -qF "Press Enter to go back: " "$tmp/out"
check "line mode: the new screen takes its lines" grep -qxF "Press Enter to go back." "$tmp/out"
check "line mode: back on the screen it came from" \
	sh -c 'sed -n "/^Press Enter to go back: \$/,\$p" "$1" | grep -q "^Press Enter to go on"' - "$tmp/out"
check "line mode: the commands list names it" grep -qF "  v  about this program" "$tmp/out"

# The TUI: v opens it over the picker; Esc closes it; the help names it.
start 80 24 LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=screen "$DL" -m "$M" -d "$tmp/data2"
wait_for "Who is learning?" >/dev/null
send v
check "TUI: v opens the new screen" wait_for "About: a screen added as one file."
check "TUI: its status line comes from the key table" on_screen "Esc close"
send Escape
check "TUI: Esc closes it" wait_gone "About: a screen added as one file."
check "TUI: the picker is still there" on_screen "Who is learning?"
send '?'
wait_for "Help: keys" >/dev/null
check "TUI: the help names it" on_screen "v               about this program"
send Escape
wait_gone "Help: keys" >/dev/null
send q y
check "TUI: quits" wait_for "EXIT=0"

finish
