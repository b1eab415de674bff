/* Module files and directories: reading within the size limit, finding
 * *.yaml and *.yml in name order, and keeping module ids unique. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dlfl/loader.h"
#include "dlfl/xalloc.h"
#include "loader_internal.h"

static struct module *(*prebuilt)(const char *path, int fd, size_t size);

void loader_set_prebuilt(struct module *(*fn)(const char *path, int fd, size_t size))
{
        prebuilt = fn;
}

/* Files are streamed to the parser, never held whole in memory: a module
 * near the size limit then costs little more than its model. */
struct file_input {
        int fd;
        size_t total;
        int err;
        bool too_big;
        crypto_generichash_state hash;
};

static int file_read(void *data, unsigned char *out, size_t size, size_t *n)
{
        struct file_input *in = data;
        ssize_t r;

        do
                r = read(in->fd, out, size);
        while (r < 0 && errno == EINTR);
        if (r < 0) {
                in->err = errno;
                return 0;
        }
        in->total += (size_t)r;
        if (in->total > MODEL_MAX_FILE) {
                /* a pipe or device that never ends */
                in->too_big = true;
                return 0;
        }
        crypto_generichash_update(&in->hash, out, (size_t)r);
        *n = (size_t)r;
        return 1;
}

/* Only for a reader error: read the file again up to the offset. */
static void file_locate(void *data, size_t offset, unsigned *line, unsigned *column)
{
        const struct file_input *in = data;
        char *buf = xmalloc(offset + 1);
        size_t got = 0;
        ssize_t r;

        if (lseek(in->fd, 0, SEEK_SET) == 0)
                while (got < offset && (r = read(in->fd, buf + got, offset - got)) > 0)
                        got += (size_t)r;
        ytree_locate(buf, got, offset, line, column);
        free(buf);
}

struct module *loader_load_file(const char *path, struct diag_list *diags)
{
        const char *file = diag_file(diags, path);
        struct stat st;
        struct module *m;
        struct file_input in = {0};
        struct ysource src = {.read = file_read, .data = &in, .locate = file_locate};
        size_t before = diags->count;

        /* O_NONBLOCK: a FIFO or device named like a module must not hang
         * the program; only a regular file is read. */
        in.fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
        if (in.fd < 0) {
                diag_add(diags, file, 0, 0, E_FILE_OPEN, strerror(errno));
                return NULL;
        }
        if (fstat(in.fd, &st) != 0) {
                diag_add(diags, file, 0, 0, E_FILE_READ, strerror(errno));
                close(in.fd);
                return NULL;
        }
        if (S_ISDIR(st.st_mode)) {
                close(in.fd);
                diag_add(diags, file, 0, 0, E_FILE_READ, strerror(EISDIR));
                return NULL;
        }
        if (!S_ISREG(st.st_mode)) {
                close(in.fd);
                diag_add(diags, file, 0, 0, E_FILE_READ, "not a regular file");
                return NULL;
        }
        if (S_ISREG(st.st_mode) && (size_t)st.st_size > MODEL_MAX_FILE) {
                close(in.fd);
                diag_add(diags, file, 0, 0, E_FILE_TOO_BIG, (unsigned long long)st.st_size);
                return NULL;
        }
        if (prebuilt != NULL && S_ISREG(st.st_mode)) {
                m = prebuilt(path, in.fd, (size_t)st.st_size);
                if (m != NULL) {
                        close(in.fd);
                        return m;
                }
                if (lseek(in.fd, 0, SEEK_SET) != 0) {
                        diag_add(diags, file, 0, 0, E_FILE_READ, strerror(errno));
                        close(in.fd);
                        return NULL;
                }
        }
        crypto_generichash_init(&in.hash, NULL, 0, 32);
        m = loader_load_source(path, &src, &in.hash, diags);
        close(in.fd);
        /* A read failure shows up as a parse error; report the cause instead. */
        if (in.too_big || in.err != 0) {
                model_free(&m);
                diag_truncate(diags, before);
                if (in.too_big)
                        diag_add(diags, file, 0, 0, E_FILE_TOO_BIG, (unsigned long long)in.total);
                else
                        diag_add(diags, file, 0, 0, E_FILE_READ, strerror(in.err));
        }
        return m;
}

static bool is_module_name(const char *name)
{
        size_t n = strlen(name);

        if (name[0] == '.')
                return false;
        return (n > 5 && strcmp(name + n - 5, ".yaml") == 0) ||
               (n > 4 && strcmp(name + n - 4, ".yml") == 0);
}

static int compare_names(const void *a, const void *b)
{
        return strcmp(*(char *const *)a, *(char *const *)b);
}

bool loader_add(struct catalog *cat, struct module *m, struct diag_list *diags)
{
        for (size_t i = 0; i < cat->count; i++) {
                if (strcmp(cat->modules[i]->id, m->id) == 0) {
                        diag_add(diags, diag_file(diags, m->path), m->id_line, m->id_column,
                                 E_DUP_MODULE_ID, m->id, cat->modules[i]->path);
                        model_free(&m);
                        return false;
                }
        }
        cat->modules = xrealloc(cat->modules, (cat->count + 1) * sizeof(*cat->modules));
        cat->modules[cat->count++] = m;
        return true;
}

static bool load_one(struct catalog *cat, const char *path, const char *source,
                     struct diag_list *diags)
{
        size_t errors = diags->errors;
        struct module *m = loader_load_file(path, diags);

        if (m == NULL)
                return diags->errors == errors;
        m->source = source ? arena_strdup(&m->arena, source) : m->path;
        return loader_add(cat, m, diags);
}

bool loader_load_path(struct catalog *cat, const char *path, const char *source,
                      struct diag_list *diags)
{
        struct stat st;
        DIR *dir;
        struct dirent *de;
        char **names = NULL;
        size_t n = 0, cap = 0;
        bool ok = true;

        if (stat(path, &st) != 0 || !S_ISDIR(st.st_mode)) {
                ok = load_one(cat, path, source, diags);
                loader_sort(cat);
                return ok;
        }
        dir = opendir(path);
        if (dir == NULL) {
                diag_add(diags, diag_file(diags, path), 0, 0, E_DIR_OPEN, strerror(errno));
                return false;
        }
        while ((de = readdir(dir)) != NULL) {
                if (!is_module_name(de->d_name))
                        continue;
                names = xgrow(names, &cap, n + 1, sizeof(*names));
                names[n++] = xstrdup(de->d_name);
        }
        closedir(dir);
        if (n > 1)
                qsort(names, n, sizeof(*names), compare_names);
        if (n == 0)
                diag_add(diags, diag_file(diags, path), 0, 0, W_DIR_EMPTY);
        for (size_t i = 0; i < n; i++) {
                size_t len = strlen(path);
                char *full =
                    xasprintf("%s%s%s", path, len && path[len - 1] == '/' ? "" : "/", names[i]);
                ok &= load_one(cat, full, source ? source : path, diags);
                free(full);
                free(names[i]);
        }
        free(names);
        loader_sort(cat);
        return ok;
}

static int compare_modules(const void *a, const void *b)
{
        const struct module *x = *(struct module *const *)a, *y = *(struct module *const *)b;

        if (x->has_order != y->has_order)
                return x->has_order ? -1 : 1;
        if (x->has_order && x->order != y->order)
                return x->order < y->order ? -1 : 1;
        int r = strcmp(x->title, y->title);
        return r != 0 ? r : strcmp(x->id, y->id);
}

void loader_sort(struct catalog *cat)
{
        if (cat->count > 1)
                qsort(cat->modules, cat->count, sizeof(*cat->modules), compare_modules);
}
