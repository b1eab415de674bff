#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dlfl/arena.h"
#include "dlfl/xalloc.h"

/* Blocks grow with the arena so a 7 MB module needs few of them while a
 * small one wastes little. */
#define ARENA_MIN_BLOCK (16u * 1024u)
#define ARENA_MAX_BLOCK (1024u * 1024u)

struct arena_block {
        struct arena_block *next;
        size_t size, used;
        max_align_t data[];
};

/* Strings need no alignment; packing them keeps big modules small. */
static void *take(struct arena *a, size_t size, size_t align)
{
        struct arena_block *b = a->head;
        size_t at = b ? (b->used + align - 1) / align * align : 0;

        if (b == NULL || at > b->size || b->size - at < size) {
                size_t want = b ? b->size * 2 : ARENA_MIN_BLOCK;

                if (want > ARENA_MAX_BLOCK)
                        want = ARENA_MAX_BLOCK;
                if (want < size)
                        want = size;
                if (want > SIZE_MAX - sizeof(*b))
                        die("out of memory (%zu bytes)", size);
                b = xmalloc(sizeof(*b) + want);
                b->size = want;
                b->used = 0;
                b->next = a->head;
                a->head = b;
                at = 0;
        }
        b->used = at + size;
        a->used_total += size;
        return (char *)b->data + at;
}

void *arena_alloc(struct arena *a, size_t size)
{
        return take(a, size ? size : 1, sizeof(max_align_t));
}

void *arena_calloc(struct arena *a, size_t count, size_t size)
{
        if (size != 0 && count > SIZE_MAX / size)
                die("out of memory (array of %zu)", count);
        void *p = arena_alloc(a, count * size);
        memset(p, 0, count * size);
        return p;
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
        char *p = take(a, n + 1, 1);

        memcpy(p, s, n);
        p[n] = '\0';
        return p;
}

char *arena_strdup(struct arena *a, const char *s)
{
        return arena_strndup(a, s, strlen(s));
}

void arena_free(struct arena *a)
{
        struct arena_block *b = a->head;

        while (b != NULL) {
                struct arena_block *next = b->next;
                free(b);
                b = next;
        }
        a->head = NULL;
        a->used_total = 0;
}
