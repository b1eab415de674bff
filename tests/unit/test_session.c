/* The session engine: checking and scoring for every kind, hints, case
 * studies, completion and pass, restart, resume and stable shuffles. The
 * modules are YAML run through the real loader. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "dlfl/loader.h"
#include "dlfl/session.h"

#define T0 ((time_t)1700000000)

static struct module *load(const char *yaml)
{
        struct diag_list diags = {0};
        struct module *m = loader_load_buffer("test.yaml", yaml, strlen(yaml), &diags);

        if (m == NULL)
                diag_print(&diags, stderr);
        diag_free(&diags);
        assert_non_null(m);
        return m;
}

#define HEAD                                                                                       \
        "format: 1\nid: t\ntitle: T\nsummary: S\n"                                                 \
        "sections:\n  - id: s1\n    title: One\n    screens:\n"

/* A module of one question: body is the screen's fields after kind. */
static struct module *one_question(const char *kind, const char *body)
{
        char *y;
        struct module *m;
        size_t n = strlen(HEAD) + strlen(kind) + strlen(body) + 256;

        y = malloc(n);
        snprintf(y, n,
                 "%s      - type: question\n        id: q\n        kind: %s\n"
                 "        prompt: P\n%s",
                 HEAD, kind, body);
        m = load(y);
        free(y);
        return m;
}

struct fix {
        struct module *m;
        struct learner_record *rec;
        struct session *s;
        int saves;
};

static void count_save(void *ctx)
{
        ((struct fix *)ctx)->saves++;
}

static void open_fix(struct fix *f, struct module *m, const char *learner)
{
        f->m = m;
        f->rec = record_new(learner);
        f->s = session_open(m, f->rec, learner, T0);
        session_arrive(f->s, T0); /* as a front end does once the screen is up */
        f->saves = 0;
        session_set_save_hook(f->s, count_save, f);
}

static void close_fix(struct fix *f)
{
        session_close(&f->s, T0 + 1000);
        record_free(&f->rec);
        model_free(&f->m);
}

/* The shown position of the author's choice/item `author`. */
static size_t shown(struct session *s, size_t author)
{
        size_t n;
        const size_t *o = session_shown_order(s, &n);

        for (size_t i = 0; i < n; i++)
                if (o[i] == author)
                        return i;
        fail_msg("no shown position for %zu", author);
        return 0;
}

static enum answer_result pick1(struct session *s, size_t author)
{
        size_t p = shown(s, author);

        return session_answer_picks(s, &p, 1, T0 + 10);
}

#define CHOICES3                                                                                   \
        "        choices:\n"                                                                       \
        "          - text: A\n            feedback: fa\n"                                          \
        "          - text: B\n            correct: true\n            feedback: fb\n"               \
        "          - text: C\n"

static const char *two_questions(int pass_mark);

/* ---- single and penalty arithmetic ---- */

static void single_right_first_time(void **state)
{
        struct fix f;
        const char *fb[4];

        (void)state;
        open_fix(&f,
                 one_question("single", CHOICES3 "        feedback:\n          correct: yes\n"
                                                 "          incorrect: no\n"),
                 "ann");
        assert_int_equal(pick1(f.s, 1), ANSWER_RIGHT);
        assert_true(session_state(f.s)->settled);
        assert_true(session_state(f.s)->complete);
        assert_float_equal(session_state(f.s)->points, 1.0, 1e-12);
        assert_int_equal(session_feedback(f.s, fb, 4), 2);
        assert_string_equal(fb[0], "fb");
        assert_string_equal(fb[1], "yes");
        assert_int_equal(pick1(f.s, 0), ANSWER_ALREADY);
        assert_int_equal(session_state(f.s)->attempts, 1);
        {
                char *r = session_right_answer(f.s);

                assert_string_equal(r, "B");
                free(r);
        }
        close_fix(&f);
}

static void single_penalty_one_wrong(void **state)
{
        struct fix f;
        const char *fb[4];

        (void)state;
        open_fix(&f, one_question("single", CHOICES3 "        hint: think\n"), "ann");
        assert_null(session_right_answer(f.s));
        assert_int_equal(pick1(f.s, 0), ANSWER_WRONG);
        assert_int_equal(session_feedback(f.s, fb, 4), 1);
        assert_string_equal(fb[0], "fa");
        assert_int_equal(session_attempts_left(f.s), 1);
        assert_int_equal(pick1(f.s, 1), ANSWER_RIGHT);
        assert_float_equal(session_state(f.s)->points, 0.67, 1e-9);
        assert_int_equal(session_state(f.s)->wrong, 1);
        close_fix(&f);
}

static void penalty_custom_and_floor(void **state)
{
        struct fix f;

        (void)state;
        open_fix(&f,
                 one_question("single", CHOICES3 "        points: 3\n        penalty: 0.25\n"
                                                 "        attempts: 4\n"),
                 "ann");
        assert_int_equal(pick1(f.s, 0), ANSWER_WRONG);
        assert_int_equal(pick1(f.s, 2), ANSWER_WRONG);
        assert_int_equal(pick1(f.s, 1), ANSWER_RIGHT);
        assert_float_equal(session_state(f.s)->points, 1.5, 1e-12); /* 3 x (1 - 0.5) */
        close_fix(&f);

        open_fix(&f,
                 one_question("single", CHOICES3 "        points: 2\n        penalty: 0.6\n"
                                                 "        attempts: 3\n"),
                 "ann");
        pick1(f.s, 0);
        pick1(f.s, 2);
        assert_int_equal(pick1(f.s, 1), ANSWER_RIGHT);
        assert_float_equal(session_state(f.s)->points, 0.0, 1e-12); /* max(0, 1 - 1.2) */
        close_fix(&f);
}

static void attempts_used_up(void **state)
{
        struct fix f;
        struct summary sum;

        (void)state;
        open_fix(&f, one_question("single", CHOICES3 "        explanation: because\n"), "ann");
        assert_int_equal(pick1(f.s, 0), ANSWER_WRONG);
        assert_int_equal(pick1(f.s, 2), ANSWER_SETTLED_WRONG);
        assert_true(session_state(f.s)->settled);
        assert_false(session_state(f.s)->correct);
        assert_float_equal(session_state(f.s)->points, 0, 0);
        assert_int_equal(pick1(f.s, 1), ANSWER_ALREADY);
        assert_int_equal(session_attempts_left(f.s), 0);
        session_summary(f.s, &sum);
        assert_int_equal(sum.nrevisit, 1);
        assert_int_equal(sum.revisit[0], 0);
        close_fix(&f);
}

static void unlimited_attempts(void **state)
{
        struct fix f;

        (void)state;
        open_fix(&f, one_question("single", CHOICES3 "        attempts: 0\n        penalty: 0.1\n"),
                 "ann");
        for (int i = 0; i < 5; i++) {
                assert_int_equal(pick1(f.s, i % 2 ? 0 : 2), ANSWER_WRONG);
                assert_int_equal(session_attempts_left(f.s), -1);
        }
        assert_int_equal(pick1(f.s, 1), ANSWER_RIGHT);
        assert_float_equal(session_state(f.s)->points, 0.5, 1e-9);
        assert_int_equal(session_state(f.s)->attempts, 6);
        close_fix(&f);
}

static void practice_question_unscored(void **state)
{
        struct fix f;
        struct summary sum;

        (void)state;
        open_fix(&f, one_question("single", CHOICES3 "        points: 0\n"), "ann");
        assert_int_equal(pick1(f.s, 0), ANSWER_WRONG);
        assert_int_equal(pick1(f.s, 2), ANSWER_SETTLED_WRONG);
        session_summary(f.s, &sum);
        assert_float_equal(sum.possible, 0, 0);
        assert_true(sum.complete);
        assert_true(sum.passed); /* nothing scored: passes on completion */
        assert_int_equal(sum.nrevisit, 0);
        close_fix(&f);
}

/* ---- the other kinds ---- */

static void multiple_exact_set(void **state)
{
        struct fix f;
        size_t p[4];

        (void)state;
        open_fix(&f,
                 one_question("multiple", "        attempts: 3\n        choices:\n"
                                          "          - text: A\n            correct: true\n"
                                          "          - text: B\n"
                                          "          - text: C\n            correct: true\n"),
                 "ann");
        assert_int_equal(session_answer_picks(f.s, p, 0, T0), ANSWER_INVALID);
        assert_int_equal(session_state(f.s)->attempts, 0);
        p[0] = shown(f.s, 0);
        assert_int_equal(session_answer_picks(f.s, p, 1, T0), ANSWER_WRONG); /* partial */
        p[1] = shown(f.s, 1);
        p[2] = shown(f.s, 2);
        assert_int_equal(session_answer_picks(f.s, p, 3, T0), ANSWER_WRONG); /* too many */
        p[0] = shown(f.s, 2);
        p[1] = shown(f.s, 0);
        p[2] = shown(f.s, 0);
        assert_int_equal(session_answer_picks(f.s, p, 3, T0), ANSWER_RIGHT);
        assert_string_equal(session_state(f.s)->response, "1,3");
        assert_float_equal(session_state(f.s)->points, 1 * (1 - 0.33 * 2), 1e-9);
        close_fix(&f);
}

/* Issue 12: after the clock is set back, `updated` (and `completed`) never
 * goes before the attempt's `started`. */
static void clock_set_back_keeps_order(void **state)
{
        struct fix f;
        size_t p = 0;
        const struct attempt *a;

        (void)state;
        open_fix(&f, one_question("true-false", "        answer: true\n"), "ann");
        session_answer_picks(f.s, &p, 1, T0 - 86400);
        a = &f.rec->modules[0].attempts[f.rec->modules[0].nattempts - 1];
        assert_true(a->updated >= a->started);
        assert_true(a->completed == 0 || a->completed >= a->started);
        close_fix(&f);
}

static void true_false_one_attempt(void **state)
{
        struct fix f;
        size_t p = 0;
        const char *fb[4];

        (void)state;
        open_fix(&f,
                 one_question("true-false", "        answer: false\n        feedback_true: ft\n"
                                            "        feedback_false: ff\n"),
                 "ann");
        assert_int_equal(session_answer_picks(f.s, &p, 1, T0), ANSWER_SETTLED_WRONG);
        assert_string_equal(session_state(f.s)->response, "true");
        assert_int_equal(session_feedback(f.s, fb, 4), 1);
        assert_string_equal(fb[0], "ft");
        {
                char *r = session_right_answer(f.s);

                assert_string_equal(r, "False");
                free(r);
        }
        close_fix(&f);

        open_fix(&f,
                 one_question("true-false", "        answer: false\n        feedback_false: ff\n"),
                 "ann");
        p = 1;
        assert_int_equal(session_answer_picks(f.s, &p, 1, T0), ANSWER_RIGHT);
        assert_int_equal(session_feedback(f.s, fb, 4), 1);
        assert_string_equal(fb[0], "ff");
        close_fix(&f);
}

static void text_ignores_case_and_spaces(void **state)
{
        struct fix f;

        (void)state;
        open_fix(&f, one_question("text", "        answers: [Public task, public interest]\n"),
                 "ann");
        assert_int_equal(session_answer_text(f.s, "   ", T0), ANSWER_INVALID);
        assert_int_equal(session_state(f.s)->attempts, 0);
        assert_int_equal(session_answer_text(f.s, "consent", T0), ANSWER_WRONG);
        assert_int_equal(session_answer_text(f.s, "  PUBLIC \t  Task  ", T0), ANSWER_RIGHT);
        close_fix(&f);

        open_fix(&f, one_question("text", "        answers: [Ångström]\n"), "ann");
        assert_int_equal(session_answer_text(f.s, "ÅNGSTRÖM", T0), ANSWER_RIGHT);
        close_fix(&f);
}

static void multiple_feedback_names_its_choice(void **state)
{
        struct fix f;
        const char *fb[8];
        size_t picks[3] = {0, 1, 2}, n;

        (void)state;
        open_fix(&f,
                 one_question("multiple", "        shuffle: false\n        choices:\n"
                                          "          - {text: Alpha, correct: true, feedback: A1}\n"
                                          "          - {text: Beta, feedback: B1}\n"
                                          "          - {text: Gamma}\n"
                                          "        feedback: {incorrect: Not all.}\n"),
                 "ann");
        assert_int_equal(session_answer_picks(f.s, picks, 3, T0), ANSWER_WRONG);
        n = session_feedback(f.s, fb, 8);
        assert_int_equal(n, 3);
        assert_string_equal(fb[0], "A1");
        assert_string_equal(session_feedback_choice(f.s, 0), "Alpha");
        assert_string_equal(fb[1], "B1");
        assert_string_equal(session_feedback_choice(f.s, 1), "Beta");
        assert_string_equal(fb[2], "Not all.");
        assert_null(session_feedback_choice(f.s, 2));
        close_fix(&f);
}

static void numeric_tolerance_and_junk(void **state)
{
        struct fix f;

        (void)state;
        open_fix(&f,
                 one_question("numeric", "        answer: 3.5\n        tolerance: 0.1\n"
                                         "        attempts: 0\n"),
                 "ann");
        assert_int_equal(session_answer_text(f.s, "abc", T0), ANSWER_INVALID);
        assert_true(strlen(session_problem(f.s)) > 0);
        assert_int_equal(session_answer_text(f.s, "1,5", T0), ANSWER_INVALID);
        assert_int_equal(session_answer_text(f.s, "inf", T0), ANSWER_INVALID);
        assert_int_equal(session_answer_text(f.s, "3.5x", T0), ANSWER_INVALID);
        assert_int_equal(session_state(f.s)->attempts, 0);
        assert_int_equal(session_answer_text(f.s, "-2", T0), ANSWER_WRONG);
        assert_int_equal(session_answer_text(f.s, "3.7", T0), ANSWER_WRONG);
        assert_int_equal(session_answer_text(f.s, " 3.4 ", T0), ANSWER_RIGHT);
        assert_string_equal(session_state(f.s)->response, "3.4");
        close_fix(&f);

        open_fix(&f, one_question("numeric", "        answer: -2\n"), "ann");
        assert_int_equal(session_answer_text(f.s, " -2 ", T0), ANSWER_RIGHT);
        close_fix(&f);

        open_fix(&f, one_question("numeric", "        answer: 3.5\n"), "ann");
        assert_int_equal(session_answer_text(f.s, "3.5", T0), ANSWER_RIGHT);
        assert_float_equal(session_state(f.s)->points, 1, 0);
        close_fix(&f);

        /* A percentage may be typed with its sign. */
        open_fix(&f, one_question("numeric", "        answer: 25\n"), "ann");
        assert_int_equal(session_answer_text(f.s, "25%x", T0), ANSWER_INVALID);
        assert_int_equal(session_answer_text(f.s, "25%", T0), ANSWER_RIGHT);
        close_fix(&f);
}

static void order_shuffled_and_checked(void **state)
{
        struct fix f;
        size_t n, p[4];
        const size_t *o;

        (void)state;
        open_fix(&f, one_question("order", "        items: [a, b, c, d]\n"), "ann");
        o = session_shown_order(f.s, &n);
        assert_int_equal(n, 4);
        assert_false(o[0] == 0 && o[1] == 1 && o[2] == 2 && o[3] == 3);
        p[0] = 0, p[1] = 1, p[2] = 2, p[3] = 2;
        assert_int_equal(session_answer_picks(f.s, p, 4, T0), ANSWER_INVALID); /* repeated */
        assert_int_equal(session_answer_picks(f.s, p, 3, T0), ANSWER_INVALID); /* too few */
        assert_int_equal(session_state(f.s)->attempts, 0);
        for (size_t i = 0; i < 4; i++)
                p[i] = shown(f.s, 3 - i);
        assert_int_equal(session_answer_picks(f.s, p, 4, T0), ANSWER_WRONG);
        for (size_t i = 0; i < 4; i++)
                p[i] = shown(f.s, i);
        assert_int_equal(session_answer_picks(f.s, p, 4, T0), ANSWER_RIGHT);
        assert_string_equal(session_state(f.s)->response, "1,2,3,4");
        close_fix(&f);

        /* Two items are never shown already in order, whoever the learner. */
        for (int k = 0; k < 20; k++) {
                char name[16];

                snprintf(name, sizeof(name), "l%d", k);
                open_fix(&f, one_question("order", "        items: [x, y]\n"), name);
                o = session_shown_order(f.s, &n);
                assert_int_equal(o[0], 1);
                close_fix(&f);
        }
}

static void match_pairs(void **state)
{
        struct fix f;
        size_t p[3];

        (void)state;
        open_fix(&f,
                 one_question("match", "        pairs:\n"
                                       "          - {left: a, right: x}\n"
                                       "          - {left: b, right: y}\n"
                                       "          - {left: c, right: z}\n"),
                 "ann");
        p[0] = shown(f.s, 1), p[1] = shown(f.s, 0), p[2] = shown(f.s, 2);
        assert_int_equal(session_answer_picks(f.s, p, 3, T0), ANSWER_WRONG);
        p[0] = shown(f.s, 0), p[1] = shown(f.s, 1), p[2] = shown(f.s, 2);
        assert_int_equal(session_answer_picks(f.s, p, 3, T0), ANSWER_RIGHT);
        {
                char *r = session_right_answer(f.s);

                assert_string_equal(r, "a: x; b: y; c: z");
                free(r);
        }
        close_fix(&f);
}

static void reflection_and_rating_recorded(void **state)
{
        struct fix f;
        size_t p = 2;
        struct summary sum;

        (void)state;
        open_fix(&f, one_question("reflection", ""), "ann");
        assert_int_equal(session_answer_text(f.s, "  \n ", T0), ANSWER_INVALID);
        assert_false(session_state(f.s)->complete);
        assert_int_equal(session_answer_text(f.s, "line one\nline two\n", T0), ANSWER_RECORDED);
        assert_string_equal(session_state(f.s)->text, "line one\nline two");
        assert_true(session_state(f.s)->complete);
        session_summary(f.s, &sum);
        assert_true(sum.passed);
        close_fix(&f);

        open_fix(&f, one_question("rating", ""), "ann");
        assert_int_equal(session_state(f.s)->rating, -1);
        assert_int_equal(session_answer_picks(f.s, &p, 1, T0), ANSWER_RECORDED);
        assert_int_equal(session_state(f.s)->rating, 2);
        assert_string_equal(session_state(f.s)->response, "2");
        p = 9;
        assert_int_equal(session_answer_picks(f.s, &p, 1, T0), ANSWER_INVALID);
        assert_true(session_state(f.s)->complete);
        close_fix(&f);
}

/* ---- hints ---- */

static void hints_after_wrong_attempts(void **state)
{
        struct fix f;
        const char *h[4];

        (void)state;
        open_fix(
            &f,
            one_question("single", CHOICES3 "        attempts: 4\n        hint: [h1, h2, h3]\n"),
            "ann");
        /* Asked for before answering: the first. */
        assert_true(session_hint_available(f.s));
        assert_string_equal(session_hint(f.s, T0), "h1");
        /* A wrong attempt that leaves attempts brings the next by itself. */
        pick1(f.s, 0);
        assert_int_equal(session_state(f.s)->hints_used, 2);
        assert_int_equal(session_hints_shown(f.s, h, 4), 2);
        assert_string_equal(h[1], "h2");
        assert_string_equal(session_hint(f.s, T0), "h3");
        assert_false(session_hint_available(f.s));
        assert_null(session_hint(f.s, T0)); /* the list is used up */
        pick1(f.s, 2);
        assert_int_equal(session_state(f.s)->hints_used, 3);
        close_fix(&f);
}

static void hint_comes_by_itself(void **state)
{
        struct fix f;
        const char *h[4];

        (void)state;
        open_fix(&f,
                 one_question("single", CHOICES3 "        attempts: 3\n        hint: [h1, h2]\n"),
                 "ann");
        assert_int_equal(session_hints_shown(f.s, h, 4), 0);
        assert_int_equal(pick1(f.s, 0), ANSWER_WRONG);
        assert_int_equal(session_hints_shown(f.s, h, 4), 1);
        assert_string_equal(h[0], "h1");
        assert_int_equal(pick1(f.s, 2), ANSWER_WRONG);
        assert_int_equal(session_hints_shown(f.s, h, 4), 2);
        close_fix(&f);
}

static void same_wrong_answer_costs_nothing(void **state)
{
        struct fix f;
        size_t order[3];

        (void)state;
        open_fix(&f, one_question("single", CHOICES3), "ann");
        assert_int_equal(pick1(f.s, 0), ANSWER_WRONG);
        assert_int_equal(pick1(f.s, 0), ANSWER_INVALID);
        assert_non_null(strstr(session_problem(f.s), "Change it"));
        assert_int_equal(session_state(f.s)->attempts, 1);
        assert_int_equal(session_attempts_left(f.s), 1);
        assert_int_equal(pick1(f.s, 1), ANSWER_RIGHT);
        close_fix(&f);

        /* An order list submitted twice as it was. */
        open_fix(&f, one_question("order", "        items: [a, b, c]\n"), "ann");
        for (size_t i = 0; i < 3; i++)
                order[i] = i;
        assert_int_equal(session_answer_picks(f.s, order, 3, T0), ANSWER_WRONG);
        assert_int_equal(session_answer_picks(f.s, order, 3, T0), ANSWER_INVALID);
        assert_int_equal(session_state(f.s)->attempts, 1);
        close_fix(&f);

        /* Text: the same once normalised. */
        open_fix(&f, one_question("text", "        answers: [output]\n"), "ann");
        assert_int_equal(session_answer_text(f.s, "input", T0), ANSWER_WRONG);
        assert_int_equal(session_answer_text(f.s, " Input. ", T0), ANSWER_INVALID);
        assert_int_equal(session_answer_text(f.s, "Output.", T0), ANSWER_RIGHT);
        close_fix(&f);
}

static void typos_allowed_when_asked(void **state)
{
        struct fix f;

        (void)state;
        open_fix(&f,
                 one_question("text", "        answers: [efficient, data]\n        typos: true\n"),
                 "ann");
        assert_int_equal(session_answer_text(f.s, "Effcient", T0), ANSWER_RIGHT);
        assert_string_equal(session_typo_spelling(f.s), "efficient");
        close_fix(&f);
        open_fix(&f,
                 one_question("text", "        answers: [efficient, data]\n        typos: true\n"),
                 "ann");
        assert_int_equal(session_answer_text(f.s, "dta", T0), ANSWER_WRONG); /* under 5 */
        close_fix(&f);
        open_fix(&f, one_question("text", "        answers: [efficient]\n"), "ann");
        assert_int_equal(session_answer_text(f.s, "efficeint", T0), ANSWER_WRONG);
        assert_int_equal(session_answer_text(f.s, "EFFICIENT!", T0), ANSWER_RIGHT);
        assert_null(session_typo_spelling(f.s));
        close_fix(&f);
}

static void drafts_kept_in_record(void **state)
{
        struct fix f;

        (void)state;
        open_fix(&f, one_question("reflection", ""), "ann");
        session_set_draft(f.s, "half a thought", T0);
        assert_string_equal(session_draft(f.s), "half a thought");
        assert_true(f.saves > 0);
        session_close(&f.s, T0);
        f.s = session_open(f.m, f.rec, "ann", T0);
        assert_string_equal(session_draft(f.s), "half a thought");
        assert_int_equal(session_answer_text(f.s, "a whole thought", T0), ANSWER_RECORDED);
        assert_null(session_draft(f.s));
        close_fix(&f);
}

static void questions_again_and_revisit(void **state)
{
        struct fix f;
        struct summary sum;

        (void)state;
        open_fix(&f, load(two_questions(90)), "ann");
        session_next(f.s, T0);
        pick1(f.s, 1);
        session_next(f.s, T0);
        pick1(f.s, 0);
        pick1(f.s, 2);
        session_next(f.s, T0);
        assert_true(session_on_summary(f.s));
        session_summary(f.s, &sum);
        assert_int_equal(sum.status, STATUS_COMPLETE);
        assert_string_equal(session_status_name(sum.status), "not passed");
        /* From a revisited question, next comes back to the summary. */
        session_revisit(f.s, sum.revisit[0], T0);
        assert_int_equal(session_position(f.s), 2);
        session_back(f.s, T0);
        assert_int_equal(session_position(f.s), 1);
        session_revisit(f.s, 1, T0);
        session_next(f.s, T0);
        assert_true(session_on_summary(f.s));
        /* The questions again: lessons read, only questions visited. */
        session_restart_questions(f.s, T0);
        assert_int_equal(f.rec->modules[0].nattempts, 2);
        assert_true(session_attempt(f.s)->questions_only);
        assert_int_equal(session_position(f.s), 1);
        assert_true(session_screen_complete(f.s, 0));
        assert_false(session_screen_complete(f.s, 1));
        assert_false(session_back(f.s, T0));
        session_next(f.s, T0);
        assert_int_equal(session_position(f.s), 2);
        close_fix(&f);
}

static void not_started_until_past_intro(void **state)
{
        struct module *m = load(two_questions(70));
        struct learner_record *rec = record_new("ann");
        struct session *s = session_open(m, rec, "ann", T0);
        struct summary sum;

        (void)state;
        session_close(&s, T0); /* opened and left at the intro */
        session_status(m, record_find_module(rec, "t"), &sum);
        assert_int_equal(sum.status, STATUS_NOT_STARTED);
        assert_false(sum.started);
        s = session_open(m, rec, "ann", T0);
        session_arrive(s, T0);
        session_summary(s, &sum);
        assert_int_equal(sum.status, STATUS_IN_PROGRESS);
        assert_true(sum.started);
        session_close(&s, T0);
        record_free(&rec);
        model_free(&m);
}

/* The attempt's start is when the learner first goes past the intro, not
 * when the intro opened (xAPI's "attempted" and the CSV's started say so). */
static void attempt_starts_past_intro(void **state)
{
        struct module *m = load(two_questions(70));
        struct learner_record *rec = record_new("ann");
        struct session *s = session_open(m, rec, "ann", T0);

        (void)state;
        session_arrive(s, T0 + 300);
        assert_int_equal(session_attempt(s)->started, T0 + 300);
        session_next(s, T0 + 400); /* later screens do not move it */
        assert_int_equal(session_attempt(s)->started, T0 + 300);
        session_close(&s, T0 + 500);
        s = session_open(m, rec, "ann", T0 + 900);
        session_arrive(s, T0 + 900); /* resuming is not beginning */
        assert_int_equal(session_attempt(s)->started, T0 + 300);
        session_close(&s, T0 + 1000);
        record_free(&rec);
        model_free(&m);
}

/* ---- case studies ---- */

#define CASE                                                                                       \
        HEAD "      - type: case-study\n        id: c\n        title: Case\n        body: B\n"     \
             "        steps:\n"                                                                    \
             "          - id: start\n            text: What now?\n            choices:\n"          \
             "              - {text: Send, next: bad, feedback: Risky}\n"                          \
             "              - {text: Ask, next: mid}\n"                                            \
             "          - id: mid\n            text: Then?\n            choices:\n"                \
             "              - {text: Check, next: good}\n"                                         \
             "              - {text: Guess, next: meh, feedback: Hm}\n"                            \
             "          - {id: bad, text: Breach, ending: poor}\n"                                 \
             "          - {id: good, text: Fine, ending: good}\n"                                  \
             "          - {id: meh, text: Partly, ending: mixed}\n"

static void case_walk(const char *yaml, const size_t *choices, size_t n, const char *ending,
                      size_t pathlen)
{
        struct fix f;

        open_fix(&f, load(yaml), "ann");
        assert_null(session_case_step(f.s));
        session_case_begin(f.s, T0);
        assert_string_equal(session_case_step(f.s)->id, "start");
        for (size_t i = 0; i < n; i++) {
                assert_false(session_screen_complete(f.s, 0));
                session_case_choose(f.s, choices[i], T0 + 1);
        }
        assert_true(session_case_step(f.s)->ending != ENDING_NONE);
        assert_true(session_screen_complete(f.s, 0));
        assert_string_equal(session_state(f.s)->ending, ending);
        assert_int_equal(session_state(f.s)->npath, pathlen);
        close_fix(&f);
}

static void case_study_every_ending(void **state)
{
        const size_t poor[] = {0}, good[] = {1, 0}, mixed[] = {1, 1};

        (void)state;
        case_walk(CASE, poor, 1, "poor", 2);
        case_walk(CASE, good, 2, "good", 3);
        case_walk(CASE, mixed, 2, "mixed", 3);
}

static void case_study_feedback_reflection_restart(void **state)
{
        struct fix f;

        (void)state;
        open_fix(&f, load(CASE "        reflection: What would you do?\n"), "ann");
        session_case_begin(f.s, T0);
        assert_null(session_case_choose(f.s, 7, T0)); /* no such choice: nothing */
        assert_int_equal(session_state(f.s)->npath, 1);
        assert_string_equal(session_case_choose(f.s, 0, T0), "Risky");
        assert_string_equal(session_case_last_feedback(f.s), "Risky");
        /* Complete at the ending, the reflection still offered. */
        assert_true(session_screen_complete(f.s, 0));
        assert_true(session_case_needs_reflection(f.s));
        session_case_reflect(f.s, "   ", T0);
        assert_true(session_case_needs_reflection(f.s));
        session_case_reflect(f.s, "Ask first.", T0);
        assert_false(session_case_needs_reflection(f.s));
        assert_string_equal(session_state(f.s)->text, "Ask first.");
        session_case_restart(f.s, T0);
        assert_string_equal(session_case_step(f.s)->id, "start");
        assert_int_equal(session_state(f.s)->npath, 1);
        assert_true(session_screen_complete(f.s, 0));
        session_case_choose(f.s, 1, T0);
        session_case_choose(f.s, 0, T0);
        assert_string_equal(session_state(f.s)->ending, "good");
        assert_string_equal(session_state(f.s)->path[1], "mid");
        close_fix(&f);
}

static void case_study_without_steps(void **state)
{
        struct fix f;

        (void)state;
        open_fix(&f,
                 load(HEAD "      - type: case-study\n        id: c\n        title: Case\n"
                           "        body: Read this.\n        reflection: And you?\n"),
                 "ann");
        assert_true(session_screen_complete(f.s, 0)); /* nothing to reach: shown is done */
        assert_null(session_case_step(f.s));
        assert_true(session_case_needs_reflection(f.s));
        session_case_reflect(f.s, "Me too.", T0);
        assert_false(session_case_needs_reflection(f.s));
        assert_string_equal(session_state(f.s)->text, "Me too.");
        close_fix(&f);
}

/* ---- completion, pass, summary ---- */

static const char *two_questions(int pass_mark)
{
        static char y[1024];

        snprintf(y, sizeof(y),
                 "format: 1\nid: t\ntitle: T\nsummary: S\npass_mark: %d\n"
                 "sections:\n  - id: s1\n    title: One\n    screens:\n"
                 "      - {type: lesson, id: l, title: L, body: B}\n"
                 "      - type: question\n        id: q1\n        kind: single\n        prompt: "
                 "P\n" CHOICES3 "      - type: question\n        id: q2\n        kind: single\n    "
                 "    prompt: P\n" CHOICES3,
                 pass_mark);
        return y;
}

static void pass_mark_boundary(void **state)
{
        struct fix f;
        struct summary sum;

        (void)state;
        open_fix(&f, load(two_questions(50)), "ann");
        assert_true(session_screen_complete(f.s, 0)); /* the lesson, once shown */
        session_next(f.s, T0 + 5);
        pick1(f.s, 1);
        session_summary(f.s, &sum);
        assert_false(sum.complete);
        assert_false(sum.passed);
        assert_int_equal(sum.status, STATUS_IN_PROGRESS);
        session_next(f.s, T0 + 6);
        pick1(f.s, 0);
        pick1(f.s, 2);
        session_summary(f.s, &sum);
        assert_true(sum.complete);
        assert_float_equal(sum.percent, 50.0, 1e-9);
        assert_true(sum.passed); /* exactly the pass mark passes */
        assert_int_equal(sum.status, STATUS_PASSED);
        assert_int_equal(sum.nrevisit, 1);
        assert_int_equal(sum.revisit[0], 2);
        assert_true(session_attempt(f.s)->complete);
        assert_true(session_attempt(f.s)->passed);
        assert_float_equal(session_attempt(f.s)->earned, 1, 1e-9);
        close_fix(&f);

        open_fix(&f, load(two_questions(51)), "ann");
        session_next(f.s, T0);
        pick1(f.s, 1);
        session_next(f.s, T0);
        pick1(f.s, 0);
        pick1(f.s, 2);
        session_summary(f.s, &sum);
        assert_true(sum.complete);
        assert_false(sum.passed);
        assert_int_equal(sum.status, STATUS_COMPLETE);
        close_fix(&f);
}

static void pass_mark_kept_with_attempt(void **state)
{
        struct fix f;
        struct module *m2;
        struct session *s;
        struct summary sum;

        (void)state;
        open_fix(&f, load(two_questions(50)), "ann");
        session_next(f.s, T0);
        pick1(f.s, 1);
        session_close(&f.s, T0);
        /* The author raises the pass mark; this attempt keeps 50. */
        m2 = load(two_questions(90));
        s = session_open(m2, f.rec, "ann", T0);
        session_arrive(s, T0);
        session_go(s, 2, T0);
        pick1(s, 0);
        pick1(s, 2);
        session_summary(s, &sum);
        assert_float_equal(sum.pass_mark, 50, 0);
        assert_true(sum.passed);
        session_close(&s, T0);
        model_free(&m2);
        record_free(&f.rec);
        model_free(&f.m);
}

static void navigation_and_summary_position(void **state)
{
        struct fix f;

        (void)state;
        open_fix(&f, load(two_questions(70)), "ann");
        assert_int_equal(session_count(f.s), 3);
        assert_false(session_back(f.s, T0));
        assert_true(session_next(f.s, T0));
        assert_int_equal(f.saves, 1);
        assert_true(session_next(f.s, T0));
        assert_true(session_next(f.s, T0));
        assert_true(session_on_summary(f.s));
        assert_null(session_screen(f.s));
        assert_false(session_next(f.s, T0));
        assert_true(session_back(f.s, T0));
        assert_int_equal(session_position(f.s), 2);
        session_go(f.s, 99, T0);
        assert_true(session_on_summary(f.s));
        session_go_section(f.s, 0, T0);
        assert_int_equal(session_position(f.s), 0);
        assert_true(session_state_at(f.s, 1)->seen);
        assert_false(session_state_at(f.s, 1)->complete); /* questions need an answer */
        f.saves = 0;
        session_go(f.s, 1, T0);
        pick1(f.s, 1);
        assert_int_equal(f.saves, 2); /* the move and the answer */
        close_fix(&f);
}

static double fake_mono;

static double fake_clock(void)
{
        return fake_mono;
}

static void time_is_capped_when_idle(void **state)
{
        struct fix f;

        (void)state;
        open_fix(&f, load(two_questions(70)), "ann");
        fake_mono = 1000;
        session_set_clock(f.s, fake_clock);
        fake_mono += 30;
        session_tick(f.s, T0 + 30);
        fake_mono += 3600;
        session_tick(f.s, T0 + 30 + 3600); /* an hour away counts as five minutes */
        assert_float_equal(session_attempt(f.s)->seconds, 330, 1e-9);
        assert_float_equal(session_state(f.s)->seconds, 330, 1e-9);
        close_fix(&f);
}

/* Issue 12: durations come from the monotonic clock, so setting the wall
 * clock forward a day (or back) adds (or loses) nothing. */
static void wall_clock_jumps_do_not_count(void **state)
{
        struct fix f;

        (void)state;
        open_fix(&f, load(two_questions(70)), "ann");
        fake_mono = 1000;
        session_set_clock(f.s, fake_clock);
        fake_mono += 10;
        session_tick(f.s, T0 + 86400 * 365); /* the wall clock leaps a year */
        fake_mono += 10;
        session_tick(f.s, T0 - 86400); /* and falls back a day */
        fake_mono += 10;
        session_tick(f.s, T0 - 86400 + 10);
        assert_float_equal(session_attempt(f.s)->seconds, 30, 1e-9);
        close_fix(&f);
}

static void restart_keeps_earlier_attempt(void **state)
{
        struct fix f;
        const struct module_record *mr;

        (void)state;
        open_fix(&f, load(two_questions(70)), "ann");
        session_next(f.s, T0);
        pick1(f.s, 1);
        session_restart(f.s, T0 + 50);
        assert_int_equal(session_position(f.s), 0);
        mr = record_find_module(f.rec, "t");
        assert_int_equal(mr->nattempts, 2);
        assert_non_null(record_find_screen(&mr->attempts[0], "q1"));
        assert_true(record_find_screen(&mr->attempts[0], "q1")->correct);
        assert_null(record_find_screen(&mr->attempts[1], "q1"));
        assert_false(session_state_at(f.s, 1)->settled);
        close_fix(&f);
}

static void resume_restores_position_and_answers(void **state)
{
        struct fix f;
        struct session *s;
        size_t picks[4], order1[3], n;
        const size_t *o;

        (void)state;
        open_fix(&f, load(two_questions(70)), "ann");
        session_next(f.s, T0);
        o = session_shown_order(f.s, &n);
        memcpy(order1, o, sizeof(order1));
        pick1(f.s, 0);
        session_close(&f.s, T0);

        s = session_open(f.m, f.rec, "ann", T0 + 100);
        assert_false(session_module_changed(s));
        assert_int_equal(session_position(s), 1);
        assert_int_equal(session_state(s)->attempts, 1);
        assert_int_equal(session_attempts_left(s), 1);
        o = session_shown_order(s, &n);
        assert_memory_equal(o, order1, sizeof(order1)); /* same shown order */
        assert_int_equal(session_last_picks(s, picks, 4), 1);
        assert_int_equal(o[picks[0]], 0);
        {
                const char *fb[4];

                assert_int_equal(session_feedback(s, fb, 4), 1);
                assert_string_equal(fb[0], "fa");
        }
        session_close(&s, T0);
        record_free(&f.rec);
        model_free(&f.m);
}

static void changed_module_keeps_unknown_states(void **state)
{
        struct fix f;
        struct session *s;
        struct attempt *a;

        (void)state;
        open_fix(&f, load(two_questions(70)), "ann");
        a = record_current(record_module(f.rec, "t"));
        record_screen(a, "gone")->points = 7;
        session_close(&f.s, T0);
        a = record_current(record_module(f.rec, "t"));
        assert_string_equal(a->digest, f.m->digest);
        f.m->digest[0] = f.m->digest[0] == 'a' ? 'b' : 'a';
        s = session_open(f.m, f.rec, "ann", T0);
        assert_true(session_module_changed(s));
        session_next(s, T0);
        session_close(&s, T0);
        a = record_current(record_module(f.rec, "t"));
        assert_non_null(record_find_screen(a, "gone"));
        assert_float_equal(record_find_screen(a, "gone")->points, 7, 0);
        record_free(&f.rec);
        model_free(&f.m);
}

static void shuffle_stable_and_optional(void **state)
{
        struct fix f;
        size_t n;
        const size_t *o;
        size_t first[9];
        bool differs = false;
        const char *nine = "        choices:\n"
                           "          - {text: a, correct: true}\n          - {text: b}\n"
                           "          - {text: c}\n          - {text: d}\n          - {text: e}\n"
                           "          - {text: f}\n          - {text: g}\n          - {text: h}\n"
                           "          - {text: i}\n";
        char y[1024];

        (void)state;
        open_fix(&f, one_question("single", nine), "ann");
        o = session_shown_order(f.s, &n);
        assert_int_equal(n, 9);
        memcpy(first, o, sizeof(first));
        close_fix(&f);
        open_fix(&f, one_question("single", nine), "ann");
        o = session_shown_order(f.s, &n);
        assert_memory_equal(o, first, sizeof(first));
        close_fix(&f);
        for (int k = 0; k < 5 && !differs; k++) {
                char name[16];

                snprintf(name, sizeof(name), "b%d", k);
                open_fix(&f, one_question("single", nine), name);
                o = session_shown_order(f.s, &n);
                differs = memcmp(o, first, sizeof(first)) != 0;
                close_fix(&f);
        }
        assert_true(differs);

        snprintf(y, sizeof(y), "        shuffle: false\n%s", nine);
        open_fix(&f, one_question("single", y), "ann");
        o = session_shown_order(f.s, &n);
        for (size_t i = 0; i < n; i++)
                assert_int_equal(o[i], i);
        close_fix(&f);
}

/* The intro comes before the first screen: opening alone must not count a
 * lesson as read. */
static void opening_completes_nothing(void **state)
{
        struct module *m = load(HEAD "      - type: lesson\n        id: l\n        title: L\n"
                                     "        body: Read me.\n");
        struct learner_record *rec = record_new("ann");
        struct session *s = session_open(m, rec, "ann", T0);

        (void)state;
        assert_false(session_screen_complete(s, 0));
        assert_false(session_state(s)->seen);
        session_arrive(s, T0);
        assert_true(session_state(s)->seen);
        assert_true(session_screen_complete(s, 0));
        session_close(&s, T0);
        record_free(&rec);
        model_free(&m);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(single_right_first_time),
            cmocka_unit_test(single_penalty_one_wrong),
            cmocka_unit_test(penalty_custom_and_floor),
            cmocka_unit_test(attempts_used_up),
            cmocka_unit_test(unlimited_attempts),
            cmocka_unit_test(practice_question_unscored),
            cmocka_unit_test(multiple_exact_set),
            cmocka_unit_test(true_false_one_attempt),
            cmocka_unit_test(clock_set_back_keeps_order),
            cmocka_unit_test(wall_clock_jumps_do_not_count),
            cmocka_unit_test(text_ignores_case_and_spaces),
            cmocka_unit_test(numeric_tolerance_and_junk),
            cmocka_unit_test(multiple_feedback_names_its_choice),
            cmocka_unit_test(order_shuffled_and_checked),
            cmocka_unit_test(match_pairs),
            cmocka_unit_test(reflection_and_rating_recorded),
            cmocka_unit_test(hints_after_wrong_attempts),
            cmocka_unit_test(hint_comes_by_itself),
            cmocka_unit_test(same_wrong_answer_costs_nothing),
            cmocka_unit_test(typos_allowed_when_asked),
            cmocka_unit_test(drafts_kept_in_record),
            cmocka_unit_test(questions_again_and_revisit),
            cmocka_unit_test(not_started_until_past_intro),
            cmocka_unit_test(attempt_starts_past_intro),
            cmocka_unit_test(case_study_every_ending),
            cmocka_unit_test(case_study_feedback_reflection_restart),
            cmocka_unit_test(case_study_without_steps),
            cmocka_unit_test(opening_completes_nothing),
            cmocka_unit_test(pass_mark_boundary),
            cmocka_unit_test(pass_mark_kept_with_attempt),
            cmocka_unit_test(navigation_and_summary_position),
            cmocka_unit_test(time_is_capped_when_idle),
            cmocka_unit_test(restart_keeps_earlier_attempt),
            cmocka_unit_test(resume_restores_position_and_answers),
            cmocka_unit_test(changed_module_keeps_unknown_states),
            cmocka_unit_test(shuffle_stable_and_optional),
        };

        return cmocka_run_group_tests(tests, NULL, NULL);
}
