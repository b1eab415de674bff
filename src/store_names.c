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

#include "dlfl/store.h"
#include "dlfl/xalloc.h"

static bool key_literal(unsigned char c);
static size_t utf8_decode(const unsigned char *s, uint32_t *cp);
static bool invisible_control(uint32_t cp);

static bool key_literal(unsigned char c)
{
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

/* Decodes one well-formed UTF-8 sequence (no overlongs, surrogates or
 * values past U+10FFFF); returns its length, 0 when malformed. Written
 * here rather than with mbrtowc so the rule does not depend on the locale. */
static size_t utf8_decode(const unsigned char *s, uint32_t *cp)
{
        size_t len;
        uint32_t c = s[0], min;

        if (c < 0x80) {
                *cp = c;
                return 1;
        } else if ((c & 0xe0) == 0xc0) {
                len = 2, c &= 0x1f, min = 0x80;
        } else if ((c & 0xf0) == 0xe0) {
                len = 3, c &= 0x0f, min = 0x800;
        } else if ((c & 0xf8) == 0xf0) {
                len = 4, c &= 0x07, min = 0x10000;
        } else {
                return 0;
        }
        for (size_t i = 1; i < len; i++) {
                if ((s[i] & 0xc0) != 0x80)
                        return 0;
                c = (c << 6) | (s[i] & 0x3f);
        }
        if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
                return 0;
        *cp = c;
        return len;
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

const char *store_name_problem(const char *name)
{
        const unsigned char *p = (const unsigned char *)name;
        size_t chars = 0;
        bool visible = false;

        if (name == NULL || name[0] == '\0')
                return "A name needs at least one character.";
        while (*p != '\0') {
                uint32_t cp;
                size_t len = utf8_decode(p, &cp);

                if (len == 0)
                        return "A name must be valid UTF-8 text.";
                if (invisible_control(cp))
                        return "A name cannot contain control characters such as tabs or line "
                               "breaks.";
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
