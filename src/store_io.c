/* Files under the learners directory: opened relative to it (openat),
 * never through a symbolic link, never blocking on a FIFO; and the one
 * durable writer, which export -o uses too. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sodium.h>

#include "dlfl/xalloc.h"
#include "store_impl.h"

int store_dir_fd(const struct store *st)
{
        int fd = open(st->learners, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);

        if (fd < 0 && errno == ELOOP)
                errno = ENOTDIR; /* a symbolic link: see store_dir_error() */
        return fd;
}

int store_dir_error(const struct store *st, int e)
{
        struct stat sb;

        if (e == ENOTDIR && lstat(st->learners, &sb) == 0 && S_ISLNK(sb.st_mode))
                return DIR_SYMLINK;
        return e;
}

static int read_fd(int fd, char **buf, size_t *len)
{
        struct stat sb;
        size_t cap, n = 0;
        char *b;

        if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
                int e = S_ISREG(sb.st_mode) ? errno : EINVAL;

                close(fd);
                return e;
        }
        if ((unsigned long long)sb.st_size > MAX_RECORD) {
                close(fd);
                return EFBIG;
        }
        cap = (size_t)sb.st_size + 1;
        b = xmalloc(cap);
        for (;;) {
                ssize_t got;

                if (n + 1 >= cap) {
                        if (cap > MAX_RECORD) {
                                free(b);
                                close(fd);
                                return EFBIG;
                        }
                        cap *= 2;
                        b = xrealloc(b, cap);
                }
                got = read(fd, b + n, cap - n - 1);
                if (got < 0 && (errno == EINTR || errno == EAGAIN))
                        continue;
                if (got < 0) {
                        int e = errno;

                        free(b);
                        close(fd);
                        return e;
                }
                if (got == 0)
                        break;
                n += (size_t)got;
        }
        /* Everything was read: a failing close of a read-only file loses nothing. */
        (void)close(fd);
        b[n] = '\0';
        *buf = b;
        *len = n;
        return 0;
}

int store_read_at(int dfd, const char *name, char **buf, size_t *len)
{
        /* O_NONBLOCK: a FIFO named like a record must not hang the
         * picker; only a regular file is read. */
        int fd = openat(dfd, name, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);

        *buf = NULL;
        *len = 0;
        if (fd < 0)
                return errno;
        return read_fd(fd, buf, len);
}

int store_read_in(const struct store *st, const char *name, char **buf, size_t *len)
{
        int dfd = store_dir_fd(st), e;

        *buf = NULL;
        *len = 0;
        if (dfd < 0)
                return store_dir_error(st, errno);
        e = store_read_at(dfd, name, buf, len);
        (void)close(dfd);
        return e;
}

int store_sync_fd(int dfd)
{
        if (fsync(dfd) != 0 && errno != EINVAL && errno != ENOTSUP)
                return errno;
        return 0;
}

int store_sync_dir(const char *dir)
{
        int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        int e;

        if (fd < 0)
                return errno;
        e = store_sync_fd(fd);
        (void)close(fd);
        return e;
}

int store_write_all(int fd, const char *buf, size_t len)
{
        while (len > 0) {
                ssize_t n = write(fd, buf, len);

                if (n < 0 && errno == EINTR)
                        continue;
                if (n < 0)
                        return errno;
                if (n == 0)
                        return EIO;
                buf += n;
                len -= (size_t)n;
        }
        return 0;
}

/* A new file prefix + six random characters in dfd, made 0600 with
 * O_EXCL and O_NOFOLLOW (mkstemp() has no openat() form). */
static int make_temp(int dfd, const char *prefix, char **name)
{
        static const char chars[] =
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

        if (sodium_init() < 0)
                return EAGAIN;
        for (int tries = 0; tries < 100; tries++) {
                char rnd[7];
                int fd;

                for (int i = 0; i < 6; i++)
                        rnd[i] = chars[randombytes_uniform(sizeof chars - 1)];
                rnd[6] = '\0';
                *name = xasprintf("%s%s", prefix, rnd);
                fd = openat(dfd, *name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
                if (fd >= 0)
                        return -fd - 1;
                free(*name);
                *name = NULL;
                if (errno != EEXIST)
                        return errno;
        }
        return EEXIST;
}

int store_write_at(int dfd, const char *name, const char *tmp_prefix, const char *buf, size_t len)
{
        char *tmp = NULL;
        int fd, e = make_temp(dfd, tmp_prefix, &tmp);

        if (e >= 0)
                return e;
        fd = -e - 1;
        e = fchmod(fd, 0600) != 0 ? errno : 0;
        if (e == 0)
                e = store_write_all(fd, buf, len);
        if (e == 0 && fsync(fd) != 0)
                e = errno;
        /* close() can report a failed write-back (NFS does): checked too. */
        if (close(fd) != 0 && e == 0)
                e = errno;
        if (e == 0 && renameat(dfd, tmp, dfd, name) != 0)
                e = errno;
        if (e != 0) {
                (void)unlinkat(dfd, tmp, 0);
                free(tmp);
                return e;
        }
        free(tmp);
        e = store_sync_fd(dfd);
        if (e != 0) {
                errno = e;
                return STORE_SYNC_FAILED;
        }
        return 0;
}

int store_write_file(const char *path, const char *buf, size_t len)
{
        const char *slash = strrchr(path, '/');
        const char *base = slash == NULL ? path : slash + 1;
        char *dir = slash == NULL   ? xstrdup(".")
                    : slash == path ? xstrdup("/")
                                    : xstrndup(path, (size_t)(slash - path));
        char *prefix = xasprintf(".%s.", base);
        int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC), e;

        if (dfd < 0) {
                e = errno;
        } else {
                e = store_write_at(dfd, base, prefix, buf, len);
                if (e == STORE_SYNC_FAILED) {
                        int keep = errno;

                        (void)close(dfd);
                        errno = keep;
                } else {
                        (void)close(dfd);
                }
        }
        free(prefix);
        free(dir);
        return e;
}
