/* Internals shared by text.c and markdown.c: a "flow" is text already made
 * safe to show (sanitized, one unit per character cluster, each with its
 * display width and style), ready to be wrapped into lines. Not part of the
 * public interface. */
#ifndef DLFL_TEXT_FLOW_H
#define DLFL_TEXT_FLOW_H

#include <stdbool.h>
#include <stddef.h>

#include "dlfl/text.h"

enum unit_kind {
        UNIT_CHAR,  /* a character with its combining marks: never split */
        UNIT_SPACE, /* a breakable space */
        UNIT_TAB,   /* expands to the next multiple of 8 columns */
        UNIT_BREAK, /* a hard line break */
};

struct unit {
        size_t off, len; /* bytes in the flow's buffer */
        int width;
        unsigned style;
        unsigned char kind;
};

struct flow {
        char *buf;
        size_t len, cap;
        struct unit *u;
        size_t n, ucap;
        bool join; /* the last character was a zero-width joiner */
};

/* Writes cp (at most U+10FFFF) as UTF-8 into out[0..4), returns the length. */
/* Appends s[0..n) made safe, every unit with style. */
void flow_add(struct flow *f, const char *s, size_t n, unsigned style);
/* Appends one code point (U+FFFD for a value that is not one). */
void flow_add_cp(struct flow *f, unsigned long cp, unsigned style);
void flow_add_break(struct flow *f);
/* True when the flow holds nothing but spaces and breaks. */
bool flow_blank(const struct flow *f);
/* Drops the empty (or all-space) lines at the start and the end. */
void flow_trim_lines(struct flow *f);
void flow_clear(struct flow *f);
void flow_free(struct flow *f);
/* Columns left for text on a line of width under prefix (at least 1). */
int flow_room(const struct flow *prefix, int width);

/* Wraps f to width columns, appending lines to out. first starts the first
 * line and cont every later one (either may be NULL); a prefix that would
 * leave less than half the width loses columns from its left. hard breaks
 * lines at the width keeping every space (code); otherwise lines break
 * between words, and words wider than a line are cut between clusters.
 * Returns the widest line's width less its prefix. */
int flow_wrap(const struct flow *f, int width, const struct flow *first, const struct flow *cont,
              bool hard, struct text_lines *out);
/* Appends one line holding prefix (may be NULL) then text[0..n), which must
 * already be safe. */
void text_lines_add(struct text_lines *out, const struct flow *prefix, int width, const char *text,
                    size_t n, int cols, unsigned style);

#endif
