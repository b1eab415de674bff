/* libyaml events to a node tree, enforcing the module format's limits as
 * the events arrive so that hostile input is refused early and cheaply. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "dlfl/model.h"
#include "dlfl/xalloc.h"
#include "dlfl/yaml_tree.h"

/* A node being built: its children gather here until its end event. */
struct frame {
        struct ynode *node;
        struct ynode **items;
        size_t count, cap;
};

struct reader {
        const char *file;
        const struct ysource *src;
        const struct ytree_options *opt;
        struct arena *nodes, *text;
        struct diag_list *diags;
        struct frame *stack;
        size_t depth, cap;
        struct ynode *root;
        /* Errors that leave the tree whole (a duplicate key, an anchor):
         * the loader still checks it, so every problem is reported. */
        size_t soft;
};

static const char core_prefix[] = "tag:yaml.org,2002:";

static enum ytag classify_tag(const char *tag)
{
        size_t n = sizeof(core_prefix) - 1;

        if (tag == NULL)
                return YTAG_NONE;
        if (strcmp(tag, "!") == 0)
                return YTAG_STR; /* the non-specific tag of a quoted scalar */
        if (strncmp(tag, core_prefix, n) != 0)
                return YTAG_OTHER;
        tag += n;
        if (strcmp(tag, "str") == 0)
                return YTAG_STR;
        if (strcmp(tag, "int") == 0)
                return YTAG_INT;
        if (strcmp(tag, "float") == 0)
                return YTAG_FLOAT;
        if (strcmp(tag, "bool") == 0)
                return YTAG_BOOL;
        if (strcmp(tag, "null") == 0)
                return YTAG_NULL;
        if (strcmp(tag, "map") == 0 || strcmp(tag, "seq") == 0)
                return YTAG_NONE;
        return YTAG_OTHER;
}

/* libyaml counts columns in characters, which is what authors see. */
static void mark_at(const yaml_mark_t *m, unsigned *line, unsigned *column)
{
        *line = (unsigned)m->line + 1;
        *column = (unsigned)m->column + 1;
}

/* Reader errors carry only a byte offset; count lines and characters. */
void ytree_locate(const char *buf, size_t len, size_t offset, unsigned *line, unsigned *column)
{
        unsigned l = 1, c = 1;

        if (offset > len)
                offset = len;
        for (size_t i = 0; i < offset; i++) {
                unsigned char b = (unsigned char)buf[i];

                if (b == '\n') {
                        l++;
                        c = 1;
                } else if ((b & 0xC0) != 0x80) {
                        c++;
                }
        }
        *line = l;
        *column = c;
}

static struct ynode *new_node(struct reader *r, enum ynode_kind kind, const yaml_mark_t *mark,
                              const yaml_char_t *tag)
{
        struct ynode *n = arena_calloc(r->nodes, 1, sizeof(*n));

        n->kind = kind;
        mark_at(mark, &n->line, &n->column);
        if (r->opt->lenient)
                return n;
        n->tag = classify_tag((const char *)tag);
        if (n->tag == YTAG_OTHER)
                diag_add(r->diags, r->file, n->line, n->column, E_YAML_TAG, (const char *)tag);
        return n;
}

static void check_anchor(struct reader *r, const yaml_char_t *anchor, const yaml_mark_t *mark)
{
        unsigned line, column;

        if (anchor == NULL || r->opt->lenient)
                return;
        mark_at(mark, &line, &column);
        diag_add(r->diags, r->file, line, column, E_YAML_ANCHOR, (const char *)anchor);
        r->soft++;
}

static int compare_keys(const void *a, const void *b)
{
        const struct ynode *x = *(struct ynode *const *)a, *y = *(struct ynode *const *)b;
        int c = strcmp(x->text, y->text);

        if (c != 0)
                return c;
        return x->line != y->line ? (x->line < y->line ? -1 : 1)
                                  : (x->column < y->column ? -1 : x->column > y->column);
}

/* Reports duplicate keys; sorting keeps a mapping of many keys from
 * costing quadratic time. */
static void check_keys(struct reader *r, const struct ynode *map)
{
        size_t npairs = map->count / 2;
        struct ynode **keys;
        size_t n = 0;

        if (npairs < 2)
                return;
        keys = xmalloc(npairs * sizeof(*keys));
        for (size_t i = 0; i < npairs; i++) {
                struct ynode *k = map->items[2 * i];

                if (k->kind != YNODE_SCALAR) {
                        diag_add(r->diags, r->file, k->line, k->column, E_YAML_KEY_NOT_SCALAR);
                        continue;
                }
                keys[n++] = k;
        }
        qsort(keys, n, sizeof(*keys), compare_keys);
        for (size_t i = 1; i < n; i++) {
                size_t first = i - 1;

                while (i < n && strcmp(keys[i]->text, keys[first]->text) == 0) {
                        diag_add(r->diags, r->file, keys[i]->line, keys[i]->column, E_YAML_DUP_KEY,
                                 keys[i]->text, keys[first]->line);
                        r->soft++;
                        i++;
                }
        }
        free(keys);
}

static void attach(struct reader *r, struct ynode *n)
{
        if (r->depth == 0) {
                r->root = n;
                return;
        }
        struct frame *f = &r->stack[r->depth - 1];
        f->items = xgrow(f->items, &f->cap, f->count + 1, sizeof(*f->items));
        f->items[f->count++] = n;
}

static bool push(struct reader *r, struct ynode *n)
{
        if (r->depth >= r->opt->max_depth) {
                diag_add(r->diags, r->file, n->line, n->column, E_YAML_DEPTH,
                         (int)r->opt->max_depth);
                return false;
        }
        if (r->depth == r->cap) {
                size_t old = r->cap;
                r->stack = xgrow(r->stack, &r->cap, r->depth + 1, sizeof(*r->stack));
                memset(r->stack + old, 0, (r->cap - old) * sizeof(*r->stack));
        }
        /* A frame keeps its array between nodes, so reading allocates little. */
        r->stack[r->depth].node = n;
        r->stack[r->depth].count = 0;
        r->depth++;
        return true;
}

static void pop(struct reader *r)
{
        struct frame *f = &r->stack[--r->depth];
        struct ynode *n = f->node;

        if (f->count > UINT_MAX)
                die("too many items in one list");
        n->count = (unsigned)f->count;
        n->items = arena_alloc(r->nodes, (f->count ? f->count : 1) * sizeof(*n->items));
        if (f->count)
                memcpy(n->items, f->items, f->count * sizeof(*n->items));
        if (n->kind == YNODE_MAPPING && !r->opt->lenient)
                check_keys(r, n);
        attach(r, n);
}

static void parser_error(struct reader *r, const yaml_parser_t *p)
{
        unsigned line, column;
        const char *problem = p->problem ? p->problem : "cannot parse";
        char *msg;

        if (p->error == YAML_READER_ERROR) {
                r->src->locate(r->src->data, p->problem_offset, &line, &column);
                if (strstr(problem, "UTF-8") != NULL || strstr(problem, "Unicode") != NULL) {
                        diag_add(r->diags, r->file, line, column, E_YAML_ENCODING, problem);
                } else if (p->problem_value >= 0 && strstr(problem, "control") != NULL) {
                        msg = xasprintf("control character 0x%02X is not allowed in the file",
                                        (unsigned)p->problem_value);
                        diag_add(r->diags, r->file, line, column, E_YAML_SYNTAX, msg);
                        free(msg);
                } else {
                        diag_add(r->diags, r->file, line, column, E_YAML_SYNTAX, problem);
                }
                return;
        }
        mark_at(&p->problem_mark, &line, &column);
        if (p->context != NULL)
                msg = xasprintf("%s %s (which starts at line %u)", problem, p->context,
                                (unsigned)p->context_mark.line + 1);
        else
                msg = xstrdup(problem);
        diag_add(r->diags, r->file, line, column, E_YAML_SYNTAX, msg);
        free(msg);
}

/* Handles one event; false stops the reading. */
static bool handle(struct reader *r, yaml_event_t *ev, int *docs)
{
        unsigned line, column;
        struct ynode *n;

        switch (ev->type) {
        case YAML_DOCUMENT_START_EVENT:
                if (++*docs > 1) {
                        mark_at(&ev->start_mark, &line, &column);
                        diag_add(r->diags, r->file, line, column, E_YAML_MULTI_DOC);
                        return false;
                }
                return true;
        case YAML_DOCUMENT_END_EVENT:
                /* A lenient reader stops here: what follows is not read. */
                return !r->opt->lenient;
        case YAML_ALIAS_EVENT:
                mark_at(&ev->start_mark, &line, &column);
                diag_add(r->diags, r->file, line, column, E_YAML_ALIAS,
                         (const char *)ev->data.alias.anchor);
                n = new_node(r, YNODE_SCALAR, &ev->start_mark, NULL);
                n->text = "";
                n->plain = true;
                attach(r, n);
                return true;
        case YAML_SCALAR_EVENT:
                check_anchor(r, ev->data.scalar.anchor, &ev->start_mark);
                n = new_node(r, YNODE_SCALAR, &ev->start_mark, ev->data.scalar.tag);
                if (ev->data.scalar.length > r->opt->max_scalar ||
                    ev->data.scalar.length > UINT_MAX) {
                        diag_add(r->diags, r->file, n->line, n->column, E_YAML_SCALAR_BIG,
                                 ev->data.scalar.length);
                        n->text = "";
                } else {
                        n->count = (unsigned)ev->data.scalar.length;
                        n->text =
                            arena_strndup(r->text, (const char *)ev->data.scalar.value, n->count);
                }
                n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
                attach(r, n);
                return true;
        case YAML_SEQUENCE_START_EVENT:
                check_anchor(r, ev->data.sequence_start.anchor, &ev->start_mark);
                return push(
                    r, new_node(r, YNODE_SEQUENCE, &ev->start_mark, ev->data.sequence_start.tag));
        case YAML_MAPPING_START_EVENT:
                check_anchor(r, ev->data.mapping_start.anchor, &ev->start_mark);
                return push(
                    r, new_node(r, YNODE_MAPPING, &ev->start_mark, ev->data.mapping_start.tag));
        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT:
                pop(r);
                return true;
        default:
                return true;
        }
}

struct ynode *ytree_parse(const char *file, const struct ysource *src, struct arena *nodes,
                          struct arena *text, struct diag_list *diags)
{
        static const struct ytree_options module = {.max_depth = MODEL_MAX_DEPTH,
                                                    .max_scalar = MODEL_MAX_SCALAR};

        return ytree_parse_with(file, src, &module, nodes, text, diags);
}

struct ynode *ytree_parse_with(const char *file, const struct ysource *src,
                               const struct ytree_options *opt, struct arena *nodes,
                               struct arena *text, struct diag_list *diags)
{
        struct reader r = {
            .file = file, .src = src, .opt = opt, .nodes = nodes, .text = text, .diags = diags};
        yaml_parser_t parser;
        yaml_event_t ev;
        size_t errors_before = diags->errors;
        int docs = 0;
        bool done = false;

        if (!yaml_parser_initialize(&parser))
                die("cannot start the YAML parser");
        yaml_parser_set_input(&parser, src->read, src->data);
        while (!done) {
                if (!yaml_parser_parse(&parser, &ev)) {
                        parser_error(&r, &parser);
                        break;
                }
                done = ev.type == YAML_STREAM_END_EVENT;
                bool go_on = handle(&r, &ev, &docs);
                yaml_event_delete(&ev);
                if (!go_on)
                        break;
        }
        yaml_parser_delete(&parser);
        for (size_t i = 0; i < r.cap; i++)
                free(r.stack[i].items);
        free(r.stack);
        if (diags->errors > errors_before + r.soft)
                return NULL;
        if (r.root == NULL || (!opt->lenient && ytree_is_null(r.root))) {
                diag_add(diags, file, 1, 1, E_YAML_EMPTY);
                return NULL;
        }
        return r.root;
}

const struct ynode *ytree_get(const struct ynode *map, const char *key)
{
        if (map == NULL || map->kind != YNODE_MAPPING)
                return NULL;
        for (size_t i = 0; i + 1 < map->count; i += 2) {
                const struct ynode *k = map->items[i];

                /* The first byte rules out most keys without a call. */
                if (k->kind == YNODE_SCALAR && k->text[0] == key[0] && strcmp(k->text, key) == 0)
                        return map->items[i + 1];
        }
        return NULL;
}

bool ytree_is_null(const struct ynode *n)
{
        if (n->kind != YNODE_SCALAR || n->tag == YTAG_STR)
                return false;
        if (n->tag == YTAG_NULL)
                return true;
        return n->plain &&
               (n->count == 0 || strcmp(n->text, "~") == 0 || strcmp(n->text, "null") == 0 ||
                strcmp(n->text, "Null") == 0 || strcmp(n->text, "NULL") == 0);
}

static int buffer_read(void *data, unsigned char *out, size_t size, size_t *n)
{
        struct ybuffer *b = data;
        size_t k = b->len - b->pos < size ? b->len - b->pos : size;

        memcpy(out, b->buf + b->pos, k);
        b->pos += k;
        *n = k;
        return 1;
}

static void buffer_locate(void *data, size_t offset, unsigned *line, unsigned *column)
{
        const struct ybuffer *b = data;

        ytree_locate(b->buf, b->len, offset, line, column);
}

void ytree_buffer(struct ybuffer *b, struct ysource *src)
{
        b->pos = 0;
        src->read = buffer_read;
        src->data = b;
        src->locate = buffer_locate;
}
