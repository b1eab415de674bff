/* The session engine over a whole module: when an attempt starts, case
 * studies, the pass mark, navigation, time spent, restart, resume, changed
 * modules and stable shuffles. */
#include "session_cases.h"

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
            cmocka_unit_test(wall_clock_jumps_do_not_count),
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
