/* Typed access to YAML nodes for the schema pass, with the diagnostics an
 * author needs: which key, what it must be, and a near miss suggested. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dlfl/xalloc.h"
#include "dlfl/yaml_value.h"
#include "loader_internal.h"

void lx_report(struct lctx *c, const struct ynode *at, enum diag_code code, ...)
{
        va_list ap;

        va_start(ap, code);
        diag_add_v(c->diags, c->file, at ? at->line : 0, at ? at->column : 0, code, ap);
        va_end(ap);
}

static bool in_list(const char *const *list, const char *key)
{
        for (; list && *list; list++)
                if ((*list)[0] == key[0] && strcmp(*list, key) == 0)
                        return true;
        return false;
}

void lx_check_keys(struct lctx *c, const struct ynode *map, const char *where,
                   const char *const *allowed, const char *const *known, enum diag_code code_other,
                   const char *what)
{
        for (size_t i = 0; i + 1 < map->count; i += 2) {
                const struct ynode *k = map->items[i];
                const char *best;

                if (k->kind != YNODE_SCALAR || in_list(allowed, k->text))
                        continue;
                if (in_list(known, k->text)) {
                        lx_report(c, k, code_other, k->text, what);
                        continue;
                }
                best = diag_near_key(k->text, allowed);
                if (best != NULL)
                        lx_report(c, k, E_UNKNOWN_KEY_HINT, k->text, where, best);
                else
                        lx_report(c, k, E_UNKNOWN_KEY, k->text, where);
        }
}

void lx_check_dup_choice(struct lctx *c, const struct ynode *at, const struct choice *before,
                         size_t n, const char *text)
{
        for (size_t j = 0; text != NULL && j < n; j++) {
                if (before[j].text != NULL && strcmp(before[j].text, text) == 0) {
                        lx_report(c, at, W_DUP_CHOICE, text);
                        return;
                }
        }
}

bool lx_expect_map(struct lctx *c, const struct ynode *n, const char *what)
{
        if (n->kind == YNODE_MAPPING)
                return true;
        lx_report(c, n, E_EXPECT_MAPPING, what);
        return false;
}

/* Control, C1 and bidirectional characters get through YAML's escapes; the
 * player shows them escaped, and the author hears of it. */
void lx_check_text(struct lctx *c, const struct ynode *n, const char *key)
{
        const unsigned char *s = (const unsigned char *)n->text;
        const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;

        for (size_t i = 0; i < n->count; i++) {
                unsigned cp = 0;

                /* Skip eight bytes at a time while they are all printable ASCII:
                 * none below 0x20, none at or above 0x7F. */
                while (i + 8 <= n->count) {
                        uint64_t v;
                        memcpy(&v, s + i, 8);
                        if (((v - 0x20 * ones) | (v + 0x01 * ones) | v) & highs)
                                break;
                        i += 8;
                }
                if (i >= n->count)
                        break;

                if (s[i] < 0x20 && s[i] != '\t' && s[i] != '\n')
                        cp = s[i];
                else if (s[i] == 0x7F)
                        cp = 0x7F;
                else if (s[i] == 0xC2 && i + 1 < n->count && s[i + 1] >= 0x80 && s[i + 1] <= 0x9F)
                        cp = s[i + 1];
                if (cp != 0) {
                        char name[16];
                        snprintf(name, sizeof name, "U+%04X", cp);
                        lx_report(c, n, W_TEXT_CONTROL, key, name);
                        return;
                }
                if (s[i] == 0xE2 && i + 2 < n->count &&
                    ((s[i + 1] == 0x80 && s[i + 2] >= 0xAA && s[i + 2] <= 0xAE) ||
                     (s[i + 1] == 0x81 && s[i + 2] >= 0xA6 && s[i + 2] <= 0xA9))) {
                        char name[16];
                        cp = 0x2000u + ((s[i + 1] & 0x3Fu) << 6) + (s[i + 2] & 0x3Fu);
                        snprintf(name, sizeof name, "U+%04X", cp);
                        lx_report(c, n, W_TEXT_BIDI, key, name);
                        return;
                }
        }
}

static const char *scalar_text(struct lctx *c, const struct ynode *map, const struct ynode *v,
                               const char *key, bool required)
{
        (void)map;
        if (v->kind != YNODE_SCALAR) {
                lx_report(c, v, E_EXPECT_STRING, key);
                return NULL;
        }
        if (ytree_is_null(v) || v->count == 0) {
                if (required)
                        lx_report(c, v, E_EMPTY_TEXT, key);
                return NULL;
        }
        lx_check_text(c, v, key);
        return v->text;
}

/* The value of key in map; NULL when absent, said when required. */
static const struct ynode *field(struct lctx *c, const struct ynode *map, const char *key,
                                 bool required, const char *where)
{
        const struct ynode *v = ytree_get(map, key);

        if (v == NULL && required)
                lx_report(c, map, E_MISSING_KEY, key, where);
        return v;
}

const char *lx_text(struct lctx *c, const struct ynode *map, const char *key, bool required,
                    const char *where)
{
        const struct ynode *v = field(c, map, key, required, where);

        if (v == NULL)
                return NULL;
        return scalar_text(c, map, v, key, true);
}

const char *lx_id(struct lctx *c, const struct ynode *map, const char *key, const char *where)
{
        const struct ynode *v = ytree_get(map, key);
        const char *id = lx_text(c, map, key, true, where);

        if (id == NULL)
                return NULL;
        if (strlen(id) > MODEL_MAX_ID) {
                lx_report(c, v, E_ID_TOO_LONG, id);
                return NULL;
        }
        for (const char *p = id; *p; p++) {
                if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-')) {
                        lx_report(c, v, E_BAD_ID, id);
                        return NULL;
                }
        }
        return id;
}

/* A key's value that must be a single value: 1 when present and a scalar
 * (in *out), 0 when absent, -1 after reporting a list or mapping. */
static int scalar_value(struct lctx *c, const struct ynode *map, const char *key,
                        const struct ynode **out, bool *present)
{
        const struct ynode *v = ytree_get(map, key);

        if (present)
                *present = v != NULL;
        *out = v;
        if (v == NULL)
                return 0;
        if (v->kind != YNODE_SCALAR) {
                lx_report(c, v, E_EXPECT_SCALAR, key);
                return -1;
        }
        return 1;
}

/* The end of a typed read: ok says the scalar v was of the type; when not,
 * code names it. */
static bool typed(struct lctx *c, const struct ynode *v, bool ok, enum diag_code code,
                  const char *key)
{
        if (!ok)
                lx_report(c, v, code, key, v->text);
        return ok;
}

bool lx_int(struct lctx *c, const struct ynode *map, const char *key, long *out, bool *present)
{
        const struct ynode *v;
        int got = scalar_value(c, map, key, &v, present);

        return got <= 0 ? got == 0 : typed(c, v, yvalue_int(v, out), E_EXPECT_INT, key);
}

bool lx_number(struct lctx *c, const struct ynode *map, const char *key, double *out, bool *present)
{
        const struct ynode *v;
        int got = scalar_value(c, map, key, &v, present);
        bool integral;

        return got <= 0 ? got == 0
                        : typed(c, v, yvalue_number(v, out, &integral), E_EXPECT_NUMBER, key);
}

bool lx_bool(struct lctx *c, const struct ynode *map, const char *key, bool *out, bool *present)
{
        const struct ynode *v;
        int got = scalar_value(c, map, key, &v, present);

        return got <= 0 ? got == 0 : typed(c, v, yvalue_bool(v, out), E_EXPECT_BOOL, key);
}

const struct ynode *lx_list(struct lctx *c, const struct ynode *map, const char *key, bool required,
                            const char *where)
{
        const struct ynode *v = field(c, map, key, required, where);

        if (v == NULL)
                return NULL;
        if (v->kind != YNODE_SEQUENCE) {
                if (ytree_is_null(v) && required)
                        lx_report(c, v, E_EMPTY_LIST, key);
                else if (!ytree_is_null(v))
                        lx_report(c, v, E_EXPECT_SEQUENCE, key);
                return NULL;
        }
        if (v->count == 0 && required) {
                lx_report(c, v, E_EMPTY_LIST, key);
                return NULL;
        }
        return v;
}

const char **lx_text_list(struct lctx *c, const struct ynode *map, const char *key, size_t *n,
                          bool one_ok)
{
        const struct ynode *v = ytree_get(map, key);
        const char **out;
        size_t k = 0;

        *n = 0;
        if (v == NULL || ytree_is_null(v))
                return NULL;
        if (v->kind == YNODE_SCALAR && one_ok) {
                const char *t = scalar_text(c, map, v, key, true);
                if (t == NULL)
                        return NULL;
                out = arena_alloc(c->a, sizeof(*out));
                out[0] = t;
                *n = 1;
                return out;
        }
        if (v->kind != YNODE_SEQUENCE) {
                lx_report(c, v, E_EXPECT_SEQUENCE, key);
                return NULL;
        }
        out = arena_calloc(c->a, v->count ? v->count : 1, sizeof(*out));
        for (size_t i = 0; i < v->count; i++) {
                const char *t = scalar_text(c, map, v->items[i], key, true);
                if (t != NULL)
                        out[k++] = t;
        }
        *n = k;
        return out;
}

static int compare_entries(const void *a, const void *b)
{
        const struct id_entry *x = a, *y = b;
        int r = strcmp(x->id, y->id);

        if (r != 0)
                return r;
        return x->index < y->index ? -1 : x->index > y->index;
}

void lx_check_unique(struct lctx *c, struct id_entry *e, size_t n, enum diag_code code)
{
        qsort(e, n, sizeof(*e), compare_entries);
        for (size_t i = 1; i < n; i++) {
                size_t first = i - 1;

                while (i < n && strcmp(e[i].id, e[first].id) == 0) {
                        diag_add(c->diags, c->file, e[i].line, e[i].column, code, e[i].id,
                                 e[first].line);
                        i++;
                }
        }
}

static int compare_key(const void *key, const void *entry)
{
        return strcmp(key, ((const struct id_entry *)entry)->id);
}

const struct id_entry *lx_find(const struct id_entry *e, size_t n, const char *id)
{
        return bsearch(id, e, n, sizeof(*e), compare_key);
}
