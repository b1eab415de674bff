/* The outbox (outbox.h): the per-learner queue of xAPI statements, read
 * and rewritten whole under its lock, durably, like a record. */
#define _DEFAULT_SOURCE /* flock() */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dlfl/export.h"
#include "dlfl/json.h"
#include "dlfl/outbox.h"
#include "dlfl/store.h"
#include "dlfl/xalloc.h"

#define OUTBOX_MAX_FILE (256u * 1024 * 1024)

static int make_dir(const char *path)
{
        if (mkdir(path, 0700) == 0 || errno == EEXIST)
                return 0;
        return errno;
}

static bool valid_id(const char *s, size_t len)
{
        if (len != 36)
                return false;
        for (size_t i = 0; i < 36; i++) {
                bool dash = i == 8 || i == 13 || i == 18 || i == 23;

                if (dash ? s[i] != '-'
                         : !((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
                        return false;
        }
        return true;
}

/* Reads a JSON string at *p (as json_string writes it: \" \\ \n \uXXXX and
 * the short escapes) into a fresh string. */
static char *json_unquote(const char *p)
{
        char *out = xmalloc(strlen(p) + 1);
        size_t n = 0;

        if (*p++ != '"') {
                free(out);
                return NULL;
        }
        while (*p != '\0' && *p != '"') {
                if (*p != '\\') {
                        out[n++] = *p++;
                        continue;
                }
                p++;
                switch (*p) {
                case 'n':
                        out[n++] = '\n';
                        break;
                case 't':
                        out[n++] = '\t';
                        break;
                case 'r':
                        out[n++] = '\r';
                        break;
                case 'b':
                        out[n++] = '\b';
                        break;
                case 'f':
                        out[n++] = '\f';
                        break;
                case 'u': {
                        unsigned v = 0;

                        for (int i = 1; i <= 4; i++) {
                                char h = p[i];

                                v = v * 16 + (unsigned)(h >= '0' && h <= '9'   ? h - '0'
                                                        : h >= 'a' && h <= 'f' ? h - 'a' + 10
                                                        : h >= 'A' && h <= 'F' ? h - 'A' + 10
                                                                               : 0);
                                if (h == '\0') {
                                        free(out);
                                        return NULL;
                                }
                        }
                        p += 4;
                        /* json_string escapes only control characters this way. */
                        out[n++] = (char)(v < 0x80 ? v : '?');
                        break;
                }
                case '\0':
                        free(out);
                        return NULL;
                default:
                        out[n++] = *p;
                }
                p++;
        }
        if (*p != '"') {
                free(out);
                return NULL;
        }
        out[n] = '\0';
        return out;
}

bool outbox_is_voiding(const char *json)
{
        return json != NULL &&
               strstr(json, "\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/voided\"") != NULL;
}

void outbox_add(struct outbox *ob, char state, const char *id, const char *json)
{
        struct outbox_entry *e;

        ob->e = xgrow(ob->e, &ob->cap, ob->n + 1, sizeof(*ob->e));
        e = &ob->e[ob->n++];
        memset(e, 0, sizeof(*e));
        e->state = state;
        memcpy(e->id, id, 36);
        e->id[36] = '\0';
        e->json = json != NULL ? xstrdup(json) : NULL;
        e->voiding = outbox_is_voiding(json);
}

void outbox_drop(struct outbox *ob, struct outbox_entry *e)
{
        size_t i = (size_t)(e - ob->e);

        free(e->json);
        memmove(e, e + 1, (ob->n - i - 1) * sizeof(*e));
        ob->n--;
}

struct outbox_entry *outbox_find(struct outbox *ob, const char *id)
{
        for (size_t i = ob->n; i-- > 0;)
                if (strcmp(ob->e[i].id, id) == 0)
                        return &ob->e[i];
        return NULL;
}

size_t outbox_count(const struct outbox *ob, char state)
{
        size_t n = 0;

        for (size_t i = 0; i < ob->n; i++)
                n += ob->e[i].state == state;
        return n;
}

/* One line of a queue file; a line that does not parse is dropped (it can
 * only be the tail of a file cut short outside dlfl, as dlfl renames whole
 * files into place). */
static void parse_line(struct outbox *ob, char *line)
{
        size_t len = strlen(line);

        if (strncmp(line, "learner ", 8) == 0) {
                char *end;
                long long created = strtoll(line + 8, &end, 10);

                if (*end == ' ') {
                        free(ob->name);
                        ob->name = json_unquote(end + 1);
                        ob->created = (time_t)created;
                }
        } else if (strcmp(line, "forgotten") == 0) {
                ob->forgotten = true;
        } else if (len >= 38 &&
                   (line[0] == 'Q' || line[0] == 'S' || line[0] == 'R' || line[0] == 'V') &&
                   line[1] == ' ' &&
                   valid_id(line + 2, (line[38] == ' ' || line[38] == '\0') ? 36 : 0)) {
                char *rest = line[38] == ' ' ? line + 39 : line + 38;

                if (line[0] == 'S' || line[0] == 'V') {
                        outbox_add(ob, 'S', line + 2, NULL);
                        ob->e[ob->n - 1].voided = line[0] == 'V';
                } else if (line[0] == 'Q' && rest[0] == '{') {
                        outbox_add(ob, 'Q', line + 2, rest);
                } else if (line[0] == 'R') {
                        char *end;
                        long status = strtol(rest, &end, 10);

                        if (*end == ' ' && end[1] == '{') {
                                outbox_add(ob, 'R', line + 2, end + 1);
                                ob->e[ob->n - 1].status = (int)status;
                        }
                }
        }
}

static int read_queue(struct outbox *ob)
{
        int fd = open(ob->path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
        struct stat sb;
        char *buf;
        size_t got = 0;

        if (fd < 0)
                return errno == ENOENT ? 0 : errno;
        if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode) ||
            (unsigned long long)sb.st_size > OUTBOX_MAX_FILE) {
                close(fd);
                return EINVAL;
        }
        buf = xmalloc((size_t)sb.st_size + 1);
        while (got < (size_t)sb.st_size) {
                ssize_t n = read(fd, buf + got, (size_t)sb.st_size - got);

                if (n < 0 && errno == EINTR)
                        continue;
                if (n <= 0)
                        break;
                got += (size_t)n;
        }
        close(fd);
        buf[got] = '\0';
        for (char *line = buf, *nl; line != NULL && *line != '\0'; line = nl) {
                nl = strchr(line, '\n');
                if (nl == NULL)
                        break; /* no newline: not a whole line */
                *nl++ = '\0';
                parse_line(ob, line);
        }
        free(buf);
        return 0;
}

/* Statements are sent with the LRS credentials, so the queue is kept only
 * where nobody else could add to it: a real directory (not a symbolic
 * link) of this user's that no one else can write to. */
static char *unsafe_dir(const char *path)
{
        struct stat st;

        if (lstat(path, &st) != 0)
                return xasprintf("%s: %s", path, strerror(errno));
        if (!S_ISDIR(st.st_mode))
                return xasprintf("%s: not a directory (a symbolic link or a file is not used)",
                                 path);
        if (st.st_uid != geteuid() || (st.st_mode & 022) != 0)
                return xasprintf("%s: others could change the statements queued there (owner "
                                 "uid %u, mode %04o); it must be yours and writable by you "
                                 "alone",
                                 path, (unsigned)st.st_uid, (unsigned)(st.st_mode & 07777));
        return NULL;
}

/* A rewrite cut short by a crash leaves its temporary file: gone at the
 * next open, under the lock. */
static void remove_leftovers(const struct outbox *ob)
{
        const char *base = strrchr(ob->path, '/') + 1;
        size_t len = strlen(base);
        DIR *d = opendir(ob->dir);
        struct dirent *de;

        if (d == NULL)
                return;
        while ((de = readdir(d)) != NULL)
                if (strncmp(de->d_name, base, len) == 0 &&
                    strncmp(de->d_name + len, ".tmp.", 5) == 0) {
                        char *p = xasprintf("%s/%s", ob->dir, de->d_name);

                        (void)unlink(p);
                        free(p);
                }
        closedir(d);
}

int outbox_lock(const char *path, bool wait)
{
        int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
        int rc;

        if (fd < 0)
                return -1;
        do
                rc = flock(fd, wait ? LOCK_EX : LOCK_EX | LOCK_NB);
        while (rc != 0 && errno == EINTR);
        if (rc != 0) {
                int e = errno;

                close(fd);
                errno = e;
                return -1;
        }
        return fd;
}

bool outbox_open(const char *data_dir, const char *key, struct outbox *ob, char **err)
{
        int e;

        memset(ob, 0, sizeof(*ob));
        ob->lock_fd = -1;
        ob->dir = xasprintf("%s/outbox", data_dir);
        ob->path = xasprintf("%s/%s.queue", ob->dir, key);
        ob->lock_path = xasprintf("%s/%s.lock", ob->dir, key);
        if ((e = make_dir(data_dir)) != 0 || (e = make_dir(ob->dir)) != 0) {
                *err = xasprintf("%s: %s", ob->dir, strerror(e));
                outbox_close(ob);
                return false;
        }
        if ((*err = unsafe_dir(data_dir)) != NULL || (*err = unsafe_dir(ob->dir)) != NULL) {
                outbox_close(ob);
                return false;
        }
        ob->lock_fd = outbox_lock(ob->lock_path, true);
        if (ob->lock_fd < 0) {
                *err = xasprintf("%s: %s", ob->lock_path, strerror(errno));
                outbox_close(ob);
                return false;
        }
        remove_leftovers(ob);
        if ((e = read_queue(ob)) != 0) {
                *err = xasprintf("%s: %s", ob->path, strerror(e));
                outbox_close(ob);
                return false;
        }
        return true;
}

/* Nothing left to send and nobody to send it for. */
static bool spent(const struct outbox *ob)
{
        return ob->forgotten && outbox_count(ob, 'Q') == 0;
}

bool outbox_save(struct outbox *ob, char **err)
{
        char *buf = NULL;
        size_t len = 0;
        FILE *mem;
        int e;

        if (spent(ob)) {
                if (unlink(ob->path) != 0 && errno != ENOENT) {
                        *err = xasprintf("%s: %s", ob->path, strerror(errno));
                        return false;
                }
                (void)store_sync_dir(ob->dir);
                return true;
        }
        mem = open_memstream(&buf, &len);
        if (mem == NULL)
                die("cannot make an in-memory stream");
        fputs("dlfl-outbox 1\n", mem);
        if (ob->name != NULL) {
                struct json j;

                fprintf(mem, "learner %lld ", (long long)ob->created);
                json_init(&j, mem);
                json_string(&j, NULL, ob->name);
                fputc('\n', mem);
        }
        if (ob->forgotten)
                fputs("forgotten\n", mem);
        for (size_t i = 0; i < ob->n; i++) {
                const struct outbox_entry *en = &ob->e[i];

                if (en->state == 'S')
                        fprintf(mem, "%c %s\n", en->voided ? 'V' : 'S', en->id);
                else if (en->state == 'Q')
                        fprintf(mem, "Q %s %s\n", en->id, en->json);
                else
                        fprintf(mem, "R %s %d %s\n", en->id, en->status, en->json);
        }
        if (fclose(mem) != 0)
                die("cannot finish an in-memory stream");
        e = store_write_file(ob->path, buf, len);
        if (e == STORE_SYNC_FAILED)
                e = errno;
        free(buf);
        if (e != 0) {
                *err = xasprintf("%s: %s", ob->path, strerror(e));
                return false;
        }
        return true;
}

void outbox_close(struct outbox *ob)
{
        if (ob->lock_fd >= 0) {
                /* A spent queue's lock file goes with it. */
                if (spent(ob) && access(ob->path, F_OK) != 0)
                        (void)unlink(ob->lock_path);
                close(ob->lock_fd);
        }
        for (size_t i = 0; i < ob->n; i++)
                free(ob->e[i].json);
        free(ob->e);
        free(ob->name);
        free(ob->dir);
        free(ob->path);
        free(ob->lock_path);
        memset(ob, 0, sizeof(*ob));
        ob->lock_fd = -1;
}

struct gather {
        struct outbox *ob;
        int added;
        bool completed;
};

static void gather_one(void *ctx, const char *id, const char *json, size_t len)
{
        struct gather *g = ctx;

        (void)len;
        if (outbox_find(g->ob, id) != NULL)
                return;
        outbox_add(g->ob, 'Q', id, json);
        g->added++;
        if (strstr(json, "\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/completed\"") != NULL)
                g->completed = true;
}

static void set_learner(struct outbox *ob, const struct learner_record *r)
{
        free(ob->name);
        ob->name = xstrdup(r->name);
        ob->created = r->created;
}

int outbox_queue_record(const char *data_dir, const struct catalog *c,
                        const struct learner_record *r, const struct settings *set, bool *completed,
                        char **err)
{
        struct outbox ob;
        char *key = store_name_key(r->name);
        struct gather g = {.ob = &ob};
        bool ok;

        *completed = false;
        ok = outbox_open(data_dir, key, &ob, err);
        free(key);
        if (!ok)
                return -1;
        export_xapi_each(c, r, set, time(NULL), gather_one, &g);
        if (g.added > 0 || ob.forgotten) {
                /* A learner of this name again, after another was forgotten. */
                ob.forgotten = false;
                set_learner(&ob, r);
                if (!outbox_save(&ob, err))
                        g.added = -1;
        }
        outbox_close(&ob);
        *completed = g.completed;
        return g.added;
}

/* Queues the voiding of every accepted statement not yet voided. */
void outbox_void_sent(struct outbox *ob, const struct settings *set)
{
        size_t n = ob->n;

        for (size_t i = 0; i < n; i++) {
                char id[37];
                char *json;

                if (ob->e[i].state != 'S' || ob->e[i].voided || ob->e[i].voiding)
                        continue;
                json = export_xapi_void(ob->name, ob->created, set, ob->e[i].id, time(NULL), id);
                ob->e[i].voided = true;
                if (outbox_find(ob, id) == NULL)
                        outbox_add(ob, 'Q', id, json);
                free(json);
        }
}

bool outbox_forget(const char *data_dir, const struct learner_record *r, const struct settings *set,
                   char **err)
{
        struct outbox ob;
        char *key = store_name_key(r->name);
        size_t keep = 0;
        bool ok;

        ok = outbox_open(data_dir, key, &ob, err);
        free(key);
        if (!ok)
                return false;
        /* What never reached the LRS is simply dropped; the voiding of an
         * earlier learner of this name still goes. */
        for (size_t i = 0; i < ob.n; i++) {
                if (ob.e[i].state == 'S' || (ob.e[i].state == 'Q' && ob.e[i].voiding))
                        ob.e[keep++] = ob.e[i];
                else
                        free(ob.e[i].json);
        }
        ob.n = keep;
        set_learner(&ob, r);
        ob.forgotten = true;
        outbox_void_sent(&ob, set);
        ok = outbox_save(&ob, err);
        outbox_close(&ob);
        return ok;
}
