/* The presentation layer and text answers, as tables: percentages rounded
 * down (never shown reaching a pass mark not reached), status words, points
 * and durations; normalisation and the one-edit typo allowance; the parts
 * said after an answer, in order. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "dlfl/answer.h"
#include "dlfl/loader.h"
#include "dlfl/present.h"
#include "dlfl/store.h"

#define T0 ((time_t)1700000000)

static void percent_rounds_down(void **state)
{
        static const struct {
                double earned, possible;
                const char *want;
        } rows[] = {
            {2, 3, "66.6%"},  {69.8, 100, "69.8%"},  {6.98, 10, "69.8%"},    {0.7, 1, "70.0%"},
            {7, 10, "70.0%"}, {699, 1000, "69.9%"},  {6999, 10000, "69.9%"}, {1, 1, "100.0%"},
            {0, 5, "0.0%"},   {1, 3, "33.3%"},       {0.67, 1, "67.0%"},     {20.1, 30, "67.0%"},
            {0, 0, "0.0%"},   {99.99, 100, "99.9%"},
        };
        char buf[32];

        (void)state;
        for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
                present_fraction(rows[i].earned, rows[i].possible, buf, sizeof buf);
                if (strcmp(buf, rows[i].want) != 0)
                        fail_msg("%g of %g: got %s, want %s", rows[i].earned, rows[i].possible, buf,
                                 rows[i].want);
        }
}

static void status_words(void **state)
{
        static const struct {
                enum module_status st;
                double earned, possible;
                size_t done, total;
                const char *want;
        } rows[] = {
            {STATUS_NOT_STARTED, 0, 3, 0, 10, "not started"},
            {STATUS_IN_PROGRESS, 0, 3, 1, 3, "in progress 33.3%"},
            {STATUS_IN_PROGRESS, 0, 3, 0, 3, "in progress 0.0%"},
            {STATUS_COMPLETE, 2, 3, 3, 3, "not passed, 66.6%"},
            {STATUS_COMPLETE, 69.8, 100, 3, 3, "not passed, 69.8%"},
            {STATUS_PASSED, 7, 10, 3, 3, "passed, 70.0%"},
            {STATUS_PASSED, 0, 0, 3, 3, "passed"},
        };
        char buf[64];

        (void)state;
        for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
                struct summary s = {.status = rows[i].st,
                                    .earned = rows[i].earned,
                                    .possible = rows[i].possible,
                                    .done = rows[i].done,
                                    .total = rows[i].total};

                present_status(&s, buf, sizeof buf);
                assert_string_equal(buf, rows[i].want);
        }
        assert_string_equal(present_status_word(STATUS_COMPLETE), "not passed");
}

static void points_and_durations(void **state)
{
        static const struct {
                double v;
                const char *want;
        } pts[] = {{1, "1"}, {0.67, "0.67"}, {2.5, "2.5"}, {0, "0"}, {1.0 - 0.33, "0.67"}},
          dur[] = {{0, "under a minute"},      {59, "under a minute"},    {60, "1 minute"},
                   {119, "1 minute"},          {720, "12 minutes"},       {3600, "1 hour"},
                   {3900, "1 hour 5 minutes"}, {7260, "2 hours 1 minute"}};
        char buf[64];

        (void)state;
        for (size_t i = 0; i < sizeof pts / sizeof pts[0]; i++) {
                present_points(pts[i].v, buf, sizeof buf);
                assert_string_equal(buf, pts[i].want);
        }
        for (size_t i = 0; i < sizeof dur / sizeof dur[0]; i++) {
                present_duration(dur[i].v, buf, sizeof buf);
                assert_string_equal(buf, dur[i].want);
        }
        /* A scored question's heading counts its points the same way. */
        {
                struct screen sc = {.type = SCREEN_QUESTION, .kind = KIND_SINGLE, .points = 1};

                assert_true(present_question_heading(&sc, buf, sizeof buf));
                assert_string_equal(buf, "Question (1 point)");
                sc.points = 1.0 - 0.33;
                assert_true(present_question_heading(&sc, buf, sizeof buf));
                assert_string_equal(buf, "Question (0.67 points)");
                sc.points = 0;
                assert_true(present_question_heading(&sc, buf, sizeof buf));
                assert_string_equal(buf, "Practice question (not scored)");
                sc.type = SCREEN_LESSON;
                assert_false(present_question_heading(&sc, buf, sizeof buf));
        }
        /* The count behind CSV, the report and the CPD log's hours agrees
         * with the words. */
        assert_int_equal(present_minutes(89), 1);
        assert_int_equal(present_minutes(119), 1);
        assert_int_equal(present_minutes(120), 2);
        assert_int_equal(present_minutes(-5), 0);
        assert_int_equal(present_minutes(3700), 61);
}

/* The player rounds without libm; what it shows is still floor()'s
 * answer, for small, large, negative and halfway values. */
static void rounding_matches_floor(void **state)
{
        static const double v[] = {0,    1e-9,  0.05, 0.049999, 33.33333, 69.99999999,
                                   70,   99.99, 100,  1234.5,   -0.335,   -1,
                                   -2.5, 1e13,  3e15, 4.5e15,   1e300,    -1e300};
        static const struct {
                double v;
                const char *want;
        } pts[] = {
            {-0.335, "-0.34"}, {-1, "-1"}, {-2.5, "-2.5"}, {0.005, "0"}, {12345.678, "12345.67"}};
        char buf[64];

        (void)state;
        for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
                double p = v[i] < 0 ? 0 : floor(v[i] * 10.0 + 1e-6) / 10.0;

                if (present_percent_value(v[i]) != p)
                        fail_msg("%g: got %g, want %g", v[i], present_percent_value(v[i]), p);
                if (v[i] > 0 && v[i] < 1e10)
                        assert_int_equal(present_minutes(v[i] * 60.0), (long)floor(v[i]));
        }
        assert_int_equal(present_minutes(1e13), (long)floor(1e12 / 60.0));
        for (size_t i = 0; i < sizeof pts / sizeof pts[0]; i++) {
                present_points(pts[i].v, buf, sizeof buf);
                assert_string_equal(buf, pts[i].want);
        }
}

static void summary_lines(void **state)
{
        struct summary s = {
            .earned = 2, .possible = 3, .pass_mark = 70, .complete = true, .seconds = 750};
        struct present_summary p;

        (void)state;
        present_summary(&s, &p);
        assert_string_equal(p.score, "Score: 2 of 3 points (66.6%); the pass mark is 70%.");
        assert_string_equal(p.result, "Result: not passed.");
        assert_string_equal(p.time, "Time spent: 12 minutes.");
        s.earned = 2.1;
        s.passed = true;
        present_summary(&s, &p);
        assert_string_equal(p.score, "Score: 2.1 of 3 points (70.0%); the pass mark is 70%.");
        assert_string_equal(p.result, "Result: passed.");
}

/* One rule for the noun after a figure of points: singular only when the
 * figure shown is exactly 1, in the summary, the feedback and the heading. */
static void points_grammar(void **state)
{
        static const struct {
                double earned, possible;
                const char *want;
        } rows[] = {
            {0.7, 1, "0.7 of 1 point"},     {1, 1, "1 of 1 point"},
            {2, 3, "2 of 3 points"},        {0, 0.5, "0 of 0.5 points"},
            {1.004, 1.004, "1 of 1 point"}, {0.67, 2, "0.67 of 2 points"},
        };
        struct summary s = {.earned = 0.7, .possible = 1, .pass_mark = 70, .complete = true};
        struct present_summary ps;
        char buf[96];

        (void)state;
        for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
                /* 1.004 is shown as 1: the noun follows the figure shown. */
                present_points_of(rows[i].earned, rows[i].possible, buf, sizeof buf);
                assert_string_equal(buf, rows[i].want);
        }
        present_points_noun(1, buf, sizeof buf);
        assert_string_equal(buf, "1 point");
        present_points_noun(0.5, buf, sizeof buf);
        assert_string_equal(buf, "0.5 points");
        present_summary(&s, &ps);
        assert_string_equal(ps.score, "Score: 0.7 of 1 point (70.0%); the pass mark is 70%.");
}

/* The words both front ends draw for the menu, the intro, starting again
 * and a case study's ending, from one function each. */
static void menu_intro_again_and_endings(void **state)
{
        struct module m = {.title = "Parity Check", .minutes = 5};
        struct summary s = {.status = STATUS_NOT_STARTED};
        struct present_intro in = {0};
        char buf[200];
        char *line;

        (void)state;
        present_menu_info(&m, &s, buf, sizeof buf);
        assert_string_equal(buf, "not started; about 5 minutes");
        s = (struct summary){
            .status = STATUS_COMPLETE, .earned = 2, .possible = 3, .complete = true};
        present_menu_info(&m, &s, buf, sizeof buf);
        assert_string_equal(buf, "not passed, 66.6%; about 5 minutes");
        m.minutes = 1;
        present_menu_info(&m, &s, buf, sizeof buf);
        assert_string_equal(buf, "not passed, 66.6%; about 1 minute");
        m.minutes = 0;
        present_menu_info(&m, &s, buf, sizeof buf);
        assert_string_equal(buf, "not passed, 66.6%");
        line = present_resume_item(&m);
        assert_string_equal(line, "Resume where you left off: Parity Check");
        free(line);
        line = present_summary_heading(&m);
        assert_string_equal(line, "Summary: Parity Check");
        free(line);
        line = present_contents_heading(&m);
        assert_string_equal(line, "Contents: Parity Check");
        free(line);
        {
                struct screen sc = {.type = SCREEN_CASE_STUDY, .title = "A case"};

                line = present_case_heading(&sc);
                assert_string_equal(line, "Case study: A case");
                free(line);
        }
        line = present_broken("x.yaml", "bad");
        assert_string_equal(line, "Cannot be opened: x.yaml: bad");
        free(line);

        /* Starting again: the questions before the whole module, and only
         * after a result that did not pass. */
        assert_true(present_again_questions(&s));
        present_again_offer(&s, "Type", buf, sizeof buf);
        assert_string_equal(buf, "Type a for the questions again (lessons count as read), or r for "
                                 "the whole module again.");
        assert_true(strstr(buf, PRESENT_AGAIN_QUESTIONS) < strstr(buf, PRESENT_AGAIN_MODULE));
        s.passed = true;
        assert_false(present_again_questions(&s));
        present_again_offer(&s, "Press", buf, sizeof buf);
        assert_string_equal(buf, "Press r for the whole module again.");
        assert_non_null(strstr(present_again_started(true), "The questions again"));
        assert_non_null(strstr(present_again_started(false), "The whole module again"));
        assert_non_null(strstr(PRESENT_AGAIN_CONFIRM, "the whole module again"));

        assert_string_equal(present_intro_go_on(&in, false), "Press Enter to start.");
        in.started = true;
        assert_string_equal(present_intro_go_on(&in, false),
                            "Press Enter to continue where you left off, or r for the whole "
                            "module again.");
        assert_string_equal(present_intro_go_on(&in, true),
                            "Press Enter for your summary, or r for the whole module again.");

        assert_string_equal(present_case_go_on(true),
                            "Press Enter to go on, or r to walk the case study again.");
        assert_string_equal(present_case_go_on(false), "Press Enter to go on.");
        present_wait(1, buf, sizeof buf);
        assert_string_equal(buf, "Please wait 1 second before trying again.");
        present_wait(4, buf, sizeof buf);
        assert_string_equal(buf, "Please wait 4 seconds before trying again.");
        line = present_forget_failed(NULL);
        assert_string_equal(line, "Your record could not be deleted: unknown error");
        free(line);
        assert_string_equal(present_ending(ENDING_GOOD), "A good ending.");
        assert_string_equal(present_ending(ENDING_MIXED), "A mixed ending: some of it went well.");
        assert_string_equal(present_ending(ENDING_POOR),
                            "A poor ending: think about what could have gone differently.");
}

static void normalising(void **state)
{
        static const struct {
                const char *in, *want;
        } rows[] = {
            {"Output.", "output"},
            {" output", "output"},
            {"  The   Output ", "the output"},
            {"\u201cOutput\u201d!", "output"},
            {"it\u2019s", "it's"},
            {"ZO\u00cb", "zo\u00eb"},
            {"zoe\u0308", "zo\u00eb"}, /* NFC */
            {"STRASSE", "strasse"},
            {"Stra\u00dfe", "strasse"}, /* full case folding */
            {"\u0391\u0398\u0397\u039d\u0391", "\u03b1\u03b8\u03b7\u03bd\u03b1"},
            {"?!.,;:", ""},
            {"e.g.", "e.g"},
        };

        (void)state;
        for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
                char *got = answer_normalise(rows[i].in);

                if (strcmp(got, rows[i].want) != 0)
                        fail_msg("'%s': got '%s', want '%s'", rows[i].in, got, rows[i].want);
                free(got);
        }
}

static void typo_distance(void **state)
{
        static const struct {
                const char *a, *b;
                bool one;
        } rows[] = {
            {"efficient", "efficient", true},
            {"efficent", "efficient", true},
            {"efficiient", "efficient", true},
            {"efficiant", "efficient", true},
            {"effciient", "efficient", true}, /* transposition */
            {"efficeint", "efficient", true},
            {"efcifient", "efficient", false},
            {"effcient!", "efficient", false},
            {"", "a", true},
            {"z\u00f6e", "zoe", true},
            {"ab", "ba", true},
            {"abc", "cab", false},
        };
        const char *accepted[] = {"output", "efficient", "data"};
        bool typo;

        (void)state;
        for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
                if (answer_one_edit(rows[i].a, rows[i].b) != rows[i].one)
                        fail_msg("'%s' vs '%s'", rows[i].a, rows[i].b);
        assert_int_equal(answer_match("Efficeint.", accepted, 3, true, &typo), 1);
        assert_true(typo);
        assert_int_equal(answer_match("Efficeint.", accepted, 3, false, &typo), -1);
        assert_int_equal(answer_match("EFFICIENT", accepted, 3, true, &typo), 1);
        assert_false(typo);
        /* Under 5 characters: no allowance. */
        assert_int_equal(answer_match("dta", accepted, 3, true, &typo), -1);
        assert_int_equal(answer_match("outptu", accepted, 3, true, &typo), 0);
        assert_true(typo);
}

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

static void kinds_of(const struct present_parts *p, char *out)
{
        static const char letters[] = "VPFWHREN";

        for (size_t i = 0; i < p->n; i++)
                out[i] = letters[p->v[i].kind];
        out[p->n] = '\0';
}

static void answer_parts_in_order(void **state)
{
        struct module *m = load(HEAD "      - type: question\n        id: q\n        kind: single\n"
                                     "        prompt: P\n        shuffle: false\n"
                                     "        hint: [h1, h2]\n        explanation: E\n"
                                     "        choices:\n"
                                     "          - {text: A, feedback: fa}\n"
                                     "          - {text: B, correct: true, feedback: fb}\n"
                                     "          - {text: C}\n");
        struct learner_record *rec = record_new("ann");
        struct session *s = session_open(m, rec, "ann", T0);
        struct present_parts p;
        char k[64];
        size_t pick;

        (void)state;
        session_arrive(s, T0);
        present_answer(s, "h", &p);
        kinds_of(&p, k);
        assert_string_equal(k, "N"); /* "Press h for a hint." */
        present_parts_free(&p);
        pick = 0;
        session_answer_picks(s, &pick, 1, T0);
        present_answer(s, "F1", &p);
        kinds_of(&p, k);
        assert_string_equal(k, "VFHN"); /* verdict, feedback, the hint given by itself */
        assert_string_equal(p.v[0].text, "Not right. Try again: 1 attempt left.");
        assert_string_equal(p.v[1].text, "fa");
        assert_string_equal(p.v[2].text, "h1");
        assert_string_equal(p.v[3].text, "Press F1 for another hint.");
        present_parts_free(&p);
        pick = 1;
        session_answer_picks(s, &pick, 1, T0);
        present_answer(s, "h", &p);
        kinds_of(&p, k);
        assert_string_equal(k, "VPFRE"); /* the hints give way once settled */
        assert_string_equal(p.v[0].text, "Right.");
        assert_string_equal(p.v[1].text, "You earned 0.67 of 1 point.");
        assert_string_equal(present_no_hint(s), "This question is settled: no more hints.");
        assert_string_equal(p.v[3].text, "B");
        assert_string_equal(p.v[3].label, "The right answer: ");
        present_parts_free(&p);
        session_close(&s, T0);
        record_free(&rec);
        model_free(&m);
}

static void match_and_order_name_wrong_items(void **state)
{
        struct module *m = load(HEAD "      - type: question\n        id: q\n        kind: match\n"
                                     "        prompt: P\n        attempts: 1\n        pairs:\n"
                                     "          - {left: one, right: '1'}\n"
                                     "          - {left: two, right: '2'}\n"
                                     "          - {left: three, right: '3'}\n");
        struct learner_record *rec = record_new("ann");
        struct session *s = session_open(m, rec, "ann", T0);
        struct present_parts p;
        size_t n, picks[3], want[3] = {1, 0, 2}; /* author indices: two with one wrong */
        const size_t *order;
        char k[64];

        (void)state;
        session_arrive(s, T0);
        order = session_shown_order(s, &n);
        for (size_t i = 0; i < 3; i++)
                for (size_t j = 0; j < n; j++)
                        if (order[j] == want[i])
                                picks[i] = j;
        assert_int_equal(session_answer_picks(s, picks, 3, T0), ANSWER_SETTLED_WRONG);
        present_answer(s, NULL, &p);
        kinds_of(&p, k);
        assert_string_equal(k, "VPWWRRRR");
        assert_string_equal(p.v[2].text, "Not a pair: A. one with 2");
        assert_string_equal(p.v[3].text, "Not a pair: B. two with 1");
        assert_string_equal(p.v[4].text, "The right pairs:");
        assert_string_equal(p.v[5].text, "A. one: 1");
        present_parts_free(&p);
        session_close(&s, T0);
        record_free(&rec);
        model_free(&m);
}

static void intro_and_resume(void **state)
{
        struct module *m = load(HEAD "      - {type: lesson, id: l1, title: L, body: B}\n"
                                     "      - {type: lesson, id: l2, title: L, body: B}\n");
        struct catalog c = {.modules = &m, .count = 1};
        struct learner_record *rec = record_new("ann");
        struct present_intro in;
        struct session *s;

        (void)state;
        present_intro(m, NULL, &in);
        assert_false(in.started);
        assert_string_equal(present_intro_go_on(&in, false), "Press Enter to start.");
        assert_int_equal(present_resume(&c, rec), -1);
        s = session_open(m, rec, "ann", T0);
        session_close(&s, T0); /* opened, left at the intro */
        present_intro(m, record_find_module(rec, "t"), &in);
        assert_false(in.started);
        assert_int_equal(present_resume(&c, rec), -1);
        s = session_open(m, rec, "ann", T0);
        session_arrive(s, T0);
        session_close(&s, T0);
        present_intro(m, record_find_module(rec, "t"), &in);
        assert_true(in.started);
        assert_int_equal(in.done[0], 1);
        assert_int_equal(in.count[0], 2);
        {
                char *line = present_intro_section(m, &in, 0);

                assert_string_equal(line, "One (1 of 2 screens done)");
                free(line);
        }
        /* Nothing scored: no pass mark to name. */
        assert_string_equal(in.facts, "Nothing in this module is scored.");
        assert_string_equal(present_intro_go_on(&in, false),
                            "Press Enter to continue where you left off, or r for the whole "
                            "module again.");
        assert_int_equal(present_resume(&c, rec), 0);
        record_free(&rec);
        model_free(&m);

        /* The facts: minutes in words, and the pass mark of a scored module. */
        m = load("format: 1\nid: t\ntitle: T\nsummary: S\nminutes: 1\npass_mark: 70\n"
                 "sections:\n  - id: s1\n    title: One\n    screens:\n"
                 "      - type: question\n        id: q\n        kind: true-false\n"
                 "        prompt: P\n        answer: true\n"
                 "      - type: question\n        id: r\n        kind: reflection\n"
                 "        prompt: R\n");
        present_intro(m, NULL, &in);
        assert_string_equal(in.facts, "About 1 minute. Pass mark 70%.");
        {
                char head[96];

                assert_true(present_question_heading(&m->screens[1], head, sizeof head));
                assert_string_equal(head, "Reflection (not scored)");
        }
        model_free(&m);
}

/* The picker's entries, the position, the contents list and the way on
 * from the summary: one sentence each, drawn by both front ends. */
static void picker_position_contents_way_on(void **state)
{
        struct module *m = load(HEAD "      - {type: lesson, id: l1, title: Welcome, body: B}\n"
                                     "      - type: question\n        id: q\n        kind: single\n"
                                     "        prompt: \"Which *one*?\\n\\nMore words.\"\n"
                                     "        choices:\n          - {text: A, correct: true}\n"
                                     "          - {text: B}\n");
        struct module next = {.title = "Next One"};
        struct present_position at;
        struct screen_state done = {.seen = true, .complete = true}, seen = {.seen = true};
        char *line, *shown;

        (void)state;
        /* product.md: "Guest" (nothing is stored). */
        assert_string_equal(PRESENT_GUEST, "Guest (nothing is stored)");
        assert_string_equal(PRESENT_NEW_LEARNER, "New learner");

        /* product.md: the title bar shows module, section, screen n of m. */
        present_position(m, 1, &at);
        assert_string_equal(at.module, "T");
        assert_string_equal(at.section, "One");
        assert_string_equal(at.where, "screen 2 of 2");
        present_position(m, 2, &at);
        assert_null(at.section);
        assert_string_equal(at.where, "Module summary");

        /* The contents: kind and label, done or seen, and where one is,
         * in words; a prompt is named by its first line. */
        shown = present_first_line(present_contents_label(&m->screens[1]), 40);
        assert_string_equal(shown, "Which one? ...");
        line = present_contents_entry(&m->screens[1], shown, &seen, true);
        assert_string_equal(line, "Question: Which one? ... (seen) (you are here)");
        free(line);
        free(shown);
        line = present_contents_entry(&m->screens[0], "Welcome", &done, false);
        assert_string_equal(line, "Lesson: Welcome (done)");
        free(line);
        line = present_contents_entry(&m->screens[0], "Welcome", NULL, false);
        assert_string_equal(line, "Lesson: Welcome");
        free(line);
        line = present_contents_summary(true);
        assert_string_equal(line, "Module summary (you are here)");
        free(line);
        line = present_contents_summary(false);
        assert_string_equal(line, "Module summary");
        free(line);

        /* The way on from the summary says what Enter and m do there. */
        line = present_summary_next(&next);
        assert_string_equal(line, "Next module: Next One");
        free(line);
        line = present_summary_next(NULL);
        assert_string_equal(line,
                            "This is the last module: Enter or m returns to the module menu.");
        free(line);

        /* A key's word on the TUI's status line is the same words as the
         * sentence (module-format.md, Scoring; product.md section 5). */
        assert_non_null(strstr(PRESENT_AGAIN_MODULE, PRESENT_AGAIN_MODULE_KEY));
        assert_non_null(strstr(PRESENT_AGAIN_QUESTIONS, PRESENT_AGAIN_QUESTIONS_KEY));
        assert_string_equal(PRESENT_AGAIN_MODULE, "the whole module again");
        assert_string_equal(PRESENT_AGAIN_QUESTIONS, "the questions again");

        /* Past what a box holds, one sentence in both front ends. */
        {
                char buf[96];

                present_too_long(false, buf, sizeof buf);
                assert_string_equal(buf, "An answer holds at most 1 KiB: the rest was not kept.");
                present_too_long(true, buf, sizeof buf);
                assert_string_equal(buf,
                                    "A reflection holds at most 64 KiB: the rest was not kept.");
        }
        model_free(&m);
}

/* The name typed at the new-learner step, decided once for both front
 * ends: the same learner by the store's identity opens that record under
 * its own spelling; a bad name is refused with why; anyone else is new. */
static void new_learner_name(void **state)
{
        char dir[] = "/tmp/dlfl-present-XXXXXX";
        const char *err = NULL, *why = NULL;
        char *existing = NULL, *notice = NULL, *heading;
        struct store *st;
        struct store_handle *h;

        (void)state;
        assert_non_null(mkdtemp(dir));
        st = store_open(dir, &err);
        assert_non_null(st);
        assert_int_equal(present_new_name(st, "Ann", &existing, &why), PRESENT_NAME_NEW);
        assert_null(existing);
        h = store_open_learner(st, "Zo\xc3\xab", &err, &notice);
        assert_non_null(h);
        assert_true(store_save(h, &err));
        store_close_learner(&h);
        /* "ZOE" with a combining diaeresis, in capitals, with a space. */
        assert_int_equal(present_new_name(st, "ZOE\xcc\x88 ", &existing, &why),
                         PRESENT_NAME_EXISTING);
        assert_string_equal(existing, "Zo\xc3\xab");
        notice = present_existing_notice(existing);
        assert_string_equal(notice,
                            "There is already a learner called Zo\xc3\xab: opening that record.");
        free(notice);
        free(existing);
        assert_int_equal(present_new_name(st, "Zoe", &existing, &why), PRESENT_NAME_NEW);
        assert_int_equal(present_new_name(st, "a\xe2\x80\x8b", &existing, &why),
                         PRESENT_NAME_REFUSED);
        assert_non_null(why);
        assert_null(existing);
        assert_int_equal(present_new_name(NULL, "Ann", &existing, &why), PRESENT_NAME_NEW);
        store_close(&st);
        heading = present_menu_heading("Ann");
        assert_string_equal(heading, "Learner: Ann");
        free(heading);
        assert_string_equal(PRESENT_NO_MODULES, "No modules were found.");
        {
                char cmd[128];

                snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
                assert_int_equal(system(cmd), 0);
        }
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(percent_rounds_down),
            cmocka_unit_test(status_words),
            cmocka_unit_test(points_and_durations),
            cmocka_unit_test(rounding_matches_floor),
            cmocka_unit_test(summary_lines),
            cmocka_unit_test(points_grammar),
            cmocka_unit_test(menu_intro_again_and_endings),
            cmocka_unit_test(normalising),
            cmocka_unit_test(typo_distance),
            cmocka_unit_test(answer_parts_in_order),
            cmocka_unit_test(match_and_order_name_wrong_items),
            cmocka_unit_test(intro_and_resume),
            cmocka_unit_test(picker_position_contents_way_on),
            cmocka_unit_test(new_learner_name),
        };

        return cmocka_run_group_tests(tests, NULL, NULL);
}
