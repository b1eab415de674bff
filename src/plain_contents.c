/* Line mode: the contents of a module, every screen numbered. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "dlfl/present.h"
#include "dlfl/session.h"
#include "dlfl/text.h"
#include "dlfl/xalloc.h"

#include "plain_impl.h"

char *plain_first_line(struct plain *p, const char *text, int width)
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
                char *f = plain_first_line(p, sc->prompt, p->width - 30);
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
                        char *label = screen_label(p, &m->screens[j]);
                        char *prefix = xasprintf("  %zu. ", j + 1);
                        char *line = xasprintf("%s%s%s", label, state_label(session_state_at(s, j)),
                                               j == session_position(s) ? " (you are here)" : "");

                        plain_wrapped(p, prefix, line);
                        free(line);
                        free(prefix);
                        free(label);
                }
        }
        {
                char *prefix = xasprintf("  %zu. ", m->nscreens + 1);

                plain_wrapped(p, prefix,
                              session_on_summary(s) ? "Summary (you are here)" : "Summary");
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
