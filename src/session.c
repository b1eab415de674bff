/* The learning session: position, time, completion and the summary. Answer
 * checking lives in session_check.c, case-study walks in session_case.c;
 * they share the private struct in session_impl.h. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "dlfl/xalloc.h"
#include "session_impl.h"

static const struct screen_state empty_state = {.rating = -1};

struct attempt *session_att(const struct session *s)
{
        return record_current(record_module(s->rec, s->m->id));
}

struct screen_state *session_cur(struct session *s)
{
        return record_screen(session_att(s), s->m->screens[s->pos].id);
}

/* Recomputes the attempt's totals and position, then asks the front end to
 * persist. Called after every answer and every screen change. */
void session_changed(struct session *s, time_t now)
{
        struct attempt *a = session_att(s);
        struct summary sum;

        session_status(s->m, record_module(s->rec, s->m->id), &sum);
        a->earned = sum.earned;
        a->possible = sum.possible;
        /* After the clock is set back, no time goes before the attempt's
         * start: the record stays in order. */
        if (now < a->started)
                now = a->started;
        if (sum.complete && !a->complete) {
                a->complete = true;
                a->completed = now;
        }
        if (sum.passed)
                a->passed = true;
        a->updated = now;
        if (s->pos < s->m->nscreens) {
                const struct screen *sc = &s->m->screens[s->pos];

                record_set_string(&a->section, s->m->sections[sc->section].id);
                record_set_string(&a->screen, sc->id);
        } else {
                /* On the summary: no screen; resuming a complete attempt returns here. */
                record_set_string(&a->section, NULL);
                record_set_string(&a->screen, NULL);
        }
        record_set_string(&a->digest, s->m->digest);
        if (s->hook != NULL)
                s->hook(s->hook_ctx);
}

static bool attempt_begun(const struct attempt *a)
{
        for (size_t i = 0; i < a->nscreens; i++)
                if (a->screens[i].seen)
                        return true;
        return false;
}

/* The current screen is in front of the learner: it is seen, and a lesson
 * (or a case study that is only a scenario) is complete. */
static void arrive(struct session *s, time_t now)
{
        if (s->pos < s->m->nscreens) {
                struct attempt *a = session_att(s);
                struct screen_state *st;

                /* The attempt begins when the learner first goes past the
                 * intro, not when the intro is opened. */
                if (!attempt_begun(a))
                        a->started = now;
                st = session_cur(s);
                const struct screen *sc = &s->m->screens[s->pos];

                st->seen = true;
                if ((sc->type == SCREEN_LESSON ||
                     (sc->type == SCREEN_CASE_STUDY && sc->nsteps == 0)) &&
                    !st->complete) {
                        st->complete = true;
                        st->when = now;
                }
        }
}

static void enter(struct session *s, size_t pos, time_t now)
{
        session_tick(s, now);
        s->revisiting = false;
        s->pos = pos;
        s->order_valid = false;
        s->case_fb_valid = false;
        s->problem[0] = '\0';
        arrive(s, now);
        session_changed(s, now);
}

void session_arrive(struct session *s, time_t now)
{
        arrive(s, now);
        session_changed(s, now);
}

static size_t first_incomplete(const struct session *s)
{
        for (size_t i = 0; i < s->m->nscreens; i++)
                if (!session_screen_complete(s, i))
                        return i;
        return 0;
}

struct session *session_open(const struct module *m, struct learner_record *rec,
                             const char *learner, time_t now)
{
        struct session *s = xcalloc(1, sizeof(*s));
        struct module_record *mr = record_module(rec, m->id);
        struct attempt *a = record_current(mr);
        size_t pos = 0;

        s->m = m;
        s->rec = rec;
        s->learner = xstrdup(learner != NULL ? learner : "");
        s->clock = session_monotonic;
        s->last_tick = s->clock();
        record_set_string(&mr->title, m->title);
        if (a == NULL) {
                record_new_attempt(mr, m->pass_mark, now);
        } else {
                s->changed = a->digest != NULL && strcmp(a->digest, m->digest) != 0;
                if (a->screen != NULL && model_find_screen(m, a->screen) != (size_t)-1)
                        pos = model_find_screen(m, a->screen);
                else if (a->nscreens > 0 && a->complete)
                        pos = m->nscreens;
                else
                        pos = first_incomplete(s);
        }
        /* Opening is not yet showing: the front end may show the module's
         * intro first, and calls session_arrive() when the screen is up. */
        s->pos = pos;
        session_changed(s, now);
        return s;
}

void session_close(struct session **sp, time_t now)
{
        struct session *s;

        if (sp == NULL || *sp == NULL)
                return;
        s = *sp;
        session_tick(s, now);
        session_changed(s, now);
        free(s->order);
        free(s->learner);
        free(s);
        *sp = NULL;
}

void session_set_save_hook(struct session *s, void (*hook)(void *ctx), void *ctx)
{
        s->hook = hook;
        s->hook_ctx = ctx;
}

const struct module *session_module(const struct session *s)
{
        return s->m;
}

bool session_module_changed(const struct session *s)
{
        return s->changed;
}

const struct attempt *session_attempt(const struct session *s)
{
        return session_att(s);
}

size_t session_position(const struct session *s)
{
        return s->pos;
}

size_t session_count(const struct session *s)
{
        return s->m->nscreens;
}

bool session_on_summary(const struct session *s)
{
        return s->pos >= s->m->nscreens;
}

const struct screen *session_screen(const struct session *s)
{
        return s->pos < s->m->nscreens ? &s->m->screens[s->pos] : NULL;
}

const struct section *session_section(const struct session *s)
{
        if (s->m->nsections == 0)
                return NULL;
        if (s->pos < s->m->nscreens)
                return &s->m->sections[s->m->screens[s->pos].section];
        return &s->m->sections[s->m->nsections - 1];
}

/* In "the questions again", lessons are read already: moving passes them. */
static bool skipped(const struct session *s, size_t pos)
{
        const struct attempt *a = session_att(s);

        return pos < s->m->nscreens && a != NULL && a->questions_only &&
               s->m->screens[pos].type == SCREEN_LESSON;
}

bool session_next(struct session *s, time_t now)
{
        size_t pos = s->pos + 1;

        if (s->pos >= s->m->nscreens)
                return false;
        if (s->revisiting) {
                enter(s, s->m->nscreens, now);
                return true;
        }
        while (skipped(s, pos))
                pos++;
        enter(s, pos, now);
        return true;
}

bool session_back(struct session *s, time_t now)
{
        size_t pos = s->pos;

        while (pos > 0 && skipped(s, pos - 1))
                pos--;
        if (pos == 0)
                return false;
        enter(s, pos - 1, now);
        return true;
}

void session_revisit(struct session *s, size_t position, time_t now)
{
        session_go(s, position, now);
        s->revisiting = position < s->m->nscreens;
}

bool session_revisiting(const struct session *s)
{
        return s->revisiting;
}

void session_go(struct session *s, size_t position, time_t now)
{
        if (position > s->m->nscreens)
                position = s->m->nscreens;
        enter(s, position, now);
}

void session_go_section(struct session *s, size_t section, time_t now)
{
        if (section >= s->m->nsections)
                return;
        session_go(s, s->m->sections[section].first, now);
}

double session_monotonic(void)
{
        struct timespec ts;

        if (clock_gettime(CLOCK_MONOTONIC, &ts) != 0)
                return (double)time(NULL);
        return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void session_set_clock(struct session *s, double (*clock)(void))
{
        s->clock = clock != NULL ? clock : session_monotonic;
        s->last_tick = s->clock();
}

/* Durations come from the monotonic clock, never from `now` (wall time,
 * which can jump either way when the clock is set). */
void session_tick(struct session *s, time_t now)
{
        struct attempt *a;
        double t = s->clock(), d;

        (void)now;
        if (t <= s->last_tick) {
                s->last_tick = t;
                return;
        }
        d = t - s->last_tick;
        if (d > SESSION_IDLE_CAP)
                d = SESSION_IDLE_CAP;
        s->last_tick = t;
        a = session_att(s);
        a->seconds += d;
        if (s->pos < s->m->nscreens)
                session_cur(s)->seconds += d;
}

void session_restart(struct session *s, time_t now)
{
        session_tick(s, now);
        session_changed(s, now);
        record_new_attempt(record_module(s->rec, s->m->id), s->m->pass_mark, now);
        s->pos = 0;
        enter(s, 0, now);
}

void session_restart_questions(struct session *s, time_t now)
{
        struct attempt *a;
        size_t first = s->m->nscreens;

        session_tick(s, now);
        session_changed(s, now);
        a = record_new_attempt(record_module(s->rec, s->m->id), s->m->pass_mark, now);
        a->questions_only = true;
        for (size_t i = 0; i < s->m->nscreens; i++) {
                if (s->m->screens[i].type == SCREEN_LESSON) {
                        struct screen_state *st = record_screen(a, s->m->screens[i].id);

                        st->seen = true;
                        st->complete = true;
                        st->when = now;
                } else if (first == s->m->nscreens) {
                        first = i;
                }
        }
        s->pos = first;
        enter(s, first, now);
}

void session_set_draft(struct session *s, const char *draft, time_t now)
{
        struct screen_state *st;

        if (s->pos >= s->m->nscreens)
                return;
        st = session_cur(s);
        if (draft != NULL && draft[0] == '\0')
                draft = NULL;
        if ((draft == NULL && st->draft == NULL) ||
            (draft != NULL && st->draft != NULL && strcmp(draft, st->draft) == 0))
                return;
        record_set_string(&st->draft, draft);
        session_changed(s, now);
}

const char *session_draft(const struct session *s)
{
        return session_state(s)->draft;
}

const struct screen_state *session_state_at(const struct session *s, size_t position)
{
        const struct screen_state *st;

        if (position >= s->m->nscreens)
                return &empty_state;
        st = record_find_screen(session_att(s), s->m->screens[position].id);
        return st != NULL ? st : &empty_state;
}

const struct screen_state *session_state(const struct session *s)
{
        return session_state_at(s, s->pos);
}

bool session_screen_complete(const struct session *s, size_t position)
{
        return session_state_at(s, position)->complete;
}

bool session_question_closed(const struct session *s)
{
        const struct screen_state *st = session_state(s);

        return st != NULL && (st->settled || st->complete);
}

/* Status from a record alone: the menus and reports use this without a
 * session, and the session uses it to keep the attempt's totals. */
void session_status(const struct module *m, const struct module_record *mr, struct summary *out)
{
        const struct attempt *a = NULL;

        memset(out, 0, sizeof(*out));
        out->total = m->nscreens;
        out->pass_mark = m->pass_mark;
        out->possible = model_possible_points(m);
        if (mr != NULL && mr->nattempts > 0)
                a = &mr->attempts[mr->nattempts - 1];
        if (a != NULL)
                out->pass_mark = a->pass_mark;
        for (size_t i = 0; i < m->nscreens; i++) {
                const struct screen *sc = &m->screens[i];
                const struct screen_state *st = record_find_screen(a, sc->id);
                double pts = model_screen_points(sc);

                if (st != NULL && st->complete)
                        out->done++;
                if (st != NULL && st->correct && pts > 0)
                        out->earned += st->points;
                /* Every screen still to do (a rating or case study left,
                 * as line mode promises) and every scored question not
                 * answered right, in screen order. */
                if (((pts > 0 && (st == NULL || !st->correct)) || st == NULL || !st->complete) &&
                    out->nrevisit < sizeof(out->revisit) / sizeof(out->revisit[0]))
                        out->revisit[out->nrevisit++] = i;
        }
        /* A finished attempt shows the score that decided its result, kept
         * with it as its pass mark is: an edited module never makes a
         * result contradict its score ("passed, 50.0%" against 70%). */
        if (a != NULL && a->complete && isfinite(a->earned) && isfinite(a->possible)) {
                out->earned = a->earned;
                out->possible = a->possible;
        }
        if (out->possible > 0)
                out->percent = out->earned / out->possible * 100.0;
        else
                out->percent = 100.0;
        if (a == NULL) {
                out->status = STATUS_NOT_STARTED;
                return;
        }
        out->seconds = a->seconds;
        out->started = a->complete;
        for (size_t i = 0; i < a->nscreens && !out->started; i++)
                out->started = a->screens[i].seen;
        /* Once complete or passed, an attempt stays so: an edited module never
         * takes away a result already earned. */
        out->complete = a->complete || (m->nscreens > 0 && out->done == out->total);
        out->passed =
            a->passed ||
            (out->complete &&
             (out->possible <= 0 || out->earned * 100.0 >= out->pass_mark * out->possible - 1e-9));
        out->status = out->passed     ? STATUS_PASSED
                      : out->complete ? STATUS_COMPLETE
                      : out->started  ? STATUS_IN_PROGRESS
                                      : STATUS_NOT_STARTED;
}

void session_summary(const struct session *s, struct summary *out)
{
        session_status(s->m, record_find_module(s->rec, s->m->id), out);
}

const char *session_status_name(enum module_status st)
{
        switch (st) {
        case STATUS_NOT_STARTED:
                return "not started";
        case STATUS_IN_PROGRESS:
                return "in progress";
        case STATUS_COMPLETE:
                return "not passed";
        case STATUS_PASSED:
                return "passed";
        }
        return "?";
}
