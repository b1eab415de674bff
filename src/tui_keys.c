/* The keys, in one table (tig's REQ_INFO): which key gives which action,
 * how the status line names it, and what the help screen says of it. The
 * help screen and every status line are made from this table, so a key,
 * its help and its status word cannot drift apart. A row may belong to
 * one screen (by its name): there its keys mean that action instead of
 * the one they have everywhere else (n is "new learner" on the picker,
 * "no" in a yes/no question, "next" on every other screen). */
#include <stdio.h>
#include <string.h>

#include "dlfl/present.h"
#include "tui.h"

#define CTRL(c) ((c)&0x1f)
/* clang-format off */
#define CH(c) {false, (c)}
#define FK(c) {true, (c)}
/* The heading of a section of the help. */
#define GROUP(name) {.help = (name)}
/* A line of the help that is no one key's. */
#define NOTE(keys, text) {.help_keys = (keys), .help = (text)}
/* KEY(action, screen or NULL, status name, status word, word on a public
 * terminal, help name, help text, the keys...) */
#define KEY(act, screen, key, label, kiosk, help_keys, help, ...) \
        {act, screen, {__VA_ARGS__}, key, label, kiosk, help_keys, help, NULL}
/* OPEN(screen it opens, screen or NULL, status name, status word, help
 * name, help text, the keys...): a new screen's way in is one row. */
#define OPEN(opens, screen, key, label, help_keys, help, ...) \
        {TA_OPEN, screen, {__VA_ARGS__}, key, label, NULL, help_keys, help, &tui_##opens##_screen}
/* clang-format on */

static const struct tui_keydef keydefs[] = {
    GROUP("Everywhere"),
    KEY(TA_NEXT, NULL, "n", "next", NULL, "n, Right", "next screen", CH('n'), FK(KEY_RIGHT)),
    KEY(TA_BACK, NULL, "b", "back", NULL, "b, Left", "previous screen", CH('b'), FK(KEY_LEFT)),
    KEY(TA_UP, NULL, "Up/Down", "choose", NULL, "Up/Down, k/j", "move the cursor, or scroll",
        FK(KEY_UP), CH('k')),
    KEY(TA_DOWN, NULL, "Up/Down", "choose", NULL, NULL, NULL, FK(KEY_DOWN), CH('j')),
    KEY(TA_PGUP, NULL, "PgUp/PgDn", "scroll", NULL, "PgUp/PgDn", "scroll a page", FK(KEY_PPAGE)),
    KEY(TA_PGDN, NULL, "PgUp/PgDn", "scroll", NULL, NULL, NULL, FK(KEY_NPAGE)),
    KEY(TA_HOME, NULL, "Home/End", "top or bottom", NULL, "Home/End", "to the top or the bottom",
        FK(KEY_HOME)),
    KEY(TA_END, NULL, "Home/End", "top or bottom", NULL, NULL, NULL, FK(KEY_END)),
    KEY(TA_SPACE, NULL, "Space", "more", NULL, "Space",
        "page down in a lesson (then the next screen)", CH(' ')),
    KEY(TA_ENTER, NULL, "Enter", "go", NULL, "Enter",
        "choose, submit an answer; once settled, go on", CH('\n'), CH('\r'), FK(KEY_ENTER)),
    KEY(TA_TOC, NULL, "t", "contents", NULL, "t", "table of contents of the module", CH('t')),
    KEY(TA_MENU, NULL, "m", "menu", NULL, "m", "back to the module menu", CH('m')),
    KEY(TA_HELP, NULL, "?", "help", NULL, "?, F1", "this help", CH('?'), FK(KEY_F(1))),
    KEY(TA_QUIT, NULL, "q", "quit", "log out", "q",
        "quit (asks first; on a public terminal, log out)", CH('q')),
    KEY(TA_ESC, NULL, "Esc", "cancel", NULL, NULL, NULL, CH(27)),
    KEY(TA_TAB, NULL, "Tab", "", NULL, NULL, NULL, CH('\t')),
    KEY(TA_SUBMIT, NULL, "Ctrl-D/F2", "save", NULL, NULL, NULL, CH(CTRL('d')), FK(KEY_F(2))),
    KEY(TA_INTERRUPT, NULL, "Ctrl-C", "quit", NULL, NULL, NULL, CH(CTRL('c'))),

    GROUP("Questions"),
    /* Digits are bound in tui_key_bind, with the digit itself. */
    KEY(TA_DIGIT, NULL, "1-9", "choose", NULL, "1-9",
        "pick that choice (single, true-false, rating: picking answers)", CH(0)),
    NOTE("Space, 1-9", "multiple: tick or untick; Enter submits"),
    NOTE("order", "Space picks up the marked item, Up/Down move it, Space puts it down; "
                  "Enter submits"),
    NOTE("match", "Up/Down choose an item on the left, 1-9 give its match (Space: the next "
                  "one); Enter submits"),
    NOTE("text, numeric", "type the answer; Enter submits"),
    NOTE("reflection", "type several lines; Ctrl-D or F2 saves"),
    NOTE("in an answer", "Left/Right, Home/End, Backspace, Delete, Ctrl-U clears; Esc or Tab "
                         "leaves the text so other keys work, e or Enter goes back in; in an "
                         "empty answer Left/Right still move between screens; in a number the "
                         "letter keys stay commands"),
    KEY(TA_HINT, NULL, "h", "hint", NULL, "h",
        "the next hint (before answering, or after a wrong attempt)", CH('h')),

    GROUP("Case studies"),
    NOTE("1-9, Enter", "choose what to do"),
    KEY(TA_RESTART, NULL, "r", PRESENT_AGAIN_MODULE_KEY, NULL, "r",
        "walk the case study again; on a module's intro and summary, " PRESENT_AGAIN_MODULE
        " (the earlier attempt is kept)",
        CH('r'), CH('R')),
    KEY(TA_EDIT, NULL, "e", "edit", NULL, "e, i",
        "write or edit the reflection (or a typed answer); Ctrl-D or F2 saves a reflection",
        CH('e'), CH('i')),

    GROUP("Menus"),
    NOTE("Enter, 1-9", "open the learner or the module under the cursor"),
    KEY(TA_NEW, "picker", "n", "new", NULL, "n", "learner picker: a new learner", CH('n'), CH('N')),
    KEY(TA_GUEST, NULL, "g", "guest", NULL, "g", "learner picker: " PRESENT_GUEST, CH('g'),
        CH('G')),
    KEY(TA_PASSPHRASE, NULL, "p", "passphrase", NULL, "p",
        "module menu: set, change or remove your passphrase", CH('p'), CH('P')),
    KEY(TA_FORGET, NULL, "f", "forget me", NULL, "f",
        "module menu: forget me (type your name to confirm)", CH('f'), CH('F')),
    KEY(TA_LOGOUT, NULL, "l", "log out", NULL, "l", "module menu: log out", CH('l'), CH('L')),
    KEY(TA_AGAIN, NULL, "a", PRESENT_AGAIN_QUESTIONS_KEY, NULL, "a",
        "summary of a module not passed: " PRESENT_AGAIN_QUESTIONS " (lessons count as read)",
        CH('a'), CH('A')),

    GROUP("Questions asked before going on"),
    KEY(TA_YES, NULL, "y", "yes", NULL, "y", "yes", CH('y'), CH('Y')),
    KEY(TA_NO, "confirm", "n", "no", NULL, "n, Esc", "no", CH('n'), CH('N')),
};

#define NKEYDEFS (sizeof keydefs / sizeof keydefs[0])

const struct tui_keydef *tui_keydefs(size_t *n)
{
        *n = NKEYDEFS;
        return keydefs;
}

static bool binds(const struct tui_keydef *d, const struct tui_key *k)
{
        for (size_t i = 0; i < TUI_KEYS_PER_ROW; i++)
                if (d->on[i].code != 0 && d->on[i].fkey == k->fkey && d->on[i].code == k->code)
                        return true;
        return false;
}

void tui_key_bind(struct tui_key *k, const struct tui_screen *sc)
{
        const char *scope = sc != NULL ? sc->name : NULL;

        k->act = TA_NONE;
        k->opens = NULL;
        if (!k->fkey && k->code >= '1' && k->code <= '9') {
                k->act = TA_DIGIT;
                k->digit = k->code - '0';
                return;
        }
        /* The screen's own rows first, then the rows for everywhere. */
        for (int pass = 0; pass < 2; pass++)
                for (size_t i = 0; i < NKEYDEFS; i++) {
                        const struct tui_keydef *d = &keydefs[i];
                        bool mine =
                            d->screen != NULL && scope != NULL && strcmp(d->screen, scope) == 0;

                        if ((pass == 0 ? mine : d->screen == NULL) && binds(d, k)) {
                                k->act = d->act;
                                k->opens = d->opens;
                                return;
                        }
                }
}

static const struct tui_keydef *row_of(enum tui_action act)
{
        for (size_t i = 0; i < NKEYDEFS; i++)
                if (keydefs[i].act == act && keydefs[i].key != NULL)
                        return &keydefs[i];
        return NULL;
}

static bool has_act(const struct tui_hint *h, size_t n, enum tui_action act)
{
        for (size_t i = 0; i < n; i++)
                if (h[i].act == act)
                        return true;
        return false;
}

/* The status line's text for these hints: "key what" groups. */
static void keys_text(const struct tui *t, const struct tui_hint *hints, size_t nh,
                      const char *right, char *buf, size_t size)
{
        struct tui_hint h[40];
        size_t n = 0;
        size_t len = 0;

        /* A screen whose text is longer than the body (it says which lines
         * are shown) names the keys that scroll it, before ? and q. */
        bool scrolls = right != NULL && right[0] != '\0' && !has_act(hints, nh, TA_PGUP);
        for (size_t i = 0; i <= nh && n + 1 < sizeof h / sizeof h[0]; i++) {
                if (scrolls && (i == nh || hints[i].act == TA_HELP || hints[i].act == TA_QUIT)) {
                        h[n++] = (struct tui_hint)TKN(TA_PGUP, "scroll",
                                                      has_act(hints, nh, TA_UP)
                                                          ? "PgUp/PgDn/Home/End"
                                                          : "Up/Down/PgUp/PgDn/Home/End");
                        scrolls = false;
                }
                if (i < nh)
                        h[n++] = hints[i];
        }
        buf[0] = '\0';
        for (size_t i = 0; i < n && len < size; i++) {
                const struct tui_keydef *d = row_of(h[i].act);
                const char *key = h[i].key != NULL ? h[i].key : d != NULL ? d->key : "";
                const char *what = h[i].what;

                if (what == NULL && d != NULL)
                        what = t->app->kiosk && d->kiosk_label != NULL ? d->kiosk_label : d->label;
                if (what == NULL)
                        what = "";
                len += (size_t)snprintf(buf + len, size - len, "%s%s%s%s", i > 0 ? "  " : "", key,
                                        what[0] != '\0' ? " " : "", what);
        }
}

void tui_status_keys(struct tui *t, const struct tui_hint *hints, size_t nh, const char *right)
{
        char buf[512];

        keys_text(t, hints, nh, right, buf, sizeof buf);
        tui_status(t, buf, right);
}

void tui_status_first(struct tui *t, const struct tui_hint *hints, size_t nh)
{
        char buf[512];

        /* An overlay's keys are the ones shown: its own status decides. */
        if (t->overlay != NULL)
                return;
        keys_text(t, hints, nh, NULL, buf, sizeof buf);
        t->status_rows = tui_status_need(t, buf, NULL);
}
