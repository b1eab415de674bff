/* The plain line mode: linear text, numbered lists, answers typed as lines
 * (product.md, "Plain line mode protocol"). For screen readers, dumb
 * terminals and scripts. It drives the same session as the ncurses player;
 * everything from a module passes through text.h, so no escape sequence
 * or raw control character ever reaches the output.
 *
 * This file holds the one loop and the input and output every screen
 * uses. Each screen is its own plain_*.c file, a struct plain_screen
 * ({show, line}) named in PLAIN_SCREENS (plain_impl.h): the loop shows
 * the current screen, reads a line and hands it to the screen, whose
 * answer says what comes next. A new screen is one file and one entry. */
#include <errno.h>
#include <signal.h>
#include <math.h>
#include <strings.h>
#include <sys/ioctl.h>
#include <sys/types.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "dlfl/app.h"
#include "dlfl/lineread.h"
#include "dlfl/passphrase.h"
#include "dlfl/present.h"
#include "dlfl/session.h"
#include "dlfl/signals.h"
#include "dlfl/store.h"
#include "dlfl/text.h"
#include "dlfl/xalloc.h"
#include "plain_impl.h"

/* ---- output --------------------------------------------------------------- */

void plain_emit(struct plain *p, const char *s)
{
        fputs(s, p->out);
}

void plain_blank(struct plain *p)
{
        fputc('\n', p->out);
}

/* Prints rendered lines, the first after `first`, the rest after as many
 * spaces; leading and trailing empty lines dropped. */
static void emit_block(struct plain *p, const char *first, const char *rendered)
{
        const char *s = rendered;
        size_t plen = strlen(first);
        bool started = false;
        size_t blanks = 0;

        while (*s != '\0') {
                const char *nl = strchr(s, '\n');
                size_t len = nl != NULL ? (size_t)(nl - s) : strlen(s);

                if (len == 0) {
                        if (started)
                                blanks++;
                } else {
                        for (; blanks > 0; blanks--)
                                plain_blank(p);
                        if (!started)
                                plain_emit(p, first);
                        else
                                fprintf(p->out, "%*s", (int)plen, "");
                        fwrite(s, 1, len, p->out);
                        plain_blank(p);
                        started = true;
                }
                s += len + (nl != NULL);
        }
        if (!started && plen > 0) {
                plain_emit(p, first);
                plain_blank(p);
        }
}

static int avail(const struct plain *p, const char *prefix)
{
        int w = p->width - (int)strlen(prefix);

        return w < 10 ? 10 : w;
}

/* Module Markdown, after a prefix such as "3. ". */
void plain_md(struct plain *p, const char *prefix, const char *text)
{
        char *r;

        if (text == NULL)
                return;
        r = text_render_plain(text, avail(p, prefix));
        emit_block(p, prefix, r);
        free(r);
}

/* Plain text (ours, possibly holding module titles), wrapped. */
void plain_wrapped(struct plain *p, const char *prefix, const char *text)
{
        struct text_lines tl = {0};
        struct buf {
                char *s;
                size_t len, cap;
        } b = {0};

        text_wrap(text, avail(p, prefix), 0, TEXT_PLAIN, &tl);
        for (size_t i = 0; i < tl.count; i++) {
                b.s = xgrow(b.s, &b.cap, b.len + tl.lines[i].len + 2, 1);
                memcpy(b.s + b.len, tl.lines[i].text, tl.lines[i].len);
                b.len += tl.lines[i].len;
                b.s[b.len++] = '\n';
                b.s[b.len] = '\0';
        }
        emit_block(p, prefix, b.s != NULL ? b.s : "");
        free(b.s);
        text_lines_free(&tl);
}

__attribute__((format(printf, 2, 3))) void plain_say(struct plain *p, const char *fmt, ...)
{
        va_list ap;
        char small[256], *s = small;
        int n;

        va_start(ap, fmt);
        n = vsnprintf(small, sizeof(small), fmt, ap);
        va_end(ap);
        if (n < 0)
                return;
        if ((size_t)n >= sizeof(small)) {
                s = xmalloc((size_t)n + 1);
                va_start(ap, fmt);
                vsnprintf(s, (size_t)n + 1, fmt, ap);
                va_end(ap);
        }
        plain_wrapped(p, "", s);
        if (s != small) {
                /* cppcheck-suppress autovarInvalidDeallocation ; allocated when not small */
                free(s);
        }
}

/* At log-out the last learner's session must not stay on a terminal's
 * screen for the next person: line mode writes no escape sequences, so
 * it scrolls a screenful of empty lines past (TIOCGWINSZ rows, else
 * $LINES, else 24, and at least 24). Not on a file or pipe. */
static void scroll_away(struct plain *p)
{
        struct winsize ws;
        long rows = 0;
        const char *lines = getenv("LINES");

        if (!isatty(fileno(p->out)))
                return;
        if (ioctl(fileno(p->out), TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0)
                rows = ws.ws_row;
        else if (lines != NULL)
                rows = strtol(lines, NULL, 10);
        if (rows < 24 || rows > 1000)
                rows = rows > 1000 ? 1000 : 24;
        for (long i = 0; i < rows; i++)
                fputc('\n', p->out);
        fflush(p->out);
}

/* ---- input ---------------------------------------------------------------- */

/* Takes one line from the reader into p->line. */
static enum line_status next_line(struct plain *p)
{
        char *got;
        size_t n;
        long idle_ms = p->idle > 0 && p->rec != NULL ? p->idle * 1000 : 0;
        enum line_status st;

        do
                st = line_read(p->in, idle_ms, &signals_stop, &got, &n);
        while (st == LINE_SIGNAL && signals_stop == 0 && signals_interrupt == 0);
        if (st == LINE_OK) {
                if (n + 1 > p->cap) {
                        p->cap = n + 1;
                        p->line = xrealloc(p->line, p->cap);
                }
                memcpy(p->line, got, n + 1);
        }
        return st;
}

/* Why a read ended the run, from the reader's status. */
static enum why why_of(enum line_status st)
{
        switch (st) {
        case LINE_EOF:
                return WHY_EOF;
        case LINE_IDLE:
                return WHY_IDLE;
        case LINE_END:
                return WHY_END;
        case LINE_GONE:
                return WHY_GONE;
        default:
                return WHY_TERM;
        }
}

static void print_prompt(struct plain *p);

/* Reads one line as typed. False at the end of input, on a terminating
 * signal, when the terminal is gone, after an idle timeout, or when the
 * learner confirms quitting after Ctrl-C; p->why says which. */
static bool get_raw(struct plain *p)
{
        for (;;) {
                enum line_status st;

                if (signals_stop != 0) {
                        p->why = WHY_TERM;
                        return false;
                }
                if (signals_interrupt == 0) {
                        st = next_line(p);
                        if (st == LINE_OK)
                                return true;
                        if (st != LINE_SIGNAL || signals_stop != 0) {
                                p->why = why_of(st);
                                return false;
                        }
                }
                signals_interrupt = 0;
                plain_blank(p);
                /* Every prompt says what may be typed: no bare "> ". */
                plain_emit(p, "Quit dlfl? Type y to quit, or press Enter to go on: ");
                fflush(p->out);
                st = next_line(p);
                if (st != LINE_OK) {
                        p->why = st == LINE_SIGNAL && signals_stop == 0 ? WHY_INT : why_of(st);
                        signals_interrupt = 0;
                        return false;
                }
                if (strcmp(p->line, "y") == 0 || strcmp(p->line, "Y") == 0 ||
                    strcmp(p->line, "yes") == 0) {
                        p->why = WHY_INT;
                        return false;
                }
                /* Going on: the interrupted prompt again, in full. */
                if (!isatty(STDIN_FILENO))
                        plain_blank(p);
                print_prompt(p);
        }
}

/* What the next prompt says may be typed ("Press Enter to go on"): every
 * prompt says it in words, once, on the prompt line itself. */
__attribute__((format(printf, 2, 3))) void plain_ask(struct plain *p, const char *fmt, ...)
{
        va_list ap;

        va_start(ap, fmt);
        vsnprintf(p->prompt, sizeof(p->prompt), fmt, ap);
        va_end(ap);
}

/* Prints the prompt and reads one line (without its newline). False at the
 * end of input (and the other ways out of get_raw). */
static void print_prompt(struct plain *p)
{
        struct text_lines tl = {0};

        /* Wrapped like every line, leaving room for ": " and a short answer. */
        text_wrap(p->prompt[0] != '\0' ? p->prompt : "Press Enter to go on", avail(p, "xxxx"), 0,
                  TEXT_PLAIN, &tl);
        for (size_t i = 0; i < tl.count; i++) {
                fwrite(tl.lines[i].text, 1, tl.lines[i].len, p->out);
                plain_emit(p, i + 1 < tl.count ? "\n" : ": ");
        }
        text_lines_free(&tl);
        fflush(p->out);
}

static bool read_line(struct plain *p)
{
        for (;;) {
                print_prompt(p);
                if (!get_raw(p)) {
                        plain_blank(p);
                        return false;
                }
                /* Typed input that is not echoed (a script, a pipe) would leave
                 * the next line run on after the prompt. */
                if (!isatty(STDIN_FILENO))
                        plain_blank(p);
                if (!line_unreadable(p->in))
                        return true;
                /* Never taken as an answer or a command: it costs nothing. */
                plain_say(p, "That line could not be read: it is not UTF-8 text, or holds "
                             "only control characters. Nothing was taken; type it again.");
        }
}

const char *plain_trimmed(char *s)
{
        size_t n;

        while (*s == ' ' || *s == '\t')
                s++;
        n = strlen(s);
        while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
                s[--n] = '\0';
        return s;
}

/* A one-letter command on its own, or 0. */
/* The commands every prompt takes, in one table read by plain_command
 * and the help, so the two cannot drift apart. */
static const struct {
        char key;
        const char *help, *kiosk_help;
        const struct plain_screen *opens; /* the screen the command goes to, if any */
} commands[] = {
    {'b', "back to the previous screen", NULL, NULL},
    {'t', "the contents of the module", NULL, &plain_contents_screen},
    {'m', "the module menu", NULL, NULL},
    {'h', "the next hint (before answering, or after a wrong answer)", NULL, NULL},
    {'?', "these commands", NULL, NULL},
    {'q', "save and quit", "save and log out", NULL},
};

int plain_command(const char *t)
{
        if (t[0] == '\0' || t[1] != '\0')
                return 0;
        for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
                if (t[0] == commands[i].key ||
                    (commands[i].key >= 'a' && t[0] == commands[i].key - 'a' + 'A'))
                        return commands[i].key;
        return 0;
}

/* ---- saving --------------------------------------------------------------- */

void plain_save(void *ctx)
{
        struct plain *p = ctx;
        const char *err = NULL;

        if (p->handle == NULL)
                return;
        if (!store_save(p->handle, &err)) {
                /* The store's message says it all ("Progress could not be
                 * saved: ..."), once until a save works again. */
                if (!p->save_failed)
                        plain_say(p, "%s", err != NULL ? err : "Your progress could not be saved.");
                p->save_failed = true;
        } else {
                p->save_failed = false;
        }
}

/* ---- shared pieces ---------------------------------------------------------- */

void plain_help(struct plain *p)
{
        plain_emit(p, "Commands, typed on their own line at any prompt:\n"
                      "  (empty line)  go on\n");
        for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
                fprintf(p->out, "  %c  %s\n", commands[i].key,
                        p->app->kiosk && commands[i].kiosk_help != NULL ? commands[i].kiosk_help
                                                                        : commands[i].help);
}

void plain_refuse(struct plain *p)
{
        plain_say(p, "%s, or type ? for the commands.",
                  p->prompt[0] != '\0' ? p->prompt : "Press Enter to go on");
}

static void give_hint(struct plain *p, struct session *s)
{
        const char *h = session_hint(s, time(NULL));

        if (h != NULL) {
                plain_md(p, "Hint: ", h);
                p->hints_said++;
        } else {
                plain_say(p, "%s", present_no_hint(s));
        }
}

enum flow plain_common(struct plain *p, struct session *s, int cmd, bool *handled)
{
        *handled = true;
        for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
                if (cmd != 0 && cmd == commands[i].key && commands[i].opens != NULL)
                        return plain_go(p, commands[i].opens);
        switch (cmd) {
        case 'b':
                if (session_back(s, time(NULL)))
                        return FLOW_SHOW;
                plain_say(p, "%s", PRESENT_FIRST_SCREEN);
                return FLOW_STAY;
        case 'm':
                return FLOW_MENU;
        case 'h':
                give_hint(p, s);
                return FLOW_STAY;
        case '?':
                plain_help(p);
                return FLOW_STAY;
        case 'q':
                return FLOW_QUIT;
        default:
                *handled = false;
                return FLOW_STAY;
        }
}

static void header(struct plain *p, struct session *s)
{
        struct present_position at;

        present_position(session_module(s), session_position(s), &at);
        plain_blank(p);
        if (at.section != NULL)
                plain_say(p, "%s / %s / %s", at.module, at.section, at.where);
        else
                plain_say(p, "%s / %s", at.module, at.where);
}

/* Cuts s to at most max bytes on a character boundary; true when it did. */
bool plain_cut_to(char *s, size_t max)
{
        size_t n = strlen(s);

        if (n <= max)
                return false;
        while (max > 0 && ((unsigned char)s[max] & 0xc0) == 0x80)
                max--;
        s[max] = '\0';
        return true;
}

/* A reflection: lines up to one holding only ".", kept in one growing
 * buffer (a paste of any length costs its length) up to
 * RECORD_MAX_REFLECTION bytes; the learner is told when the rest is not
 * kept. */
char *plain_read_lines(struct plain *p, const char *first, bool *eof)
{
        size_t len = strlen(first), cap = len + 256;
        char *text = xmalloc(cap);
        bool full = false;

        memcpy(text, first, len + 1);
        *eof = false;
        if (strcmp(plain_trimmed(p->line), ".") == 0) {
                text[0] = '\0';
                return text;
        }
        full = plain_cut_to(text, RECORD_MAX_REFLECTION);
        len = strlen(text);
        for (;;) {
                size_t n;

                fflush(p->out);
                if (!get_raw(p)) {
                        *eof = true;
                        break;
                }
                if (strcmp(p->line, ".") == 0)
                        break;
                n = strlen(p->line);
                if (full || len + 1 + n > RECORD_MAX_REFLECTION) {
                        full = true;
                        continue;
                }
                if (len + n + 2 > cap) {
                        while (len + n + 2 > cap)
                                cap *= 2;
                        text = xrealloc(text, cap);
                }
                text[len++] = '\n';
                memcpy(text + len, p->line, n + 1);
                len += n;
        }
        if (full) {
                char said[96];

                present_too_long(true, said, sizeof said);
                plain_say(p, "%s", said);
        }
        return text;
}

/* ---- the loop -------------------------------------------------------------- */

/* A module's screens, by screen type; its summary is plain_summary_screen
 * (the TUI has the same table in tui.c). */
static const struct plain_screen *const content_screens[] = {
    [SCREEN_LESSON] = &plain_lesson_screen,
    [SCREEN_QUESTION] = &plain_question_screen,
    [SCREEN_CASE_STUDY] = &plain_case_screen,
};

enum flow plain_go(struct plain *p, const struct plain_screen *to)
{
        p->next = to;
        p->next_quiet = false;
        return FLOW_SHOW;
}

enum flow plain_back(struct plain *p)
{
        if (p->from == NULL)
                return FLOW_STAY;
        p->next = p->from;
        p->next_quiet = true;
        return FLOW_STAY;
}

void *plain_state(const struct plain *p)
{
        return p->state;
}

enum flow plain_position(struct plain *p)
{
        const struct screen *sc;

        if (!p->arrived) {
                session_arrive(p->sess, time(NULL));
                p->arrived = true;
        }
        sc = session_screen(p->sess);
        return plain_go(p, sc == NULL ? &plain_summary_screen : content_screens[sc->type]);
}

enum flow plain_open_module(struct plain *p, const struct module *m, bool resume)
{
        p->sess = session_open(m, p->rec, p->name, time(NULL));
        p->arrived = false;
        session_set_save_hook(p->sess, plain_save, p);
        plain_save(p);
        if (!resume)
                return plain_go(p, &plain_intro_screen);
        if (session_module_changed(p->sess))
                plain_say(p, "%s", PRESENT_MODULE_CHANGED);
        return plain_position(p);
}

static void close_module(struct plain *p)
{
        if (p->sess != NULL)
                session_close(&p->sess, time(NULL));
        p->sess = NULL;
}

static enum flow to_picker(struct plain *p)
{
        p->why = WHY_Q;
        p->cli = false;
        return plain_go(p, &plain_picker_screen);
}

enum flow plain_logout(struct plain *p)
{
        close_module(p);
        plain_close_learner(p);
        /* With -l there is no picker to go back to. */
        return p->cli ? FLOW_EXIT : to_picker(p);
}

/* A screen's state is freed once nothing can come back to it: after the
 * screen after it is left too (plain_back returns to it as it was). */
static void free_state(struct plain *p, const struct plain_screen *sc, void *state)
{
        void *keep = p->state;

        if (sc != NULL && sc->leave != NULL) {
                p->state = state;
                sc->leave(p);
                p->state = keep;
        }
        free(state);
}

static void switch_screen(struct plain *p)
{
        const struct plain_screen *to = p->next;

        p->next = NULL;
        if (p->next_quiet) {
                free_state(p, p->screen, p->state);
                p->screen = to;
                p->state = p->from_state;
                memcpy(p->prompt, p->from_prompt, sizeof p->prompt);
                p->from = NULL;
                p->from_state = NULL;
                return;
        }
        free_state(p, p->from, p->from_state);
        p->from = p->screen;
        p->from_state = p->state;
        memcpy(p->from_prompt, p->prompt, sizeof p->prompt);
        p->screen = to;
        p->state = to->state_size > 0 ? xcalloc(1, to->state_size) : NULL;
}

static void show_screen(struct plain *p)
{
        const struct plain_screen *ops = p->screen;
        const struct screen *sc = ops->module ? session_screen(p->sess) : NULL;

        plain_ask(p, "Press Enter to go on");
        if (ops->module) {
                p->answered_here = false;
                p->hints_said = 0;
                if (sc != NULL)
                        header(p, p->sess);
        }
        ops->show(p, p->sess, sc);
}

/* On a module's screen an empty line goes on and the shared commands work
 * before the screen sees the line. */
static enum flow module_line(struct plain *p, const char *t)
{
        struct session *s = p->sess;
        const struct screen *sc = session_screen(s);
        bool handled;
        enum flow f;

        if (t[0] == '\0') {
                if (sc == NULL)
                        return FLOW_NEXT;
                const char *note = present_going_on(s);

                if (note != NULL)
                        plain_say(p, "%s", note);
                session_next(s, time(NULL));
                return FLOW_SHOW;
        }
        f = plain_common(p, s, plain_command(t), &handled);
        if (handled)
                return f;
        return p->screen->line(p, s, t);
}

/* Leaving: on a public terminal, or after the idle timeout, the learner
 * is logged out and the picker comes back; else the program ends. */
static enum flow quit(struct plain *p)
{
        bool had = p->rec != NULL;

        close_module(p);
        if (had)
                plain_close_learner(p);
        if (had && p->why == WHY_IDLE) {
                scroll_away(p);
                plain_say(p, "%s", PRESENT_IDLE_LOGGED_OUT);
                return to_picker(p);
        }
        if (p->app->kiosk && (p->why == WHY_Q || p->why == WHY_EOF)) {
                /* In kiosk mode q and Ctrl-D at the picker do nothing: only a
                 * signal or a terminal gone ends the program. */
                if (had) {
                        scroll_away(p);
                        plain_say(p, "%s", PRESENT_LOGGED_OUT);
                }
                return to_picker(p);
        }
        return FLOW_EXIT;
}

static enum flow then(struct plain *p, enum flow f)
{
        switch (f) {
        case FLOW_MENU:
                close_module(p);
                return plain_go(p, &plain_menu_screen);
        case FLOW_NEXT: {
                const struct module *next = plain_next_module(p, session_module(p->sess));

                close_module(p);
                /* The summary's way on is the next module's intro. */
                return next != NULL ? plain_open_module(p, next, false)
                                    : plain_go(p, &plain_menu_screen);
        }
        case FLOW_QUIT:
                return quit(p);
        default:
                return f;
        }
}

/* The one loop: shows the current screen when it is new (or asked to be
 * shown again), reads a line and hands it to the screen. */
static void run_screens(struct plain *p, enum flow f)
{
        while (f != FLOW_EXIT) {
                const struct plain_screen *ops;
                bool got;

                if (f == FLOW_SHOW && p->next == NULL && p->screen->module)
                        plain_position(p);
                if (p->next != NULL)
                        switch_screen(p);
                ops = p->screen;
                if (f == FLOW_SHOW)
                        show_screen(p);
                if (ops->secret)
                        line_echo(p->in, false);
                got = read_line(p);
                if (ops->secret)
                        line_echo(p->in, true);
                if (!got)
                        f = ops->end != NULL ? ops->end(p) : FLOW_QUIT;
                else if (ops->secret)
                        f = ops->line(p, p->sess, p->line);
                else if (ops->module)
                        f = module_line(p, plain_trimmed(p->line));
                else
                        f = ops->line(p, p->sess, plain_trimmed(p->line));
                if (ops->secret && p->line != NULL)
                        passphrase_wipe(p->line, strlen(p->line));
                f = then(p, f);
        }
}

static int columns(void)
{
        const char *c = getenv("COLUMNS");
        long v;
        char *end;

        if (c == NULL || *c == '\0')
                return 80;
        errno = 0;
        v = strtol(c, &end, 10);
        if (errno != 0 || *end != '\0' || v <= 0)
                return 80;
        if (v < 20)
                return 20;
        return v > 1000 ? 1000 : (int)v;
}

int plain_run(struct app *app)
{
        struct plain p = {.app = app, .out = stdout, .width = columns()};
        const char *err = NULL;
        int status = 0;

        if (app->catalog.count == 0) {
                fputs("dlfl: no modules to show\n", stderr);
                return 1;
        }
        p.store = store_open(app->data_dir, &err);
        if (p.store == NULL) {
                fprintf(stderr, "dlfl: %s\n", err != NULL ? err : "no data directory");
                return 1;
        }
        p.idle = app->idle_timeout > 0 ? app->idle_timeout : 0;
        if (app->kiosk && app->idle_timeout < 0)
                p.idle = 600;
        signals_install(app->kiosk);
        p.in = line_reader_new(STDIN_FILENO);
        p.why = WHY_Q;
        p.cli = app->learner != NULL;
        run_screens(&p, p.cli ? plain_login(&p, app->learner) : plain_go(&p, &plain_picker_screen));
        close_module(&p);
        plain_close_learner(&p);
        free_state(&p, p.from, p.from_state);
        free_state(&p, p.screen, p.state);
        status = p.status;
        store_close(&p.store);
        line_reader_free(&p.in);
        free(p.line);
        /* The learner was told on screen; the exit status tells a script. */
        if (p.save_failed)
                status = 1;
        /* A closed output (SIGPIPE) is how a reader says it has had enough. */
        if ((fflush(stdout) != 0 || ferror(stdout)) && signals_stop != SIGPIPE) {
                fprintf(stderr, "dlfl: cannot write the output: %s\n", strerror(errno));
                status = 1;
        }
        return status;
}
