/* Wrong passphrases per learner, kept on disk beside the lock files (see
 * store.h), so no restart and no other terminal resets the delay. */
#define _DEFAULT_SOURCE /* flock() */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "dlfl/passphrase.h"
#include "dlfl/xalloc.h"
#include "store_impl.h"

/* KEY.tries holds "COUNT EPOCH": wrong passphrases in a row and when the
 * last was typed. Kept beside the lock file, so neither a restart nor
 * another terminal resets the delay. Opened without following links and
 * changed under flock(), so two terminals count every try. */
static int tries_open(struct store *st, const char *name, bool create)
{
        char *key = store_name_key(name);
        char *file = xasprintf("%s.tries", key);
        int dfd = store_dir_fd(st);
        int fd = dfd < 0
                     ? -1
                     : openat(dfd, file,
                              O_RDWR | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK | (create ? O_CREAT : 0),
                              0600);
        struct stat sb;

        free(key);
        free(file);
        if (dfd >= 0)
                (void)close(dfd);
        if (fd < 0)
                return -1;
        if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode) || flock(fd, LOCK_EX) != 0) {
                close(fd);
                return -1;
        }
        return fd;
}

static void tries_read(int fd, unsigned *count, long long *when)
{
        char buf[64];
        ssize_t n = pread(fd, buf, sizeof(buf) - 1, 0);
        unsigned long c = 0;
        long long w = 0;

        *count = 0;
        *when = 0;
        if (n <= 0)
                return;
        buf[n] = '\0';
        if (sscanf(buf, "%lu %lld", &c, &w) == 2 && c < 1000000) {
                *count = (unsigned)c;
                *when = w;
        }
}

unsigned store_pass_wait(struct store *st, const char *name)
{
        int fd = tries_open(st, name, false);
        unsigned count, delay;
        long long when, now = (long long)time(NULL);

        if (fd < 0)
                return 0;
        tries_read(fd, &count, &when);
        close(fd);
        delay = passphrase_delay(count);
        /* A clock set back counts as no time gone by. */
        if (now < when)
                return delay;
        return now - when >= (long long)delay ? 0 : (unsigned)(delay - (unsigned)(now - when));
}

void store_pass_tried(struct store *st, const char *name, bool right)
{
        int fd;
        unsigned count;
        long long when;
        char line[64];
        int n;

        if (right) {
                char *key = store_name_key(name);
                char *file = xasprintf("%s.tries", key);
                int dfd = store_dir_fd(st);

                if (dfd >= 0) {
                        (void)unlinkat(dfd, file, 0);
                        (void)close(dfd);
                }
                free(key);
                free(file);
                return;
        }
        if (store_ensure_dirs(st) != 0)
                return;
        fd = tries_open(st, name, true);
        if (fd < 0)
                return;
        tries_read(fd, &count, &when);
        n = snprintf(line, sizeof line, "%u %lld\n", count + 1, (long long)time(NULL));
        if (ftruncate(fd, 0) == 0 && pwrite(fd, line, (size_t)n, 0) == n)
                (void)fsync(fd);
        close(fd);
}
