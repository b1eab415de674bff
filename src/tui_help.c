/* Help: every key, on every screen, from the key table (tui_keys.c). */
#include <stdio.h>

#include "tui.h"

static void help_draw(struct tui *t)
{
        struct tui_doc *d = &t->doc;
        char prefix[32], note[48];
        size_t n;
        const struct tui_keydef *kd = tui_keydefs(&n);

        erase();
        tui_header(t, "Help: keys", NULL);
        tui_doc_reset(d, tui_text_width(t));
        for (size_t i = 0; i < n; i++) {
                if (kd[i].help == NULL)
                        continue;
                if (kd[i].help_keys == NULL) {
                        tui_doc_blank(d);
                        tui_doc_text(d, kd[i].help, NULL, -1, tui_attr(t, COL_HEADING), 0);
                        continue;
                }
                snprintf(prefix, sizeof prefix, "  %-15s ", kd[i].help_keys);
                tui_doc_text(d, kd[i].help, prefix, -1, A_NORMAL, 0);
        }
        tui_doc_paint(t, d, &t->ov_scroll, -1);
        tui_scroll_note(t, d, t->ov_scroll, note, sizeof note);
        tui_status_of(t, note, TKN(TA_ESC, "close", "Esc/Enter/q/?"),
                      TKN(TA_PGUP, "scroll", "Up/Down/PgUp/PgDn/Home/End"));
}

static bool help_key(struct tui *t, const struct tui_key *k)
{
        int save = t->scroll;

        switch (k->act) {
        case TA_ESC:
        case TA_QUIT:
        case TA_HELP:
        case TA_ENTER:
                tui_close_overlay(t);
                return true;
        default:
                t->scroll = t->ov_scroll;
                tui_scroll_key(t, k, &t->doc);
                t->ov_scroll = t->scroll;
                t->scroll = save;
                return true;
        }
}

const struct tui_screen tui_help_screen = {
    .name = "help",
    .draw = help_draw,
    .key = help_key,
};
