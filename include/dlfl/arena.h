/* A bump allocator: a loaded module's strings and arrays live in one arena
 * and are freed together, which keeps loading fast and memory small. */
#ifndef DLFL_ARENA_H
#define DLFL_ARENA_H

#include <stddef.h>

struct arena_block;
struct arena {
        struct arena_block *head;
        size_t used_total;
};

void *arena_alloc(struct arena *a, size_t size);
void *arena_calloc(struct arena *a, size_t count, size_t size);
char *arena_strndup(struct arena *a, const char *s, size_t n);
char *arena_strdup(struct arena *a, const char *s);
/* Frees every block; the arena may be used again afterwards. */
void arena_free(struct arena *a);

#endif
