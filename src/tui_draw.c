/* Painting for the ncurses player: bars, safe text, and documents (a
 * screen's content as styled, wrapped lines that scroll). Module text only
 * reaches the terminal as text.h's lines, which hold no control, C1 or bidi
 * characters and no invalid UTF-8. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dlfl/xalloc.h"
#include "tui.h"

attr_t tui_attr(const struct tui *t, enum tui_color c)
{
        attr_t a = A_NORMAL;

        switch (c) {
        case COL_NONE:
                return A_NORMAL;
        case COL_BAR:
                return t->color ? COLOR_PAIR(COL_BAR) : A_REVERSE;
        case COL_RIGHT:
        case COL_WRONG:
        case COL_ERROR:
        case COL_HEADING:
                a = A_BOLD;
                break;
        case COL_LINK:
                a = A_UNDERLINE;
                break;
        case COL_CODE:
        case COL_NOTE:
                break;
        }
        if (t->color)
                a |= COLOR_PAIR(c);
        return a;
}

const char *tui_sym(const struct tui *t, const char *utf8, const char *ascii)
{
        return t->utf8 ? utf8 : ascii;
}

int tui_body_top(const struct tui *t)
{
        (void)t;
        return 1;
}

/* The message above the status line, as shown: a failed save wins. */
static char *message_text(const struct tui *t)
{
        if (t->save_error != NULL)
                /* The store's message may already say it was not saved. */
                return strstr(t->save_error, "saved") != NULL
                           ? xasprintf("%s", t->save_error)
                           : xasprintf("Not saved: %s", t->save_error);
        if (t->msg != NULL)
                return xasprintf("%s", t->msg);
        return NULL;
}

/* Rows the message takes: up to two, so a long one is read in full. */
static int message_rows(const struct tui *t)
{
        struct text_lines tl = {0};
        char *m = message_text(t);
        int n;

        if (m == NULL)
                return 0;
        text_wrap(m, t->cols - 2 > 1 ? t->cols - 2 : 1, 0, 0, &tl);
        n = tl.count > 1 && t->rows >= TUI_MIN_ROWS ? 2 : 1;
        text_lines_free(&tl);
        free(m);
        return n;
}

int tui_body_rows(const struct tui *t)
{
        int n = t->rows - 1 - tui_status_rows(t) - message_rows(t);

        return n < 1 ? 1 : n;
}

/* Lines longer than this are hard to read: on a wide terminal the text
 * keeps this measure and the rest is margin. */
#define TUI_READ_WIDTH 78

int tui_text_width(const struct tui *t)
{
        int w = t->cols - 2;

        if (w > TUI_READ_WIDTH)
                w = TUI_READ_WIDTH;
        return w < 8 ? 8 : w;
}

static attr_t style_attr(const struct tui *t, unsigned style)
{
        attr_t a = A_NORMAL;

        if (style & TEXT_STRONG)
                a |= A_BOLD;
        if (style & TEXT_EMPH)
                a |= A_UNDERLINE;
        if (style & TEXT_HEADING)
                a |= tui_attr(t, COL_HEADING);
        if (style & TEXT_CODE)
                a |= tui_attr(t, COL_CODE);
        if (style & TEXT_LINK)
                a |= tui_attr(t, COL_LINK);
        if (style & TEXT_QUOTE)
                a |= t->color ? tui_attr(t, COL_NOTE) : A_NORMAL;
        if (style & TEXT_ESCAPED)
                a |= A_REVERSE;
        return a;
}

/* Paints a sanitised line's bytes [0, len) with its spans' styles. */
static void paint_line(struct tui *t, int y, int x, const struct text_line *l, attr_t base)
{
        size_t pos = 0;

        move(y, x);
        for (size_t i = 0; i < l->nspans; i++) {
                const struct text_span *sp = &l->spans[i];
                if (sp->start > l->len || sp->start < pos)
                        continue;
                if (sp->start > pos) {
                        attrset(base);
                        addnstr(l->text + pos, (int)(sp->start - pos));
                }
                size_t len = sp->len;
                if (sp->start + len > l->len)
                        len = l->len - sp->start;
                attrset(base | style_attr(t, sp->style));
                addnstr(l->text + sp->start, (int)len);
                pos = sp->start + len;
        }
        if (pos < l->len) {
                attrset(base);
                addnstr(l->text + pos, (int)(l->len - pos));
        }
        attrset(A_NORMAL);
}

/* Bytes of s to show when it is printable ASCII that fits w columns (a
 * title, a status key): all but trailing spaces, as wrapping would give.
 * (size_t)-1 for anything else. */
static size_t ascii_fit(const char *s, int w)
{
        size_t shown = 0;

        for (size_t i = 0; s[i] != '\0'; i++) {
                if (s[i] < 0x20 || s[i] > 0x7e)
                        return (size_t)-1;
                if (s[i] != ' ')
                        shown = i + 1;
                if (shown > (size_t)w)
                        return (size_t)-1;
        }
        return shown;
}

void tui_put(struct tui *t, int y, int x, int w, const char *s, attr_t attr)
{
        struct text_lines tl = {0};

        if (w <= 0 || s == NULL || y < 0 || y >= t->rows || x >= t->cols)
                return;
        if (x + w > t->cols)
                w = t->cols - x;
        size_t n = ascii_fit(s, w);
        if (n != (size_t)-1) {
                /* Nothing to wrap or make safe: the wrapped line would be s. */
                if (s[0] != '\0') {
                        move(y, x);
                        attrset(attr);
                        addnstr(s, (int)n);
                        attrset(A_NORMAL);
                }
                return;
        }
        text_wrap(s, w, 0, 0, &tl);
        if (tl.count > 0 && tl.lines[0].width <= w)
                paint_line(t, y, x, &tl.lines[0], attr);
        text_lines_free(&tl);
}

static void fill_row(struct tui *t, int y, attr_t attr)
{
        attrset(attr);
        mvhline(y, 0, ' ', t->cols);
        attrset(A_NORMAL);
}

void tui_header(struct tui *t, const char *left, const char *right)
{
        attr_t bar = tui_attr(t, COL_BAR);
        int rw = right ? text_width(right, strlen(right)) : 0;

        fill_row(t, 0, bar);
        if (rw > 0 && rw + 2 <= t->cols)
                tui_put(t, 0, t->cols - rw - 1, rw, right, bar);
        else
                rw = -1;
        tui_put(t, 0, 1, t->cols - rw - 3, left, bar | A_BOLD);
}

/* The group that goes on from here: "n next", or Enter (alone or beside
 * other keys: "1-9/Enter pick"), which answers or goes on. */
static bool is_go_on(const char *g, size_t len)
{
        const char *sp = memchr(g, ' ', len);
        size_t klen = sp != NULL ? (size_t)(sp - g) : len;

        if (klen == 1 && g[0] == 'n')
                return true;
        for (size_t i = 0; i + 5 <= klen; i++)
                if (strncmp(g + i, "Enter", 5) == 0)
                        return true;
        return false;
}

static bool is_key(const char *g, size_t len, const char *key)
{
        size_t k = strlen(key);

        return len > k && strncmp(g, key, k) == 0 && g[k] == ' ';
}

/* The status area's groups ("key what"), as they are laid out on rows. */
#define MAX_GROUPS 32
struct keys_layout {
        const char *g[MAX_GROUPS];
        size_t len[MAX_GROUPS];
        bool keep[MAX_GROUPS], must[MAX_GROUPS];
        int row[MAX_GROUPS]; /* the row each kept group is on */
        size_t ng;
        int rows; /* rows used */
};

static void split_groups(const char *keys, struct keys_layout *L)
{
        const char *p = keys;
        bool go_seen = false;

        L->ng = 0;
        while (*p == ' ')
                p++;
        while (*p != '\0' && L->ng < MAX_GROUPS) {
                const char *e = strstr(p, "  ");
                size_t l = e ? (size_t)(e - p) : strlen(p), i = L->ng++;
                L->g[i] = p;
                L->len[i] = l;
                L->keep[i] = true;
                L->must[i] = is_key(p, l, "b") || is_key(p, l, "?") || is_key(p, l, "q");
                if (!go_seen && is_go_on(p, l))
                        L->must[i] = go_seen = true;
                if (e == NULL)
                        break;
                p = e;
                while (*p == ' ')
                        p++;
        }
}

/* Puts the kept groups on rows of width columns, in order, a group never
 * split; the last row also holds the note (rw columns and a gap). True
 * when they fit on nrows rows. */
static bool fill_rows(struct keys_layout *L, int width, int rw, int nrows)
{
        int r = 0, used = 0;

        for (size_t i = 0; i < L->ng; i++) {
                if (!L->keep[i])
                        continue;
                int w = text_width(L->g[i], L->len[i]);
                if (used > 0 && used + 2 + w > width) {
                        r++;
                        used = 0;
                }
                if (w > width)
                        return false;
                used += (used > 0 ? 2 : 0) + w;
                L->row[i] = r;
        }
        if (r >= nrows)
                return false;
        /* The note needs room at the end of the last row, or a row to itself. */
        if (rw > 0 && used + (used > 0 ? 3 : 0) + rw > width) {
                if (r + 1 >= nrows)
                        return false;
                r++;
        }
        L->rows = r + 1;
        return true;
}

/* Lays the keys out on as few rows as hold them all, up to max, with the
 * note (which lines are shown) when there is room, else without. When max
 * rows cannot hold every key: whole groups give way from the middle, right
 * to left, then the screen's own first key; the key that goes on (Enter or
 * n), b, ? and q stay, in that order, to the last. The note then stays
 * unless those alone leave it no room; on a very narrow line they are
 * shown by their keys alone. Returns whether the note is shown. */
static bool lay_out(struct keys_layout *L, int width, int rw, int max)
{
        size_t order[MAX_GROUPS], no = 0;

        for (size_t i = L->ng; i-- > 1;)
                if (!L->must[i])
                        order[no++] = i;
        if (L->ng > 0 && !L->must[0])
                order[no++] = 0;
        for (int with_note = rw > 0; with_note >= 0; with_note--)
                for (int n = 1; n <= max; n++)
                        if (fill_rows(L, width, with_note ? rw : 0, n))
                                return with_note;
        for (int with_note = rw > 0; with_note >= 0; with_note--) {
                for (size_t i = 0; i < L->ng; i++)
                        L->keep[i] = true;
                for (size_t k = 0; k < no; k++) {
                        L->keep[order[k]] = false;
                        if (fill_rows(L, width, with_note ? rw : 0, max))
                                return with_note;
                }
        }
        /* Still too wide: keep the four and drop their words. */
        for (size_t i = 0; i < L->ng; i++)
                if (L->keep[i] && memchr(L->g[i], ' ', L->len[i]) != NULL)
                        L->len[i] =
                            (size_t)((const char *)memchr(L->g[i], ' ', L->len[i]) - L->g[i]);
        if (!fill_rows(L, width, 0, max)) {
                /* Nothing fits: what fits of the first row is shown. */
                for (size_t i = 0; i < L->ng; i++)
                        L->row[i] = 0;
                L->rows = 1;
        }
        return false;
}

/* Rows the status area may take: two hold every screen's keys at 80
 * columns (the question fit rule of the loader counts on it); a screen
 * that scrolls, with its note and scroll keys, or a narrower terminal may
 * take a third when there are 18 rows or more (on a shorter one, the
 * text needs them more). */
static int status_max_rows(const struct tui *t)
{
        return t->rows >= 18 ? 3 : 2;
}

int tui_status_rows(const struct tui *t)
{
        int n = t->status_rows;

        return n < 1 ? 1 : n;
}

/* The keys as shown: on a public terminal q logs out instead. */
static const char *shown_keys(const struct tui *t, const char *keys, char *kbuf, size_t size)
{
        const char *q = t->app->kiosk ? strstr(keys, "q quit") : NULL;

        if (q == NULL)
                return keys;
        snprintf(kbuf, size, "%.*sq log out%s", (int)(q - keys), keys, q + 6);
        return kbuf;
}

int tui_status_need(const struct tui *t, const char *keys, const char *right)
{
        char kbuf[512];
        struct keys_layout L;

        keys = shown_keys(t, keys, kbuf, sizeof kbuf);
        split_groups(keys, &L);
        lay_out(&L, t->cols - 2, right ? text_width(right, strlen(right)) : 0, status_max_rows(t));
        return L.rows;
}

void tui_status(struct tui *t, const char *keys, const char *right)
{
        char kbuf[512];
        struct keys_layout L;

        keys = shown_keys(t, keys, kbuf, sizeof kbuf);
        attr_t bar = tui_attr(t, COL_BAR);
        int rw = right ? text_width(right, strlen(right)) : 0;
        int width = t->cols - 2;
        int rows = tui_status_rows(t);
        int top = t->rows - rows;

        char *m = message_text(t);
        if (m != NULL) {
                struct text_lines tl = {0};
                int n = message_rows(t);
                attr_t a = t->save_error != NULL || t->msg_error ? tui_attr(t, COL_ERROR) : A_BOLD;
                text_wrap(m, t->cols - 2 > 1 ? t->cols - 2 : 1, 0, 0, &tl);
                for (int i = 0; i < n && (size_t)i < tl.count; i++)
                        tui_put(t, top - n + i, 1, t->cols - 2, tl.lines[i].text, a);
                text_lines_free(&tl);
                free(m);
        }
        /* How many rows the keys want; the screen is painted again with
         * that many when the body was laid out for another number. */
        t->status_need = tui_status_need(t, keys, right);
        split_groups(keys, &L);
        bool note = lay_out(&L, width, rw, rows);
        for (int r = 0; r < rows; r++)
                fill_row(t, top + r, bar);
        int x = 1, r0 = -1;
        for (size_t i = 0; i < L.ng; i++) {
                if (!L.keep[i] || L.row[i] >= rows)
                        continue;
                if (L.row[i] != r0) {
                        x = 1;
                        r0 = L.row[i];
                } else {
                        x += 2;
                }
                int w = text_width(L.g[i], L.len[i]);
                char *g = xasprintf("%.*s", (int)L.len[i], L.g[i]);
                tui_put(t, top + L.row[i], x, t->cols - 1 - x, g, bar);
                free(g);
                x += w;
        }
        if (note && rw > 0 && rw + 2 < t->cols)
                tui_put(t, top + L.rows - 1, t->cols - rw - 1, rw, right, bar);
}

void tui_doc_reset(struct tui_doc *d, int width)
{
        text_lines_free(&d->tl);
        memset(&d->tl, 0, sizeof d->tl);
        d->ndeco = 0;
        d->nrows = 0;
        d->width = width < 8 ? 8 : width;
}

void tui_doc_free(struct tui_doc *d)
{
        text_lines_free(&d->tl);
        free(d->deco);
        free(d->rows);
        memset(d, 0, sizeof *d);
}

static void push_row(struct tui_doc *d, size_t line, int item)
{
        if (d->nrows == d->rows_cap)
                d->rows = xgrow(d->rows, &d->rows_cap, d->nrows + 1, sizeof *d->rows);
        d->rows[d->nrows].line = line;
        d->rows[d->nrows].item = item;
        d->nrows++;
}

/* Decorates the lines appended since `before`: the prefix goes on the
 * first non-empty line, empty lines at either end are dropped. */
static void decorate(struct tui_doc *d, size_t before, const char *prefix, int item, attr_t attr,
                     short pair)
{
        size_t n = d->tl.count;
        size_t first = before, last = n;
        int indent = prefix ? text_width(prefix, strlen(prefix)) : 0;

        d->deco = xrealloc(d->deco, (n ? n : 1) * sizeof *d->deco);
        for (size_t i = d->ndeco; i < n; i++) {
                struct tui_deco *dc = &d->deco[i];
                memset(dc, 0, sizeof *dc);
                dc->indent = indent;
                dc->item = item;
                dc->attr = attr;
                dc->pair = pair;
        }
        d->ndeco = n;
        while (first < n && d->tl.lines[first].len == 0)
                first++;
        while (last > first && d->tl.lines[last - 1].len == 0)
                last--;
        if (first == last) {
                /* Nothing to show but the prefix (an empty choice text). */
                if (prefix != NULL && prefix[0] != '\0' && before < n) {
                        snprintf(d->deco[before].prefix, sizeof d->deco[before].prefix, "%s",
                                 prefix);
                        push_row(d, before, item);
                }
                return;
        }
        if (prefix != NULL)
                snprintf(d->deco[first].prefix, sizeof d->deco[first].prefix, "%s", prefix);
        for (size_t i = first; i < last; i++)
                push_row(d, i, item);
}

static int content_width(const struct tui_doc *d, const char *prefix)
{
        int w = d->width - (prefix ? text_width(prefix, strlen(prefix)) : 0);

        return w < 4 ? 4 : w;
}

void tui_doc_md(struct tui_doc *d, const char *md, const char *prefix, int item, attr_t attr,
                short pair)
{
        size_t before = d->tl.count;

        text_render_markdown(md ? md : "", content_width(d, prefix), &d->tl);
        decorate(d, before, prefix, item, attr, pair);
}

void tui_doc_text(struct tui_doc *d, const char *text, const char *prefix, int item, attr_t attr,
                  short pair)
{
        size_t before = d->tl.count;

        text_wrap(text ? text : "", content_width(d, prefix), 0, TEXT_PLAIN, &d->tl);
        decorate(d, before, prefix, item, attr, pair);
}

void tui_doc_blank(struct tui_doc *d)
{
        if (d->nrows > 0 &&
            !(d->rows[d->nrows - 1].line == TUI_NO_LINE && d->rows[d->nrows - 1].item == -1))
                push_row(d, TUI_NO_LINE, -1);
}

void tui_doc_space(struct tui_doc *d, int item, int n)
{
        for (int i = 0; i < n; i++)
                push_row(d, TUI_NO_LINE, item);
}

int tui_doc_screen_row(const struct tui *t, int scroll, int row)
{
        if (row < scroll || row >= scroll + tui_body_rows(t))
                return -1;
        return tui_body_top(t) + row - scroll;
}

int tui_doc_item_first(const struct tui_doc *d, int item)
{
        for (size_t i = 0; i < d->nrows; i++)
                if (d->rows[i].item == item)
                        return (int)i;
        return -1;
}

int tui_doc_item_last(const struct tui_doc *d, int item)
{
        for (size_t i = d->nrows; i-- > 0;)
                if (d->rows[i].item == item)
                        return (int)i;
        return -1;
}

void tui_doc_reveal(const struct tui_doc *d, int item, int height, int *scroll)
{
        int first = tui_doc_item_first(d, item), last = tui_doc_item_last(d, item);

        if (first < 0)
                return;
        if (last - first + 1 > height)
                last = first + height - 1;
        if (last >= *scroll + height)
                *scroll = last - height + 1;
        if (first < *scroll)
                *scroll = first;
}

static void clamp_scroll(const struct tui_doc *d, int height, int *scroll)
{
        int max = (int)d->nrows - height;

        if (max < 0)
                max = 0;
        if (*scroll > max)
                *scroll = max;
        if (*scroll < 0)
                *scroll = 0;
}

void tui_doc_paint(struct tui *t, const struct tui_doc *d, int *scroll, int sel)
{
        int top = tui_body_top(t), h = tui_body_rows(t);

        clamp_scroll(d, h, scroll);
        for (int i = 0; i < h && (size_t)(*scroll + i) < d->nrows; i++) {
                size_t li = d->rows[*scroll + i].line;
                if (li == TUI_NO_LINE)
                        continue;
                const struct tui_deco *dc = &d->deco[li];
                attr_t a = dc->attr | (t->color && dc->pair ? COLOR_PAIR(dc->pair) : 0);
                if (sel >= 0 && dc->item == sel) {
                        a |= A_REVERSE;
                        attrset(a);
                        mvhline(top + i, 1, ' ', d->width);
                }
                if (dc->prefix[0] != '\0')
                        tui_put(t, top + i, 1, dc->indent, dc->prefix, a);
                paint_line(t, top + i, 1 + dc->indent, &d->tl.lines[li], a);
        }
        attrset(A_NORMAL);
}

void tui_scroll_note(const struct tui *t, const struct tui_doc *d, int scroll, char *buf, size_t n)
{
        int h = tui_body_rows(t);
        int total = (int)d->nrows;

        if (total <= h) {
                snprintf(buf, n, "%s", "");
                return;
        }
        int last = scroll + h > total ? total : scroll + h;
        /* The lines shown, of all (1-22/32), no whole-number percent: percentages are
         * shown with one decimal everywhere, and lines say it exactly. */
        snprintf(buf, n, "%d-%d/%d", scroll + 1, last, total);
}

bool tui_space_pages(struct tui *t, const struct tui_doc *d)
{
        int h = tui_body_rows(t);

        if (t->scroll + h >= (int)d->nrows)
                return false;
        t->scroll += h > 2 ? h - 1 : 1;
        clamp_scroll(d, h, &t->scroll);
        return true;
}

bool tui_list_key(int *cursor, const struct tui_key *k, int n, bool wrap, int page)
{
        int c = *cursor;

        switch (k->act) {
        case TA_UP:
                c = c > 0 ? c - 1 : wrap ? n - 1 : 0;
                break;
        case TA_DOWN:
                c = c < n - 1 ? c + 1 : wrap ? 0 : n - 1;
                break;
        case TA_PGUP:
        case TA_PGDN:
        case TA_HOME:
        case TA_END:
                if (page <= 0)
                        return false;
                if (k->act == TA_HOME)
                        c = 0;
                else if (k->act == TA_END)
                        c = n - 1;
                else
                        c += k->act == TA_PGUP ? -page : page;
                break;
        default:
                return false;
        }
        if (c > n - 1)
                c = n - 1;
        *cursor = c < 0 ? 0 : c;
        return true;
}

bool tui_scroll_key(struct tui *t, const struct tui_key *k, const struct tui_doc *d)
{
        int h = tui_body_rows(t);

        switch (k->act) {
        case TA_UP:
                t->scroll--;
                break;
        case TA_DOWN:
                t->scroll++;
                break;
        case TA_PGUP:
                t->scroll -= h > 2 ? h - 1 : 1;
                break;
        case TA_PGDN:
                t->scroll += h > 2 ? h - 1 : 1;
                break;
        case TA_HOME:
                t->scroll = 0;
                break;
        case TA_END:
                t->scroll = (int)d->nrows;
                break;
        default:
                return false;
        }
        clamp_scroll(d, h, &t->scroll);
        t->scrolled = true;
        return true;
}

void tui_box(struct tui *t, int h, int w, int *y, int *x, int *ih, int *iw)
{
        if (w > t->cols)
                w = t->cols;
        /* Between the title bar and the status area. */
        int room = t->rows - 1 - tui_status_rows(t);
        if (h > room)
                h = room;
        int top = 1 + (room - h) / 2, left = (t->cols - w) / 2;
        attrset(A_NORMAL);
        for (int i = 0; i < h; i++)
                mvhline(top + i, left, ' ', w);
        /* Line drawing only in a UTF-8 locale; plain ASCII elsewhere. */
        chtype hl = t->utf8 ? ACS_HLINE : '-', vl = t->utf8 ? ACS_VLINE : '|';
        chtype ul = t->utf8 ? ACS_ULCORNER : '+', ur = t->utf8 ? ACS_URCORNER : '+';
        chtype ll = t->utf8 ? ACS_LLCORNER : '+', lr = t->utf8 ? ACS_LRCORNER : '+';
        mvaddch(top, left, ul);
        mvhline(top, left + 1, hl, w - 2);
        mvaddch(top, left + w - 1, ur);
        mvvline(top + 1, left, vl, h - 2);
        mvvline(top + 1, left + w - 1, vl, h - 2);
        mvaddch(top + h - 1, left, ll);
        mvhline(top + h - 1, left + 1, hl, w - 2);
        mvaddch(top + h - 1, left + w - 1, lr);
        *y = top + 1;
        *x = left + 2;
        *ih = h - 2;
        *iw = w - 4;
}
