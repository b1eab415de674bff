/* The plain line mode: linear text, numbered lists, answers typed as lines
 * (product.md, "Plain line mode protocol"). For screen readers, dumb
 * terminals and scripts. It drives the same session as the ncurses player;
 * everything from a module passes through text.h, so no escape sequence
 * or raw control character ever reaches the output. */
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
        char *pending;      /* an answer typed on a settled screen, for the next one */
        bool answered_here; /* the current screen was answered since it was shown */
        bool save_failed;
        bool cli;         /* the learner came from -l: failures go to stderr */
        long idle;        /* seconds before an idle learner is logged out; 0 = never */
        enum why why;     /* why the last read ended the run */
        char prompt[256]; /* what may be typed at the next prompt, in words */
};

/* ---- output --------------------------------------------------------------- */

static void emit(struct plain *p, const char *s)
{
        fputs(s, p->out);
}

static void blank(struct plain *p)
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
                                blank(p);
                        if (!started)
                                emit(p, first);
                        else
                                fprintf(p->out, "%*s", (int)plen, "");
                        fwrite(s, 1, len, p->out);
                        blank(p);
                        started = true;
                }
                s += len + (nl != NULL);
        }
        if (!started && plen > 0) {
                emit(p, first);
                blank(p);
        }
}

static int avail(const struct plain *p, const char *prefix)
{
        int w = p->width - (int)strlen(prefix);

        return w < 10 ? 10 : w;
}

/* Module Markdown, after a prefix such as "3. ". */
static void md(struct plain *p, const char *prefix, const char *text)
{
        char *r;

        if (text == NULL)
                return;
        r = text_render_plain(text, avail(p, prefix));
        emit_block(p, prefix, r);
        free(r);
}

/* Plain text (ours, possibly holding module titles), wrapped. */
static void wrapped(struct plain *p, const char *prefix, const char *text)
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

__attribute__((format(printf, 2, 3))) static void say(struct plain *p, const char *fmt, ...)
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
        wrapped(p, "", s);
        if (s != small)
                free(s);
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
                blank(p);
                say(p, "Quit dlfl? Type y to quit, or press Enter to go on.");
                emit(p, "> ");
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
                emit(p, "> ");
                fflush(p->out);
        }
}

/* What the next prompt says may be typed ("Press Enter to go on"): every
 * prompt says it in words, once, on the prompt line itself. */
__attribute__((format(printf, 2, 3))) static void ask(struct plain *p, const char *fmt, ...)
{
        va_list ap;

        va_start(ap, fmt);
        vsnprintf(p->prompt, sizeof(p->prompt), fmt, ap);
        va_end(ap);
}

/* Prints the prompt and reads one line (without its newline). False at the
 * end of input (and the other ways out of get_raw). */
static bool read_line(struct plain *p)
{
        struct text_lines tl = {0};

        /* Wrapped like every line, leaving room for ": " and a short answer. */
        text_wrap(p->prompt[0] != '\0' ? p->prompt : "Press Enter to go on", avail(p, "xxxx"), 0,
                  TEXT_PLAIN, &tl);
        for (size_t i = 0; i < tl.count; i++) {
                fwrite(tl.lines[i].text, 1, tl.lines[i].len, p->out);
                emit(p, i + 1 < tl.count ? "\n" : ": ");
        }
        text_lines_free(&tl);
        fflush(p->out);
        if (p->pending != NULL) {
                free(p->line);
                p->line = p->pending;
                p->cap = strlen(p->line) + 1;
                p->pending = NULL;
                blank(p);
                return true;
        }
        if (!get_raw(p)) {
                blank(p);
                return false;
        }
        /* Typed input that is not echoed (a script, a pipe) would leave the
         * next line run on after the prompt. */
        if (!isatty(STDIN_FILENO))
                blank(p);
        return true;
}

static const char *trimmed(char *s)
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
static int command_of(const char *t)
{
        if (t[0] != '\0' && t[1] == '\0' && strchr("btmhq?", t[0]) != NULL)
                return t[0];
        if (t[0] != '\0' && t[1] == '\0' && strchr("BTMHQ", t[0]) != NULL)
                return t[0] - 'A' + 'a';
        return 0;
}

/* "2", "1 3", "3,1,2": 0-based picks (0 or too big stays out of range for
 * the session to refuse). Returns the count, or -1 when a word is not a
 * number. */
static long parse_picks(const char *t, size_t *out, size_t max)
{
        long n = 0;

        while (*t != '\0') {
                char *end;
                unsigned long v;

                if (*t == ' ' || *t == ',' || *t == '\t') {
                        t++;
                        continue;
                }
                if (*t < '0' || *t > '9')
                        return -1;
                errno = 0;
                v = strtoul(t, &end, 10);
                if (errno != 0 || (*end != '\0' && *end != ' ' && *end != ',' && *end != '\t'))
                        return -1;
                if ((size_t)n >= max)
                        return -1;
                out[n++] = v == 0 || v > 1000 ? (size_t)-1 : (size_t)v - 1;
                t = end;
        }
        return n;
}

/* Match answers: "2 1 3", or lettered pairs "A2 B1 C3" in any order (and
 * "a2,b1,c3"). 0-based picks for each left item in turn, or -1. */
static long parse_match(const char *t, size_t *out, size_t max)
{
        size_t n = 0;
        bool given[64] = {false};

        while (*t == ' ' || *t == '\t')
                t++;
        if ((*t | 0x20) < 'a' || (*t | 0x20) > 'z')
                return parse_picks(t, out, max);
        while (*t != '\0') {
                size_t k;
                char *end;
                unsigned long v;

                if (*t == ' ' || *t == ',' || *t == '\t') {
                        t++;
                        continue;
                }
                if ((*t | 0x20) < 'a' || (*t | 0x20) > 'z')
                        return -1;
                k = (size_t)((*t | 0x20) - 'a');
                t++;
                while (*t == ' ' || *t == ':' || *t == '=' || *t == '-')
                        t++;
                if (*t < '0' || *t > '9' || k >= max || k >= 64 || given[k])
                        return -1;
                errno = 0;
                v = strtoul(t, &end, 10);
                if (errno != 0)
                        return -1;
                out[k] = v == 0 || v > 1000 ? (size_t)-1 : (size_t)v - 1;
                given[k] = true;
                if (k + 1 > n)
                        n = k + 1;
                t = end;
        }
        for (size_t i = 0; i < n; i++)
                if (!given[i])
                        return -1;
        return (long)n;
}

static long parse_number(const char *t)
{
        char *end;
        long v;

        if (*t < '0' || *t > '9')
                return -1;
        errno = 0;
        v = strtol(t, &end, 10);
        return errno != 0 || *end != '\0' ? -1 : v;
}

/* ---- saving --------------------------------------------------------------- */

static void save(void *ctx)
{
        struct plain *p = ctx;
        const char *err = NULL;

        if (p->handle == NULL)
                return;
        if (!store_save(p->handle, &err)) {
                /* The store's message says it all ("Progress could not be
                 * saved: ..."), once until a save works again. */
                if (!p->save_failed)
                        say(p, "%s", err != NULL ? err : "Your progress could not be saved.");
                p->save_failed = true;
        } else {
                p->save_failed = false;
        }
}

/* ---- shared pieces ---------------------------------------------------------- */

static void help(struct plain *p)
{
        emit(p, "Commands, typed on their own line at any prompt:\n"
                "  (empty line)  go on\n"
                "  b  back to the previous screen\n"
                "  t  the contents of the module\n"
                "  m  the module menu\n"
                "  h  a hint (after a wrong answer)\n"
                "  ?  these commands\n");
        emit(p, p->app->kiosk ? "  q  save and log out\n" : "  q  save and quit\n");
}

static char *first_line(struct plain *p, const char *text, int width)
{
        char *r = text_render_plain(text != NULL ? text : "", width > 10 ? width : 10);
        char *s = r, *nl, *out;
        bool more;

        while (*s == '\n')
                s++;
        nl = strchr(s, '\n');
        more = nl != NULL && nl[1] != '\0';
        out = nl != NULL ? xstrndup(s, (size_t)(nl - s)) : xstrdup(s);
        if (more) {
                char *t = xasprintf("%s ...", out);

                free(out);
                out = t;
        }
        free(r);
        (void)p;
        return out;
}

static char *screen_label(struct plain *p, const struct screen *sc)
{
        if (sc->type == SCREEN_QUESTION) {
                char *f = first_line(p, sc->prompt, p->width - 30);
                char *s = xasprintf("%s: %s", present_screen_kind(sc), f);

                free(f);
                return s;
        }
        return xstrdup(sc->title != NULL ? sc->title : sc->id);
}

static const char *state_label(const struct screen_state *st)
{
        if (st->complete)
                return " (done)";
        if (st->seen)
                return " (seen)";
        return "";
}

/* The contents: every screen numbered, under its section. A number typed
 * goes there; an empty line stays. */
static enum flow contents(struct plain *p, struct session *s)
{
        const struct module *m = session_module(s);

        blank(p);
        say(p, "Contents of %s:", m->title);
        for (size_t i = 0; i < m->nsections; i++) {
                const struct section *sec = &m->sections[i];

                wrapped(p, "", sec->title);
                for (size_t j = sec->first; j < sec->first + sec->count; j++) {
                        char *label = screen_label(p, &m->screens[j]);
                        char *prefix = xasprintf("  %zu. ", j + 1);
                        char *line = xasprintf("%s%s%s", label, state_label(session_state_at(s, j)),
                                               j == session_position(s) ? " (you are here)" : "");

                        wrapped(p, prefix, line);
                        free(line);
                        free(prefix);
                        free(label);
                }
        }
        {
                char *prefix = xasprintf("  %zu. ", m->nscreens + 1);

                wrapped(p, prefix, session_on_summary(s) ? "Summary (you are here)" : "Summary");
                free(prefix);
        }
        ask(p, "Type a screen's number to go there, or press Enter to stay");
        for (;;) {
                const char *t;
                long v;

                if (!read_line(p))
                        return FLOW_QUIT;
                t = trimmed(p->line);
                if (t[0] == '\0')
                        return FLOW_SHOW;
                if (command_of(t) == 'q')
                        return FLOW_QUIT;
                if (command_of(t) == 'm')
                        return FLOW_MENU;
                v = parse_number(t);
                if (v >= 1 && (size_t)v <= m->nscreens + 1) {
                        session_go(s, (size_t)v - 1, time(NULL));
                        return FLOW_SHOW;
                }
                say(p, "Type a number from 1 to %zu, or press Enter to stay.", m->nscreens + 1);
        }
}

static void give_hint(struct plain *p, struct session *s)
{
        const struct screen *sc = session_screen(s);
        const char *h;

        if (sc == NULL || sc->type != SCREEN_QUESTION || sc->nhints == 0) {
                say(p, "There is no hint here.");
                return;
        }
        h = session_hint(s, time(NULL));
        if (h != NULL) {
                md(p, "Hint: ", h);
        } else if (session_state(s)->settled) {
                say(p, "This question is settled; there are no more hints.");
        } else if ((size_t)session_state(s)->hints_used >= sc->nhints) {
                say(p, "There are no more hints.");
        } else {
                say(p, "A hint is offered after a wrong answer.");
        }
}

/* The commands every screen shares. 0 when t is not one of them. */
static enum flow common(struct plain *p, struct session *s, int cmd, bool *handled)
{
        *handled = true;
        switch (cmd) {
        case 'b':
                if (session_back(s, time(NULL)))
                        return FLOW_SHOW;
                say(p, "This is the first screen.");
                return FLOW_STAY;
        case 't':
                return contents(p, s);
        case 'm':
                return FLOW_MENU;
        case 'h':
                give_hint(p, s);
                return FLOW_STAY;
        case '?':
                help(p);
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
        const struct module *m = session_module(s);
        const struct section *sec = session_section(s);

        blank(p);
        say(p, "%s / %s / screen %zu of %zu", m->title, sec != NULL ? sec->title : "",
            session_position(s) + 1, session_count(s));
}

/* ---- lessons ------------------------------------------------------------------ */

static void show_lesson(struct plain *p, const struct screen *sc)
{
        wrapped(p, "", sc->title);
        blank(p);
        md(p, "", sc->body);
}

/* ---- questions ---------------------------------------------------------------- */

static const char *const tf_labels[2] = {"True", "False"};

static void show_options(struct plain *p, struct session *s, const struct screen *sc)
{
        size_t n;
        const size_t *order = session_shown_order(s, &n);

        for (size_t i = 0; i < n; i++) {
                char *prefix = xasprintf("%zu. ", i + 1);

                switch (sc->kind) {
                case KIND_SINGLE:
                case KIND_MULTIPLE:
                        md(p, prefix, sc->choices[order[i]].text);
                        break;
                case KIND_TRUE_FALSE:
                        wrapped(p, prefix, tf_labels[i]);
                        break;
                case KIND_ORDER:
                        md(p, prefix, sc->items[order[i]]);
                        break;
                case KIND_RATING:
                        md(p, prefix, sc->scale[order[i]]);
                        break;
                default:
                        break;
                }
                free(prefix);
        }
}

/* Match: the left items lettered A, B, C, the right ones numbered, as in
 * the TUI; answered "2 1 3" or "A2 B1 C3". */
static void show_match(struct plain *p, struct session *s, const struct screen *sc)
{
        size_t n;
        const size_t *order = session_shown_order(s, &n);

        say(p, "Items:");
        for (size_t i = 0; i < sc->npairs; i++) {
                char prefix[8];

                snprintf(prefix, sizeof prefix, "%c. ", (char)('A' + (i < 26 ? i : 25)));
                md(p, prefix, sc->pairs[i].left);
        }
        say(p, "Matches:");
        for (size_t i = 0; i < n; i++) {
                char *prefix = xasprintf("%zu. ", i + 1);

                md(p, prefix, sc->pairs[order[i]].right);
                free(prefix);
        }
}

/* What may be typed to answer, as the prompt says it. */
static void instructions(struct plain *p, const struct screen *sc, size_t n)
{
        switch (sc->kind) {
        case KIND_SINGLE:
                ask(p, "Type the number of your answer");
                break;
        case KIND_MULTIPLE:
                ask(p, "Type the numbers of every right answer, separated by spaces or commas");
                break;
        case KIND_TRUE_FALSE:
                ask(p, "Type 1 for True or 2 for False");
                break;
        case KIND_TEXT:
                ask(p, "Type your answer");
                break;
        case KIND_ORDER:
                ask(p,
                    "Type the numbers of these %zu items in the right order, separated by spaces",
                    n);
                break;
        case KIND_MATCH:
                ask(p, "For A, B, C... in turn, type the number of its match (2 1 3, or A2 B1 C3)");
                break;
        case KIND_NUMERIC:
                ask(p, "Type a number");
                break;
        case KIND_REFLECTION:
                ask(p, "Write your answer: as many lines as you like, then a line holding only a "
                       "full stop (.)");
                break;
        case KIND_RATING:
                ask(p, "Type the number of your level");
                break;
        default:
                break;
        }
}

/* The parts the presentation layer decided, in its order. */
static void say_parts(struct plain *p, const struct present_parts *pp)
{
        for (size_t i = 0; i < pp->n; i++) {
                const struct present_part *pt = &pp->v[i];

                if (pt->markdown)
                        md(p, pt->label != NULL ? pt->label : "", pt->text);
                else
                        wrapped(p, pt->label != NULL ? pt->label : "", pt->text);
        }
}

static void say_answer(struct plain *p, struct session *s)
{
        struct present_parts pp;

        present_answer(s, "h", &pp);
        say_parts(p, &pp);
        present_parts_free(&pp);
}

/* The prompt once the question is as it stands now. */
static void question_prompt(struct plain *p, struct session *s, const struct screen *sc)
{
        const struct screen_state *st = session_state(s);
        size_t n = 0;

        session_shown_order(s, &n);
        if (st->settled || (!model_kind_is_checked(sc->kind) && st->complete))
                ask(p, "Press Enter to go on");
        else
                instructions(p, sc, n);
}

/* What the learner answered last, in words, for a screen shown again. */
static void show_given(struct plain *p, struct session *s, const struct screen *sc)
{
        const struct screen_state *st = session_state(s);
        size_t picks[64], n;

        if (st->attempts == 0)
                return;
        switch (sc->kind) {
        case KIND_TEXT:
        case KIND_NUMERIC:
                if (st->response != NULL)
                        wrapped(p, "Your answer: ", st->response);
                break;
        case KIND_REFLECTION:
                if (st->text != NULL)
                        wrapped(p, "Your answer: ", st->text);
                break;
        case KIND_RATING:
                break;
        default: {
                char buf[64 * 8] = "";
                size_t len = 0;

                n = session_last_picks(s, picks, 64);
                for (size_t i = 0; i < n && len < sizeof(buf); i++) {
                        if (sc->kind == KIND_MATCH)
                                len += (size_t)snprintf(
                                    buf + len, sizeof(buf) - len, "%s%c%zu", i ? " " : "",
                                    (char)('A' + (i < 26 ? i : 25)), picks[i] + 1);
                        else
                                len += (size_t)snprintf(buf + len, sizeof(buf) - len, "%s%zu",
                                                        i ? " " : "", picks[i] + 1);
                }
                if (n > 0)
                        say(p, "Your answer: %s", buf);
                break;
        }
        }
}

static void show_question(struct plain *p, struct session *s, const struct screen *sc)
{
        const struct screen_state *st = session_state(s);

        if (sc->points <= 0 && model_kind_is_checked(sc->kind))
                say(p, "Practice question (not scored)");
        md(p, "", sc->prompt);
        blank(p);
        if (sc->kind == KIND_MATCH)
                show_match(p, s, sc);
        else
                show_options(p, s, sc);
        if (st->attempts > 0) {
                blank(p);
                show_given(p, s, sc);
                say_answer(p, s);
        } else if (st->draft != NULL) {
                blank(p);
                wrapped(p, "Your draft, not yet submitted: ", st->draft);
        }
        question_prompt(p, s, sc);
}

static void after_answer(struct plain *p, struct session *s, enum answer_result r)
{
        const struct screen *sc = session_screen(s);

        switch (r) {
        case ANSWER_INVALID:
                say(p, "%s", session_problem(s));
                return;
        case ANSWER_ALREADY:
                say(p, "You have already answered this question.");
                ask(p, "Press Enter to go on");
                return;
        case ANSWER_RECORDED:
        case ANSWER_RIGHT:
        case ANSWER_SETTLED_WRONG:
                p->answered_here = true;
                /* fall through */
        case ANSWER_WRONG:
                say_answer(p, s);
                question_prompt(p, s, sc);
                return;
        }
}

/* Reads the rest of a multi-line answer up to a line holding only ".". */
static char *read_lines(struct plain *p, const char *first, bool *eof)
{
        char *text = xstrdup(first);

        *eof = false;
        if (strcmp(trimmed(p->line), ".") == 0) {
                free(text);
                return xstrdup("");
        }
        for (;;) {
                char *t;

                fflush(p->out);
                if (!get_raw(p)) {
                        *eof = true;
                        return text;
                }
                if (strcmp(p->line, ".") == 0)
                        return text;
                t = xasprintf("%s\n%s", text, p->line);
                free(text);
                text = t;
        }
}

static enum flow question_line(struct plain *p, struct session *s, const char *t)
{
        const struct screen *sc = session_screen(s);
        const struct screen_state *st = session_state(s);
        size_t picks[64];
        long n;
        enum answer_result r;

        /* A line typed once this visit settled the question belongs to the
         * next screen: scripts may leave out the empty line. */
        if (p->answered_here && (st->settled || !model_kind_is_checked(sc->kind))) {
                p->pending = xstrdup(t);
                session_next(s, time(NULL));
                return FLOW_SHOW;
        }
        switch (sc->kind) {
        case KIND_TEXT:
        case KIND_NUMERIC:
                r = session_answer_text(s, t, time(NULL));
                break;
        case KIND_REFLECTION: {
                bool eof;
                char *text = read_lines(p, t, &eof);

                if (eof) {
                        /* Not ended with ".": kept as a draft, never lost. */
                        session_set_draft(s, text, time(NULL));
                        free(text);
                        return FLOW_QUIT;
                }
                r = session_answer_text(s, text, time(NULL));
                free(text);
                after_answer(p, s, r);
                return FLOW_STAY;
        }
        case KIND_MATCH:
                n = parse_match(t, picks, 64);
                if (n < 0) {
                        say(p, "Type the number of each item's match in turn, such as 2 1 3 or "
                               "A2 B1 C3.");
                        return FLOW_STAY;
                }
                r = session_answer_picks(s, picks, (size_t)n, time(NULL));
                break;
        case KIND_TRUE_FALSE:
                if (strcasecmp(t, "true") == 0 || strcasecmp(t, "false") == 0) {
                        picks[0] = strcasecmp(t, "true") == 0 ? 0 : 1;
                        r = session_answer_picks(s, picks, 1, time(NULL));
                        break;
                }
                /* fall through */
        default:
                n = parse_picks(t, picks, 64);
                if (n < 0) {
                        say(p, "Type %s, or ? for the commands.",
                            sc->kind == KIND_MULTIPLE || sc->kind == KIND_ORDER ||
                                    sc->kind == KIND_MATCH
                                ? "numbers"
                                : "a number");
                        return FLOW_STAY;
                }
                r = session_answer_picks(s, picks, (size_t)n, time(NULL));
                break;
        }
        after_answer(p, s, r);
        return FLOW_STAY;
}

/* ---- case studies ------------------------------------------------------------- */

static void show_step(struct plain *p, struct session *s)
{
        const struct step *step = session_case_step(s);
        const struct screen *sc = session_screen(s);
        const struct screen_state *st = session_state(s);

        if (step == NULL)
                return;
        blank(p);
        md(p, "", step->text);
        if (step->ending != ENDING_NONE) {
                blank(p);
                say(p, "Ending: %s. This case study is complete.", model_ending_name(step->ending));
                if (sc->reflection != NULL) {
                        blank(p);
                        md(p, "Reflection: ", sc->reflection);
                        if (st->text != NULL) {
                                wrapped(p, "Your reflection: ", st->text);
                        } else {
                                if (st->draft != NULL)
                                        wrapped(p, "Your draft, not yet saved: ", st->draft);
                                ask(p, "Write as many lines as you like, then a line holding "
                                       "only a full stop (.); or press Enter to go on without "
                                       "writing");
                                return;
                        }
                }
                ask(p, "Press Enter to go on, or type r to walk through the case again");
                return;
        }
        blank(p);
        for (size_t i = 0; i < step->nchoices; i++) {
                char *prefix = xasprintf("%zu. ", i + 1);

                md(p, prefix, step->choices[i].text);
                free(prefix);
        }
        ask(p, "Type the number of your choice");
}

static void show_case(struct plain *p, struct session *s, const struct screen *sc)
{
        wrapped(p, "", sc->title);
        blank(p);
        md(p, "", sc->body);
        if (sc->nsteps == 0) {
                if (sc->reflection != NULL) {
                        blank(p);
                        md(p, "Reflection: ", sc->reflection);
                        if (session_state(s)->text != NULL) {
                                wrapped(p, "Your reflection: ", session_state(s)->text);
                        } else {
                                if (session_state(s)->draft != NULL)
                                        wrapped(p, "Your draft, not yet saved: ",
                                                session_state(s)->draft);
                                ask(p, "Write as many lines as you like, then a line holding "
                                       "only a full stop (.); or press Enter to go on without "
                                       "writing");
                                return;
                        }
                }
                ask(p, "Press Enter to go on");
                return;
        }
        session_case_begin(s, time(NULL));
        show_step(p, s);
}

/* A case study's reflection: saved when ended with ".", kept as a draft
 * when the input ends first. */
static enum flow case_reflect(struct plain *p, struct session *s, const char *t)
{
        bool eof;
        char *text = read_lines(p, t, &eof);

        if (eof) {
                session_set_draft(s, text, time(NULL));
                free(text);
                return FLOW_QUIT;
        }
        session_case_reflect(s, text, time(NULL));
        free(text);
        if (session_state(s)->text != NULL) {
                session_set_draft(s, NULL, time(NULL));
                say(p, "Saved.");
                p->answered_here = true;
        }
        ask(p, "Press Enter to go on");
        return FLOW_STAY;
}

static enum flow case_line(struct plain *p, struct session *s, const char *t)
{
        const struct step *step = session_case_step(s);
        const struct screen *sc = session_screen(s);
        long v;

        if (step != NULL && step->ending != ENDING_NONE) {
                if (strcmp(t, "r") == 0 || strcmp(t, "R") == 0) {
                        session_case_restart(s, time(NULL));
                        show_step(p, s);
                        return FLOW_STAY;
                }
                if (p->answered_here && !session_case_needs_reflection(s)) {
                        /* As on a settled question: the line is for the next screen. */
                        p->pending = xstrdup(t);
                        session_next(s, time(NULL));
                        return FLOW_SHOW;
                }
                if (sc->reflection != NULL && session_state(s)->text == NULL)
                        return case_reflect(p, s, t);
                say(p, "Type r to walk through the case again, or press Enter to go on.");
                return FLOW_STAY;
        }
        if (step == NULL && session_case_needs_reflection(s))
                return case_reflect(p, s, t);
        if (step == NULL) {
                if (p->answered_here) {
                        p->pending = xstrdup(t);
                        session_next(s, time(NULL));
                        return FLOW_SHOW;
                }
                say(p, "There is nothing to answer here.");
                return FLOW_STAY;
        }
        v = parse_number(t);
        if (v < 1 || (size_t)v > step->nchoices) {
                say(p, "Type a number from 1 to %zu.", step->nchoices);
                return FLOW_STAY;
        }
        {
                const char *fb = session_case_choose(s, (size_t)v - 1, time(NULL));
                const struct step *now_at;

                now_at = session_case_step(s);
                if (now_at != NULL && now_at->ending != ENDING_NONE)
                        p->answered_here = true;

                if (fb != NULL) {
                        blank(p);
                        md(p, "", fb);
                }
        }
        show_step(p, s);
        return FLOW_STAY;
}

/* ---- the summary ------------------------------------------------------------- */

static const struct module *next_module(struct plain *p, const struct module *m)
{
        const struct catalog *c = &p->app->catalog;

        for (size_t i = 0; i + 1 < c->count; i++)
                if (c->modules[i] == m)
                        return c->modules[i + 1];
        return NULL;
}

static void show_summary(struct plain *p, struct session *s)
{
        const struct module *m = session_module(s);
        const struct module *next = next_module(p, m);
        struct summary sum;
        struct present_summary ps;
        bool again;

        session_summary(s, &sum);
        present_summary(&sum, &ps);
        again = sum.complete && !sum.passed;
        blank(p);
        say(p, "Summary: %s", m->title);
        say(p, "%s", ps.score);
        say(p, "%s", ps.result);
        say(p, "%s", ps.time);
        if (sum.nrevisit > 0) {
                say(p, "Questions to revisit:");
                for (size_t i = 0; i < sum.nrevisit; i++) {
                        const struct screen_state *st = session_state_at(s, sum.revisit[i]);
                        char *label =
                            first_line(p, m->screens[sum.revisit[i]].prompt, p->width - 30);
                        char *prefix = xasprintf("%zu. ", i + 1);
                        char *line = xasprintf("%s (screen %zu, %s)", label, sum.revisit[i] + 1,
                                               st->attempts == 0 ? "not answered" : "not right");

                        wrapped(p, prefix, line);
                        free(line);
                        free(prefix);
                        free(label);
                }
        } else {
                say(p, "No questions to revisit.");
        }
        if (again)
                say(p, "Type a for the questions again (lessons count as read), or r for the "
                       "whole module again.");
        if (next != NULL)
                wrapped(p, "Next module: ", next->title);
        ask(p, "%s%s; or press Enter to go on%s",
            sum.nrevisit > 0 ? "Type a question's number to revisit it, " : "Type ",
            again ? "a or r to try again" : "r to start again",
            next != NULL ? " to the next module" : " to the module menu");
}

static enum flow summary_line(struct plain *p, struct session *s, const char *t)
{
        struct summary sum;
        long v;

        session_summary(s, &sum);
        if (strcmp(t, "r") == 0 || strcmp(t, "R") == 0) {
                session_restart(s, time(NULL));
                say(p, "Starting the whole module again. Your earlier attempt stays in your "
                       "record.");
                return FLOW_SHOW;
        }
        if ((strcmp(t, "a") == 0 || strcmp(t, "A") == 0) && sum.complete && !sum.passed) {
                session_restart_questions(s, time(NULL));
                say(p, "The questions again: the lessons count as read. Your earlier attempt "
                       "stays in your record.");
                return FLOW_SHOW;
        }
        v = parse_number(t);
        if (v >= 1 && (size_t)v <= sum.nrevisit) {
                session_revisit(s, sum.revisit[v - 1], time(NULL));
                return FLOW_SHOW;
        }
        say(p, "That is not one of the choices here.");
        return FLOW_STAY;
}

/* ---- a module ------------------------------------------------------------------ */

static void show(struct plain *p, struct session *s)
{
        const struct screen *sc = session_screen(s);

        p->answered_here = false;
        ask(p, "Press Enter to go on");
        if (sc == NULL) {
                show_summary(p, s);
                return;
        }
        header(p, s);
        switch (sc->type) {
        case SCREEN_LESSON:
                show_lesson(p, sc);
                break;
        case SCREEN_QUESTION:
                show_question(p, s, sc);
                break;
        case SCREEN_CASE_STUDY:
                show_case(p, s, sc);
                break;
        }
}

static enum flow interact(struct plain *p, struct session *s)
{
        for (;;) {
                const struct screen *sc = session_screen(s);
                const char *t;
                int cmd;
                bool handled;
                enum flow f;

                if (!read_line(p))
                        return FLOW_QUIT;
                t = trimmed(p->line);
                cmd = command_of(t);
                if (t[0] == '\0') {
                        if (sc == NULL)
                                return FLOW_NEXT;
                        if (sc->type == SCREEN_QUESTION && !session_state(s)->complete)
                                say(p, "Left unanswered: it is listed on the module summary "
                                       "to come back to.");
                        session_next(s, time(NULL));
                        return FLOW_SHOW;
                }
                f = common(p, s, cmd, &handled);
                if (handled) {
                        if (f != FLOW_STAY)
                                return f;
                        continue;
                }
                if (sc == NULL)
                        f = summary_line(p, s, t);
                else if (sc->type == SCREEN_QUESTION)
                        f = question_line(p, s, t);
                else if (sc->type == SCREEN_CASE_STUDY)
                        f = case_line(p, s, t);
                else {
                        say(p, "There is nothing to answer on this screen.");
                        f = FLOW_STAY;
                }
                if (f != FLOW_STAY)
                        return f;
        }
}

/* The intro: outcomes, sections and how far the learner is. */
static enum flow intro(struct plain *p, struct session *s)
{
        const struct module *m = session_module(s);
        struct summary sum;
        struct present_intro in;
        bool fresh;

        session_summary(s, &sum);
        present_intro(m, record_find_module(p->rec, m->id), &in);
        fresh = !in.started;
        blank(p);
        wrapped(p, "", m->title);
        md(p, "", m->summary);
        if (m->minutes > 0)
                say(p, "About %d minutes. Pass mark %g%%.", m->minutes, sum.pass_mark);
        else
                say(p, "Pass mark %g%%.", sum.pass_mark);
        if (session_module_changed(s))
                say(p, "This module has changed since you last worked on it. Your progress on "
                       "the screens it still has is kept.");
        if (m->noutcomes > 0) {
                blank(p);
                say(p, "You will be able to:");
                for (size_t i = 0; i < m->noutcomes; i++) {
                        char *prefix = xasprintf("%zu. ", i + 1);

                        md(p, prefix, m->outcomes[i]);
                        free(prefix);
                }
        }
        if (m->npksb > 0) {
                blank(p);
                say(p, "%s", MODEL_PKSB_HEADING);
                for (size_t i = 0; i < m->npksb; i++)
                        wrapped(p, "- ", m->pksb[i]);
        }
        char reviewed[64];
        model_reviewed_text(m, reviewed, sizeof reviewed);
        if (reviewed[0] != '\0') {
                blank(p);
                say(p, "%s.", reviewed);
        }
        blank(p);
        say(p, "Sections:");
        for (size_t i = 0; i < m->nsections; i++) {
                const struct section *sec = &m->sections[i];
                char *prefix = xasprintf("%zu. ", i + 1);
                char *line;

                line = xasprintf("%s (%zu of %zu screens done)", sec->title,
                                 i < 64 ? in.done[i] : 0, sec->count);
                wrapped(p, prefix, line);
                free(line);
                free(prefix);
        }
        {
                const char *go = present_intro_go_on(&in);

                /* The engine's sentence, without its full stop, is the prompt. */
                ask(p, "%.*s%s", (int)strlen(go) - 1, go,
                    fresh ? "" : "; or type r to start the module again");
        }
        for (;;) {
                const char *t;
                bool handled;
                enum flow f;

                if (!read_line(p))
                        return FLOW_QUIT;
                t = trimmed(p->line);
                if (t[0] == '\0')
                        return FLOW_SHOW;
                if (!fresh && (strcmp(t, "r") == 0 || strcmp(t, "R") == 0)) {
                        session_restart(s, time(NULL));
                        return FLOW_SHOW;
                }
                if (command_of(t) == 'b')
                        return FLOW_MENU;
                f = common(p, s, command_of(t), &handled);
                if (handled) {
                        if (f != FLOW_STAY)
                                return f;
                        continue;
                }
                /* Anything else is taken as input for the first screen, so a
                 * script that leaves out the Enter here still lines up. */
                p->pending = xstrdup(t);
                return FLOW_SHOW;
        }
}

static enum flow run_module(struct plain *p, const struct module *m, bool resume)
{
        struct session *s = session_open(m, p->rec, p->name, time(NULL));
        enum flow f = FLOW_SHOW;

        session_set_save_hook(s, save, p);
        save(p);
        if (!resume)
                f = intro(p, s);
        else if (session_module_changed(s))
                say(p, "This module has changed since you last worked on it. Your progress on "
                       "the screens it still has is kept.");
        if (f == FLOW_SHOW)
                session_arrive(s, time(NULL));
        while (f == FLOW_SHOW) {
                show(p, s);
                f = interact(p, s);
        }
        session_close(&s, time(NULL));
        return f;
}

/* ---- the module menu ------------------------------------------------------------ */

/* The module to resume, as the presentation layer decides, or NULL. */
static const struct module *resume_target(struct plain *p)
{
        int i = present_resume(&p->app->catalog, p->rec);

        return i >= 0 ? p->app->catalog.modules[i] : NULL;
}

static void show_menu(struct plain *p, const struct module *resume)
{
        const struct catalog *c = &p->app->catalog;

        blank(p);
        say(p, "Modules for %s:", p->name);
        for (size_t i = 0; i < c->count; i++) {
                const struct module *m = c->modules[i];
                struct summary sum;
                char status[96], minutes[32] = "";
                char *prefix = xasprintf("%zu. ", i + 1);
                char *line;

                session_status(m, record_find_module(p->rec, m->id), &sum);
                present_status(&sum, status, sizeof(status));
                if (m->minutes > 0)
                        snprintf(minutes, sizeof(minutes), ", %d min", m->minutes);
                line = xasprintf("%s (%s%s)", m->title, status, minutes);
                wrapped(p, prefix, line);
                md(p, "   ", m->summary);
                free(line);
                free(prefix);
        }
        {
                size_t nb;
                const struct app_broken *b = app_broken(&nb);

                for (size_t i = 0; i < nb; i++) {
                        char *file = text_sanitize_line(b[i].file);
                        char *why = text_sanitize_line(b[i].error);
                        char *line = xasprintf("Cannot be opened: %s: %s", file, why);

                        wrapped(p, "-  ", line);
                        free(line);
                        free(why);
                        free(file);
                }
        }
        if (resume != NULL) {
                char *prefix = xasprintf("%zu. ", c->count + 1);
                char *line = xasprintf("Resume %s where you left off", resume->title);

                wrapped(p, prefix, line);
                free(line);
                free(prefix);
        }
        if (resume != NULL)
                ask(p, "Type a module's number, or press Enter to resume %s; f forgets you; q %s",
                    "where you left off", p->app->kiosk ? "logs out" : "quits");
        else
                ask(p,
                    "Type a module's number, or press Enter for the first; f forgets you (deletes "
                    "your record); q %s",
                    p->app->kiosk ? "logs out" : "quits");
}

/* "Forget me": deletes the learner's record once they confirm. True when
 * it is gone (the learner is then logged out). */
static bool forget(struct plain *p)
{
        const char *err = NULL;

        if (p->handle == NULL) {
                say(p, "Nothing is kept for a guest.");
                return false;
        }
        /* Typing one's own name is a deliberate act a stray "y" is not. */
        say(p, "This deletes your record and all your progress, for good.");
        ask(p, "Type your name to go ahead, or press Enter to keep it");
        if (!read_line(p))
                return false;
        if (!store_same_name(trimmed(p->line), p->name)) {
                say(p, "Your record is kept.");
                return false;
        }
        p->rec = NULL; /* the handle owns it and goes with it */
        if (!store_forget(&p->handle, &err)) {
                say(p, "Your record could not be deleted: %s", err != NULL ? err : "unknown error");
                return true;
        }
        say(p, "Your record is deleted.");
        return true;
}

/* FLOW_QUIT to leave, FLOW_MENU to go back to the learner picker. */
static enum flow menu(struct plain *p)
{
        const struct catalog *c = &p->app->catalog;
        const struct module *chosen = NULL;
        bool resume = false;

        for (;;) {
                const struct module *r = resume_target(p);
                const char *t;
                long v;
                enum flow f;

                if (chosen == NULL)
                        show_menu(p, r);
                else
                        r = NULL;
                while (chosen == NULL) {
                        if (!read_line(p))
                                return FLOW_QUIT;
                        t = trimmed(p->line);
                        v = parse_number(t);
                        if (t[0] == '\0' || strcmp(t, "r") == 0) {
                                chosen = r != NULL ? r : c->modules[0];
                                resume = r != NULL;
                        } else if (v >= 1 && (size_t)v <= c->count) {
                                chosen = c->modules[v - 1];
                                resume = false;
                        } else if (r != NULL && (size_t)v == c->count + 1) {
                                chosen = r;
                                resume = true;
                        } else if (command_of(t) == 'q') {
                                return FLOW_QUIT;
                        } else if (command_of(t) == 'b') {
                                return FLOW_MENU;
                        } else if (command_of(t) == '?') {
                                help(p);
                        } else if (command_of(t) == 'm' || command_of(t) == 't') {
                                show_menu(p, r);
                        } else if (strcmp(t, "f") == 0 || strcmp(t, "F") == 0) {
                                if (forget(p))
                                        return FLOW_MENU;
                        } else {
                                say(p, "Type a number from 1 to %zu, or q to quit.",
                                    c->count + (r != NULL));
                        }
                }
                f = run_module(p, chosen, resume);
                /* The summary's way on is the next module's intro. */
                while (f == FLOW_NEXT && next_module(p, chosen) != NULL) {
                        chosen = next_module(p, chosen);
                        f = run_module(p, chosen, false);
                }
                chosen = NULL;
                if (f == FLOW_QUIT)
                        return FLOW_QUIT;
        }
}

/* ---- the learner picker ----------------------------------------------------------- */

static void close_learner(struct plain *p)
{
        if (p->handle != NULL)
                store_close_learner(&p->handle);
        else
                record_free(&p->rec);
        p->rec = NULL;
        free(p->name);
        p->name = NULL;
}

/* A profile with a passphrase opens only when it is given, typed with the
 * terminal's echo off. Wrong entries in a row make the next try wait
 * longer, counted per learner on disk (store_pass_wait), so neither
 * logging into another profile nor a restart resets it. */
static bool ask_passphrase(struct plain *p, const char *name)
{
        unsigned wait = store_pass_wait(p->store, name);
        bool ok, got;

        if (wait > 0) {
                say(p, "Please wait %u second%s before trying again.", wait, wait == 1 ? "" : "s");
                fflush(p->out);
                while (wait > 0 && signals_stop == 0)
                        wait = sleep(wait);
                if (signals_stop != 0) {
                        p->why = WHY_TERM;
                        return false;
                }
        }
        ask(p, "Passphrase (type it; it is not shown as you type)");
        line_echo(p->in, false);
        got = read_line(p);
        line_echo(p->in, true);
        if (!got)
                return false;
        ok = passphrase_check(store_record(p->handle), p->line);
        passphrase_wipe(p->line, strlen(p->line));
        store_pass_tried(p->store, name, ok);
        if (ok)
                return true;
        if (p->cli)
                fputs("dlfl: that passphrase is not right\n", stderr);
        else
                say(p, "That passphrase is not right.");
        return false;
}

/* Opens a stored learner. On refusal (locked elsewhere, unreadable) says
 * why and returns false. */
static bool open_learner(struct plain *p, const char *name)
{
        const char *err = NULL;
        char *notice = NULL;
        const char *problem = store_name_problem(name);

        if (problem != NULL) {
                if (p->cli)
                        fprintf(stderr, "dlfl: %s\n", problem);
                else
                        say(p, "%s", problem);
                return false;
        }
        /* The record is locked only once its passphrase is given: nobody
         * holds it by sitting at the prompt. */
        p->handle = store_peek_learner(p->store, name, &err, &notice);
        if (notice != NULL) {
                say(p, "%s", notice);
                free(notice);
        }
        if (p->handle == NULL) {
                if (err == NULL)
                        err = "That learner's record cannot be opened.";
                /* With -l there is no picker to go back to: a failure to report. */
                if (p->cli)
                        fprintf(stderr, "dlfl: %s\n", err);
                else
                        say(p, "%s", err);
                return false;
        }
        if (passphrase_is_set(store_record(p->handle)) && !ask_passphrase(p, name)) {
                store_close_learner(&p->handle);
                return false;
        }
        if (!store_lock_learner(p->handle, &err)) {
                if (p->cli)
                        fprintf(stderr, "dlfl: %s\n", err);
                else
                        say(p, "%s", err);
                store_close_learner(&p->handle);
                return false;
        }
        p->rec = store_record(p->handle);
        p->name = xstrdup(store_handle_name(p->handle)); /* as first typed */
        save(p); /* a new learner exists from now on, listed in the picker */
        return true;
}

static void open_guest(struct plain *p)
{
        p->handle = NULL;
        p->rec = record_new("Guest");
        p->name = xstrdup("Guest");
        say(p, "You are a guest: nothing you do is saved.");
}

/* The picker: existing learners numbered, then Guest; n for a new one.
 * Returns false to quit. */
static bool pick_learner(struct plain *p)
{
        for (;;) {
                const char *err = NULL;
                size_t n = 0;
                char **names = store_list(p->store, &n, &err);

                blank(p);
                if (names == NULL && err != NULL)
                        say(p, "The learners cannot be listed: %s", err);
                say(p, "Who is learning?");
                for (size_t i = 0; i < n; i++) {
                        char *prefix = xasprintf("%zu. ", i + 1);

                        wrapped(p, prefix, names[i]);
                        free(prefix);
                }
                {
                        char *prefix = xasprintf("%zu. ", n + 1);

                        wrapped(p, prefix, "Guest (nothing is saved)");
                        free(prefix);
                }
                ask(p, "Type a number, n for a new learner, or q to quit");
                for (;;) {
                        const char *t;
                        long v;
                        bool done = false, again = false;

                        if (!read_line(p)) {
                                store_names_free(names, n);
                                return false;
                        }
                        t = trimmed(p->line);
                        v = parse_number(t);
                        if (v >= 1 && (size_t)v <= n) {
                                done = open_learner(p, names[v - 1]);
                                again = !done;
                        } else if ((size_t)v == n + 1) {
                                open_guest(p);
                                done = true;
                        } else if (strcmp(t, "n") == 0 || strcmp(t, "N") == 0) {
                                ask(p, "Type your name");
                                if (!read_line(p)) {
                                        store_names_free(names, n);
                                        return false;
                                }
                                t = trimmed(p->line);
                                if (t[0] != '\0') {
                                        char *name = xstrdup(t);

                                        done = open_learner(p, name);
                                        free(name);
                                }
                                again = !done;
                        } else if (command_of(t) == 'q') {
                                store_names_free(names, n);
                                return false;
                        } else if (command_of(t) == '?') {
                                help(p);
                        } else {
                                say(p,
                                    "Type a number from 1 to %zu, n for a new learner, or q to "
                                    "quit.",
                                    n + 1);
                        }
                        if (done) {
                                store_names_free(names, n);
                                return true;
                        }
                        if (again)
                                break;
                }
                store_names_free(names, n);
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
        const char *learner = app->learner;
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
        for (;;) {
                enum flow f;

                p.why = WHY_Q;
                p.cli = learner != NULL;
                if (learner != NULL) {
                        if (!open_learner(&p, learner)) {
                                status = 1;
                                break;
                        }
                } else if (!pick_learner(&p)) {
                        /* In kiosk mode q and Ctrl-D at the picker do nothing:
                         * only a signal or a terminal gone ends the program. */
                        if (app->kiosk && (p.why == WHY_Q || p.why == WHY_EOF))
                                continue;
                        break;
                }
                f = menu(&p);
                close_learner(&p);
                if (p.why == WHY_IDLE) {
                        scroll_away(&p);
                        say(&p, "You were away for a while, so your progress was saved and "
                                "you were logged out.");
                        learner = NULL;
                        continue;
                }
                if (f == FLOW_QUIT && (p.why == WHY_Q || p.why == WHY_EOF) && app->kiosk) {
                        scroll_away(&p);
                        say(&p, "Logged out. Your progress is saved.");
                        learner = NULL;
                        continue;
                }
                if (f == FLOW_QUIT || learner != NULL)
                        break;
        }
        store_close(&p.store);
        line_reader_free(&p.in);
        free(p.line);
        free(p.pending);
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
