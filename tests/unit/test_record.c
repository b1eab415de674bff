/* Learner records as plain data: lookups create what is missing, strings
 * are copies, and everything is released by record_free(). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "dlfl/record.h"

static void modules_and_attempts(void **state)
{
        struct learner_record *r = record_new("Ann");
        struct module_record *mr;
        struct attempt *a;

        (void)state;
        assert_string_equal(r->name, "Ann");
        assert_null(record_find_module(r, "m"));
        mr = record_module(r, "m");
        assert_string_equal(mr->module, "m");
        assert_null(record_current(mr));
        assert_ptr_equal(record_module(r, "m"), mr);
        record_module(r, "n");
        assert_int_equal(r->nmodules, 2);
        mr = record_module(r, "m");
        a = record_new_attempt(mr, 70, 100);
        assert_int_equal(a->started, 100);
        assert_float_equal(a->pass_mark, 70, 0);
        a = record_new_attempt(mr, 80, 200);
        assert_int_equal(mr->nattempts, 2);
        assert_ptr_equal(record_current(mr), a);
        assert_float_equal(mr->attempts[0].pass_mark, 70, 0);
        assert_ptr_equal(record_find_module(r, "n"), &r->modules[1]);
        record_free(&r);
        assert_null(r);
        record_free(&r);
}

static void screens_strings_paths(void **state)
{
        struct learner_record *r = record_new("Ann");
        struct attempt *a = record_new_attempt(record_module(r, "m"), 70, 1);
        struct screen_state *st = record_screen(a, "q1");

        (void)state;
        assert_string_equal(st->id, "q1");
        assert_int_equal(st->rating, -1);
        assert_false(st->seen);
        assert_null(record_find_screen(a, "q2"));
        assert_ptr_equal(record_find_screen(a, "q1"), st);
        record_set_string(&st->response, "2");
        record_set_string(&st->response, st->response); /* self-assignment is safe */
        assert_string_equal(st->response, "2");
        record_set_string(&st->response, NULL);
        assert_null(st->response);
        record_set_string(&st->text, "notes");
        record_path_push(st, "start");
        record_path_push(st, "good");
        assert_int_equal(st->npath, 2);
        assert_string_equal(st->path[1], "good");
        record_path_clear(st);
        assert_int_equal(st->npath, 0);
        assert_null(st->path);
        record_path_push(st, "start");
        record_screen(a, "q2");
        assert_int_equal(a->nscreens, 2);
        record_set_string(&a->screen, "q2");
        record_free(&r);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(modules_and_attempts),
            cmocka_unit_test(screens_strings_paths),
        };

        return cmocka_run_group_tests(tests, NULL, NULL);
}
