/* A learner's progress, as data: what the session records and what the
 * store (store.h) persists and reads back. No I/O here. The session writes
 * only through the record_* functions below, so persistence never needs to
 * know the session's logic.
 *
 * Ownership: a struct learner_record owns every string and array inside it
 * (all from malloc); record_free() releases them. Screen and module ids are
 * kept as strings, never as positions, so edited modules keep progress, and
 * states for ids a module no longer has are kept untouched. */
#ifndef DLFL_RECORD_H
#define DLFL_RECORD_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

/* What a record may hold; the store refuses a file with a number outside
 * these (a clear message naming the line and the key), so nothing later
 * casts or shows an absurd value. */
#define RECORD_MAX_TRIES 1000000       /* attempts, wrong answers, hints, ratings */
#define RECORD_MAX_POINTS 1e9          /* points, earned, possible */
#define RECORD_MAX_SECONDS 1e9         /* time spent (about 31 years) */
#define RECORD_MAX_TIME 253402300799LL /* 9999-12-31T23:59:59Z; times start at 1970 */
/* The most a learner can type: a text answer, and a reflection. Both front
 * ends stop there and say so. */
#define RECORD_MAX_ANSWER 1024u
#define RECORD_MAX_REFLECTION (64u * 1024u)

/* The state of one screen in one attempt. */
struct screen_state {
        char *id;
        bool seen;
        bool complete; /* lesson shown, question settled/answered, case ended */
        bool settled;  /* questions: answered right or attempts used up */
        bool correct;  /* questions: the last answer was right */
        int attempts;  /* answers given, right or wrong */
        int wrong;     /* wrong answers given */
        int hints_used;
        double points;  /* earned (questions) */
        char *response; /* the last answer in canonical form (see session.h) */
        char *text;     /* reflection text (reflection kind, case-study reflection) */
        char *draft;    /* typed or ticked but not submitted (see session_set_draft) */
        char **path;    /* case studies: step ids visited, in order */
        size_t npath;
        char *ending;   /* case studies: "good", "mixed" or "poor" */
        int rating;     /* rating kind: 0-based level, -1 when not rated */
        double seconds; /* time spent on the screen */
        time_t when;    /* last answered or completed; 0 when never */
};

/* One go at a module. A learner may start again; earlier attempts stay. */
struct attempt {
        time_t started;
        time_t completed; /* 0 until complete */
        time_t updated;
        double pass_mark; /* the pass mark in force when the attempt started */
        bool complete;
        bool passed;
        bool questions_only;     /* "the questions again": lessons count as read */
        double earned, possible; /* points */
        double seconds;          /* time spent */
        char *section;           /* position: section id */
        char *screen;            /* position: screen id */
        char *digest;            /* digest of the module file when last saved */
        struct screen_state *screens;
        size_t nscreens;
};

struct module_record {
        char *module;             /* module id */
        char *title;              /* module title when last saved, for reports */
        struct attempt *attempts; /* oldest first; the last is the current one */
        size_t nattempts;
};

struct learner_record {
        char *name;
        char *passphrase; /* a salted slow hash, never the passphrase; NULL when none */
        time_t created;
        struct module_record *modules;
        size_t nmodules;
};

struct learner_record *record_new(const char *name);
void record_free(struct learner_record **r);

/* The module's record, created empty when absent. */
struct module_record *record_module(struct learner_record *r, const char *module_id);
/* NULL when the learner never opened the module. */
const struct module_record *record_find_module(const struct learner_record *r,
                                               const char *module_id);
/* The current (last) attempt, or NULL when none. */
struct attempt *record_current(struct module_record *mr);
/* Starts a new attempt and returns it. */
struct attempt *record_new_attempt(struct module_record *mr, double pass_mark, time_t now);
/* The attempt's state for a screen id, created empty (rating -1) when absent. */
struct screen_state *record_screen(struct attempt *a, const char *screen_id);
const struct screen_state *record_find_screen(const struct attempt *a, const char *screen_id);
/* Replaces *dst with a copy of src (NULL allowed). */
void record_set_string(char **dst, const char *src);
void record_path_push(struct screen_state *st, const char *step_id);
void record_path_clear(struct screen_state *st);

#endif
