/* The loader on good input: every field of format 1 lands in the model
 * with the value the author wrote, and defaults are the spec's. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "dlfl/loader.h"
#include "dlfl/present.h"

#define FIXTURE "tests/fixtures/good/every-field.yaml"

static struct module *load(const char *path, struct diag_list *d)
{
        struct module *m = loader_load_file(path, d);
        return m;
}

static void test_module_fields(void **state)
{
        struct diag_list d = {0};
        struct module *m = load(FIXTURE, &d);

        (void)state;
        assert_non_null(m);
        assert_int_equal(d.errors, 0);
        assert_int_equal(d.warnings, 0);
        assert_int_equal(m->format, 1);
        assert_string_equal(m->id, "every-field");
        assert_string_equal(m->title, "Every Field");
        assert_string_equal(m->summary,
                            "A module that uses **every** field of the format, for the tests.");
        assert_true(m->has_order);
        assert_int_equal(m->order, 7);
        assert_int_equal(m->minutes, 30);
        assert_true(m->pass_mark == 60.0);
        assert_int_equal(m->noutcomes, 2);
        assert_string_equal(m->outcomes[1], "Answer every kind");
        assert_int_equal(m->ntags, 2);
        assert_string_equal(m->tags[1], "format 1");
        assert_int_equal(m->npksb, 2);
        assert_string_equal(m->pksb[1], "IT and communication");
        assert_string_equal(m->reviewed, "2026-11-29");
        struct present_intro in;
        present_intro(m, NULL, &in);
        assert_string_equal(in.reviewed, "Content checked on 29 November 2026.");
        assert_int_equal(m->nsections, 3);
        assert_string_equal(m->sections[1].id, "kinds");
        assert_int_equal(m->sections[1].first, 2);
        assert_int_equal(m->sections[1].count, 9);
        assert_int_equal(m->nscreens, 13);
        assert_int_equal(strlen(m->digest), 64);
        model_free(&m);
        assert_null(m);
        diag_free(&d);
}

static void test_dates(void **state)
{
        static const struct {
                const char *text;
                bool ok;
        } cases[] = {
            {"2026-11-29", true},  {"2024-02-29", true},   {"2023-02-29", false},
            {"2000-02-29", true},  {"1900-02-29", false},  {"2026-13-01", false},
            {"2026-00-10", false}, {"2026-1-01", false},   {"26-11-29", false},
            {"0999-01-01", false}, {"2026-11-29x", false}, {"", false},
        };
        int y, m, d;

        (void)state;
        for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
                if (model_parse_date(cases[i].text, &y, &m, &d) != cases[i].ok)
                        fail_msg("model_parse_date(\"%s\") should be %s", cases[i].text,
                                 cases[i].ok ? "true" : "false");
}

static const struct screen *find(const struct module *m, const char *id)
{
        size_t i = model_find_screen(m, id);
        assert_true(i != (size_t)-1);
        return &m->screens[i];
}

static void test_question_fields(void **state)
{
        struct diag_list d = {0};
        struct module *m = load(FIXTURE, &d);
        const struct screen *s;

        (void)state;
        assert_non_null(m);
        s = find(m, "welcome");
        assert_int_equal(s->type, SCREEN_LESSON);
        assert_string_equal(s->title, "Welcome");
        assert_non_null(strstr(s->body, "# Hello"));

        s = find(m, "q-single");
        assert_int_equal(s->type, SCREEN_QUESTION);
        assert_int_equal(s->kind, KIND_SINGLE);
        assert_int_equal(s->nchoices, 3);
        assert_false(s->choices[0].correct);
        assert_true(s->choices[1].correct);
        assert_string_equal(s->choices[1].feedback, "Yes.");
        assert_null(s->choices[2].feedback);
        assert_int_equal(s->nhints, 1);
        assert_string_equal(s->hints[0], "It is not the first.");
        assert_string_equal(s->feedback_correct, "Well done.");
        assert_string_equal(s->feedback_incorrect, "Try again.");
        assert_int_equal(s->attempts, 3);
        assert_true(s->points == 2.0);
        assert_true(s->penalty == 0.5);
        assert_false(s->shuffle);

        s = find(m, "q-multiple");
        assert_int_equal(s->kind, KIND_MULTIPLE);
        assert_true(s->shuffle);
        assert_int_equal(s->attempts, 2);
        assert_true(s->points == 1.0);
        assert_true(s->penalty == 0.33);
        assert_int_equal(s->nhints, 2);
        assert_string_equal(s->choices[0].text, "1");

        s = find(m, "q-tf");
        assert_int_equal(s->kind, KIND_TRUE_FALSE);
        assert_true(s->answer_true);
        assert_int_equal(s->attempts, 1);
        assert_string_equal(s->feedback_false, "Look up.");

        s = find(m, "q-text");
        assert_int_equal(s->nanswers, 2);
        assert_string_equal(s->answers[1], "City of London");
        assert_true(s->typos);

        s = find(m, "q-order");
        assert_int_equal(s->nitems, 3);
        assert_string_equal(s->items[2], "Three");

        s = find(m, "q-match");
        assert_int_equal(s->npairs, 2);
        assert_string_equal(s->pairs[1].right, "Woof");

        s = find(m, "q-numeric");
        assert_true(s->number == 42.0);
        assert_true(s->tolerance == 0.5);

        s = find(m, "q-rating");
        assert_int_equal(s->nscale, 3);
        assert_string_equal(s->scale[2], "High");
        assert_true(model_screen_points(s) == 0.0);

        s = find(m, "q-rating-default");
        assert_int_equal(s->nscale, 5);
        assert_string_equal(s->scale[0], "None");
        assert_string_equal(s->scale[4], "Expert");

        /* 2 (single) + 6 checked questions of 1 point. */
        assert_true(model_possible_points(m) == 8.0);
        model_free(&m);
        diag_free(&d);
}

static void test_case_study(void **state)
{
        struct diag_list d = {0};
        struct module *m = load(FIXTURE, &d);
        const struct screen *s;

        (void)state;
        assert_non_null(m);
        s = find(m, "case-one");
        assert_int_equal(s->type, SCREEN_CASE_STUDY);
        assert_int_equal(s->nsteps, 5);
        assert_string_equal(s->steps[s->start].id, "begin");
        assert_int_equal(s->steps[0].ending, ENDING_POOR);
        assert_int_equal(s->steps[1].nchoices, 2);
        assert_string_equal(s->steps[s->steps[1].choices[0].next].id, "bad");
        assert_string_equal(s->steps[1].choices[0].feedback, "Oh dear.");
        assert_string_equal(s->steps[s->steps[2].choices[2].next].id, "begin");
        assert_string_equal(s->reflection, "What would you do differently?");
        s = find(m, "case-plain");
        assert_int_equal(s->nsteps, 0);
        assert_null(s->reflection);
        model_free(&m);
        diag_free(&d);
}

static void test_buffer_errors_collected(void **state)
{
        static const char text[] = "format: 1\nid: BAD\ntitle:\nsummary: s\nsections: []\n";
        struct diag_list d = {0};
        struct module *m = loader_load_buffer("mem.yaml", text, sizeof text - 1, &d);

        (void)state;
        assert_null(m);
        assert_int_equal(d.errors, 3);
        diag_sort(&d);
        assert_int_equal(d.items[0].line, 2);
        assert_int_equal(d.items[0].column, 5);
        assert_int_equal(d.items[1].line, 3);
        assert_int_equal(d.items[2].line, 5);
        diag_free(&d);
}

static void test_bom_accepted(void **state)
{
        static const char text[] = "\xEF\xBB\xBF"
                                   "format: 1\nid: bom\ntitle: T\nsummary: S\nsections:\n"
                                   "  - id: a\n    title: A\n    screens:\n"
                                   "      - {type: lesson, id: l, title: L, body: B}\n";
        struct diag_list d = {0};
        struct module *m = loader_load_buffer("bom.yaml", text, sizeof text - 1, &d);

        (void)state;
        assert_non_null(m);
        assert_string_equal(m->id, "bom");
        model_free(&m);
        diag_free(&d);
}

static void test_directory_and_duplicate_ids(void **state)
{
        struct diag_list d = {0};
        struct catalog cat = {0};

        (void)state;
        assert_true(loader_load_path(&cat, "tests/fixtures/good", NULL, &d));
        assert_int_equal(cat.count, 1);
        assert_false(loader_load_path(&cat, FIXTURE, NULL, &d));
        assert_int_equal(cat.count, 1);
        assert_int_equal(d.errors, 1);
        assert_int_equal(d.items[0].code, E_DUP_MODULE_ID);
        assert_int_equal(d.items[0].line, 3);
        catalog_free(&cat);
        diag_free(&d);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(test_module_fields),
            cmocka_unit_test(test_dates),
            cmocka_unit_test(test_question_fields),
            cmocka_unit_test(test_case_study),
            cmocka_unit_test(test_buffer_errors_collected),
            cmocka_unit_test(test_bom_accepted),
            cmocka_unit_test(test_directory_and_duplicate_ids),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}
