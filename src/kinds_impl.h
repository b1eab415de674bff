/* Shared by the question kinds' rows (kinds.c) and their lookups
 * (kinds_lookup.c); not for the rest of dlfl, which uses dlfl/kinds.h. */
#ifndef DLFL_KINDS_IMPL_H
#define DLFL_KINDS_IMPL_H

#include <stdbool.h>
#include <stddef.h>

#include "dlfl/json.h"
#include "dlfl/kinds.h"
#include "loader_internal.h"

/* Every kind's row, indexed by enum question_kind; kinds_table_size rows. */
extern const struct kind_ops kinds_table[];
extern const size_t kinds_table_size;

/* A growing string. */
struct kx_buf {
        char *s;
        size_t len, cap;
};

void kx_put(struct kx_buf *b, const char *s);
/* "%.15g": as many digits as the author wrote, no more. */
char *kx_fmt_number(double v);
/* Indices as a recorded response: 0-based in, "2,1,3" (1-based) out. */
char *kx_join_indices(const size_t *v, size_t n);
/* A recorded "2,1,3" into 0-based indices below limit; the count, or 0
 * when malformed. */
size_t kx_parse_indices(const char *s, size_t *out, size_t max, size_t limit);
/* Reports a list of other than min to max entries; false then. */
bool kx_check_count(struct lctx *c, const struct ynode *list, const char *key, size_t min,
                    size_t max);
/* xAPI: a correctResponsesPattern of one pattern. */
void kx_one_pattern(struct json *j, const char *pattern);
/* xAPI: "1,3" -> "1[,]3", the separator of choice and sequencing. */
char *kx_list_response(const char *response);
/* xAPI: the pattern of an order ("1[,]2") or match ("1[.]1[,]2[.]2")
 * question, whose author lists both in the right order. */
void kx_ordered_pattern(struct json *j, size_t n, bool pairs);

#endif
