/* The lock on an open record: flock() on a separate KEY.lock file that
 * this process opens once and keeps open. A lock on the record itself would
 * be lost at every save (the rename puts a new file in its place), and a
 * classic fcntl() lock would vanish when any descriptor of the file was
 * closed anywhere in the process; a flock() lock belongs to the one open
 * file description and goes only when it is closed (or the process dies,
 * so a crash never leaves a stale lock). */
#define _DEFAULT_SOURCE /* flock() */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dlfl/store.h"
#include "dlfl/xalloc.h"

static char *read_holder(int fd);
static void write_holder(int fd);

static char *read_holder(int fd)
{
        char buf[300];
        ssize_t n;

        do
                n = pread(fd, buf, sizeof(buf) - 1, 0);
        while (n < 0 && errno == EINTR);
        if (n <= 0)
                return NULL;
        buf[n] = '\0';
        buf[strcspn(buf, "\n")] = '\0';
        /* The file is ours, but show only printable ASCII from it. */
        for (char *p = buf; *p != '\0'; p++)
                if (*p < 0x20 || *p > 0x7e)
                        *p = '?';
        return buf[0] != '\0' ? xstrdup(buf) : NULL;
}

/* Records who holds the lock, for the message another session gets. Only
 * informative: a failure here does not matter, the flock() is the lock. */
static void write_holder(int fd)
{
        char host[256] = "";
        char line[320];
        int n;

        if (gethostname(host, sizeof(host) - 1) != 0 || host[0] == '\0')
                strcpy(host, "localhost");
        host[sizeof(host) - 1] = '\0';
        n = snprintf(line, sizeof(line), "%s %ld\n", host, (long)getpid());
        if (n < 0 || (size_t)n >= sizeof(line))
                return;
        if (ftruncate(fd, 0) == 0 && pwrite(fd, line, (size_t)n, 0) != n) {
                /* nothing to do: see above */
        }
}

int store_lock_take_at(int dfd, const char *name, int *fdp, char **holder)
{
        *fdp = -1;
        if (holder != NULL)
                *holder = NULL;
        /* A holder that deletes the lock file ("forget me") between our open
         * and our flock leaves us locking a file nobody else will see; check
         * the path still names what we locked, and try again if not. */
        for (int tries = 0; tries < 20; tries++) {
                struct stat a, b;
                int fd = openat(dfd, name, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
                int rc;

                if (fd < 0)
                        return errno;
                do
                        rc = flock(fd, LOCK_EX | LOCK_NB);
                while (rc != 0 && errno == EINTR);
                if (rc != 0) {
                        int e = errno;

                        if (e == EWOULDBLOCK && holder != NULL)
                                *holder = read_holder(fd);
                        close(fd);
                        return e;
                }
                if (fstat(fd, &a) != 0 || fstatat(dfd, name, &b, AT_SYMLINK_NOFOLLOW) != 0 ||
                    a.st_dev != b.st_dev || a.st_ino != b.st_ino) {
                        close(fd);
                        continue;
                }
                if ((a.st_mode & 07777) != 0600)
                        (void)fchmod(fd, 0600);
                write_holder(fd);
                *fdp = fd;
                return 0;
        }
        return EBUSY;
}

void store_lock_drop(int *fd)
{
        if (*fd >= 0) {
                /* Closing the only descriptor of the open file releases the lock. */
                (void)close(*fd);
                *fd = -1;
        }
}
