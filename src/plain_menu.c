/* Line mode: the module menu and "forget me". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dlfl/app.h"
#include "dlfl/present.h"
#include "dlfl/session.h"
#include "dlfl/store.h"
#include "dlfl/text.h"
#include "dlfl/xalloc.h"

#include "plain_impl.h"

/* The module to resume, as the presentation layer decides, or NULL. */
static const struct module *resume_target(struct plain *p)
{
        int i = present_resume(&p->app->catalog, p->rec);

        return i >= 0 ? p->app->catalog.modules[i] : NULL;
}

static void show_menu(struct plain *p, const struct module *resume)
{
        const struct catalog *c = &p->app->catalog;

        char *heading = present_menu_heading(p->name);

        plain_blank(p);
        plain_say(p, "%s", heading);
        free(heading);
        if (c->count == 0)
                plain_say(p, "%s", PRESENT_NO_MODULES);
        for (size_t i = 0; i < c->count; i++) {
                const struct module *m = c->modules[i];
                struct summary sum;
                char info[160];
                char *prefix = xasprintf("%zu. ", i + 1);
                char *line;

                session_status(m, record_find_module(p->rec, m->id), &sum);
                present_menu_info(m, &sum, info, sizeof(info));
                line = xasprintf("%s (%s)", m->title, info);
                plain_wrapped(p, prefix, line);
                plain_md(p, "   ", m->summary);
                free(line);
                free(prefix);
        }
        {
                size_t nb;
                const struct app_broken *b = app_broken(&nb);

                for (size_t i = 0; i < nb; i++) {
                        char *file = text_sanitize_line(b[i].file);
                        char *why = text_sanitize_line(b[i].error);
                        char *line = present_broken(file, why);

                        plain_wrapped(p, "-  ", line);
                        free(line);
                        free(why);
                        free(file);
                }
        }
        if (resume != NULL) {
                char *prefix = xasprintf("%zu. ", c->count + 1);
                char *line = present_resume_item(resume);

                plain_wrapped(p, prefix, line);
                free(line);
                free(prefix);
        }
        /* Nothing is kept for a guest: there is nothing to forget. */
        if (resume != NULL)
                plain_ask(p, "Type a module's number, or press Enter to resume %s;%s q %s",
                          "where you left off", p->handle == NULL ? "" : " f forgets you;",
                          p->app->kiosk ? "logs out" : "quits");
        else
                plain_ask(p, "Type a module's number, or press Enter for the first;%s q %s",
                          p->handle == NULL ? "" : " f forgets you (deletes your record);",
                          p->app->kiosk ? "logs out" : "quits");
}

/* The menu, shown with the module to resume. */
static void menu_show(struct plain *p, struct session *s, const struct screen *sc)
{
        (void)s;
        (void)sc;
        show_menu(p, resume_target(p));
}

static enum flow menu_line(struct plain *p, struct session *s, const char *t)
{
        const struct catalog *c = &p->app->catalog;
        const struct module *r = resume_target(p);
        long v = plain_number(t);

        (void)s;
        if (t[0] == '\0' || strcmp(t, "r") == 0)
                return plain_open_module(p, r != NULL ? r : c->modules[0], r != NULL);
        if (v >= 1 && (size_t)v <= c->count)
                return plain_open_module(p, c->modules[v - 1], false);
        if (r != NULL && (size_t)v == c->count + 1)
                return plain_open_module(p, r, true);
        switch (plain_command(t)) {
        case 'q':
                return FLOW_QUIT;
        case 'b':
                return plain_logout(p);
        case '?':
                plain_help(p);
                return FLOW_STAY;
        case 'm':
        case 't':
                return FLOW_SHOW;
        default:
                break;
        }
        if (strcmp(t, "f") == 0 || strcmp(t, "F") == 0) {
                if (p->handle != NULL)
                        return plain_go(p, &plain_forget_screen);
                plain_say(p, "%s", PRESENT_GUEST_NOTHING);
                return FLOW_STAY;
        }
        plain_say(p, "Type a number from 1 to %zu, or q to quit.", c->count + (r != NULL));
        return FLOW_STAY;
}

const struct plain_screen plain_menu_screen = {.show = menu_show, .line = menu_line};

/* "Forget me": deletes the learner's record once they confirm; they are
 * then logged out. Typing one's own name is a deliberate act a stray "y"
 * is not. */
static void forget_show(struct plain *p, struct session *s, const struct screen *sc)
{
        (void)s;
        (void)sc;
        plain_say(p, "This deletes your record and all your progress, for good.");
        plain_ask(p, "Type your name to go ahead, or press Enter to keep it");
}

static enum flow forget_line(struct plain *p, struct session *s, const char *t)
{
        const char *err = NULL;

        (void)s;
        if (!store_same_name(t, p->name)) {
                plain_say(p, "%s", t[0] != '\0' ? PRESENT_FORGET_NOT_YOU : PRESENT_FORGET_KEPT);
                return plain_back(p);
        }
        p->rec = NULL; /* the handle owns it and goes with it */
        if (!store_forget(&p->handle, &err)) {
                char *why = present_forget_failed(err);

                plain_say(p, "%s", why);
                free(why);
        } else {
                plain_say(p, "%s", PRESENT_FORGOTTEN);
        }
        return plain_logout(p);
}

/* Input ended at the question: the record is kept, and the menu asks again. */
static enum flow forget_end(struct plain *p)
{
        return plain_back(p);
}

const struct plain_screen plain_forget_screen = {
    .show = forget_show,
    .line = forget_line,
    .end = forget_end,
};
