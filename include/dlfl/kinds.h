/* Question kinds as one table of operations: everything that differs from
 * one kind to another (its name and keys, defaults, loading, checking, the
 * right answer, xAPI, line mode's instruction, the widget that takes the
 * answer) is one row in src/kinds.c. The loader, the session, the exports
 * and both front ends ask the row and never switch on the kind, so a new
 * kind is one row there plus, at most, one new widget per front end. */
#ifndef DLFL_KINDS_H
#define DLFL_KINDS_H

#include <stdbool.h>
#include <stddef.h>

#include "dlfl/model.h"

/* How a learner gives the answer; the front ends draw only these. */
enum kind_widget {
        WIDGET_PICK_ONE,    /* one of the options */
        WIDGET_PICK_MANY,   /* any set of the options */
        WIDGET_ORDER,       /* every option, each once, in an order */
        WIDGET_MATCH,       /* for each left item (pairs), one right option */
        WIDGET_TYPE_TEXT,   /* a line of text, or several when long_text */
        WIDGET_TYPE_NUMBER, /* a number */
        WIDGET_COUNT
};

/* How the options are shown. */
enum kind_shuffle {
        SHUFFLE_NEVER,          /* as written */
        SHUFFLE_IF_ASKED,       /* by `shuffle`, on by default */
        SHUFFLE_NOT_AS_WRITTEN, /* always, and never in the (right) written order */
};

/* What a typed answer is found to be. */
enum kind_verdict { VERDICT_WRONG, VERDICT_RIGHT, VERDICT_INVALID };

struct lctx;
struct ynode;
struct json;
struct screen_state;

struct kind_ops {
        const char *name;               /* as `kind:` writes it */
        const char *label;              /* the contents list's word for it */
        const char *const *keys;        /* YAML keys of this kind besides the common ones */
        int attempts;                   /* the default of `attempts` */
        bool checked;                   /* can be right or wrong, and so carry points */
        enum kind_widget widget;        /* what takes the answer */
        bool long_text;                 /* type text: several lines, kept as the learner's own */
        enum kind_shuffle shuffle;      /* pick and order widgets */
        int input_rows;                 /* rows the answer takes beyond the option texts */
        bool options_md;                /* option texts are Markdown (else plain text) */
        bool words_ok;                  /* line mode: an option may be typed as its text */
        const char *instruction;        /* line mode; "%zu" stands for the number of options */
        const char *screen_instruction; /* the TUI's, the same way */
        const char *heading;            /* unchecked kinds: the heading above the prompt */
        const char *empty;              /* type widgets: said to an empty answer */

        /* Reads and validates the kind's own keys (loader context). */
        void (*load)(struct lctx *c, const struct ynode *map, struct screen *s);
        /* Pick widgets: how many options, and option i's text as written. */
        size_t (*options)(const struct screen *s);
        const char *(*option)(const struct screen *s, size_t i);
        /* Pick widgets: the options a recorded response picked, as written
         * (0-based); the count, or 0 when the response does not parse. */
        size_t (*picks_of)(const struct screen *s, const char *response, size_t *out, size_t max);
        /* Pick widgets: a (checked) pick of the options as written, in
         * *n, which it may reorder or shorten; sets the response to record. */
        bool (*check_picks)(const struct screen *s, size_t *picks, size_t *n, char **response);
        /* Type widgets: a trimmed, non-empty answer; problem says why not
         * when invalid. */
        enum kind_verdict (*check_text)(const struct screen *s, const char *text,
                                        const char **problem);
        /* Two responses that count as the same answer (NULL: the same bytes). */
        bool (*same)(const char *a, const char *b);
        /* The author's remarks on the options picked (as written), and for
         * each the option's text where several could be picked (else NULL). */
        size_t (*remarks)(const struct screen *s, const char *response, const size_t *picks,
                          size_t npicks, const char **out, const char **about, size_t max);
        /* The spelling the learner was allowed a typo of, or NULL. */
        const char *(*typo_of)(const struct screen *s, const char *response);
        /* The right answer as a learner reads it; order is the shown order. */
        char *(*right_answer)(const struct screen *s, const size_t *order, size_t n);

        const char *xapi_type; /* xAPI interactionType */
        /* The definition's correctResponsesPattern and components. */
        void (*xapi_define)(struct json *j, const struct screen *s);
        /* The statement's response (allocated), or NULL for none. */
        char *(*xapi_response)(const struct screen *s, const struct screen_state *st);
};

/* The row of a kind, or NULL when out of range. */
const struct kind_ops *kind_ops(enum question_kind k);
/* The kind with this name, or -1. */
int kind_find(const char *name);
size_t kinds_count(void);
/* "single, multiple, ... or rating", for messages that list them all. */
const char *kinds_names(void);
/* Every key any kind has besides the common ones, NULL-terminated. */
const char *const *kinds_all_keys(void);
/* Line mode's instruction for a question with n options. */
void kind_instruction(const struct screen *s, size_t n, char *buf, size_t size);
/* The full-screen player's instruction, the same way. */
void kind_screen_instruction(const struct screen *s, size_t n, char *buf, size_t size);

#endif
