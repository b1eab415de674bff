/* What a learner is told, decided once for both front ends and for the
 * commands and exports: status words, percentages, points, durations,
 * which module to resume, the intro's facts, what is said after an
 * answer, and the module summary's lines. No curses and no I/O: the TUI
 * and line mode only draw what these return.
 *
 * Ownership: strings written into caller buffers are truncated to fit;
 * struct present_parts owns its texts (present_parts_free releases them);
 * `label` and Markdown `text` that come from the module are copied too. */
#ifndef DLFL_PRESENT_H
#define DLFL_PRESENT_H

#include <stdbool.h>
#include <stddef.h>

#include "dlfl/model.h"
#include "dlfl/record.h"
#include "dlfl/session.h"

/* ---- numbers ---- */

/* A percentage with one decimal place, rounded down, and "%": 2 of 3 is
 * "66.6%", 69.8 is "69.8%", never "70%". The pass decision uses the exact
 * fraction (session_status); this is only how it is shown. */
void present_percent(double percent, char *buf, size_t size);
/* The same value as a number rounded down to one decimal (for CSV cells). */
double present_percent_value(double percent);
/* earned of possible as a percentage, as above; "0.0%" when possible is 0. */
void present_fraction(double earned, double possible, char *buf, size_t size);
/* Points as an author would write them: "1", "0.67", "2.5". */
void present_points(double points, char *buf, size_t size);
/* Whole minutes of time spent, rounded down like percentages (119
 * seconds is 1): the one count behind every duration shown, in words,
 * in CSV and in the report. */
long present_minutes(double seconds);
/* Time spent: "under a minute", "1 minute", "12 minutes", "1 hour 5 minutes". */
void present_duration(double seconds, char *buf, size_t size);

/* What a screen is, in the contents list: "Lesson", "Question",
 * "Reflection", "Rating" or "Case study". */
const char *present_screen_kind(const struct screen *sc);

/* ---- status ---- */

/* The status in the same words everywhere: "not started", "in progress
 * 40.0%" (of screens done), "not passed, 66.6%", "passed, 80.0%" ("passed"
 * alone when nothing is scored). */
void present_status(const struct summary *s, char *buf, size_t size);
/* A score as a number for a table cell (CSV): one decimal, rounded down,
 * without "%" ("75.0"); empty when nothing is scored. */
/* Why a screen is on the summary's list to revisit: "not right", "not
 * answered", "not finished" (a case study), "not read" (a lesson). */
const char *present_revisit_why(const struct screen *sc, const struct screen_state *st);
/* What names it there: a question's prompt, else its title. */
const char *present_revisit_label(const struct screen *sc);
void present_score_cell(const struct summary *s, char *buf, size_t size);
/* The bare status word: "not started", "in progress", "not passed", "passed". */
const char *present_status_word(enum module_status st);
/* The module to resume: the one in progress most recently worked on
 * (ties to the one listed first), or -1. rec may be NULL. */
int present_resume(const struct catalog *c, const struct learner_record *rec);

/* ---- the module intro ---- */

struct present_intro {
        bool started;               /* the learner went past this intro before (so "continue") */
        size_t done[64], count[64]; /* per section (first 64): screens complete, screens */
        char facts[96];             /* "About 5 minutes. Pass mark 70%." (the frozen pass mark) */
        char reviewed[64];          /* "Content checked on 29 November 2026.", or empty */
};
/* The intro's headings, the same in both front ends. */
#define PRESENT_OUTCOMES_HEADING "By the end you will be able to:"
#define PRESENT_PKSB_HEADING "Areas of CILIP's Professional Knowledge and Skills Base (PKSB):"
void present_intro(const struct module *m, const struct module_record *mr,
                   struct present_intro *out);
/* "Press Enter to start." or "Press Enter to continue where you left off." */
const char *present_intro_go_on(const struct present_intro *in);

/* ---- after an answer ---- */

enum present_part_kind {
        PART_VERDICT,     /* "Right.", "Right: efficient", "Not right. Try again: ..." */
        PART_POINTS,      /* "You earned 0.67 of 1 point." */
        PART_FEEDBACK,    /* per-choice or general feedback (Markdown) */
        PART_WRONG_ITEM,  /* match/order: one wrong pair or place */
        PART_HINT,        /* label "Hint: " (Markdown) */
        PART_RIGHT,       /* the right answer; label "The right answer: " or one line of it */
        PART_EXPLANATION, /* Markdown */
        PART_NOTE,        /* "Saved.", "Press Enter to go on." */
};

struct present_part {
        enum present_part_kind kind;
        const char *label; /* a prefix to draw before the text, or NULL */
        char *text;
        bool markdown;  /* text is the author's Markdown */
        bool good, bad; /* colour hints: right / wrong (words say it too) */
};

struct present_parts {
        struct present_part *v;
        size_t n, cap;
};

/* What to say for the current question as it stands, in order: verdict,
 * points, per-choice feedback, wrong pairs or places, hints given, the
 * right answer, the explanation. Empty before the first answer (except
 * hints asked for). hint_key names the key that gives the next hint
 * ("h", or "F1" in an answer box); NULL for no such line. */
void present_answer(const struct session *s, const char *hint_key, struct present_parts *out);
void present_parts_free(struct present_parts *p);

/* ---- the module summary ---- */

struct present_summary {
        char score[200];  /* "Score: 2 of 3 points (66.6%); the pass mark is 70%." */
        char result[160]; /* "Result: not passed." / "Result: passed." / not complete */
        char time[96];    /* "Time spent: 12 minutes." */
        bool passed, complete;
};
void present_summary(const struct summary *s, struct present_summary *out);

#endif
