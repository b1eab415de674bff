/* What the question kinds' rows (kinds.c) use of the xAPI writer. */
#ifndef DLFL_KINDS_XAPI_H
#define DLFL_KINDS_XAPI_H

#include <stddef.h>

#include "dlfl/json.h"

/* An interaction's component list (choices, source, target, scale): each
 * text as plain text under its id, counted from first_id. */
void xapi_components(struct json *j, const char *key, const char *const *texts, size_t n,
                     size_t first_id);

#endif
