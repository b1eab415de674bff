/* Learners' records on disk: where they live, opening with a lock, durable
 * saves, records moved aside when damaged, forgetting, listing. The file
 * layout is described in store.h. */
#define _DEFAULT_SOURCE /* flock() */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "dlfl/passphrase.h"
#include "dlfl/store.h"
#include "dlfl/xalloc.h"
#include "store_impl.h"

static const struct store_observer *observer;

void store_set_observer(const struct store_observer *o)
{
        observer = o;
}

static int make_dir(const char *path, bool tighten);
static bool key_file(const char *file, const char *key, const char *suffix);
static void remove_files(const struct store *st, const char *key, const char *suffix);
static char *move_aside(struct store_handle *h, int *e);
static bool lock_handle(struct store_handle *h, const char **err);
static void handle_free(struct store_handle *h);
static struct learner_record *read_as(struct store *st, const char *name, const char **err);

const char *store_set_msg(char **slot, char *msg)
{
        free(*slot);
        *slot = msg;
        return msg;
}

/* What went wrong, in words a learner at a library terminal can pass on. */
const char *store_errno_phrase(int e)
{
        switch (e) {
        case DIR_SYMLINK:
                return "it is a symbolic link, which dlfl does not follow (make it a real "
                       "directory)";
        case DIR_NOT_OURS:
                return "bad ownership: it belongs to another user, and dlfl writes records "
                       "only in a directory of the user running it";
        case DIR_OPEN_WRITE:
                return "bad modes: others can write to it (remove that with chmod go-w), so "
                       "dlfl will not keep records there";
        case ENOSPC:
#ifdef EDQUOT
        case EDQUOT:
#endif
                return "the disk is full";
        case EROFS:
                return "the disk is read-only";
        case EACCES:
        case EPERM:
                return "permission was denied";
        case EIO:
                return "the disk reported an error";
        case ENAMETOOLONG:
                return "the path is too long";
        case ENOTDIR:
                return "part of the path is not a directory";
        default:
                return strerror(e);
        }
}

/* mkdir -p with mode 0700 for what it creates; the mode is set with
 * chmod() as well, so the umask cannot widen or narrow it. */
static int make_dir(const char *path, bool tighten)
{
        struct stat sb;
        char *copy;

        if (lstat(path, &sb) == 0) {
                if (S_ISLNK(sb.st_mode)) {
                        /* The data directory itself may be a link an
                         * administrator made; learners/ inside it may not. */
                        if (tighten)
                                return DIR_SYMLINK;
                        if (stat(path, &sb) != 0)
                                return errno;
                }
                if (!S_ISDIR(sb.st_mode))
                        return ENOTDIR;
                if (sb.st_uid != geteuid())
                        return DIR_NOT_OURS;
                if (tighten && (sb.st_mode & 077) != 0 && chmod(path, 0700) != 0)
                        return errno;
                if (!tighten && (sb.st_mode & 022) != 0)
                        return DIR_OPEN_WRITE;
                return 0;
        }
        if (errno != ENOENT)
                return errno;
        copy = xstrdup(path);
        for (char *p = copy + 1; *p != '\0'; p++) {
                if (*p != '/')
                        continue;
                *p = '\0';
                if (mkdir(copy, 0700) == 0)
                        (void)chmod(copy, 0700);
                *p = '/';
        }
        if (mkdir(path, 0700) != 0 && errno != EEXIST) {
                free(copy);
                return errno;
        }
        /* Made by us just now, unless someone raced us to it: look again. */
        if (lstat(path, &sb) != 0 || !S_ISDIR(sb.st_mode) || sb.st_uid != geteuid()) {
                free(copy);
                return S_ISLNK(sb.st_mode) ? DIR_SYMLINK : DIR_NOT_OURS;
        }
        if (chmod(path, 0700) != 0) {
                int e = errno;

                free(copy);
                return e;
        }
        /* The new directory's entry must outlive a power cut as well as
         * the record saved into it. */
        char *slash = strrchr(copy, '/');

        if (slash != NULL && slash != copy) {
                *slash = '\0';
                (void)store_sync_dir(copy);
        }
        free(copy);
        return 0;
}

int store_ensure_dirs(struct store *st)
{
        int e = make_dir(st->dir, false);

        return e != 0 ? e : make_dir(st->learners, true);
}

struct store *store_open(const char *dir, const char **err)
{
        struct store *st;
        const char *env = getenv("DLFL_DATA_DIR");
        const char *xdg = getenv("XDG_DATA_HOME");
        const char *home = getenv("HOME");
        char *path;

        if (dir != NULL && dir[0] != '\0') {
                path = xstrdup(dir);
        } else if (env != NULL && env[0] != '\0') {
                path = xstrdup(env);
        } else if (xdg != NULL && xdg[0] == '/') {
                /* The XDG spec says to ignore a relative XDG_DATA_HOME. */
                path = xasprintf("%s/dlfl", xdg);
        } else {
                if (home == NULL || home[0] == '\0') {
                        struct passwd *pw = getpwuid(getuid());

                        home = pw != NULL ? pw->pw_dir : NULL;
                }
                if (home == NULL || home[0] == '\0') {
                        *err = "No place for progress records: HOME is not set. Give one with "
                               "--data-dir DIR or DLFL_DATA_DIR.";
                        return NULL;
                }
                path = xasprintf("%s/.local/share/dlfl", home);
        }
        /* "dir/" and "dir" are the same place; keep messages tidy. */
        for (size_t n = strlen(path); n > 1 && path[n - 1] == '/'; n--)
                path[n - 1] = '\0';
        st = xcalloc(1, sizeof(*st));
        st->dir = path;
        st->learners = xasprintf("%s/learners", path);
        return st;
}

/* A directory that is there but cannot be read (a file, no permission) is
 * a failure to report, never a silent guest-only run; one not made yet is
 * made at the first save. */
bool store_check_dir(struct store *st, const char **err)
{
        int dfd = store_dir_fd(st);
        int e = dfd < 0 ? store_dir_error(st, errno) : 0;

        if (dfd >= 0)
                (void)close(dfd);
        if (dfd >= 0 || e == ENOENT)
                return true;
        *err = store_set_msg(&st->msg, xasprintf("The progress directory %s cannot be read: %s.",
                                                 st->learners, store_errno_phrase(e)));
        return false;
}

void store_close(struct store **st)
{
        if (st == NULL || *st == NULL)
                return;
        free((*st)->dir);
        free((*st)->learners);
        free((*st)->msg);
        free(*st);
        *st = NULL;
}

const char *store_dir(const struct store *st)
{
        return st->dir;
}

/* Is file KEY followed by suffix (a prefix of the rest when it ends in
 * '*')? Keys never contain '.', so "KEY." cannot match another key. */
static bool key_file(const char *file, const char *key, const char *suffix)
{
        size_t k = strlen(key), s = strlen(suffix);

        if (strncmp(file, key, k) != 0)
                return false;
        file += k;
        if (s > 0 && suffix[s - 1] == '*')
                return strncmp(file, suffix, s - 1) == 0;
        return strcmp(file, suffix) == 0;
}

/* Removes the learner's files matching suffix (see key_file). */
static void remove_files(const struct store *st, const char *key, const char *suffix)
{
        int dfd = store_dir_fd(st);
        DIR *d = dfd >= 0 ? fdopendir(dfd) : NULL;
        struct dirent *de;

        if (d == NULL) {
                if (dfd >= 0)
                        (void)close(dfd);
                return;
        }
        while ((de = readdir(d)) != NULL)
                if (key_file(de->d_name, key, suffix))
                        (void)unlinkat(dirfd(d), de->d_name, 0);
        closedir(d);
}

/* Renames a damaged record to KEY.yaml.corrupt-YYYYMMDDTHHMMSS (UTC), with
 * -2, -3... if that is taken; returns the new file name. */
static char *move_aside(struct store_handle *h, int *e)
{
        char stamp[32];
        time_t now = time(NULL);
        struct tm tm;

        if (gmtime_r(&now, &tm) == NULL ||
            strftime(stamp, sizeof(stamp), "%Y%m%dT%H%M%S", &tm) == 0)
                strcpy(stamp, "00000000T000000");
        int dfd = store_dir_fd(h->st);

        if (dfd < 0) {
                *e = store_dir_error(h->st, errno);
                return NULL;
        }
        for (int i = 1; i < 1000; i++) {
                struct stat sb;
                char *to = i == 1 ? xasprintf("%s.corrupt-%s", h->file, stamp)
                                  : xasprintf("%s.corrupt-%s-%d", h->file, stamp, i);

                /* We hold the learner's lock, so nobody else is renaming here. */
                if (fstatat(dfd, to, &sb, AT_SYMLINK_NOFOLLOW) == 0) {
                        free(to);
                        continue;
                }
                if (renameat(dfd, h->file, dfd, to) != 0) {
                        *e = errno;
                        free(to);
                        (void)close(dfd);
                        return NULL;
                }
                (void)store_sync_fd(dfd);
                (void)close(dfd);
                char *full = xasprintf("%s/%s", h->st->learners, to);

                free(to);
                return full;
        }
        (void)close(dfd);
        *e = EEXIST;
        return NULL;
}

/* Takes the learner's lock; EROFS/EACCES (a data directory nobody can
 * write) leave the handle unlocked, since nothing can be saved there
 * anyway: store_save() tries again. */
static bool lock_handle(struct store_handle *h, const char **err)
{
        char *holder = NULL;
        int dfd = store_dir_fd(h->st);
        int e = dfd < 0 ? store_dir_error(h->st, errno)
                        : store_lock_take_at(dfd, h->lock_file, &h->lock_fd, &holder);

        if (dfd >= 0)
                (void)close(dfd);
        if (e == 0)
                return true;
        if (e == EWOULDBLOCK || e == EAGAIN) {
                char host[256] = "";
                long pid = 0;

                if (holder != NULL && sscanf(holder, "%255s %ld", host, &pid) == 2)
                        *err = store_set_msg(
                            &h->msg, xasprintf("%s's progress is already open in another session "
                                               "(on %s, process %ld). Finish or quit there first.",
                                               h->name, host, pid));
                else
                        *err = store_set_msg(
                            &h->msg, xasprintf("%s's progress is already open in another session. "
                                               "Finish or quit there first.",
                                               h->name));
                free(holder);
                return false;
        }
        free(holder);
        /* Nobody can write here, so nobody can clobber: go on unlocked. */
        if (e == EROFS || e == EACCES || e == EPERM)
                return true;
        /* A file system without locks (some network and FUSE ones): go on
         * without, rather than lock the learner out of their progress. */
        if (e == ENOLCK || e == ENOTSUP || e == EOPNOTSUPP || e == EINVAL) {
                h->no_locks = true;
                return true;
        }
        *err = store_set_msg(&h->msg, xasprintf("%s's progress cannot be locked (%s: %s).", h->name,
                                                h->lock_path, store_errno_phrase(e)));
        return false;
}

static void handle_free(struct store_handle *h)
{
        if (h == NULL)
                return;
        store_lock_drop(&h->lock_fd);
        record_free(&h->rec);
        free(h->name);
        free(h->key);
        free(h->path);
        free(h->lock_path);
        free(h->file);
        free(h->lock_file);
        free(h->msg);
        free(h);
}

/* A handle for name, with its file names worked out, not yet open. */
static struct store_handle *new_handle(struct store *st, const char *name)
{
        struct store_handle *h = xcalloc(1, sizeof(*h));

        h->st = st;
        h->lock_fd = -1;
        h->name = xstrdup(name);
        h->key = store_name_key(name);
        h->file = xasprintf("%s.yaml", h->key);
        h->lock_file = xasprintf("%s.lock", h->key);
        h->path = xasprintf("%s/%s", st->learners, h->file);
        h->lock_path = xasprintf("%s/%s", st->learners, h->lock_file);
        return h;
}

static struct store_handle *open_learner_as(struct store *st, const char *name, const char **err,
                                            char **notice)
{
        struct store_handle *h;
        const char *problem = store_name_problem(name);
        char *buf = NULL, *why = NULL;
        size_t len;
        int e;

        *notice = NULL;
        if (problem != NULL) {
                *err = problem;
                return NULL;
        }
        h = new_handle(st, name);

        e = store_ensure_dirs(st);
        if (e == 0) {
                if (!lock_handle(h, err))
                        goto fail;
        } else if (e != EROFS && e != EACCES && e != EPERM) {
                *err = store_set_msg(&st->msg,
                                     xasprintf("The progress directory %s cannot be used: %s.",
                                               st->learners, store_errno_phrase(e)));
                goto fail;
        }
        if (h->lock_fd >= 0)
                remove_files(st, h->key, ".tmp.*"); /* saves cut short by a crash */

        e = store_read_in(st, h->file, &buf, &len);
        if (e == ENOENT) {
                h->rec = record_new(name);
                if (h->rec->created == 0)
                        h->rec->created = time(NULL);
                return h;
        }
        if (e != 0 && e != EFBIG && e != EINVAL) {
                *err = store_set_msg(&st->msg, xasprintf("%s's progress cannot be read (%s: %s).",
                                                         name, h->path, store_errno_phrase(e)));
                goto fail;
        }
        if (e == 0)
                h->rec = store_yaml_parse(buf, len, &why);
        else
                why = xstrdup(e == EFBIG ? "the file is far too large" : "it is not a plain file");
        free(buf);
        if (h->rec != NULL) {
                if (h->rec->name == NULL || strcmp(h->rec->name, name) != 0) {
                        *err = store_set_msg(&st->msg,
                                             xasprintf("%s holds progress under another name; it "
                                                       "was left as it is.",
                                                       h->path));
                        goto fail;
                }
                return h;
        }
        /* Never overwrite what cannot be read: keep it beside, start afresh. */
        if (h->lock_fd < 0 && !h->no_locks) {
                *err = store_set_msg(&st->msg, xasprintf("%s's progress cannot be read (%s: %s).",
                                                         name, h->path, why));
                free(why);
                goto fail;
        }
        char *aside = move_aside(h, &e);

        if (aside == NULL) {
                *err = store_set_msg(
                    &st->msg,
                    xasprintf("%s's progress cannot be read (%s: %s), and it could not be "
                              "set aside: %s.",
                              name, h->path, why, store_errno_phrase(e)));
                free(why);
                goto fail;
        }
        *notice = xasprintf("%s's saved progress could not be read (%s). It was kept as %s and "
                            "a fresh record started.",
                            name, why, aside);
        free(why);
        free(aside);
        h->rec = record_new(name);
        if (h->rec->created == 0)
                h->rec->created = time(NULL);
        return h;
fail:
        if (h->msg != NULL) { /* *err may point at it: keep it with the store */
                store_set_msg(&st->msg, h->msg);
                h->msg = NULL;
        }
        handle_free(h);
        return NULL;
}

static struct store_handle *peek_learner_as(struct store *st, const char *name, const char **err,
                                            char **notice)
{
        struct store_handle *h;
        char *buf = NULL, *why = NULL;
        size_t len;
        int e;

        *notice = NULL;
        if (store_name_problem(name) != NULL)
                return open_learner_as(st, name, err, notice);
        h = new_handle(st, name);
        e = store_read_in(st, h->file, &buf, &len);
        if (e == 0) {
                h->rec = store_yaml_parse(buf, len, &why);
                free(buf);
                free(why);
                if (h->rec != NULL && h->rec->name != NULL && strcmp(h->rec->name, name) == 0)
                        return h;
        }
        /* New, unreadable or damaged: nothing to ask a passphrase for, and
         * only the locked open may set a damaged record aside. */
        handle_free(h);
        return open_learner_as(st, name, err, notice);
}

static bool same_text(const char *a, const char *b)
{
        return (a == NULL && b == NULL) || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

bool store_lock_learner(struct store_handle *h, const char **err)
{
        struct store *st = h->st;
        char *buf = NULL, *why = NULL;
        struct learner_record *fresh;
        size_t len;
        int e;

        if (h->lock_fd >= 0 || h->no_locks)
                return true;
        e = store_ensure_dirs(st);
        if (e == 0) {
                if (!lock_handle(h, err)) {
                        store_set_msg(&st->msg, h->msg);
                        h->msg = NULL;
                        return false;
                }
        } else if (e != EROFS && e != EACCES && e != EPERM) {
                *err = store_set_msg(&st->msg,
                                     xasprintf("The progress directory %s cannot be used: %s.",
                                               st->learners, store_errno_phrase(e)));
                return false;
        }
        /* Read again under the lock: the last session may have saved since
         * the peek. A passphrase changed or a record forgotten meanwhile
         * means the one just given no longer holds. */
        e = store_read_in(st, h->file, &buf, &len);
        fresh = e == 0 ? store_yaml_parse(buf, len, &why) : NULL;
        free(buf);
        free(why);
        if (fresh == NULL || fresh->name == NULL || strcmp(fresh->name, h->name) != 0 ||
            !same_text(fresh->passphrase, h->rec->passphrase)) {
                record_free(&fresh);
                store_lock_drop(&h->lock_fd);
                *err =
                    store_set_msg(&st->msg, xasprintf("%s's record changed meanwhile. Please try "
                                                      "again.",
                                                      h->name));
                return false;
        }
        record_free(&h->rec);
        h->rec = fresh;
        if (h->lock_fd >= 0)
                remove_files(st, h->key, ".tmp.*"); /* saves cut short by a crash */
        return true;
}

/* The spelling a learner of this identity was first saved under (so
 * "zoë" opens Zoë's record), or name itself for a new learner. */
static char *resolve_name(struct store *st, const char *name)
{
        const char *err = NULL;
        size_t n = 0;
        char **names = store_name_problem(name) == NULL ? store_list(st, &n, &err) : NULL;
        char *found = NULL, *want = store_name_fold(name);

        for (size_t i = 0; i < n && found == NULL; i++) {
                char *f = store_name_fold(names[i]);

                if (strcmp(f, want) == 0)
                        found = xstrdup(names[i]);
                free(f);
        }
        store_names_free(names, n);
        free(want);
        return found != NULL ? found : xstrdup(name);
}

struct store_handle *store_open_learner(struct store *st, const char *name, const char **err,
                                        char **notice)
{
        char *as = resolve_name(st, name);
        struct store_handle *h = open_learner_as(st, as, err, notice);

        free(as);
        return h;
}

struct store_handle *store_peek_learner(struct store *st, const char *name, const char **err,
                                        char **notice)
{
        char *as = resolve_name(st, name);
        struct store_handle *h = peek_learner_as(st, as, err, notice);

        free(as);
        return h;
}

struct learner_record *store_read(struct store *st, const char *name, const char **err)
{
        char *as = resolve_name(st, name);
        struct learner_record *r = read_as(st, as, err);

        free(as);
        return r;
}

const char *store_handle_name(const struct store_handle *h)
{
        return h->name;
}

struct learner_record *store_record(struct store_handle *h)
{
        return h->rec;
}

/* The durable writer in learners/, opened without following a link. */
static int save_in(struct store *st, const char *file, const char *tmp, const char *buf, size_t len)
{
        int dfd = store_dir_fd(st), e;

        if (dfd < 0)
                return store_dir_error(st, errno);
        e = store_write_at(dfd, file, tmp, buf, len);
        if (e == STORE_SYNC_FAILED) {
                int keep = errno;

                (void)close(dfd);
                errno = keep;
                return e;
        }
        (void)close(dfd);
        return e;
}

bool store_save(struct store_handle *h, const char **err)
{
        struct store *st = h->st;
        size_t len;
        const char *why = NULL;
        char *buf, *tmp;
        int e, sync_e;

        if (h->lock_fd < 0 && !h->no_locks) {
                e = store_ensure_dirs(st);
                if (e == 0 && !lock_handle(h, err))
                        return false;
                if (e != 0)
                        goto fail_early;
        }
        buf = store_yaml_emit(h->rec, &len, &why);
        if (buf == NULL) {
                *err = why;
                return false;
        }
        tmp = xasprintf("%s.tmp.", h->key);
        e = save_in(st, h->file, tmp, buf, len);
        if (e == ENOENT && store_ensure_dirs(st) == 0) {
                /* The directory went away under us (tidied by hand?): make
                 * it again rather than lose the learner's progress. */
                e = save_in(st, h->file, tmp, buf, len);
        }
        sync_e = errno;
        free(buf);
        free(tmp);
        if (e == STORE_SYNC_FAILED) {
                *err = store_set_msg(
                    &h->msg, xasprintf("Progress was written but may not be safe yet: %s (%s). "
                                       "dlfl will try again at the next step.",
                                       store_errno_phrase(sync_e), st->learners));
                return false;
        }
        if (e != 0)
                goto fail_early;
        if (observer != NULL && observer->saved != NULL)
                observer->saved(observer->ctx, st->dir, h->rec);
        return true;
fail_early:
        *err = store_set_msg(&h->msg,
                             xasprintf("Progress could not be saved: %s (%s). Nothing saved "
                                       "before was lost; dlfl will try again at the next step.",
                                       store_errno_phrase(e), st->learners));
        return false;
}

void store_close_learner(struct store_handle **h)
{
        if (h == NULL || *h == NULL)
                return;
        if (observer != NULL && observer->closed != NULL && (*h)->lock_fd >= 0)
                observer->closed(observer->ctx, (*h)->st->dir, (*h)->name);
        handle_free(*h);
        *h = NULL;
}

bool store_forget(struct store_handle **hp, const char **err)
{
        struct store_handle *h = *hp;
        struct store *st = h->st;
        bool ok = true;

        if (h->lock_fd < 0 && !h->no_locks && !lock_handle(h, err)) {
                store_set_msg(&st->msg, h->msg);
                h->msg = NULL;
                store_close_learner(hp);
                return false;
        }
        if (observer != NULL && observer->forgetting != NULL)
                observer->forgetting(observer->ctx, st->dir, h->rec);
        int dfd = store_dir_fd(st);

        if (dfd < 0 || (unlinkat(dfd, h->file, 0) != 0 && errno != ENOENT)) {
                *err = store_set_msg(&st->msg,
                                     xasprintf("%s's progress could not be deleted (%s: %s).",
                                               h->name, h->path, store_errno_phrase(errno)));
                ok = false;
        } else {
                /* Copies set aside and cut-short saves hold the learner's answers too. */
                remove_files(st, h->key, ".yaml.corrupt-*");
                remove_files(st, h->key, ".tmp.*");
                remove_files(st, h->key, ".tries");
                (void)unlinkat(dfd, h->lock_file, 0);
                (void)store_sync_fd(dfd);
        }
        if (dfd >= 0)
                (void)close(dfd);
        store_close_learner(hp);
        return ok;
}

static struct learner_record *read_as(struct store *st, const char *name, const char **err)
{
        const char *problem = store_name_problem(name);
        char *key, *file, *path, *buf, *why = NULL;
        size_t len;
        struct learner_record *r = NULL;
        int e;

        if (problem != NULL) {
                *err = problem;
                return NULL;
        }
        key = store_name_key(name);
        file = xasprintf("%s.yaml", key);
        path = xasprintf("%s/%s", st->learners, file);
        free(key);
        e = store_read_in(st, file, &buf, &len);
        free(file);
        if (e == ENOENT) {
                *err = store_set_msg(
                    &st->msg, xasprintf("There is no learner called %s in %s.", name, st->dir));
        } else if (e != 0) {
                *err = store_set_msg(&st->msg,
                                     xasprintf("%s's progress cannot be read (%s: %s).", name, path,
                                               e == EFBIG    ? "the file is far too large"
                                               : e == EINVAL ? "it is not a regular file"
                                                             : store_errno_phrase(e)));
        } else {
                r = store_yaml_parse(buf, len, &why);
                free(buf);
                if (r == NULL) {
                        *err = store_set_msg(
                            &st->msg,
                            xasprintf("%s's progress cannot be read (%s: %s).", name, path, why));
                        free(why);
                } else if (r->name == NULL || strcmp(r->name, name) != 0) {
                        *err = store_set_msg(
                            &st->msg, xasprintf("%s holds progress under another name.", path));
                        record_free(&r);
                }
        }
        free(path);
        return r;
}
