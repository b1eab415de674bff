/* Case studies: the walk from `start` through the learner's choices to an
 * ending, recorded as the path of step ids, then the optional reflection. */
#include <stdlib.h>
#include <string.h>

#include "dlfl/xalloc.h"
#include "session_impl.h"

static bool on_case(const struct session *s)
{
        const struct screen *sc = session_screen(s);

        return sc != NULL && sc->type == SCREEN_CASE_STUDY && sc->nsteps > 0;
}

static size_t step_index(const struct screen *sc, const char *id)
{
        for (size_t i = 0; i < sc->nsteps; i++)
                if (strcmp(sc->steps[i].id, id) == 0)
                        return i;
        return (size_t)-1;
}

/* The current step's index: the last of the path, or -1 when the walk has
 * not begun (or the module lost the step since). */
static size_t current(const struct session *s)
{
        const struct screen *sc = session_screen(s);
        const struct screen_state *st = session_state(s);

        if (!on_case(s) || st->npath == 0)
                return (size_t)-1;
        return step_index(sc, st->path[st->npath - 1]);
}

static void begin_walk(struct session *s, time_t now)
{
        const struct screen *sc = session_screen(s);
        struct screen_state *st = session_cur(s);

        record_path_clear(st);
        record_path_push(st, sc->steps[sc->start < sc->nsteps ? sc->start : 0].id);
        s->case_fb_valid = false;
        session_changed(s, now);
}

void session_case_begin(struct session *s, time_t now)
{
        if (!on_case(s) || current(s) != (size_t)-1)
                return;
        begin_walk(s, now);
}

void session_case_restart(struct session *s, time_t now)
{
        if (on_case(s))
                begin_walk(s, now);
}

const struct step *session_case_step(const struct session *s)
{
        size_t i = current(s);

        return i == (size_t)-1 ? NULL : &session_screen(s)->steps[i];
}

const char *session_case_choose(struct session *s, size_t shown, time_t now)
{
        const struct screen *sc = session_screen(s);
        const struct step *step = session_case_step(s);
        const struct choice *c;
        const struct step *next;
        struct screen_state *st;

        if (step == NULL || step->ending != ENDING_NONE || shown >= step->nchoices ||
            step->choices[shown].next >= sc->nsteps)
                return NULL;
        session_tick(s, now);
        c = &step->choices[shown];
        next = &sc->steps[c->next];
        st = session_cur(s);
        record_path_push(st, next->id);
        if (next->ending != ENDING_NONE) {
                record_set_string(&st->ending, model_ending_name(next->ending));
                st->complete = true;
                st->when = now;
        }
        s->case_fb = c->feedback;
        s->case_fb_valid = true;
        session_changed(s, now);
        return c->feedback;
}

const char *session_case_last_feedback(const struct session *s)
{
        const struct screen *sc = session_screen(s);
        const struct screen_state *st = session_state(s);
        size_t cur, prev;

        if (s->case_fb_valid)
                return s->case_fb;
        /* After a resume: the first choice of the previous step leading here. */
        if (!on_case(s) || st->npath < 2)
                return NULL;
        cur = step_index(sc, st->path[st->npath - 1]);
        prev = step_index(sc, st->path[st->npath - 2]);
        if (cur == (size_t)-1 || prev == (size_t)-1)
                return NULL;
        for (size_t i = 0; i < sc->steps[prev].nchoices; i++)
                if (sc->steps[prev].choices[i].next == cur)
                        return sc->steps[prev].choices[i].feedback;
        return NULL;
}

bool session_case_needs_reflection(const struct session *s)
{
        const struct screen *sc = session_screen(s);
        const struct step *step = session_case_step(s);

        if (sc == NULL || sc->type != SCREEN_CASE_STUDY || sc->reflection == NULL ||
            session_state(s)->text != NULL)
                return false;
        return sc->nsteps == 0 || (step != NULL && step->ending != ENDING_NONE);
}

void session_case_reflect(struct session *s, const char *text, time_t now)
{
        const struct screen *sc = session_screen(s);
        struct screen_state *st;
        size_t a = 0, b;

        if (sc == NULL || sc->type != SCREEN_CASE_STUDY || text == NULL)
                return;
        b = strlen(text);
        while (a < b && strchr(" \t\r\n", text[a]) != NULL)
                a++;
        while (b > a && strchr(" \t\r\n", text[b - 1]) != NULL)
                b--;
        if (a == b)
                return; /* nothing written: the reflection is still to do */
        session_tick(s, now);
        st = session_cur(s);
        free(st->text);
        st->text = xstrndup(text + a, b - a);
        record_set_string(&st->draft, NULL);
        st->when = now;
        session_changed(s, now);
}
