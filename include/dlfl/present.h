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

/* A figure of points with its noun, one rule everywhere: singular only
 * when the figure shown is exactly "1" ("1 point", "0.67 points",
 * "2 points"). */
void present_points_noun(double points, char *buf, size_t size);
/* earned of possible, the noun agreeing with the figure it follows:
 * "0.7 of 1 point", "2 of 3 points". */
void present_points_of(double earned, double possible, char *buf, size_t size);

/* A question's heading, the same in both front ends: "Question (1 point)",
 * "Question (0.5 points)", "Practice question (not scored)" for a checked
 * question worth 0 points, else its kind's own ("Reflection (not
 * scored)"). False, and buf left alone, for a screen that is no question. */
bool present_question_heading(const struct screen *sc, char *buf, size_t size);

/* What a case study's ending says: "A good ending.", "A mixed ending: some
 * of it went well.", "A poor ending: think about what could have gone
 * differently." */
const char *present_ending(enum ending e);
/* The way on from a case study's end: "Press Enter to go on, or r to walk
 * the case study again." (walked: it has steps), else "Press Enter to go
 * on." */
const char *present_case_go_on(bool walked);
/* The labels before a case study's reflection prompt, the reflection
 * saved, and one being written. */
#define PRESENT_REFLECT_LABEL "Reflect: "
#define PRESENT_REFLECTION_LABEL "Your reflection: "
#define PRESENT_DRAFT_LABEL "Your draft, not yet saved: "
/* Said when typing or pasting went past what an answer or a reflection
 * holds: "An answer holds at most 1 KiB: the rest was not kept." */
void present_too_long(bool reflection, char *buf, size_t size);
/* A match question's right-hand items, numbered under this heading. */
#define PRESENT_MATCHES_HEADING "Matches:"
#define PRESENT_REFLECTION_SAVED "Your reflection is saved."

/* Headings, the same in both front ends (malloc'd): "Summary: Title",
 * "Contents: Title", "Case study: Title". */
char *present_summary_heading(const struct module *m);
char *present_contents_heading(const struct module *m);
char *present_case_heading(const struct screen *sc);

/* ---- where the learner is ---- */

/* The position on a module's screen (product.md: "module, section, screen
 * n of m"): the front ends lay the three out (a title bar, a heading
 * line) in these words. On the summary (pos at or past the last screen)
 * there is no section and `where` is PRESENT_SUMMARY_ENTRY. */
struct present_position {
        const char *module;  /* the module's title */
        const char *section; /* the section's title, or NULL */
        char where[64];      /* "screen 3 of 12" */
};
void present_position(const struct module *m, size_t pos, struct present_position *out);

/* The first line of an author's text (a long prompt) rendered as plain
 * text at width columns, with " ..." when more follows (malloc'd): how a
 * screen is named in a list. */
char *present_first_line(const char *text, int width);

/* The contents list: every screen as "Kind: label", then the summary. */
#define PRESENT_SUMMARY_ENTRY "Module summary"
/* What names a screen there, before a front end cuts it to one line: a
 * question's prompt, else its title (as on the summary's list). */
const char *present_contents_label(const struct screen *sc);
/* A contents entry (malloc'd): "Lesson: Welcome (done)", "Question: What
 * is ... (seen) (you are here)"; `shown` is the label as the front end
 * cut it. st may be NULL (not seen). */
char *present_contents_entry(const struct screen *sc, const char *shown,
                             const struct screen_state *st, bool here);
/* The summary's entry: "Module summary", or "Module summary (you are
 * here)" (malloc'd). */
char *present_contents_summary(bool here);

/* ---- status ---- */

/* The status in the same words everywhere: "not started", "in progress
 * 40.0%" (of screens done), "not passed, 66.6%", "passed, 80.0%" ("passed"
 * alone when nothing is scored). */
void present_status(const struct summary *s, char *buf, size_t size);
/* Why a screen is on the summary's list to revisit: "not right", "not
 * answered", "not finished" (a case study), "not read" (a lesson). */
const char *present_revisit_why(const struct screen *sc, const struct screen_state *st);
/* What names it there: a question's prompt, else its title. */
const char *present_revisit_label(const struct screen *sc);
/* What follows the label, in brackets: "screen 3, not right" (pos counts
 * from 0). */
void present_revisit_note(const struct screen *sc, const struct screen_state *st, size_t pos,
                          char *buf, size_t size);
/* A score as a number for a table cell (CSV): one decimal, rounded down,
 * without "%" ("75.0"); empty when nothing is scored. */
void present_score_cell(const struct summary *s, char *buf, size_t size);
/* The bare status word: "not started", "in progress", "not passed", "passed". */
const char *present_status_word(enum module_status st);
/* The module to resume: the one in progress most recently worked on
 * (ties to the one listed first), or -1. rec may be NULL. */
int present_resume(const struct catalog *c, const struct learner_record *rec);

/* ---- the module menu ---- */

/* A module's row under its title: its status, then its minutes when the
 * author gave them: "not started; about 5 minutes", "passed, 80.0%". */
void present_menu_info(const struct module *m, const struct summary *s, char *buf, size_t size);
/* The menu item that resumes: "Resume where you left off: Title" (malloc'd). */
char *present_resume_item(const struct module *m);
/* A module file that cannot be opened: "Cannot be opened: FILE: WHY"
 * (malloc'd; the caller draws it safely). */
char *present_broken(const char *file, const char *why);

/* ---- learners ---- */

/* The learner picker's entries after the names (product.md: "Guest"
 * (nothing is stored)); each front end adds the key or number that
 * picks them. */
#define PRESENT_NEW_LEARNER "New learner"
#define PRESENT_GUEST "Guest (nothing is stored)"
/* Said once a guest starts, and when a guest asks to be forgotten. */
#define PRESENT_GUEST_STARTED "You are a guest: nothing you do is stored."
#define PRESENT_GUEST_NOTHING "Nothing is stored for a guest."
/* A learner's record that cannot be opened, when the store gives no why. */
#define PRESENT_CANNOT_OPEN "That learner's record cannot be opened."
/* A name typed at the new-learner step, decided once for both front ends:
 * refused (*why says why: not a valid name, or the learners cannot be
 * listed), a new learner, or one already in the store by its identity
 * (NFKC, case folding, spaces: store_same_name), *existing then being
 * that learner's name as first typed (malloc'd), opened like picking it
 * from the list, passphrase and all. st may be NULL (no store): NEW, and
 * opening says why it cannot. */
struct store;
enum present_name { PRESENT_NAME_NEW, PRESENT_NAME_EXISTING, PRESENT_NAME_REFUSED };
enum present_name present_new_name(struct store *st, const char *typed, char **existing,
                                   const char **why);
/* Said before an existing learner's record is opened from the new-learner
 * step: "There is already a learner called Ann: opening that record." */
char *present_existing_notice(const char *name);
/* The module menu's heading, "Learner: Ann" (malloc'd), and what it says
 * when no module was found. */
char *present_menu_heading(const char *name);
#define PRESENT_NO_MODULES "No modules were found."
/* Logging out on a public terminal (q), and after the idle timeout. */
#define PRESENT_LOGGED_OUT "Logged out. Your progress is saved."
#define PRESENT_IDLE_LOGGED_OUT                                                                    \
        "You were away for a while, so your progress was saved and you were logged out."

/* Before another try at a passphrase: "Please wait 1 second before trying
 * again." */
void present_wait(unsigned seconds, char *buf, size_t size);
#define PRESENT_PASS_WRONG "That passphrase is not right."
/* Said before a protected profile's passphrase is asked for. */
#define PRESENT_PASS_ASKED "This profile has a passphrase."
/* "Forget me", in both front ends: the record deleted, not deleted (with
 * why, malloc'd), or kept (the name typed was not the learner's, or
 * nothing was typed). */
#define PRESENT_FORGOTTEN "Your record is deleted."
char *present_forget_failed(const char *why);
#define PRESENT_FORGET_KEPT "Your record is kept."
#define PRESENT_FORGET_NOT_YOU "That is not your name, so your record is kept."

/* Said on opening a module whose file changed since the learner's last
 * visit. */
#define PRESENT_MODULE_CHANGED                                                                     \
        "This module has changed since you last worked on it. Your progress on the screens it "    \
        "still has is kept."

/* ---- the module intro ---- */

struct present_intro {
        bool started;               /* the learner went past this intro before (so "continue") */
        size_t done[64], count[64]; /* per section (first 64): screens complete, screens */
        char facts[128];            /* "About 5 minutes. Pass mark 70%." (the frozen pass mark),
                                       or "... Nothing in this module is scored." */
        char reviewed[64];          /* "Content checked on 29 November 2026.", or empty */
};
/* The intro's headings, the same in both front ends. */
#define PRESENT_OUTCOMES_HEADING "By the end you will be able to:"
#define PRESENT_SECTIONS_HEADING "Sections:"
#define PRESENT_PKSB_HEADING "Areas of CILIP's Professional Knowledge and Skills Base (PKSB):"
void present_intro(const struct module *m, const struct module_record *mr,
                   struct present_intro *out);
/* A section's line: "Title (1 of 4 screens done)" (malloc'd); i counts
 * from 0 in m->sections. */
char *present_intro_section(const struct module *m, const struct present_intro *in, size_t i);
/* The way on from the intro: "Press Enter to start.", "Press Enter to
 * continue where you left off, or r for the whole module again.", or (an
 * attempt finished, standing at its summary) "Press Enter for your
 * summary, or r for the whole module again." */
const char *present_intro_go_on(const struct present_intro *in, bool at_summary);

/* ---- starting again (module-format.md, Scoring) ---- */

/* A learner who completed a module without passing is offered "the
 * questions again" (lessons count as read; every other screen fresh)
 * before "the whole module again"; anyone may take the whole module
 * again. The keys are a and r in both front ends. */
#define PRESENT_AGAIN_QUESTIONS "the " PRESENT_AGAIN_QUESTIONS_KEY
#define PRESENT_AGAIN_MODULE "the " PRESENT_AGAIN_MODULE_KEY
/* The same offers in the fewest words, beside a key (the TUI's status
 * line: "a questions again", "r whole module again"); a case study's
 * r walks it again (present_case_go_on). */
#define PRESENT_AGAIN_QUESTIONS_KEY "questions again"
#define PRESENT_AGAIN_MODULE_KEY "whole module again"
#define PRESENT_CASE_AGAIN_KEY "walk again"
/* True when "the questions again" is offered after this result. */
bool present_again_questions(const struct summary *s);
/* The offer on the summary, after the front end's verb ("Press", "Type"):
 * "Press a for the questions again (lessons count as read), or r for the
 * whole module again." or "Press r for the whole module again." */
void present_again_offer(const struct summary *s, const char *verb, char *buf, size_t size);
/* Asked before the whole module again is started (where a key alone does it). */
#define PRESENT_AGAIN_CONFIRM                                                                      \
        "Start the whole module again? Your earlier attempt stays in your record."
/* Said once started again: "The questions again: lessons count as read.
 * Your earlier attempt stays in your record." or "The whole module again:
 * ...". */
const char *present_again_started(bool questions);

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
/* Why no hint is given when one is asked for here: "There is no hint
 * here." (not a question), "This question has no hints.", "This question
 * is settled: no more hints.", or "There are no more hints for this
 * question." */
const char *present_no_hint(const struct session *s);
/* An answer given again to a question already answered (it counts for
 * nothing). */
#define PRESENT_ANSWER_ALREADY "You have already answered this question."
/* Said on going on from a question not answered (or not settled). */
#define PRESENT_LEFT_UNANSWERED                                                                    \
        "Left unanswered: it is listed on the module summary to come back to."
/* Said on going back from the module's first screen. */
#define PRESENT_FIRST_SCREEN "This is the first screen."
/* What going on from the current screen says: PRESENT_LEFT_UNANSWERED
 * on a question not yet complete, else NULL. Ask before moving on. */
const char *present_going_on(const struct session *s);
void present_parts_free(struct present_parts *p);

/* ---- the module summary ---- */

struct present_summary {
        char score[200];  /* "Score: 2 of 3 points (66.6%); the pass mark is 70%." */
        char result[160]; /* "Result: not passed." / "Result: passed." / not complete */
        char time[96];    /* "Time spent: 12 minutes." */
        bool passed, complete;
};
void present_summary(const struct summary *s, struct present_summary *out);
/* The summary's list of screens to revisit, headed "To revisit:", or
 * "Nothing to revisit." */
#define PRESENT_REVISIT_HEADING "To revisit:"
#define PRESENT_REVISIT_NONE "Nothing to revisit."
/* The way on from the summary: "Next module: Title" (malloc'd), or after
 * the last module "This is the last module: Enter or m returns to the
 * module menu." */
char *present_summary_next(const struct module *next);

#endif
