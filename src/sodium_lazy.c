/* libsodium, loaded the first time one of its functions is called: the
 * player reaches its module menu without hashing, so it need not bind
 * the library's symbols at start (libsodium is built to bind all of them
 * at load, some 200,000 instructions, and maps some 200 KiB). These are
 * the functions dlfl calls, under libsodium's own names and prototypes
 * (sodium.h), each forwarding to the library's. */
#include <dlfcn.h>
#include <sodium.h>
#include <string.h>

#include "dlfl/xalloc.h"

#ifndef DLFL_SODIUM_SONAME
#define DLFL_SODIUM_SONAME "libsodium.so.23"
#endif

/* The library's function name, as a data pointer (never NULL: without
 * libsodium nothing can be hashed or kept, so dlfl stops and says why). */
static void *sym(const char *name)
{
        static void *lib;
        void *p;

        if (lib == NULL) {
                lib = dlopen(DLFL_SODIUM_SONAME, RTLD_NOW | RTLD_LOCAL);
                if (lib == NULL)
                        die("libsodium cannot be loaded (install %s): %s", DLFL_SODIUM_SONAME,
                            dlerror());
        }
        p = dlsym(lib, name);
        if (p == NULL)
                die("libsodium (%s) has no %s", DLFL_SODIUM_SONAME, name);
        return p;
}

/* Converts dlsym's data pointer to the function pointer f, as POSIX allows. */
#define BIND(f, name)                                                                              \
        do {                                                                                       \
                if ((f) == NULL) {                                                                 \
                        void *p_ = sym(name);                                                      \
                        memcpy(&(f), &p_, sizeof p_);                                              \
                }                                                                                  \
        } while (0)

int sodium_init(void)
{
        static int (*f)(void);

        BIND(f, "sodium_init");
        return f();
}

int crypto_generichash_init(crypto_generichash_state *state, const unsigned char *key,
                            const size_t keylen, const size_t outlen)
{
        static int (*f)(crypto_generichash_state *, const unsigned char *, size_t, size_t);

        BIND(f, "crypto_generichash_init");
        return f(state, key, keylen, outlen);
}

int crypto_generichash_update(crypto_generichash_state *state, const unsigned char *in,
                              unsigned long long inlen)
{
        static int (*f)(crypto_generichash_state *, const unsigned char *, unsigned long long);

        BIND(f, "crypto_generichash_update");
        return f(state, in, inlen);
}

int crypto_generichash_final(crypto_generichash_state *state, unsigned char *out,
                             const size_t outlen)
{
        static int (*f)(crypto_generichash_state *, unsigned char *, size_t);

        BIND(f, "crypto_generichash_final");
        return f(state, out, outlen);
}

int crypto_hash_sha256(unsigned char *out, const unsigned char *in, unsigned long long inlen)
{
        static int (*f)(unsigned char *, const unsigned char *, unsigned long long);

        BIND(f, "crypto_hash_sha256");
        return f(out, in, inlen);
}

int crypto_pwhash_str(char out[crypto_pwhash_STRBYTES], const char *const passwd,
                      unsigned long long passwdlen, unsigned long long opslimit, size_t memlimit)
{
        static int (*f)(char *, const char *, unsigned long long, unsigned long long, size_t);

        BIND(f, "crypto_pwhash_str");
        return f(out, passwd, passwdlen, opslimit, memlimit);
}

int crypto_pwhash_str_verify(const char str[crypto_pwhash_STRBYTES], const char *const passwd,
                             unsigned long long passwdlen)
{
        static int (*f)(const char *, const char *, unsigned long long);

        BIND(f, "crypto_pwhash_str_verify");
        return f(str, passwd, passwdlen);
}

int crypto_pwhash_str_needs_rehash(const char str[crypto_pwhash_STRBYTES],
                                   unsigned long long opslimit, size_t memlimit)
{
        static int (*f)(const char *, unsigned long long, size_t);

        BIND(f, "crypto_pwhash_str_needs_rehash");
        return f(str, opslimit, memlimit);
}

uint32_t randombytes_uniform(const uint32_t upper_bound)
{
        static uint32_t (*f)(uint32_t);

        BIND(f, "randombytes_uniform");
        return f(upper_bound);
}

char *sodium_bin2hex(char *const hex, const size_t hex_maxlen, const unsigned char *const bin,
                     const size_t bin_len)
{
        static char *(*f)(char *, size_t, const unsigned char *, size_t);

        BIND(f, "sodium_bin2hex");
        return f(hex, hex_maxlen, bin, bin_len);
}

void sodium_memzero(void *const pnt, const size_t len)
{
        static void (*f)(void *, size_t);

        BIND(f, "sodium_memzero");
        f(pnt, len);
}
