/* Text answers: normalising with libutf8proc (full Unicode case folding
 * and NFC, which towlower in the C locale cannot give), and the one-edit
 * allowance of `typos: true`. */
#include <ctype.h>
#include <locale.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "dlfl/answer.h"
#include "dlfl/xalloc.h"

/* Curly quotes and apostrophes as straight ones: typed on a phone or
 * pasted from a word processor, they mean the same. */
static int32_t straighten(int32_t c)
{
        switch (c) {
        case 0x2018: /* ‘ */
        case 0x2019: /* ’ */
        case 0x201A: /* ‚ */
        case 0x201B: /* ‛ */
        case 0x2032: /* ′ */
                return '\'';
        case 0x201C: /* “ */
        case 0x201D: /* ” */
        case 0x201E: /* „ */
        case 0x201F: /* ‟ */
        case 0x2033: /* ″ */
                return '"';
        default:
                return c;
        }
}

static bool is_edge_punct(int32_t c)
{
        return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '\'' ||
               c == '"';
}

static bool is_space(int32_t c)
{
        return c == ' ' || (c >= '\t' && c <= '\r') || c == 0xA0 ||
               utf8proc_category(c) == UTF8PROC_CATEGORY_ZS;
}

/* Code points of s, or NULL when s is not valid UTF-8. */
static int32_t *decode(const char *s, size_t *n)
{
        size_t len = strlen(s);
        int32_t *v = xcalloc(len + 1, sizeof(int32_t));
        const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
        size_t k = 0;

        while (len > 0) {
                utf8proc_int32_t c;
                utf8proc_ssize_t used = utf8proc_iterate(p, (utf8proc_ssize_t)len, &c);

                if (used <= 0) {
                        free(v);
                        return NULL;
                }
                v[k++] = c;
                p += used;
                len -= (size_t)used;
        }
        *n = k;
        return v;
}

static char *trim_bytes(const char *s)
{
        size_t len;

        while (*s == ' ' || (*s >= '\t' && *s <= '\r'))
                s++;
        len = strlen(s);
        while (len > 0 && (s[len - 1] == ' ' || (s[len - 1] >= '\t' && s[len - 1] <= '\r')))
                len--;
        return xstrndup(s, len);
}

char *answer_normalise(const char *s)
{
        utf8proc_uint8_t *folded = NULL;
        utf8proc_ssize_t r;
        int32_t *v;
        size_t n = 0, a, b;
        char *out;
        size_t o = 0;
        bool space = false;

        /* Fold case and compose (NFC after folding: the fold may decompose). */
        r = utf8proc_map((const utf8proc_uint8_t *)s, 0, &folded,
                         UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE |
                             UTF8PROC_CASEFOLD);
        if (r < 0 || folded == NULL) {
                free(folded);
                return trim_bytes(s);
        }
        v = decode((const char *)folded, &n);
        free(folded);
        if (v == NULL)
                return trim_bytes(s);
        for (size_t i = 0; i < n; i++)
                v[i] = straighten(v[i]);
        /* Punctuation and spaces at either end, as often as they come. */
        a = 0;
        b = n;
        while (a < b && (is_space(v[a]) || is_edge_punct(v[a])))
                a++;
        while (b > a && (is_space(v[b - 1]) || is_edge_punct(v[b - 1])))
                b--;
        out = xmalloc((b - a) * 4 + 1);
        for (size_t i = a; i < b; i++) {
                if (is_space(v[i])) {
                        space = true;
                        continue;
                }
                if (space)
                        out[o++] = ' ';
                space = false;
                o += (size_t)utf8proc_encode_char(v[i], (utf8proc_uint8_t *)out + o);
        }
        out[o] = '\0';
        free(v);
        return out;
}

size_t answer_length(const char *s)
{
        size_t n = 0;

        for (const unsigned char *p = (const unsigned char *)s; *p != '\0'; p++)
                if ((*p & 0xC0) != 0x80)
                        n++;
        return n;
}

/* Optimal string alignment distance capped at "more than one": the
 * lengths differ by at most one, so a single pass with a look at the next
 * pair decides. */
static bool one_edit(const int32_t *x, size_t nx, const int32_t *y, size_t ny)
{
        size_t i = 0;

        if (nx > ny)
                return one_edit(y, ny, x, nx);
        if (ny - nx > 1)
                return false;
        while (i < nx && x[i] == y[i])
                i++;
        if (i == nx)
                return true; /* equal, or y has one more at the end */
        if (nx == ny) {
                /* replace x[i], or swap x[i], x[i+1] */
                if (memcmp(x + i + 1, y + i + 1, (nx - i - 1) * sizeof(int32_t)) == 0)
                        return true;
                return i + 1 < nx && x[i] == y[i + 1] && x[i + 1] == y[i] &&
                       memcmp(x + i + 2, y + i + 2, (nx - i - 2) * sizeof(int32_t)) == 0;
        }
        /* y has one inserted at i */
        return memcmp(x + i, y + i + 1, (nx - i) * sizeof(int32_t)) == 0;
}

bool answer_one_edit(const char *a, const char *b)
{
        size_t na, nb;
        int32_t *x = decode(a, &na), *y = decode(b, &nb);
        bool r = false;

        if (x != NULL && y != NULL)
                r = one_edit(x, na, y, nb);
        free(x);
        free(y);
        return r;
}

int answer_match(const char *typed, const char *const *accepted, size_t n, bool typos,
                 bool *by_typo)
{
        char *got = answer_normalise(typed);
        int found = -1;

        if (by_typo != NULL)
                *by_typo = false;
        for (size_t i = 0; i < n && found < 0; i++) {
                char *want = answer_normalise(accepted[i]);

                if (strcmp(got, want) == 0)
                        found = (int)i;
                free(want);
        }
        for (size_t i = 0; i < n && found < 0 && typos && got[0] != '\0'; i++) {
                char *want = answer_normalise(accepted[i]);

                if (answer_length(want) >= 5 && answer_one_edit(got, want)) {
                        found = (int)i;
                        if (by_typo != NULL)
                                *by_typo = true;
                }
                free(want);
        }
        free(got);
        return found;
}

/* A plain decimal number: optional sign, digits with an optional point,
 * optional exponent, optional percent sign. Anything else (words, "1,5",
 * "inf", "0x10") is not. */
bool answer_number(const char *s, double *out)
{
        const char *p = s;
        char buf[128];
        const char *dp = localeconv()->decimal_point;
        size_t o = 0, digits = 0;
        char *end;

        if (*p == '+' || *p == '-')
                buf[o++] = *p++;
        while (isdigit((unsigned char)*p) && o < 100) {
                buf[o++] = *p++;
                digits++;
        }
        if (*p == '.') {
                p++;
                /* strtod follows the locale's decimal point; the learner types '.'. */
                for (const char *d = dp; *d != '\0' && o < 104; d++)
                        buf[o++] = *d;
                while (isdigit((unsigned char)*p) && o < 110) {
                        buf[o++] = *p++;
                        digits++;
                }
        }
        if (digits == 0)
                return false;
        if (*p == 'e' || *p == 'E') {
                buf[o++] = *p++;
                if (*p == '+' || *p == '-')
                        buf[o++] = *p++;
                if (!isdigit((unsigned char)*p))
                        return false;
                while (isdigit((unsigned char)*p) && o < 126)
                        buf[o++] = *p++;
        }
        /* "25%" answers a question about a percentage as well as "25". */
        while (*p == ' ')
                p++;
        if (*p == '%')
                p++;
        if (*p != '\0')
                return false;
        buf[o] = '\0';
        *out = strtod(buf, &end);
        return *end == '\0' && isfinite(*out);
}
