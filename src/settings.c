/* The settings file (settings.h): found, read with libyaml through
 * yaml_tree, checked key by key with the same diagnostics as modules. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dlfl/arena.h"
#include "dlfl/diag.h"
#include "dlfl/settings.h"
#include "dlfl/xalloc.h"
#include "dlfl/yaml_tree.h"
#include "dlfl/yaml_value.h"

#define SETTINGS_MAX_FILE (1024 * 1024)

/* What a reading pass needs: where, the diagnostics, and whether the file
 * may hold secrets. */
struct sctx {
        const char *file;
        struct diag_list *diags;
        bool private_file; /* mode allows only the owner to read */
        mode_t mode;
        FILE *err;
        bool secrets_refused;
};

static void report(struct sctx *c, const struct ynode *at, enum diag_code code, ...)
{
        va_list ap;

        va_start(ap, code);
        diag_add_v(c->diags, c->file, at != NULL ? at->line : 0, at != NULL ? at->column : 0, code,
                   ap);
        va_end(ap);
}

static void check_keys(struct sctx *c, const struct ynode *map, const char *where,
                       const char *const *allowed)
{
        for (size_t i = 0; i + 1 < map->count; i += 2) {
                const struct ynode *k = map->items[i];
                const char *const *a = allowed;
                const char *best;

                if (k->kind != YNODE_SCALAR)
                        continue;
                while (*a != NULL && strcmp(*a, k->text) != 0)
                        a++;
                if (*a != NULL)
                        continue;
                best = diag_near_key(k->text, allowed);
                if (best != NULL)
                        report(c, k, E_UNKNOWN_KEY_HINT, k->text, where, best);
                else
                        report(c, k, E_UNKNOWN_KEY, k->text, where);
        }
}

/* The key node of a value in map, for messages that point at the key. */
static const struct ynode *key_of(const struct ynode *map, const struct ynode *value)
{
        for (size_t i = 0; i + 1 < map->count; i += 2)
                if (map->items[i + 1] == value)
                        return map->items[i];
        return value;
}

static char *text(struct sctx *c, const struct ynode *map, const char *key, const char *name)
{
        const struct ynode *v = ytree_get(map, key);

        if (v == NULL || ytree_is_null(v))
                return NULL;
        if (v->kind != YNODE_SCALAR) {
                report(c, v, E_EXPECT_SCALAR, name);
                return NULL;
        }
        if (v->count == 0) {
                report(c, v, E_EMPTY_TEXT, name);
                return NULL;
        }
        return xstrdup(v->text);
}

/* true or false, read as a module's are (yaml_value.h); absent or empty:
 * dflt. */
static bool flag(struct sctx *c, const struct ynode *map, const char *key, const char *name,
                 bool dflt)
{
        const struct ynode *v = ytree_get(map, key);
        bool b;

        if (v == NULL || ytree_is_null(v))
                return dflt;
        if (yvalue_bool(v, &b))
                return b;
        report(c, v, E_EXPECT_BOOL, name, v->kind == YNODE_SCALAR ? v->text : "a list or mapping");
        return dflt;
}

/* A whole number from lo to hi, read as a module's are; absent or empty:
 * dflt. */
static long whole(struct sctx *c, const struct ynode *map, const char *key, const char *name,
                  long lo, long hi, long dflt)
{
        const struct ynode *v = ytree_get(map, key);
        char range[64];
        long n;

        if (v == NULL || ytree_is_null(v))
                return dflt;
        if (v->kind != YNODE_SCALAR) {
                report(c, v, E_EXPECT_SCALAR, name);
                return dflt;
        }
        if (!yvalue_int(v, &n)) {
                report(c, v, E_EXPECT_INT, name, v->text);
                return dflt;
        }
        if (n < lo || n > hi) {
                snprintf(range, sizeof(range), "from %ld to %ld", lo, hi);
                report(c, v, E_RANGE, name, range);
                return dflt;
        }
        return n;
}

static bool is_url(const char *s)
{
        return strncmp(s, "https://", 8) == 0 || strncmp(s, "http://", 7) == 0;
}

static void url(struct sctx *c, const struct ynode *map, const char *key, const char *name,
                char **dst)
{
        char *v = text(c, map, key, name);

        if (v == NULL)
                return;
        if (!is_url(v) || strlen(v) > 2000 || strpbrk(v, " \t\r\n") != NULL) {
                report(c, ytree_get(map, key), E_RANGE, name,
                       "a web address beginning https:// (or http://), without spaces");
                free(v);
                return;
        }
        free(*dst);
        *dst = v;
}

/* A secret in a file others can read is refused: the message says how to
 * mend it, and the value is not kept. */
static char *secret(struct sctx *c, const struct ynode *map, const char *key, const char *name)
{
        char *v = text(c, map, key, name);
        const struct ynode *at;

        if (v == NULL || c->private_file)
                return v;
        at = key_of(map, ytree_get(map, key));
        fprintf(c->err,
                "%s:%u:%u: error: '%s' is a secret, but this file can be read by others "
                "(mode %04o); run chmod 600 on it, or move the key and secret to "
                "lrs.credentials_file\n",
                c->file, at->line, at->column, name, (unsigned)(c->mode & 07777));
        c->secrets_refused = true;
        free(v);
        return NULL;
}

static bool read_file(const char *path, char **buf, size_t *len, struct stat *st, FILE *err)
{
        int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
        size_t got = 0;

        if (fd < 0) {
                fprintf(err, "dlfl: %s: cannot open the settings: %s\n", path, strerror(errno));
                return false;
        }
        if (fstat(fd, st) != 0 || !S_ISREG(st->st_mode)) {
                fprintf(err, "dlfl: %s: the settings must be a regular file\n", path);
                close(fd);
                return false;
        }
        if (st->st_size > SETTINGS_MAX_FILE) {
                fprintf(err, "dlfl: %s: the settings file is over 1 MiB\n", path);
                close(fd);
                return false;
        }
        *buf = xmalloc((size_t)st->st_size + 1);
        for (;;) {
                ssize_t n = read(fd, *buf + got, (size_t)st->st_size - got);

                if (n < 0 && errno == EINTR)
                        continue;
                if (n < 0) {
                        fprintf(err, "dlfl: %s: cannot read the settings: %s\n", path,
                                strerror(errno));
                        close(fd);
                        free(*buf);
                        return false;
                }
                if (n == 0 || (got += (size_t)n) == (size_t)st->st_size)
                        break;
        }
        close(fd);
        (*buf)[got] = '\0';
        *len = got;
        return true;
}

/* Parses path into a tree; *root NULL for a file that holds nothing. */
static bool parse(const char *path, struct arena *nodes, struct arena *texts,
                  struct diag_list *diags, const struct ynode **root, struct stat *st, FILE *err)
{
        char *buf;
        size_t len, errors;
        struct ybuffer in;
        struct ysource src;

        if (!read_file(path, &buf, &len, st, err))
                return false;
        in.buf = buf;
        in.len = len;
        ytree_buffer(&in, &src);
        errors = diags->errors;
        *root = ytree_parse(diag_file(diags, path), &src, nodes, texts, diags);
        free(buf);
        if (*root == NULL && diags->errors == errors + 1 &&
            diags->items[diags->count - 1].code == E_YAML_EMPTY) {
                /* Settings that are all comments are no settings, not an error. */
                diag_truncate(diags, diags->count - 1);
                return true;
        }
        return *root != NULL;
}

static char *beside(const char *settings_file, const char *path)
{
        const char *slash = strrchr(settings_file, '/');

        if (path[0] == '/' || slash == NULL)
                return xstrdup(path);
        return xasprintf("%.*s/%s", (int)(slash - settings_file), settings_file, path);
}

static void read_credentials(struct sctx *outer, struct settings *s, const struct ynode *at)
{
        static const char *const keys[] = {"key", "secret", NULL};
        struct arena nodes = {0}, texts = {0};
        struct diag_list diags = {0};
        const struct ynode *root = NULL;
        struct stat st;
        char *path = beside(outer->file, s->credentials_file);
        struct sctx c = {.diags = &diags, .err = outer->err};

        c.file = diag_file(&diags, path);
        if (!parse(path, &nodes, &texts, &diags, &root, &st, outer->err)) {
                diag_print(&diags, outer->err);
                report(outer, at, E_RANGE, "lrs.credentials_file",
                       "a readable YAML file with key and secret");
                goto out;
        }
        c.mode = st.st_mode;
        c.private_file = (st.st_mode & 077) == 0;
        if (!c.private_file) {
                fprintf(outer->err,
                        "%s: error: the LRS credentials can be read by others (mode %04o); "
                        "run chmod 600 on it\n",
                        path, (unsigned)(st.st_mode & 07777));
                outer->secrets_refused = true;
                goto out;
        }
        if (root == NULL || root->kind != YNODE_MAPPING) {
                if (root != NULL)
                        report(&c, root, E_EXPECT_MAPPING, "the credentials file");
        } else {
                check_keys(&c, root, "the credentials file", keys);
                free(s->key);
                free(s->secret);
                s->key = secret(&c, root, "key", "key");
                s->secret = secret(&c, root, "secret", "secret");
        }
        if (diags.errors > 0) {
                diag_print(&diags, outer->err);
                outer->secrets_refused = true;
        }
out:
        diag_free(&diags);
        arena_free(&nodes);
        arena_free(&texts);
        free(path);
}

static const struct ynode *section(struct sctx *c, const struct ynode *root, const char *key)
{
        const struct ynode *v = ytree_get(root, key);

        if (v == NULL || ytree_is_null(v))
                return NULL;
        if (v->kind != YNODE_MAPPING) {
                char *what = xasprintf("'%s'", key);

                report(c, v, E_EXPECT_MAPPING, what);
                free(what);
                return NULL;
        }
        return v;
}

static void read_settings(struct sctx *c, const struct ynode *root, struct settings *s)
{
        static const char *const top[] = {"xapi", "lrs", NULL};
        static const char *const xapi_keys[] = {"home_page", "language", "programme",
                                                "send_reflections", NULL};
        static const char *const lrs_keys[] = {"endpoint", "key",     "secret", "credentials_file",
                                               "ca_file",  "timeout", "batch",  "retries",
                                               NULL};
        const struct ynode *x, *l;

        if (root->kind != YNODE_MAPPING) {
                report(c, root, E_EXPECT_MAPPING, "the settings");
                return;
        }
        check_keys(c, root, "the settings", top);
        x = section(c, root, "xapi");
        if (x != NULL) {
                char *lang;

                check_keys(c, x, "xapi", xapi_keys);
                url(c, x, "home_page", "xapi.home_page", &s->home_page);
                url(c, x, "programme", "xapi.programme", &s->programme);
                lang = text(c, x, "language", "xapi.language");
                if (lang != NULL &&
                    (strlen(lang) > 35 || strspn(lang, "abcdefghijklmnopqrstuvwxyz"
                                                       "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                                       "0123456789-") != strlen(lang))) {
                        report(c, ytree_get(x, "language"), E_RANGE, "xapi.language",
                               "a language tag such as en-GB or cy");
                        free(lang);
                        lang = NULL;
                }
                if (lang != NULL) {
                        free(s->language);
                        s->language = lang;
                }
                s->send_reflections =
                    flag(c, x, "send_reflections", "xapi.send_reflections", s->send_reflections);
        }
        l = section(c, root, "lrs");
        if (l == NULL)
                return;
        check_keys(c, l, "lrs", lrs_keys);
        url(c, l, "endpoint", "lrs.endpoint", &s->endpoint);
        if (s->endpoint != NULL && s->endpoint[strlen(s->endpoint) - 1] != '/') {
                char *e = xasprintf("%s/", s->endpoint);

                free(s->endpoint);
                s->endpoint = e;
        }
        s->key = secret(c, l, "key", "lrs.key");
        s->secret = secret(c, l, "secret", "lrs.secret");
        s->credentials_file = text(c, l, "credentials_file", "lrs.credentials_file");
        s->ca_file = text(c, l, "ca_file", "lrs.ca_file");
        s->timeout = whole(c, l, "timeout", "lrs.timeout", 1, 3600, s->timeout);
        s->batch = whole(c, l, "batch", "lrs.batch", 1, 1000, s->batch);
        s->retries = whole(c, l, "retries", "lrs.retries", 1, 20, s->retries);
        if (s->credentials_file != NULL && c->diags->errors == 0)
                read_credentials(c, s, key_of(l, ytree_get(l, "credentials_file")));
}

void settings_defaults(struct settings *s)
{
        memset(s, 0, sizeof(*s));
        s->home_page = xstrdup(SETTINGS_DEFAULT_HOME_PAGE);
        s->language = xstrdup(SETTINGS_DEFAULT_LANGUAGE);
        s->programme = xstrdup(SETTINGS_DEFAULT_HOME_PAGE "/programmes/dlfl");
        s->timeout = SETTINGS_DEFAULT_TIMEOUT;
        s->batch = SETTINGS_DEFAULT_BATCH;
        s->retries = 3;
}

bool settings_read(const char *path, struct settings *s, FILE *err)
{
        struct arena nodes = {0}, texts = {0};
        struct diag_list diags = {0};
        const struct ynode *root = NULL;
        struct stat st;
        struct sctx c = {.diags = &diags, .err = err};
        bool ok;

        free(s->file);
        s->file = xstrdup(path);
        c.file = diag_file(&diags, path);
        ok = parse(path, &nodes, &texts, &diags, &root, &st, err);
        if (ok && root != NULL) {
                c.mode = st.st_mode;
                c.private_file = (st.st_mode & 077) == 0;
                read_settings(&c, root, s);
        }
        diag_sort(&diags);
        diag_print(&diags, err);
        ok = ok && diags.errors == 0 && !c.secrets_refused;
        diag_free(&diags);
        arena_free(&nodes);
        arena_free(&texts);
        return ok;
}

bool settings_load(const char *path, struct settings *s, FILE *err)
{
        const char *env = getenv("DLFL_CONFIG");
        const char *xdg = getenv("XDG_CONFIG_HOME");
        const char *home = getenv("HOME");
        char *user = NULL;
        bool ok = true;

        settings_defaults(s);
        if (path != NULL)
                return settings_read(path, s, err);
        if (env != NULL && env[0] != '\0')
                return settings_read(env, s, err);
        if (xdg != NULL && xdg[0] == '/')
                user = xasprintf("%s/dlfl/config.yaml", xdg);
        else if (home != NULL && home[0] == '/')
                user = xasprintf("%s/.config/dlfl/config.yaml", home);
        if (user != NULL && access(user, F_OK) == 0)
                ok = settings_read(user, s, err);
        else if (access("/etc/dlfl/config.yaml", F_OK) == 0)
                ok = settings_read("/etc/dlfl/config.yaml", s, err);
        free(user);
        return ok;
}

void settings_free(struct settings *s)
{
        free(s->file);
        free(s->home_page);
        free(s->language);
        free(s->programme);
        free(s->endpoint);
        free(s->key);
        free(s->secret);
        free(s->credentials_file);
        free(s->ca_file);
        memset(s, 0, sizeof(*s));
}

bool settings_lrs(const struct settings *s)
{
        return s->endpoint != NULL && s->key != NULL && s->secret != NULL;
}
