/* What the question kinds' rows share: the lookups the rest of dlfl uses,
 * and small helpers for the rows' functions (kinds.c). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dlfl/json.h"
#include "dlfl/kinds.h"
#include "dlfl/xalloc.h"
#include "kinds_impl.h"

void kx_put(struct kx_buf *b, const char *s)
{
        size_t n = strlen(s);

        b->s = xgrow(b->s, &b->cap, b->len + n + 1, 1);
        memcpy(b->s + b->len, s, n + 1);
        b->len += n;
}

char *kx_fmt_number(double v)
{
        return xasprintf("%.15g", v);
}

char *kx_join_indices(const size_t *v, size_t n)
{
        char *out = xmalloc(n * 21 + 1);
        size_t len = 0;

        out[0] = '\0';
        for (size_t i = 0; i < n; i++)
                len += (size_t)sprintf(out + len, "%s%zu", i ? "," : "", v[i] + 1);
        return out;
}

/* Parses "2,1,3" (1-based) into 0-based indices; returns the count, or 0
 * when malformed or an index is not below limit. */
size_t kx_parse_indices(const char *s, size_t *out, size_t max, size_t limit)
{
        size_t n = 0;

        if (s == NULL || *s == '\0')
                return 0;
        while (*s != '\0') {
                char *end;
                unsigned long v;

                if (!isdigit((unsigned char)*s))
                        return 0;
                v = strtoul(s, &end, 10);
                if (v == 0 || v > limit || n >= max)
                        return 0;
                out[n++] = (size_t)v - 1;
                s = end;
                if (*s == ',')
                        s++;
                else if (*s != '\0')
                        return 0;
        }
        return n;
}

bool kx_check_count(struct lctx *c, const struct ynode *list, const char *key, size_t min,
                    size_t max)
{
        if (list->count >= min && list->count <= max)
                return true;
        lx_report(c, list, E_COUNT, key, min, max, list->count);
        return false;
}

void kx_one_pattern(struct json *j, const char *pattern)
{
        json_array_begin(j, "correctResponsesPattern");
        json_string(j, NULL, pattern);
        json_array_end(j);
}

/* "1,3" -> "1[,]3": xAPI's separator for choice and sequencing. */
char *kx_list_response(const char *response)
{
        struct kx_buf b = {0};

        kx_put(&b, "");
        for (const char *p = response; *p != '\0'; p++) {
                char one[2] = {*p, '\0'};

                if (*p != ' ')
                        kx_put(&b, *p == ',' ? "[,]" : one);
        }
        return b.s;
}

/* The right answer of an order ("1[,]2[,]3") or match ("1[.]1[,]2[.]2")
 * question: the author lists both in the right order. */
void kx_ordered_pattern(struct json *j, size_t n, bool pairs)
{
        struct kx_buf b = {0};
        char num[48];

        kx_put(&b, "");
        for (size_t i = 0; i < n; i++) {
                snprintf(num, sizeof(num), "%s%zu", i > 0 ? "[,]" : "", i + 1);
                kx_put(&b, num);
                if (pairs) {
                        snprintf(num, sizeof(num), "[.]%zu", i + 1);
                        kx_put(&b, num);
                }
        }
        kx_one_pattern(j, b.s);
        free(b.s);
}

const struct kind_ops *kind_ops(enum question_kind k)
{
        return (size_t)k < kinds_table_size ? &kinds_table[k] : NULL;
}

size_t kinds_count(void)
{
        return kinds_table_size;
}

int kind_find(const char *name)
{
        for (size_t i = 0; name != NULL && i < kinds_table_size; i++)
                if (strcmp(kinds_table[i].name, name) == 0)
                        return (int)i;
        return -1;
}

const char *kinds_names(void)
{
        static char names[1024];

        if (names[0] == '\0') {
                size_t len = 0;

                for (size_t i = 0; i < kinds_table_size && len < sizeof(names); i++)
                        len += (size_t)snprintf(names + len, sizeof(names) - len, "%s%s",
                                                i == 0                      ? ""
                                                : i + 1 == kinds_table_size ? " or "
                                                                            : ", ",
                                                kinds_table[i].name);
        }
        return names;
}

const char *const *kinds_all_keys(void)
{
        static const char *keys[128];

        if (keys[0] == NULL) {
                size_t n = 0;

                for (size_t i = 0; i < kinds_table_size; i++) {
                        for (const char *const *k = kinds_table[i].keys; *k != NULL; k++) {
                                bool seen = false;

                                for (size_t j = 0; j < n && !seen; j++)
                                        seen = strcmp(keys[j], *k) == 0;
                                if (!seen && n + 1 < sizeof(keys) / sizeof(keys[0]))
                                        keys[n++] = *k;
                        }
                }
        }
        return keys;
}

/* The row's text is data, not a format: only "%zu" is replaced. */
static void fill_count(const char *fmt, size_t n, char *buf, size_t size)
{
        const char *at = strstr(fmt != NULL ? fmt : "", "%zu");

        if (at == NULL)
                snprintf(buf, size, "%s", fmt != NULL ? fmt : "");
        else
                snprintf(buf, size, "%.*s%zu%s", (int)(at - fmt), fmt, n, at + 3);
}

void kind_instruction(const struct screen *s, size_t n, char *buf, size_t size)
{
        const struct kind_ops *k = kind_ops(s->kind);

        fill_count(k != NULL ? k->instruction : NULL, n, buf, size);
}

void kind_screen_instruction(const struct screen *s, size_t n, char *buf, size_t size)
{
        const struct kind_ops *k = kind_ops(s->kind);

        fill_count(k != NULL ? k->screen_instruction : NULL, n, buf, size);
}
