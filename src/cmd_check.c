/* `dlfl check` and `dlfl list`: the author's and the librarian's view of
 * what the loader makes of module files. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dlfl/text.h"
#include "dlfl/app.h"
#include "dlfl/text.h"
#include "dlfl/loader.h"

int cmd_check(struct app *app, int argc, char **argv)
{
        struct diag_list diags = {0};
        struct catalog cat = {0};
        int status;

        (void)app;
        if (argc == 0) {
                fputs("dlfl: check needs at least one FILE or DIR\nTry 'dlfl --help'.\n", stderr);
                return 2;
        }
        for (int i = 0; i < argc; i++)
                loader_load_path(&cat, argv[i], NULL, &diags);
        diag_sort(&diags);
        diag_print(&diags, stdout);
        status = diag_exit_status(&diags);
        diag_free(&diags);
        catalog_free(&cat);
        return status;
}

static size_t count_minutes(const struct module *m)
{
        return m->minutes > 0 ? (size_t)m->minutes : 0;
}

int cmd_list(struct app *app, int argc, char **argv)
{
        (void)argv;
        if (argc != 0) {
                fputs("dlfl: list takes no arguments\nTry 'dlfl --help'.\n", stderr);
                return 2;
        }
        if (!app_load_modules(app))
                return 1;
        printf("%-24s %-30s %8s %7s %7s  %s\n", "ID", "TITLE", "SECTIONS", "SCREENS", "MINUTES",
               "FROM");
        for (size_t i = 0; i < app->catalog.count; i++) {
                const struct module *m = app->catalog.modules[i];

                /* A module's words are shown, never obeyed: no escape sequence
                 * from a title reaches the terminal. */
                char *id = text_sanitize_line(m->id), *title = text_sanitize_line(m->title),
                     *from = text_sanitize_line(m->source ? m->source : m->path);

                printf("%-24s %-30s %8zu %7zu %7zu  %s\n", id, title, m->nsections, m->nscreens,
                       count_minutes(m), from);
                free(id);
                free(title);
                free(from);
        }
        size_t nb;
        const struct app_broken *b = app_broken(&nb);
        for (size_t i = 0; i < nb; i++) {
                char *file = text_sanitize_line(b[i].file), *why = text_sanitize_line(b[i].error);

                printf("%-24s %s: %s\n", "(broken, not loaded)", file, why);
                free(file);
                free(why);
        }
        return 0;
}
