/* Listing the learners: the names kept in their records' files, one per
 * learner however many spellings of it were saved. */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "dlfl/xalloc.h"
#include "store_impl.h"

struct folded {
        char *fold;
        size_t index;
};

static int folded_cmp(const void *a, const void *b)
{
        const struct folded *x = a, *y = b;
        int c = strcmp(x->fold, y->fold);

        return c != 0 ? c : (x->index > y->index) - (x->index < y->index);
}

/* Records saved before names were compared by identity may hold one
 * learner twice ("Zoë" in NFC and in NFD): only the first, in list order,
 * is listed and opened; the other file is left as it is. */
static void dedupe(char **names, size_t *n)
{
        struct folded *f = xcalloc(*n + 1, sizeof(*f));
        size_t kept = 0;

        for (size_t i = 0; i < *n; i++) {
                f[i].fold = store_name_fold(names[i]);
                f[i].index = i;
        }
        qsort(f, *n, sizeof(*f), folded_cmp);
        for (size_t i = 1; i < *n; i++)
                if (strcmp(f[i].fold, f[i - 1].fold) == 0) {
                        free(names[f[i].index]);
                        names[f[i].index] = NULL;
                }
        for (size_t i = 0; i < *n; i++) {
                free(f[i].fold);
                if (names[i] != NULL)
                        names[kept++] = names[i];
        }
        free(f);
        *n = kept;
}

static int name_cmp(const void *a, const void *b)
{
        const char *x = *(const char *const *)a, *y = *(const char *const *)b;
        int c = strcasecmp(x, y);

        return c != 0 ? c : strcmp(x, y);
}

char **store_list(struct store *st, size_t *n, const char **err)
{
        int dfd = store_dir_fd(st);
        DIR *d = dfd >= 0 ? fdopendir(dfd) : NULL;
        struct dirent *de;
        char **names = NULL;
        size_t cap = 0;

        *n = 0;
        if (d == NULL) {
                int e = dfd < 0 ? store_dir_error(st, errno) : errno;

                if (dfd >= 0)
                        (void)close(dfd);
                if (e == ENOENT)
                        return xcalloc(1, sizeof(char *));
                *err = store_set_msg(&st->msg,
                                     xasprintf("The progress directory %s cannot be read: %s.",
                                               st->learners, store_errno_phrase(e)));
                return NULL;
        }
        while ((de = readdir(d)) != NULL) {
                size_t len = strlen(de->d_name);
                char *key, *name;

                if (len <= 5 || strcmp(de->d_name + len - 5, ".yaml") != 0)
                        continue;
                key = xstrndup(de->d_name, len - 5);
                name = store_key_name(key);
                if (name == NULL && key[0] == '+') {
                        /* A long name is hashed: the record knows it. */
                        char *buf, *why = NULL;
                        size_t blen;

                        if (store_read_at(dirfd(d), de->d_name, &buf, &blen) == 0) {
                                struct learner_record *r = store_yaml_parse(buf, blen, &why);

                                if (r != NULL && r->name != NULL &&
                                    store_name_problem(r->name) == NULL) {
                                        char *again = store_name_key(r->name);

                                        if (strcmp(again, key) == 0)
                                                name = xstrdup(r->name);
                                        free(again);
                                }
                                record_free(&r);
                                free(why);
                                free(buf);
                        }
                }
                free(key);
                if (name == NULL)
                        continue;
                names = xgrow(names, &cap, *n + 1, sizeof(*names));
                names[(*n)++] = name;
        }
        closedir(d);
        if (names == NULL)
                return xcalloc(1, sizeof(char *));
        qsort(names, *n, sizeof(*names), name_cmp);
        dedupe(names, n);
        return names;
}

void store_names_free(char **names, size_t n)
{
        if (names == NULL)
                return;
        for (size_t i = 0; i < n; i++)
                free(names[i]);
        free(names);
}
