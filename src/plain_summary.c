/* Line mode: the module summary, with the screens to revisit. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "dlfl/app.h"
#include "dlfl/present.h"
#include "dlfl/session.h"
#include "dlfl/xalloc.h"

#include "plain_impl.h"

const struct module *plain_next_module(struct plain *p, const struct module *m)
{
        const struct catalog *c = &p->app->catalog;

        for (size_t i = 0; i + 1 < c->count; i++)
                if (c->modules[i] == m)
                        return c->modules[i + 1];
        return NULL;
}

static void summary_show(struct plain *p, struct session *s, const struct screen *sc)
{
        const struct module *m = session_module(s);
        const struct module *next = plain_next_module(p, m);
        struct summary sum;
        struct present_summary ps;
        char offer[160];
        bool again;

        (void)sc; /* NULL: the summary is no screen of the module */
        session_summary(s, &sum);
        present_summary(&sum, &ps);
        again = present_again_questions(&sum);
        plain_blank(p);
        {
                char *head = present_summary_heading(m);

                plain_wrapped(p, "", head);
                free(head);
        }
        plain_say(p, "%s", ps.score);
        plain_say(p, "%s", ps.result);
        plain_say(p, "%s", ps.time);
        if (sum.nrevisit > 0) {
                plain_say(p, "%s", PRESENT_REVISIT_HEADING);
                for (size_t i = 0; i < sum.nrevisit; i++) {
                        const struct screen_state *st = session_state_at(s, sum.revisit[i]);
                        const struct screen *rs = &m->screens[sum.revisit[i]];
                        char *label = present_first_line(present_revisit_label(rs), p->width - 30);
                        char *prefix = xasprintf("%zu. ", i + 1);
                        char note[64];
                        char *line;

                        present_revisit_note(rs, st, sum.revisit[i], note, sizeof note);
                        line = xasprintf("%s (%s)", label, note);

                        plain_wrapped(p, prefix, line);
                        free(line);
                        free(prefix);
                        free(label);
                }
        } else {
                plain_say(p, "%s", PRESENT_REVISIT_NONE);
        }
        present_again_offer(&sum, "Type", offer, sizeof offer);
        plain_say(p, "%s", offer);
        {
                char *way = present_summary_next(next);

                plain_wrapped(p, "", way);
                free(way);
        }
        plain_ask(p, "%s%s; or press Enter to go on%s",
                  sum.nrevisit > 0 ? "Type a number to revisit it, " : "Type ",
                  again ? "a for " PRESENT_AGAIN_QUESTIONS " or r for " PRESENT_AGAIN_MODULE
                        : "r for " PRESENT_AGAIN_MODULE,
                  next != NULL ? " to the next module" : " to the module menu");
}

static enum flow summary_line(struct plain *p, struct session *s, const char *t)
{
        struct summary sum;
        long v;

        session_summary(s, &sum);
        if (strcmp(t, "r") == 0 || strcmp(t, "R") == 0) {
                session_restart(s, time(NULL));
                plain_say(p, "%s", present_again_started(false));
                return FLOW_SHOW;
        }
        if ((strcmp(t, "a") == 0 || strcmp(t, "A") == 0) && present_again_questions(&sum)) {
                session_restart_questions(s, time(NULL));
                plain_say(p, "%s", present_again_started(true));
                return FLOW_SHOW;
        }
        v = plain_number(t);
        if (v >= 1 && (size_t)v <= sum.nrevisit) {
                session_revisit(s, sum.revisit[v - 1], time(NULL));
                return FLOW_SHOW;
        }
        plain_say(p, "That is not one of the choices here.");
        return FLOW_STAY;
}

const struct plain_screen plain_summary_screen = {
    .show = summary_show,
    .line = summary_line,
    .module = true,
};
