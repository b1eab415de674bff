/* The shipped modules, compiled into the binary from modules/ at build
 * time (scripts/embed.sh), so a copied binary works on its own. */
#ifndef DLFL_BUILTIN_H
#define DLFL_BUILTIN_H

#include <stddef.h>

#include "dlfl/model.h"

struct builtin_module {
        const char *name; /* file name, e.g. "digital-leadership.yaml" */
        const unsigned char *data;
        size_t size;
        /* The module as the loader builds it, compiled in (tools/embed_model):
         * never freed; use builtin_copy() for a catalog entry. */
        const struct module *model;
};

extern const struct builtin_module builtin_modules[];
extern const size_t builtin_module_count;

/* A catalog entry for built-in module i: a shallow copy in its own arena
 * (so model_free() works on it) whose path and source say where it came
 * from. */
struct module *builtin_copy(size_t i, const char *path, const char *source);
/* The built-in module whose bytes equal buf, or (size_t)-1. */
size_t builtin_find(const char *name, const char *buf, size_t len);

#endif
