/* A fault-injection shim, loaded with LD_PRELOAD: makes the Nth call of
 * one function fail with a chosen errno, as a full disk or a failing disk
 * would. Configured by the environment:
 *   DLFL_INJECT=FUNC:N:ERRNO   FUNC is write, fsync, rename (and renameat) or close;
 *                              ERRNO is ENOSPC, EIO, EROFS or a number;
 *                              N+ fails the Nth call and every later one
 *   DLFL_INJECT_LOG=FILE       written ("FUNC N ERRNO") when it fires
 * Built by tests/e2e/records_inject.sh with cc -shared -fPIC. Only calls
 * made through the dynamic symbol are caught: the store's own. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { F_WRITE, F_FSYNC, F_RENAME, F_CLOSE, F_NONE };

static int target = F_NONE;
static long nth, calls;
static int err_value;
static int configured;
static int and_later; /* "N+": every call from the Nth on fails */

static ssize_t (*real_write)(int, const void *, size_t);
static int (*real_fsync)(int);
static int (*real_rename)(const char *, const char *);
static int (*real_renameat)(int, const char *, int, const char *);
static int (*real_close)(int);

static void configure(void)
{
        const char *spec = getenv("DLFL_INJECT");
        char func[16] = "", name[16] = "";

        configured = 1;
        real_write = (ssize_t(*)(int, const void *, size_t))dlsym(RTLD_NEXT, "write");
        real_fsync = (int (*)(int))dlsym(RTLD_NEXT, "fsync");
        real_rename = (int (*)(const char *, const char *))dlsym(RTLD_NEXT, "rename");
        real_renameat = (int (*)(int, const char *, int, const char *))dlsym(RTLD_NEXT, "renameat");
        real_close = (int (*)(int))dlsym(RTLD_NEXT, "close");
        if (spec == NULL)
                return;
        if (sscanf(spec, "%15[a-z]:%ld+:%15[A-Z0-9]", func, &nth, name) == 3)
                and_later = 1;
        else if (sscanf(spec, "%15[a-z]:%ld:%15[A-Z0-9]", func, &nth, name) != 3)
                return;
        if (strcmp(func, "write") == 0)
                target = F_WRITE;
        else if (strcmp(func, "fsync") == 0)
                target = F_FSYNC;
        else if (strcmp(func, "rename") == 0)
                target = F_RENAME;
        else if (strcmp(func, "close") == 0)
                target = F_CLOSE;
        if (strcmp(name, "ENOSPC") == 0)
                err_value = ENOSPC;
        else if (strcmp(name, "EIO") == 0)
                err_value = EIO;
        else if (strcmp(name, "EROFS") == 0)
                err_value = EROFS;
        else
                err_value = atoi(name);
}

/* True when this call is the one to fail. */
static int fire(int func)
{
        const char *log;

        if (!configured)
                configure();
        if (func != target)
                return 0;
        ++calls;
        if (and_later ? calls < nth : calls != nth)
                return 0;
        log = getenv("DLFL_INJECT_LOG");
        if (log != NULL) {
                int fd = open(log, O_WRONLY | O_CREAT | O_TRUNC, 0600);
                char line[64];
                int n = snprintf(line, sizeof(line), "%d %ld %d\n", func, nth, err_value);

                if (fd >= 0) {
                        if (n > 0 && real_write(fd, line, (size_t)n) < 0) {
                                /* the log is only a hint for the script */
                        }
                        real_close(fd);
                }
        }
        return 1;
}

ssize_t write(int fd, const void *buf, size_t len)
{
        if (fire(F_WRITE)) {
                errno = err_value;
                return -1;
        }
        return real_write(fd, buf, len);
}

int fsync(int fd)
{
        if (fire(F_FSYNC)) {
                errno = err_value;
                return -1;
        }
        return real_fsync(fd);
}

int rename(const char *from, const char *to)
{
        if (fire(F_RENAME)) {
                errno = err_value;
                return -1;
        }
        return real_rename(from, to);
}

/* The store renames under its directory with renameat(): the same count. */
int renameat(int olddir, const char *from, int newdir, const char *to)
{
        if (fire(F_RENAME)) {
                errno = err_value;
                return -1;
        }
        if (!configured)
                configure();
        return real_renameat(olddir, from, newdir, to);
}

/* A failing close still closes the descriptor, as on Linux. */
int close(int fd)
{
        if (fire(F_CLOSE)) {
                real_close(fd);
                errno = err_value;
                return -1;
        }
        if (!configured)
                configure();
        return real_close(fd);
}
