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

#include "dlfl/arena.h"
#include "dlfl/diag.h"

enum ynode_kind { YNODE_SCALAR, YNODE_SEQUENCE, YNODE_MAPPING };

/* What an explicit tag made of a node; YTAG_NONE when it has none. */
enum ytag { YTAG_NONE, YTAG_STR, YTAG_INT, YTAG_FLOAT, YTAG_BOOL, YTAG_NULL, YTAG_OTHER };

struct ynode {
	enum ynode_kind kind;
	enum ytag tag;
	bool plain; /* a plain (unquoted) scalar: may be a number, bool or null */
	unsigned line, column; /* 1-based */
	const char *text; /* scalars, NUL-terminated */
	size_t len;
	struct ynode **items; /* sequences: values; mappings: key, value, key, value ... */
	size_t count;         /* items in the array (mappings: twice the pairs) */
};

/* Parses buf into a tree. Returns the root (NULL on any error, every one of
 * which is in diags under file). */
struct ynode *ytree_parse(const char *file, const char *buf, size_t len, struct arena *nodes,
			  struct arena *text, struct diag_list *diags);
/* The value for key in a mapping node, or NULL. */
const struct ynode *ytree_get(const struct ynode *map, const char *key);
/* A scalar with no value (empty, ~, null) and no string tag. */
bool ytree_is_null(const struct ynode *n);

#endif
