/* The xAPI pieces that both the question kinds' rows (kinds.c) and the
 * statement writer (export_xapi.c) use. A leaf: it includes neither, so
 * neither includes the other through it. */
#ifndef DLFL_KINDS_XAPI_H
#define DLFL_KINDS_XAPI_H

#include <stddef.h>

#include "dlfl/json.h"

/* The language of the names and descriptions module text gives. */
#define XAPI_LANG "en-GB"

/* Module text as the author wrote it (Markdown source, trailing blank
 * lines dropped): a fresh string. Rendering it would make the statements
 * depend on the locale the export runs in (an ASCII locale shows '?' for
 * accents), and their ids with them; the JSON writer keeps the UTF-8
 * valid. */
char *xapi_plain(const char *md);
/* key: {"en-GB": text}. */
void xapi_lang_map(struct json *j, const char *key, const char *text);
/* An interaction's component list (choices, source, target, scale): each
 * text as plain text under its id, counted from first_id. */
void xapi_components(struct json *j, const char *key, const char *const *texts, size_t n,
                     size_t first_id);

#endif
