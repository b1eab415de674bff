/* Line mode: a lesson, its title and text; it takes no answers. */
#include "dlfl/session.h"

#include "plain_impl.h"

static void lesson_show(struct plain *p, struct session *s, const struct screen *sc)
{
        (void)s;
        plain_wrapped(p, "", sc->title);
        plain_blank(p);
        plain_md(p, "", sc->body);
}

/* Any line that is not a command is refused. */
static enum flow lesson_line(struct plain *p, struct session *s, const char *t)
{
        (void)s;
        (void)t;
        plain_say(p, "There is nothing to answer on this screen.");
        return FLOW_STAY;
}

const struct plain_screen plain_lesson_screen = {
    .show = lesson_show,
    .line = lesson_line,
    .module = true,
};
