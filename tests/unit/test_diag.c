/* Diagnostics: a code's level is where it stands in enum diag_code, and the
 * exit status of `dlfl check` is the worst level seen. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "dlfl/diag.h"

static void level_by_position(void **state)
{
        (void)state;
        assert_int_equal(diag_level_of(W_SINGLE_ALL_CORRECT), DIAG_WARNING);
        assert_int_equal(diag_level_of(W_DIR_EMPTY), DIAG_WARNING);
        assert_int_equal(diag_level_of(W_REVIEWED_OLD), DIAG_WARNING);
        assert_int_equal(diag_level_of(E_FILE_OPEN), DIAG_ERROR);
        assert_int_equal(diag_level_of(E_TOO_MANY_SCREENS), DIAG_ERROR);
        assert_true(W_REVIEWED_OLD < D_ERROR && E_FILE_OPEN > D_ERROR);
}

static void exit_status_is_worst_level(void **state)
{
        struct diag_list d = {0};

        (void)state;
        assert_int_equal(diag_exit_status(&d), 0);
        diag_add(&d, "a.yaml", 1, 1, W_DIR_EMPTY);
        assert_int_equal(diag_exit_status(&d), 0);
        assert_int_equal(d.warnings, 1);
        diag_add(&d, "a.yaml", 2, 1, E_YAML_EMPTY);
        assert_int_equal(diag_exit_status(&d), 1);
        assert_int_equal(d.errors, 1);
        diag_truncate(&d, 1);
        assert_int_equal(diag_exit_status(&d), 0);
        diag_free(&d);
}

/* The one near-miss rule of modules and the settings: up to three edits,
 * and no more than half the word. */
static void near_key(void **state)
{
        static const char *const keys[] = {"body", "title", "endpoint", "xapi", NULL};

        (void)state;
        assert_string_equal(diag_near_key("bdoy", keys), "body");
        assert_string_equal(diag_near_key("xpai", keys), "xapi");
        assert_string_equal(diag_near_key("endpiont", keys), "endpoint");
        assert_string_equal(diag_near_key("titel", keys), "title");
        assert_null(diag_near_key("colour", keys));
        assert_null(diag_near_key("zzzz", keys));
        assert_null(diag_near_key("body", NULL));
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(level_by_position),
            cmocka_unit_test(exit_status_is_worst_level),
            cmocka_unit_test(near_key),
        };

        return cmocka_run_group_tests(tests, NULL, NULL);
}
