/* Help: every key, on every screen. */
#include <stdio.h>

#include "tui.h"

static const char *const help_lines[][2] = {
    {"Everywhere", NULL},
    {"n, Right", "next screen"},
    {"b, Left", "previous screen"},
    {"Up/Down, k/j", "move the cursor, or scroll"},
    {"PgUp/PgDn", "scroll a page"},
    {"Home/End", "to the top or the bottom"},
    {"Space", "page down in a lesson (then the next screen)"},
    {"Enter", "choose, submit an answer; once settled, go on"},
    {"t", "table of contents of the module"},
    {"m", "back to the module menu"},
    {"?, F1", "this help"},
    {"q", "quit (asks first; on a public terminal, log out)"},
    {"Questions", NULL},
    {"1-9", "pick that choice (single, true-false, rating: picking answers)"},
    {"Space, 1-9", "multiple: tick or untick; Enter submits"},
    {"order", "Space picks up the marked item, Up/Down move it, Space puts it down; "
              "Enter submits"},
    {"match", "Up/Down choose an item on the left, 1-9 give its match (Space: the "
              "next one); Enter submits"},
    {"text, numeric", "type the answer; Enter submits"},
    {"reflection", "type several lines; Ctrl-D or F2 saves"},
    {"in an answer", "Left/Right, Home/End, Backspace, Delete, Ctrl-U clears; Esc or Tab "
                     "leaves the text so other keys work, e or Enter goes back in; in an "
                     "empty answer Left/Right still move between screens; in a number the "
                     "letter keys stay commands"},
    {"h", "a hint (after a wrong attempt)"},
    {"Case studies", NULL},
    {"1-9, Enter", "choose what to do"},
    {"r", "walk the case study again"},
    {"e", "write or edit the reflection; Ctrl-D or F2 saves it"},
    {"Menus", NULL},
    {"Learner picker", "Enter open; n new learner; g guest (nothing kept)"},
    {"Module menu",
     "Enter or 1-9 open a module; p set, change or remove your passphrase; f forget me "
     "(type your name to confirm); l log out"},
    {"Intro, summary", "r start the module again (the earlier attempt is kept)"},
};

static void help_draw(struct tui *t)
{
        struct tui_doc *d = &t->doc;
        char prefix[32], note[48];

        erase();
        tui_header(t, "Help: keys", NULL);
        tui_doc_reset(d, tui_text_width(t));
        for (size_t i = 0; i < sizeof help_lines / sizeof help_lines[0]; i++) {
                if (help_lines[i][1] == NULL) {
                        tui_doc_blank(d);
                        tui_doc_text(d, help_lines[i][0], NULL, -1, tui_attr(t, COL_HEADING), 0);
                        continue;
                }
                snprintf(prefix, sizeof prefix, "  %-15s ", help_lines[i][0]);
                tui_doc_text(d, help_lines[i][1], prefix, -1, A_NORMAL, 0);
        }
        tui_doc_paint(t, d, &t->ov_scroll, -1);
        tui_scroll_note(t, d, t->ov_scroll, note, sizeof note);
        tui_status(t, "Esc, q or ? close  Up/Down scroll", note);
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
