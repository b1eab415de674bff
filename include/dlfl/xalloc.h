/* Allocation that cannot fail: on exhaustion the program restores the
 * terminal (through the hook a front end installs) and exits, so callers
 * never carry out-of-memory paths. Input failures are never handled here. */
#ifndef DLFL_XALLOC_H
#define DLFL_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t size);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *ptr, size_t size);
/* Grows an array of count elements of size bytes to at least need elements. */
void *xgrow(void *ptr, size_t *count, size_t need, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* printf into a fresh string the caller frees. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Prints "dlfl: MESSAGE" to stderr after running the fatal hook, then exits 1. */
_Noreturn void die(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* The UI sets this to a function that ends curses, so a fatal error never
 * leaves the terminal in a mess. */
void die_set_hook(void (*hook)(void));

#endif
