/* The answer editors: one line (text, numeric answers, names) or several
 * (reflections). Only printable characters go in, so what is painted back
 * is what the learner typed and nothing else. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#include "dlfl/xalloc.h"
#include "dlfl/text.h"
#include "tui.h"

#define CTRL(c) ((c)&0x1f)

void tui_edit_init(struct tui_edit *e, bool multiline, size_t max)
{
        free(e->buf);
        memset(e, 0, sizeof *e);
        e->multiline = multiline;
        e->max = max;
        e->cap = 64;
        e->buf = xmalloc(e->cap);
        e->buf[0] = '\0';
}

void tui_edit_free(struct tui_edit *e)
{
        free(e->buf);
        memset(e, 0, sizeof *e);
}

void tui_edit_clear(struct tui_edit *e)
{
        if (e->buf == NULL)
                tui_edit_init(e, e->multiline, e->max);
        e->len = e->cur = 0;
        e->buf[0] = '\0';
        e->top = 0;
}

static void insert_bytes(struct tui_edit *e, const char *s, size_t n)
{
        if (e->buf == NULL)
                tui_edit_init(e, e->multiline, e->max);
        if (e->max != 0 && e->len + n > e->max) {
                e->hit_max = true;
                return;
        }
        if (e->len + n + 1 > e->cap)
                e->buf = xgrow(e->buf, &e->cap, e->len + n + 1, 1);
        memmove(e->buf + e->cur + n, e->buf + e->cur, e->len - e->cur + 1);
        memcpy(e->buf + e->cur, s, n);
        e->len += n;
        e->cur += n;
}

/* Length in bytes of the character at pos (1 for anything undecodable). */
static size_t char_len(const char *s, size_t len, size_t pos)
{
        mbstate_t st;
        wchar_t wc;

        memset(&st, 0, sizeof st);
        size_t n = mbrtowc(&wc, s + pos, len - pos, &st);
        if (n == (size_t)-1 || n == (size_t)-2 || n == 0)
                return 1;
        return n;
}

static int char_cols(const char *s, size_t len, size_t pos)
{
        return text_width(s + pos, char_len(s, len, pos));
}

/* The start of the character before pos: back over UTF-8 continuation
 * bytes, so a held Backspace costs the same at any length. */
static size_t prev_pos(const struct tui_edit *e, size_t pos)
{
        size_t p = pos;

        if (p == 0)
                return 0;
        p--;
        while (p > 0 && pos - p < 4 && ((unsigned char)e->buf[p] & 0xc0) == 0x80)
                p--;
        return p;
}

static size_t line_start(const struct tui_edit *e, size_t pos)
{
        while (pos > 0 && e->buf[pos - 1] != '\n')
                pos--;
        return pos;
}

static size_t line_end(const struct tui_edit *e, size_t pos)
{
        while (pos < e->len && e->buf[pos] != '\n')
                pos++;
        return pos;
}

static size_t chars_between(const struct tui_edit *e, size_t a, size_t b)
{
        size_t n = 0;

        while (a < b) {
                a += char_len(e->buf, e->len, a);
                n++;
        }
        return n;
}

static size_t advance_chars(const struct tui_edit *e, size_t pos, size_t end, size_t n)
{
        while (n-- > 0 && pos < end)
                pos += char_len(e->buf, e->len, pos);
        return pos;
}

void tui_edit_set(struct tui_edit *e, const char *s)
{
        tui_edit_clear(e);
        if (s == NULL)
                return;
        /* A record can be edited by hand: show its text as text.h would. */
        char *safe = text_sanitize(s);
        for (const char *p = safe; *p != '\0'; p++) {
                unsigned char c = (unsigned char)*p;
                if (c == '\n' ? e->multiline : c >= 0x20 && c != 0x7f)
                        insert_bytes(e, p, 1);
        }
        free(safe);
}

static void delete_range(struct tui_edit *e, size_t a, size_t b)
{
        memmove(e->buf + a, e->buf + b, e->len - b + 1);
        e->len -= b - a;
        e->cur = a;
}

bool tui_edit_key(struct tui_edit *e, const struct tui_key *k)
{
        if (e->buf == NULL)
                tui_edit_init(e, e->multiline, e->max);
        if (!k->fkey) {
                wint_t c = (wint_t)k->code;
                if (c == '\n' || c == '\r') {
                        if (!e->multiline)
                                return false;
                        insert_bytes(e, "\n", 1);
                        return true;
                }
                if (c == 127 || c == CTRL('h')) {
                        if (e->cur > 0)
                                delete_range(e, prev_pos(e, e->cur), e->cur);
                        return true;
                }
                if (c == CTRL('u')) {
                        delete_range(e, e->multiline ? line_start(e, e->cur) : 0, e->cur);
                        return true;
                }
                if (c == CTRL('a')) {
                        e->cur = e->multiline ? line_start(e, e->cur) : 0;
                        return true;
                }
                if (c == CTRL('e')) {
                        e->cur = e->multiline ? line_end(e, e->cur) : e->len;
                        return true;
                }
                if (c < 0x20 || c == 0x7f || !iswprint(c))
                        return false;
                char mb[MB_LEN_MAX + 1];
                mbstate_t st;
                memset(&st, 0, sizeof st);
                size_t n = wcrtomb(mb, (wchar_t)c, &st);
                if (n == (size_t)-1)
                        return true;
                /* Only what text.h would show as itself goes in (no bidi
                 * or other format controls), so the echo is always safe. */
                mb[n] = '\0';
                char *safe = text_sanitize(mb);
                if (strcmp(safe, mb) == 0)
                        insert_bytes(e, mb, n);
                free(safe);
                return true;
        }
        switch (k->code) {
        case KEY_ENTER:
                if (!e->multiline)
                        return false;
                insert_bytes(e, "\n", 1);
                return true;
        case KEY_BACKSPACE:
                if (e->cur > 0)
                        delete_range(e, prev_pos(e, e->cur), e->cur);
                return true;
        case KEY_DC:
                if (e->cur < e->len)
                        delete_range(e, e->cur, e->cur + char_len(e->buf, e->len, e->cur));
                return true;
        case KEY_LEFT:
                if (e->cur > 0)
                        e->cur = prev_pos(e, e->cur);
                return true;
        case KEY_RIGHT:
                if (e->cur < e->len)
                        e->cur += char_len(e->buf, e->len, e->cur);
                return true;
        case KEY_HOME:
                e->cur = e->multiline ? line_start(e, e->cur) : 0;
                return true;
        case KEY_END:
                e->cur = e->multiline ? line_end(e, e->cur) : e->len;
                return true;
        case KEY_UP:
        case KEY_DOWN: {
                if (!e->multiline)
                        return false;
                size_t ls = line_start(e, e->cur);
                size_t col = chars_between(e, ls, e->cur);
                if (k->code == KEY_UP) {
                        if (ls == 0)
                                return true;
                        size_t ps = line_start(e, ls - 1);
                        e->cur = advance_chars(e, ps, ls - 1, col);
                } else {
                        size_t le = line_end(e, e->cur);
                        if (le >= e->len)
                                return true;
                        e->cur = advance_chars(e, le + 1, line_end(e, le + 1), col);
                }
                return true;
        }
        default:
                return false;
        }
}

/* Lays the text out in rows of w columns; calls paint for each character
 * on rows [top, top + h) when painting, and finds the caret's place. */
static void layout(struct tui *t, struct tui_edit *e, int y, int x, int h, int w, bool paint,
                   int *cur_row, int *cur_col)
{
        int row = 0, col = 0;
        size_t pos = 0;

        *cur_row = 0;
        *cur_col = 0;
        while (pos <= e->len) {
                if (pos == e->cur) {
                        *cur_row = row;
                        *cur_col = col;
                }
                if (pos == e->len)
                        break;
                if (e->buf[pos] == '\n') {
                        row++;
                        col = 0;
                        pos++;
                        continue;
                }
                size_t n = char_len(e->buf, e->len, pos);
                int cw = char_cols(e->buf, e->len, pos);
                if (col > 0 && e->buf[pos] != ' ' && e->buf[pos - 1] == ' ') {
                        /* Words move to the next row whole, as in any editor,
                         * unless a word is wider than a row. */
                        int ww = 0;
                        for (size_t q = pos; q < e->len && e->buf[q] != ' ' && e->buf[q] != '\n';
                             q += char_len(e->buf, e->len, q))
                                ww += char_cols(e->buf, e->len, q);
                        if (col + ww > w && ww <= w) {
                                row++;
                                col = 0;
                        }
                }
                if (col + cw > w && e->buf[pos] == ' ' && col > 0) {
                        /* A space at the end of a full row hangs there. */
                        col = w;
                        pos += n;
                        continue;
                }
                if (col + cw > w) {
                        row++;
                        col = 0;
                }
                if (paint && row >= e->top && row < e->top + h)
                        mvaddnstr(y + row - e->top, x + col, e->buf + pos, (int)n);
                col += cw;
                pos += n;
        }
        if (*cur_col >= w) {
                (*cur_row)++;
                *cur_col = 0;
        }
        (void)t;
}

void tui_edit_paint(struct tui *t, struct tui_edit *e, int y, int x, int h, int w, bool focused)
{
        int crow, ccol;

        if (e->buf == NULL)
                tui_edit_init(e, e->multiline, e->max);
        if (h < 1 || w < 2 || y >= t->rows)
                return;
        if (y + h > t->rows)
                h = t->rows - y;
        attrset(A_UNDERLINE);
        for (int i = 0; i < h; i++)
                mvhline(y + i, x, ' ', w);
        if (!e->multiline) {
                /* One line scrolls sideways to keep the caret in view. */
                size_t start = 0;
                int curcol = text_width(e->buf, e->cur);
                while (curcol >= w - 1 && start < e->cur) {
                        curcol -= char_cols(e->buf, e->len, start);
                        start += char_len(e->buf, e->len, start);
                }
                int col = 0;
                size_t pos = start;
                while (pos < e->len) {
                        int cw = char_cols(e->buf, e->len, pos);
                        size_t n = char_len(e->buf, e->len, pos);
                        if (col + cw > w)
                                break;
                        mvaddnstr(y, x + col, e->buf + pos, (int)n);
                        col += cw;
                        pos += n;
                }
                crow = 0;
                ccol = curcol;
        } else {
                layout(t, e, y, x, h, w, false, &crow, &ccol);
                if (crow < e->top)
                        e->top = crow;
                if (crow >= e->top + h)
                        e->top = crow - h + 1;
                layout(t, e, y, x, h, w, true, &crow, &ccol);
                crow -= e->top;
        }
        attrset(A_NORMAL);
        if (focused) {
                t->show_cursor = true;
                t->cur_y = y + crow;
                t->cur_x = x + ccol;
        }
}
