/* Learner names and the file keys derived from them. A key uses only
 * [a-z0-9_-%+], so no name can reach outside the learners directory, start
 * with a dot, or collide with another name on a case-insensitive file
 * system. */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>
#include <utf8proc.h>

#include "dlfl/store.h"
#include "dlfl/text.h"
#include "dlfl/xalloc.h"

static bool key_literal(unsigned char c);
static bool invisible_control(uint32_t cp);

static bool key_literal(unsigned char c)
{
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

/* Characters that print nothing or reorder the text around them: a name
 * made with them could pass for someone else's in the picker. */
static bool invisible_control(uint32_t cp)
{
        return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || cp == 0x200e || cp == 0x200f ||
               cp == 0x2028 || cp == 0x2029 || (cp >= 0x202a && cp <= 0x202e) ||
               (cp >= 0x2066 && cp <= 0x2069) || cp == 0xfeff || (cp >= 0xfff9 && cp <= 0xfffb) ||
               (cp >= 0xfdd0 && cp <= 0xfdef) || (cp & 0xfffe) == 0xfffe;
}

/* Code points a name may not hold even though they are not controls:
 * default-ignorable ones (U+200B, U+2060, U+00AD, U+034F, U+FE0F...),
 * format (Cf), private-use, surrogate and unassigned ones. Each can make a
 * name that looks like another, or like nothing, in the picker. */
static bool hidden_or_unknown(uint32_t cp)
{
        const utf8proc_property_t *prop = utf8proc_get_property((utf8proc_int32_t)cp);

        switch (prop->category) {
        case UTF8PROC_CATEGORY_CF:
        case UTF8PROC_CATEGORY_CO:
        case UTF8PROC_CATEGORY_CS:
        case UTF8PROC_CATEGORY_CN:
                return true;
        default:
                return prop->ignorable;
        }
}

char *store_name_fold(const char *name)
{
        utf8proc_uint8_t *out = NULL;
        utf8proc_ssize_t n;
        char *s, *start;
        size_t len;

        n = utf8proc_map((const utf8proc_uint8_t *)name, 0, &out,
                         UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT |
                             UTF8PROC_CASEFOLD);
        if (n < 0)
                return xstrdup(name); /* invalid UTF-8: only itself */
        s = xstrdup((const char *)out);
        free(out);
        /* NFKC made every Unicode space a plain one: trim those. */
        start = s;
        while (*start == ' ')
                start++;
        len = strlen(start);
        while (len > 0 && start[len - 1] == ' ')
                len--;
        memmove(s, start, len);
        s[len] = '\0';
        return s;
}

bool store_same_name(const char *a, const char *b)
{
        char *fa, *fb;
        bool same;

        if (a == NULL || b == NULL)
                return false;
        if (strcmp(a, b) == 0)
                return true;
        fa = store_name_fold(a);
        fb = store_name_fold(b);
        same = strcmp(fa, fb) == 0;
        free(fa);
        free(fb);
        return same;
}

const char *store_name_problem(const char *name)
{
        const unsigned char *p = (const unsigned char *)name;
        const unsigned char *end;
        size_t chars = 0;
        bool visible = false;

        if (name == NULL || name[0] == '\0')
                return "A name needs at least one character.";
        end = p + strlen(name);
        while (*p != '\0') {
                unsigned long cp;
                size_t len = text_utf8_decode((const char *)p, (size_t)(end - p), &cp);

                if (len == 0)
                        return "A name must be valid UTF-8 text.";
                if (invisible_control(cp))
                        return "A name cannot contain control characters such as tabs or line "
                               "breaks.";
                if (cp != ' ' && hidden_or_unknown(cp))
                        return "A name cannot contain invisible, formatting, private-use or "
                               "unassigned characters (such as a zero-width space).";
                if (cp != ' ' && cp != 0xa0 && cp != 0x3000 && !(cp >= 0x2000 && cp <= 0x200b))
                        visible = true;
                if (++chars > STORE_NAME_MAX)
                        return "A name can be at most 64 characters long.";
                p += len;
        }
        if (!visible)
                return "A name needs at least one visible character.";
        return NULL;
}

char *store_name_key(const char *name)
{
        static const char hex[] = "0123456789abcdef";
        size_t len = strlen(name), n = 0;
        char *key = xmalloc(len * 3 + 1);

        for (size_t i = 0; i < len; i++) {
                unsigned char c = (unsigned char)name[i];

                if (key_literal(c)) {
                        key[n++] = (char)c;
                } else {
                        key[n++] = '%';
                        key[n++] = hex[c >> 4];
                        key[n++] = hex[c & 15];
                }
        }
        key[n] = '\0';
        if (n > STORE_KEY_MAX) {
                unsigned char sum[crypto_hash_sha256_BYTES];

                crypto_hash_sha256(sum, (const unsigned char *)name, len);
                key = xrealloc(key, 2 + 2 * sizeof(sum));
                key[0] = '+';
                for (size_t i = 0; i < sizeof(sum); i++) {
                        key[1 + 2 * i] = hex[sum[i] >> 4];
                        key[2 + 2 * i] = hex[sum[i] & 15];
                }
                key[1 + 2 * sizeof(sum)] = '\0';
        }
        return key;
}

static int hex_value(char c)
{
        if (c >= '0' && c <= '9')
                return c - '0';
        if (c >= 'a' && c <= 'f')
                return c - 'a' + 10;
        return -1;
}

char *store_key_name(const char *key)
{
        size_t len = strlen(key), n = 0;
        char *name, *again;

        if (len == 0 || len > STORE_KEY_MAX)
                return NULL;
        name = xmalloc(len + 1);
        for (size_t i = 0; i < len; i++) {
                if (key[i] == '%' && i + 2 < len && hex_value(key[i + 1]) >= 0 &&
                    hex_value(key[i + 2]) >= 0) {
                        name[n++] = (char)(hex_value(key[i + 1]) * 16 + hex_value(key[i + 2]));
                        i += 2;
                } else if (key_literal((unsigned char)key[i])) {
                        name[n++] = key[i];
                } else {
                        free(name);
                        return NULL;
                }
        }
        name[n] = '\0';
        /* Only the one spelling store_name_key() makes stands for a name, so
         * no two files can claim the same learner. */
        if (n != strlen(name) || store_name_problem(name) != NULL) {
                free(name);
                return NULL;
        }
        again = store_name_key(name);
        if (strcmp(again, key) != 0) {
                free(name);
                name = NULL;
        }
        free(again);
        return name;
}
