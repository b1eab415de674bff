/* `dlfl progress [LEARNER]`: without a learner, the learners' names, one a
 * line; with one, a block per module saying its status, score, time spent
 * and where the learner is. Plain text (a screen reader reads it as well
 * as a person does), everything from files shown through text_sanitize().
 * Modules the learner has progress in but which are no longer installed
 * are listed too, from what the record says. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dlfl/present.h"
#include "dlfl/app.h"
#include "dlfl/record.h"
#include "dlfl/session.h"
#include "dlfl/store.h"
#include "dlfl/text.h"
#include "dlfl/xalloc.h"

static void print_safe(const char *prefix, const char *s, const char *suffix);
static void print_time(double seconds);
static void print_where(const struct module *m, const struct attempt *a);
static void print_module(const struct module *m, const struct module_record *mr);
static void print_retired(const struct module_record *mr);
static int list_learners(struct store *st);

static void print_safe(const char *prefix, const char *s, const char *suffix)
{
        char *safe = text_sanitize(s != NULL ? s : "");

        printf("%s%s%s", prefix, safe, suffix);
        free(safe);
}

static void print_time(double seconds)
{
        char buf[64];

        present_duration(seconds, buf, sizeof buf);
        printf("  time:   %s\n", buf);
}

/* The position the learner resumes at, as section title and screen n of m. */
static void print_where(const struct module *m, const struct attempt *a)
{
        size_t i = a != NULL && a->screen != NULL && m != NULL ? model_find_screen(m, a->screen)
                                                               : (size_t)-1;

        if (a == NULL) {
                puts("  where:  not started");
                return;
        }
        if (m == NULL || i == (size_t)-1) {
                if (a->screen == NULL) {
                        /* Only a finished attempt has no screen: it stands at its summary. */
                        puts(a->complete ? "  where:  finished (at the module summary)"
                                         : "  where:  at the start");
                        return;
                }
                print_safe("  where:  screen ", a->screen, "");
                if (a->section != NULL)
                        print_safe(" in section ", a->section, "");
                puts(m != NULL ? " (no longer in the module)" : "");
                return;
        }
        const struct screen *sc = &m->screens[i];
        const struct section *sec = sc->section < m->nsections ? &m->sections[sc->section] : NULL;

        printf("  where:  ");
        if (sec != NULL)
                print_safe("", sec->title != NULL ? sec->title : sec->id, ", ");
        printf("screen %zu of %zu", i + 1, m->nscreens);
        if (sc->title != NULL)
                print_safe(" (", sc->title, ")");
        putchar('\n');
}

static void print_module(const struct module *m, const struct module_record *mr)
{
        struct summary sum;
        const struct attempt *a =
            mr != NULL && mr->nattempts > 0 ? &mr->attempts[mr->nattempts - 1] : NULL;

        session_status(m, mr, &sum);
        print_safe("", m->title, "");
        print_safe(" (", m->id, ")\n");
        char st[64], pc[16];

        present_status(&sum, st, sizeof st);
        printf("  status: %s", st);
        if (sum.status == STATUS_IN_PROGRESS)
                printf(", %zu of %zu screens done", sum.done, sum.total);
        if (mr != NULL && mr->nattempts > 1)
                printf(", attempt %zu", mr->nattempts);
        putchar('\n');
        present_fraction(sum.earned, sum.possible, pc, sizeof pc);
        if (sum.possible > 0) {
                char ep[96], pm[32];

                present_points_of(sum.earned, sum.possible, ep, sizeof ep);
                present_points(sum.pass_mark, pm, sizeof pm);
                printf("  score:  %s (%s), pass mark %s%%\n", ep, pc, pm);
        } else {
                puts("  score:  no scored questions");
        }
        print_time(sum.seconds);
        print_where(m, a);
        if (a != NULL && a->digest != NULL && strcmp(a->digest, m->digest) != 0)
                puts("  note:   the module has changed since this progress was saved");
}

/* Progress in a module that is not installed now: kept, and shown from
 * what the record says. */
static void print_retired(const struct module_record *mr)
{
        const struct attempt *a = mr->nattempts > 0 ? &mr->attempts[mr->nattempts - 1] : NULL;

        print_safe("", mr->title != NULL ? mr->title : mr->module, "");
        print_safe(" (", mr->module, ", not installed)\n");
        if (a == NULL) {
                puts("  status: not started");
                return;
        }
        char pc[16];

        present_fraction(a->earned, a->possible, pc, sizeof pc);
        printf("  status: %s\n", a->passed ? "passed" : a->complete ? "not passed" : "in progress");
        if (a->possible > 0) {
                char ep[96];

                present_points_of(a->earned, a->possible, ep, sizeof ep);
                printf("  score:  %s (%s)\n", ep, pc);
        }
        print_time(a->seconds);
        print_where(NULL, a);
}

static int list_learners(struct store *st)
{
        const char *err = NULL;
        size_t n;
        char **names = store_list(st, &n, &err);

        if (names == NULL) {
                fprintf(stderr, "dlfl: %s\n", err);
                return 1;
        }
        for (size_t i = 0; i < n; i++)
                print_safe("", names[i], "\n");
        if (n == 0)
                fprintf(stderr, "dlfl: no learner has saved progress in %s yet\n", store_dir(st));
        store_names_free(names, n);
        return 0;
}

int cmd_progress(struct app *app, int argc, char **argv)
{
        const char *err = NULL;
        struct store *st;
        struct learner_record *r;
        int status = 0;

        if (argc > 1) {
                fputs("dlfl: progress takes at most one learner's name\nTry 'dlfl --help'.\n",
                      stderr);
                return 2;
        }
        st = store_open(app->data_dir, &err);
        if (st == NULL) {
                fprintf(stderr, "dlfl: %s\n", err);
                return 1;
        }
        if (argc == 0) {
                status = list_learners(st);
                store_close(&st);
                return status;
        }
        r = store_read(st, argv[0], &err);
        if (r == NULL) {
                char *safe = text_sanitize(err);

                fprintf(stderr, "dlfl: %s\n", safe);
                free(safe);
                store_close(&st);
                return 1;
        }
        /* Module errors are reported, but the learner's progress still shows. */
        if (!app_load_modules(app))
                status = 1;
        print_safe("Progress of ", r->name, "\n");
        for (size_t i = 0; i < app->catalog.count; i++) {
                const struct module *m = app->catalog.modules[i];

                putchar('\n');
                print_module(m, record_find_module(r, m->id));
        }
        for (size_t i = 0; i < r->nmodules; i++) {
                if (r->modules[i].module == NULL ||
                    catalog_find(&app->catalog, r->modules[i].module) != NULL)
                        continue;
                putchar('\n');
                print_retired(&r->modules[i]);
        }
        record_free(&r);
        store_close(&st);
        return status;
}
