/* Line mode: a module's intro (outcomes, sections, how far the learner
 * is). */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "dlfl/present.h"
#include "dlfl/session.h"
#include "dlfl/xalloc.h"

#include "plain_impl.h"

/* Whether the module was started when the intro was shown: only then
 * may it be started again (r). */
struct intro {
        bool fresh;
};

/* The intro: outcomes, sections and how far the learner is. */
static void intro_show(struct plain *p, struct session *s, const struct screen *sc)
{
        struct intro *st = plain_state(p);
        const struct module *m = session_module(s);
        struct present_intro in;

        present_intro(m, record_find_module(p->rec, m->id), &in);
        st->fresh = !in.started;
        (void)sc;
        plain_blank(p);
        plain_wrapped(p, "", m->title);
        plain_md(p, "", m->summary);
        plain_say(p, "%s", in.facts);
        if (session_module_changed(s))
                plain_say(p, "%s", PRESENT_MODULE_CHANGED);
        if (m->noutcomes > 0) {
                plain_blank(p);
                plain_say(p, "%s", PRESENT_OUTCOMES_HEADING);
                for (size_t i = 0; i < m->noutcomes; i++) {
                        char *prefix = xasprintf("%zu. ", i + 1);

                        plain_md(p, prefix, m->outcomes[i]);
                        free(prefix);
                }
        }
        if (m->npksb > 0) {
                plain_blank(p);
                plain_say(p, "%s", PRESENT_PKSB_HEADING);
                for (size_t i = 0; i < m->npksb; i++)
                        plain_wrapped(p, "- ", m->pksb[i]);
        }
        if (in.reviewed[0] != '\0') {
                plain_blank(p);
                plain_say(p, "%s", in.reviewed);
        }
        plain_blank(p);
        plain_say(p, "%s", PRESENT_SECTIONS_HEADING);
        for (size_t i = 0; i < m->nsections; i++) {
                char *prefix = xasprintf("%zu. ", i + 1);
                char *line;

                line = present_intro_section(m, &in, i);
                plain_wrapped(p, prefix, line);
                free(line);
                free(prefix);
        }
        {
                const char *go = present_intro_go_on(&in, session_on_summary(s));

                /* The engine's sentence, without its full stop, is the prompt. */
                plain_ask(p, "%.*s", (int)strlen(go) - 1, go);
        }
}

static enum flow intro_line(struct plain *p, struct session *s, const char *t)
{
        const struct intro *st = plain_state(p);
        bool handled;
        enum flow f;

        if (t[0] == '\0')
                return plain_position(p);
        if (!st->fresh && (strcmp(t, "r") == 0 || strcmp(t, "R") == 0)) {
                session_restart(s, time(NULL));
                plain_say(p, "%s", present_again_started(false));
                return plain_position(p);
        }
        if (plain_command(t) == 'b')
                return FLOW_MENU;
        f = plain_common(p, s, plain_command(t), &handled);
        if (handled)
                return f;
        /* Never carried to the first screen, which is not shown yet. */
        plain_refuse(p);
        return FLOW_STAY;
}

const struct plain_screen plain_intro_screen = {
    .show = intro_show,
    .line = intro_line,
    .state_size = sizeof(struct intro),
};
