/* Line mode: the contents of a module, every screen numbered. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "dlfl/present.h"
#include "dlfl/session.h"
#include "dlfl/text.h"
#include "dlfl/xalloc.h"

#include "plain_impl.h"

/* The contents: every screen numbered, under its section. A number typed
 * goes there; an empty line stays. */
static void contents_show(struct plain *p, struct session *s, const struct screen *sc)
{
        const struct module *m = session_module(s);

        (void)sc;
        plain_blank(p);
        {
                char *head = present_contents_heading(m);

                plain_wrapped(p, "", head);
                free(head);
        }
        for (size_t i = 0; i < m->nsections; i++) {
                const struct section *sec = &m->sections[i];

                plain_wrapped(p, "", sec->title);
                for (size_t j = sec->first; j < sec->first + sec->count; j++) {
                        /* A question's prompt may be long: its first line is enough. */
                        char *label = present_first_line(present_contents_label(&m->screens[j]),
                                                         p->width - 30);
                        char *prefix = xasprintf("  %zu. ", j + 1);
                        char *line =
                            present_contents_entry(&m->screens[j], label, session_state_at(s, j),
                                                   j == session_position(s));

                        plain_wrapped(p, prefix, line);
                        free(line);
                        free(prefix);
                        free(label);
                }
        }
        {
                char *prefix = xasprintf("  %zu. ", m->nscreens + 1);

                char *sum = present_contents_summary(session_on_summary(s));

                plain_wrapped(p, prefix, sum);
                free(sum);
                free(prefix);
        }
        plain_ask(p, "Type a screen's number to go there, or press Enter to stay");
}

static enum flow contents_line(struct plain *p, struct session *s, const char *t)
{
        const struct module *m = session_module(s);
        long v;

        if (t[0] == '\0')
                return plain_position(p);
        if (plain_command(t) == 'q')
                return FLOW_QUIT;
        if (plain_command(t) == 'm')
                return FLOW_MENU;
        v = plain_number(t);
        if (v >= 1 && (size_t)v <= m->nscreens + 1) {
                session_go(s, (size_t)v - 1, time(NULL));
                return plain_position(p);
        }
        plain_say(p, "Type a number from 1 to %zu, or press Enter to stay.", m->nscreens + 1);
        return FLOW_STAY;
}

const struct plain_screen plain_contents_screen = {.show = contents_show, .line = contents_line};
