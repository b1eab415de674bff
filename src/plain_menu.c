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

        plain_blank(p);
        plain_say(p, "Modules for %s:", p->name);
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

/* "Forget me": deletes the learner's record once they confirm. True when
 * it is gone (the learner is then logged out). */
static bool forget(struct plain *p)
{
        const char *err = NULL;

        if (p->handle == NULL) {
                plain_say(p, "Nothing is kept for a guest.");
                return false;
        }
        /* Typing one's own name is a deliberate act a stray "y" is not. */
        plain_say(p, "This deletes your record and all your progress, for good.");
        plain_ask(p, "Type your name to go ahead, or press Enter to keep it");
        if (!plain_read_line(p))
                return false;
        if (!store_same_name(plain_trimmed(p->line), p->name)) {
                plain_say(p, "%s",
                          plain_trimmed(p->line)[0] != '\0' ? PRESENT_FORGET_NOT_YOU
                                                            : PRESENT_FORGET_KEPT);
                return false;
        }
        p->rec = NULL; /* the handle owns it and goes with it */
        if (!store_forget(&p->handle, &err)) {
                char *why = present_forget_failed(err);

                plain_say(p, "%s", why);
                free(why);
                return true;
        }
        plain_say(p, "%s", PRESENT_FORGOTTEN);
        return true;
}

/* The menu, shown with the module to resume. */
static void menu_show(struct plain *p, struct session *s, const struct screen *sc)
{
        (void)s;
        (void)sc;
        show_menu(p, resume_target(p));
}

/* Runs a module, then on through the next ones while the learner goes on
 * from each summary; FLOW_SHOW to show the menu again. */
static enum flow run(struct plain *p, const struct module *chosen, bool resume)
{
        enum flow f = plain_run_module(p, chosen, resume);

        /* The summary's way on is the next module's intro. */
        while (f == FLOW_NEXT && plain_next_module(p, chosen) != NULL) {
                chosen = plain_next_module(p, chosen);
                f = plain_run_module(p, chosen, false);
        }
        return f == FLOW_QUIT ? FLOW_QUIT : FLOW_SHOW;
}

/* FLOW_QUIT to leave, FLOW_MENU to go back to the learner picker. */
static enum flow menu_line(struct plain *p, struct session *s, const char *t)
{
        const struct catalog *c = &p->app->catalog;
        const struct module *r = resume_target(p);
        long v = plain_number(t);

        (void)s;
        if (t[0] == '\0' || strcmp(t, "r") == 0)
                return run(p, r != NULL ? r : c->modules[0], r != NULL);
        if (v >= 1 && (size_t)v <= c->count)
                return run(p, c->modules[v - 1], false);
        if (r != NULL && (size_t)v == c->count + 1)
                return run(p, r, true);
        switch (plain_command(t)) {
        case 'q':
                return FLOW_QUIT;
        case 'b':
                return FLOW_MENU;
        case '?':
                plain_help(p);
                return FLOW_STAY;
        case 'm':
        case 't':
                return FLOW_SHOW;
        default:
                break;
        }
        if (strcmp(t, "f") == 0 || strcmp(t, "F") == 0)
                return forget(p) ? FLOW_MENU : FLOW_STAY;
        plain_say(p, "Type a number from 1 to %zu, or q to quit.", c->count + (r != NULL));
        return FLOW_STAY;
}

const struct plain_screen plain_menu_screen = {.show = menu_show, .line = menu_line};
