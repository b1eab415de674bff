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

enum flow {
        FLOW_STAY, /* read another line on this screen */
        FLOW_SHOW, /* show the (possibly new) current screen */
        FLOW_MENU, /* back to the module menu */
        FLOW_NEXT, /* on to the next module */
        FLOW_QUIT, /* save and leave */
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

/* Input (plain.c). */
bool plain_get_raw(struct plain *p);
bool plain_read_line(struct plain *p);
const char *plain_trimmed(char *s);
int plain_command(const char *t);
long plain_number(const char *t);
bool plain_cut_to(char *s, size_t max);
char *plain_read_lines(struct plain *p, const char *first, bool *eof);

void plain_save(void *ctx);
enum flow plain_common(struct plain *p, struct session *s, int cmd, bool *handled);
/* The first rendered line of Markdown, with " ..." when there is more; the
 * caller frees it. */
char *plain_first_line(struct plain *p, const char *text, int width);
enum flow plain_run_module(struct plain *p, const struct module *m, bool resume);

/* The screens, each in its own file. A module's screens are a {show, line}
 * table in plain.c; a screen outside a module (s and sc NULL) is driven by
 * plain_drive. line() gets each line typed, trimmed, and says where to
 * go: FLOW_STAY reads another line, FLOW_SHOW shows the screen again. */
struct plain_screen {
        void (*show)(struct plain *p, struct session *s, const struct screen *sc);
        enum flow (*line)(struct plain *p, struct session *s, const char *t);
};
/* Shows a screen outside a module and gives it the lines typed until it
 * leaves; FLOW_QUIT at the end of input. */
enum flow plain_drive(struct plain *p, const struct plain_screen *ops);
void plain_lesson_show(struct plain *p, struct session *s, const struct screen *sc);
void plain_question_show(struct plain *p, struct session *s, const struct screen *sc);
enum flow plain_question_line(struct plain *p, struct session *s, const char *t);
void plain_case_show(struct plain *p, struct session *s, const struct screen *sc);
enum flow plain_case_line(struct plain *p, struct session *s, const char *t);
void plain_summary_show(struct plain *p, struct session *s, const struct screen *sc);
enum flow plain_summary_line(struct plain *p, struct session *s, const char *t);
enum flow plain_contents(struct plain *p, struct session *s);
enum flow plain_intro(struct plain *p, struct session *s);
const struct module *plain_next_module(struct plain *p, const struct module *m);
/* The screens outside a module, each driven by plain_drive. */
extern const struct plain_screen plain_menu_screen;
bool plain_pick_learner(struct plain *p);
bool plain_open_learner(struct plain *p, const char *name);
void plain_close_learner(struct plain *p);

#endif
