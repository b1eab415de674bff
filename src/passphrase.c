/* Passphrases as salted Argon2id hashes through libsodium. The passphrase
 * is only ever handed to libsodium; nothing here copies, stores or prints
 * it. */
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "dlfl/passphrase.h"
#include "dlfl/xalloc.h"

static bool sodium_ready;

bool passphrase_init(void)
{
        if (!sodium_ready && sodium_init() >= 0)
                sodium_ready = true;
        return sodium_ready;
}

const char *passphrase_problem(const char *pass)
{
        if (pass == NULL || pass[0] == '\0')
                return "A passphrase cannot be empty.";
        if (strlen(pass) > PASSPHRASE_MAX_BYTES)
                return "That passphrase is too long.";
        return NULL;
}

char *passphrase_hash(const char *pass)
{
        char out[crypto_pwhash_STRBYTES];

        if (passphrase_problem(pass) != NULL || !passphrase_init())
                return NULL;
        if (crypto_pwhash_str(out, pass, strlen(pass), PASSPHRASE_OPSLIMIT, PASSPHRASE_MEMLIMIT) !=
            0)
                return NULL;
        return xstrdup(out);
}

bool passphrase_verify(const char *hash, const char *pass)
{
        if (hash == NULL || pass == NULL || !passphrase_init())
                return false;
        /* A hash from a damaged record must not be read past its end. */
        if (strnlen(hash, crypto_pwhash_STRBYTES) == crypto_pwhash_STRBYTES)
                return false;
        return crypto_pwhash_str_verify(hash, pass, strlen(pass)) == 0;
}

bool passphrase_needs_rehash(const char *hash)
{
        if (hash == NULL || strnlen(hash, crypto_pwhash_STRBYTES) == crypto_pwhash_STRBYTES ||
            !passphrase_init())
                return true;
        return crypto_pwhash_str_needs_rehash(hash, PASSPHRASE_OPSLIMIT, PASSPHRASE_MEMLIMIT) != 0;
}

bool passphrase_is_set(const struct learner_record *r)
{
        return r != NULL && r->passphrase != NULL && r->passphrase[0] != '\0';
}

bool passphrase_check(const struct learner_record *r, const char *pass)
{
        if (!passphrase_is_set(r))
                return true;
        return passphrase_verify(r->passphrase, pass);
}

bool passphrase_set(struct learner_record *r, const char *pass, const char **err)
{
        const char *problem = passphrase_problem(pass);
        char *hash;

        if (problem != NULL) {
                *err = problem;
                return false;
        }
        hash = passphrase_hash(pass);
        if (hash == NULL) {
                *err = "The passphrase could not be stored (the hashing library failed).";
                return false;
        }
        free(r->passphrase);
        r->passphrase = hash;
        return true;
}

bool passphrase_change(struct learner_record *r, const char *old, const char *new_pass,
                       const char **err)
{
        if (!passphrase_check(r, old)) {
                *err = "The current passphrase is not right.";
                return false;
        }
        return passphrase_set(r, new_pass, err);
}

bool passphrase_remove(struct learner_record *r, const char *old, const char **err)
{
        if (!passphrase_check(r, old)) {
                *err = "The current passphrase is not right.";
                return false;
        }
        free(r->passphrase);
        r->passphrase = NULL;
        return true;
}

unsigned passphrase_delay(unsigned failures)
{
        if (failures == 0)
                return 0;
        if (failures > 5)
                return PASSPHRASE_MAX_DELAY;
        unsigned d = 1u << (failures - 1);
        return d < PASSPHRASE_MAX_DELAY ? d : PASSPHRASE_MAX_DELAY;
}

void passphrase_wipe(void *buf, size_t len)
{
        if (buf != NULL && len > 0)
                sodium_memzero(buf, len);
}
