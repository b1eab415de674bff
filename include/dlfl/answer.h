/* Typed text answers compared as the module format says: both sides
 * normalised (Unicode case folding, NFC, spaces trimmed and collapsed,
 * punctuation and quotes at either end dropped, curly quotes taken as
 * straight), and with `typos: true` one edit allowed (a letter inserted,
 * deleted, replaced, or two neighbours swapped) against an accepted answer
 * of 5 or more characters. No curses and no I/O. */
#ifndef DLFL_ANSWER_H
#define DLFL_ANSWER_H

#include <stdbool.h>
#include <stddef.h>

/* The normalised form, as a fresh string the caller frees (never NULL;
 * invalid UTF-8 is kept byte for byte, only trimmed). */
char *answer_normalise(const char *s);
/* True when a and b (already normalised) differ by at most one edit,
 * counted in characters, not bytes. */
bool answer_one_edit(const char *a, const char *b);
/* Characters (code points) in a normalised string. */
size_t answer_length(const char *s);
/* The index of the accepted answer that typed matches, or -1. *by_typo is
 * set when only the typo allowance made it match. */
int answer_match(const char *typed, const char *const *accepted, size_t n, bool typos,
                 bool *by_typo);
/* A typed number: optional sign, digits with an optional point (always
 * '.', whatever the locale), optional exponent, an optional trailing '%'.
 * False for anything else ("1,5", "inf", "0x10", words). */
bool answer_number(const char *s, double *out);

#endif
