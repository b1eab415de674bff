/* The question kinds' table (kinds.c): every row is whole, the names are
 * unique and written once, and what authors are told lists every kind. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "dlfl/kinds.h"
#include "dlfl/loader.h"

static bool picks(const struct kind_ops *k)
{
        return k->widget == WIDGET_PICK_ONE || k->widget == WIDGET_PICK_MANY ||
               k->widget == WIDGET_ORDER || k->widget == WIDGET_MATCH;
}

static void test_every_row_has_every_op(void **state)
{
        (void)state;
        assert_true(kinds_count() > KIND_RATING);
        for (size_t i = 0; i < kinds_count(); i++) {
                const struct kind_ops *k = kind_ops((enum question_kind)i);

                assert_non_null(k);
                assert_non_null(k->name);
                assert_true(k->name[0] != '\0');
                assert_non_null(k->label);
                assert_non_null(k->keys);
                assert_non_null(k->instruction);
                assert_true(k->instruction[0] != '\0');
                assert_non_null(k->xapi_type);
                assert_non_null(k->xapi_response);
                assert_true(k->widget < WIDGET_COUNT);
                assert_true(k->attempts >= 0);
                /* A kind with keys of its own reads them. */
                if (k->keys[0] != NULL)
                        assert_non_null(k->load);
                if (picks(k)) {
                        assert_non_null(k->options);
                        assert_non_null(k->option);
                        assert_non_null(k->picks_of);
                        assert_non_null(k->check_picks);
                } else {
                        assert_non_null(k->empty);
                        if (k->checked)
                                assert_non_null(k->check_text);
                }
                /* Something right or wrong has a right answer to show and
                 * to send as a pattern. */
                if (k->checked) {
                        assert_non_null(k->right_answer);
                        assert_non_null(k->xapi_define);
                }
                assert_string_equal(model_kind_name((enum question_kind)i), k->name);
                assert_int_equal(model_kind_is_checked((enum question_kind)i), k->checked);
        }
        assert_null(kind_ops((enum question_kind)kinds_count()));
}

static void test_names_unique_and_found(void **state)
{
        (void)state;
        for (size_t i = 0; i < kinds_count(); i++) {
                const char *name = kind_ops((enum question_kind)i)->name;

                assert_int_equal(kind_find(name), (int)i);
                for (size_t j = 0; j < i; j++)
                        assert_string_not_equal(kind_ops((enum question_kind)j)->name, name);
        }
        assert_int_equal(kind_find("essay"), -1);
        assert_int_equal(kind_find(NULL), -1);
}

static void test_all_keys_hold_every_kinds_keys(void **state)
{
        const char *const *all = kinds_all_keys();

        (void)state;
        for (size_t i = 0; i < kinds_count(); i++) {
                for (const char *const *k = kind_ops((enum question_kind)i)->keys; *k; k++) {
                        bool found = false;

                        for (const char *const *a = all; *a && !found; a++)
                                found = strcmp(*a, *k) == 0;
                        assert_true(found);
                }
        }
}

/* The author who writes an unknown kind is told every kind there is. */
static void test_bad_kind_lists_every_name(void **state)
{
        static const char yaml[] = "format: 1\n"
                                   "id: lint\n"
                                   "title: Lint\n"
                                   "summary: S.\n"
                                   "sections:\n"
                                   "  - id: s\n"
                                   "    title: S\n"
                                   "    screens:\n"
                                   "      - type: question\n"
                                   "        id: q1\n"
                                   "        kind: essay\n"
                                   "        prompt: P\n";
        struct diag_list d = {0};
        struct module *m = loader_load_buffer("bad.yaml", yaml, sizeof(yaml) - 1, &d);
        const char *msg = NULL;

        (void)state;
        model_free(&m);
        for (size_t i = 0; i < d.count; i++)
                if (d.items[i].code == E_BAD_KIND)
                        msg = d.items[i].message;
        assert_non_null(msg);
        assert_non_null(strstr(msg, "'essay'"));
        for (size_t i = 0; i < kinds_count(); i++) {
                char quoted[64];
                const char *name = kind_ops((enum question_kind)i)->name;

                /* Each name whole, not as part of another ("text" in "text,"). */
                snprintf(quoted, sizeof quoted, " %s%s", name, i + 1 == kinds_count() ? "" : ",");
                if (i + 2 == kinds_count())
                        snprintf(quoted, sizeof quoted, " %s or", name);
                assert_non_null(strstr(msg, quoted));
        }
        diag_free(&d);
}

static void test_instruction_counts(void **state)
{
        struct screen s = {.type = SCREEN_QUESTION, .kind = KIND_ORDER};
        char buf[200];

        (void)state;
        kind_instruction(&s, 4, buf, sizeof buf);
        assert_string_equal(buf,
                            "Type the numbers of these 4 items in the right order, separated by "
                            "spaces");
        s.kind = KIND_SINGLE;
        kind_instruction(&s, 4, buf, sizeof buf);
        assert_string_equal(buf, "Type the number of your answer");
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(test_every_row_has_every_op),
            cmocka_unit_test(test_names_unique_and_found),
            cmocka_unit_test(test_all_keys_hold_every_kinds_keys),
            cmocka_unit_test(test_bad_kind_lists_every_name),
            cmocka_unit_test(test_instruction_counts),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}
