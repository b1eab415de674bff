/* The in-memory course model: what the loader builds from a module file and
 * what the session, the front ends and the exports read. Read-only after
 * loading. Every string and array of a module lives in the module's arena
 * and is freed by model_free(); nothing in here is owned separately. */
#ifndef DLFL_MODEL_H
#define DLFL_MODEL_H

#include <stdbool.h>
#include <stddef.h>

#include "dlfl/arena.h"

#define MODEL_FORMAT 1
#define MODEL_MAX_FILE (8u * 1024u * 1024u)
#define MODEL_MAX_DEPTH 64
#define MODEL_MAX_SCALAR (1024u * 1024u)
#define MODEL_MAX_SCREENS 10000
#define MODEL_MAX_ID 64
#define MODEL_DEFAULT_PASS_MARK 70.0
#define MODEL_DEFAULT_PENALTY 0.33

enum screen_type { SCREEN_LESSON, SCREEN_QUESTION, SCREEN_CASE_STUDY };

/* The kinds a format-1 module may use, as the index of each kind's row in
 * src/kinds.c. A new kind needs no name here: its row, appended to the
 * table there, is its number; kinds_count() says how many there are. */
enum question_kind {
        KIND_SINGLE,
        KIND_MULTIPLE,
        KIND_TRUE_FALSE,
        KIND_TEXT,
        KIND_ORDER,
        KIND_MATCH,
        KIND_REFLECTION,
        KIND_NUMERIC,
        KIND_RATING,
};

enum ending { ENDING_NONE, ENDING_GOOD, ENDING_MIXED, ENDING_POOR };

/* A choice of a single/multiple question, or of a case-study step. */
struct choice {
        const char *text;
        const char *feedback; /* NULL when the author wrote none */
        bool correct;         /* questions only */
        size_t next;          /* case-study steps only: index into steps */
};

struct pair {
        const char *left;
        const char *right;
};

struct step {
        const char *id;
        const char *text;
        struct choice *choices; /* empty for an ending */
        size_t nchoices;
        enum ending ending; /* ENDING_NONE unless an ending */
};

struct screen {
        enum screen_type type;
        const char *id;
        const char *title; /* NULL for questions, which have none */
        const char *body;  /* lesson text or case-study scenario */
        size_t section;    /* index into module.sections */
        unsigned line;     /* where the screen starts in its file, for messages */

        /* questions */
        enum question_kind kind;
        const char *prompt;
        struct choice *choices; /* single, multiple */
        size_t nchoices;
        bool shuffle;     /* single, multiple; default true */
        bool answer_true; /* true-false */
        const char *feedback_true, *feedback_false;
        const char **answers; /* text */
        size_t nanswers;
        bool typos; /* text: an answer one edit away from a long enough accepted one is right */
        const char **items; /* order, in the right order */
        size_t nitems;
        struct pair *pairs; /* match */
        size_t npairs;
        double number, tolerance; /* numeric */
        const char **scale;       /* rating: labels low to high (default filled in) */
        size_t nscale;
        const char **hints; /* a single hint is a list of one */
        size_t nhints;
        const char *explanation;
        const char *feedback_correct, *feedback_incorrect;
        int attempts;   /* 0 = unlimited */
        double points;  /* 0 = practice */
        double penalty; /* fraction of points lost per wrong attempt */

        /* case studies */
        struct step *steps;
        size_t nsteps;
        size_t start;           /* index into steps */
        const char *reflection; /* NULL when none */
};

struct section {
        const char *id;
        const char *title;
        size_t first; /* index of its first screen in module.screens */
        size_t count;
};

struct module {
        int format;
        const char *id;
        const char *title;
        const char *summary;
        long order;
        bool has_order;
        int minutes; /* 0 when not given */
        double pass_mark;
        const char **outcomes;
        size_t noutcomes;
        const char **tags;
        size_t ntags;
        const char **pksb; /* CILIP PKSB areas the module supports */
        size_t npksb;
        const char *reviewed; /* YYYY-MM-DD the content was last checked, or NULL */
        struct section *sections;
        size_t nsections;
        struct screen *screens; /* every screen of every section, in order */
        size_t nscreens;

        unsigned id_line, id_column; /* where the id is written, for messages */
        const char *path;            /* the file it was loaded from (or "builtin:ID") */
        const char *source;          /* where it came from: a directory, or "built in" */
        char digest[65];             /* hex digest of the file's bytes */
        struct arena arena;
};

/* The modules loaded for a run, in menu order (order, then title). */
struct catalog {
        struct module **modules;
        size_t count;
};

/* The areas of CILIP's Professional Knowledge and Skills Base, as a
 * module's `pksb` names them; NULL-terminated. */
extern const char *const model_pksb_areas[];

/* Reads "YYYY-MM-DD" as a real calendar date; false for anything else. */
bool model_parse_date(const char *iso, int *year, int *month, int *day);

const char *model_kind_name(enum question_kind kind);
const char *model_type_name(enum screen_type type);
const char *model_ending_name(enum ending ending);
/* True for the kinds that can be right or wrong and so may carry points. */
bool model_kind_is_checked(enum question_kind kind);
/* Points that count towards the module's score (0 for unscored kinds). */
double model_screen_points(const struct screen *s);
double model_possible_points(const struct module *m);
/* Index of the screen with this id, or (size_t)-1. */
size_t model_find_screen(const struct module *m, const char *id);
const struct module *catalog_find(const struct catalog *c, const char *id);

void model_free(struct module **m);
void catalog_free(struct catalog *c);

#endif
