/* Line mode: a case study, its steps, choices and closing reflection. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "dlfl/present.h"
#include "dlfl/session.h"
#include "dlfl/xalloc.h"

#include "plain_impl.h"

/* The engine's sentence, without its full stop, is the prompt. */
static void ask_sentence(struct plain *p, const char *sentence)
{
        plain_ask(p, "%.*s", (int)strlen(sentence) - 1, sentence);
}

static void show_step(struct plain *p, struct session *s)
{
        const struct step *step = session_case_step(s);
        const struct screen *sc = session_screen(s);
        const struct screen_state *st = session_state(s);

        if (step == NULL)
                return;
        plain_blank(p);
        plain_md(p, "", step->text);
        if (step->ending != ENDING_NONE) {
                plain_blank(p);
                plain_say(p, "%s", present_ending(step->ending));
                if (sc->reflection != NULL) {
                        plain_blank(p);
                        plain_md(p, PRESENT_REFLECT_LABEL, sc->reflection);
                        if (st->text != NULL) {
                                plain_wrapped(p, PRESENT_REFLECTION_LABEL, st->text);
                        } else {
                                if (st->draft != NULL)
                                        plain_wrapped(p, PRESENT_DRAFT_LABEL, st->draft);
                                plain_ask(p,
                                          "Write as many lines as you like, then a line holding "
                                          "only a full stop (.); or press Enter to go on without "
                                          "writing");
                                return;
                        }
                }
                ask_sentence(p, present_case_go_on(true));
                return;
        }
        plain_blank(p);
        for (size_t i = 0; i < step->nchoices; i++) {
                char *prefix = xasprintf("%zu. ", i + 1);

                plain_md(p, prefix, step->choices[i].text);
                free(prefix);
        }
        plain_ask(p, "Type the number of your choice");
}

static void case_show(struct plain *p, struct session *s, const struct screen *sc)
{
        char *head = present_case_heading(sc);

        plain_wrapped(p, "", head);
        free(head);
        plain_blank(p);
        plain_md(p, "", sc->body);
        if (sc->nsteps == 0) {
                if (sc->reflection != NULL) {
                        plain_blank(p);
                        plain_md(p, PRESENT_REFLECT_LABEL, sc->reflection);
                        if (session_state(s)->text != NULL) {
                                plain_wrapped(p, PRESENT_REFLECTION_LABEL, session_state(s)->text);
                        } else {
                                if (session_state(s)->draft != NULL)
                                        plain_wrapped(p, PRESENT_DRAFT_LABEL,
                                                      session_state(s)->draft);
                                plain_ask(p,
                                          "Write as many lines as you like, then a line holding "
                                          "only a full stop (.); or press Enter to go on without "
                                          "writing");
                                return;
                        }
                }
                ask_sentence(p, present_case_go_on(false));
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
        char *text = plain_read_lines(p, t, &eof);

        if (eof) {
                session_set_draft(s, text, time(NULL));
                free(text);
                return FLOW_QUIT;
        }
        session_case_reflect(s, text, time(NULL));
        free(text);
        if (session_state(s)->text != NULL) {
                session_set_draft(s, NULL, time(NULL));
                plain_say(p, "%s", PRESENT_REFLECTION_SAVED);
                p->answered_here = true;
        }
        plain_ask(p, "Press Enter to go on");
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
                        /* As on a settled question: never carried to the next screen. */
                        plain_refuse(p);
                        return FLOW_STAY;
                }
                if (sc->reflection != NULL && session_state(s)->text == NULL)
                        return case_reflect(p, s, t);
                plain_say(p, "%s", present_case_go_on(true));
                return FLOW_STAY;
        }
        if (step == NULL && session_case_needs_reflection(s))
                return case_reflect(p, s, t);
        if (step == NULL) {
                if (p->answered_here) {
                        plain_refuse(p);
                        return FLOW_STAY;
                }
                plain_say(p, "There is nothing to answer here.");
                return FLOW_STAY;
        }
        v = plain_number(t);
        if (v < 1 || (size_t)v > step->nchoices) {
                plain_say(p, "Type a number from 1 to %zu.", step->nchoices);
                return FLOW_STAY;
        }
        {
                const char *fb = session_case_choose(s, (size_t)v - 1, time(NULL));
                const struct step *now_at;

                now_at = session_case_step(s);
                if (now_at != NULL && now_at->ending != ENDING_NONE)
                        p->answered_here = true;

                if (fb != NULL) {
                        plain_blank(p);
                        plain_md(p, "", fb);
                }
        }
        show_step(p, s);
        return FLOW_STAY;
}

const struct plain_screen plain_case_screen = {
    .show = case_show,
    .line = case_line,
    .module = true,
};
