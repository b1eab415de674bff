#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dlfl/xalloc.h"

static void (*fatal_hook)(void);

void die_set_hook(void (*hook)(void))
{
        fatal_hook = hook;
}

void die(const char *fmt, ...)
{
        va_list ap;

        if (fatal_hook != NULL) {
                void (*hook)(void) = fatal_hook;
                fatal_hook = NULL; /* a failing hook must not recurse */
                hook();
        }
        fputs("dlfl: ", stderr);
        va_start(ap, fmt);
        vfprintf(stderr, fmt, ap);
        va_end(ap);
        fputc('\n', stderr);
        exit(1);
}

void *xmalloc(size_t size)
{
        void *p = malloc(size ? size : 1);

        if (p == NULL)
                die("out of memory (%zu bytes)", size);
        return p;
}

void *xcalloc(size_t count, size_t size)
{
        void *p = calloc(count ? count : 1, size ? size : 1);

        if (p == NULL)
                die("out of memory (%zu x %zu bytes)", count, size);
        return p;
}

void *xrealloc(void *ptr, size_t size)
{
        void *p = realloc(ptr, size ? size : 1);

        if (p == NULL)
                die("out of memory (%zu bytes)", size);
        return p;
}

void *xgrow(void *ptr, size_t *count, size_t need, size_t size)
{
        size_t n = *count;

        if (need <= n)
                return ptr;
        if (n < 8)
                n = 8;
        while (n < need) {
                if (n > (size_t)-1 / 2)
                        die("out of memory (array of %zu)", need);
                n *= 2;
        }
        if (size != 0 && n > (size_t)-1 / size)
                die("out of memory (array of %zu)", n);
        ptr = xrealloc(ptr, n * size);
        *count = n;
        return ptr;
}

char *xstrndup(const char *s, size_t n)
{
        char *p = xmalloc(n + 1);

        memcpy(p, s, n);
        p[n] = '\0';
        return p;
}

char *xstrdup(const char *s)
{
        return xstrndup(s, strlen(s));
}

char *xasprintf(const char *fmt, ...)
{
        va_list ap;
        int n;
        char *p;

        va_start(ap, fmt);
        n = vsnprintf(NULL, 0, fmt, ap);
        va_end(ap);
        if (n < 0)
                die("bad format");
        p = xmalloc((size_t)n + 1);
        va_start(ap, fmt);
        vsnprintf(p, (size_t)n + 1, fmt, ap);
        va_end(ap);
        return p;
}
