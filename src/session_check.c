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
#include "dlfl/kinds.h"
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

static const struct kind_ops *ops_of(const struct screen *sc)
{
        return sc != NULL && sc->type == SCREEN_QUESTION ? kind_ops(sc->kind) : NULL;
}

static bool picks_widget(const struct kind_ops *k)
{
        return k != NULL && k->widget != WIDGET_TYPE_TEXT && k->widget != WIDGET_TYPE_NUMBER;
}

static size_t option_count(const struct screen *sc)
{
        const struct kind_ops *k = ops_of(sc);

        return picks_widget(k) ? k->options(sc) : 0;
}

const size_t *session_shown_order(const struct session *cs, size_t *n)
{
        /* The order is a cache of a pure function of learner and screen, so
         * filling it in on a const session changes nothing observable. */
        struct session *s = (struct session *)cs;
        const struct screen *sc = session_screen(s);
        const struct kind_ops *k = ops_of(sc);
        size_t count = option_count(sc);

        if (!s->order_valid) {
                free(s->order);
                s->order = xcalloc(count ? count : 1, sizeof(size_t));
                s->norder = count;
                for (size_t i = 0; i < count; i++)
                        s->order[i] = i;
                if (k != NULL && k->shuffle == SHUFFLE_IF_ASKED && sc->shuffle)
                        stable_shuffle(s->order, count, s->learner, sc->id, false);
                else if (k != NULL && k->shuffle == SHUFFLE_NOT_AS_WRITTEN)
                        stable_shuffle(s->order, count, s->learner, sc->id, true);
                s->order_valid = true;
        }
        if (n != NULL)
                *n = s->norder;
        return s->order;
}

/* ---- responses ---------------------------------------------------------- */

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
        const struct kind_ops *k = ops_of(sc);
        size_t n, count, tmp[64];
        const size_t *order;

        if (!picks_widget(k) || st->response == NULL || max == 0)
                return 0;
        order = session_shown_order(s, &count);
        n = k->picks_of(sc, st->response, tmp, 64);
        if (n > max)
                n = max;
        if (k->widget == WIDGET_PICK_MANY) {
                /* Picks are a set: give them in shown order. */
                size_t got = 0;

                for (size_t i = 0; i < count && got < n; i++)
                        for (size_t j = 0; j < n; j++)
                                if (tmp[j] == order[i]) {
                                        out[got++] = i;
                                        break;
                                }
                return got;
        }
        for (size_t i = 0; i < n; i++)
                out[i] = shown_of(order, count, tmp[i]);
        return n;
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
        const struct kind_ops *k = ops_of(session_screen(s));

        if (st->attempts == 0 || st->correct || st->settled || st->response == NULL)
                return false;
        if (k->same != NULL)
                return k->same(st->response, response);
        return strcmp(st->response, response) == 0;
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

/* Whether a pick of shown options is what the widget takes; if not, says
 * why (session_problem) and returns false. */
static bool picks_fit(struct session *s, const struct kind_ops *k, const size_t *picks, size_t n,
                      size_t count)
{
        bool used[64] = {false};

        for (size_t i = 0; i < n; i++) {
                if (picks[i] >= count) {
                        invalid(s, "Choose from the numbers 1 to %zu.", count);
                        return false;
                }
        }
        switch (k->widget) {
        case WIDGET_PICK_ONE:
                if (n != 1)
                        invalid(s, "Choose just one of the numbers 1 to %zu.", count);
                return n == 1;
        case WIDGET_PICK_MANY:
                if (n == 0)
                        invalid(s, "Choose at least one of the numbers 1 to %zu.", count);
                return n > 0;
        case WIDGET_ORDER:
                if (n != count) {
                        invalid(s, "Give all %zu numbers, each once, in the right order.", count);
                        return false;
                }
                break;
        case WIDGET_MATCH:
                if (n != count) {
                        invalid(s, "Give %zu numbers: for each item on the left, its match.",
                                count);
                        return false;
                }
                break;
        default:
                return true;
        }
        for (size_t i = 0; i < n && i < 64; i++) {
                if (used[picks[i]]) {
                        invalid(s, "Use each of the numbers 1 to %zu once.", count);
                        return false;
                }
                used[picks[i]] = true;
        }
        return true;
}

enum answer_result session_answer_picks(struct session *s, const size_t *picks, size_t n,
                                        time_t now)
{
        const struct screen *sc = session_screen(s);
        const struct screen_state *st = session_state(s);
        const struct kind_ops *k = ops_of(sc);
        size_t count, *a;
        const size_t *order;
        char *response = NULL;
        bool right;
        enum answer_result res;

        s->problem[0] = '\0';
        if (k == NULL)
                return invalid(s, "There is no question here to answer.");
        if (!picks_widget(k))
                return invalid(s, "Type the answer itself, not a choice.");
        if (k->checked && st->settled)
                return ANSWER_ALREADY;
        order = session_shown_order(s, &count);
        if (!picks_fit(s, k, picks, n, count))
                return ANSWER_INVALID;

        session_tick(s, now);
        a = xcalloc(n ? n : 1, sizeof(size_t));
        for (size_t i = 0; i < n; i++)
                a[i] = order[picks[i]];
        right = k->check_picks(sc, a, &n, &response);
        if (k->checked)
                res = settle(s, right, response, now);
        else
                res = record_unscored(s, response, NULL,
                                      k->widget == WIDGET_PICK_ONE ? (int)a[0] : -1, now);
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

enum answer_result session_answer_text(struct session *s, const char *text, time_t now)
{
        const struct screen *sc = session_screen(s);
        const struct screen_state *st = session_state(s);
        const struct kind_ops *k = ops_of(sc);
        const char *problem = NULL;
        enum answer_result res;
        char *t;

        s->problem[0] = '\0';
        if (k == NULL)
                return invalid(s, "There is no question here to answer.");
        if (picks_widget(k))
                return invalid(s, "Answer with the number of a choice.");
        if (k->checked && st->settled)
                return ANSWER_ALREADY;
        t = trim_copy(text != NULL ? text : "");
        if (t[0] == '\0') {
                free(t);
                return invalid(s, "%s", k->empty);
        }
        session_tick(s, now);
        if (!k->checked) {
                /* Keep the learner's own lines; drop only the blank edges. */
                res = record_unscored(s, NULL, t, -1, now);
                free(t);
                return res;
        }
        switch (k->check_text(sc, t, &problem)) {
        case VERDICT_INVALID:
                free(t);
                return invalid(s, "%s", problem);
        case VERDICT_RIGHT:
                return settle(s, true, t, now);
        case VERDICT_WRONG:
                break;
        }
        return settle(s, false, t, now);
}

/* ---- feedback, hints, the right answer ---------------------------------- */

/* The feedback to show, in order, and for per-choice remarks the choice
 * each is about (NULL for general feedback); choices may be NULL. */
static size_t feedback_items(const struct session *s, const char **out, const char **choices,
                             size_t max)
{
        const struct screen *sc = session_screen(s);
        const struct screen_state *st = session_state(s);
        const struct kind_ops *k = ops_of(sc);
        size_t n = 0;

        if (k == NULL || st->attempts == 0 || !k->checked)
                return 0;
        if (k->remarks != NULL) {
                size_t picks[64], np = session_last_picks(s, picks, 64);
                const size_t *order = session_shown_order(s, NULL);

                for (size_t i = 0; i < np; i++)
                        picks[i] = order[picks[i]];
                n = k->remarks(sc, st->response, picks, np, out, choices, max);
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
        const struct kind_ops *k = ops_of(sc);

        if (k == NULL || k->typo_of == NULL || !st->correct || st->response == NULL)
                return NULL;
        return k->typo_of(sc, st->response);
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

char *session_right_answer(const struct session *s)
{
        const struct screen *sc = session_screen(s);
        const struct screen_state *st = session_state(s);
        const struct kind_ops *k = ops_of(sc);
        size_t count;
        const size_t *order;

        if (k == NULL || !k->checked || !st->settled)
                return NULL;
        order = session_shown_order(s, &count);
        return k->right_answer != NULL ? k->right_answer(sc, order, count) : xstrdup("");
}
