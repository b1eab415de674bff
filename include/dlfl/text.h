/* Text for the screen, pure and shared by both front ends: UTF-8 decoding,
 * display width, escaping of control characters, word wrapping, and Markdown
 * (through md4c) rendered to styled, wrapped lines. No curses here.
 *
 * Ownership: every struct text_lines is owned by the caller and released with
 * text_lines_free(); the strings inside belong to it. */
#ifndef DLFL_TEXT_H
#define DLFL_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/* Style bits of a span. Front ends map them to attributes (the TUI) or to
 * nothing (plain mode, where the text itself carries the meaning). */
enum text_style {
        TEXT_PLAIN = 0,
        TEXT_STRONG = 1 << 0,
        TEXT_EMPH = 1 << 1,
        TEXT_CODE = 1 << 2,
        TEXT_HEADING = 1 << 3,
        TEXT_QUOTE = 1 << 4,
        TEXT_LINK = 1 << 5,
        TEXT_ESCAPED = 1 << 6, /* a ^X or <U+202E> stand-in for a raw character */
};

/* The spans of a line cover all its bytes, in order, with no gaps (plain
 * text has a TEXT_PLAIN span); neighbours differ in style. An empty line has
 * none. A front end draws span by span. */
struct text_span {
        size_t start, len; /* byte range in the line's text */
        unsigned style;
};

/* One display line: safe text only (no control, C1 or bidi characters, no
 * invalid UTF-8, nothing but ASCII outside a UTF-8 locale, no tab, no
 * trailing space), never wider than the width it was wrapped to, except
 * where one character (with its combining marks, or emoji joined by U+200D,
 * 8 columns at most) is wider than the room left: a CJK one at width 1. */
struct text_line {
        char *text;
        size_t len;
        int width; /* display columns */
        struct text_span *spans;
        size_t nspans;
};

struct text_lines {
        struct text_line *lines;
        size_t count, cap;
};

/* Call once after setlocale(LC_ALL, ""): decides whether the output is UTF-8
 * or must fall back to ASCII ('?' for what the locale cannot show). */
void text_init(void);
/* Releases what the text layer keeps between calls (rendered Markdown). */
void text_finish(void);
bool text_is_utf8(void);

/* Decodes one strict UTF-8 sequence of s (n bytes available): no overlong
 * forms, surrogates or values past U+10FFFF. Returns its length, or 0 when
 * it is invalid or cut short. The same whatever the locale. */
size_t text_utf8_decode(const char *s, size_t n, unsigned long *cp);
/* The length of the valid sequence at the start of the NUL-terminated s (1
 * for an ASCII byte, the NUL included), or 0 when it is invalid. */
size_t text_utf8_len(const char *s);
/* A copy of s (the caller frees) in which every byte that does not belong
 * to a valid sequence is U+FFFD, for writers that take only UTF-8. */
char *text_utf8_repair(const char *s);
/* Writes cp as UTF-8 into out (room for 4 bytes); returns the length. */
size_t text_utf8_encode(unsigned long cp, char *out);

/* Display width of UTF-8 text as it would be shown (escapes included; tabs
 * to the next multiple of 8; of the widest line if there are newlines). */
int text_width(const char *s, size_t len);
/* A copy of s made safe to show: control characters as ^X (DEL as ^?), C1
 * and bidi controls and characters the locale cannot print as <U+XXXX>,
 * invalid UTF-8 as U+FFFD (or '?' in ASCII mode), any other non-ASCII
 * character as '?' in ASCII mode. Tabs and newlines are kept. The caller
 * frees; NULL gives "". */
char *text_sanitize(const char *s);
/* The same for one line (a title, a name): tabs and newlines become spaces. */
char *text_sanitize_line(const char *s);
/* The same, cut to at most max bytes on a character boundary, for a
 * message that may quote anything (an LRS's answer, a record). */
char *text_sanitize_line_max(const char *s, size_t max);

/* The one rule for control characters, in and out: C0 controls, DEL, C1
 * controls and the bidi controls (U+202A-202E, U+2066-2069, U+200E,
 * U+200F, U+061C). Every output path escapes them and typed input drops
 * them, through the functions below. */
bool text_is_control(unsigned long cp);
/* The same escapes as text_sanitize() (^X, ^?, <U+XXXX>, U+FFFD for
 * invalid UTF-8) for exports and files, whatever the locale: everything
 * else, any script, is kept. Tabs are kept, line breaks (LF, CR) when
 * keep_newlines (else escaped as ^J, ^M). The caller frees; NULL gives "". */
char *text_escape_controls(const char *s, bool keep_newlines);

/* The one rule for typed input, in place: C0 controls, DEL, C1 and bidi
 * controls, characters the locale cannot print and invalid UTF-8 are
 * dropped; a tab becomes a space, and so does a newline unless
 * keep_newlines (reflections). Returns the new length (s stays
 * NUL-terminated). Linear in len. */
size_t text_clean_input(char *s, size_t len, bool keep_newlines);

/* Wraps plain text (no Markdown) to width columns (below 1 counts as 1),
 * appending lines to out. indent columns of spaces start every line after
 * the first (hanging), at most half the width. A newline ends a line (a
 * final one adds no empty line), tabs expand to spaces, spaces where a line
 * is broken are dropped, and a word wider than the line is cut between
 * characters (a combining mark stays with its base). "" adds no line. */
void text_wrap(const char *s, int width, int indent, unsigned style, struct text_lines *out);
/* Renders CommonMark to styled lines wrapped to width, appending to out:
 * headings, lists with hanging indents, strong, emphasis, code, quotes,
 * links as "text <address>"; anything else as its text, never dropped.
 * Blocks are separated by one empty line (none before the first or after
 * the last). How each construct looks:
 *   heading        its text (TEXT_HEADING|TEXT_STRONG), then a line of '='
 *                  (level 1) or '-' (levels 2-6) as wide as the text
 *   bullet list    "• " ("- " in ASCII), "◦ " ("* ") and "▪ " ("+ ") by
 *                  depth; numbered "1. "; continuation lines hang under the
 *                  text; items of a tight list have no empty line between
 *   quote          "│ " ("| " in ASCII) before each line, all TEXT_QUOTE
 *   code block     indented 4 columns, verbatim, TEXT_CODE, cut at the
 *                  width only when a line is too wide
 *   thematic break a line of "─" ("-" in ASCII) across the width
 *   table          one line per row, cells joined by " | ", header strong
 *   image          its alt text then " <address>", like a link
 *   raw HTML       as written (it is text) */
void text_render_markdown(const char *md, int width, struct text_lines *out);
/* Renders Markdown to one flat string of wrapped lines (for plain mode and
 * exports), each ending in '\n'. The caller frees. */
char *text_render_plain(const char *md, int width);

void text_lines_free(struct text_lines *tl);

#endif
