/* UTF-8 decoding, display width, escaping and word wrapping. Characters are
 * decoded with the C library (mbrtowc, wcwidth) in a UTF-8 locale; in any
 * other locale every non-ASCII character is shown as '?', so nothing reaches
 * the terminal that its encoding cannot show. */
#include <langinfo.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <wchar.h>

#include "dlfl/text.h"
#include "dlfl/xalloc.h"
#include "text_flow.h"

#define TAB_STOP 8
/* Widest cluster a zero-width joiner may build (a family of four emoji):
 * past it, hostile text of joined characters becomes breakable again. */
#define MAX_JOINED 8
/* Columns a line must have left for a word wider than any line to start on
 * it (an address) rather than on the next. */
#define LONG_WORD_ROOM 8

enum cell_kind { CELL_CHAR, CELL_SPACE, CELL_TAB, CELL_NEWLINE };

/* One decoded character as it will be shown. */
struct cell {
        char out[16];
        unsigned char len;
        unsigned char kind;
        int width; /* 0: joins the previous character (combining mark) */
        bool escaped;
        bool joiner; /* U+200D: the next character joins this cluster */
};

struct lbuild {
        char *buf;
        size_t len, cap;
        struct text_span *sp;
        size_t nsp, spcap;
        int width;
        int prefix_width;
        size_t prefix_len; /* bytes of the prefix */
};

static bool utf8_mode;

static size_t utf8_expect(unsigned char c);
static size_t utf8_decode(const unsigned char *s, size_t n, unsigned long *cp);
static size_t invalid_len(const unsigned char *s, size_t n);
static void cell_escape_cp(struct cell *c, unsigned long cp);
static void cell_replacement(struct cell *c, bool utf8);
static size_t cell_next(const char *s, size_t n, struct cell *c, bool file);
static void flow_push(struct flow *f, const char *s, size_t n, int width, unsigned style,
                      unsigned char kind);
static void flow_push_cell(struct flow *f, const struct cell *c, unsigned style);
static void lb_put(struct lbuild *b, const char *s, size_t n, int width, unsigned style);
static void lb_spaces(struct lbuild *b, int count, unsigned style);
static void lb_prefix(struct lbuild *b, const struct flow *p, size_t from);
static void lb_trim(struct lbuild *b, size_t len);
static int lb_flush(struct lbuild *b, struct text_lines *out);
static void lb_free(struct lbuild *b);
static size_t prefix_from(const struct flow *p, int maxw, int *pw);
static bool is_space(const struct unit *u);
static int wrap_hard(const struct flow *f, int width, const struct flow *first,
                     const struct flow *cont, struct text_lines *out);
static char *escape(const char *s, unsigned flags);

void text_init(void)
{
        const char *cs = nl_langinfo(CODESET);

        utf8_mode = cs != NULL && (strcasecmp(cs, "UTF-8") == 0 || strcasecmp(cs, "UTF8") == 0);
}

bool text_is_utf8(void)
{
        return utf8_mode;
}

size_t text_utf8_encode(unsigned long cp, char *out)
{
        if (cp < 0x80) {
                out[0] = (char)cp;
                return 1;
        }
        if (cp < 0x800) {
                out[0] = (char)(0xc0 | (cp >> 6));
                out[1] = (char)(0x80 | (cp & 0x3f));
                return 2;
        }
        if (cp < 0x10000) {
                out[0] = (char)(0xe0 | (cp >> 12));
                out[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
                out[2] = (char)(0x80 | (cp & 0x3f));
                return 3;
        }
        out[0] = (char)(0xf0 | (cp >> 18));
        out[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
        out[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
        out[3] = (char)(0x80 | (cp & 0x3f));
        return 4;
}

/* Length of the sequence a lead byte announces, 0 for a byte that cannot
 * start one. */
static size_t utf8_expect(unsigned char c)
{
        if (c >= 0xc2 && c <= 0xdf)
                return 2;
        if (c >= 0xe0 && c <= 0xef)
                return 3;
        if (c >= 0xf0 && c <= 0xf4)
                return 4;
        return 0;
}

/* Strict decoding (no overlong forms, surrogates or values past U+10FFFF),
 * used where the locale cannot decode UTF-8 for us. Returns the length, or 0
 * for an invalid or truncated sequence. */
static size_t utf8_decode(const unsigned char *s, size_t n, unsigned long *cp)
{
        size_t len = utf8_expect(s[0]);
        unsigned long v;

        if (len == 0 || len > n)
                return 0;
        v = s[0] & (0x7f >> len);
        for (size_t i = 1; i < len; i++) {
                if ((s[i] & 0xc0) != 0x80)
                        return 0;
                v = (v << 6) | (s[i] & 0x3f);
        }
        if ((len == 3 && v < 0x800) || (len == 4 && v < 0x10000) || v > 0x10ffff ||
            (v >= 0xd800 && v <= 0xdfff))
                return 0;
        *cp = v;
        return len;
}

size_t text_utf8_decode(const char *s, size_t n, unsigned long *cp)
{
        const unsigned char *u = (const unsigned char *)s;

        if (n == 0)
                return 0;
        if (u[0] < 0x80) {
                *cp = u[0];
                return 1;
        }
        return utf8_decode(u, n, cp);
}

size_t text_utf8_len(const char *s)
{
        unsigned long cp;

        if ((unsigned char)s[0] < 0x80)
                return 1;
        return text_utf8_decode(s, strnlen(s, 4), &cp);
}

char *text_utf8_repair(const char *s)
{
        size_t len = strlen(s), n = 0;
        char *out = xmalloc(len * 3 + 1);

        while (*s != '\0') {
                size_t k = text_utf8_len(s);

                if (k == 0) {
                        memcpy(out + n, "\xef\xbf\xbd", 3);
                        n += 3;
                        s++;
                        continue;
                }
                memcpy(out + n, s, k);
                n += k;
                s += k;
        }
        out[n] = '\0';
        return out;
}

/* How many bytes one U+FFFD stands for: a lead byte with the continuation
 * bytes that follow it (as far as it announced), or a lone byte. */
static size_t invalid_len(const unsigned char *s, size_t n)
{
        size_t want = utf8_expect(s[0]), i = 1;

        while (i < want && i < n && (s[i] & 0xc0) == 0x80)
                i++;
        return i;
}

/* A control character past C0 and DEL (C1, bidi and other format
 * controls) is shown "^<U+202E>": the caret says a control, as ^A does for
 * C0, and the brackets keep the code point apart from the text after it.
 * Another character the terminal cannot print is "<U+0378>". */
static void cell_escape_cp(struct cell *c, unsigned long cp)
{
        int k =
            snprintf(c->out, sizeof c->out, text_is_control(cp) ? "^<U+%04lX>" : "<U+%04lX>", cp);

        c->len = (unsigned char)k;
        c->width = k;
        c->escaped = true;
}

static void cell_replacement(struct cell *c, bool utf8)
{
        if (utf8) {
                memcpy(c->out, "\xef\xbf\xbd", 3);
                c->len = 3;
        } else {
                c->out[0] = '?';
                c->len = 1;
        }
        c->width = 1;
        c->escaped = true;
}

static bool is_bidi_control(unsigned long cp)
{
        return (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200e ||
               cp == 0x200f || cp == 0x061c;
}

bool text_is_control(unsigned long cp)
{
        return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || is_bidi_control(cp);
}

/* Decodes the character at s (n > 0 bytes left) into how it is shown and
 * returns how many bytes it took. For a file (file true) the text is UTF-8
 * whatever the terminal's locale, and only controls are escaped. */
static size_t cell_next(const char *s, size_t n, struct cell *c, bool file)
{
        const unsigned char *u = (const unsigned char *)s;
        unsigned long cp;
        size_t k;

        c->kind = CELL_CHAR;
        c->escaped = false;
        c->joiner = false;
        if (u[0] < 0x80) {
                c->width = 1;
                c->len = 1;
                c->out[0] = s[0];
                if (u[0] == ' ') {
                        c->kind = CELL_SPACE;
                } else if (u[0] == '\t') {
                        c->kind = CELL_TAB;
                } else if (u[0] == '\n') {
                        c->kind = CELL_NEWLINE;
                        c->width = 0;
                } else if (u[0] < 0x20 || u[0] == 0x7f) {
                        c->out[1] = u[0] == 0x7f ? '?' : (char)(u[0] + 0x40);
                        c->out[0] = '^';
                        c->len = 2;
                        c->width = 2;
                        c->escaped = true;
                }
                return 1;
        }
        if (utf8_mode && !file) {
                mbstate_t st;
                wchar_t wc;

                memset(&st, 0, sizeof st);
                k = mbrtowc(&wc, s, n, &st);
                /* glibc decodes up to 0x1FFFFF; Unicode stops at U+10FFFF. */
                if (k == (size_t)-1 || k == (size_t)-2 || k == 0 || (unsigned long)wc > 0x10ffff) {
                        cell_replacement(c, true);
                        return invalid_len(u, n);
                }
                cp = (unsigned long)wc;
        } else {
                k = utf8_decode(u, n, &cp);
                if (k == 0) {
                        cell_replacement(c, utf8_mode || file);
                        return invalid_len(u, n);
                }
        }
        if (text_is_control(cp)) {
                cell_escape_cp(c, cp);
                return k;
        }
        if (file) {
                c->width = 1; /* no terminal: only the bytes matter */
        } else if (!utf8_mode) {
                c->out[0] = '?';
                c->len = 1;
                c->width = 1;
                return k;
        } else {
                c->width = wcwidth((wchar_t)cp);
                if (c->width < 0) {
                        /* Not printable in this locale (unassigned, separators, ...). */
                        cell_escape_cp(c, cp);
                        return k;
                }
        }
        memcpy(c->out, s, k);
        c->len = (unsigned char)k;
        c->joiner = cp == 0x200d;
        return k;
}

int text_width(const char *s, size_t len)
{
        struct cell c;
        int col = 0, max = 0;
        size_t i = 0;

        if (s == NULL)
                return 0;
        while (i < len) {
                i += cell_next(s + i, len - i, &c, false);
                if (c.kind == CELL_NEWLINE) {
                        col = 0;
                        continue;
                }
                col += c.kind == CELL_TAB ? TAB_STOP - col % TAB_STOP : c.width;
                if (col > max)
                        max = col;
        }
        return max;
}

/* What escape() lets through besides printable text, spaces and tabs. */
enum {
        ESC_ONE_LINE = 1, /* spaces, tabs and line ends become one space each */
        ESC_KEEP_LF = 2,
        ESC_KEEP_CR = 4,
        ESC_FILE = 8, /* UTF-8 whatever the locale (see cell_next) */
};

/* The one escaping loop: text_sanitize(), text_sanitize_line() and
 * text_escape_controls() differ only in their flags. */
static char *escape(const char *s, unsigned flags)
{
        size_t n, i = 0, len = 0, cap;
        char *out;
        struct cell c;

        if (s == NULL)
                s = "";
        n = strlen(s);
        /* Escapes grow a byte at most fivefold ("\x1b" -> "^[", "\xc2\x9b" ->
         * "<U+009B>"); grow on demand rather than reserve for the worst. */
        cap = n + 16;
        out = xmalloc(cap);
        while (i < n) {
                size_t k = cell_next(s + i, n - i, &c, (flags & ESC_FILE) != 0);
                const char *put = c.out;
                size_t plen = c.len;

                if ((flags & ESC_ONE_LINE) && c.kind != CELL_CHAR) {
                        put = " ";
                        plen = 1;
                } else if (c.kind == CELL_NEWLINE && !(flags & ESC_KEEP_LF)) {
                        put = "^J";
                        plen = 2;
                } else if (s[i] == '\r' && (flags & ESC_KEEP_CR)) {
                        put = "\r";
                        plen = 1;
                }
                if (len + plen + 1 > cap)
                        out = xgrow(out, &cap, len + plen + 1, 1);
                memcpy(out + len, put, plen);
                len += plen;
                i += k;
        }
        out[len] = '\0';
        return out;
}

size_t text_clean_input(char *s, size_t len, bool keep_newlines)
{
        struct cell c;
        size_t i = 0, out = 0;

        while (i < len) {
                size_t k = cell_next(s + i, len - i, &c, false);

                if (c.kind == CELL_TAB || (c.kind == CELL_NEWLINE && !keep_newlines)) {
                        s[out++] = ' ';
                } else if (c.kind == CELL_NEWLINE || c.kind == CELL_SPACE || !c.escaped) {
                        /* The bytes as typed (memmove: out never passes i). */
                        memmove(s + out, s + i, k);
                        out += k;
                }
                i += k;
        }
        s[out] = '\0';
        return out;
}

char *text_sanitize(const char *s)
{
        return escape(s, ESC_KEEP_LF);
}

char *text_sanitize_line(const char *s)
{
        return escape(s, ESC_ONE_LINE);
}

char *text_sanitize_line_max(const char *s, size_t max)
{
        char *line = escape(s, ESC_ONE_LINE);

        if (strlen(line) > max) {
                while (max > 0 && ((unsigned char)line[max] & 0xc0) == 0x80)
                        max--;
                line[max] = '\0';
        }
        return line;
}

char *text_escape_controls(const char *s, bool keep_newlines)
{
        return escape(s, ESC_FILE | (keep_newlines ? ESC_KEEP_LF | ESC_KEEP_CR : 0));
}

static void flow_push(struct flow *f, const char *s, size_t n, int width, unsigned style,
                      unsigned char kind)
{
        struct unit *u;

        if (f->len + n + 1 > f->cap)
                f->buf = xgrow(f->buf, &f->cap, f->len + n + 1, 1);
        if (n == 1)
                f->buf[f->len] = s[0]; /* most units: no call */
        else
                memcpy(f->buf + f->len, s, n);
        if (f->n + 1 > f->ucap)
                f->u = xgrow(f->u, &f->ucap, f->n + 1, sizeof *f->u);
        u = &f->u[f->n++];
        u->off = f->len;
        u->len = n;
        u->width = width;
        u->style = style;
        u->kind = kind;
        f->len += n;
}

static void flow_push_cell(struct flow *f, const struct cell *c, unsigned style)
{
        switch (c->kind) {
        case CELL_NEWLINE:
                flow_add_break(f);
                return;
        case CELL_SPACE:
                flow_push(f, " ", 1, 1, style, UNIT_SPACE);
                f->join = false;
                return;
        case CELL_TAB:
                flow_push(f, " ", 1, 1, style, UNIT_TAB);
                f->join = false;
                return;
        default:
                break;
        }
        if (c->escaped) {
                /* One unit per byte, so that a stand-in wider than the line can
                 * still be cut; the bytes are ASCII (or U+FFFD, one unit). */
                if ((unsigned char)c->out[0] >= 0x80) {
                        flow_push(f, c->out, c->len, c->width, style | TEXT_ESCAPED, UNIT_CHAR);
                } else {
                        for (size_t i = 0; i < c->len; i++)
                                flow_push(f, c->out + i, 1, 1, style | TEXT_ESCAPED, UNIT_CHAR);
                }
                f->join = false;
                return;
        }
        if (f->n > 0 && f->u[f->n - 1].kind == UNIT_CHAR &&
            (c->width == 0 ||
             (f->join && c->width == 2 && f->u[f->n - 1].width + c->width <= MAX_JOINED))) {
                /* A combining mark, or what a joiner glues on, stays with its
                 * base: the unit grows (its bytes are the last in the buffer). */
                struct unit *u = &f->u[f->n - 1];

                if (f->len + c->len + 1 > f->cap)
                        f->buf = xgrow(f->buf, &f->cap, f->len + c->len + 1, 1);
                memcpy(f->buf + f->len, c->out, c->len);
                f->len += c->len;
                u->len += c->len;
                u->width += c->width;
        } else {
                flow_push(f, c->out, c->len, c->width, style, UNIT_CHAR);
        }
        f->join = c->joiner;
}

void flow_add(struct flow *f, const char *s, size_t n, unsigned style)
{
        struct cell c;
        size_t i = 0;

        while (i < n) {
                unsigned char b = (unsigned char)s[i];

                /* Printable ASCII is one column and joins nothing: what
                 * cell_next() and flow_push_cell() would make of it. */
                if (b > 0x20 && b < 0x7f) {
                        flow_push(f, s + i, 1, 1, style, UNIT_CHAR);
                        f->join = false;
                        i++;
                        continue;
                }
                i += cell_next(s + i, n - i, &c, false);
                flow_push_cell(f, &c, style);
        }
}

void flow_add_cp(struct flow *f, unsigned long cp, unsigned style)
{
        char b[4];

        if (cp == 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
                cp = 0xfffd;
        size_t n = text_utf8_encode(cp, b);

        flow_add(f, b, n, style);
}

void flow_add_break(struct flow *f)
{
        flow_push(f, "", 0, 0, 0, UNIT_BREAK);
        f->join = false;
}

bool flow_blank(const struct flow *f)
{
        for (size_t i = 0; i < f->n; i++)
                if (f->u[i].kind == UNIT_CHAR)
                        return false;
        return true;
}

void flow_trim_lines(struct flow *f)
{
        size_t first = 0, start = 0, end = f->n;

        while (first < f->n && f->u[first].kind != UNIT_CHAR) {
                if (f->u[first].kind == UNIT_BREAK)
                        start = first + 1;
                first++;
        }
        if (first == f->n) {
                f->n = 0;
                return;
        }
        while (end > first && f->u[end - 1].kind != UNIT_CHAR)
                end--;
        /* The bytes stay where they are; only the units move. */
        memmove(f->u, f->u + start, (end - start) * sizeof *f->u);
        f->n = end - start;
}

void flow_clear(struct flow *f)
{
        f->len = 0;
        f->n = 0;
        f->join = false;
}

void flow_free(struct flow *f)
{
        free(f->buf);
        free(f->u);
        memset(f, 0, sizeof *f);
}

static void lb_put(struct lbuild *b, const char *s, size_t n, int width, unsigned style)
{
        struct text_span *last = b->nsp > 0 ? &b->sp[b->nsp - 1] : NULL;

        if (n == 0)
                return;
        if (b->len + n + 1 > b->cap)
                b->buf = xgrow(b->buf, &b->cap, b->len + n + 1, 1);
        if (n == 1)
                b->buf[b->len] = s[0]; /* most units: no call */
        else
                memcpy(b->buf + b->len, s, n);
        if (last != NULL && last->style == style) {
                last->len += n;
        } else {
                b->sp = xgrow(b->sp, &b->spcap, b->nsp + 1, sizeof *b->sp);
                b->sp[b->nsp].start = b->len;
                b->sp[b->nsp].len = n;
                b->sp[b->nsp].style = style;
                b->nsp++;
        }
        b->len += n;
        b->width += width;
}

static void lb_spaces(struct lbuild *b, int count, unsigned style)
{
        static const char spaces[] = "        ";

        while (count > 0) {
                int k = count < 8 ? count : 8;

                lb_put(b, spaces, (size_t)k, k, style);
                count -= k;
        }
}

static void lb_prefix(struct lbuild *b, const struct flow *p, size_t from)
{
        b->prefix_width = 0;
        b->prefix_len = b->len;
        if (p == NULL)
                return;
        for (size_t i = from; i < p->n; i++) {
                const struct unit *u = &p->u[i];

                if (u->kind == UNIT_BREAK)
                        continue;
                lb_put(b, p->buf + u->off, u->len, u->width, u->style);
                b->prefix_width += u->width;
        }
        b->prefix_len = b->len;
}

/* Cuts the line back to len bytes, all of them ASCII spaces removed. */
static void lb_trim(struct lbuild *b, size_t len)
{
        b->width -= (int)(b->len - len);
        b->len = len;
        while (b->nsp > 0 && b->sp[b->nsp - 1].start >= b->len)
                b->nsp--;
        if (b->nsp > 0)
                b->sp[b->nsp - 1].len = b->len - b->sp[b->nsp - 1].start;
}

/* Ends the line: no trailing spaces, spans trimmed to match. Returns the
 * content's width (the line's less its prefix). */
static int lb_flush(struct lbuild *b, struct text_lines *out)
{
        struct text_line *l;
        int content;

        size_t len = b->len;

        while (len > 0 && b->buf[len - 1] == ' ')
                len--;
        lb_trim(b, len);
        out->lines = xgrow(out->lines, &out->cap, out->count + 1, sizeof *out->lines);
        l = &out->lines[out->count++];
        l->text = xstrndup(b->buf != NULL ? b->buf : "", b->len);
        l->len = b->len;
        l->width = b->width;
        l->nspans = b->nsp;
        l->spans = NULL;
        if (b->nsp > 0) {
                l->spans = xmalloc(b->nsp * sizeof *l->spans);
                memcpy(l->spans, b->sp, b->nsp * sizeof *l->spans);
        }
        content = b->width - b->prefix_width;
        b->len = 0;
        b->nsp = 0;
        b->width = 0;
        b->prefix_width = 0;
        b->prefix_len = 0;
        return content > 0 ? content : 0;
}

static void lb_free(struct lbuild *b)
{
        free(b->buf);
        free(b->sp);
}

/* Where a prefix starts so that it is at most maxw columns wide: the
 * columns nearest the text (a list marker, the innermost quote) are kept. */
static size_t prefix_from(const struct flow *p, int maxw, int *pw)
{
        size_t i;
        int w = 0;

        *pw = 0;
        if (p == NULL)
                return 0;
        for (i = p->n; i > 0; i--) {
                if (w + p->u[i - 1].width > maxw)
                        break;
                w += p->u[i - 1].width;
        }
        *pw = w;
        return i;
}

static int max_prefix(int width)
{
        int content = width / 2;

        return width - (content < 1 ? 1 : content);
}

int flow_room(const struct flow *prefix, int width)
{
        int pw;

        if (width < 1)
                width = 1;
        prefix_from(prefix, max_prefix(width), &pw);
        return width - pw;
}

void text_lines_add(struct text_lines *out, const struct flow *prefix, int width, const char *text,
                    size_t n, int cols, unsigned style)
{
        struct lbuild b = {0};
        int pw;
        size_t from;

        if (width < 1)
                width = 1;
        from = prefix_from(prefix, max_prefix(width), &pw);
        lb_prefix(&b, prefix, from);
        lb_put(&b, text, n, cols, style);
        lb_flush(&b, out);
        lb_free(&b);
}

static bool is_space(const struct unit *u)
{
        return u->kind == UNIT_SPACE || u->kind == UNIT_TAB;
}

static int wrap_hard(const struct flow *f, int width, const struct flow *first,
                     const struct flow *cont, struct text_lines *out)
{
        struct lbuild b = {0};
        int pw1, pw2, col = 0, avail, maxw = 0, w;
        size_t from1 = prefix_from(first, max_prefix(width), &pw1);
        size_t from2 = prefix_from(cont, max_prefix(width), &pw2);
        size_t since_break = 0, run_end = 0;
        bool has_char = false;

        lb_prefix(&b, first, from1);
        avail = width - pw1;
        for (size_t i = 0; i < f->n; i++) {
                const struct unit *u = &f->u[i];

                if (u->kind == UNIT_BREAK) {
                        w = lb_flush(&b, out);
                        maxw = w > maxw ? w : maxw;
                        lb_prefix(&b, cont, from2);
                        avail = width - pw2;
                        col = 0;
                        since_break = 0;
                        has_char = false;
                        continue;
                }
                since_break++;
                if (is_space(u) && i >= run_end) {
                        /* Spaces that end a line are not shown: skip them
                         * rather than let them spill onto lines of their own. */
                        for (run_end = i; run_end < f->n && is_space(&f->u[run_end]); run_end++)
                                ;
                        if (run_end == f->n || f->u[run_end].kind == UNIT_BREAK) {
                                i = run_end - 1;
                                continue;
                        }
                }
                w = u->kind == UNIT_TAB ? TAB_STOP - col % TAB_STOP : u->width;
                if (col + w > avail && is_space(u))
                        continue; /* a space at the edge is not carried over */
                if (col + w > avail && !has_char && col > 0) {
                        /* Only indentation so far, and the text does not fit
                         * after it: drop the indentation, not the text. */
                        lb_trim(&b, b.prefix_len);
                        col = 0;
                }
                if (col + w > avail && col > 0) {
                        int lw = lb_flush(&b, out);

                        maxw = lw > maxw ? lw : maxw;
                        lb_prefix(&b, cont, from2);
                        avail = width - pw2;
                        col = 0;
                        has_char = false;
                }
                if (!is_space(u))
                        has_char = true;
                if (u->kind == UNIT_TAB) {
                        if (w > avail - col)
                                w = avail - col > 0 ? avail - col : 1;
                        lb_spaces(&b, w, u->style);
                } else {
                        lb_put(&b, f->buf + u->off, u->len, u->width, u->style);
                }
                col += w;
        }
        if (since_break > 0) {
                w = lb_flush(&b, out);
                maxw = w > maxw ? w : maxw;
        }
        lb_free(&b);
        return maxw;
}

int flow_wrap(const struct flow *f, int width, const struct flow *first, const struct flow *cont,
              bool hard, struct text_lines *out)
{
        struct lbuild b = {0};
        int pw1, pw2, col = 0, avail, maxw = 0, w;
        size_t from1, from2, i = 0, since_break = 0;
        bool word = false;

        if (width < 1)
                width = 1;
        if (hard)
                return wrap_hard(f, width, first, cont, out);
        /* A line holds at most the text and a prefix: room for both at once. */
        b.buf =
            xgrow(NULL, &b.cap, f->len + (first ? first->len : 0) + (cont ? cont->len : 0) + 9, 1);
        from1 = prefix_from(first, max_prefix(width), &pw1);
        from2 = prefix_from(cont, max_prefix(width), &pw2);
        lb_prefix(&b, first, from1);
        avail = width - pw1;
        while (i < f->n) {
                size_t ws = i, we, j;
                int sw = 0, ww = 0;

                if (f->u[i].kind == UNIT_BREAK) {
                        w = lb_flush(&b, out);
                        maxw = w > maxw ? w : maxw;
                        lb_prefix(&b, cont, from2);
                        avail = width - pw2;
                        col = 0;
                        word = false;
                        since_break = 0;
                        i++;
                        continue;
                }
                while (i < f->n && (f->u[i].kind == UNIT_SPACE || f->u[i].kind == UNIT_TAB)) {
                        sw += f->u[i].kind == UNIT_TAB ? TAB_STOP - (col + sw) % TAB_STOP : 1;
                        i++;
                }
                we = i;
                for (j = i; j < f->n && f->u[j].kind == UNIT_CHAR; j++)
                        ww += f->u[j].width;
                since_break += j - ws;
                if (j == i)
                        continue; /* spaces before a break or the end: dropped */
                /* A word too wide for any line is cut anyway: it starts
                 * here if a fair part of it fits, not on a line of its own. */
                if (col + sw + ww <= avail || (!word && col + sw + f->u[i].width <= avail) ||
                    (word && ww > width - pw2 && avail - col - sw >= LONG_WORD_ROOM)) {
                        /* The spaces stay: between words on a line, leading
                         * spaces (indentation), or before a cut word. */
                        int c = col;

                        for (size_t k = ws; k < we; k++) {
                                int sp = f->u[k].kind == UNIT_TAB ? TAB_STOP - c % TAB_STOP : 1;

                                lb_spaces(&b, sp, f->u[k].style);
                                c += sp;
                        }
                        col = c;
                } else if (word) {
                        w = lb_flush(&b, out);
                        maxw = w > maxw ? w : maxw;
                        lb_prefix(&b, cont, from2);
                        avail = width - pw2;
                        col = 0;
                }
                for (size_t k = i; k < j;) {
                        const struct unit *u = &f->u[k];
                        size_t e = k + 1, len = u->len;
                        int uw = u->width;

                        if (col + u->width > avail && col > 0) {
                                w = lb_flush(&b, out);
                                maxw = w > maxw ? w : maxw;
                                lb_prefix(&b, cont, from2);
                                avail = width - pw2;
                                col = 0;
                        }
                        /* The units after it that follow on in the buffer, in
                         * its style, and fit, go onto the line with it. */
                        while (e < j && f->u[e].style == u->style && f->u[e].off == u->off + len &&
                               col + uw + f->u[e].width <= avail) {
                                len += f->u[e].len;
                                uw += f->u[e].width;
                                e++;
                        }
                        lb_put(&b, f->buf + u->off, len, uw, u->style);
                        col += uw;
                        k = e;
                }
                word = true;
                i = j;
        }
        if (since_break > 0) {
                w = lb_flush(&b, out);
                maxw = w > maxw ? w : maxw;
        }
        lb_free(&b);
        return maxw;
}

void text_wrap(const char *s, int width, int indent, unsigned style, struct text_lines *out)
{
        struct flow f = {0}, p = {0};

        if (s == NULL || out == NULL)
                return;
        if (width < 1)
                width = 1;
        if (indent > width)
                indent = width;
        for (int k = 0; k < indent; k++)
                flow_push(&p, " ", 1, 1, TEXT_PLAIN, UNIT_SPACE);
        /* Room for the usual case, a unit per byte, at once. */
        size_t n = strlen(s);
        f.buf = xgrow(NULL, &f.cap, n + 1, 1);
        f.u = xgrow(NULL, &f.ucap, n + 1, sizeof *f.u);
        flow_add(&f, s, n, style);
        flow_wrap(&f, width, NULL, &p, false, out);
        flow_free(&f);
        flow_free(&p);
}

void text_lines_free(struct text_lines *tl)
{
        if (tl == NULL)
                return;
        for (size_t i = 0; i < tl->count; i++) {
                free(tl->lines[i].text);
                free(tl->lines[i].spans);
        }
        free(tl->lines);
        tl->lines = NULL;
        tl->count = 0;
        tl->cap = 0;
}
