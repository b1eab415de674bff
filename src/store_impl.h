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
        char *path; /* the record */
        char *lock_path;
        int lock_fd;   /* -1 while not locked (a read-only data directory) */
        bool no_locks; /* the file system has no locks: do not keep trying */
        struct learner_record *rec;
        char *msg;
};

/* Makes the data directory and learners/ (0700) when missing, and refuses
 * (a negative code, or an errno) one that is not safe to write in. */
int store_ensure_dirs(struct store *st);
/* Reads a regular file whole, without following a link or blocking on a
 * FIFO; 0, or an errno (EINVAL: not a regular file; EFBIG: too large). */
int store_read_file(const char *path, char **buf, size_t *len);
/* Replaces *slot with msg (owned) and returns it. */
const char *store_set_msg(char **slot, char *msg);
/* What went wrong (an errno or a store refusal), in words a learner can
 * pass on. */
const char *store_errno_phrase(int e);

#endif
