/* Drives the store from the end-to-end scripts (tests/e2e/records_*.sh):
 * saves generated records, saves in a loop to be killed, checks what is on
 * disk, holds a learner open. Every record written is fixture_record(SEED),
 * so a record read back can be checked field by field against its seed.
 *
 *   store_driver save DATA NAME SEED        write record SEED
 *   store_driver inject DATA NAME SEED OLD NEW
 *       save SEED once (the LD_PRELOAD shim may fail a call), say whether
 *       it failed and whether the file is still OLD's bytes or NEW's, then
 *       save again (the retry) and say the same
 *   store_driver loop DATA NAME             save SEED+1, SEED+2... forever
 *   store_driver verify DATA NAME MIN       the record parses, equals
 *       fixture_record(its seed) and its seed >= MIN; prints the seed
 *   store_driver hold DATA NAME             open, print "holding PID", wait
 *       for end of input, close
 *   store_driver open DATA NAME             open and close (exit 1, message
 *       on stderr, when refused)
 *   store_driver parse DATA NAME            the record reads back (without
 *       a lock); prints its modules and screen states
 *   store_driver passphrase DATA NAME PASS  open (creating) and protect the
 *       learner with PASS */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dlfl/passphrase.h"
#include "dlfl/store.h"
#include "dlfl/xalloc.h"

#include "store_fixture.h"

#define NMODULES 3
#define NSCREENS 40

static struct store *st;

static struct store_handle *open_learner(const char *name)
{
        const char *err = NULL;
        char *notice = NULL;
        struct store_handle *h = store_open_learner(st, name, &err, &notice);

        if (h == NULL) {
                fprintf(stderr, "store_driver: %s\n", err);
                exit(1);
        }
        if (notice != NULL) {
                fprintf(stderr, "store_driver: notice: %s\n", notice);
                free(notice);
        }
        return h;
}

/* Puts record SEED into the handle's record. */
static void set_record(struct store_handle *h, const char *name, unsigned long seed)
{
        struct learner_record *r = store_record(h),
                              *fresh = fixture_record(name, seed, NMODULES, NSCREENS);
        struct learner_record old = *r;
        struct learner_record *oldp = xmalloc(sizeof(*oldp));

        *oldp = old;
        *r = *fresh;
        free(fresh);
        record_free(&oldp);
}

static unsigned long seed_of(const struct learner_record *r)
{
        return (unsigned long)(r->created - FIXTURE_EPOCH);
}

static char *record_path(const char *data, const char *name)
{
        char *key = store_name_key(name);
        char *p = xasprintf("%s/learners/%s.yaml", data, key);

        free(key);
        return p;
}

/* "old", "new", "other" or "missing": what the file holds now. */
static const char *compare(const char *path, const char *old, const char *new)
{
        static char a[1 << 20], b[1 << 20];
        FILE *f = fopen(path, "rb");
        size_t n, m;

        if (f == NULL)
                return "missing";
        n = fread(a, 1, sizeof(a), f);
        fclose(f);
        f = fopen(old, "rb");
        if (f != NULL) {
                m = fread(b, 1, sizeof(b), f);
                fclose(f);
                if (m == n && memcmp(a, b, n) == 0)
                        return "old";
        }
        f = fopen(new, "rb");
        if (f != NULL) {
                m = fread(b, 1, sizeof(b), f);
                fclose(f);
                if (m == n && memcmp(a, b, n) == 0)
                        return "new";
        }
        return "other";
}

static int count_tmp(const char *data)
{
        char *dir = xasprintf("%s/learners", data);
        DIR *d = opendir(dir);
        struct dirent *de;
        int n = 0;

        free(dir);
        if (d == NULL)
                return -1;
        while ((de = readdir(d)) != NULL)
                if (strstr(de->d_name, ".tmp.") != NULL)
                        n++;
        closedir(d);
        return n;
}

int main(int argc, char **argv)
{
        const char *err = NULL;
        struct store_handle *h;

        if (argc < 4) {
                fputs("usage: store_driver save|inject|loop|verify|hold|open DATA NAME ...\n",
                      stderr);
                return 2;
        }
        st = store_open(argv[2], &err);
        if (st == NULL) {
                fprintf(stderr, "store_driver: %s\n", err);
                return 1;
        }
        const char *mode = argv[1], *name = argv[3];

        if (strcmp(mode, "save") == 0 && argc == 5) {
                h = open_learner(name);
                set_record(h, name, strtoul(argv[4], NULL, 10));
                if (!store_save(h, &err)) {
                        fprintf(stderr, "store_driver: %s\n", err);
                        return 1;
                }
                store_close_learner(&h);
        } else if (strcmp(mode, "inject") == 0 && argc == 7) {
                char *path = record_path(argv[2], name);
                bool ok;

                h = open_learner(name);
                set_record(h, name, strtoul(argv[4], NULL, 10));
                ok = store_save(h, &err);
                printf("first=%s file=%s tmp=%d", ok ? "saved" : "failed",
                       compare(path, argv[5], argv[6]), count_tmp(argv[2]));
                if (!ok)
                        printf(" message=[%s]", err);
                ok = store_save(h, &err);
                printf(" second=%s file2=%s tmp2=%d\n", ok ? "saved" : "failed",
                       compare(path, argv[5], argv[6]), count_tmp(argv[2]));
                store_close_learner(&h);
                free(path);
        } else if (strcmp(mode, "loop") == 0) {
                unsigned long seed;

                h = open_learner(name);
                seed = seed_of(store_record(h));
                for (;;) {
                        set_record(h, name, ++seed);
                        if (!store_save(h, &err)) {
                                fprintf(stderr, "store_driver: %s\n", err);
                                return 1;
                        }
                }
        } else if (strcmp(mode, "verify") == 0 && argc == 5) {
                struct learner_record *r = store_read(st, name, &err), *want;
                char why[512] = "";
                unsigned long seed;

                if (r == NULL) {
                        fprintf(stderr, "store_driver: %s\n", err);
                        return 1;
                }
                seed = seed_of(r);
                want = fixture_record(name, seed, NMODULES, NSCREENS);
                if (!fixture_equal(want, r, why, sizeof(why))) {
                        fprintf(stderr, "store_driver: record %lu differs: %s\n", seed, why);
                        return 1;
                }
                if (seed < strtoul(argv[4], NULL, 10)) {
                        fprintf(stderr, "store_driver: went back to record %lu\n", seed);
                        return 1;
                }
                printf("%lu\n", seed);
                record_free(&r);
                record_free(&want);
        } else if (strcmp(mode, "hold") == 0) {
                char line[64];

                h = open_learner(name);
                printf("holding %ld\n", (long)getpid());
                fflush(stdout);
                while (fgets(line, sizeof(line), stdin) != NULL)
                        ;
                store_close_learner(&h);
        } else if (strcmp(mode, "parse") == 0) {
                struct learner_record *r = store_read(st, name, &err);
                size_t states = 0;

                if (r == NULL) {
                        fprintf(stderr, "store_driver: %s\n", err);
                        return 1;
                }
                for (size_t i = 0; i < r->nmodules; i++)
                        for (size_t j = 0; j < r->modules[i].nattempts; j++)
                                states += r->modules[i].attempts[j].nscreens;
                printf("%zu %zu\n", r->nmodules, states);
                record_free(&r);
        } else if (strcmp(mode, "open") == 0) {
                h = open_learner(name);
                store_close_learner(&h);
        } else if (strcmp(mode, "passphrase") == 0 && argc == 5) {
                h = open_learner(name);
                if (!passphrase_init() || !passphrase_set(store_record(h), argv[4], &err) ||
                    !store_save(h, &err)) {
                        fprintf(stderr, "store_driver: %s\n", err ? err : "no passphrase");
                        return 1;
                }
                store_close_learner(&h);
        } else {
                fputs("store_driver: bad arguments\n", stderr);
                return 2;
        }
        store_close(&st);
        return 0;
}
