/* Learners' records on disk: one YAML file per learner under
 * DATA_DIR/learners/, written with libyaml's emitter, saved durably
 * (temporary sibling, fsync, rename, fsync of the directory) and locked
 * while open so two terminals cannot overwrite each other. A record that
 * cannot be parsed is moved aside, never overwritten. No curses here.
 *
 * Files under DATA_DIR/learners/ (directory 0700, files 0600):
 *   KEY.yaml                      the record
 *   KEY.lock                      held with flock() while the record is open;
 *                                 holds "HOST PID" of the holder
 *   KEY.tries                     "COUNT EPOCH": wrong passphrases in a row
 *                                 and when the last was typed
 *   KEY.tmp.XXXXXX                a save in progress (removed on failure, and
 *                                 at the next open after a crash)
 *   KEY.yaml.corrupt-YYYYMMDDTHHMMSS  a record that could not be parsed
 * KEY is the name's UTF-8 bytes with every byte outside [a-z0-9_-]
 * written as %xx (lower-case hex), so capitals, dots and slashes never reach
 * the file system and "Zoë" and "ZOË" get different files; a key that would
 * be longer than STORE_KEY_MAX is "+" and the SHA-256 of the name in hex.
 * The real name is always kept inside the record.
 *
 * Errors are returned as a message for the learner (static or owned by the
 * store or handle, valid until the next call on it), never printed here. */
#ifndef DLFL_STORE_H
#define DLFL_STORE_H

#include <stdbool.h>
#include <stddef.h>

#include "dlfl/record.h"

#define STORE_NAME_MAX 64 /* characters */
#define STORE_KEY_MAX 160 /* bytes of a file key before it is hashed */
#define STORE_FORMAT 1    /* the record's `dlfl-record:` version */

struct store;
/* A learner's record held open (and locked) by this process. */
struct store_handle;

/* Resolves the data directory: dir if given, else $DLFL_DATA_DIR, else
 * $XDG_DATA_HOME/dlfl, else ~/.local/share/dlfl (empty variables count as
 * unset). Creates it (0700) on first write, not here. Returns NULL with
 * *err set when no directory can be worked out (no home directory). */
struct store *store_open(const char *dir, const char **err);
void store_close(struct store **st);
const char *store_dir(const struct store *st);

/* Learners' names, sorted; the caller frees with store_names_free(). An
 * empty list (n = 0, non-NULL result) when nobody has saved yet. NULL with
 * *err when the directory cannot be read. */
char **store_list(struct store *st, size_t *n, const char **err);
/* False, with a message naming it, when the progress directory is there
 * but cannot be read (not a directory, no permission); a missing one is
 * fine (it is made at the first save). */
bool store_check_dir(struct store *st, const char **err);
void store_names_free(char **names, size_t n);
/* 1-64 printable UTF-8 characters, not all blank, with no control,
 * default-ignorable, format (Cf), private-use, surrogate or unassigned
 * code point; NULL when valid, else a sentence saying why not. */
const char *store_name_problem(const char *name);
/* A learner's identity: the name after Unicode NFKC, full case folding
 * (libutf8proc) and trimming spaces, as a fresh string. Two names are the
 * same learner when their identities are equal ("Zoë" in NFC or NFD, any
 * case, "ZOË "); the record keeps the name as first typed, and the file key
 * is made from that spelling, so records from before are found as they
 * are. */
char *store_name_fold(const char *name);
bool store_same_name(const char *a, const char *b);
/* The file key for a valid name (see above), as a fresh string. */
char *store_name_key(const char *name);
/* The name a key stands for, as a fresh string; NULL for hashed keys and
 * for anything store_name_key() would not have produced. */
char *store_key_name(const char *key);

/* Opens (and locks) the learner's record, creating an empty one in memory
 * when none exists (nothing is written until the first save). Refused with
 * *err when another process holds it (the message says where: host and
 * process) or it cannot be read. A record that cannot be parsed is moved
 * aside with a timestamp, *notice (a fresh string the caller frees, else
 * NULL) says so, and a fresh record is returned. */
struct store_handle *store_open_learner(struct store *st, const char *name, const char **err,
                                        char **notice);
/* Like store_open_learner() but without taking the lock, so a protected
 * record's passphrase can be asked first and nobody holds the record while
 * a stranger sits at the prompt. A new, unreadable or damaged record is
 * opened (and locked) as store_open_learner() does. Nothing may be saved
 * until store_lock_learner() succeeds. */
struct store_handle *store_peek_learner(struct store *st, const char *name, const char **err,
                                        char **notice);
/* Takes the lock of a peeked handle and reads the record again; refused
 * with *err when another session holds it, or when the record's
 * passphrase changed (or it was forgotten) since the peek. True at once
 * for a handle already locked. */
bool store_lock_learner(struct store_handle *h, const char **err);
/* Seconds the learner must still wait before the next passphrase try, from
 * the wrong tries kept in KEY.tries (passphrase_delay() after the last). */
unsigned store_pass_wait(struct store *st, const char *name);
/* Counts a wrong try (right = false), or clears the count (right = true). */
void store_pass_tried(struct store *st, const char *name, bool right);

/* The learner's name as first typed (the record's spelling), which may
 * differ from the one given to open it; owned by the handle. */
const char *store_handle_name(const struct store_handle *h);
/* The handle's record: the handle owns it. */
struct learner_record *store_record(struct store_handle *h);
/* Saves durably. On failure the old file is untouched (unless only the
 * final sync of the directory failed, after the new file was in place),
 * no temporary file is left, *err says why, and the next save tries
 * again. */
bool store_save(struct store_handle *h, const char **err);
/* Unlocks and frees (does not save). Accepts NULL and *h == NULL. */
void store_close_learner(struct store_handle **h);
/* Deletes the learner's record ("forget me"), with its lock file and any
 * copies moved aside; h is closed either way. */
bool store_forget(struct store_handle **h, const char **err);

/* Reads a learner's record without locking, for reports and exports.
 * The caller frees with record_free(). NULL with *err when there is no
 * such learner or the record cannot be read or parsed. */
struct learner_record *store_read(struct store *st, const char *name, const char **err);

/* The record as YAML (libyaml's emitter): a fresh buffer the caller frees,
 * NULL with *err on failure. */
char *store_yaml_emit(const struct learner_record *r, size_t *len, const char **err);
/* Parses a record; unknown keys are skipped so newer files still load.
 * NULL with *why (a fresh string the caller frees) when it cannot. */
struct learner_record *store_yaml_parse(const char *buf, size_t len, char **why);

/* Told of what happens to records, so the outbox (outbox.h) can follow:
 * saved after every successful save; closed when a locked record is let
 * go (log-out); forgetting just before "forget me" deletes a record. Each
 * gets the data dir. One observer for the process; NULL for none. */
struct store_observer {
        void (*saved)(void *ctx, const char *dir, const struct learner_record *r);
        void (*closed)(void *ctx, const char *dir, const char *name);
        void (*forgetting)(void *ctx, const char *dir, const struct learner_record *r);
        void *ctx;
};
void store_set_observer(const struct store_observer *o);

/* The one durable writer: writes buf to a temporary sibling of path
 * (".NAME.XXXXXX", 0600), syncs it, renames it over path and syncs the
 * directory. Returns 0, or an errno with path untouched and no temporary
 * file left, or STORE_SYNC_FAILED (errno says why) when only the
 * directory's sync failed, after the new file was in place. */
#define STORE_SYNC_FAILED (-1)
int store_write_file(const char *path, const char *buf, size_t len);
/* The pieces of it that others need: all of buf written to fd (EINTR
 * retried), 0 or an errno; and fsync() of a directory, where the file
 * system can (0 where it cannot), 0 or an errno. */
int store_write_all(int fd, const char *buf, size_t len);
int store_sync_dir(const char *dir);

/* Takes the lock file name in the directory dfd (created 0600, never
 * through a link): 0 and *fd on success; EWOULDBLOCK when another open
 * file holds it, with *holder (fresh string, may be NULL) the "HOST PID"
 * written there; else an errno. */
int store_lock_take_at(int dfd, const char *name, int *fd, char **holder);
/* Releases it (closing fd). */
void store_lock_drop(int *fd);

#endif
