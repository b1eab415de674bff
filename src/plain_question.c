/* Line mode: a question shown with its numbered choices, and the line
 * typed to answer it (picks, pairs, text, a number or a reflection). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "dlfl/kinds.h"
#include "dlfl/present.h"
#include "dlfl/session.h"
#include "dlfl/xalloc.h"

#include "plain_impl.h"

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
                if (*t < '0' || *t > '9' || k >= max || given[k]) /* k < 26 */
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

long plain_number(const char *t)
{
        char *end;
        long v;

        if (*t < '0' || *t > '9')
                return -1;
        errno = 0;
        v = strtol(t, &end, 10);
        return errno != 0 || *end != '\0' ? -1 : v;
}

static void show_options(struct plain *p, struct session *s, const struct screen *sc)
{
        const struct kind_ops *k = kind_ops(sc->kind);
        size_t n;
        const size_t *order = session_shown_order(s, &n);

        for (size_t i = 0; i < n; i++) {
                char *prefix = xasprintf("%zu. ", i + 1);

                if (k->options_md)
                        plain_md(p, prefix, k->option(sc, order[i]));
                else
                        plain_wrapped(p, prefix, k->option(sc, order[i]));
                free(prefix);
        }
}

/* Match: the left items lettered A, B, C with no heading, the right ones
 * numbered under PRESENT_MATCHES_HEADING, as in the TUI (whose 80x24 rows
 * have no room for a heading more); answered "2 1 3" or "A2 B1 C3". */
static void show_match(struct plain *p, struct session *s, const struct screen *sc)
{
        size_t n;
        const size_t *order = session_shown_order(s, &n);

        for (size_t i = 0; i < sc->npairs; i++) {
                char prefix[8];

                snprintf(prefix, sizeof prefix, "%c. ", (char)('A' + (i < 26 ? i : 25)));
                plain_md(p, prefix, sc->pairs[i].left);
        }
        plain_say(p, "%s", PRESENT_MATCHES_HEADING);
        for (size_t i = 0; i < n; i++) {
                char *prefix = xasprintf("%zu. ", i + 1);

                plain_md(p, prefix, sc->pairs[order[i]].right);
                free(prefix);
        }
}

/* What may be typed to answer, as the prompt says it. */
static void instructions(struct plain *p, const struct screen *sc, size_t n)
{
        char buf[200];

        kind_instruction(sc, n, buf, sizeof buf);
        plain_ask(p, "%s", buf);
}

/* The parts the presentation layer decided, in its order; a hint already
 * said on this screen (after an earlier attempt, or asked for with h) is
 * not said again: line mode says each line once. */
static void say_parts(struct plain *p, const struct present_parts *pp)
{
        int hints = 0;

        for (size_t i = 0; i < pp->n; i++) {
                const struct present_part *pt = &pp->v[i];

                if (pt->kind == PART_HINT && ++hints <= p->hints_said)
                        continue;

                if (pt->markdown)
                        plain_md(p, pt->label != NULL ? pt->label : "", pt->text);
                else
                        plain_wrapped(p, pt->label != NULL ? pt->label : "", pt->text);
        }
        if (hints > p->hints_said)
                p->hints_said = hints;
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
        size_t n = 0;

        session_shown_order(s, &n);
        if (session_question_closed(s))
                plain_ask(p, "Press Enter to go on");
        else
                instructions(p, sc, n);
}

/* What the learner answered last, in words, for a screen shown again. */
static void show_given(struct plain *p, struct session *s, const struct screen *sc)
{
        const struct kind_ops *k = kind_ops(sc->kind);
        const struct screen_state *st = session_state(s);
        size_t picks[64], n;

        if (st->attempts == 0)
                return;
        switch (k->widget) {
        case WIDGET_TYPE_TEXT:
        case WIDGET_TYPE_NUMBER:
                if (k->long_text ? st->text != NULL : st->response != NULL)
                        plain_wrapped(p, "Your answer: ", k->long_text ? st->text : st->response);
                break;
        default: {
                /* A rating says itself in the feedback. */
                if (!k->checked)
                        break;
                char buf[64 * 8] = "";
                size_t len = 0;

                n = session_last_picks(s, picks, 64);
                for (size_t i = 0; i < n && len < sizeof(buf); i++) {
                        if (k->widget == WIDGET_MATCH)
                                len += (size_t)snprintf(
                                    buf + len, sizeof(buf) - len, "%s%c%zu", i ? " " : "",
                                    (char)('A' + (i < 26 ? i : 25)), picks[i] + 1);
                        else
                                len += (size_t)snprintf(buf + len, sizeof(buf) - len, "%s%zu",
                                                        i ? " " : "", picks[i] + 1);
                }
                if (n > 0)
                        plain_say(p, "Your answer: %s", buf);
                break;
        }
        }
}

static void question_show(struct plain *p, struct session *s, const struct screen *sc)
{
        const struct screen_state *st = session_state(s);
        char head[96];

        if (present_question_heading(sc, head, sizeof head))
                plain_say(p, "%s", head);
        plain_md(p, "", sc->prompt);
        plain_blank(p);
        if (kind_ops(sc->kind)->widget == WIDGET_MATCH)
                show_match(p, s, sc);
        else
                show_options(p, s, sc);
        if (st->attempts > 0) {
                plain_blank(p);
                show_given(p, s, sc);
                say_answer(p, s);
        } else if (st->draft != NULL) {
                plain_blank(p);
                plain_wrapped(p, "Your draft, not yet submitted: ", st->draft);
        }
        question_prompt(p, s, sc);
}

static void after_answer(struct plain *p, struct session *s, enum answer_result r)
{
        const struct screen *sc = session_screen(s);

        switch (r) {
        case ANSWER_INVALID:
                plain_say(p, "%s", session_problem(s));
                return;
        case ANSWER_ALREADY:
                plain_say(p, "%s", PRESENT_ANSWER_ALREADY);
                plain_ask(p, "Press Enter to go on");
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

/* Several lines of the learner's own words, up to a line holding ".". */
static enum flow own_words(struct plain *p, struct session *s, const char *t)
{
        bool eof;
        char *text = plain_read_lines(p, t, &eof);
        enum answer_result r;

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

/* The option whose text was typed ("true"), in any case; -1 for none. */
static long option_named(const struct screen *sc, const char *t)
{
        const struct kind_ops *k = kind_ops(sc->kind);

        for (size_t i = 0; i < k->options(sc); i++)
                if (strcasecmp(t, k->option(sc, i)) == 0)
                        return (long)i;
        return -1;
}

static enum flow question_line(struct plain *p, struct session *s, const char *t)
{
        const struct screen *sc = session_screen(s);
        const struct kind_ops *k = kind_ops(sc->kind);
        const struct screen_state *st = session_state(s);
        size_t picks[64];
        long n;
        enum answer_result r;

        /* Once settled this visit, only Enter and the commands go on: a
         * line is never carried to the next, unseen screen. */
        if (p->answered_here && (st->settled || !model_kind_is_checked(sc->kind))) {
                plain_refuse(p);
                return FLOW_STAY;
        }
        switch (k->widget) {
        case WIDGET_TYPE_TEXT:
        case WIDGET_TYPE_NUMBER: {
                char *answer;

                if (k->long_text)
                        return own_words(p, s, t);
                answer = xstrdup(t);

                if (plain_cut_to(answer, RECORD_MAX_ANSWER)) {
                        char said[96];

                        present_too_long(false, said, sizeof said);
                        plain_say(p, "%s", said);
                }
                r = session_answer_text(s, answer, time(NULL));
                free(answer);
                break;
        }
        case WIDGET_MATCH:
                n = parse_match(t, picks, 64);
                if (n < 0) {
                        plain_say(p,
                                  "Type the number of each item's match in turn, such as 2 1 3 or "
                                  "A2 B1 C3.");
                        return FLOW_STAY;
                }
                r = session_answer_picks(s, picks, (size_t)n, time(NULL));
                break;
        default:
                if (k->words_ok && (n = option_named(sc, t)) >= 0) {
                        picks[0] = (size_t)n;
                        r = session_answer_picks(s, picks, 1, time(NULL));
                        break;
                }
                n = parse_picks(t, picks, 64);
                if (n < 0) {
                        plain_say(p, "Type %s, or ? for the commands.",
                                  k->widget == WIDGET_PICK_ONE ? "a number" : "numbers");
                        return FLOW_STAY;
                }
                r = session_answer_picks(s, picks, (size_t)n, time(NULL));
                break;
        }
        after_answer(p, s, r);
        return FLOW_STAY;
}

const struct plain_screen plain_question_screen = {
    .show = question_show,
    .line = question_line,
    .module = true,
};
