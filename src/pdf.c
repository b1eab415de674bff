/* Running dlfl-certificate (pdf.h). */
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "dlfl/pdf.h"
#include "dlfl/xalloc.h"

#define HELPER "dlfl-certificate"
#ifndef DLFL_LIBEXECDIR
#define DLFL_LIBEXECDIR "/usr/local/libexec"
#endif

static char *find_helper(void)
{
        char self[PATH_MAX];
        ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);
        char *path;

        if (n > 0) {
                char *slash;

                self[n] = '\0';
                slash = strrchr(self, '/');
                if (slash != NULL) {
                        *slash = '\0';
                        path = xasprintf("%s/%s", self, HELPER);
                        if (access(path, X_OK) == 0)
                                return path;
                        free(path);
                        path = xasprintf("%s/../libexec/dlfl/%s", self, HELPER);
                        if (access(path, X_OK) == 0)
                                return path;
                        free(path);
                }
        }
        path = xasprintf("%s/dlfl/%s", DLFL_LIBEXECDIR, HELPER);
        if (access(path, X_OK) == 0)
                return path;
        free(path);
        return NULL;
}

bool pdf_certificate(const char *pages, size_t pages_len, char **pdf, size_t *len)
{
        char *helper = find_helper();
        FILE *in;
        int out[2], status;
        pid_t pid;
        size_t cap = 0;

        *pdf = NULL;
        *len = 0;
        if (helper == NULL) {
                fprintf(stderr,
                        "dlfl: cannot find %s, which makes the certificate's PDF; it is "
                        "installed beside dlfl (make install)\n",
                        HELPER);
                return false;
        }
        /* The pages go in through a file, so neither side can block the other. */
        in = tmpfile();
        if (in == NULL || fwrite(pages, 1, pages_len, in) != pages_len || fflush(in) != 0 ||
            fseek(in, 0, SEEK_SET) != 0 || pipe(out) != 0) {
                fprintf(stderr, "dlfl: cannot run %s: %s\n", helper, strerror(errno));
                if (in != NULL)
                        fclose(in);
                free(helper);
                return false;
        }
        pid = fork();
        if (pid == 0) {
                dup2(fileno(in), 0);
                dup2(out[1], 1);
                close(out[0]);
                close(out[1]);
                execl(helper, HELPER, (char *)NULL);
                fprintf(stderr, "dlfl: cannot run %s: %s\n", helper, strerror(errno));
                _exit(127);
        }
        close(out[1]);
        fclose(in);
        if (pid < 0) {
                fprintf(stderr, "dlfl: cannot run %s: %s\n", helper, strerror(errno));
                close(out[0]);
                free(helper);
                return false;
        }
        for (;;) {
                ssize_t got;

                if (*len + 65536 > cap) {
                        cap = cap * 2 + 65536;
                        *pdf = xrealloc(*pdf, cap);
                }
                got = read(out[0], *pdf + *len, cap - *len);
                if (got < 0 && errno == EINTR)
                        continue;
                if (got <= 0)
                        break;
                *len += (size_t)got;
        }
        close(out[0]);
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
                ;
        free(helper);
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || *len < 5 ||
            memcmp(*pdf, "%PDF-", 5) != 0) {
                if (WIFSIGNALED(status))
                        fprintf(stderr, "dlfl: %s died (signal %d)\n", HELPER, WTERMSIG(status));
                free(*pdf);
                *pdf = NULL;
                *len = 0;
                return false;
        }
        return true;
}
