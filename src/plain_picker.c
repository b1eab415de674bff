/* Line mode: the learner picker, and the name asked for a new learner. */
#include <stdlib.h>
#include <string.h>

#include "dlfl/present.h"
#include "dlfl/store.h"
#include "dlfl/xalloc.h"

#include "plain_impl.h"

/* The learners as listed when the picker was shown: the numbers typed
 * mean these, whatever another terminal did since. */
struct picker {
        char **names;
        size_t n;
};

static void picker_leave(struct plain *p)
{
        struct picker *st = plain_state(p);

        store_names_free(st->names, st->n);
}

/* Existing learners numbered, then Guest; n for a new one. */
static void picker_show(struct plain *p, struct session *s, const struct screen *sc)
{
        struct picker *st = plain_state(p);
        const char *err = NULL;

        (void)s;
        (void)sc;
        /* Listed afresh each time the picker is shown. */
        store_names_free(st->names, st->n);
        st->n = 0;
        st->names = store_list(p->store, &st->n, &err);
        plain_blank(p);
        if (st->names == NULL && err != NULL)
                plain_say(p, "The learners cannot be listed: %s", err);
        plain_say(p, "Who is learning?");
        for (size_t i = 0; i < st->n; i++) {
                char *prefix = xasprintf("%zu. ", i + 1);

                plain_wrapped(p, prefix, st->names[i]);
                free(prefix);
        }
        {
                char *prefix = xasprintf("%zu. ", st->n + 1);

                plain_wrapped(p, prefix, PRESENT_GUEST);
                free(prefix);
        }
        /* In kiosk mode q does nothing here, so it is not offered. */
        plain_ask(p, "Type a number, n for a new learner%s", p->app->kiosk ? "" : ", or q to quit");
}

/* q at the picker or the name prompt: on a shared terminal there is
 * nothing to quit. */
static enum flow quit_or_stay(struct plain *p)
{
        if (!p->app->kiosk)
                return FLOW_QUIT;
        plain_say(p, "This is a shared terminal: there is nothing to quit.");
        return FLOW_STAY;
}

static enum flow picker_line(struct plain *p, struct session *s, const char *t)
{
        struct picker *st = plain_state(p);
        long v = plain_number(t);

        (void)s;
        if (v >= 1 && (size_t)v <= st->n)
                return plain_login(p, st->names[v - 1]);
        if ((size_t)v == st->n + 1)
                return plain_login_guest(p);
        if (strcmp(t, "n") == 0 || strcmp(t, "N") == 0)
                return plain_go(p, &plain_name_screen);
        switch (plain_command(t)) {
        case 'q':
                return quit_or_stay(p);
        case '?':
                plain_help(p);
                return FLOW_STAY;
        default:
                plain_say(p, "Type a number from 1 to %zu, n for a new learner%s.", st->n + 1,
                          p->app->kiosk ? "" : ", or q to quit");
                return FLOW_STAY;
        }
}

const struct plain_screen plain_picker_screen = {
    .show = picker_show,
    .line = picker_line,
    .leave = picker_leave,
    .state_size = sizeof(struct picker),
};

/* A new learner's name; an empty line goes back to the picker. */
static void name_show(struct plain *p, struct session *s, const struct screen *sc)
{
        (void)s;
        (void)sc;
        plain_ask(p, "Type your name");
}

/* present_new_name decides what the name means, as in the TUI: a refused
 * one is asked for again. */
static enum flow name_line(struct plain *p, struct session *s, const char *t)
{
        char *existing = NULL;
        const char *why = NULL;
        char *name;
        enum flow f;

        (void)s;
        if (t[0] == '\0')
                return plain_go(p, &plain_picker_screen);
        /* The protocol's commands work at every prompt, this one too: a
         * lone q is not taken for a learner called "q". */
        switch (plain_command(t)) {
        case 'q':
                return quit_or_stay(p);
        case 'b':
                return plain_go(p, &plain_picker_screen);
        case '?':
                plain_help(p);
                return FLOW_STAY;
        case 0:
                break;
        default:
                plain_say(p, "No module is open yet. Type your name, or press Enter to go back.");
                return FLOW_STAY;
        }
        switch (present_new_name(p->store, t, &existing, &why)) {
        case PRESENT_NAME_REFUSED:
                plain_say(p, "%s", why);
                return FLOW_STAY;
        case PRESENT_NAME_EXISTING: {
                char *notice = present_existing_notice(existing);

                plain_say(p, "%s", notice);
                free(notice);
                f = plain_login(p, existing);
                free(existing);
                return f;
        }
        case PRESENT_NAME_NEW:
        default:
                name = xstrdup(t);
                f = plain_login(p, name);
                free(name);
                return f;
        }
}

const struct plain_screen plain_name_screen = {.show = name_show, .line = name_line};
