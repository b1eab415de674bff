/* Answers: stable shuffles, checking for every question kind, attempts,
 * penalty scoring, hints, feedback and the right answer once settled. */
#include <ctype.h>
#include <locale.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#include "dlfl/answer.h"
#include "dlfl/text.h"
#include "dlfl/xalloc.h"
#include "session_impl.h"

/* ---- stable shuffles ---------------------------------------------------- */

static uint64_t fnv1a(uint64_t h, const char *s, size_t n)
{
        for (size_t i = 0; i < n; i++) {
                h ^= (unsigned char)s[i];
                h *= 0x100000001b3ULL;
        }
        return h;
}

static uint64_t splitmix64(uint64_t *x)
{
        uint64_t z = (*x += 0x9E3779B97F4A7C15ULL);

        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
}

static bool is_identity(const size_t *v, size_t n)
{
        for (size_t i = 0; i < n; i++)
                if (v[i] != i)
                        return false;
        return true;
}

/* Fisher-Yates driven by splitmix64 seeded with FNV-1a of learner, NUL,
 * screen id: the same learner always sees the same order on a screen. With
 * avoid_identity (order items, match rights) a shuffle that happens to give
 * the answer away is drawn again from the same stream. */
static void stable_shuffle(size_t *v, size_t n, const char *learner, const char *id,
                           bool avoid_identity)
{
        uint64_t seed = 0xcbf29ce484222325ULL;

        seed = fnv1a(seed, learner, strlen(learner));
        seed = fnv1a(seed, "", 1);
        seed = fnv1a(seed, id, strlen(id));
        for (int round = 0; round < 64; round++) {
                for (size_t i = 0; i < n; i++)
                        v[i] = i;
                for (size_t i = n; i > 1; i--) {
                        size_t j = (size_t)(splitmix64(&seed) % i);
                        size_t t = v[i - 1];

                        v[i - 1] = v[j];
                        v[j] = t;
                }
                if (!avoid_identity || n < 2 || !is_identity(v, n))
                        return;
        }
        v[0] = 1; /* 2^-64 odds: swap the first two rather than loop on */
        v[1] = 0;
}

static size_t option_count(const struct screen *sc)
{
        if (sc == NULL || sc->type != SCREEN_QUESTION)
                return 0;
        switch (sc->kind) {
        case KIND_SINGLE:
        case KIND_MULTIPLE:
                return sc->nchoices;
        case KIND_TRUE_FALSE:
                return 2;
        case KIND_ORDER:
                return sc->nitems;
        case KIND_MATCH:
                return sc->npairs;
        case KIND_RATING:
                return sc->nscale;
        default:
                return 0;
        }
}

const size_t *session_shown_order(const struct session *cs, size_t *n)
{
        /* The order is a cache of a pure function of learner and screen, so
         * filling it in on a const session changes nothing observable. */
        struct session *s = (struct session *)cs;
        const struct screen *sc = session_screen(s);
        size_t count = option_count(sc);

        if (!s->order_valid) {
                free(s->order);
                s->order = xcalloc(count ? count : 1, sizeof(size_t));
                s->norder = count;
                for (size_t i = 0; i < count; i++)
                        s->order[i] = i;
                if (sc != NULL && sc->type == SCREEN_QUESTION) {
                        if ((sc->kind == KIND_SINGLE || sc->kind == KIND_MULTIPLE) && sc->shuffle)
                                stable_shuffle(s->order, count, s->learner, sc->id, false);
                        else if (sc->kind == KIND_ORDER || sc->kind == KIND_MATCH)
                                stable_shuffle(s->order, count, s->learner, sc->id, true);
                }
                s->order_valid = true;
        }
        if (n != NULL)
                *n = s->norder;
        return s->order;
}

/* ---- responses ---------------------------------------------------------- */

static char *join_indices(const size_t *v, size_t n)
{
        char *out = xmalloc(n * 21 + 1);
        size_t len = 0;

        out[0] = '\0';
        for (size_t i = 0; i < n; i++)
                len += (size_t)sprintf(out + len, "%s%zu", i ? "," : "", v[i] + 1);
        return out;
}

/* Parses "2,1,3" (1-based) into 0-based indices; returns the count or
 * (size_t)-1 when malformed or an index is not below limit. */
static size_t parse_indices(const char *s, size_t *out, size_t max, size_t limit)
{
        size_t n = 0;

        if (s == NULL || *s == '\0')
                return 0;
        while (*s != '\0') {
                char *end;
                unsigned long v;

                if (!isdigit((unsigned char)*s))
                        return (size_t)-1;
                v = strtoul(s, &end, 10);
                if (v == 0 || v > limit || n >= max)
                        return (size_t)-1;
                out[n++] = (size_t)v - 1;
                s = end;
                if (*s == ',')
                        s++;
                else if (*s != '\0')
                        return (size_t)-1;
        }
        return n;
}

static size_t shown_of(const size_t *order, size_t n, size_t author)
{
        for (size_t i = 0; i < n; i++)
                if (order[i] == author)
                        return i;
        return 0;
}

size_t session_last_picks(const struct session *s, size_t *out, size_t max)
{
        const struct screen *sc = session_screen(s);
        const struct screen_state *st = session_state(s);
        size_t n, count, tmp[64];
        const size_t *order;

        if (sc == NULL || sc->type != SCREEN_QUESTION || st->response == NULL || max == 0)
                return 0;
        order = session_shown_order(s, &count);
        switch (sc->kind) {
        case KIND_TRUE_FALSE:
                out[0] = strcmp(st->response, "true") == 0 ? 0 : 1;
                return 1;
        case KIND_SINGLE:
        case KIND_MULTIPLE:
        case KIND_ORDER:
        case KIND_MATCH:
        case KIND_RATING:
                if (sc->kind == KIND_RATING) {
                        char *end;
                        long v = strtol(st->response, &end, 10);

                        if (*end != '\0' || v < 0 || (size_t)v >= count)
                                return 0;
                        out[0] = (size_t)v;
                        return 1;
                }
                n = parse_indices(st->response, tmp, 64, count);
                if (n == (size_t)-1)
                        return 0;
                if (n > max)
                        n = max;
                if (sc->kind == KIND_SINGLE || sc->kind == KIND_MULTIPLE) {
                        /* Picks are a set: give them in shown order. */
                        size_t k = 0;

                        for (size_t i = 0; i < count && k < n; i++)
                                for (size_t j = 0; j < n; j++)
                                        if (tmp[j] == order[i]) {
                                                out[k++] = i;
                                                break;
                                        }
                        return k;
                }
                for (size_t i = 0; i < n; i++)
                        out[i] = shown_of(order, count, tmp[i]);
                return n;
        default:
                return 0;
        }
}

/* ---- checking ----------------------------------------------------------- */

__attribute__((format(printf, 2, 3))) static enum answer_result invalid(struct session *s,
                                                                        const char *fmt, ...)
{
        va_list ap;

        va_start(ap, fmt);
        vsnprintf(s->problem, sizeof(s->problem), fmt, ap);
        va_end(ap);
        return ANSWER_INVALID;
}

const char *session_problem(const struct session *s)
{
        return s->problem;
}

/* The very answer just marked wrong, given again: it costs no attempt. */
static bool same_as_wrong(const struct session *s, const char *response)
{
        const struct screen_state *st = session_state(s);
        const struct screen *sc = session_screen(s);
        bool same;

        if (st->attempts == 0 || st->correct || st->settled || st->response == NULL)
                return false;
        if (sc->kind != KIND_TEXT)
                return strcmp(st->response, response) == 0;
        char *a = answer_normalise(st->response), *b = answer_normalise(response);
        same = strcmp(a, b) == 0;
        free(a);
        free(b);
        return same;
}

static enum answer_result same_again(struct session *s, char *response)
{
        free(response);
        return invalid(s, "That is the answer that was just marked not right. Change it "
                          "first: giving it again uses no attempt.");
}

/* Records a checked answer: attempts, penalty, settling. */
static enum answer_result settle(struct session *s, bool right, char *response, time_t now)
{
        const struct screen *sc = session_screen(s);
        struct screen_state *st = session_cur(s);
        enum answer_result res;

        if (same_as_wrong(s, response))
                return same_again(s, response);
        record_set_string(&st->draft, NULL);
        st->attempts++;
        st->correct = right;
        free(st->response);
        st->response = response;
        st->when = now;
        if (right) {
                double keep = 1.0 - sc->penalty * st->wrong;
                double pts = sc->points * (keep > 0 ? keep : 0);

                /* Rounded to 1e-9 so 1 - 0.33 is kept as 0.67, not 0.66999...:
                 * records and sums stay as an author would work them out. */
                st->points = (double)(long long)(pts * 1e9 + 0.5) / 1e9;
                st->settled = true;
                res = ANSWER_RIGHT;
        } else {
                st->wrong++;
                st->points = 0;
                if (sc->attempts > 0 && st->attempts >= sc->attempts) {
                        st->settled = true;
                        res = ANSWER_SETTLED_WRONG;
                } else {
                        /* The next hint comes by itself with the next try. */
                        if (st->hints_used >= 0 && (size_t)st->hints_used < sc->nhints)
                                st->hints_used++;
                        res = ANSWER_WRONG;
                }
        }
        if (st->settled)
                st->complete = true;
        session_changed(s, now);
        return res;
}

static enum answer_result record_unscored(struct session *s, char *response, const char *text,
                                          int rating, time_t now)
{
        struct screen_state *st = session_cur(s);

        st->attempts++;
        record_set_string(&st->draft, NULL);
        free(st->response);
        st->response = response;
        if (text != NULL)
                record_set_string(&st->text, text);
        if (rating >= 0)
                st->rating = rating;
        st->complete = true;
        st->when = now;
        session_changed(s, now);
        return ANSWER_RECORDED;
}

static int cmp_size(const void *a, const void *b)
{
        size_t x = *(const size_t *)a, y = *(const size_t *)b;

        return x < y ? -1 : x > y;
}

enum answer_result session_answer_picks(struct session *s, const size_t *picks, size_t n,
                                        time_t now)
{
        const struct screen *sc = session_screen(s);
        const struct screen_state *st = session_state(s);
        size_t count, *a;
        const size_t *order;
        bool right = true;
        enum answer_result res;

        s->problem[0] = '\0';
        if (sc == NULL || sc->type != SCREEN_QUESTION)
                return invalid(s, "There is no question here to answer.");
        if (sc->kind == KIND_TEXT || sc->kind == KIND_NUMERIC || sc->kind == KIND_REFLECTION)
                return invalid(s, "Type the answer itself, not a choice.");
        if (model_kind_is_checked(sc->kind) && st->settled)
                return ANSWER_ALREADY;
        order = session_shown_order(s, &count);
        for (size_t i = 0; i < n; i++)
                if (picks[i] >= count)
                        return invalid(s, "Choose from the numbers 1 to %zu.", count);
        switch (sc->kind) {
        case KIND_SINGLE:
        case KIND_TRUE_FALSE:
        case KIND_RATING:
                if (n != 1)
                        return invalid(s, "Choose just one of the numbers 1 to %zu.", count);
                break;
        case KIND_MULTIPLE:
                if (n == 0)
                        return invalid(s, "Choose at least one of the numbers 1 to %zu.", count);
                break;
        case KIND_ORDER:
                if (n != count)
                        return invalid(s, "Give all %zu numbers, each once, in the right order.",
                                       count);
                break;
        case KIND_MATCH:
                if (n != count)
                        return invalid(s, "Give %zu numbers: for each item on the left, its match.",
                                       count);
                break;
        default:
                break;
        }
        if (sc->kind == KIND_ORDER || sc->kind == KIND_MATCH) {
                bool used[64] = {false};

                for (size_t i = 0; i < n && i < 64; i++) {
                        if (used[picks[i]])
                                return invalid(s, "Use each of the numbers 1 to %zu once.", count);
                        used[picks[i]] = true;
                }
        }

        session_tick(s, now);
        a = xcalloc(n ? n : 1, sizeof(size_t));
        for (size_t i = 0; i < n; i++)
                a[i] = order[picks[i]];
        switch (sc->kind) {
        case KIND_SINGLE:
                right = sc->choices[a[0]].correct;
                res = settle(s, right, join_indices(a, 1), now);
                break;
        case KIND_MULTIPLE: {
                size_t k = 0;

                /* A set: sorted, duplicates dropped. */
                qsort(a, n, sizeof(size_t), cmp_size);
                for (size_t i = 0; i < n; i++)
                        if (k == 0 || a[k - 1] != a[i])
                                a[k++] = a[i];
                for (size_t i = 0, j = 0; i < sc->nchoices; i++) {
                        bool picked = j < k && a[j] == i;

                        if (picked)
                                j++;
                        if (picked != sc->choices[i].correct)
                                right = false;
                }
                res = settle(s, right, join_indices(a, k), now);
                break;
        }
        case KIND_TRUE_FALSE: {
                bool said = picks[0] == 0;

                res = settle(s, said == sc->answer_true, xstrdup(said ? "true" : "false"), now);
                break;
        }
        case KIND_ORDER:
                for (size_t i = 0; i < n; i++)
                        if (a[i] != i && strcmp(sc->items[a[i]], sc->items[i]) != 0)
                                right = false;
                res = settle(s, right, join_indices(a, n), now);
                break;
        case KIND_MATCH:
                /* Compared by text, so two lefts with the same right both count. */
                for (size_t i = 0; i < n; i++)
                        if (strcmp(sc->pairs[a[i]].right, sc->pairs[i].right) != 0)
                                right = false;
                res = settle(s, right, join_indices(a, n), now);
                break;
        case KIND_RATING:
                res = record_unscored(s, xasprintf("%zu", a[0]), NULL, (int)a[0], now);
                break;
        default:
                res = ANSWER_INVALID;
                break;
        }
        free(a);
        return res;
}

static char *trim_copy(const char *s)
{
        size_t len;

        while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
                s++;
        len = strlen(s);
        while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\n' ||
                           s[len - 1] == '\r'))
                len--;
        return xstrndup(s, len);
}

/* A plain decimal number: optional sign, digits with an optional point,
 * optional exponent, optional percent sign. Anything else (words, "1,5",
 * "inf", "0x10") is not. */
static bool parse_number(const char *s, double *out)
{
        const char *p = s;
        char buf[128];
        const char *dp = localeconv()->decimal_point;
        size_t o = 0, digits = 0;
        char *end;

        if (*p == '+' || *p == '-')
                buf[o++] = *p++;
        while (isdigit((unsigned char)*p) && o < 100) {
                buf[o++] = *p++;
                digits++;
        }
        if (*p == '.') {
                p++;
                /* strtod follows the locale's decimal point; the learner types '.'. */
                for (const char *d = dp; *d != '\0' && o < 104; d++)
                        buf[o++] = *d;
                while (isdigit((unsigned char)*p) && o < 110) {
                        buf[o++] = *p++;
                        digits++;
                }
        }
        if (digits == 0)
                return false;
        if (*p == 'e' || *p == 'E') {
                buf[o++] = *p++;
                if (*p == '+' || *p == '-')
                        buf[o++] = *p++;
                if (!isdigit((unsigned char)*p))
                        return false;
                while (isdigit((unsigned char)*p) && o < 126)
                        buf[o++] = *p++;
        }
        /* "25%" answers a question about a percentage as well as "25". */
        while (*p == ' ')
                p++;
        if (*p == '%')
                p++;
        if (*p != '\0')
                return false;
        buf[o] = '\0';
        *out = strtod(buf, &end);
        return *end == '\0' && isfinite(*out);
}

enum answer_result session_answer_text(struct session *s, const char *text, time_t now)
{
        const struct screen *sc = session_screen(s);
        const struct screen_state *st = session_state(s);
        char *t;
        enum answer_result res = ANSWER_INVALID;

        s->problem[0] = '\0';
        if (sc == NULL || sc->type != SCREEN_QUESTION)
                return invalid(s, "There is no question here to answer.");
        if (sc->kind != KIND_TEXT && sc->kind != KIND_NUMERIC && sc->kind != KIND_REFLECTION)
                return invalid(s, "Answer with the number of a choice.");
        if (model_kind_is_checked(sc->kind) && st->settled)
                return ANSWER_ALREADY;
        t = trim_copy(text != NULL ? text : "");
        if (t[0] == '\0') {
                free(t);
                if (sc->kind == KIND_REFLECTION)
                        return invalid(s, "Write something first.");
                if (sc->kind == KIND_NUMERIC)
                        return invalid(s, "Type a number, such as 3.5 or -2.");
                return invalid(s, "Type an answer first.");
        }
        session_tick(s, now);
        switch (sc->kind) {
        case KIND_TEXT: {
                bool right;
                char *norm = answer_normalise(t);

                if (norm[0] == '\0') {
                        free(norm);
                        free(t);
                        return invalid(s, "Type an answer first: punctuation alone is none.");
                }
                free(norm);
                right = answer_match(t, sc->answers, sc->nanswers, sc->typos, NULL) >= 0;
                return settle(s, right, t, now);
        }
        case KIND_NUMERIC: {
                double v, slack = 1e-9 * (fabs(sc->number) > 1 ? fabs(sc->number) : 1);

                if (!parse_number(t, &v)) {
                        free(t);
                        return invalid(s,
                                       "That is not a number: type a number, such as 3.5 or -2.");
                }
                /* The slack absorbs binary rounding, so 0.1 + 0.2 style answers and a
                 * tolerance edge such as 3.4 for 3.5 +- 0.1 count as within. */
                if (same_as_wrong(s, t))
                        return same_again(s, t);
                return settle(s, fabs(v - sc->number) <= sc->tolerance + slack, t, now);
        }
        case KIND_REFLECTION: {
                /* Keep the learner's own lines; drop only the blank edges. */
                res = record_unscored(s, NULL, t, -1, now);
                free(t);
                return res;
        }
        default:
                free(t);
                return res;
        }
}

/* ---- feedback, hints, the right answer ---------------------------------- */

/* The feedback to show, in order, and for per-choice remarks the choice
 * each is about (NULL for general feedback); choices may be NULL. */
static size_t feedback_items(const struct session *s, const char **out, const char **choices,
                             size_t max)
{
        const struct screen *sc = session_screen(s);
        const struct screen_state *st = session_state(s);
        size_t n = 0;

        if (sc == NULL || sc->type != SCREEN_QUESTION || st->attempts == 0 ||
            !model_kind_is_checked(sc->kind))
                return 0;
        if (sc->kind == KIND_SINGLE || sc->kind == KIND_MULTIPLE) {
                size_t picks[64], k = session_last_picks(s, picks, 64);
                const size_t *order = session_shown_order(s, NULL);

                for (size_t i = 0; i < k && n < max; i++) {
                        const struct choice *c = &sc->choices[order[picks[i]]];

                        if (c->feedback == NULL)
                                continue;
                        if (choices != NULL)
                                choices[n] = sc->kind == KIND_MULTIPLE ? c->text : NULL;
                        out[n++] = c->feedback;
                }
        } else if (sc->kind == KIND_TRUE_FALSE && st->response != NULL) {
                const char *fb =
                    strcmp(st->response, "true") == 0 ? sc->feedback_true : sc->feedback_false;

                if (fb != NULL && n < max) {
                        if (choices != NULL)
                                choices[n] = NULL;
                        out[n++] = fb;
                }
        }
        const char *general = st->correct ? sc->feedback_correct : sc->feedback_incorrect;
        if (general != NULL && n < max) {
                if (choices != NULL)
                        choices[n] = NULL;
                out[n++] = general;
        }
        return n;
}

const char *session_typo_spelling(const struct session *s)
{
        const struct screen *sc = session_screen(s);
        const struct screen_state *st = session_state(s);
        bool typo;
        int i;

        if (sc == NULL || sc->type != SCREEN_QUESTION || sc->kind != KIND_TEXT || !st->correct ||
            st->response == NULL)
                return NULL;
        i = answer_match(st->response, sc->answers, sc->nanswers, sc->typos, &typo);
        return i >= 0 && typo ? sc->answers[i] : NULL;
}

size_t session_feedback(const struct session *s, const char **out, size_t max)
{
        return feedback_items(s, out, NULL, max);
}

const char *session_feedback_choice(const struct session *s, size_t i)
{
        const char *out[80], *choices[80];
        size_t n = feedback_items(s, out, choices, 80);

        return i < n ? choices[i] : NULL;
}

bool session_hint_available(const struct session *s)
{
        const struct screen *sc = session_screen(s);
        const struct screen_state *st = session_state(s);
        int given = st->hints_used;

        if (sc == NULL || sc->type != SCREEN_QUESTION || st->settled ||
            !model_kind_is_checked(sc->kind))
                return false;
        return given >= 0 && (size_t)given < sc->nhints;
}

const char *session_hint(struct session *s, time_t now)
{
        struct screen_state *st;
        const char *h;

        if (!session_hint_available(s))
                return NULL;
        st = session_cur(s);
        h = session_screen(s)->hints[st->hints_used++];
        session_changed(s, now);
        return h;
}

size_t session_hints_shown(const struct session *s, const char **out, size_t max)
{
        const struct screen *sc = session_screen(s);
        const struct screen_state *st = session_state(s);
        size_t n = 0;

        if (sc == NULL || sc->type != SCREEN_QUESTION)
                return 0;
        for (int i = 0; i < st->hints_used && (size_t)i < sc->nhints && n < max; i++)
                out[n++] = sc->hints[i];
        return n;
}

int session_attempts_left(const struct session *s)
{
        const struct screen *sc = session_screen(s);
        const struct screen_state *st = session_state(s);

        if (sc == NULL || sc->type != SCREEN_QUESTION || !model_kind_is_checked(sc->kind))
                return 0;
        if (st->settled)
                return 0;
        if (sc->attempts <= 0)
                return -1;
        return st->attempts >= sc->attempts ? 0 : sc->attempts - st->attempts;
}

struct buf {
        char *s;
        size_t len, cap;
};

static void put(struct buf *b, const char *s)
{
        size_t n = strlen(s);

        b->s = xgrow(b->s, &b->cap, b->len + n + 1, 1);
        memcpy(b->s + b->len, s, n + 1);
        b->len += n;
}

static char *fmt_number(double v)
{
        return xasprintf("%.15g", v);
}

char *session_right_answer(const struct session *s)
{
        const struct screen *sc = session_screen(s);
        const struct screen_state *st = session_state(s);
        struct buf b = {0};
        size_t count;
        const size_t *order;

        if (sc == NULL || sc->type != SCREEN_QUESTION || !model_kind_is_checked(sc->kind) ||
            !st->settled)
                return NULL;
        order = session_shown_order(s, &count);
        put(&b, "");
        switch (sc->kind) {
        case KIND_SINGLE:
        case KIND_MULTIPLE: {
                bool first = true;

                for (size_t i = 0; i < count; i++) {
                        if (!sc->choices[order[i]].correct)
                                continue;
                        if (!first)
                                put(&b, sc->kind == KIND_SINGLE ? " or " : "; ");
                        put(&b, sc->choices[order[i]].text);
                        first = false;
                }
                break;
        }
        case KIND_TRUE_FALSE:
                put(&b, sc->answer_true ? "True" : "False");
                break;
        case KIND_TEXT:
                if (sc->nanswers > 0)
                        put(&b, sc->answers[0]);
                break;
        case KIND_ORDER:
                for (size_t i = 0; i < sc->nitems; i++) {
                        char *num = xasprintf("%s%zu. ", i ? "  " : "", i + 1);

                        put(&b, num);
                        free(num);
                        put(&b, sc->items[i]);
                }
                break;
        case KIND_MATCH:
                for (size_t i = 0; i < sc->npairs; i++) {
                        if (i)
                                put(&b, "; ");
                        put(&b, sc->pairs[i].left);
                        put(&b, ": ");
                        put(&b, sc->pairs[i].right);
                }
                break;
        case KIND_NUMERIC: {
                char *num = fmt_number(sc->number);

                put(&b, num);
                free(num);
                if (sc->tolerance > 0) {
                        num = fmt_number(sc->tolerance);
                        put(&b, " (give or take ");
                        put(&b, num);
                        put(&b, ")");
                        free(num);
                }
                break;
        }
        default:
                break;
        }
        return b.s;
}
