/* The ncurses player's private interface, shared by src/tui*.c only (the
 * one place <curses.h> may be included). Each screen is a const ops table
 * in its own file; keys become actions through one table in tui.c; the
 * screen handles an action first, then the global handler in tui.c. Every
 * draw() erases and paints from session data; tui.c does one doupdate() per
 * turn of the loop. Nothing from a module is painted except through
 * text.h's sanitised lines. */
#ifndef DLFL_TUI_H
#define DLFL_TUI_H

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "dlfl/app.h"
#include "dlfl/front.h"
#include "dlfl/session.h"
#include "dlfl/store.h"
#include "dlfl/text.h"

/* Below this the screen shows "terminal too small" instead. */
#define TUI_MIN_COLS 40
#define TUI_MIN_ROWS 12
#define TUI_MAX_PICKS 16

enum tui_action {
        TA_NONE,
        TA_NEXT,
        TA_BACK,
        TA_UP,
        TA_DOWN,
        TA_PGUP,
        TA_PGDN,
        TA_HOME,
        TA_END,
        TA_SPACE,
        TA_ENTER,
        TA_HINT,
        TA_TOC,
        TA_MENU,
        TA_HELP,
        TA_QUIT,
        TA_DIGIT,
        TA_ESC,
        TA_TAB,
        TA_SUBMIT,
        TA_INTERRUPT,
        TA_RESTART,    /* the module (intro, summary) or the case study again */
        TA_AGAIN,      /* the questions again, after a module not passed */
        TA_EDIT,       /* into the answer or reflection box */
        TA_NEW,        /* a new learner (picker) */
        TA_GUEST,      /* in as a guest (picker) */
        TA_PASSPHRASE, /* set, change or remove one's passphrase (menu) */
        TA_FORGET,     /* forget me (menu) */
        TA_LOGOUT,     /* log out (menu) */
        TA_YES,
        TA_NO,
        TA_OPEN, /* opens the row's screen (struct tui_keydef's opens) */
};

struct tui_key {
        enum tui_action act;
        int digit;                      /* 1-9 with TA_DIGIT */
        bool fkey;                      /* code is a KEY_* value, not a character */
        int code;                       /* KEY_* or a wide character */
        const struct tui_screen *opens; /* with TA_OPEN */
};

struct tui;
struct tui_screen;

/* One row of the key table (tui_keys.c): the keys that give act (on
 * screen, when set, only there), its name and word on the status line
 * (kiosk_label instead on a public terminal, when set), and its line in
 * the help. A row with only help_keys and help is a note in the help; one
 * with only help is the heading of a section there. */
#define TUI_KEYS_PER_ROW 3
struct tui_keydef {
        enum tui_action act;
        const char *screen;
        struct {
                bool fkey;
                int code;
        } on[TUI_KEYS_PER_ROW];
        const char *key, *label, *kiosk_label;
        const char *help_keys, *help;
        /* With TA_OPEN: the screen the keys open, over the one shown. */
        const struct tui_screen *opens;
};
const struct tui_keydef *tui_keydefs(size_t *n);
/* Sets k->act (and k->digit) for a key read on screen sc. */
void tui_key_bind(struct tui_key *k, const struct tui_screen *sc);
/* One key on a status line: act named as in the table, or with what
 * (its word) or key (its name) given here instead. */
struct tui_hint {
        enum tui_action act;
        const char *what;
        const char *key;
};
void tui_status_keys(struct tui *t, const struct tui_hint *h, size_t n, const char *right);
/* For a screen whose keys do not depend on its text (no scroll note),
 * called before the body is laid out: the status area takes the rows
 * these keys need at once, so the screen is not painted a second time
 * for them. */
void tui_status_first(struct tui *t, const struct tui_hint *h, size_t n);
/* A hint named as in the table; with its own word; with its own word and
 * key name. tui_status_of(t, right, TK(TA_NEXT), TKW(TA_ENTER, "start")) */
#define TK(act)                                                                                    \
        {                                                                                          \
                (act), NULL, NULL                                                                  \
        }
#define TKW(act, what)                                                                             \
        {                                                                                          \
                (act), (what), NULL                                                                \
        }
#define TKN(act, what, key)                                                                        \
        {                                                                                          \
                (act), (what), (key)                                                               \
        }
#define tui_status_of(t, right, ...)                                                               \
        tui_status_keys((t), (const struct tui_hint[]){__VA_ARGS__},                               \
                        sizeof((const struct tui_hint[]){__VA_ARGS__}) / sizeof(struct tui_hint),  \
                        (right))

/* A screen owns its state: state_size bytes, zeroed, allocated when the
 * screen is switched to (or opened as an overlay) and freed after its
 * leave(), which frees what the state points to. tui_state() finds it.
 * Like tig's view_ops private_size, or tmux's per-mode data. */
struct tui_screen {
        const char *name;
        size_t state_size;
        void (*enter)(struct tui *t);
        void (*draw)(struct tui *t);
        /* True when the key was handled; else (or when NULL) the global
         * handler gets it. enter, leave and key may be NULL. */
        bool (*key)(struct tui *t, const struct tui_key *k);
        void (*leave)(struct tui *t);
};

/* Presentation attributes of one document line, beside text.h's spans. */
struct tui_deco {
        char prefix[32]; /* our own text (never module text), shown first */
        int indent;      /* columns of the prefix; continuation lines are indented so */
        int item;        /* -1, or the item (choice, row) the line belongs to */
        attr_t attr;
        short pair;
        bool hidden;
};

/* A shown row: a line of tl, or (line == TUI_NO_LINE) an empty row that
 * may still belong to an item (room for an editor). */
#define TUI_NO_LINE ((size_t)-1)
struct tui_row {
        size_t line;
        int item;
};

/* A screen's content as wrapped, styled lines, rebuilt on every draw. */
struct tui_doc {
        struct text_lines tl;
        struct tui_deco *deco;
        size_t ndeco;
        struct tui_row *rows; /* what is shown, top to bottom */
        size_t nrows, rows_cap;
        int width;
};

/* A line (or, multiline, a text) editor for answers and names. Holds UTF-8;
 * cur is a byte offset on a character boundary. */
struct tui_edit {
        char *buf;
        size_t len, cap, cur;
        bool multiline;
        size_t max;   /* bytes, 0 = no limit */
        int top;      /* first shown row */
        bool hit_max; /* a key was refused because the box is full */
};

enum tui_confirm {
        CONFIRM_QUIT,
        CONFIRM_LOGOUT,
        CONFIRM_RESTART,
};

/* What the passphrase prompt is asking for. */
enum tui_pass_mode {
        PASS_LOGIN,   /* to open the pending record */
        PASS_FORGET,  /* to forget the pending record */
        PASS_CURRENT, /* the current one, before a change or removal */
        PASS_NEW,     /* a new one (empty removes it) */
        PASS_AGAIN,   /* the new one again */
};

enum tui_color {
        COL_NONE,
        COL_BAR,
        COL_RIGHT,
        COL_WRONG,
        COL_HEADING,
        COL_CODE,
        COL_LINK,
        COL_NOTE,
        COL_ERROR,
};

struct tui {
        struct app *app;
        struct store *store;
        char *store_problem;
        struct store_handle *handle;
        struct learner_record *rec; /* the guest's own, or the handle's */
        bool guest;
        char *name;
        struct session *sess;
        size_t mod; /* catalog index of the open module */

        const struct tui_screen *screen;  /* the base screen */
        const struct tui_screen *overlay; /* help, contents, a question to confirm */
        bool quit;
        bool dirty;

        char *msg; /* one-off message for the learner (sanitised when shown) */
        bool msg_error;
        char *save_error; /* the last save failed: why */

        bool color, utf8;
        int rows, cols;
        bool too_small;
        /* Rows of the status area (1 to 3) the body was laid out for, and
         * the rows the last status line asked for: when they differ the
         * screen is painted again (tui.c). */
        int status_rows, status_need;

        /* Where the terminal cursor goes after painting (an editor's caret). */
        bool show_cursor;
        int cur_y, cur_x;

        time_t last_input;
        long idle_timeout; /* seconds; 0 = off */

        /* The base screen's view, which the helpers in tui_draw.c keep;
         * reset on every switch. */
        int cursor;
        int scroll;
        int body_rows; /* rows of the body on the last draw */
        struct tui_doc doc;
        bool scrolled; /* the learner scrolled away from the cursor: keep it so */

        /* An overlay's view: it keeps its own place. */
        int ov_cursor, ov_scroll;

        /* Each screen's own state (struct tui_screen's state_size): the
         * base screen's and the overlay's. */
        void *state, *ov_state;

        /* A record opened but not yet handed over: its passphrase is asked. */
        struct store_handle *pending;
        char *pending_name;
};

/* Every screen, one entry each: X(NAME) is tui_NAME_screen, defined in
 * src/tui_NAME.c. A screen is reached by tui_switch or tui_open_overlay,
 * or by a key: a TA_OPEN row in tui_keys.c opens it over the screen shown
 * (Esc or q closes it when its key() does not take them). */
#define TUI_SCREENS(X)                                                                             \
        X(picker)                                                                                  \
        X(menu)                                                                                    \
        X(intro)                                                                                   \
        X(lesson)                                                                                  \
        X(question)                                                                                \
        X(case)                                                                                    \
        X(summary)                                                                                 \
        X(contents)                                                                                \
        X(help)                                                                                    \
        X(confirm)                                                                                 \
        X(prompt)                                                                                  \
        X(passphrase)

#define TUI_SCREEN_DECLARE(name) extern const struct tui_screen tui_##name##_screen;
TUI_SCREENS(TUI_SCREEN_DECLARE)
#undef TUI_SCREEN_DECLARE

/* tui.c: navigation between screens and the shared state. */
void tui_switch(struct tui *t, const struct tui_screen *sc);
/* The state of sc, the base screen or the overlay on it; NULL when sc is
 * neither, or has no state. */
void *tui_state(const struct tui *t, const struct tui_screen *sc);
void tui_open_overlay(struct tui *t, const struct tui_screen *sc);
void tui_close_overlay(struct tui *t);
/* Shows the screen for the session's current position. */
void tui_show_position(struct tui *t);
bool tui_open_module(struct tui *t, size_t index);
/* Keeps typed text and unsubmitted ticks of the question on screen as a
 * draft in the record; called before any move away from it. */
void tui_question_keep_draft(struct tui *t);
void tui_close_module(struct tui *t);
bool tui_login(struct tui *t, const char *name, bool create);
void tui_login_guest(struct tui *t);
/* Hands the pending record (its passphrase given) to the learner. */
void tui_login_finish(struct tui *t);
/* Closes the pending record unused. */
void tui_pending_drop(struct tui *t);
/* Monotonic seconds, for idleness and passphrase delays. */
time_t tui_mono_now(void);
void tui_logout(struct tui *t);
/* Clears the screen at the next draw and the scrollback now (terminfo E3). */
void tui_wipe_screen(void);
/* tui_confirm.c: a yes/no question before what cannot be undone. */
void tui_ask(struct tui *t, enum tui_confirm what, const char *question);
/* tui_prompt.c: a name typed, for a new learner or to confirm forget me. */
void tui_prompt_open(struct tui *t, bool forget);
/* tui_passphrase.c: the passphrase asked for what mode says. */
void tui_passphrase_open(struct tui *t, enum tui_pass_mode mode);
void tui_message(struct tui *t, bool error, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void tui_save(struct tui *t);
/* Tells the learner once when a key was refused because e is full. */
void tui_edit_said_full(struct tui *t, struct tui_edit *e);
bool tui_global_key(struct tui *t, const struct tui_key *k);
time_t tui_now(void);

/* tui_lesson.c: the title bar of a content screen (module, section,
 * screen n of m). */
void tui_content_header(struct tui *t);
/* Rebuilds keep the reading place when the width changes: call with the
 * old row count and width before painting. */
void tui_keep_place(struct tui *t, size_t old_rows, int old_width);

/* tui_case.c: keeps a reflection being written as a draft. */
void tui_case_keep_draft(struct tui *t);

/* tui_picker.c: what the dialogs do once answered. */
bool tui_picker_create(struct tui *t, const char *name);

/* tui_draw.c: painting helpers. */
/* Clears and frames a centred box of h x w (shrunk to fit); returns the
 * inside's top-left corner and size. */
void tui_box(struct tui *t, int h, int w, int *y, int *x, int *ih, int *iw);
attr_t tui_attr(const struct tui *t, enum tui_color c);
/* Paints at most w columns of (unsanitised) text at y, x. */
void tui_put(struct tui *t, int y, int x, int w, const char *s, attr_t attr);
/* Title bar: left text and right text (e.g. "screen 3 of 12"). */
void tui_header(struct tui *t, const char *left, const char *right);
/* Status area: the keys of this screen (right: e.g. a scroll position, or
 * NULL) on one row, or on more when one cannot hold them, and any message
 * on the line above it. */
void tui_status(struct tui *t, const char *keys, const char *right);
/* Rows the status area needs for these keys (tui_status's layout). */
int tui_status_need(const struct tui *t, const char *keys, const char *right);
/* Rows the status area takes on this draw (1 until a status line asked
 * for more). */
int tui_status_rows(const struct tui *t);
/* The body area: rows between the header and the status line. */
int tui_body_top(const struct tui *t);
int tui_body_rows(const struct tui *t);
/* The width content is wrapped to. */
int tui_text_width(const struct tui *t);
const char *tui_sym(const struct tui *t, const char *utf8, const char *ascii);

void tui_doc_reset(struct tui_doc *d, int width);
void tui_doc_free(struct tui_doc *d);
/* Appends Markdown, or plain text, as lines after prefix (our own ASCII). */
void tui_doc_md(struct tui_doc *d, const char *md, const char *prefix, int item, attr_t attr,
                short pair);
void tui_doc_text(struct tui_doc *d, const char *text, const char *prefix, int item, attr_t attr,
                  short pair);
void tui_doc_blank(struct tui_doc *d);
/* n empty rows belonging to item (where an editor is painted). */
void tui_doc_space(struct tui_doc *d, int item, int n);
/* Screen row of the doc row, or -1 when scrolled out of view. */
int tui_doc_screen_row(const struct tui *t, int scroll, int row);
/* The first and last visible rows of item, or -1. */
int tui_doc_item_first(const struct tui_doc *d, int item);
int tui_doc_item_last(const struct tui_doc *d, int item);
/* Keeps the rows of item on screen by moving *scroll. */
void tui_doc_reveal(const struct tui_doc *d, int item, int height, int *scroll);
/* Clamps *scroll and paints the doc into the body; sel is highlighted. */
void tui_doc_paint(struct tui *t, const struct tui_doc *d, int *scroll, int sel);
/* A position indicator ("12-31/64 45%"), or "" when everything fits. */
void tui_scroll_note(const struct tui *t, const struct tui_doc *d, int scroll, char *buf, size_t n);
/* Space on a long screen: pages down and returns true, or returns false
 * at the bottom (the screen then goes on). */
bool tui_space_pages(struct tui *t, const struct tui_doc *d);
/* The one list cursor: Up/Down move *cursor over n items (round at the
 * ends when wrap, else stopping there); with page > 0, PgUp/PgDn also
 * move it by page and Home/End to the ends, which are otherwise left to
 * scroll the screen. True when the key moved (or kept) the cursor. */
bool tui_list_key(int *cursor, const struct tui_key *k, int n, bool wrap, int page);
/* Scroll actions shared by every scrolled screen; true when handled. */
bool tui_scroll_key(struct tui *t, const struct tui_key *k, const struct tui_doc *d);

/* tui_edit.c */
void tui_edit_init(struct tui_edit *e, bool multiline, size_t max);
void tui_edit_free(struct tui_edit *e);
void tui_edit_clear(struct tui_edit *e);
void tui_edit_set(struct tui_edit *e, const char *s);
/* Editing keys (characters, cursor, Backspace, Delete, Home/End, Ctrl-U,
 * Enter in multiline); true when handled. */
bool tui_edit_key(struct tui_edit *e, const struct tui_key *k);
/* Paints the editor in a box of h rows by w columns and places the
 * terminal cursor when focused. */
void tui_edit_paint(struct tui *t, struct tui_edit *e, int y, int x, int h, int w, bool focused);

#endif
