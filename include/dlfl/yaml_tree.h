/* A module file as a small tree of YAML nodes with their positions, read
 * from libyaml's events with the format's limits enforced as it reads
 * (depth, scalar size, anchors and aliases, tags, duplicate keys). The
 * schema pass (loader.c) then walks this tree. No curses here.
 *
 * Ownership: nodes live in the caller's node arena; scalar text lives in the
 * caller's text arena (the module's), so it outlives the tree. */
#ifndef DLFL_YAML_TREE_H
#define DLFL_YAML_TREE_H

#include <stdbool.h>
#include <stddef.h>

#include <yaml.h>

#include "dlfl/arena.h"
#include "dlfl/diag.h"

enum ynode_kind { YNODE_SCALAR, YNODE_SEQUENCE, YNODE_MAPPING };

/* What an explicit tag made of a node; YTAG_NONE when it has none. */
enum ytag { YTAG_NONE, YTAG_STR, YTAG_INT, YTAG_FLOAT, YTAG_BOOL, YTAG_NULL, YTAG_OTHER };

/* Kept small: a module of several megabytes has hundreds of thousands. */
struct ynode {
        unsigned char kind;    /* enum ynode_kind */
        unsigned char tag;     /* enum ytag */
        bool plain;            /* a plain (unquoted) scalar: may be a number, bool or null */
        unsigned line, column; /* 1-based */
        unsigned count;        /* items (mappings: twice the pairs); scalars: bytes */
        union {
                const char *text;     /* scalars, NUL-terminated */
                struct ynode **items; /* sequences: values; mappings: key, value, ... */
        };
};

/* Where the bytes come from: libyaml's read handler, and for a reader
 * error (bad UTF-8), a way to turn a byte offset into a line and column. */
struct ysource {
        yaml_read_handler_t *read;
        void *data;
        void (*locate)(void *data, size_t offset, unsigned *line, unsigned *column);
};

/* How strictly to read. Modules are read with every limit of the module
 * format (ytree_parse). Learners' records are read leniently, so that a
 * record written by hand or by an older dlfl keeps loading: only the first
 * document is read (anything after its end is not looked at), duplicate keys
 * are not errors (ytree_get finds the first), anchors and tags are ignored
 * (every node gets YTAG_NONE), keys may be any node, and a root that is null
 * is returned for the caller to refuse in its own words. Aliases, syntax
 * errors and the limits below are errors in both. */
struct ytree_options {
        bool lenient;
        unsigned max_depth; /* collections nested deeper are refused */
        size_t max_scalar;  /* bytes in one value, at most UINT_MAX */
};

/* Parses buf into a tree. Returns the root (NULL on any error, every one of
 * which is in diags under file). */
struct ynode *ytree_parse(const char *file, const struct ysource *src, struct arena *nodes,
                          struct arena *text, struct diag_list *diags);
/* The same, read as opt says. */
struct ynode *ytree_parse_with(const char *file, const struct ysource *src,
                               const struct ytree_options *opt, struct arena *nodes,
                               struct arena *text, struct diag_list *diags);

/* Bytes in memory as a ysource: ytree_buffer() fills src to read b. */
struct ybuffer {
        const char *buf;
        size_t len, pos;
};
void ytree_buffer(struct ybuffer *b, struct ysource *src);
/* Counts lines and characters up to offset in buf, for ysource.locate. */
void ytree_locate(const char *buf, size_t len, size_t offset, unsigned *line, unsigned *column);
/* The value for key in a mapping node, or NULL. */
const struct ynode *ytree_get(const struct ynode *map, const char *key);
/* A scalar with no value (empty, ~, null) and no string tag. */
bool ytree_is_null(const struct ynode *n);

#endif
