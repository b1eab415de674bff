#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dlfl/app.h"
#include "dlfl/builtin.h"
#include "dlfl/loader.h"
#include "dlfl/xalloc.h"

static bool is_dir(const char *path)
{
        struct stat st;

        return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static bool load_builtin(struct app *app, struct diag_list *diags)
{
        bool ok = true;

        for (size_t i = 0; i < builtin_module_count; i++) {
                char *name = xasprintf("builtin:%s", builtin_modules[i].name);

                ok &= loader_add(&app->catalog, builtin_copy(i, name, "built in"), diags);
                free(name);
        }
        loader_sort(&app->catalog);
        return ok;
}

/* An installed copy of a shipped module is the compiled-in one: reading
 * and comparing its bytes costs far less than parsing them. */
static struct module *prebuilt(const char *path, int fd, size_t size)
{
        const char *base = strrchr(path, '/');
        char *buf;
        size_t got = 0, i = (size_t)-1;
        bool candidate = false;

        base = base ? base + 1 : path;
        for (size_t k = 0; k < builtin_module_count; k++)
                candidate |=
                    builtin_modules[k].size == size && strcmp(builtin_modules[k].name, base) == 0;
        if (!candidate)
                return NULL;
        buf = xmalloc(size + 1);
        while (got < size) {
                ssize_t r = read(fd, buf + got, size - got);
                if (r <= 0)
                        break;
                got += (size_t)r;
        }
        if (got == size)
                i = builtin_find(base, buf, size);
        free(buf);
        return i == (size_t)-1 ? NULL : builtin_copy(i, path, path);
}

static struct app_broken *broken;
static size_t nbroken, broken_cap;

static void free_broken(void)
{
        for (size_t i = 0; i < nbroken; i++) {
                free(broken[i].file);
                free(broken[i].error);
        }
        free(broken);
        broken = NULL;
        nbroken = broken_cap = 0;
}

/* The first error of every file that had one (diags sorted by file). */
static void note_broken(const struct diag_list *diags)
{
        static bool registered;

        for (size_t i = 0; i < diags->count; i++) {
                const struct diag *d = &diags->items[i];
                bool seen = false;

                if (d->level != DIAG_ERROR || d->file == NULL)
                        continue;
                for (size_t j = 0; j < nbroken && !seen; j++)
                        seen = strcmp(broken[j].file, d->file) == 0;
                if (seen)
                        continue;
                broken = xgrow(broken, &broken_cap, nbroken + 1, sizeof(*broken));
                broken[nbroken].file = xstrdup(d->file);
                broken[nbroken].error = d->line > 0
                                            ? xasprintf("%u:%u: %s", d->line, d->column, d->message)
                                            : xstrdup(d->message);
                nbroken++;
        }
        if (nbroken > 0 && !registered) {
                registered = true;
                atexit(free_broken);
        }
}

const struct app_broken *app_broken(size_t *n)
{
        *n = nbroken;
        return broken;
}

/* -m DIR..., else $DLFL_MODULES (colon-separated), else the installed
 * directory, else the copies built into the binary. */
bool app_load_modules(struct app *app)
{
        struct diag_list diags = {0};
        bool ok = true;
        const char *env = getenv("DLFL_MODULES");
        const char *installed = DLFL_DATADIR "/dlfl/modules";

        loader_set_quality_checks(false);
        loader_set_prebuilt(prebuilt);

        if (app->nmodules > 0) {
                for (size_t i = 0; i < app->nmodules; i++)
                        ok &= loader_load_path(&app->catalog, app->modules[i], NULL, &diags);
        } else if (env != NULL && env[0] != '\0') {
                char *copy = xstrdup(env);
                char *save = NULL;

                for (char *p = strtok_r(copy, ":", &save); p; p = strtok_r(NULL, ":", &save))
                        ok &= loader_load_path(&app->catalog, p, NULL, &diags);
                free(copy);
        } else if (is_dir(installed)) {
                ok = loader_load_path(&app->catalog, installed, NULL, &diags);
        } else {
                ok = load_builtin(app, &diags);
        }
        diag_sort(&diags);
        diag_print(&diags, stderr);
        note_broken(&diags);
        /* One broken file among good ones is no reason to stop the player
         * (on a kiosk that would take the terminal down): it is listed. */
        if (app->catalog.count > 0)
                ok = true;
        if (ok && app->catalog.count == 0) {
                fputs("dlfl: no modules found; give a directory with -m DIR\n", stderr);
                ok = false;
        }
        diag_free(&diags);
        return ok;
}
