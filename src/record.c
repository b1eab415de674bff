/* A learner's progress as plain data. The arrays here grow one element at a
 * time: records hold a few dozen modules and a few hundred screens, and the
 * structs carry no capacity field for the store to keep in step. */
#include <stdlib.h>
#include <string.h>

#include "dlfl/record.h"
#include "dlfl/xalloc.h"

struct learner_record *record_new(const char *name)
{
        struct learner_record *r = xcalloc(1, sizeof(*r));

        r->name = xstrdup(name != NULL ? name : "");
        r->created = time(NULL);
        return r;
}

static void free_state(struct screen_state *st)
{
        free(st->id);
        free(st->response);
        free(st->text);
        free(st->draft);
        record_path_clear(st);
        free(st->ending);
}

static void free_attempt(struct attempt *a)
{
        free(a->section);
        free(a->screen);
        free(a->digest);
        for (size_t i = 0; i < a->nscreens; i++)
                free_state(&a->screens[i]);
        free(a->screens);
}

void record_free(struct learner_record **rp)
{
        struct learner_record *r;

        if (rp == NULL || *rp == NULL)
                return;
        r = *rp;
        for (size_t i = 0; i < r->nmodules; i++) {
                struct module_record *mr = &r->modules[i];

                free(mr->module);
                free(mr->title);
                for (size_t j = 0; j < mr->nattempts; j++)
                        free_attempt(&mr->attempts[j]);
                free(mr->attempts);
        }
        free(r->modules);
        free(r->name);
        free(r->passphrase);
        free(r);
        *rp = NULL;
}

/* Where module_id's entry is in r->modules; r->nmodules for none. */
static size_t module_index(const struct learner_record *r, const char *module_id)
{
        size_t i = 0;

        while (i < r->nmodules &&
               (r->modules[i].module == NULL || strcmp(r->modules[i].module, module_id) != 0))
                i++;
        return i;
}

const struct module_record *record_find_module(const struct learner_record *r,
                                               const char *module_id)
{
        size_t i;

        if (r == NULL || module_id == NULL)
                return NULL;
        i = module_index(r, module_id);
        return i < r->nmodules ? &r->modules[i] : NULL;
}

struct module_record *record_module(struct learner_record *r, const char *module_id)
{
        struct module_record *mr;
        size_t i = module_index(r, module_id);

        if (i < r->nmodules)
                return &r->modules[i];
        r->modules = xrealloc(r->modules, (r->nmodules + 1) * sizeof(*r->modules));
        mr = &r->modules[r->nmodules++];
        memset(mr, 0, sizeof(*mr));
        mr->module = xstrdup(module_id);
        return mr;
}

struct attempt *record_current(struct module_record *mr)
{
        if (mr == NULL || mr->nattempts == 0)
                return NULL;
        return &mr->attempts[mr->nattempts - 1];
}

struct attempt *record_new_attempt(struct module_record *mr, double pass_mark, time_t now)
{
        struct attempt *a;

        mr->attempts = xrealloc(mr->attempts, (mr->nattempts + 1) * sizeof(*mr->attempts));
        a = &mr->attempts[mr->nattempts++];
        memset(a, 0, sizeof(*a));
        a->started = now;
        a->updated = now;
        a->pass_mark = pass_mark;
        return a;
}

/* Where screen_id's state is in a->screens; a->nscreens for none. */
static size_t screen_index(const struct attempt *a, const char *screen_id)
{
        size_t i = 0;

        while (i < a->nscreens &&
               (a->screens[i].id == NULL || strcmp(a->screens[i].id, screen_id) != 0))
                i++;
        return i;
}

const struct screen_state *record_find_screen(const struct attempt *a, const char *screen_id)
{
        size_t i;

        if (a == NULL || screen_id == NULL)
                return NULL;
        i = screen_index(a, screen_id);
        return i < a->nscreens ? &a->screens[i] : NULL;
}

struct screen_state *record_screen(struct attempt *a, const char *screen_id)
{
        struct screen_state *st;
        size_t i = screen_index(a, screen_id);

        if (i < a->nscreens)
                return &a->screens[i];
        a->screens = xrealloc(a->screens, (a->nscreens + 1) * sizeof(*a->screens));
        st = &a->screens[a->nscreens++];
        memset(st, 0, sizeof(*st));
        st->id = xstrdup(screen_id);
        st->rating = -1;
        return st;
}

void record_set_string(char **dst, const char *src)
{
        char *copy = src != NULL ? xstrdup(src) : NULL;

        /* Copy first: src may point into *dst. */
        free(*dst);
        *dst = copy;
}

void record_path_push(struct screen_state *st, const char *step_id)
{
        st->path = xrealloc(st->path, (st->npath + 1) * sizeof(*st->path));
        st->path[st->npath++] = xstrdup(step_id);
}

void record_path_clear(struct screen_state *st)
{
        for (size_t i = 0; i < st->npath; i++)
                free(st->path[i]);
        free(st->path);
        st->path = NULL;
        st->npath = 0;
}
