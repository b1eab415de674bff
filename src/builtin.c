/* The shipped modules compiled into the binary: catalog entries made from
 * the compiled model without parsing, and recognising an installed copy. */
#include <string.h>

#include "dlfl/builtin.h"

struct module *builtin_copy(size_t i, const char *path, const char *source)
{
        struct arena a = {0};
        struct module *m = arena_alloc(&a, sizeof(*m));

        *m = *builtin_modules[i].model;
        m->path = arena_strdup(&a, path);
        m->source = arena_strdup(&a, source);
        m->arena = a;
        return m;
}

size_t builtin_find(const char *name, const char *buf, size_t len)
{
        for (size_t i = 0; i < builtin_module_count; i++) {
                const struct builtin_module *b = &builtin_modules[i];

                if (b->size == len && strcmp(b->name, name) == 0 && memcmp(b->data, buf, len) == 0)
                        return i;
        }
        return (size_t)-1;
}
