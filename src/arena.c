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

void *arena_alloc(struct arena *a, size_t size)
{
	struct arena_block *b = a->head;
	size_t align = sizeof(max_align_t);

	size = (size + align - 1) / align * align;
	if (size == 0)
		size = align;
	if (b == NULL || b->size - b->used < size) {
		size_t want = b ? b->size * 2 : ARENA_MIN_BLOCK;

		if (want > ARENA_MAX_BLOCK)
			want = ARENA_MAX_BLOCK;
		if (want < size)
			want = size;
		b = xmalloc(sizeof(*b) + want);
		b->size = want;
		b->used = 0;
		b->next = a->head;
		a->head = b;
	}
	void *p = (char *)b->data + b->used;
	b->used += size;
	a->used_total += size;
	return p;
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
	char *p = arena_alloc(a, n + 1);

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
