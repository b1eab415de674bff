/* The text layer: widths, escaping, wrapping and Markdown, in a UTF-8 locale
 * and in the C locale's ASCII fallback. Every produced line is also checked
 * against the promises of text.h (safe bytes, width, spans). */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "dlfl/text.h"

static int setup_utf8(void **state)
{
        (void)state;
        if (setlocale(LC_ALL, "C.UTF-8") == NULL)
                return -1;
        text_init();
        return text_is_utf8() ? 0 : -1;
}

static int setup_ascii(void **state)
{
        (void)state;
        if (setlocale(LC_ALL, "C") == NULL)
                return -1;
        text_init();
        return text_is_utf8() ? -1 : 0;
}

/* Strict UTF-8 decoding for the checks: length, or 0 if invalid. */
static size_t dec(const unsigned char *s, size_t n, unsigned long *cp)
{
        size_t len = s[0] < 0x80                    ? 1
                     : s[0] >= 0xc2 && s[0] <= 0xdf ? 2
                     : s[0] >= 0xe0 && s[0] <= 0xef ? 3
                     : s[0] >= 0xf0 && s[0] <= 0xf4 ? 4
                                                    : 0;
        unsigned long v;

        if (len == 0 || len > n)
                return 0;
        v = len == 1 ? s[0] : (unsigned long)(s[0] & (0x7f >> len));
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

/* Nothing a terminal would act on: no C0 (tab and newline only where
 * allowed), DEL, C1, bidi controls or invalid UTF-8; ASCII outside UTF-8. */
static void assert_safe(const char *s, size_t n, bool tab_nl)
{
        const unsigned char *u = (const unsigned char *)s;

        for (size_t i = 0; i < n;) {
                unsigned long cp = 0;
                size_t k = dec(u + i, n - i, &cp);

                assert_true(k > 0);
                if (!text_is_utf8())
                        assert_true(cp < 0x80);
                if (!(tab_nl && (cp == '\t' || cp == '\n')))
                        assert_false(cp < 0x20 || (cp >= 0x7f && cp <= 0x9f));
                assert_false((cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069));
                i += k;
        }
}

/* The promises of text.h for every line. */
static void check_lines(const struct text_lines *tl, int width)
{
        if (width < 1)
                width = 1;
        for (size_t i = 0; i < tl->count; i++) {
                const struct text_line *l = &tl->lines[i];
                size_t pos = 0;

                assert_int_equal(strlen(l->text), l->len);
                assert_safe(l->text, l->len, false);
                assert_int_equal(text_width(l->text, l->len), l->width);
                /* A lone cluster wider than the room left (a CJK character
                 * at width 1, joined emoji) is the only excess: it takes at
                 * most 8 columns, the prefix at most half the width. */
                assert_true(l->width <= width || l->width <= width / 2 + 8);
                if (l->len > 0)
                        assert_true(l->text[l->len - 1] != ' ');
                for (size_t j = 0; j < l->nspans; j++) {
                        assert_int_equal(l->spans[j].start, pos);
                        assert_true(l->spans[j].len > 0);
                        if (j > 0)
                                assert_true(l->spans[j].style != l->spans[j - 1].style);
                        pos += l->spans[j].len;
                }
                assert_int_equal(pos, l->len);
        }
}

/* "start+len:style" for each span, style in hex, space separated. */
static const char *spans(const struct text_line *l)
{
        static char buf[512];
        size_t o = 0;

        buf[0] = '\0';
        for (size_t j = 0; j < l->nspans && o < sizeof buf - 32; j++)
                o += (size_t)snprintf(buf + o, sizeof buf - o, "%s%zu+%zu:%x", j ? " " : "",
                                      l->spans[j].start, l->spans[j].len, l->spans[j].style);
        return buf;
}

/* The lines joined with '\n' after each, for exact comparison. */
static char *joined(const struct text_lines *tl)
{
        size_t n = 1, o = 0;
        char *s;

        for (size_t i = 0; i < tl->count; i++)
                n += tl->lines[i].len + 1;
        s = malloc(n);
        assert_non_null(s);
        for (size_t i = 0; i < tl->count; i++) {
                memcpy(s + o, tl->lines[i].text, tl->lines[i].len);
                o += tl->lines[i].len;
                s[o++] = '\n';
        }
        s[o] = '\0';
        return s;
}

static void wrap_is(const char *in, int width, int indent, const char *want)
{
        struct text_lines tl = {0};
        char *got;

        text_wrap(in, width, indent, TEXT_PLAIN, &tl);
        check_lines(&tl, width);
        got = joined(&tl);
        assert_string_equal(got, want);
        free(got);
        text_lines_free(&tl);
}

static void md_is(const char *md, int width, const char *want)
{
        struct text_lines tl = {0};
        char *got, *plain;

        text_render_markdown(md, width, &tl);
        check_lines(&tl, width);
        got = joined(&tl);
        assert_string_equal(got, want);
        plain = text_render_plain(md, width);
        assert_string_equal(plain, want);
        free(plain);
        free(got);
        text_lines_free(&tl);
}

static void sanitize_is(const char *in, const char *want)
{
        char *got = text_sanitize(in);

        assert_string_equal(got, want);
        assert_safe(got, strlen(got), true);
        free(got);
}

/* Renders md and checks line i's text and spans. */
static void md_line_is(const char *md, int width, size_t i, const char *text, const char *sp)
{
        struct text_lines tl = {0};

        text_render_markdown(md, width, &tl);
        check_lines(&tl, width);
        assert_true(i < tl.count);
        assert_string_equal(tl.lines[i].text, text);
        assert_string_equal(spans(&tl.lines[i]), sp);
        text_lines_free(&tl);
}

/* ---- widths ---- */

static void width_ascii(void **state)
{
        (void)state;
        assert_int_equal(text_width("hello", 5), 5);
        assert_int_equal(text_width("", 0), 0);
        assert_int_equal(text_width("hello", 3), 3);
        assert_int_equal(text_width(NULL, 4), 0);
}

static void width_cjk(void **state)
{
        (void)state;
        assert_int_equal(text_width("\xe4\xb8\xad\xe6\x96\x87", 6), 4); /* 中文 */
        assert_int_equal(text_width("a\xe4\xb8\xad", 4), 3);
        assert_int_equal(text_width("\xef\xbc\xa1", 3), 2); /* fullwidth A */
}

static void width_combining(void **state)
{
        (void)state;
        assert_int_equal(text_width("e\xcc\x81", 3), 1);                 /* e + acute */
        assert_int_equal(text_width("a\xcc\x81\xcc\xa7\xcc\x88", 7), 1); /* stacked marks */
        assert_int_equal(text_width("caf\xc3\xa9", 5), 4);               /* precomposed */
}

static void width_emoji(void **state)
{
        const char *family =
            "\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7";
        char *want;
        int w;

        (void)state;
        assert_int_equal(text_width("\xf0\x9f\x98\x80", 4), 2); /* grinning face */
        /* A ZWJ sequence: as wide as ncurses will count it (2 per person,
         * the joiners 0), and never split by wrapping. */
        w = text_width(family, strlen(family));
        assert_true(w >= 2 && w <= 6);
        want = malloc(strlen(family) + 3);
        assert_non_null(want);
        sprintf(want, "%s\n", family);
        wrap_is(family, 4, 0, want);
        free(want);
}

static void width_escapes(void **state)
{
        (void)state;
        assert_int_equal(text_width("\x1b", 1), 2);                 /* ^[ */
        assert_int_equal(text_width("\xe2\x80\xae", 3), 9);         /* ^<U+202E> */
        assert_int_equal(text_width("\xff", 1), 1);                 /* U+FFFD */
        assert_int_equal(text_width("a\tb", 3), 9);                 /* tab stop 8 */
        assert_int_equal(text_width("abc\nde", 6), 3);              /* widest line */
        assert_int_equal(text_width("\xf0\x9f\x98\x80\x7f", 5), 4); /* ^? */
}

/* ---- wrapping ---- */

static void wrap_words(void **state)
{
        (void)state;
        wrap_is("the quick brown fox jumps over the lazy dog", 10, 0,
                "the quick\nbrown fox\njumps over\nthe lazy\ndog\n");
        wrap_is("the quick brown fox", 80, 0, "the quick brown fox\n");
        wrap_is("exactly ten", 11, 0, "exactly ten\n");
        wrap_is("exactly ten", 10, 0, "exactly\nten\n");
}

static void wrap_long_words(void **state)
{
        (void)state;
        wrap_is("abcdefghijkl", 5, 0, "abcde\nfghij\nkl\n");
        wrap_is("go abcdefghijkl", 5, 0, "go\nabcde\nfghij\nkl\n");
        /* Too wide for any line: cut where it starts, if there is room. */
        wrap_is("see https://example.org/a/b/c/d/e/f", 20, 0,
                "see https://example.\norg/a/b/c/d/e/f\n");
        /* CJK by columns: a 2-column character never straddles the edge. */
        wrap_is("\xe4\xb8\xad\xe6\x96\x87\xe4\xb8\xad\xe6\x96\x87\xe4\xb8\xad", 5, 0,
                "\xe4\xb8\xad\xe6\x96\x87\n\xe4\xb8\xad\xe6\x96\x87\n\xe4\xb8\xad\n");
        /* A combining mark stays with its base. */
        wrap_is("e\xcc\x81"
                "e\xcc\x81"
                "e\xcc\x81",
                2, 0,
                "e\xcc\x81"
                "e\xcc\x81\n"
                "e\xcc\x81\n");
}

static void wrap_hanging_indent(void **state)
{
        (void)state;
        wrap_is("aaa bbb ccc ddd", 8, 2, "aaa bbb\n  ccc\n  ddd\n");
        wrap_is("1. first choice text", 10, 3, "1. first\n   choice\n   text\n");
        /* An indent wider than half the line is cut down to leave room. */
        wrap_is("aa bb cc", 4, 10, "aa\n  bb\n  cc\n");
}

static void wrap_width_one(void **state)
{
        struct text_lines tl = {0};

        (void)state;
        wrap_is("ab c", 1, 0, "a\nb\nc\n");
        wrap_is("ab c", 0, 0, "a\nb\nc\n");
        wrap_is("ab c", -7, 3, "a\nb\nc\n");
        /* A wide character alone on its line: shown, not lost or looped on. */
        text_wrap("\xe4\xb8\xad\xe6\x96\x87", 1, 0, 0, &tl);
        check_lines(&tl, 1);
        assert_int_equal(tl.count, 2);
        assert_int_equal(tl.lines[0].width, 2);
        text_lines_free(&tl);
}

static void wrap_empty_and_newlines(void **state)
{
        struct text_lines tl = {0};

        (void)state;
        wrap_is("", 10, 0, "");
        wrap_is("\n", 10, 0, "\n");
        wrap_is("a\n", 10, 0, "a\n");
        wrap_is("a\n\nb", 10, 0, "a\n\nb\n");
        wrap_is("a\nb c d", 3, 2, "a\n  b\n  c\n  d\n");
        text_wrap(NULL, 10, 0, 0, &tl);
        assert_int_equal(tl.count, 0);
        text_lines_free(&tl);
        text_lines_free(NULL);
}

static void wrap_spaces_and_tabs(void **state)
{
        struct text_lines tl = {0};

        (void)state;
        wrap_is("word   ", 10, 0, "word\n");
        wrap_is("a    b", 3, 0, "a\nb\n");
        wrap_is("a  b", 10, 0, "a  b\n");
        wrap_is("  indented", 20, 0, "  indented\n");
        wrap_is("a\tb", 20, 0, "a       b\n");
        wrap_is("a\tb", 4, 0, "a\nb\n");
        text_wrap("bold words", 20, 0, TEXT_STRONG, &tl);
        assert_string_equal(spans(&tl.lines[0]), "0+10:1");
        text_lines_free(&tl);
}

static void wrap_escaped_style(void **state)
{
        struct text_lines tl = {0};

        (void)state;
        text_wrap("a\x1b"
                  "b \xe2\x80\xae",
                  40, 0, TEXT_PLAIN, &tl);
        check_lines(&tl, 40);
        assert_string_equal(tl.lines[0].text, "a^[b ^<U+202E>");
        assert_string_equal(spans(&tl.lines[0]), "0+1:0 1+2:40 3+2:0 5+9:40");
        text_lines_free(&tl);
        /* A stand-in wider than the line is cut like a word. */
        wrap_is("\xe2\x80\xae", 4, 0, "^<U+\n202E\n>\n");
}

static void wrap_appends(void **state)
{
        struct text_lines tl = {0};

        (void)state;
        text_wrap("one", 10, 0, 0, &tl);
        text_wrap("two", 10, 0, 0, &tl);
        assert_int_equal(tl.count, 2);
        assert_string_equal(tl.lines[1].text, "two");
        text_lines_free(&tl);
        assert_null(tl.lines);
        assert_int_equal(tl.count, 0);
}

/* ---- sanitizing ---- */

static void sanitize_terminal_escapes(void **state)
{
        (void)state;
        sanitize_is("\x1b]0;x\x07", "^[]0;x^G");
        sanitize_is("\x1b[2J", "^[[2J");
        sanitize_is("a\rb", "a^Mb");
        sanitize_is("\x7f", "^?");
        sanitize_is("\x01\x1f", "^A^_");
}

static void sanitize_c1_bidi(void **state)
{
        (void)state;
        sanitize_is("\xc2\x9b"
                    "2J",
                    "^<U+009B>2J");
        sanitize_is("\xc2\x85", "^<U+0085>");
        sanitize_is("abc\xe2\x80\xae"
                    "def",
                    "abc^<U+202E>def");
        sanitize_is("\xe2\x80\xaa\xe2\x81\xa6\xe2\x81\xa9", "^<U+202A>^<U+2066>^<U+2069>");
        /* What the locale cannot print (a line separator, unassigned). */
        sanitize_is("\xe2\x80\xa8", "<U+2028>");
        sanitize_is("\xcd\xb8", "<U+0378>");
}

static void sanitize_invalid(void **state)
{
        (void)state;
        sanitize_is("a\xff"
                    "b",
                    "a\xef\xbf\xbd"
                    "b");
        sanitize_is("a\xe2\x82", "a\xef\xbf\xbd"); /* truncated */
        sanitize_is("\xe2\x82"
                    "A",
                    "\xef\xbf\xbd"
                    "A");                                    /* cut short */
        sanitize_is("\xc0\xaf", "\xef\xbf\xbd\xef\xbf\xbd"); /* overlong */
        sanitize_is("\xed\xa0\x80", "\xef\xbf\xbd");         /* surrogate */
        sanitize_is("\xf4\x90\x80\x80", "\xef\xbf\xbd");     /* past U+10FFFF */
        sanitize_is("\x80", "\xef\xbf\xbd");                 /* lone continuation */
}

static void sanitize_keeps_text(void **state)
{
        char *s;

        (void)state;
        sanitize_is("caf\xc3\xa9 \xe4\xb8\xad \xf0\x9f\x98\x80",
                    "caf\xc3\xa9 \xe4\xb8\xad \xf0\x9f\x98\x80");
        sanitize_is("a\tb\nc", "a\tb\nc");
        sanitize_is(NULL, "");
        s = text_sanitize_line("a\tb\nc\x1b");
        assert_string_equal(s, "a b c^[");
        free(s);
}

/* A message quoting anything is cut short on a character boundary, never
 * inside one, and after the escaping (which makes it longer). */
static void sanitize_line_max_cuts_whole(void **state)
{
        char *s;

        (void)state;
        s = text_sanitize_line_max("ab\xc3\xa9"
                                   "cd",
                                   3);
        assert_string_equal(s, "ab");
        free(s);
        s = text_sanitize_line_max("ab\xc3\xa9"
                                   "cd",
                                   4);
        assert_string_equal(s, "ab\xc3\xa9");
        free(s);
        s = text_sanitize_line_max("a\nb\x1b", 4);
        assert_string_equal(s, "a b^");
        free(s);
        s = text_sanitize_line_max(NULL, 4);
        assert_string_equal(s, "");
        free(s);
}

/* ---- Markdown ---- */

static void md_paragraphs(void **state)
{
        (void)state;
        md_is("a\nb\n\n\n\nc", 80, "a b\n\nc\n");
        md_is("\n\n  one paragraph  \n\n", 80, "one paragraph\n");
        md_is("", 80, "");
        md_is("the quick brown fox jumps", 10, "the quick\nbrown fox\njumps\n");
}

static void md_headings(void **state)
{
        (void)state;
        md_is("# Title\nText", 80, "Title\n=====\n\nText\n");
        md_is("## Section two\n\nText", 80, "Section two\n-----------\n\nText\n");
        md_is("Setext\n======", 80, "Setext\n======\n");
        md_is("### A long heading here", 10, "A long\nheading\nhere\n-------\n");
        md_line_is("# Hello *you*", 80, 0, "Hello you", "0+6:9 6+3:b");
        md_line_is("# Hello", 80, 1, "=====", "0+5:8");
}

static void md_bullets(void **state)
{
        (void)state;
        md_is("- one\n- two\n- three", 80,
              "\xe2\x80\xa2 one\n\xe2\x80\xa2 two\n\xe2\x80\xa2 three\n");
        md_is("- a long item that wraps", 10, "\xe2\x80\xa2 a long\n  item\n  that\n  wraps\n");
        md_is("Before:\n\n- a\n- b\n\nAfter", 80,
              "Before:\n\n\xe2\x80\xa2 a\n\xe2\x80\xa2 b\n\nAfter\n");
        /* A loose list keeps its items apart. */
        md_is("- a\n\n- b", 80, "\xe2\x80\xa2 a\n\n\xe2\x80\xa2 b\n");
        md_is("- a\n-\n- c", 80, "\xe2\x80\xa2 a\n\xe2\x80\xa2\n\xe2\x80\xa2 c\n");
}

static void md_nested_lists(void **state)
{
        (void)state;
        md_is("- a\n  - b\n    - c\n- d", 80,
              "\xe2\x80\xa2 a\n  \xe2\x97\xa6 b\n    \xe2\x96\xaa c\n\xe2\x80\xa2 d\n");
        md_is("1. a\n   - b wraps here\n2. c", 10,
              "1. a\n   \xe2\x80\xa2 b\n     wraps\n     here\n2. c\n");
        md_is("- a\n\n  second para\n- b", 80,
              "\xe2\x80\xa2 a\n\n  second para\n\n\xe2\x80\xa2 b\n");
}

static void md_numbered(void **state)
{
        (void)state;
        md_is("1. first\n2. second", 80, "1. first\n2. second\n");
        md_is("3. c\n4. d", 80, "3. c\n4. d\n");
        md_is("1. a long item", 8, "1. a\n   long\n   item\n");
        md_is("9. a\n10. b cd", 7, "9. a\n10. b\n    cd\n");
        /* Past half the width a prefix loses columns from its left. */
        md_is("10. b", 6, "0. b\n");
}

static void md_inline_styles(void **state)
{
        (void)state;
        md_line_is("a **b** *c* `d e`", 80, 0, "a b c d e", "0+2:0 2+1:1 3+1:0 4+1:2 5+1:0 6+3:4");
        md_line_is("***both***", 80, 0, "both", "0+4:3");
        md_line_is("_under_", 80, 0, "under", "0+5:2");
}

static void md_quotes(void **state)
{
        (void)state;
        md_is("> a\n>\n> b", 80, "\xe2\x94\x82 a\n\xe2\x94\x82\n\xe2\x94\x82 b\n");
        md_is("> quoted text wraps", 10,
              "\xe2\x94\x82 quoted\n\xe2\x94\x82 text\n\xe2\x94\x82 wraps\n");
        md_is("> > inner", 80, "\xe2\x94\x82 \xe2\x94\x82 inner\n");
        md_is("a\n\n> q\n\nb", 80, "a\n\n\xe2\x94\x82 q\n\nb\n");
        md_line_is("> a **b**", 80, 0, "\xe2\x94\x82 a b", "0+6:10 6+1:11");
}

static void md_links(void **state)
{
        (void)state;
        md_is("see [the site](https://example.org/x) now", 80,
              "see the site <https://example.org/x> now\n");
        md_line_is("[t](u)", 80, 0, "t <u>", "0+5:20");
        md_is("<https://example.org>", 80, "https://example.org\n");
        md_is("<me@example.org>", 80, "me@example.org\n");
        md_is("[a](b \"title\")", 80, "a <b>\n");
        md_is("[a](http://x?a=1&amp;b=2)", 80, "a <http://x?a=1&b=2>\n");
        md_is("[](http://x)", 80, "<http://x>\n");
}

static void md_breaks(void **state)
{
        (void)state;
        md_is("a  \nb", 80, "a\nb\n");
        md_is("a\\\nb", 80, "a\nb\n");
        md_is("a\nb", 80, "a b\n");
        md_is("- a  \n  b", 80, "\xe2\x80\xa2 a\n  b\n");
}

static void md_code_blocks(void **state)
{
        (void)state;
        md_is("```\nx  y\n  z\n```", 80, "    x  y\n      z\n");
        md_is("    indented code\n    more", 80, "    indented code\n    more\n");
        md_is("text\n\n```c\nint a;\n\nint b;\n```\n\nafter", 80,
              "text\n\n    int a;\n\n    int b;\n\nafter\n");
        /* Verbatim even where words would wrap, cut only past the width. */
        md_is("```\naaa bbb\n```", 11, "    aaa bbb\n");
        md_is("```\n0123456789abcdef\n```", 12, "    01234567\n    89abcdef\n");
        md_is("```\n\tx\n```", 80, "        x\n"); /* md4c: tab stops of 4 */
        md_line_is("```\ncode\n```", 80, 0, "    code", "0+4:0 4+4:4");
}

static void md_rule(void **state)
{
        (void)state;
        md_is("a\n\n---\n\nb", 5,
              "a\n\n\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\n\nb\n");
        md_is("***", 3, "\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\n");
}

static void md_other_as_text(void **state)
{
        (void)state;
        md_is("| h1 | h2 |\n|----|----|\n| a  | b  |", 80, "h1 | h2\na | b\n");
        md_line_is("| h1 | h2 |\n|----|----|\n| a  | b  |", 80, 0, "h1 | h2", "0+2:1 2+3:0 5+2:1");
        md_is("![a cat](cat.png)", 80, "a cat <cat.png>\n");
        md_is("<b>bold</b> text", 80, "<b>bold</b> text\n");
        md_is("<div>\nhi\n</div>", 80, "<div> hi </div>\n");
        md_is("<!-- note -->", 80, "<!-- note -->\n");
        md_is("~~strike~~", 80, "~~strike~~\n");
        md_is("&amp; &copy; &#65; &#x1F600; &#0; &bogus;", 80,
              "& \xc2\xa9 A \xf0\x9f\x98\x80 \xef\xbf\xbd &bogus;\n");
}

/* Blocks inside blocks: the prefixes stack, empty lines show the bars. */
static void md_combined(void **state)
{
        (void)state;
        md_is("## Steps\n\n1. Open the **terminal**.\n2. Type:\n\n   ```\n   ls -l\n   ```\n\n"
              "3. Read the [manual](https://man7.org/ls.html).\n\n"
              "> **Note:** a list:\n> - one\n> - two\n>\n> ```\n> quoted code\n> ```\n\n"
              "- # Head in item\n0. zero\n\n[![logo](l.png)](http://x)\n",
              40,
              "Steps\n-----\n\n1. Open the terminal.\n\n2. Type:\n\n       ls -l\n\n"
              "3. Read the manual\n   <https://man7.org/ls.html>.\n\n"
              "\xe2\x94\x82 Note: a list:\n\xe2\x94\x82\n\xe2\x94\x82 \xe2\x80\xa2 one\n"
              "\xe2\x94\x82 \xe2\x80\xa2 two\n\xe2\x94\x82\n\xe2\x94\x82     quoted code\n\n"
              "\xe2\x80\xa2 Head in item\n  ============\n\n0. zero\n\nlogo <l.png> <http://x>\n");
        md_line_is("> - one", 40, 0, "\xe2\x94\x82 \xe2\x80\xa2 one", "0+11:10");
        md_line_is("> a\n>\n> b", 40, 1, "\xe2\x94\x82", "0+3:10");
}

static void md_hostile(void **state)
{
        (void)state;
        md_is("\x1b[2J# x", 80, "^[[2J# x\n");
        md_is("# \x1b]0;owned\x07", 80, "^[]0;owned^G\n============\n");
        md_is("a &#27;[2J b", 80, "a ^[[2J b\n");
        md_is("&#x9b;&#x202e;x", 80, "^<U+009B>^<U+202E>x\n");
        md_is("[x](\x1b[2J)", 80, "[x](^[[2J)\n");
        md_is("[x](a&#27;b)", 80, "x <a^[b>\n");
        md_is("`\xe2\x80\xae`", 80, "^<U+202E>\n");
        md_is("bad \xff utf", 80, "bad \xef\xbf\xbd utf\n");
}

static void md_hostile_nesting(void **state)
{
        size_t n = 20000;
        char *s = malloc(n * 2 + 8);
        struct text_lines tl = {0};

        (void)state;
        assert_non_null(s);
        for (size_t i = 0; i < n; i++) {
                s[2 * i] = '>';
                s[2 * i + 1] = ' ';
        }
        strcpy(s + 2 * n, "deep");
        text_render_markdown(s, 20, &tl);
        check_lines(&tl, 20);
        assert_int_equal(tl.count, 1);
        assert_non_null(strstr(tl.lines[0].text, "deep"));
        text_lines_free(&tl);
        for (size_t i = 0; i < n; i++) {
                s[2 * i] = '-';
                s[2 * i + 1] = ' ';
        }
        text_render_markdown(s, 20, &tl);
        check_lines(&tl, 20);
        assert_true(tl.count >= 1);
        text_lines_free(&tl);
        free(s);
}

/* Random pieces of awkward text in random order must always give lines
 * that keep every promise, at any width. */
static void md_fuzz_invariants(void **state)
{
        static const char *const pieces[] = {
            "a",          "word ",        " ",
            "\n",         "\n\n",         "\t",
            "\x1b",       "\x7f",         "\xc2\x9b",
            "\xff",       "\xe2\x80\xae", "e\xcc\x81",
            "\xcc\x81",   "\xe4\xb8\xad", "\xf0\x9f\x91\xa8\xe2\x80\x8d",
            "# ",         "- ",           "1. ",
            "> ",         "**",           "*",
            "`",          "```\n",        "[l](u)",
            "<http://x>", "&amp;",        "&#27;",
            "|",          "---\n",        "    ",
            "\\\n",       "  \n",
        };
        const size_t np = sizeof pieces / sizeof pieces[0];
        static const int widths[] = {1, 2, 7, 40};
        unsigned long seed = 12345;
        char buf[512];

        (void)state;
        for (int iter = 0; iter < 600; iter++) {
                size_t o = 0;

                while (o < 300) {
                        const char *p;

                        seed = seed * 6364136223846793005UL + 1442695040888963407UL;
                        p = pieces[(seed >> 33) % np];
                        memcpy(buf + o, p, strlen(p));
                        o += strlen(p);
                }
                buf[o] = '\0';
                for (size_t w = 0; w < sizeof widths / sizeof widths[0]; w++) {
                        struct text_lines tl = {0};
                        char *p;

                        text_render_markdown(buf, widths[w], &tl);
                        check_lines(&tl, widths[w]);
                        /* No empty line first or last. */
                        if (tl.count > 0 &&
                            (tl.lines[0].len == 0 || tl.lines[tl.count - 1].len == 0))
                                fail_msg("empty end line at width %d for <<%s>>", widths[w], buf);
                        text_lines_free(&tl);
                        text_wrap(buf, widths[w], 3, TEXT_EMPH, &tl);
                        check_lines(&tl, widths[w]);
                        text_lines_free(&tl);
                        p = text_sanitize(buf);
                        assert_safe(p, strlen(p), true);
                        free(p);
                }
        }
}

static void md_fast_long_body(void **state)
{
        static const char *const words[] = {"learning", "the", "**module**", "of",  "a",
                                            "course",   "`x`", "*with*",     "text"};
        size_t cap = 200000, o = 0;
        char *s = malloc(cap);
        struct timespec t0, t1;
        double ms;
        char *plain;

        (void)state;
        assert_non_null(s);
        for (int i = 0; i < 10000; i++) {
                const char *w = words[i % 9];

                memcpy(s + o, w, strlen(w));
                o += strlen(w);
                s[o++] = i % 120 == 119 ? '\n' : ' ';
                if (i % 600 == 599)
                        s[o++] = '\n';
        }
        s[o] = '\0';
        clock_gettime(CLOCK_MONOTONIC, &t0);
        plain = text_render_plain(s, 80);
        clock_gettime(CLOCK_MONOTONIC, &t1);
        ms = (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
        print_message("10,000 words rendered in %.2f ms\n", ms);
        /* Generous, for sanitizer and valgrind runs; typically a few ms. */
        assert_true(ms < 2000);
        assert_true(strlen(plain) > o / 2);
        free(plain);
        free(s);
}

/* ---- ASCII fallback (C locale) ---- */

static void ascii_text(void **state)
{
        (void)state;
        sanitize_is("caf\xc3\xa9", "caf?");
        sanitize_is("\xe4\xb8\xad\xe6\x96\x87", "??");
        sanitize_is("\xf0\x9f\x98\x80!", "?!");
        sanitize_is("\xe2\x80\xae\xc2\x9b", "^<U+202E>^<U+009B>");
        sanitize_is("\xff\x1b", "?^[");
        sanitize_is("\xed\xa0\x80", "?");
        assert_int_equal(text_width("caf\xc3\xa9", 5), 4);
        assert_int_equal(text_width("\xe4\xb8\xad", 3), 1);
        wrap_is("\xe4\xb8\xad\xe6\x96\x87\xe4\xb8\xad", 2, 0, "??\n?\n");
}

static void ascii_markdown(void **state)
{
        (void)state;
        md_is("- a\n  - b\n    - c", 80, "- a\n  * b\n    + c\n");
        md_is("> q\n>\n> r", 80, "| q\n|\n| r\n");
        md_is("---", 4, "----\n");
        md_is("# Caf\xc3\xa9", 80, "Caf?\n====\n");
        md_is("&copy; \xe2\x80\x9cquoted\xe2\x80\x9d", 80, "? ?quoted?\n");
}

int main(void)
{
        const struct CMUnitTest utf8[] = {
            cmocka_unit_test(width_ascii),
            cmocka_unit_test(width_cjk),
            cmocka_unit_test(width_combining),
            cmocka_unit_test(width_emoji),
            cmocka_unit_test(width_escapes),
            cmocka_unit_test(wrap_words),
            cmocka_unit_test(wrap_long_words),
            cmocka_unit_test(wrap_hanging_indent),
            cmocka_unit_test(wrap_width_one),
            cmocka_unit_test(wrap_empty_and_newlines),
            cmocka_unit_test(wrap_spaces_and_tabs),
            cmocka_unit_test(wrap_escaped_style),
            cmocka_unit_test(wrap_appends),
            cmocka_unit_test(sanitize_terminal_escapes),
            cmocka_unit_test(sanitize_c1_bidi),
            cmocka_unit_test(sanitize_invalid),
            cmocka_unit_test(sanitize_keeps_text),
            cmocka_unit_test(sanitize_line_max_cuts_whole),
            cmocka_unit_test(md_paragraphs),
            cmocka_unit_test(md_headings),
            cmocka_unit_test(md_bullets),
            cmocka_unit_test(md_nested_lists),
            cmocka_unit_test(md_numbered),
            cmocka_unit_test(md_inline_styles),
            cmocka_unit_test(md_quotes),
            cmocka_unit_test(md_links),
            cmocka_unit_test(md_breaks),
            cmocka_unit_test(md_code_blocks),
            cmocka_unit_test(md_rule),
            cmocka_unit_test(md_other_as_text),
            cmocka_unit_test(md_combined),
            cmocka_unit_test(md_hostile),
            cmocka_unit_test(md_hostile_nesting),
            cmocka_unit_test(md_fuzz_invariants),
            cmocka_unit_test(md_fast_long_body),
        };
        const struct CMUnitTest ascii[] = {
            cmocka_unit_test(ascii_text),
            cmocka_unit_test(ascii_markdown),
            cmocka_unit_test(md_fuzz_invariants),
        };
        int failed = cmocka_run_group_tests_name("text (UTF-8)", utf8, setup_utf8, NULL);

        failed += cmocka_run_group_tests_name("text (ASCII)", ascii, setup_ascii, NULL);
        return failed != 0;
}
