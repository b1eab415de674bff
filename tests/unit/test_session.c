/* The session engine: checking and scoring for every kind, hints, the same
 * wrong answer, typos, drafts and the questions again. The modules are YAML
 * run through the real loader. */
#include "session_cases.h"

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

/* Both front ends ask the engine whether a question still takes an
 * answer: open after a wrong try with attempts left, closed once used up. */
static void question_closed_once_settled(void **state)
{
        struct fix f;

        (void)state;
        open_fix(&f, one_question("single", CHOICES3), "ann");
        assert_false(session_question_closed(f.s));
        assert_int_equal(pick1(f.s, 0), ANSWER_WRONG);
        assert_false(session_question_closed(f.s));
        assert_int_equal(pick1(f.s, 2), ANSWER_SETTLED_WRONG);
        assert_true(session_question_closed(f.s));
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

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(single_right_first_time),
            cmocka_unit_test(question_closed_once_settled),
            cmocka_unit_test(single_penalty_one_wrong),
            cmocka_unit_test(penalty_custom_and_floor),
            cmocka_unit_test(attempts_used_up),
            cmocka_unit_test(unlimited_attempts),
            cmocka_unit_test(practice_question_unscored),
            cmocka_unit_test(multiple_exact_set),
            cmocka_unit_test(true_false_one_attempt),
            cmocka_unit_test(clock_set_back_keeps_order),
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
        };

        return cmocka_run_group_tests(tests, NULL, NULL);
}
