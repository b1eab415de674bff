/* The outbox: each learner's xAPI statements waiting for the LRS, kept in
 * the data dir with the same care as records, and what the player does
 * with it. No curses and no network here (sync.c sends).
 *
 * DATA_DIR/outbox/ (0700) holds per learner (KEY as for records):
 *   KEY.queue  (0600) the statements: rewritten whole (temporary sibling,
 *              fsync, rename, fsync of the directory) under KEY.lock;
 *   KEY.lock   flock()ed while the queue is read or rewritten (briefly:
 *              never across a request to the LRS);
 *   sync.lock  held by the one sync running.
 * A queue file is lines of text:
 *   dlfl-outbox 1
 *   learner CREATED "NAME"          (JSON string; a 'forgotten' line after
 *                                    "forget me")
 *   Q ID JSON                       queued, not yet accepted by the LRS
 *   S ID                            accepted by the LRS
 *   V ID                            accepted, and its voiding is queued or sent
 *   R ID STATUS JSON                refused by the LRS (4xx) and set aside
 * A statement is queued once: an id already held in any state is never
 * queued again, so progress saved many times sends each event once.
 * A voiding statement (verb voided, from "forget me") is itself never
 * voided (xAPI 1.0.3 forbids it): once the LRS accepts one it leaves the
 * queue, as its target's V line already says it was made. */
#ifndef DLFL_OUTBOX_H
#define DLFL_OUTBOX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <time.h>

#include "dlfl/model.h"
#include "dlfl/record.h"
#include "dlfl/settings.h"

struct app;
struct store;

struct outbox_entry {
        char state; /* 'Q', 'S' or 'R' */
        char id[37];
        int status;   /* R: the HTTP status */
        char *json;   /* Q and R: the statement */
        bool voided;  /* S: a voiding statement is queued or sent for it */
        bool voiding; /* Q and R: it voids another statement */
};

struct outbox {
        char *dir, *path, *lock_path;
        int lock_fd;
        char *name;
        time_t created;
        bool forgotten;
        struct outbox_entry *e;
        size_t n, cap;
};

/* Opens (creating it 0600, never through a link) and flock()s the lock
 * file path: a queue's KEY.lock, or sync.lock. wait: wait for the holder
 * to let go, else fail at once with EWOULDBLOCK. The descriptor (the lock
 * goes when it is closed), or -1 with errno set. */
int outbox_lock(const char *path, bool wait);
/* Opens (creating the directory) and locks learner key's queue under
 * data_dir, and reads it (empty when there is none). false with *err (a
 * fresh string) on failure. */
bool outbox_open(const char *data_dir, const char *key, struct outbox *ob, char **err);
/* Writes the queue back durably (or removes it when it holds nothing worth
 * keeping). false with *err (fresh) on failure; the old file then stays. */
bool outbox_save(struct outbox *ob, char **err);
/* Unlocks and frees. */
void outbox_close(struct outbox *ob);
struct outbox_entry *outbox_find(struct outbox *ob, const char *id);
void outbox_add(struct outbox *ob, char state, const char *id, const char *json);
size_t outbox_count(const struct outbox *ob, char state);
/* Whether the statement (JSON as dlfl writes it) voids another. */
bool outbox_is_voiding(const char *json);
/* Takes the entry out of the queue. */
void outbox_drop(struct outbox *ob, struct outbox_entry *e);

/* Queues the record's statements not yet held. Returns how many were
 * added (-1 on failure, with *err fresh); *completed says whether one of
 * them completes a module. */
int outbox_queue_record(const char *data_dir, const struct catalog *c,
                        const struct learner_record *r, const struct settings *set, bool *completed,
                        char **err);
/* `dlfl sync`'s first step: queues, for each learner of names (from
 * store_list), what outbox_queue_record() would. Records are only read,
 * never locked, moved or written: a learner in a session is not kept out,
 * and one that cannot be read is reported on report (NULL: nowhere) and
 * left as it is, the others still queued. A module the catalog lacks is
 * named on report once, as its statements then come from the record
 * alone. *queued: how many were added. false when a queue could not be
 * written (reported). */
bool outbox_queue_learners(struct store *st, char **names, size_t n, const struct catalog *c,
                           const struct settings *set, FILE *report, size_t *queued);
/* Queues the voiding of every accepted statement not voided yet; voiding
 * statements are never voided. */
void outbox_void_sent(struct outbox *ob, const struct settings *set);
/* "Forget me": drops what was never sent (except voiding statements still
 * on their way) and queues one voiding statement for each statement the
 * LRS accepted. */
bool outbox_forget(const char *data_dir, const struct learner_record *r, const struct settings *set,
                   char **err);

/* The player: with an LRS set up, every save queues, and after a module's
 * summary and at log-out a sync runs in the background. Without one,
 * "forget me" still empties and voids a queue a sync made earlier. */
void outbox_watch(struct app *app);
/* Starts a sync in a detached process that never touches the terminal and
 * holds none of this process's files or locks. */
void outbox_sync_background(struct app *app);

#endif
