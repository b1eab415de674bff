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

struct text_span {
	size_t start, len; /* byte range in the line's text */
	unsigned style;
};

/* One display line: safe UTF-8 only (no control, C1 or bidi characters, no
 * invalid sequences), never wider than the width it was wrapped to. */
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
bool text_is_utf8(void);

/* Display width of UTF-8 text as it would be shown (escapes included). */
int text_width(const char *s, size_t len);
/* A copy of s made safe to show: control characters as ^X (DEL as ^?), C1
 * and bidi controls as <U+XXXX>, invalid UTF-8 as U+FFFD (or '?' in ASCII
 * mode). The caller frees. */
char *text_sanitize(const char *s);

/* Wraps plain text (no Markdown) to width columns, appending lines to out.
 * indent columns of spaces start every line after the first (hanging). */
void text_wrap(const char *s, int width, int indent, unsigned style, struct text_lines *out);
/* Renders CommonMark to styled lines wrapped to width, appending to out:
 * headings, lists with hanging indents, strong, emphasis, code, quotes,
 * links as "text <address>"; anything else as its text, never dropped.
 * Paragraphs are separated by one empty line. */
void text_render_markdown(const char *md, int width, struct text_lines *out);
/* Renders Markdown to one flat string of wrapped lines (for plain mode and
 * exports), each ending in '\n'. The caller frees. */
char *text_render_plain(const char *md, int width);

void text_lines_free(struct text_lines *tl);

#endif
