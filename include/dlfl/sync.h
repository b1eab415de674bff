/* Sending the outbox (outbox.h) to the LRS: every learner's queued
 * statements in batches; a statement is marked sent only once the LRS has
 * accepted it, so a kill, an outage or a timeout at any moment loses
 * nothing, and as ids never change, sending again duplicates nothing. */
#ifndef DLFL_SYNC_H
#define DLFL_SYNC_H

#include <stdbool.h>
#include <stdio.h>

#include "dlfl/settings.h"

struct sync_result {
        size_t sent;    /* accepted by the LRS this time */
        size_t refused; /* set aside this time (the LRS refused them: 4xx) */
        size_t held;    /* the LRS had their ids with other content (409): kept as sent */
        size_t left;    /* still queued afterwards */
        char *reason;   /* why some are left: one line, fresh; NULL */
};

/* Sends every queue under data_dir. wait: wait for a sync already running
 * (else give up at once). report: where to say what was refused (NULL for
 * nowhere). */
void sync_run(const char *data_dir, const struct settings *s, bool wait, FILE *report,
              struct sync_result *out);

#endif
