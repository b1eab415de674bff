/* Shared by test_store.c and test_store_dir.c: fixtures and helpers. Each test file uses
 * some of them, so unused ones are not an error here. */
#ifndef STORE_CASES_H
#define STORE_CASES_H
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wunused-variable"
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "dlfl/store.h"
#include "dlfl/xalloc.h"

#include "../tools/store_fixture.h"

static char tmpdir[256];

static int setup(void **state)
{
        (void)state;
        strcpy(tmpdir, "/tmp/dlfl-store-XXXXXX");
        if (mkdtemp(tmpdir) == NULL)
                return -1;
        return 0;
}

static int teardown(void **state)
{
        char *cmd = xasprintf("rm -rf '%s'", tmpdir);
        int rc = system(cmd);

        (void)state;
        free(cmd);
        return rc == 0 ? 0 : -1;
}

static char *data_dir(void)
{
        return xasprintf("%s/data", tmpdir);
}

static void write_text(const char *path, const char *text)
{
        FILE *f = fopen(path, "w");

        assert_non_null(f);
        fputs(text, f);
        assert_int_equal(fclose(f), 0);
}

static char *slurp(const char *path)
{
        FILE *f = fopen(path, "rb");
        char *buf = xmalloc(1 << 20);
        size_t n;

        assert_non_null(f);
        n = fread(buf, 1, (1 << 20) - 1, f);
        fclose(f);
        buf[n] = '\0';
        return buf;
}

static size_t count_files(const char *dir, const char *contains)
{
        DIR *d = opendir(dir);
        struct dirent *de;
        size_t n = 0;

        if (d == NULL)
                return 0;
        while ((de = readdir(d)) != NULL)
                if (strstr(de->d_name, contains) != NULL)
                        n++;
        closedir(d);
        return n;
}

static void assert_same(const struct learner_record *a, const struct learner_record *b)
{
        char why[512] = "";

        if (!fixture_equal(a, b, why, sizeof(why)))
                fail_msg("records differ: %s", why);
}

#endif
