/* dlfl export LEARNER --format FORMAT [-o FILE] (formats: export.c): one
 * learner's record for them to take away. The whole export is made in
 * memory first, so a failure never leaves half a file: -o FILE is written
 * to a temporary sibling, synced and renamed over FILE (mode 0600, since a
 * record holds the learner's own reflections); -o - is standard output. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "dlfl/app.h"
#include "dlfl/export.h"
#include "dlfl/pdf.h"
#include "dlfl/store.h"
#include "dlfl/text.h"
#include "dlfl/xalloc.h"

static int usage(const char *msg)
{
        char *names = export_names("|", "|");

        fprintf(stderr,
                "dlfl: %s\nusage: dlfl export LEARNER --format %s [-o FILE]\nTry 'dlfl --help'.\n",
                msg, names);
        free(names);
        return 2;
}

/* Prints "dlfl: " and a message about a name or path from outside, made
 * safe for the terminal. */
static void complain(const char *what, const char *msg)
{
        char *safe = text_sanitize_line(what);

        fprintf(stderr, "dlfl: %s: %s\n", safe, msg);
        free(safe);
}

/* Writes the export to path. A device, FIFO or socket is written into and
 * never replaced (`-o /dev/tty`, a pipe to another program); anything else
 * is replaced atomically by the store's durable writer, through a symbolic
 * link to its target so the link stays. On failure errno says why. */
static bool write_output(const char *path, const char *data, size_t len)
{
        struct stat st;
        char *target = NULL;
        int e;

        if (stat(path, &st) == 0) {
                if (S_ISDIR(st.st_mode)) {
                        errno = EISDIR;
                        return false;
                }
                if (!S_ISREG(st.st_mode)) {
                        int fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC);
                        if (fd < 0)
                                return false;
                        e = store_write_all(fd, data, len);
                        if (close(fd) != 0 && e == 0)
                                e = errno;
                        errno = e;
                        return e == 0;
                }
                target = realpath(path, NULL);
        }
        if (target == NULL)
                target = xstrdup(path);
        e = store_write_file(target, data, len);
        free(target);
        if (e == STORE_SYNC_FAILED)
                return true; /* in place; some file systems cannot sync a directory */
        errno = e;
        return e == 0;
}

/* The learner's name as the store spells it: the one learner whose name
 * is the same after Unicode case folding and normalisation (store.h).
 * NULL when there is none. */
static char *find_learner(struct store *st, const char *want, const char **err)
{
        size_t n;
        char **names = store_list(st, &n, err);
        char *found = NULL;

        if (names == NULL)
                return NULL;
        for (size_t i = 0; i < n && found == NULL; i++)
                if (store_same_name(names[i], want))
                        found = xstrdup(names[i]);
        store_names_free(names, n);
        if (found == NULL)
                *err = NULL;
        return found;
}

int cmd_export(struct app *app, int argc, char **argv)
{
        const struct export_format *format;
        struct store *st;
        struct learner_record *r;
        const char *err = NULL;
        char *name, *data = NULL;
        size_t len = 0;
        FILE *mem;
        int status = 1;

        if (argc < 1)
                return usage("export needs the learner's name");
        if (argc > 1)
                return usage("export takes one learner's name (quote a name with spaces)");
        format = export_find(app->format);
        if (format == NULL) {
                char *names = export_names(", ", " or ");
                char *safe = app->format != NULL ? text_sanitize_line(app->format) : NULL;
                char *msg = safe == NULL
                                ? xasprintf("export needs --format %s", names)
                                : xasprintf("unknown export format '%s' (%s)", safe, names);
                int rc = usage(msg);

                free(msg);
                free(safe);
                free(names);
                return rc;
        }
        if (app->output != NULL && app->output[0] == '\0')
                return usage("-o needs a file name");

        st = store_open(app->data_dir, &err);
        if (st == NULL) {
                fprintf(stderr, "dlfl: %s\n", err != NULL ? err : "no data directory");
                return 1;
        }
        name = find_learner(st, argv[0], &err);
        if (name == NULL) {
                if (err != NULL)
                        complain(store_dir(st), err);
                else {
                        char *dir = text_sanitize_line(store_dir(st));
                        char *msg =
                            xasprintf("no such learner in %s (dlfl progress lists them)", dir);

                        complain(argv[0], msg);
                        free(msg);
                        free(dir);
                }
                store_close(&st);
                return 1;
        }
        r = store_read(st, name, &err);
        if (r == NULL) {
                /* The store's message names the learner and the file. */
                char *safe = text_sanitize_line(err != NULL ? err : "The record cannot be read.");

                fprintf(stderr, "dlfl: %s\n", safe);
                free(safe);
                goto done;
        }
        if (!app_load_modules(app))
                goto done;

        mem = open_memstream(&data, &len);
        if (mem == NULL)
                die("cannot make an in-memory stream");
        err = NULL;
        bool made = format->write(mem, &app->catalog, r, &app->settings, time(NULL), &err);
        if (fclose(mem) != 0)
                die("cannot finish an in-memory stream");
        if (!made) {
                complain(name, err != NULL ? err : "nothing to export");
                goto done;
        }
        if (format->pdf) {
                char *pdf;
                size_t pdf_len;

                if ((app->output == NULL || strcmp(app->output, "-") == 0) &&
                    isatty(STDOUT_FILENO)) {
                        fputs("dlfl: the certificate is a PDF, not for the terminal: give -o "
                              "FILE.pdf, or send it to a file or printer\n",
                              stderr);
                        goto done;
                }
                if (!pdf_certificate(data, len, &pdf, &pdf_len))
                        goto done;
                free(data);
                data = pdf;
                len = pdf_len;
        }
        if (app->output == NULL || strcmp(app->output, "-") == 0) {
                if (fwrite(data, 1, len, stdout) != len || fflush(stdout) != 0) {
                        fprintf(stderr, "dlfl: cannot write the export: %s\n", strerror(errno));
                        goto done;
                }
        } else if (!write_output(app->output, data, len)) {
                complain(app->output, strerror(errno));
                goto done;
        }
        status = 0;
done:
        free(data);
        record_free(&r);
        free(name);
        store_close(&st);
        return status;
}
