/* Line mode's private header: the state every line-mode screen shares,
 * the I/O helpers in plain.c, and each screen's entry points. */
#ifndef DLFL_PLAIN_IMPL_H
#define DLFL_PLAIN_IMPL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "dlfl/app.h"
#include "dlfl/front.h"
#include "dlfl/lineread.h"
#include "dlfl/model.h"
#include "dlfl/record.h"
#include "dlfl/session.h"
#include "dlfl/store.h"

/* What a screen's line() (or end()) says comes next. */
enum flow {
        FLOW_STAY, /* read another line on this screen */
        FLOW_SHOW, /* show the screen plain_go() chose, or this one again (on a
                    * module's screen: the one the session is now on) */
        FLOW_MENU, /* close the module: to the module menu */
        FLOW_NEXT, /* close the module: on to the next one's intro (after the
                    * last, the menu) */
        FLOW_QUIT, /* save and leave (on a public terminal, or after the idle
                    * timeout, log out to the picker instead) */
        FLOW_EXIT, /* leave now, even on a public terminal (with -l: the
                    * learner could not be opened, or logged out) */
};

/* Why a read gave up. */
enum why {
        WHY_Q,    /* the learner typed q */
        WHY_EOF,  /* end of input: Ctrl-D on a terminal */
        WHY_END,  /* input is over for good (a file or pipe) */
        WHY_GONE, /* the terminal is gone (hang-up, EIO) */
        WHY_TERM, /* a terminating signal (SIGTERM, SIGHUP...) */
        WHY_IDLE, /* nothing typed for the idle timeout */
        WHY_INT,  /* Ctrl-C, and the learner said yes to quitting */
};

struct plain {
        struct app *app;
        FILE *out;
        struct line_reader *in;
        int width;
        struct store *store;
        struct store_handle *handle; /* NULL for a guest */
        struct learner_record *rec;
        char *name;
        char *line;
        size_t cap;
        bool answered_here; /* the current screen was answered since it was shown */
        int hints_said;     /* hints already printed on this screen: each is said once */
        bool save_failed;
        bool cli;         /* the learner came from -l: failures go to stderr */
        long idle;        /* seconds before an idle learner is logged out; 0 = never */
        enum why why;     /* why the last read ended the run */
        char prompt[256]; /* what may be typed at the next prompt, in words */
        int status;       /* the exit status so far */

        /* The one loop's place (plain.c): the open module's session (NULL
         * outside one), the screen shown, its own state, and the screen it
         * was reached from with that screen's prompt (for plain_back). */
        struct session *sess;
        bool arrived; /* the session's first screen was shown */
        const struct plain_screen *screen, *next, *from;
        bool next_quiet; /* go to next without showing it */
        void *state, *from_state;
        char from_prompt[256];
};

/* Output (plain.c): everything from a module passes through text.h. */
void plain_emit(struct plain *p, const char *s);
void plain_blank(struct plain *p);
/* Module Markdown, after a prefix such as "3. ". */
void plain_md(struct plain *p, const char *prefix, const char *text);
/* Plain text (ours, possibly holding module titles), wrapped. */
void plain_wrapped(struct plain *p, const char *prefix, const char *text);
__attribute__((format(printf, 2, 3))) void plain_say(struct plain *p, const char *fmt, ...);
/* What the next prompt says may be typed, in words. */
__attribute__((format(printf, 2, 3))) void plain_ask(struct plain *p, const char *fmt, ...);
void plain_help(struct plain *p);
/* A line that cannot be taken here: says again what may be typed. */
void plain_refuse(struct plain *p);

/* Input (plain.c); only the loop reads lines. */
const char *plain_trimmed(char *s);
int plain_command(const char *t);
long plain_number(const char *t);
bool plain_cut_to(char *s, size_t max);
/* A block of lines after first, up to one holding only "." (a
 * reflection), read by the loop's reader; *eof when input ended first.
 * The caller frees it. */
char *plain_read_lines(struct plain *p, const char *first, bool *eof);

void plain_save(void *ctx);
/* The commands every screen of a module shares (b, t, m, h, ?, q, and any
 * that open a screen); *handled is false when cmd is none of them. */
enum flow plain_common(struct plain *p, struct session *s, int cmd, bool *handled);
/* The first rendered line of Markdown, with " ..." when there is more; the
 * caller frees it. */
const struct module *plain_next_module(struct plain *p, const struct module *m);

/* A screen: one file src/plain_NAME.c defining plain_NAME_screen, and one
 * entry in PLAIN_SCREENS below. The one loop in plain.c shows the current
 * screen, reads a line and gives it, trimmed, to line(), whose answer
 * says what comes next; plain_go() names another screen. No screen reads
 * input itself: a reflection's further lines come through
 * plain_read_lines, and a secret screen's line is read without echo.
 * Like the TUI's struct tui_screen: the same shape in both front ends. */
struct plain_screen {
        /* Prints the screen and, with plain_ask, what its prompt says. s is
         * the open module's session (or NULL), sc the session's screen on
         * a module's screen (NULL on its summary and elsewhere). */
        void (*show)(struct plain *p, struct session *s, const struct screen *sc);
        enum flow (*line)(struct plain *p, struct session *s, const char *t);
        /* Input ended here (p->why says how); NULL: FLOW_QUIT. */
        enum flow (*end)(struct plain *p);
        /* Frees what the state points to; the loop frees the state. */
        void (*leave)(struct plain *p);
        size_t state_size; /* zeroed when the screen is gone to; plain_state() */
        /* A screen of the open module: the loop prints its title bar, and
         * takes an empty line (go on) and the shared commands itself. */
        bool module;
        /* Read without echo and given untrimmed, then wiped (a passphrase). */
        bool secret;
};

/* Every screen, one entry each: X(NAME) is plain_NAME_screen. */
#define PLAIN_SCREENS(X)                                                                           \
        X(picker)                                                                                  \
        X(name)                                                                                    \
        X(passphrase)                                                                              \
        X(menu)                                                                                    \
        X(forget)                                                                                  \
        X(intro)                                                                                   \
        X(contents)                                                                                \
        X(lesson)                                                                                  \
        X(question)                                                                                \
        X(case)                                                                                    \
        X(summary)

#define PLAIN_SCREEN_DECLARE(name) extern const struct plain_screen plain_##name##_screen;
PLAIN_SCREENS(PLAIN_SCREEN_DECLARE)
#undef PLAIN_SCREEN_DECLARE

/* The loop (plain.c). plain_go goes to a screen: returns FLOW_SHOW. */
enum flow plain_go(struct plain *p, const struct plain_screen *to);
/* Back to the screen this one was reached from, without showing it again
 * (its prompt is asked again). */
enum flow plain_back(struct plain *p);
/* The current screen's state (its state_size bytes). */
void *plain_state(const struct plain *p);
/* The open module's current screen (or summary), shown. */
enum flow plain_position(struct plain *p);
/* Opens module m: its intro, or where the learner left off. */
enum flow plain_open_module(struct plain *p, const struct module *m, bool resume);
/* Closes the learner: to the picker (with -l, FLOW_EXIT). */
enum flow plain_logout(struct plain *p);

/* Who is learning (plain_passphrase.c): opens the learner named, asking
 * for a passphrase first when one is set; to the menu when it opens. */
enum flow plain_login(struct plain *p, const char *name);
enum flow plain_login_guest(struct plain *p);
void plain_close_learner(struct plain *p);

#endif
