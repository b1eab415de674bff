/* The session's private state, shared by session.c (position, time,
 * completion), session_check.c (answers) and session_case.c (case
 * studies). Not for front ends: they use session.h. */
#ifndef DLFL_SESSION_IMPL_H
#define DLFL_SESSION_IMPL_H

#include "dlfl/session.h"

/* Gaps longer than this many seconds count as this much: a learner who
 * walks away is not credited with the time. */
#define SESSION_IDLE_CAP 300.0

struct session {
        const struct module *m;
        struct learner_record *rec; /* borrowed */
        char *learner;              /* seeds the shuffles */
        size_t pos;                 /* m->nscreens is the summary */
        double last_tick;           /* on s->clock, in seconds */
        double (*clock)(void);
        bool changed; /* the module file differs from the attempt's */
        void (*hook)(void *ctx);
        void *hook_ctx;

        /* The current screen's shown order, worked out on first use. */
        size_t *order;
        size_t norder;
        bool order_valid;

        /* Case studies: the feedback of the choice just taken. */
        const char *case_fb;
        bool case_fb_valid;

        bool revisiting; /* came from the summary: next goes back there */

        char problem[200]; /* why the last answer was invalid */
};

struct attempt *session_att(const struct session *s);
/* The current screen's state, created when absent (not on the summary). */
struct screen_state *session_cur(struct session *s);
void session_changed(struct session *s, time_t now);

#endif
