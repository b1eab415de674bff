/* Optional per-learner passphrases. Only a salted, slow hash is kept
 * (libsodium's crypto_pwhash_str, Argon2id), in learner_record.passphrase;
 * the passphrase itself is never stored, logged or copied here. Callers
 * that read one into a buffer should wipe it with passphrase_wipe() once
 * done.
 *
 * Cost: Argon2id with 3 passes over 12 MiB (PASSPHRASE_OPSLIMIT,
 * PASSPHRASE_MEMLIMIT), one of OWASP's equivalent settings. libsodium's
 * "interactive" preset needs 64 MiB, too much for the thin clients and
 * Raspberry Pis dlfl runs on; 12 MiB takes well under a second there.
 * The cost is recorded inside each hash, so verification keeps working if
 * these limits change, and passphrase_needs_rehash() says when to upgrade.
 *
 * Repeated wrong entries slow down: passphrase_delay() gives the pause to
 * apply before the next try (1, 2, 4, 8, 16, then 30 seconds at most). */
#ifndef DLFL_PASSPHRASE_H
#define DLFL_PASSPHRASE_H

#include <stdbool.h>
#include <stddef.h>

#include "dlfl/record.h"

#define PASSPHRASE_OPSLIMIT 3u
#define PASSPHRASE_MEMLIMIT (12u * 1024u * 1024u)
#define PASSPHRASE_MAX_BYTES 1024u
#define PASSPHRASE_MAX_DELAY 30u

/* Initialises libsodium (safe to call more than once). False when the
 * library cannot start, in which case nothing can be set or checked. */
bool passphrase_init(void);

/* NULL when pass is acceptable as a new passphrase, else why not (a
 * sentence for the learner): it must be 1 to PASSPHRASE_MAX_BYTES bytes. */
const char *passphrase_problem(const char *pass);

/* A fresh hash string for pass (the caller frees), or NULL when pass is
 * not acceptable or hashing fails (out of memory for the hash). */
char *passphrase_hash(const char *pass);
/* True when pass matches hash. Constant-time in libsodium. */
bool passphrase_verify(const char *hash, const char *pass);
/* True when the hash was made with other limits than the current ones. */
bool passphrase_needs_rehash(const char *hash);

/* The learner's profile has a passphrase. */
bool passphrase_is_set(const struct learner_record *r);
/* True when the record may be opened with pass: no passphrase is set, or
 * pass matches it. pass may be NULL (matches only when none is set). */
bool passphrase_check(const struct learner_record *r, const char *pass);
/* Sets (or replaces) the passphrase. False with *err when it is not
 * acceptable or cannot be hashed; the record is then unchanged. */
bool passphrase_set(struct learner_record *r, const char *pass, const char **err);
/* Changes it after checking the current one (old is ignored when none is
 * set). False with *err, record unchanged, when old is wrong or new is not
 * acceptable. */
bool passphrase_change(struct learner_record *r, const char *old, const char *new_pass,
                       const char **err);
/* Removes it after checking the current one. False with *err when wrong. */
bool passphrase_remove(struct learner_record *r, const char *old, const char **err);

/* Seconds to wait before the next try after `failures` wrong entries in a
 * row: 0 for none, then 1, 2, 4, 8, 16, capped at PASSPHRASE_MAX_DELAY. */
unsigned passphrase_delay(unsigned failures);

/* Overwrites len bytes of buf with zeros in a way the compiler keeps. */
void passphrase_wipe(void *buf, size_t len);

#endif
