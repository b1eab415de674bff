/* Talking to a Learning Record Store over HTTP(S), xAPI 1.0.3. libcurl is
 * loaded with dlopen() on the first request, so the player, which only
 * ever syncs from a background process, neither starts slower nor holds
 * libcurl's memory. */
#ifndef DLFL_LRS_H
#define DLFL_LRS_H

#include <stdbool.h>
#include <stddef.h>

#include "dlfl/settings.h"

struct lrs_reply {
        long status; /* HTTP status; 0 when no answer came */
        char *body;  /* the answer (at most 16 KiB), fresh; may be NULL */
        char *error; /* no answer: why, fresh */
};

/* POSTs a JSON body to ENDPOINT/statements with the xAPI version header
 * and Basic auth; the TLS peer is verified unless the endpoint is http.
 * false when libcurl cannot be loaded (reply.error says so). */
bool lrs_post_statements(const struct settings *s, const char *body, size_t len,
                         struct lrs_reply *reply);
void lrs_reply_free(struct lrs_reply *reply);

#endif
