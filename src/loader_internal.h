/* Shared by the loader's files: typed access to YAML nodes with
 * diagnostics, so each schema rule is one call. */
#ifndef DLFL_LOADER_INTERNAL_H
#define DLFL_LOADER_INTERNAL_H

#include <sodium.h>

#include "dlfl/diag.h"
#include "dlfl/model.h"
#include "dlfl/yaml_tree.h"

struct lctx {
        const char *file;
        struct diag_list *diags;
        struct module *m;
        struct arena *a; /* the module's arena */
};

/* An id with where it was written, for duplicate checks and look-ups that
 * stay fast on huge files (sorted, then searched). */
struct id_entry {
        const char *id;
        size_t index;
        unsigned line, column;
};

void lx_report(struct lctx *c, const struct ynode *at, enum diag_code code, ...);
/* Reports keys of map not in allowed (NULL-terminated). where names the
 * mapping in messages ("a lesson"). other_kind lists keys that belong to
 * other kinds or types of the same thing; found there, the message says so
 * with code_other and what. */
void lx_check_keys(struct lctx *c, const struct ynode *map, const char *where,
                   const char *const *allowed, const char *const *known, enum diag_code code_other,
                   const char *what);
bool lx_expect_map(struct lctx *c, const struct ynode *n, const char *what);
/* Required/optional typed fields. Each returns false after reporting when
 * the key is present but wrong, or required and missing. */
const char *lx_text(struct lctx *c, const struct ynode *map, const char *key, bool required,
                    const char *where);
const char *lx_id(struct lctx *c, const struct ynode *map, const char *key, const char *where);
bool lx_int(struct lctx *c, const struct ynode *map, const char *key, long *out, bool *present);
bool lx_number(struct lctx *c, const struct ynode *map, const char *key, double *out,
               bool *present);
bool lx_bool(struct lctx *c, const struct ynode *map, const char *key, bool *out, bool *present);
/* A list of text values (a single text value too when one_ok). */
const char **lx_text_list(struct lctx *c, const struct ynode *map, const char *key, size_t *n,
                          bool one_ok);
const struct ynode *lx_list(struct lctx *c, const struct ynode *map, const char *key, bool required,
                            const char *where);
void lx_check_text(struct lctx *c, const struct ynode *n, const char *key);

/* Warns at the choice node at when text is already the text of one of the
 * n choices before it (a question's or a case-study step's): the learner
 * could not tell the two apart. */
void lx_check_dup_choice(struct lctx *c, const struct ynode *at, const struct choice *before,
                         size_t n, const char *text);

/* Sorts entries by id and reports duplicates with code (id, first line). */
void lx_check_unique(struct lctx *c, struct id_entry *e, size_t n, enum diag_code code);
const struct id_entry *lx_find(const struct id_entry *e, size_t n, const char *id);

/* Case studies: steps and their graph rules (loader_case.c). */
void loader_case_study(struct lctx *c, const struct ynode *map, struct screen *s);

/* Loads a module from any source; hash has seen every byte read once
 * parsing ends (loader.c). */
struct module *loader_load_source(const char *name, const struct ysource *src,
                                  crypto_generichash_state *hash, struct diag_list *diags);

#endif
