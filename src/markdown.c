/* CommonMark to styled, wrapped lines, through md4c's callbacks. Inline text
 * of a block gathers in a flow (already made safe); when the block ends the
 * flow is wrapped under the prefixes of the quotes and list items around it.
 * md4c is linear in its input and so is this, so long bodies stay cheap. */
#include <limits.h>
#include <md4c.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dlfl/text.h"
#include "dlfl/xalloc.h"
#include "text_flow.h"

/* Deeper nesting than this is still rendered, under the deepest prefix: no
 * screen is wide enough to show more, and hostile input must stay cheap. */
#define MAX_BOXES 64
#define CODE_INDENT 4

enum box_kind { BOX_QUOTE, BOX_ITEM };

/* A container that puts a prefix before its lines: a quote or a list item. */
struct box {
        unsigned char kind;
        bool pending; /* the item's marker is still to be shown */
        bool tight;   /* an item of a tight list */
        char marker[24];
        size_t mlen;
        int mwidth;
};

struct list {
        bool ordered, tight;
        unsigned next;
};

struct link {
        char *href;
        size_t hlen;
        size_t text_off; /* where the link's text starts in the flow */
};

struct md {
        int width;
        struct text_lines *out;
        struct flow flow;
        struct flow pre1, pre2;
        struct box box[MAX_BOXES];
        size_t nbox, box_over;
        struct list *list;
        size_t nlist, listcap, list_over;
        unsigned *span;
        size_t nspan, spancap;
        struct link *link;
        size_t nlink, linkcap;
        bool emitted;     /* a line has been written */
        bool sep;         /* the next block is preceded by an empty line */
        size_t sep_depth; /* of the boxes shared by the blocks it separates */
        unsigned quote;   /* quotes open (TEXT_QUOTE applies) */
        unsigned block;   /* style of the current leaf block's text */
        unsigned heading; /* level, 0 outside a heading */
        size_t cell;      /* cells so far in the table row */
};

struct entity {
        const char *name;
        unsigned long cp;
};

/* The named references most likely in course text; others stay as typed. */
static const struct entity entities[] = {
    {"AElig", 0xc6},   {"Aacute", 0xc1},   {"Agrave", 0xc0},   {"Auml", 0xc4},
    {"Ccedil", 0xc7},  {"Dagger", 0x2021}, {"Eacute", 0xc9},   {"Egrave", 0xc8},
    {"Ntilde", 0xd1},  {"Omega", 0x3a9},   {"Ouml", 0xd6},     {"Uuml", 0xdc},
    {"aacute", 0xe1},  {"acirc", 0xe2},    {"aelig", 0xe6},    {"agrave", 0xe0},
    {"alpha", 0x3b1},  {"amp", 0x26},      {"apos", 0x27},     {"aring", 0xe5},
    {"auml", 0xe4},    {"bdquo", 0x201e},  {"beta", 0x3b2},    {"bull", 0x2022},
    {"ccedil", 0xe7},  {"cent", 0xa2},     {"check", 0x2713},  {"copy", 0xa9},
    {"dArr", 0x21d3},  {"dagger", 0x2020}, {"darr", 0x2193},   {"deg", 0xb0},
    {"delta", 0x3b4},  {"divide", 0xf7},   {"eacute", 0xe9},   {"ecirc", 0xea},
    {"egrave", 0xe8},  {"euml", 0xeb},     {"euro", 0x20ac},   {"frac12", 0xbd},
    {"frac14", 0xbc},  {"frac34", 0xbe},   {"ge", 0x2265},     {"gt", 0x3e},
    {"hArr", 0x21d4},  {"harr", 0x2194},   {"hellip", 0x2026}, {"iacute", 0xed},
    {"iexcl", 0xa1},   {"infin", 0x221e},  {"iquest", 0xbf},   {"iuml", 0xef},
    {"lArr", 0x21d0},  {"lambda", 0x3bb},  {"laquo", 0xab},    {"larr", 0x2190},
    {"ldquo", 0x201c}, {"le", 0x2264},     {"lsquo", 0x2018},  {"lt", 0x3c},
    {"mdash", 0x2014}, {"micro", 0xb5},    {"middot", 0xb7},   {"minus", 0x2212},
    {"mu", 0x3bc},     {"nbsp", 0xa0},     {"ndash", 0x2013},  {"ne", 0x2260},
    {"ntilde", 0xf1},  {"oacute", 0xf3},   {"ocirc", 0xf4},    {"ouml", 0xf6},
    {"para", 0xb6},    {"permil", 0x2030}, {"pi", 0x3c0},      {"plusmn", 0xb1},
    {"pound", 0xa3},   {"quot", 0x22},     {"rArr", 0x21d2},   {"raquo", 0xbb},
    {"rarr", 0x2192},  {"rdquo", 0x201d},  {"reg", 0xae},      {"rsquo", 0x2019},
    {"sbquo", 0x201a}, {"sect", 0xa7},     {"shy", 0xad},      {"sigma", 0x3c3},
    {"sum", 0x2211},   {"szlig", 0xdf},    {"times", 0xd7},    {"trade", 0x2122},
    {"uacute", 0xfa},  {"uarr", 0x2191},   {"uuml", 0xfc},     {"yen", 0xa5},
};

static unsigned long entity_cp(const char *s, size_t n);
static char *attr_decode(const MD_ATTRIBUTE *a, size_t *len);
static unsigned style_now(const struct md *m);
static bool in_tight_item(const struct md *m);
static void prefixes(struct md *m, size_t depth, int extra);
static void emit_sep(struct md *m);
static int emit_leaf(struct md *m, bool hard, int extra);
static void leaf_done(struct md *m);
static void container_done(struct md *m);
static void flush_para(struct md *m);
static void push_box(struct md *m, unsigned char kind);
static void pop_box(struct md *m);
static void push_item(struct md *m);
static void end_item(struct md *m);
static void end_heading(struct md *m);
static void rule(struct md *m);
static void link_open(struct md *m, const MD_ATTRIBUTE *href);
static void link_close(struct md *m);
static int enter_block(MD_BLOCKTYPE type, void *detail, void *ud);
static int leave_block(MD_BLOCKTYPE type, void *detail, void *ud);
static int enter_span(MD_SPANTYPE type, void *detail, void *ud);
static int leave_span(MD_SPANTYPE type, void *detail, void *ud);
static int on_text(MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size, void *ud);

/* The code point of "&name;", "&#123;" or "&#x1F;", 0 when unknown. */
static unsigned long entity_cp(const char *s, size_t n)
{
        unsigned long v = 0;

        if (n < 3 || s[0] != '&' || s[n - 1] != ';')
                return 0;
        if (s[1] == '#') {
                bool hex = n > 3 && (s[2] == 'x' || s[2] == 'X');
                size_t i = hex ? 3 : 2;

                if (i >= n - 1)
                        return 0;
                for (; i < n - 1; i++) {
                        int d;

                        if (s[i] >= '0' && s[i] <= '9')
                                d = s[i] - '0';
                        else if (hex && s[i] >= 'a' && s[i] <= 'f')
                                d = s[i] - 'a' + 10;
                        else if (hex && s[i] >= 'A' && s[i] <= 'F')
                                d = s[i] - 'A' + 10;
                        else
                                return 0;
                        v = v * (hex ? 16 : 10) + (unsigned long)d;
                        if (v > 0x10ffff)
                                v = 0x110000; /* saturate: too big is U+FFFD */
                }
                if (v == 0 || v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff))
                        v = 0xfffd;
                return v;
        }
        for (size_t i = 0; i < sizeof entities / sizeof entities[0]; i++) {
                if (strlen(entities[i].name) == n - 2 &&
                    memcmp(entities[i].name, s + 1, n - 2) == 0)
                        return entities[i].cp;
        }
        return 0;
}

/* An attribute (a link's address) as raw UTF-8, references decoded. */
static char *attr_decode(const MD_ATTRIBUTE *a, size_t *len)
{
        /* Decoded is never longer than 3 bytes per byte of source. */
        char *out = xmalloc((size_t)a->size * 3 + 1);
        size_t o = 0;

        for (size_t i = 0; a->substr_offsets[i] < a->size; i++) {
                const char *s = a->text + a->substr_offsets[i];
                size_t n = a->substr_offsets[i + 1] - a->substr_offsets[i];
                unsigned long cp = 0;
                char b[4];
                size_t k;

                if (a->substr_types[i] == MD_TEXT_ENTITY)
                        cp = entity_cp(s, n);
                else if (a->substr_types[i] == MD_TEXT_NULLCHAR)
                        cp = 0xfffd;
                if (cp == 0) {
                        memcpy(out + o, s, n);
                        o += n;
                        continue;
                }
                k = text_utf8_encode(cp, b);
                memcpy(out + o, b, k);
                o += k;
        }
        out[o] = '\0';
        *len = o;
        return out;
}

static unsigned style_now(const struct md *m)
{
        unsigned st = m->block | (m->nspan > 0 ? m->span[m->nspan - 1] : 0);

        return m->quote > 0 ? st | TEXT_QUOTE : st;
}

static bool in_tight_item(const struct md *m)
{
        return m->nbox > 0 && m->box[m->nbox - 1].kind == BOX_ITEM && m->box[m->nbox - 1].tight;
}

/* pre1 for a block's first line (showing pending list markers) and pre2 for
 * the others, from the first depth boxes, then extra spaces. */
static void prefixes(struct md *m, size_t depth, int extra)
{
        const char *bar = text_is_utf8() ? "\xe2\x94\x82 " : "| ";
        unsigned st = TEXT_PLAIN; /* inside a quote, all of it is quoted */

        flow_clear(&m->pre1);
        flow_clear(&m->pre2);
        for (size_t i = 0; i < depth; i++) {
                const struct box *b = &m->box[i];

                if (b->kind == BOX_QUOTE) {
                        st = TEXT_QUOTE;
                        flow_add(&m->pre1, bar, strlen(bar), st);
                        flow_add(&m->pre2, bar, strlen(bar), st);
                        continue;
                }
                if (b->pending)
                        flow_add(&m->pre1, b->marker, b->mlen, st);
                for (int k = 0; k < b->mwidth; k++) {
                        if (!b->pending)
                                flow_add(&m->pre1, " ", 1, st);
                        flow_add(&m->pre2, " ", 1, st);
                }
        }
        for (int k = 0; k < extra; k++) {
                flow_add(&m->pre1, " ", 1, st);
                flow_add(&m->pre2, " ", 1, st);
        }
}

/* The empty line between two blocks, showing the quote bars they share. */
static void emit_sep(struct md *m)
{
        if (m->emitted && m->sep) {
                prefixes(m, m->sep_depth < m->nbox ? m->sep_depth : m->nbox, 0);
                text_lines_add(m->out, &m->pre2, m->width, "", 0, 0, TEXT_PLAIN);
        }
        m->sep = false;
}

/* Writes the flow as one block; returns the widest line's text width. */
static int emit_leaf(struct md *m, bool hard, int extra)
{
        int w;

        emit_sep(m);
        prefixes(m, m->nbox, extra);
        w = flow_wrap(&m->flow, m->width, &m->pre1, &m->pre2, hard, m->out);
        for (size_t i = 0; i < m->nbox; i++)
                m->box[i].pending = false;
        m->emitted = true;
        flow_clear(&m->flow);
        return w;
}

static void leaf_done(struct md *m)
{
        m->sep = !in_tight_item(m);
        m->sep_depth = m->nbox;
}

static void container_done(struct md *m)
{
        m->sep = !in_tight_item(m);
        if (m->sep_depth > m->nbox)
                m->sep_depth = m->nbox;
}

/* Text gathered outside any paragraph (a tight list's items) or in one. */
static void flush_para(struct md *m)
{
        if (m->flow.n == 0)
                return;
        if (flow_blank(&m->flow)) {
                flow_clear(&m->flow);
                return;
        }
        emit_leaf(m, false, 0);
        leaf_done(m);
}

static void push_box(struct md *m, unsigned char kind)
{
        struct box *b;

        if (m->nbox == MAX_BOXES) {
                m->box_over++;
                return;
        }
        b = &m->box[m->nbox++];
        memset(b, 0, sizeof *b);
        b->kind = kind;
        if (kind == BOX_QUOTE)
                m->quote++;
}

static void pop_box(struct md *m)
{
        if (m->box_over > 0) {
                m->box_over--;
                return;
        }
        if (m->nbox == 0)
                return;
        if (m->box[m->nbox - 1].kind == BOX_QUOTE)
                m->quote--;
        m->nbox--;
        if (m->sep_depth > m->nbox)
                m->sep_depth = m->nbox;
}

static void push_item(struct md *m)
{
        static const char *const bullets_utf8[] = {"\xe2\x80\xa2 ", "\xe2\x97\xa6 ",
                                                   "\xe2\x96\xaa "};
        static const char *const bullets_ascii[] = {"- ", "* ", "+ "};
        struct list *l = m->nlist > 0 ? &m->list[m->nlist - 1] : NULL;
        size_t level = 0; /* bullets change with the depth of bulleted lists */
        struct box *b;
        bool at_cap = m->nbox == MAX_BOXES;

        push_box(m, BOX_ITEM);
        if (at_cap)
                return;
        for (size_t i = 0; i + 1 < m->nlist; i++)
                level += !m->list[i].ordered;
        b = &m->box[m->nbox - 1];
        b->pending = true;
        b->tight = l == NULL || l->tight;
        if (l != NULL && l->ordered) {
                int k = snprintf(b->marker, sizeof b->marker, "%u. ", l->next);

                b->mlen = (size_t)k;
                b->mwidth = k;
                if (l->next < UINT_MAX)
                        l->next++;
        } else {
                const char *s = (text_is_utf8() ? bullets_utf8 : bullets_ascii)[level % 3];

                b->mlen = strlen(s);
                memcpy(b->marker, s, b->mlen);
                b->mwidth = 2;
        }
}

/* An item with nothing in it still shows its marker. */
static void end_item(struct md *m)
{
        if (m->box_over == 0 && m->nbox > 0 && m->box[m->nbox - 1].pending) {
                struct text_lines one = {0};

                prefixes(m, m->nbox, 0);
                text_lines_add(&one, &m->pre1, m->width, "", 0, 0, TEXT_PLAIN);
                for (size_t i = 0; i < m->nbox; i++)
                        m->box[i].pending = false;
                /* On a line too narrow for the marker there is nothing to
                 * show: no line rather than an empty one. */
                if (one.lines[0].len > 0) {
                        emit_sep(m);
                        m->out->lines = xgrow(m->out->lines, &m->out->cap, m->out->count + 1,
                                              sizeof *m->out->lines);
                        m->out->lines[m->out->count++] = one.lines[0];
                        one.count = 0;
                        m->emitted = true;
                        leaf_done(m);
                }
                text_lines_free(&one);
        }
        pop_box(m);
}

/* A heading reads as one in plain text too: underlined, '=' for level 1
 * and '-' below, as wide as its text. */
static void end_heading(struct md *m)
{
        char *line;
        int w;

        m->block = 0;
        if (flow_blank(&m->flow)) {
                flow_clear(&m->flow);
                return;
        }
        w = emit_leaf(m, false, 0);
        if (w < 1)
                w = 1;
        line = xmalloc((size_t)w);
        memset(line, m->heading == 1 ? '=' : '-', (size_t)w);
        text_lines_add(m->out, &m->pre2, m->width, line, (size_t)w, w,
                       TEXT_HEADING | (m->quote > 0 ? TEXT_QUOTE : 0));
        free(line);
        leaf_done(m);
}

static void rule(struct md *m)
{
        const char *unit = text_is_utf8() ? "\xe2\x94\x80" : "-";
        size_t ul = strlen(unit);
        int w;
        char *line;

        emit_sep(m);
        prefixes(m, m->nbox, 0);
        w = flow_room(&m->pre1, m->width);
        line = xmalloc((size_t)w * ul);
        for (int i = 0; i < w; i++)
                memcpy(line + (size_t)i * ul, unit, ul);
        text_lines_add(m->out, &m->pre1, m->width, line, (size_t)w * ul, w,
                       m->quote > 0 ? TEXT_QUOTE : TEXT_PLAIN);
        free(line);
        for (size_t i = 0; i < m->nbox; i++)
                m->box[i].pending = false;
        m->emitted = true;
        leaf_done(m);
}

static void link_open(struct md *m, const MD_ATTRIBUTE *href)
{
        struct link *l;

        m->link = xgrow(m->link, &m->linkcap, m->nlink + 1, sizeof *m->link);
        l = &m->link[m->nlink++];
        l->href = attr_decode(href, &l->hlen);
        l->text_off = m->flow.len;
}

/* "text <address>", or the address alone when it is the text already
 * (an autolink). */
static void link_close(struct md *m)
{
        struct link *l;
        const char *text;
        size_t tlen;
        unsigned st = style_now(m) | TEXT_LINK;

        if (m->nlink == 0)
                return;
        l = &m->link[--m->nlink];
        if (l->text_off > m->flow.len)
                l->text_off = m->flow.len;
        text = m->flow.buf != NULL ? m->flow.buf + l->text_off : "";
        tlen = m->flow.len - l->text_off;
        if (l->hlen > 0 && !(tlen == l->hlen && memcmp(text, l->href, tlen) == 0) &&
            !(l->hlen == tlen + 7 && memcmp(l->href, "mailto:", 7) == 0 &&
              memcmp(l->href + 7, text, tlen) == 0)) {
                if (tlen > 0)
                        flow_add(&m->flow, " ", 1, st);
                flow_add(&m->flow, "<", 1, st);
                flow_add(&m->flow, l->href, l->hlen, st);
                flow_add(&m->flow, ">", 1, st);
        }
        free(l->href);
}

static int enter_block(MD_BLOCKTYPE type, void *detail, void *ud)
{
        struct md *m = ud;

        switch (type) {
        case MD_BLOCK_QUOTE:
                flush_para(m);
                push_box(m, BOX_QUOTE);
                break;
        case MD_BLOCK_UL:
        case MD_BLOCK_OL:
                flush_para(m);
                if (m->nlist >= MAX_BOXES) {
                        m->list_over++;
                        break;
                }
                m->list = xgrow(m->list, &m->listcap, m->nlist + 1, sizeof *m->list);
                if (type == MD_BLOCK_UL) {
                        m->list[m->nlist].ordered = false;
                        m->list[m->nlist].tight = ((MD_BLOCK_UL_DETAIL *)detail)->is_tight != 0;
                        m->list[m->nlist].next = 1;
                } else {
                        m->list[m->nlist].ordered = true;
                        m->list[m->nlist].tight = ((MD_BLOCK_OL_DETAIL *)detail)->is_tight != 0;
                        m->list[m->nlist].next = ((MD_BLOCK_OL_DETAIL *)detail)->start;
                }
                m->nlist++;
                break;
        case MD_BLOCK_LI:
                flush_para(m);
                push_item(m);
                break;
        case MD_BLOCK_HR:
                flush_para(m);
                rule(m);
                break;
        case MD_BLOCK_H:
                flush_para(m);
                m->heading = ((MD_BLOCK_H_DETAIL *)detail)->level;
                m->block = TEXT_HEADING | TEXT_STRONG;
                break;
        case MD_BLOCK_CODE:
                flush_para(m);
                m->block = TEXT_CODE;
                break;
        case MD_BLOCK_TR:
                flush_para(m);
                m->cell = 0;
                break;
        case MD_BLOCK_TH:
        case MD_BLOCK_TD:
                if (m->cell++ > 0)
                        flow_add(&m->flow, " | ", 3, m->quote > 0 ? TEXT_QUOTE : TEXT_PLAIN);
                m->block = type == MD_BLOCK_TH ? TEXT_STRONG : 0;
                break;
        default: /* DOC, P, HTML, TABLE, THEAD, TBODY */
                flush_para(m);
                break;
        }
        return 0;
}

static int leave_block(MD_BLOCKTYPE type, void *detail, void *ud)
{
        struct md *m = ud;

        (void)detail;
        switch (type) {
        case MD_BLOCK_QUOTE:
                flush_para(m);
                pop_box(m);
                container_done(m);
                break;
        case MD_BLOCK_UL:
        case MD_BLOCK_OL:
                flush_para(m);
                if (m->list_over > 0)
                        m->list_over--;
                else if (m->nlist > 0)
                        m->nlist--;
                container_done(m);
                break;
        case MD_BLOCK_LI:
                flush_para(m);
                end_item(m);
                break;
        case MD_BLOCK_H:
                end_heading(m);
                m->heading = 0;
                break;
        case MD_BLOCK_CODE:
                m->block = 0;
                flow_trim_lines(&m->flow);
                if (m->flow.n > 0) {
                        emit_leaf(m, true, CODE_INDENT);
                        leaf_done(m);
                }
                break;
        case MD_BLOCK_TH:
        case MD_BLOCK_TD:
                m->block = 0;
                break;
        case MD_BLOCK_TR:
                /* Rows follow one another with no empty line between. */
                if (!flow_blank(&m->flow))
                        emit_leaf(m, false, 0);
                flow_clear(&m->flow);
                break;
        case MD_BLOCK_TABLE:
                leaf_done(m);
                break;
        default: /* DOC, P, HTML, HR, THEAD, TBODY */
                flush_para(m);
                break;
        }
        return 0;
}

static int enter_span(MD_SPANTYPE type, void *detail, void *ud)
{
        struct md *m = ud;
        unsigned st = m->nspan > 0 ? m->span[m->nspan - 1] : 0;

        switch (type) {
        case MD_SPAN_EM:
                st |= TEXT_EMPH;
                break;
        case MD_SPAN_STRONG:
                st |= TEXT_STRONG;
                break;
        case MD_SPAN_CODE:
                st |= TEXT_CODE;
                break;
        case MD_SPAN_A:
                st |= TEXT_LINK;
                link_open(m, &((MD_SPAN_A_DETAIL *)detail)->href);
                break;
        case MD_SPAN_IMG:
                st |= TEXT_LINK;
                link_open(m, &((MD_SPAN_IMG_DETAIL *)detail)->src);
                break;
        default:
                break;
        }
        m->span = xgrow(m->span, &m->spancap, m->nspan + 1, sizeof *m->span);
        m->span[m->nspan++] = st;
        return 0;
}

static int leave_span(MD_SPANTYPE type, void *detail, void *ud)
{
        struct md *m = ud;

        (void)detail;
        if (m->nspan > 0)
                m->nspan--;
        if (type == MD_SPAN_A || type == MD_SPAN_IMG)
                link_close(m);
        return 0;
}

static int on_text(MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size, void *ud)
{
        struct md *m = ud;
        unsigned st = style_now(m);
        unsigned long cp;

        switch (type) {
        case MD_TEXT_NULLCHAR:
                flow_add_cp(&m->flow, 0xfffd, st);
                break;
        case MD_TEXT_BR:
                /* A break before any text would only be an empty line. */
                if (!flow_blank(&m->flow))
                        flow_add_break(&m->flow);
                break;
        case MD_TEXT_SOFTBR:
                flow_add(&m->flow, " ", 1, st);
                break;
        case MD_TEXT_ENTITY:
                cp = entity_cp(text, size);
                if (cp != 0)
                        flow_add_cp(&m->flow, cp, st);
                else
                        flow_add(&m->flow, text, size, st);
                break;
        default:
                flow_add(&m->flow, text, size, st);
                break;
        }
        return 0;
}

static void render(const char *md, int width, struct text_lines *out)
{
        MD_PARSER parser = {
            .abi_version = 0,
            .flags = MD_DIALECT_COMMONMARK | MD_FLAG_NOHTML | MD_FLAG_TABLES,
            .enter_block = enter_block,
            .leave_block = leave_block,
            .enter_span = enter_span,
            .leave_span = leave_span,
            .text = on_text,
        };
        struct md m;
        size_t n, before;

        if (md == NULL || out == NULL)
                return;
        memset(&m, 0, sizeof m);
        m.width = width < 1 ? 1 : width;
        m.out = out;
        n = strlen(md);
        /* The flow holds a paragraph at a time: room for a usual one at once. */
        m.flow.buf = xgrow(NULL, &m.flow.cap, n < 512 ? n + 1 : 512, 1);
        m.flow.u = xgrow(NULL, &m.flow.ucap, n < 512 ? n + 1 : 512, sizeof *m.flow.u);
        before = out->count;
        if (n > UINT_MAX / 2 || md_parse(md, (MD_SIZE)n, &parser, &m) != 0) {
                /* md4c ran out of memory: what it wrote may be partial, so show
                 * the source as plain text rather than lose any of it. */
                while (out->count > before) {
                        struct text_line *l = &out->lines[--out->count];

                        free(l->text);
                        free(l->spans);
                }
                text_wrap(md, m.width, 0, TEXT_PLAIN, out);
        }
        while (m.nlink > 0)
                free(m.link[--m.nlink].href);
        free(m.link);
        free(m.list);
        free(m.span);
        flow_free(&m.flow);
        flow_free(&m.pre1);
        flow_free(&m.pre2);
}

/* The player draws a screen again after every key, and the same Markdown
 * (a lesson, the menu's summaries) comes back each time at the same width:
 * a few rendered texts are kept, so a key press costs a copy, not a parse.
 * Entries are matched by content, never by pointer, so freed and reused
 * strings cannot be confused. */
#define CACHE_SLOTS 16
#define CACHE_MAX_TEXT (256u * 1024u)

static struct cached {
        char *md;
        size_t len;
        int width;
        struct text_lines tl;
        unsigned long used;
} cache[CACHE_SLOTS];
static unsigned long cache_clock;

static void append_copy(struct text_lines *out, const struct text_lines *from)
{
        if (from->count == 0)
                return;
        out->lines = xgrow(out->lines, &out->cap, out->count + from->count, sizeof(*out->lines));
        for (size_t i = 0; i < from->count; i++) {
                const struct text_line *l = &from->lines[i];
                struct text_line *c = &out->lines[out->count++];

                *c = *l;
                c->text = xstrndup(l->text, l->len);
                c->spans = NULL;
                if (l->nspans > 0) {
                        c->spans = xmalloc(l->nspans * sizeof(*c->spans));
                        memcpy(c->spans, l->spans, l->nspans * sizeof(*c->spans));
                }
        }
}

void text_render_markdown(const char *md, int width, struct text_lines *out)
{
        struct cached *slot = &cache[0];
        size_t len;

        if (md == NULL || out == NULL)
                return;
        len = strlen(md);
        if (len > CACHE_MAX_TEXT) {
                render(md, width, out);
                return;
        }
        for (size_t i = 0; i < CACHE_SLOTS; i++) {
                struct cached *c = &cache[i];

                if (c->md != NULL && c->width == width && c->len == len &&
                    memcmp(c->md, md, len) == 0) {
                        c->used = ++cache_clock;
                        append_copy(out, &c->tl);
                        return;
                }
                if (c->used < slot->used)
                        slot = c;
        }
        free(slot->md);
        text_lines_free(&slot->tl);
        render(md, width, &slot->tl);
        slot->md = xstrndup(md, len);
        slot->len = len;
        slot->width = width;
        slot->used = ++cache_clock;
        append_copy(out, &slot->tl);
}

char *text_render_plain(const char *md, int width)
{
        struct text_lines tl = {0};
        size_t total = 1, pos = 0;
        char *s;

        text_render_markdown(md, width, &tl);
        for (size_t i = 0; i < tl.count; i++)
                total += tl.lines[i].len + 1;
        s = xmalloc(total);
        for (size_t i = 0; i < tl.count; i++) {
                memcpy(s + pos, tl.lines[i].text, tl.lines[i].len);
                pos += tl.lines[i].len;
                s[pos++] = '\n';
        }
        s[pos] = '\0';
        text_lines_free(&tl);
        return s;
}

void text_finish(void)
{
        for (size_t i = 0; i < CACHE_SLOTS; i++) {
                free(cache[i].md);
                text_lines_free(&cache[i].tl);
                memset(&cache[i], 0, sizeof(cache[i]));
        }
}
