/* What the command line decided, shared by the commands and front ends. */
#ifndef DLFL_APP_H
#define DLFL_APP_H

#include <stdbool.h>
#include <stddef.h>

#include "dlfl/model.h"
#include "dlfl/settings.h"

struct app {
        const char *learner;  /* -l */
        const char **modules; /* -m, repeatable */
        size_t nmodules;
        const char *data_dir; /* -d */
        bool plain, kiosk, no_color;
        long idle_timeout;  /* seconds; 0 = off; -1 = not given */
        const char *format; /* export --format */
        const char *output; /* export -o */
        bool csv;           /* report --csv */
        const char *config; /* -c */
        struct settings settings;
        struct catalog catalog;
};

/* Loads the modules the options name (-m, $DLFL_MODULES, installed,
 * built in), printing diagnostics to stderr. A broken module file does not
 * stop the others: it is remembered (app_broken) to be listed with its
 * first error. Returns false only when no module loads at all. */
bool app_load_modules(struct app *app);

/* A module file that did not load: its path and first error
 * ("LINE:COLUMN: MESSAGE"). Owned by app.c, valid until exit. */
struct app_broken {
        char *file;
        char *error;
};
const struct app_broken *app_broken(size_t *n);

/* Commands: each returns the exit status. args are what follows the
 * command word. */
int cmd_check(struct app *app, int argc, char **argv);
int cmd_list(struct app *app, int argc, char **argv);
int cmd_progress(struct app *app, int argc, char **argv);
int cmd_export(struct app *app, int argc, char **argv);
int cmd_report(struct app *app, int argc, char **argv);
int cmd_sync(struct app *app, int argc, char **argv);

#endif
