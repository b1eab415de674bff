/* Learners' records on disk: one YAML file per learner under
 * DATA_DIR/learners/, written with libyaml's emitter, saved durably
 * (temporary sibling, fsync, rename, fsync of the directory) and locked
 * while open so two terminals cannot overwrite each other. A record that
 * cannot be parsed is moved aside, never overwritten. No curses here.
 *
 * Errors are returned as a message for the learner (static or owned by the
 * store, valid until the next call), never printed here. */
#ifndef DLFL_STORE_H
#define DLFL_STORE_H

#include <stdbool.h>
#include <stddef.h>

#include "dlfl/record.h"

struct store;
/* A learner's record held open (and locked) by this process. */
struct store_handle;

/* Resolves the data directory: dir if given, else $DLFL_DATA_DIR, else
 * $XDG_DATA_HOME/dlfl, else ~/.local/share/dlfl. Creates it (0700) on
 * first write, not here. Returns NULL with *err set when no directory can
 * be worked out (no HOME). */
struct store *store_open(const char *dir, const char **err);
void store_close(struct store **st);
const char *store_dir(const struct store *st);

/* Learners' names, sorted; the caller frees with store_names_free(). */
char **store_list(struct store *st, size_t *n, const char **err);
void store_names_free(char **names, size_t n);
/* 1-64 printable UTF-8 characters; NULL when valid, else why not. */
const char *store_name_problem(const char *name);

/* Opens (and locks) the learner's record, creating an empty one in memory
 * when none exists. Refused with *err when another process holds it (the
 * message says where: host and process) or it cannot be read. A record
 * that cannot be parsed is moved aside with a timestamp, *notice says so,
 * and a fresh record is returned. */
struct store_handle *store_open_learner(struct store *st, const char *name, const char **err,
					char **notice);
struct learner_record *store_record(struct store_handle *h);
/* Saves durably. On failure the old file is untouched and *err says why;
 * the next save tries again. */
bool store_save(struct store_handle *h, const char **err);
/* Unlocks and frees (does not save). */
void store_close_learner(struct store_handle **h);
/* Deletes the learner's record ("forget me"); h is closed. */
bool store_forget(struct store_handle **h, const char **err);

/* Reads a learner's record without locking, for reports and exports.
 * The caller frees with record_free(). */
struct learner_record *store_read(struct store *st, const char *name, const char **err);

#endif
