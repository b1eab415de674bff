/* What the store's files share and nobody else sees: the store itself,
 * and the helpers of store.c the others use. */
#ifndef DLFL_STORE_IMPL_H
#define DLFL_STORE_IMPL_H

#include <stdbool.h>
#include <stddef.h>

#include "dlfl/store.h"

/* No real record comes near this; a bigger file is damage or a mistake. */
#define MAX_RECORD (64u * 1024u * 1024u)

struct store {
        char *dir;      /* the data directory */
        char *learners; /* dir/learners */
        char *msg;      /* the last error, when it had to be formatted */
};

/* Borrows its store, which must outlive it. */
struct store_handle {
        struct store *st;
        char *name;
        char *key;
        char *path; /* the record, for messages */
        char *lock_path;
        char *file;      /* KEY.yaml, opened in learners/ */
        char *lock_file; /* KEY.lock */
        int lock_fd;     /* -1 while not locked (a read-only data directory) */
        bool no_locks;   /* the file system has no locks: do not keep trying */
        struct learner_record *rec;
        char *msg;
};

/* ensure_dirs()'s own refusals, as ssh's StrictModes refuses a home
 * directory others could write to: dlfl writes learners' records only
 * where nobody else can change them. Negative, so no errno is mistaken
 * for one. */
enum {
        DIR_SYMLINK = -2,    /* learners/ is a symbolic link */
        DIR_NOT_OURS = -3,   /* owned by another user */
        DIR_OPEN_WRITE = -4, /* writable by the group or by others */
};

/* learners/ opened as a directory, never through a symbolic link: a
 * descriptor, or -1 with errno (ENOTDIR for a link). */
int store_dir_fd(const struct store *st);
/* e from a failed store_dir_fd(), as DIR_SYMLINK when learners/ is a link. */
int store_dir_error(const struct store *st, int e);
/* Reads the regular file name in dfd (or in learners/) whole, without
 * following a link or blocking on a FIFO: 0, or an errno (EINVAL: not a
 * regular file; EFBIG: too large). */
int store_read_at(int dfd, const char *name, char **buf, size_t *len);
int store_read_in(const struct store *st, const char *name, char **buf, size_t *len);
/* The durable writer in a directory: a temporary file tmp_prefix + six
 * random characters (0600, O_EXCL, O_NOFOLLOW), synced, renamed over name,
 * the directory synced. Returns as store_write_file() does. */
int store_write_at(int dfd, const char *name, const char *tmp_prefix, const char *buf, size_t len);
/* fsync() of a directory, where the file system can. */
int store_sync_fd(int dfd);

/* Makes the data directory and learners/ (0700) when missing, and refuses
 * (a negative code, or an errno) one that is not safe to write in. */
int store_ensure_dirs(struct store *st);
/* Replaces *slot with msg (owned) and returns it. */
const char *store_set_msg(char **slot, char *msg);
/* What went wrong (an errno or a store refusal), in words a learner can
 * pass on. */
const char *store_errno_phrase(int e);

#endif
