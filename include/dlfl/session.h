/* A learner working through one module: position, answers, scoring,
 * case-study walks, completion and the summary, exactly as the module
 * format's rules say. No curses and no I/O: both front ends drive this, and
 * it writes the learner's progress only into the struct learner_record it
 * was given (record.h), calling the save hook after every change.
 *
 * Choices, order items and match right-hand items are shown in a stable
 * shuffled order seeded from the learner and the screen id. Everything a
 * front end passes in is a *shown* position (0-based); the session maps it
 * to the author's order. Responses are recorded in the author's order,
 * 1-based, comma-separated ("2", "1,3"); true-false as "true"/"false";
 * rating as its level "0".."n-1"; text and numeric as typed. */
#ifndef DLFL_SESSION_H
#define DLFL_SESSION_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "dlfl/model.h"
#include "dlfl/record.h"

struct session;

/* Opens module m for the learner whose progress is rec (which the session
 * borrows and must outlive it). learner seeds the shuffles. Resumes the
 * current attempt at its saved position, or starts the first attempt. */
struct session *session_open(const struct module *m, struct learner_record *rec,
                             const char *learner, time_t now);
void session_close(struct session **s, time_t now);
/* Called after every answer and every screen change, to persist. */
void session_set_save_hook(struct session *s, void (*hook)(void *ctx), void *ctx);

const struct module *session_module(const struct session *s);
/* The module file changed since this attempt was last saved (the learner
 * should be told; progress for screens that still exist is kept). */
bool session_module_changed(const struct session *s);

/* Position: 0..count-1 are screens; count is the module summary. */
size_t session_position(const struct session *s);
size_t session_count(const struct session *s);
bool session_on_summary(const struct session *s);
const struct screen *session_screen(const struct session *s); /* NULL on summary */
/* The current screen's section; on the summary, the last section. */
const struct section *session_section(const struct session *s);
bool session_next(struct session *s, time_t now); /* false at the summary */
bool session_back(struct session *s, time_t now); /* false at the first screen */
void session_go(struct session *s, size_t position, time_t now);
/* Goes to the first screen of section `section` (an index into sections). */
void session_go_section(struct session *s, size_t section, time_t now);
/* The current screen is now shown to the learner (after the module's
 * intro, or on resuming): marks it seen, and a lesson complete. Moving with
 * next, back and go does this by itself. */
void session_arrive(struct session *s, time_t now);
/* Accounts time on the current screen since the last tick, measured on
 * the session's clock (monotonic, so setting the wall clock neither adds
 * nor removes time; now is not used for it); gaps longer than the idle cap
 * (five minutes) count as the cap, so a learner who walks away is not
 * credited. */
void session_tick(struct session *s, time_t now);
/* CLOCK_MONOTONIC in seconds: the default clock of every session. */
double session_monotonic(void);
/* Replaces the clock durations are measured on (NULL: the default), for
 * tests; the next tick counts from now on it. */
void session_set_clock(struct session *s, double (*clock)(void));
/* Starts a new attempt at the first screen; the old one stays recorded. */
void session_restart(struct session *s, time_t now);
/* Starts "the questions again": a new attempt where lessons count as read
 * and only the other screens (questions, case studies, ratings,
 * reflections) are visited; next and back pass over lessons. */
void session_restart_questions(struct session *s, time_t now);
/* Goes to a question listed on the summary; the next "next" from there
 * comes back to the summary. */
void session_revisit(struct session *s, size_t position, time_t now);
bool session_revisiting(const struct session *s);

/* What the learner typed or ticked on the current screen and has not
 * submitted: kept in the record so it is there when they come back.
 * NULL or "" clears it; an answer clears it too. */
void session_set_draft(struct session *s, const char *draft, time_t now);
const char *session_draft(const struct session *s); /* NULL when none */
/* The attempt being worked on (the record's current one). */
const struct attempt *session_attempt(const struct session *s);

/* The current screen's state (never NULL on a screen). */
const struct screen_state *session_state(const struct session *s);
const struct screen_state *session_state_at(const struct session *s, size_t position);
bool session_screen_complete(const struct session *s, size_t position);
/* The question on the current screen takes no more answers: settled
 * (right, or its attempts used up), or an unscored one answered. Both
 * front ends ask this, so they close a question alike. */
bool session_question_closed(const struct session *s);

/* The shuffled order of the current screen's choices (single, multiple),
 * items (order) or right-hand items (match): shown position -> author's
 * index. n receives the count. Identity where nothing is shuffled. */
const size_t *session_shown_order(const struct session *s, size_t *n);
/* The current question's latest answer as shown positions (0-based), so a
 * front end can show a returning learner what they picked: single, multiple
 * and rating picks, true-false (0 True, 1 False), order (shown positions in
 * the learner's order), match (for each left item, the shown position of
 * its right item). Returns the count (0 when unanswered), at most max. */
size_t session_last_picks(const struct session *s, size_t *out, size_t max);

enum answer_result {
        ANSWER_INVALID, /* not an answer for this question; see session_problem() */
        ANSWER_RIGHT,
        ANSWER_WRONG,         /* another attempt is allowed */
        ANSWER_SETTLED_WRONG, /* wrong and no attempts left */
        ANSWER_RECORDED,      /* unscored kinds: reflection, rating */
        ANSWER_ALREADY,       /* the question was already settled */
};

/* single, true-false (0 True, 1 False), rating, multiple (several picks),
 * order (every shown position, in the learner's order), match (for each
 * left item in turn, the shown position of its right item). */
enum answer_result session_answer_picks(struct session *s, const size_t *picks, size_t n,
                                        time_t now);
/* text, numeric and reflection. */
enum answer_result session_answer_text(struct session *s, const char *text, time_t now);
/* Why the last answer was ANSWER_INVALID, as a sentence for the learner. */
const char *session_problem(const struct session *s);

/* For a text question answered right only through `typos: true`, the
 * accepted spelling ("efficient"); NULL otherwise. */
const char *session_typo_spelling(const struct session *s);

/* Feedback to show for the current question's latest answer, in order:
 * per-choice feedback of the picked choices, then the general
 * correct/incorrect feedback. Returns the number of strings (at most max). */
size_t session_feedback(const struct session *s, const char **out, size_t max);
/* For a multiple question, the text of the choice whose feedback is the
 * i-th string session_feedback() gives (so the learner knows which tick
 * it is about); NULL for general feedback and other kinds. */
const char *session_feedback_choice(const struct session *s, size_t i);
/* The next hint, counting it as used; NULL when there is none to give.
 * One more is also given by itself after each wrong attempt that leaves
 * attempts; a learner may ask for the next one at any time before the
 * question is settled. */
const char *session_hint(struct session *s, time_t now);
/* Hints already given for the current question, in order. */
size_t session_hints_shown(const struct session *s, const char **out, size_t max);
bool session_hint_available(const struct session *s);
/* Once settled: the right answer in words ("Public task", "True",
 * "1. a  2. b", ...), as a fresh string the caller frees; NULL before. */
char *session_right_answer(const struct session *s);
int session_attempts_left(const struct session *s); /* -1 unlimited */

/* Case studies. The current step (NULL before the scenario is read: step
 * walks begin with session_case_begin). */
void session_case_begin(struct session *s, time_t now);
const struct step *session_case_step(const struct session *s);
/* Takes choice `shown` (0-based, author's order) of the current step;
 * returns its feedback or NULL. Reaching an ending completes the screen (as
 * the format says: "a case study once an ending is reached"); the
 * reflection, if any, is then offered but does not hold completion back. */
const char *session_case_choose(struct session *s, size_t shown, time_t now);
/* The feedback of the choice that led to the current step, or NULL. */
const char *session_case_last_feedback(const struct session *s);
/* An ending is reached (or the case has no steps), the case has a
 * reflection, and none is written. */
bool session_case_needs_reflection(const struct session *s);
void session_case_reflect(struct session *s, const char *text, time_t now);
/* Walks the case study again from the start (the path is replaced; the
 * ending reached before stays recorded until a new one replaces it, and
 * the screen stays complete). */
void session_case_restart(struct session *s, time_t now);

/* STATUS_COMPLETE is a completed module that did not reach the pass mark:
 * its word is "not passed". A module is not started until the learner goes
 * past its intro (a screen is seen). */
enum module_status { STATUS_NOT_STARTED, STATUS_IN_PROGRESS, STATUS_COMPLETE, STATUS_PASSED };

struct summary {
        enum module_status status;
        double earned, possible;
        double percent; /* earned/possible*100; 100 when nothing is scored */
        double pass_mark;
        bool complete, passed;
        bool started;       /* the learner went past the intro (a screen was seen) */
        size_t done, total; /* screens complete */
        double seconds;
        size_t revisit[64]; /* screens not complete, scored questions not right */
        size_t nrevisit;
};

void session_summary(const struct session *s, struct summary *out);
/* The same for a module's record without opening a session (menus,
 * `dlfl progress`, reports); mr may be NULL. */
void session_status(const struct module *m, const struct module_record *mr, struct summary *out);
const char *session_status_name(enum module_status st);

#endif
